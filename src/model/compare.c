/* compare.c — each target beside the result of its year and the year before.
 *
 * Everything pairs by region, indicator and year, whichever document says
 * it: a later year's report or a statistical bulletin completes the targets
 * of an earlier report without anything linking the two.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/indicators.h"

const char *verdict_name(enum verdict v)
{
	switch (v) {
	case VERDICT_MET:
		return "met";
	case VERDICT_MISSED:
		return "missed";
	case VERDICT_PENDING:
		return "pending";
	default:
		return "unknown";
	}
}

/* "About" forgives half a point below; "in step" with the economy likewise. */
#define ABOUT_TOLERANCE 0.5

enum verdict compare_verdict(const char *qualifier, int target_has, double target,
                             int result_exists, int result_has, double result, int gdp_has,
                             double gdp)
{
	if (!result_exists)
		return VERDICT_PENDING;
	if (!result_has)
		return VERDICT_UNKNOWN;
	const char *q = qualifier ? qualifier : "exact";
	if (strcmp(q, "in_step") == 0 || strcmp(q, "above") == 0) {
		if (!gdp_has)
			return VERDICT_UNKNOWN;
		if (strcmp(q, "above") == 0)
			return result > gdp ? VERDICT_MET : VERDICT_MISSED;
		return result >= gdp - ABOUT_TOLERANCE ? VERDICT_MET : VERDICT_MISSED;
	}
	if (!target_has)
		return VERDICT_UNKNOWN;
	if (strcmp(q, "at_most") == 0)
		return result <= target ? VERDICT_MET : VERDICT_MISSED;
	if (strcmp(q, "about") == 0)
		return result >= target - ABOUT_TOLERANCE ? VERDICT_MET : VERDICT_MISSED;
	return result >= target ? VERDICT_MET : VERDICT_MISSED;
}

/* The result that best stands for a year: a whole year's figure over a
 * part-year one, one with a growth figure over one without. */
static const struct indicator_row *best_result(const struct indicator_row *rows, size_t n,
                                               const char *region, const char *indicator, int year)
{
	const struct indicator_row *best = NULL;
	int best_score = -1;
	for (size_t i = 0; i < n; i++) {
		const struct indicator_row *r = &rows[i];
		if (r->year != year || strcmp(r->kind, "result") != 0 ||
		    strcmp(r->region, region) != 0 || strcmp(r->indicator, indicator) != 0)
			continue;
		int score = (r->period == NULL) * 2 + r->has_growth;
		if (score > best_score) {
			best = r;
			best_score = score;
		}
	}
	return best;
}

static struct indicator_row *copy_row(const struct indicator_row *r)
{
	if (!r)
		return NULL;
	struct indicator_row *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	*c = *r;
#define DUP(f) c->f = r->f ? strdup(r->f) : NULL
	DUP(region);
	DUP(indicator);
	DUP(name);
	DUP(kind);
	DUP(value);
	DUP(unit);
	DUP(qualifier);
	DUP(period);
	DUP(source);
	DUP(section_path);
	DUP(text);
#undef DUP
	return c;
}

int model_compare(model *m, const char *region, int year, struct compare_row **out, size_t *n)
{
	struct indicator_filter f = {.region = region};
	struct indicator_row *rows;
	size_t nrows;
	*out = NULL;
	*n = 0;
	if (model_indicators(m, &f, &rows, &nrows) < 0)
		return -1;
	size_t cap = 0;
	for (size_t i = 0; i < nrows; i++) {
		const struct indicator_row *t = &rows[i];
		if (strcmp(t->kind, "target") != 0 || (year && t->year != year))
			continue;
		/* one row per region, indicator and year: the first document saying it */
		int seen = 0;
		for (size_t k = 0; k < *n && !seen; k++)
			seen = (*out)[k].year == t->year &&
			       strcmp((*out)[k].region, t->region) == 0 &&
			       strcmp((*out)[k].indicator, t->indicator) == 0;
		if (seen)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			struct compare_row *g = realloc(*out, cap * sizeof *g);
			if (!g)
				break;
			*out = g;
		}
		struct compare_row *c = &(*out)[(*n)++];
		memset(c, 0, sizeof *c);
		c->region = strdup(t->region);
		c->indicator = strdup(t->indicator);
		c->year = t->year;
		struct indicator_row *tc = copy_row(t);
		c->target = *tc;
		free(tc);
		const struct indicator_row *res =
		    best_result(rows, nrows, t->region, t->indicator, t->year);
		c->result = copy_row(res);
		c->previous =
		    copy_row(best_result(rows, nrows, t->region, t->indicator, t->year - 1));
		const struct indicator_row *gdp =
		    best_result(rows, nrows, t->region, "地区生产总值", t->year);
		c->verdict = compare_verdict(t->qualifier, t->has_growth, t->growth, res != NULL,
		                             res && res->has_growth, res ? res->growth : 0,
		                             gdp && gdp->has_growth, gdp ? gdp->growth : 0);
	}
	model_indicators_free(rows, nrows);
	return 0;
}

void model_compare_free(struct compare_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].region);
		free(r[i].indicator);
		indicator_row_clear(&r[i].target);
		if (r[i].result)
			indicator_row_clear(r[i].result);
		free(r[i].result);
		if (r[i].previous)
			indicator_row_clear(r[i].previous);
		free(r[i].previous);
	}
	free(r);
}
