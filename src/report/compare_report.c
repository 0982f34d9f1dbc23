/* compare_report.c — compare rows as a listing through the one emitter
 * (report/output.c): JSON keeps each side whole, the flat formats (table,
 * tsv, csv, md) say it in words a report can quote. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/compare_report.h"

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

int compare_report_write(FILE *fp, enum out_format f, const struct compare_row *rows, size_t n,
                         int width)
{
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
	int json = f == OUT_JSON;
	out_table *t = json ? out_new(f, json_cols, 8) : out_new(f, flat_cols, 11);
	out_stream(t, fp);
	struct json_slot slots[3] = {{0}};
	for (size_t i = 0; i < n; i++) {
		const struct compare_row *r = &rows[i];
		char year[16];
		snprintf(year, sizeof year, "%d", r->year);
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
		free(a);
		free(b);
		free(p);
	}
	out_finish(t, fp, width);
	for (int i = 0; i < 3; i++) {
		if (slots[i].fp)
			fclose(slots[i].fp);
		free(slots[i].buf);
	}
	return ferror(fp) ? -1 : 0;
}
