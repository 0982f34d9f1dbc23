/* indicators.c — stored quantitative statements, with their sentence. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/indicators.h"
#include "text/text.h"

void indicator_row_clear(struct indicator_row *r)
{
	free(r->region);
	free(r->indicator);
	free(r->name);
	free(r->kind);
	free(r->value);
	free(r->unit);
	free(r->qualifier);
	free(r->period);
	free(r->source);
	free(r->section_path);
	free(r->text);
	free(r->flags);
	memset(r, 0, sizeof *r);
}

void model_indicators_free(struct indicator_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		indicator_row_clear(&r[i]);
	free(r);
}

/* the sentence: code points [start, end) of the paragraph */
static char *sentence(const char *text, size_t len, int start, int end)
{
	if (!text)
		return strdup("");
	size_t a = utf8_offset(text, len, start > 0 ? (size_t)start : 0);
	size_t b = utf8_offset(text, len, end > start ? (size_t)end : utf8_count(text, len));
	return strndup(text + a, b - a);
}

int model_indicators(model *m, const struct indicator_filter *f, struct indicator_row **out,
                     size_t *n)
{
	/* A region or a document is asked as a plain equality, so that the
	 * documents' and indicators' indexes find the rows: "?1 IS NULL OR
	 * d.region = ?1" reads every indicator of the corpus. */
	const char *region = f ? f->region : NULL;
	int64_t doc = f ? f->doc : 0;
	char sql[1024];
	snprintf(
	    sql, sizeof sql,
	    "SELECT i.id, i.doc_id, coalesce(i.paragraph_id, 0), coalesce(i.section_id, 0),"
	    " coalesce(d.region, ''), i.indicator, i.name, i.kind, i.value, i.unit, i.qualifier,"
	    " i.period, d.source, coalesce(i.year, 0), i.growth, i.start, i.end, p.text,"
	    " i.growth_high, coalesce(i.horizon, 0), i.flags"
	    " FROM indicators i JOIN documents d ON d.id = i.doc_id"
	    " LEFT JOIN paragraphs p ON p.id = i.paragraph_id"
	    " WHERE (?2 = 0 OR i.year = ?2) AND (?3 IS NULL OR i.kind = ?3)%s%s"
	    " ORDER BY d.region, i.year, i.kind DESC, i.doc_id, p.ord, i.start",
	    region ? " AND d.region = ?1" : "", doc ? " AND i.doc_id = ?4" : "");
	sqlite3_stmt *st = model_prepare(m, sql);
	if (!st)
		return -1;
	if (region)
		model_bind_text(st, 1, region);
	sqlite3_bind_int(st, 2, f ? f->year : 0);
	model_bind_text(st, 3, f ? f->kind : NULL);
	if (doc)
		sqlite3_bind_int64(st, 4, doc);
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int64_t last_section = -1;
	char *last_path = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			struct indicator_row *g = realloc(*out, cap * sizeof *g);
			if (!g)
				break;
			*out = g;
		}
		struct indicator_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		r->doc = sqlite3_column_int64(st, 1);
		r->paragraph = sqlite3_column_int64(st, 2);
		r->section = sqlite3_column_int64(st, 3);
		r->region = model_column_dup(st, 4, 0);
		r->indicator = model_column_dup(st, 5, 0);
		r->name = model_column_dup(st, 6, 1);
		r->kind = model_column_dup(st, 7, 0);
		r->value = model_column_dup(st, 8, 1);
		r->unit = model_column_dup(st, 9, 1);
		r->qualifier = model_column_dup(st, 10, 1);
		r->period = model_column_dup(st, 11, 1);
		r->source = model_column_dup(st, 12, 0);
		r->year = sqlite3_column_int(st, 13);
		r->has_growth = sqlite3_column_type(st, 14) != SQLITE_NULL;
		r->growth = sqlite3_column_double(st, 14);
		r->start = sqlite3_column_int(st, 15);
		r->end = sqlite3_column_int(st, 16);
		r->has_growth_high = sqlite3_column_type(st, 18) != SQLITE_NULL;
		r->growth_high = sqlite3_column_double(st, 18);
		r->horizon = sqlite3_column_int(st, 19);
		r->flags = model_column_dup(st, 20, 1);
		r->text = sentence((const char *)sqlite3_column_text(st, 17),
		                   (size_t)sqlite3_column_bytes(st, 17), r->start, r->end);
		/* rows come grouped by document: one path query per section */
		if (r->section != last_section) {
			free(last_path);
			last_path = r->section ? model_section_path(m, r->section) : strdup("");
			last_section = r->section;
		}
		r->section_path = strdup(last_path ? last_path : "");
	}
	free(last_path);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		model_sqlite_error(m, "indicators");
		sqlite3_finalize(st);
		model_indicators_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

static char *fmt_growth(double g)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%.10g%%", g);
	return strdup(buf);
}

char *indicator_target_label(const struct indicator_row *r)
{
	const char *q = r->qualifier ? r->qualifier : "exact";
	if (strcmp(q, "in_step") == 0)
		return strdup("与经济增长同步");
	if (strcmp(q, "above") == 0)
		return strdup("高于经济增长");
	char *g = r->has_growth ? fmt_growth(r->growth) : NULL;
	const char *prefix = strcmp(q, "at_least") == 0  ? "≥"
	                     : strcmp(q, "at_most") == 0 ? "≤"
	                     : strcmp(q, "about") == 0   ? "≈"
	                                                 : "";
	char buf[96];
	if (g)
		snprintf(buf, sizeof buf, "%s%s", prefix, g);
	else
		snprintf(buf, sizeof buf, "%s%s%s", prefix, r->value ? r->value : "?",
		         r->unit ? r->unit : "");
	free(g);
	return strdup(buf);
}

char *indicator_result_label(const struct indicator_row *r)
{
	char buf[160] = "";
	size_t n = 0;
	if (r->has_growth)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%+.10g%%", r->growth);
	if (r->value && n < sizeof buf)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s%s", n ? " · " : "", r->value,
		                      r->unit ? r->unit : "");
	if (r->period && n < sizeof buf)
		snprintf(buf + n, sizeof buf - n, "%s%s", n ? " · " : "", r->period);
	return strdup(buf);
}
