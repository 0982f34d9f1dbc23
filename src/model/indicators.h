/* indicators.h — stored quantitative statements and the goal-against-result
 * comparison.  Rows come from the `indicators` table filled through
 * sink->indicator at ingest. */
#ifndef BAOGAO_INDICATORS_H
#define BAOGAO_INDICATORS_H

#include <stddef.h>
#include <stdint.h>

#include "model/model.h"

/* What kind of statement, and how its figure is qualified: the words the
 * database and every export use are ind_kind_name / ind_qualifier_name. */
enum ind_kind { KIND_RESULT, KIND_TARGET, KIND_GOAL, KIND_OTHER };
enum ind_qualifier {
	QUAL_EXACT, /* also when none is stored */
	QUAL_AT_LEAST,
	QUAL_ABOUT,
	QUAL_AT_MOST,
	QUAL_IN_STEP, /* with the economy's growth */
	QUAL_ABOVE,   /* above the economy's growth */
	QUAL_RANGE,
	QUAL_OTHER
};
const char *ind_kind_name(enum ind_kind k);           /* "result" "target" "goal" */
enum ind_kind ind_kind_by_name(const char *name);     /* KIND_OTHER when unknown */
const char *ind_qualifier_name(enum ind_qualifier q); /* "exact" "at_least" … */
enum ind_qualifier ind_qualifier_by_name(const char *name);

struct indicator_row {
	int64_t id, doc, paragraph, section; /* database ids */
	char *region, *indicator, *name, *kind, *value, *unit, *qualifier, *period;
	char *source, *section_path, *text; /* text: the sentence */
	char *flags;                        /* see sink_indicator.flags */
	enum ind_kind kind_id;              /* kind, as an enum */
	enum ind_qualifier qual;            /* qualifier, as an enum */
	int year;
	double growth;
	int has_growth;
	double growth_high; /* a range's high end */
	int has_growth_high;
	int horizon;    /* a goal's end year, 0 none */
	int start, end; /* the sentence in code points of the paragraph */
};

struct indicator_filter {
	const char *region; /* NULL any */
	int year;           /* 0 any */
	const char *kind;   /* "result", "target", "goal", NULL any */
	int64_t doc;        /* 0 any */
};

int model_indicators(model *m, const struct indicator_filter *f, struct indicator_row **out,
                     size_t *n);
void model_indicators_free(struct indicator_row *r, size_t n);
void indicator_row_clear(struct indicator_row *r);

enum verdict { VERDICT_MET, VERDICT_MISSED, VERDICT_PENDING, VERDICT_UNKNOWN };
const char *verdict_name(enum verdict v); /* "met", "missed", "pending", "unknown" */

#define COMPARE_MAX_WARNINGS 8

struct compare_row {
	char *region, *indicator;
	int year;
	struct indicator_row target;    /* always present */
	struct indicator_row *result;   /* same year, NULL none */
	struct indicator_row *previous; /* previous year's result, NULL none */
	enum verdict verdict;
	/* what makes target and result less than like for like (static codes):
	 * part_year, estimate, revised, old_name, zone, range, unit */
	const char *warnings[COMPARE_MAX_WARNINGS];
	int nwarnings;
};

/* "预计数" for "estimate" …: the browser's words for a warning code */
const char *compare_warning_label(const char *code);
/* A row's warnings joined: codes with "," (labels = 0) or the Chinese labels
 * with "、" (labels = 1); "" when none.  Returns buf. */
char *compare_warnings_text(const struct compare_row *r, int labels, char *buf, size_t size);

/* Rows come with their sentences; section_path is NULL until
 * model_compare_sections fills it (only JSON prints it).  The rows and every
 * string and result they point to are one allocation set, shared among rows
 * (two rows may point to one result): read them, never free or keep a part;
 * model_compare_free(rows, n) frees it all. */
int model_compare(model *m, const char *region, int year, struct compare_row **out, size_t *n);
int model_compare_sections(model *m, struct compare_row *rows, size_t n);

/* The judgement itself, without a database.  at_least, exact and a range
 * (from its low end) are met when the result reaches the figure; about from
 * 0.5 below; CPI, unemployment rates and any fall are ceilings (met at or
 * below; about allows 0.5 above for the rates); in_step is met up to 0.5
 * below the region's GDP growth of the year, above strictly over it; a
 * level (level = 1, values in one base unit) is met at or over the figure,
 * about within 3% below, at_most at or under. */
struct compare_judgement {
	const char *indicator, *qualifier;
	int target_has, result_exists, result_has, gdp_has, level;
	double target, target_high, result, gdp;
};
enum verdict compare_judge(const struct compare_judgement *j);
/* A level in its dimension's base unit (亿斤 and 万吨 both in 斤, 亿元 in
 * 元); 1 when value is a number. */
int compare_level(const char *value, const char *unit, const char **dimension, double *out);
/* The same with the older arguments (no indicator: no ceiling by name). */
enum verdict compare_verdict(const char *qualifier, int target_has, double target,
                             int result_exists, int result_has, double result, int gdp_has,
                             double gdp);
/* "≥7%", "≈3%", "与经济增长同步" … (malloc'd) */
char *indicator_target_label(const struct indicator_row *r);
/* "6.5% · 367亿元 · 前三季度" (malloc'd) */
char *indicator_result_label(const struct indicator_row *r);
void model_compare_free(struct compare_row *r, size_t n);

#endif
