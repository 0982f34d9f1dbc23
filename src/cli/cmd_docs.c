/* cmd_docs.c — `baogao docs` and `baogao glossary`. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static int help_or_unknown(const char *cmd, const char *usage, int argc, char **argv, int max_args)
{
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0}};
	optind = 1;
	int ch;
	while ((ch = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		if (ch == 'h') {
			fputs(usage, stdout);
			return 0;
		}
		return cli_usage_error(cmd, "unknown option");
	}
	if (argc - optind > max_args)
		return cli_usage_error(cmd, "too many arguments");
	return -1;
}

int cmd_docs(struct cli *c, int argc, char **argv)
{
	int rc = help_or_unknown(
	    "docs",
	    "Usage: baogao docs [--format table|tsv|json]\n"
	    "Lists the stored documents: id, region, kind, date, title, source file\n"
	    "and counts of sections, paragraphs, glossary entries and indicators.\n",
	    argc, argv, 0);
	if (rc >= 0)
		return rc;
	model *m = cli_model(c);
	if (!m)
		return EXIT_TROUBLE;
	struct doc_info *docs;
	size_t n;
	if (model_docs(m, NULL, &docs, &n) < 0) {
		fprintf(stderr, "baogao docs: %s\n", model_error(m));
		return EXIT_TROUBLE;
	}
	static const struct out_col cols[] = {
	    {"id", OUT_INT, 1, 0},
	    {"region", OUT_STR, 0, 0},
	    {"kind", OUT_STR, 0, 0},
	    {"date", OUT_STR, 0, 0},
	    {"source", OUT_STR, 0, 0},
	    {"sections", OUT_INT, 1, 0},
	    {"paragraphs", OUT_INT, 1, 0},
	    {"glossary", OUT_INT, 1, 0},
	    {"indicators", OUT_INT, 1, 0},
	    {"review_year", OUT_INT, 1, OUT_HIDDEN},
	    {"plan_year", OUT_INT, 1, OUT_HIDDEN},
	    {"encoding", OUT_STR, 0, OUT_HIDDEN},
	    {"bytes", OUT_INT, 1, OUT_HIDDEN},
	    {"title", OUT_STR, 0, 0},
	};
	out_table *t = out_new(c->format, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; i < n; i++) {
		struct doc_info *d = &docs[i];
		char id[24], sec[24], par[24], glo[24], ind[24], ry[16], py[16], by[24];
		snprintf(id, sizeof id, "%" PRId64, d->id);
		snprintf(sec, sizeof sec, "%ld", d->sections);
		snprintf(par, sizeof par, "%ld", d->paragraphs);
		snprintf(glo, sizeof glo, "%ld", d->glossary);
		snprintf(ind, sizeof ind, "%ld", d->indicators);
		snprintf(ry, sizeof ry, "%d", d->review_year);
		snprintf(py, sizeof py, "%d", d->plan_year);
		snprintf(by, sizeof by, "%ld", d->bytes);
		const char *row[] = {id,
		                     d->region,
		                     d->kind,
		                     d->date,
		                     d->source,
		                     sec,
		                     par,
		                     glo,
		                     ind,
		                     d->review_year ? ry : NULL,
		                     d->plan_year ? py : NULL,
		                     d->encoding,
		                     by,
		                     d->title};
		out_row(t, row);
	}
	out_finish(t, stdout, out_terminal_width());
	model_docs_free(docs, n);
	return 0;
}

int cmd_glossary(struct cli *c, int argc, char **argv)
{
	int rc = help_or_unknown(
	    "glossary",
	    "Usage: baogao glossary [--format table|tsv|json] [TERM]\n"
	    "Glossary entries (名词解释) of the reports; with TERM, those whose term\n"
	    "contains it.  Exit status 1 when none.\n",
	    argc, argv, 1);
	if (rc >= 0)
		return rc;
	model *m = cli_model(c);
	if (!m)
		return EXIT_TROUBLE;
	struct glossary_entry *g;
	size_t n;
	if (model_glossary(m, optind < argc ? argv[optind] : NULL, &g, &n) < 0) {
		fprintf(stderr, "baogao glossary: %s\n", model_error(m));
		return EXIT_TROUBLE;
	}
	static const struct out_col cols[] = {
	    {"region", OUT_STR, 0, 0},
	    {"number", OUT_INT, 1, 0},
	    {"term", OUT_STR, 0, 0},
	    {"source", OUT_STR, 0, OUT_HIDDEN},
	    {"definition", OUT_STR, 0, OUT_WRAP},
	};
	out_table *t = out_new(c->format, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; i < n; i++) {
		char num[16];
		snprintf(num, sizeof num, "%d", g[i].number);
		const char *row[] = {g[i].region, g[i].number ? num : NULL, g[i].term, g[i].source,
		                     g[i].definition};
		out_row(t, row);
	}
	out_finish(t, stdout, out_terminal_width());
	model_glossary_free(g, n);
	return n ? 0 : EXIT_NOTFOUND;
}
