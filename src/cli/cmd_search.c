/* cmd_search.c — `baogao search`: hits as a grouped, highlighted listing on
 * a terminal, one row per match in tsv/json for scripts. */
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

static const char search_usage[] =
    "Usage: baogao search [-e] [-i] [--count] [--region R] [--year Y] [--doc DOC] PATTERN\n"
    "Finds PATTERN in the paragraphs of every document.  Literal by default;\n"
    "full-width and ASCII forms match each other (ＧＤＰ = GDP).  A word cut by a\n"
    "page break is found and counted once.\n"
    "  -e, --regex        PATTERN is a PCRE2 regular expression\n"
    "  -i, --ignore-case  case-insensitive Latin letters\n"
    "  -c, --count        print the total and the count per document\n"
    "      --region R     only documents of region R (e.g. 潞州区)\n"
    "      --year Y       only documents that review, plan or are dated in year Y\n"
    "      --doc DOC      only document DOC (id or source file name)\n"
    "      --timeout S    stop after S seconds (default 5; 0 for none) and show\n"
    "                     what was found until then\n"
    "      --format table|tsv|json\n"
    "JSON hits: source, region, section, text, match_start, match_end (code point\n"
    "offsets of the match in text), doc, paragraph, title, match, text_start (text\n"
    "is the paragraph, or past 4 KiB a window of it that starts at text_start).\n"
    "JSON with --count: {\"total\": N, \"by_source\": {SOURCE: N, ...}}.\n"
    "Exit status: 0 found, 1 nothing found, 2 error or stopped by --timeout.\n";

static void say_stopped(const struct search_query *q)
{
	fprintf(stderr,
	        "baogao search: stopped after %g s: what is shown is what was found until then "
	        "(--timeout S to allow more)\n",
	        q->timeout > 0 ? q->timeout : MODEL_SEARCH_SECONDS);
}

struct hit_row {
	char *region, *source, *title, *section, *text;
	size_t byte_start, byte_end;
	int64_t doc;
};

struct collect {
	struct cli *c;
	out_table *table;     /* tsv/json */
	struct hit_row *rows; /* table */
	size_t n, cap;
	long hits;
};

/* A hit in a long paragraph (a report on one 5 MB line) carries a window
 * of it, EXCERPT_CPS code points either side of the match, not the whole:
 * memory and output stay bounded by the hits, not hits × paragraph. */
#define EXCERPT_WHOLE 4096 /* bytes: a paragraph up to this goes whole */
#define EXCERPT_CPS   120

struct window {
	size_t a, b; /* bytes of the paragraph kept */
	size_t cp_a; /* code point where it starts */
};

static struct window window_of(const struct search_hit *h)
{
	struct window w = {0, h->len, 0};
	if (h->len <= EXCERPT_WHOLE)
		return w;
	size_t a = h->byte_start, back = 0;
	while (a > 0 && back < EXCERPT_CPS) {
		a--;
		while (a > 0 && ((unsigned char)h->text[a] & 0xC0) == 0x80)
			a--;
		back++;
	}
	size_t b = h->byte_end, on = 0;
	while (b < h->len && on < EXCERPT_CPS) {
		b++;
		while (b < h->len && ((unsigned char)h->text[b] & 0xC0) == 0x80)
			b++;
		on++;
	}
	return (struct window){a, b, h->cp_start - back};
}

static int collect_hit(void *ctx, const struct search_hit *h)
{
	struct collect *k = ctx;
	k->hits++;
	struct window w = window_of(h);
	if (k->table) {
		char s[24], e[24], doc[24], para[24], at[24];
		snprintf(s, sizeof s, "%zu", h->cp_start - w.cp_a);
		snprintf(e, sizeof e, "%zu", h->cp_end - w.cp_a);
		snprintf(doc, sizeof doc, "%" PRId64, h->doc);
		snprintf(para, sizeof para, "%d", h->para_ord);
		snprintf(at, sizeof at, "%zu", w.cp_a);
		char *match = strndup(h->text + h->byte_start, h->byte_end - h->byte_start);
		char *text = strndup(h->text + w.a, w.b - w.a);
		const char *row[] = {h->source, h->region, h->section_path, text,  s, e,
		                     doc,       para,      h->title,        match, at};
		out_row(k->table, row);
		free(match);
		free(text);
		return 0;
	}
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 64;
		k->rows = realloc(k->rows, k->cap * sizeof *k->rows);
		if (!k->rows)
			abort();
	}
	struct hit_row *r = &k->rows[k->n++];
	r->region = strdup(h->region ? h->region : "");
	r->source = strdup(h->source ? h->source : "");
	r->title = strdup(h->title ? h->title : "");
	r->section = strdup(h->section_path ? h->section_path : "");
	r->text = strndup(h->text + w.a, w.b - w.a);
	r->byte_start = h->byte_start - w.a;
	r->byte_end = h->byte_end - w.a;
	r->doc = h->doc;
	return 0;
}

