/* cmd_show.c — `baogao show`: a document laid out exactly as the viewer
 * lays it out (text/page.h), for reading in a pager or diffing in a script. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "text/page.h"
#include "text/text.h"

static const char show_usage[] =
    "Usage: baogao show [--width N] [--toc] DOC [SECTION]\n"
    "Prints document DOC (its id or source file name) wrapped to N columns with\n"
    "Chinese line-breaking rules, exactly as the browser's viewer shows it.\n"
    "SECTION narrows to one section and its subsections: its number in --toc,\n"
    "its numbering as printed (二、 or （一）, a path like 二/（一）), or a word of\n"
    "its title.\n"
    "  -w, --width N   columns (default: the terminal's width, else 80)\n"
    "  -t, --toc       list the sections instead (number, level, numbering, title)\n";

/* "（一）" matches "(一)", "一、" matches "一": numbering is compared without
 * its brackets and punctuation, since reports write it several ways. */
static char *numbering_key(const char *s)
{
	size_t len;
	char *f = text_fold(s, strlen(s), 0, &len);
	char *out = malloc(len + 1);
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(f + i, len - i, &cp);
		if (!(cp == '(' || cp == ')' || cp == '.' || cp == 0x3001 || cp == ' ' ||
		      cp == '*'))
			memcpy(out + o, f + i, n), o += n;
		i += n;
	}
	out[o] = '\0';
	free(f);
	return out;
}

static int section_matches(const struct section_info *s, const char *want)
{
	char *a = numbering_key(s->number ? s->number : "");
	char *b = numbering_key(want);
	int hit = *a && strcmp(a, b) == 0;
	free(a);
	free(b);
	return hit;
}

/* Resolves SECTION to an index into secs, or -1. */
static long find_section(const struct section_info *secs, size_t n, const char *spec)
{
	char *end;
	long local = strtol(spec, &end, 10);
	if (*spec && !*end) {
		for (size_t i = 0; i < n; i++)
			if (secs[i].local == local)
				return (long)i;
		return -1;
	}
	/* A path: each step searches the children of the previous match. */
	char *copy = strdup(spec);
	long found = -1;
	int64_t parent = 0;
	int first = 1;
	for (char *step = strtok(copy, "/›"); step; step = strtok(NULL, "/›")) {
		long hit = -1;
		for (size_t i = 0; i < n && hit < 0; i++)
			if ((first || secs[i].parent == parent) && section_matches(&secs[i], step))
				hit = (long)i;
		for (size_t i = 0; i < n && hit < 0; i++)
			if ((first || secs[i].parent == parent) && secs[i].title &&
			    strstr(secs[i].title, step))
				hit = (long)i;
		if (hit < 0) {
			found = -1;
			break;
		}
		found = hit;
		parent = secs[hit].id;
		first = 0;
	}
	free(copy);
	return found;
}

struct show_ctx {
	page *p;
};

/* Headings are paragraphs too, so the text comes out in the file's order and
 * wording; sections only give the tree. */
static int add_para(void *ctx, const struct para_info *para)
{
	struct show_ctx *k = ctx;
	page_add_block(k->p, para->kind, para->text, para->len, para->id);
	return 0;
}

static void print_page(const page *p, int bold)
{
	for (size_t i = 0; i < page_nlines(p); i++) {
		const struct page_line *l = page_line_at(p, i);
		if (l->kind == PAGE_BLANK) {
			fputc('\n', stdout);
			continue;
		}
		printf("%*s", l->indent, "");
		if (bold && l->kind == PAGE_HEADING)
			fputs("\033[1m", stdout);
		fwrite(l->text, 1, l->len, stdout);
		if (bold && l->kind == PAGE_HEADING)
			fputs("\033[0m", stdout);
		fputc('\n', stdout);
	}
}

static void print_toc(struct cli *c, const struct section_info *secs, size_t n)
{
	static const struct out_col cols[] = {
	    {"section", OUT_INT, 1, 0}, {"level", OUT_INT, 1, 0},      {"kind", OUT_STR, 0, 0},
	    {"number", OUT_STR, 0, 0},  {"paragraphs", OUT_INT, 1, 0}, {"title", OUT_STR, 0, 0}};
	out_table *t = out_new(c->format, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; i < n; i++) {
		char id[16], lv[16], np[16];
		snprintf(id, sizeof id, "%d", secs[i].local);
		snprintf(lv, sizeof lv, "%d", secs[i].level);
		snprintf(np, sizeof np, "%ld", secs[i].paragraphs);
		const char *row[] = {id, lv, secs[i].kind, secs[i].number, np, secs[i].title};
		out_row(t, row);
	}
	out_finish(t, stdout, out_terminal_width());
}

int cmd_show(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'},
	                                     {"width", required_argument, NULL, 'w'},
	                                     {"toc", no_argument, NULL, 't'},
	                                     {0}};
	int width = 0, toc = 0;
	optind = 1;
	int ch;
	while ((ch = getopt_long(argc, argv, "hw:t", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			fputs(show_usage, stdout);
			return 0;
		case 'w':
			if (cli_parse_int("show", "--width", optarg, 10, 1000, &width) < 0)
				return EXIT_TROUBLE;
			break;
		case 't':
			toc = 1;
			break;
		default:
			return cli_usage_error("show", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("show", "no document given");
	if (argc - optind > 2)
		return cli_usage_error("show", "too many arguments");
	if (!width) {
		width = out_terminal_width();
		if (width <= 0)
			width = 80;
	}
	model *m = cli_model(c);
	if (!m)
		return EXIT_TROUBLE;
	struct doc_info d;
	int f = model_doc_find(m, argv[optind], &d);
	if (f != 0) {
		char *name = text_sanitize(argv[optind], strlen(argv[optind]), 0, NULL);
		if (f > 0)
			fprintf(stderr, "baogao show: no document '%s' (see baogao docs)\n", name);
		else
			fprintf(stderr, "baogao show: %s\n", model_error(m));
		free(name);
		return EXIT_TROUBLE;
	}
	struct section_info *secs = NULL;
	size_t nsecs = 0;
	int rc = 0;
	if (model_sections(m, d.id, &secs, &nsecs) < 0) {
		fprintf(stderr, "baogao show: %s\n", model_error(m));
		rc = EXIT_TROUBLE;
		goto out;
	}
	if (toc) {
		print_toc(c, secs, nsecs);
		goto out;
	}
	struct show_ctx k = {.p = page_new(width)};
	int64_t section = 0;
	if (argc - optind == 2) {
		long i = find_section(secs, nsecs, argv[optind + 1]);
		if (i < 0) {
			char *name =
			    text_sanitize(argv[optind + 1], strlen(argv[optind + 1]), 0, NULL);
			fprintf(stderr,
			        "baogao show: no section '%s' in %s (see baogao show --toc)\n",
			        name, d.source);
			free(name);
			page_free(k.p);
			rc = EXIT_TROUBLE;
			goto out;
		}
		section = secs[i].id;
	}
	if (model_paragraphs(m, d.id, section, add_para, &k) < 0) {
		fprintf(stderr, "baogao show: %s\n", model_error(m));
		rc = EXIT_TROUBLE;
	} else {
		print_page(k.p, isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
	}
	page_free(k.p);
out:
	model_sections_free(secs, nsecs);
	doc_info_clear(&d);
	return rc;
}
