/* indicators.h — stored quantitative statements and the goal-against-result
 * comparison.  Rows come from the `indicators` table filled through
 * sink->indicator at ingest. */
#ifndef BAOGAO_INDICATORS_H
#define BAOGAO_INDICATORS_H

#include <stddef.h>
#include <stdint.h>

#include "model/model.h"

struct indicator_row {
	int64_t id, doc, paragraph, section; /* database ids */
	char *region, *indicator, *name, *kind, *value, *unit, *qualifier, *period;
	char *source, *section_path, *text; /* text: the sentence */
	int year;
	double growth;
	int has_growth;
	int start, end; /* the sentence in code points of the paragraph */
};

struct indicator_filter {
	const char *region; /* NULL any */
	int year;           /* 0 any */
	const char *kind;   /* "result", "target", NULL any */
	int64_t doc;        /* 0 any */
};

int model_indicators(model *m, const struct indicator_filter *f, struct indicator_row **out,
                     size_t *n);
void model_indicators_free(struct indicator_row *r, size_t n);
void indicator_row_clear(struct indicator_row *r);

enum verdict { VERDICT_MET, VERDICT_MISSED, VERDICT_PENDING, VERDICT_UNKNOWN };
const char *verdict_name(enum verdict v); /* "met", "missed", "pending", "unknown" */

struct compare_row {
	char *region, *indicator;
	int year;
	struct indicator_row target;    /* always present */
	struct indicator_row *result;   /* same year, NULL none */
	struct indicator_row *previous; /* previous year's result, NULL none */
	enum verdict verdict;
};

int model_compare(model *m, const char *region, int year, struct compare_row **out, size_t *n);

/* The judgement itself, without a database: a target's qualifier and figure
 * against the result's growth; in_step and above use the region's GDP growth
 * of the same year.  has_* say which figures exist. */
enum verdict compare_verdict(const char *qualifier, int target_has, double target,
                             int result_exists, int result_has, double result, int gdp_has,
                             double gdp);
/* "≥7%", "≈3%", "与经济增长同步" … (malloc'd) */
char *indicator_target_label(const struct indicator_row *r);
/* "6.5% · 367亿元 · 前三季度" (malloc'd) */
char *indicator_result_label(const struct indicator_row *r);
void model_compare_free(struct compare_row *r, size_t n);

#endif