/* Bytes of the longest suffix of s[0..len) no wider than width, on code
 * point boundaries. */
static size_t tail_fitting(const char *s, size_t len, int width)
{
	size_t start = len;
	int used = 0;
	while (start > 0) {
		size_t p = start - 1;
		while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
			p--;
		int w = text_width(s + p, start - p);
		if (used + w > width)
			break;
		used += w;
		start = p;
	}
	return start;
}

/* One excerpt line: as much context as fits, the match about a third of the
 * way in, so the eye finds it at the same place on every line. */
static void print_excerpt(const struct hit_row *r, int width, int color)
{
	size_t len;
	char *clean = text_sanitize(r->text, strlen(r->text), 0, &len);
	size_t ms = page_sanitized_offset(r->text, r->byte_start);
	size_t me = page_sanitized_offset(r->text, r->byte_end);
	int mw = text_width(clean + ms, me - ms);
	int avail = width - 4;
	if (avail < mw + 4)
		avail = mw + 4;
	int before_budget = (avail - mw) / 3;
	size_t from = tail_fitting(clean, ms, before_budget - (ms > 0 ? 1 : 0));
	int used = text_width(clean + from, ms - from) + mw + (from > 0);
	int after_w;
	size_t after = text_cut(clean + me, len - me, avail - used - 1, &after_w);
	int cut_end = me + after < len;
	if (!cut_end)
		after = text_cut(clean + me, len - me, avail - used, &after_w);
	fputs("    ", stdout);
	if (from > 0)
		fputs("…", stdout);
	fwrite(clean + from, 1, ms - from, stdout);
	fputs(color ? "\033[7m" : "[", stdout);
	fwrite(clean + ms, 1, me - ms, stdout);
	fputs(color ? "\033[0m" : "]", stdout);
	fwrite(clean + me, 1, after, stdout);
	if (me + after < len)
		fputs("…", stdout);
	fputc('\n', stdout);
	free(clean);
}

static void print_line_fitted(const char *prefix, const char *s, int width)
{
	char *clean = text_sanitize(s, strlen(s), 0, NULL);
	int pw = text_width_cstr(prefix);
	char *fit = text_fit(clean, width - pw, 1);
	/* text_fit pads; trailing spaces are noise in a terminal listing */
	size_t l = strlen(fit);
	while (l > 0 && fit[l - 1] == ' ')
		fit[--l] = '\0';
	printf("%s%s\n", prefix, fit);
	free(fit);
	free(clean);
}

static void print_grouped(struct collect *k, int width, int color)
{
	if (width <= 0)
		width = 100;
	int64_t doc = -1;
	const char *section = NULL;
	for (size_t i = 0; i < k->n; i++) {
		struct hit_row *r = &k->rows[i];
		if (r->doc != doc) {
			size_t n = strlen(r->region) + strlen(r->source) + strlen(r->title) + 16;
			char *head = malloc(n);
			snprintf(head, n, "%s · %s · %s", r->region, r->source, r->title);
			if (i)
				fputc('\n', stdout);
			if (color)
				fputs("\033[1m", stdout);
			print_line_fitted("", head, width);
			if (color)
				fputs("\033[0m", stdout);
			free(head);
			doc = r->doc;
			section = NULL;
		}
		if (!section || strcmp(section, r->section) != 0) {
			print_line_fitted("  ", *r->section ? r->section : "（正文）", width);
			section = r->section;
		}
		print_excerpt(r, width, color);
	}
}

static int print_counts(struct cli *c, model *m, const struct search_query *q)
{
	struct search_count *counts;
	size_t n;
	long total;
	int rc = model_search_count(m, q, &counts, &n, &total);
	if (rc < 0) {
		fprintf(stderr, "baogao search: %s\n", model_error(m));
		return EXIT_TROUBLE;
	}
	if (c->format == OUT_JSON) {
		printf("{\"total\": %ld, \"by_source\": {", total);
		for (size_t i = 0; i < n; i++) {
			fputs(i ? ", " : "", stdout);
			out_json_string(stdout, counts[i].source);
			printf(": %ld", counts[i].count);
		}
		printf("}}\n");
	} else {
		static const struct out_col cols[] = {{"source", OUT_STR, 0, 0},
		                                      {"count", OUT_INT, 1, 0}};
		out_table *t = out_new(c->format, cols, 2);
		char buf[24];
		for (size_t i = 0; i < n; i++) {
			snprintf(buf, sizeof buf, "%ld", counts[i].count);
			const char *row[] = {counts[i].source, buf};
			out_row(t, row);
		}
		snprintf(buf, sizeof buf, "%ld", total);
		const char *row[] = {"total", buf};
		out_row(t, row);
		out_finish(t, stdout, out_terminal_width());
	}
	model_search_count_free(counts, n);
	if (rc == MODEL_SEARCH_STOPPED) {
		say_stopped(q);
		return EXIT_TROUBLE;
	}
	return total ? 0 : EXIT_NOTFOUND;
}

