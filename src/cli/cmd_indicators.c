/* cmd_indicators.c — `baogao indicators` and `baogao compare`. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "model/indicators.h"
#include "report/compare_report.h"

struct filter_opts {
	const char *region, *kind;
	int year;
};

/* Shared options: --region, --year and, for indicators, --kind. */
static int parse_filter(const char *cmd, const char *usage, int with_kind, int argc, char **argv,
                        struct filter_opts *f)
{
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'},
	                                     {"region", required_argument, NULL, 'r'},
	                                     {"year", required_argument, NULL, 'y'},
	                                     {"kind", required_argument, NULL, 'k'},
	                                     {0}};
	optind = 1;
	int ch;
	while ((ch = getopt_long(argc, argv, "hr:y:k:", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			fputs(usage, stdout);
			return 0;
		case 'r':
			f->region = optarg;
			break;
		case 'y':
			if (cli_parse_int(cmd, "--year", optarg, 1900, 2200, &f->year) < 0)
				return EXIT_TROUBLE;
			break;
		case 'k':
			if (!with_kind)
				return cli_usage_error(cmd, "unknown option --kind");
			if (strcmp(optarg, "result") != 0 && strcmp(optarg, "target") != 0 &&
			    strcmp(optarg, "goal") != 0)
				return cli_usage_error(
				    cmd, "--kind takes result, target or goal, not '%s'", optarg);
			f->kind = optarg;
			break;
		default:
			return cli_usage_error(cmd, "unknown option");
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	return -1;
}

static const char indicators_usage[] =
    "Usage: baogao indicators [--region R] [--year Y] [--kind result|target|goal]\n"
    "Quantitative statements found in the reports: region, year, indicator\n"
    "(canonical name), kind (result = reached, target = planned for the year,\n"
    "goal = a multi-year goal ending in horizon), value and unit as written,\n"
    "growth in percent (a fall is negative; a range: growth to growth_high),\n"
    "qualifier (exact, at_least, about, at_most, in_step, above, range), period,\n"
    "source, section and the sentence.\n"
    "Names and synonyms: data/indicators.tsv.  Exit status 1 when none.\n";

static const char compare_usage[] =
    "Usage: baogao compare [--region R] [--year Y] [--format table|tsv|json|csv|md]\n"
    "Each target beside the result of the same year (from any document) and the\n"
    "previous year's result, with a verdict: met, missed, pending (no result\n"
    "yet) or unknown.  at_least/exact are met when the result reaches the figure,\n"
    "about within 0.5 points below, a range from its low end; CPI, unemployment\n"
    "rates and falls are ceilings (met at or below); in_step and above are judged\n"
    "against the region's GDP growth of that year; levels after unit conversion.\n"
    "warnings: part_year estimate revised old_name zone range unit.\n"
    "Exit status 1 when none.\n";

static char *num(double v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%.10g", v);
	return strdup(buf);
}

static char *intstr(long v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%ld", v);
	return strdup(buf);
}

int cmd_indicators(struct cli *c, int argc, char **argv)
{
	struct filter_opts f = {0};
	int rc = parse_filter("indicators", indicators_usage, 1, argc, argv, &f);
	if (rc >= 0)
		return rc;
	model *m = cli_model(c);
	if (!m)
		return EXIT_TROUBLE;
	struct indicator_filter filter = {.region = f.region, .year = f.year, .kind = f.kind};
	struct indicator_row *rows;
	size_t n;
	if (model_indicators(m, &filter, &rows, &n) < 0) {
		fprintf(stderr, "baogao indicators: %s\n", model_error(m));
		return EXIT_TROUBLE;
	}
	static const struct out_col cols[] = {
	    {"region", OUT_STR, 0, 0},
	    {"year", OUT_INT, 1, 0},
	    {"indicator", OUT_STR, 0, 0},
	    {"kind", OUT_STR, 0, 0},
	    {"value", OUT_STR, 1, 0},
	    {"unit", OUT_STR, 0, 0},
	    {"growth", OUT_NUM, 1, 0},
	    {"growth_high", OUT_NUM, 1, 0},
	    {"qualifier", OUT_STR, 0, 0},
	    {"period", OUT_STR, 0, 0},
	    {"horizon", OUT_INT, 1, 0},
	    {"source", OUT_STR, 0, OUT_HIDDEN},
	    {"section", OUT_STR, 0, OUT_HIDDEN},
	    {"name", OUT_STR, 0, OUT_HIDDEN},
	    {"text", OUT_STR, 0, 0},
	};
	out_table *t = out_new(c->format, cols, sizeof cols / sizeof cols[0]);
	out_stream(t, stdout);
	for (size_t i = 0; i < n; i++) {
		struct indicator_row *r = &rows[i];
		char *year = intstr(r->year), *growth = r->has_growth ? num(r->growth) : NULL;
		char *high = r->has_growth_high ? num(r->growth_high) : NULL;
		char *horizon = r->horizon ? intstr(r->horizon) : NULL;
		const char *row[] = {r->region,       year,      r->indicator, r->kind,
		                     r->value,        r->unit,   growth,       high,
		                     r->qualifier,    r->period, horizon,      r->source,
		                     r->section_path, r->name,   r->text};
		out_row(t, row);
		free(year);
		free(growth);
		free(high);
		free(horizon);
	}
	out_finish(t, stdout, out_terminal_width());
	model_indicators_free(rows, n);
	return n ? 0 : EXIT_NOTFOUND;
}

int cmd_compare(struct cli *c, int argc, char **argv)
{
	struct filter_opts f = {0};
	int rc = parse_filter("compare", compare_usage, 0, argc, argv, &f);
	if (rc >= 0)
		return rc;
	model *m = cli_model(c);
	if (!m)
		return EXIT_TROUBLE;
	struct compare_row *rows;
	size_t n;
	if (model_compare(m, f.region, f.year, &rows, &n) < 0) {
		fprintf(stderr, "baogao compare: %s\n", model_error(m));
		return EXIT_TROUBLE;
	}
	if (c->format == OUT_JSON && model_compare_sections(m, rows, n) < 0) {
		fprintf(stderr, "baogao compare: %s\n", model_error(m));
		model_compare_free(rows, n);
		return EXIT_TROUBLE;
	}
	compare_report_write(stdout, c->format, rows, n, out_terminal_width());
	model_compare_free(rows, n);
	return n ? 0 : EXIT_NOTFOUND;
}
