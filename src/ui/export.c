/* export.c — e: the comparison of the chosen region (all regions before one
 * is chosen) written to CSV and Markdown, for a report.  Files go to the
 * current directory, else $HOME, else /tmp; the status line says where.
 * Every field is sanitized: a file that is later cat'ed to a terminal must
 * not carry a report's escape sequences either. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/indicators.h"
#include "text/text.h"
#include "ui/app.h"

static char *clean(const char *s)
{
	return text_sanitize(s ? s : "", s ? strlen(s) : 0, 0, NULL);
}

static void csv_field(FILE *fp, const char *s, int last)
{
	char *c = clean(s);
	fputc('"', fp);
	if (text_csv_formula(c))
		fputc('\'', fp); /* report text is data, never a formula */
	for (const char *p = c; *p; p++) {
		if (*p == '"')
			fputc('"', fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
	fputs(last ? "\r\n" : ",", fp);
	free(c);
}

static FILE *open_export(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return NULL;
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid()) {
		close(fd);
		errno = EPERM;
		return NULL;
	}
	FILE *f = fdopen(fd, "w");
	if (!f)
		close(fd);
	return f;
}

static void md_field(FILE *fp, const char *s)
{
	char *c = clean(s);
	fputs(" ", fp);
	for (const char *p = c; *p; p++) {
		if (*p == '|' || *p == '\\' || *p == '*' || *p == '_' || *p == '`')
			fputc('\\', fp);
		fputc(*p, fp);
	}
	fputs(" |", fp);
	free(c);
}

static void num(char *buf, size_t size, const struct indicator_row *r, int growth)
{
	buf[0] = '\0';
	if (!r)
		return;
	if (growth) {
		if (r->has_growth)
			snprintf(buf, size, "%g", r->growth);
	} else {
		snprintf(buf, size, "%d", r->year);
	}
}

static void write_csv(FILE *fp, const struct compare_row *rows, size_t n)
{
	static const char *const head[] = {
	    "region",        "indicator",      "year",          "verdict",
	    "target_value",  "target_unit",    "target_growth", "target_qualifier",
	    "target_source", "target_text",    "result_year",   "result_value",
	    "result_unit",   "result_growth",  "result_source", "result_text",
	    "previous_year", "previous_value", "previous_unit", "previous_growth",
	    "previous_text", "warnings"};
	size_t nh = sizeof head / sizeof head[0];
	fputs("\xef\xbb\xbf", fp); /* so spreadsheet programs read UTF-8 */
	for (size_t i = 0; i < nh; i++)
		csv_field(fp, head[i], i + 1 == nh);
	for (size_t i = 0; i < n; i++) {
		const struct compare_row *r = &rows[i];
		char year[16], tg[32], ry[16], rg[32], py[16], pg[32], warn[256];
		compare_warnings_text(r, 0, warn, sizeof warn);
		snprintf(year, sizeof year, "%d", r->year);
		num(tg, sizeof tg, &r->target, 1);
		num(ry, sizeof ry, r->result, 0);
		num(rg, sizeof rg, r->result, 1);
		num(py, sizeof py, r->previous, 0);
		num(pg, sizeof pg, r->previous, 1);
		const struct indicator_row *res = r->result, *prev = r->previous;
		const char *cells[] = {r->region,
		                       r->indicator,
		                       year,
		                       verdict_name(r->verdict),
		                       r->target.value,
		                       r->target.unit,
		                       tg,
		                       r->target.qualifier,
		                       r->target.source,
		                       r->target.text,
		                       ry,
		                       res ? res->value : NULL,
		                       res ? res->unit : NULL,
		                       rg,
		                       res ? res->source : NULL,
		                       res ? res->text : NULL,
		                       py,
		                       prev ? prev->value : NULL,
		                       prev ? prev->unit : NULL,
		                       pg,
		                       prev ? prev->text : NULL,
		                       warn};
		for (size_t k = 0; k < nh; k++)
			csv_field(fp, cells[k], k + 1 == nh);
	}
}

static void md_value(char *buf, size_t size, const struct indicator_row *r)
{
	if (!r) {
		snprintf(buf, size, "—");
		return;
	}
	char g[32] = "";
	if (r->has_growth)
		snprintf(g, sizeof g, "%s增长%g%%", r->value && *r->value ? "，" : "", r->growth);
	snprintf(buf, size, "%d年 %s%s%s", r->year, r->value ? r->value : "",
	         r->unit ? r->unit : "", g);
}