int cmd_search(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'},
	                                     {"regex", no_argument, NULL, 'e'},
	                                     {"ignore-case", no_argument, NULL, 'i'},
	                                     {"count", no_argument, NULL, 'c'},
	                                     {"region", required_argument, NULL, 'r'},
	                                     {"year", required_argument, NULL, 'y'},
	                                     {"doc", required_argument, NULL, 'd'},
	                                     {"timeout", required_argument, NULL, 't'},
	                                     {0}};
	struct search_query q = {0};
	int count = 0;
	const char *doc = NULL;
	optind = 1;
	int ch;
	while ((ch = getopt_long(argc, argv, "heicr:y:d:", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			fputs(search_usage, stdout);
			return 0;
		case 'e':
			q.regex = 1;
			break;
		case 'i':
			q.icase = 1;
			break;
		case 'c':
			count = 1;
			break;
		case 'r':
			q.region = optarg;
			break;
		case 'y':
			if (cli_parse_int("search", "--year", optarg, 1900, 2200, &q.year) < 0)
				return EXIT_TROUBLE;
			break;
		case 'd':
			doc = optarg;
			break;
		case 't': {
			char *end;
			double t = strtod(optarg, &end);
			if (end == optarg || *end || t < 0 || t > 86400)
				return cli_usage_error("search",
				                       "--timeout takes seconds (0: none)");
			q.timeout = t > 0 ? t : -1;
			break;
		}
		default:
			return cli_usage_error("search", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("search", "no pattern given");
	if (argc - optind > 1)
		return cli_usage_error("search", "one pattern only (quote it if it has spaces)");
	q.pattern = argv[optind];
	if (!*q.pattern)
		return cli_usage_error("search", "the pattern is empty");
	model *m = cli_model(c);
	if (!m)
		return EXIT_TROUBLE;
	if (doc) {
		struct doc_info d;
		int f = model_doc_find(m, doc, &d);
		if (f != 0) {
			fprintf(stderr, "baogao search: %s\n",
			        f > 0 ? "no such document" : model_error(m));
			return EXIT_TROUBLE;
		}
		q.doc = d.id;
		doc_info_clear(&d);
	}
	if (count)
		return print_counts(c, m, &q);

	static const struct out_col cols[] = {
	    {"source", OUT_STR, 0, 0},
	    {"region", OUT_STR, 0, 0},
	    {"section", OUT_STR, 0, 0},
	    {"text", OUT_STR, 0, 0},
	    {"match_start", OUT_INT, 1, 0},
	    {"match_end", OUT_INT, 1, 0},
	    {"doc", OUT_INT, 1, 0},
	    {"paragraph", OUT_INT, 1, 0},
	    {"title", OUT_STR, 0, 0},
	    {"match", OUT_STR, 0, 0},
	    {"text_start", OUT_INT, 1, OUT_HIDDEN},
	};
	struct collect k = {.c = c};
	if (c->format != OUT_TABLE) {
		k.table = out_new(c->format, cols, sizeof cols / sizeof cols[0]);
		/* hits go out as they are found: memory stays flat however many */
		out_stream(k.table, stdout);
	}
	int rc = model_search(m, &q, collect_hit, &k);
	int stopped = rc == MODEL_SEARCH_STOPPED;
	if (rc < 0) {
		fprintf(stderr, "baogao search: %s\n", model_error(m));
		if (k.table)
			out_discard(k.table);
		return EXIT_TROUBLE;
	}
	if (k.table) {
		out_finish(k.table, stdout, 0);
	} else {
		int tty = isatty(STDOUT_FILENO);
		print_grouped(&k, out_terminal_width(), tty);
		if (k.hits)
			printf("\n%ld %s\n", k.hits, k.hits == 1 ? "match" : "matches");
		for (size_t i = 0; i < k.n; i++) {
			free(k.rows[i].region);
			free(k.rows[i].source);
			free(k.rows[i].title);
			free(k.rows[i].section);
			free(k.rows[i].text);
		}
		free(k.rows);
	}
	if (stopped) {
		say_stopped(&q);
		return EXIT_TROUBLE;
	}
	return k.hits ? 0 : EXIT_NOTFOUND;
}
