/* cmd_indicators.c — `baogao indicators` and `baogao compare`. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "model/indicators.h"

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

/* Three buffers written again for every row (target, result, previous):
 * 70,000 rows made 210,000 memory streams. */
struct json_slot {
	FILE *fp;
	char *buf;
	size_t len;
};

/* an indicator as a JSON object, the same fields as `indicators`, in the
 * slot's buffer (valid until the slot is written again) */
static const char *row_json(struct json_slot *slot, const struct indicator_row *r)
{
	if (!r)
		return "null";
	if (!slot->fp && !(slot->fp = open_memstream(&slot->buf, &slot->len)))
		return "null";
	FILE *fp = slot->fp;
	rewind(fp);
	/* keys written out whole: 70,000 rows × 11 fields of fprintf showed */
	const char *strs[][2] = {{", \"region\": ", r->region},
	                         {", \"indicator\": ", r->indicator},
	                         {", \"kind\": ", r->kind},
	                         {", \"value\": ", r->value},
	                         {", \"unit\": ", r->unit},
	                         {", \"qualifier\": ", r->qualifier},
	                         {", \"period\": ", r->period},
	                         {", \"source\": ", r->source},
	                         {", \"section\": ", r->section_path},
	                         {", \"text\": ", r->text},
	                         {", \"name\": ", r->name}};
	fprintf(fp, "{\"year\": %d, \"growth\": ", r->year);
	if (r->has_growth)
		fprintf(fp, "%.10g", r->growth);
	else
		fputs("null", fp);
	fputs(", \"growth_high\": ", fp);
	if (r->has_growth_high)
		fprintf(fp, "%.10g", r->growth_high);
	else
		fputs("null", fp);
	if (r->horizon)
		fprintf(fp, ", \"horizon\": %d", r->horizon);
	else
		fputs(", \"horizon\": null", fp);
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
		fputs(strs[i][0], fp);
		if (strs[i][1])
			out_json_string(fp, strs[i][1]);
		else
			fputs("null", fp);
	}
	fputc('}', fp);
	fputc('\0', fp);
	fflush(fp);
	return slot->buf;
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
	/* JSON keeps each side whole; the flat formats say it in words a report
	 * can quote */
	static const struct out_col json_cols[] = {
	    {"region", OUT_STR, 0, 0},  {"indicator", OUT_STR, 0, 0}, {"year", OUT_INT, 1, 0},
	    {"target", OUT_RAW, 0, 0},  {"result", OUT_RAW, 0, 0},    {"previous", OUT_RAW, 0, 0},
	    {"verdict", OUT_STR, 0, 0}, {"warnings", OUT_RAW, 0, 0},
	};
	static const struct out_col flat_cols[] = {
	    {"region", OUT_STR, 0, 0},
	    {"indicator", OUT_STR, 0, 0},
	    {"year", OUT_INT, 1, 0},
	    {"target", OUT_STR, 0, 0},
	    {"result", OUT_STR, 0, 0},
	    {"previous", OUT_STR, 0, 0},
	    {"verdict", OUT_STR, 0, 0},
	    {"warnings", OUT_STR, 0, 0},
	    {"target_text", OUT_STR, 0, OUT_HIDDEN},
	    {"result_text", OUT_STR, 0, OUT_HIDDEN},
	    {"source", OUT_STR, 0, OUT_HIDDEN},
	};
	int json = c->format == OUT_JSON;
	if (json && model_compare_sections(m, rows, n) < 0) {
		fprintf(stderr, "baogao compare: %s\n", model_error(m));
		model_compare_free(rows, n);
		return EXIT_TROUBLE;
	}
	out_table *t = json ? out_new(c->format, json_cols, 8) : out_new(c->format, flat_cols, 11);
	out_stream(t, stdout);
	struct json_slot slots[3] = {{0}};
	for (size_t i = 0; i < n; i++) {
		struct compare_row *r = &rows[i];
		char *year = intstr(r->year);
		char *a, *b, *p;
		char warnings[256];
		compare_warnings_text(r, 0, warnings, sizeof warnings);
		size_t wl = strlen(warnings);
		if (json) {
			/* the codes are fixed ASCII words: a JSON array of strings */
			char wj[300];
			size_t k = 0;
			wj[k++] = '[';
			for (int w = 0; w < r->nwarnings && k + 24 < sizeof wj; w++)
				k += (size_t)snprintf(wj + k, sizeof wj - k, "%s\"%s\"",
				                      w ? ", " : "", r->warnings[w]);
			snprintf(wj + k, sizeof wj - k, "]");
			const char *row[] = {r->region,
			                     r->indicator,
			                     year,
			                     row_json(&slots[0], &r->target),
			                     row_json(&slots[1], r->result),
			                     row_json(&slots[2], r->previous),
			                     verdict_name(r->verdict),
			                     wj};
			out_row(t, row);
			a = b = p = NULL;
		} else {
			a = indicator_target_label(&r->target);
			b = r->result ? indicator_result_label(r->result) : NULL;
			p = r->previous ? indicator_result_label(r->previous) : NULL;
			const char *row[] = {r->region,
			                     r->indicator,
			                     year,
			                     a,
			                     b,
			                     p,
			                     verdict_name(r->verdict),
			                     wl ? warnings : NULL,
			                     r->target.text,
			                     r->result ? r->result->text : NULL,
			                     r->target.source};
			out_row(t, row);
		}
		free(year);
		free(a);
		free(b);
		free(p);
	}
	out_finish(t, stdout, out_terminal_width());
	for (int i = 0; i < 3; i++) {
		if (slots[i].fp)
			fclose(slots[i].fp);
		free(slots[i].buf);
	}
	model_compare_free(rows, n);
	return n ? 0 : EXIT_NOTFOUND;
}