static void write_md(FILE *fp, const char *region, const struct compare_row *rows, size_t n)
{
	char *title = clean(region ? region : "全部地区");
	fprintf(fp, "# %s 主要指标：目标与完成\n\n", title);
	free(title);
	fputs("| 地区 | 指标 | 年份 | 目标 | 完成 | 上年 | 判定 | 注意 |\n", fp);
	fputs("|---|---|---:|---|---|---|---|---|\n", fp);
	for (size_t i = 0; i < n; i++) {
		const struct compare_row *r = &rows[i];
		char year[16], t[256], res[256], prev[256];
		snprintf(year, sizeof year, "%d", r->year);
		md_value(t, sizeof t, &r->target);
		if (r->target.qualifier && strcmp(r->target.qualifier, "exact") != 0) {
			size_t len = strlen(t);
			snprintf(t + len, sizeof t - len, " (%s)", r->target.qualifier);
		}
		md_value(res, sizeof res, r->result);
		md_value(prev, sizeof prev, r->previous);
		fputs("|", fp);
		md_field(fp, r->region);
		md_field(fp, r->indicator);
		md_field(fp, year);
		md_field(fp, t);
		md_field(fp, res);
		md_field(fp, prev);
		md_field(fp, verdict_name(r->verdict));
		char warn[256];
		md_field(fp, compare_warnings_text(r, 1, warn, sizeof warn));
		fputs("\n", fp);
	}
	fputs("\n## 原文\n\n", fp);
	for (size_t i = 0; i < n; i++) {
		const struct compare_row *r = &rows[i];
		char *reg = clean(r->region), *ind = clean(r->indicator),
		     *tt = clean(r->target.text);
		char *ts = clean(r->target.source);
		fprintf(fp, "- **%s %s %d**\n  - 目标（%s）：%s\n", reg, ind, r->year, ts, tt);
		const struct indicator_row *res = r->result ? r->result : r->previous;
		if (res) {
			char *rt = clean(res->text), *rs = clean(res->source);
			fprintf(fp, "  - %s（%s）：%s\n", r->result ? "完成" : "上年完成", rs, rt);
			free(rt);
			free(rs);
		}
		free(reg);
		free(ind);
		free(tt);
		free(ts);
	}
}

/* dir/baogao-compare-REGION.ext; region names are Chinese words, but a
 * slash in one must not make a path. */
static void file_name(char *buf, size_t size, const char *dir, const char *region, const char *ext)
{
	char safe[128];
	snprintf(safe, sizeof safe, "%s", region ? region : "all");
	for (char *p = safe; *p; p++)
		if (*p == '/' || (unsigned char)*p < 0x20)
			*p = '_';
	snprintf(buf, size, "%s/baogao-compare-%s.%s", dir, safe, ext);
}

void compare_export(struct ui *u)
{
	struct compare_row *rows = NULL;
	size_t n = 0;
	if (model_compare(u->m, u->region, 0, &rows, &n) < 0) {
		ui_message(u, EL_ERROR, "export: %s", model_error(u->m));
		return;
	}
	if (n == 0) {
		ui_message(u, EL_ERROR, "export: no targets for %s",
		           u->region ? u->region : "any region");
		model_compare_free(rows, n);
		return;
	}
	char cwd[PATH_MAX];
	const char *dirs[3] = {getcwd(cwd, sizeof cwd) ? cwd : NULL, getenv("HOME"), "/tmp"};
	char csv[PATH_MAX + 256], md[PATH_MAX + 256];
	const char *err = "no writable directory";
	for (size_t i = 0; i < 3; i++) {
		if (!dirs[i] || !*dirs[i] || access(dirs[i], W_OK) != 0)
			continue;
		file_name(csv, sizeof csv, dirs[i], u->region, "csv");
		file_name(md, sizeof md, dirs[i], u->region, "md");
		/* never through a link another user planted (a shared /tmp) */
		FILE *a = open_export(csv), *b = a ? open_export(md) : NULL;
		if (a && b) {
			write_csv(a, rows, n);
			write_md(b, u->region, rows, n);
			int bad = ferror(a) | ferror(b);
			bad |= fclose(a) != 0;
			bad |= fclose(b) != 0;
			if (!bad) {
				ui_message(u, EL_MESSAGE, "exported %zu rows: %s (and .md)", n,
				           csv);
				model_compare_free(rows, n);
				return;
			}
			err = strerror(errno);
			continue;
		}
		err = strerror(errno);
		if (a)
			fclose(a);
	}
	ui_message(u, EL_ERROR, "export failed: %s", err);
	model_compare_free(rows, n);
}
