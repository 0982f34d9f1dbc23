/* compare.c — each target beside the result of its year and the year before.
 *
 * Everything pairs by region, indicator and year, whichever document says
 * it: a later year's report or a statistical bulletin completes the targets
 * of an earlier report without anything linking the two.  A document with
 * no known region pairs with nothing, and multi-year goals take no part.
 * The statements are sorted once by that key, so a compare is n log n in
 * the number of statements.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/indicators.h"
#include "text/text.h"

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

/* "About" forgives half a point below; "in step" with the economy likewise;
 * a rate's "about" ceiling forgives half a point above. */
#define ABOUT_TOLERANCE 0.5
/* a level "about" a figure: within 3% below it */
#define ABOUT_LEVEL 0.03

static int is(const char *q, const char *word)
{
	return q && strcmp(q, word) == 0;
}

/* CPI and the unemployment rates are kept low: their targets are ceilings */
static int ceiling_indicator(const char *indicator)
{
	if (!indicator)
		return 0;
	size_t n = strlen(indicator);
	size_t tail = strlen("失业率");
	return strcmp(indicator, "居民消费价格") == 0 ||
	       (n >= tail && strcmp(indicator + n - tail, "失业率") == 0);
}

enum verdict compare_judge(const struct compare_judgement *j)
{
	if (!j->result_exists)
		return VERDICT_PENDING;
	const char *q = j->qualifier ? j->qualifier : "exact";
	if (is(q, "in_step") || is(q, "above")) {
		if (!j->result_has || !j->gdp_has)
			return VERDICT_UNKNOWN;
		if (is(q, "above"))
			return j->result > j->gdp ? VERDICT_MET : VERDICT_MISSED;
		return j->result >= j->gdp - ABOUT_TOLERANCE ? VERDICT_MET : VERDICT_MISSED;
	}
	if (!j->target_has || !j->result_has)
		return VERDICT_UNKNOWN;
	double t = j->target, r = j->result;
	if (j->level) {
		if (is(q, "at_most"))
			return r <= t ? VERDICT_MET : VERDICT_MISSED;
		if (is(q, "about"))
			return r >= t * (1 - ABOUT_LEVEL) ? VERDICT_MET : VERDICT_MISSED;
		return r >= t ? VERDICT_MET : VERDICT_MISSED;
	}
	const double eps = 1e-9;
	/* a ceiling: a rate kept low, or a figure that is a fall */
	if (ceiling_indicator(j->indicator) || t < 0 || is(q, "at_most")) {
		double slack =
		    is(q, "about") && ceiling_indicator(j->indicator) ? ABOUT_TOLERANCE : 0;
		if (is(q, "range"))
			t = j->target_high;
		return r <= t + slack + eps ? VERDICT_MET : VERDICT_MISSED;
	}
	if (is(q, "about"))
		return r >= t - ABOUT_TOLERANCE - eps ? VERDICT_MET : VERDICT_MISSED;
	/* at_least, exact, and a range from its low end */
	return r >= t - eps ? VERDICT_MET : VERDICT_MISSED;
}

enum verdict compare_verdict(const char *qualifier, int target_has, double target,
                             int result_exists, int result_has, double result, int gdp_has,
                             double gdp)
{
	struct compare_judgement j = {.qualifier = qualifier,
	                              .target_has = target_has,
	                              .target = target,
	                              .result_exists = result_exists,
	                              .result_has = result_has,
	                              .result = result,
	                              .gdp_has = gdp_has,
	                              .gdp = gdp};
	return compare_judge(&j);
}

/* ---- units: a level in one unit against a result in another ---- */

struct unit_scale {
	const char *unit, *dimension;
	double factor;
};

static const struct unit_scale scales[] = {
    {"元", "yuan", 1},        {"万元", "yuan", 1e4},     {"亿元", "yuan", 1e8},
    {"万亿元", "yuan", 1e12}, {"美元", "usd", 1},        {"万美元", "usd", 1e4},
    {"亿美元", "usd", 1e8},   {"万亿美元", "usd", 1e12}, {"人", "people", 1},
    {"万人", "people", 1e4},  {"户", "households", 1},   {"万户", "households", 1e4},
    {"斤", "jin", 1},         {"万斤", "jin", 1e4},      {"亿斤", "jin", 1e8},
    {"万亿斤", "jin", 1e12},  {"公斤", "jin", 2},        {"万公斤", "jin", 2e4},
    {"亿公斤", "jin", 2e8},   {"吨", "jin", 2000},       {"万吨", "jin", 2e7},
    {"亿吨", "jin", 2e11},    {"亩", "mu", 1},           {"万亩", "mu", 1e4},
    {"公顷", "mu", 15},       {"万公顷", "mu", 15e4},    {"千瓦时", "kwh", 1},
    {"万千瓦时", "kwh", 1e4}, {"亿千瓦时", "kwh", 1e8},
};

/* the value in its dimension's base unit; 0 when it has none */
int compare_level(const char *value, const char *unit, const char **dimension, double *out)
{
	if (!value || !unit)
		return 0;
	char *end;
	double v = strtod(value, &end);
	if (end == value)
		return 0;
	for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++)
		if (strcmp(scales[i].unit, unit) == 0) {
			*dimension = scales[i].dimension;
			*out = v * scales[i].factor;
			return 1;
		}
	*dimension = unit;
	*out = v;
	return 1;
}

/* ---- warnings ---- */

static int has_flag(const struct indicator_row *r, const char *flag)
{
	if (!r || !r->flags)
		return 0;
	size_t n = strlen(flag);
	for (const char *p = r->flags; (p = strstr(p, flag)); p += n)
		if ((p == r->flags || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

static void warn(struct compare_row *c, const char *code)
{
	for (int i = 0; i < c->nwarnings; i++)
		if (strcmp(c->warnings[i], code) == 0)
			return;
	if (c->nwarnings < COMPARE_MAX_WARNINGS)
		c->warnings[c->nwarnings++] = code;
}

const char *compare_warning_label(const char *code)
{
	static const char *const labels[][2] = {
	    {"part_year", "非全年数据"},   {"estimate", "预计数"},
	    {"revised", "数据有修订"},     {"old_name", "名称或口径变化"},
	    {"renamed", "名称或口径变化"}, {"zone", "园区数据"},
	    {"range", "区间目标"},         {"unit", "单位换算"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], code) == 0)
			return labels[i][1];
	return code;
}

char *compare_warnings_text(const struct compare_row *r, int labels, char *buf, size_t size)
{
	size_t n = 0;
	if (size)
		buf[0] = '\0';
	for (int i = 0; i < r->nwarnings && n < size; i++) {
		const char *w = labels ? compare_warning_label(r->warnings[i]) : r->warnings[i];
		/* two codes may share a label */
		if (labels && strstr(buf, w))
			continue;
		n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? (labels ? "、" : ",") : "", w);
	}
	return buf;
}

/* ---- pairing ---- */

struct keyed {
	const struct indicator_row *r;
	size_t order; /* place in the model's listing */
};

/* Keys group and are looked up, never printed in this order: region and
 * indicator are interned (one pointer a word), so their addresses order
 * them (strcmp was a tenth of compare at 10,000 reports). */
static int cmp_key_parts(const char *region, const char *indicator, int year,
                         const struct indicator_row *b)
{
	uintptr_t ra = (uintptr_t)region, rb = (uintptr_t)b->region;
	uintptr_t ia = (uintptr_t)indicator, ib = (uintptr_t)b->indicator;
	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (ia != ib)
		return ia < ib ? -1 : 1;
	return (year > b->year) - (year < b->year);
}

static int cmp_keyed(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	int c = cmp_key_parts(a->r->region, a->r->indicator, a->r->year, b->r);
	return c ? c : (a->order > b->order) - (a->order < b->order);
}

/* the order `indicators` lists statements in */
static int cmp_listing(const void *pa, const void *pb)
{
	const struct indicator_row *a = *(const struct indicator_row *const *)pa,
	                           *b = *(const struct indicator_row *const *)pb;
	int c = a->region == b->region ? 0 : strcmp(a->region, b->region);
	if (!c)
		c = (a->year > b->year) - (a->year < b->year);
	if (!c)
		c = (a->doc > b->doc) - (a->doc < b->doc);
	if (!c)
		c = (a->paragraph > b->paragraph) - (a->paragraph < b->paragraph);
	if (!c)
		c = (a->start > b->start) - (a->start < b->start);
	if (!c)
		c = (a->id > b->id) - (a->id < b->id);
	return c;
}

/* first entry of the key in the sorted array, or n */
static size_t lower_bound(const struct keyed *k, size_t n, const char *region,
                          const char *indicator, int year)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_key_parts(region, indicator, year, k[mid].r) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int needs_level(const struct indicator_row *t)
{
	return !t->has_growth && t->value && !is(t->qualifier, "in_step") &&
	       !is(t->qualifier, "above");
}

/* The result that best stands for a year: one with the figure the target
 * needs, a whole year's over a part-year one, a final figure over an
 * estimate, a later document's over an earlier one's. */
static const struct indicator_row *best_result(const struct keyed *k, size_t n, const char *region,
                                               const char *indicator, int year,
                                               const struct indicator_row *target, int *revised)
{
	const struct indicator_row *best = NULL;
	int best_score = -1;
	int64_t best_doc = 0;
	if (revised)
		*revised = 0;
	for (size_t i = lower_bound(k, n, region, indicator, year);
	     i < n && cmp_key_parts(region, indicator, year, k[i].r) == 0; i++) {
		const struct indicator_row *r = k[i].r;
		if (!is(r->kind, "result"))
			continue;
		int fits = target && needs_level(target) ? r->value != NULL : r->has_growth;
		int score = fits * 8 + (r->period == NULL) * 4 + !has_flag(r, "estimate") * 2;
		if (score > best_score || (score == best_score && r->doc > best_doc)) {
			if (best && revised && best->has_growth && r->has_growth &&
			    fabs(best->growth - r->growth) > 1e-9 && best->period == NULL &&
			    r->period == NULL)
				*revised = 1;
			best = r;
			best_score = score;
			best_doc = r->doc;
		}
	}
	return best;
}

/* Of several targets of one key, the one a list of main targets gives. */
static int target_rank(const struct indicator_row *t)
{
	int rank = 0;
	if (t->text && (strstr(t->text, "预期目标") || strstr(t->text, "主要目标")))
		rank += 2;
	if (t->has_growth || t->value || t->qualifier)
		rank += 1;
	return rank;
}

static void fill_verdict(struct compare_row *c, const struct indicator_row *t,
                         const struct indicator_row *res, const struct indicator_row *gdp)
{
	struct compare_judgement j = {.indicator = t->indicator,
	                              .qualifier = t->qualifier,
	                              .result_exists = res != NULL,
	                              .gdp_has = gdp && gdp->has_growth,
	                              .gdp = gdp ? gdp->growth : 0};
	if (needs_level(t) && res) {
		const char *dt = NULL, *dr = NULL;
		double vt, vr;
		j.level = 1;
		j.target_has = compare_level(t->value, t->unit, &dt, &vt);
		j.result_has = compare_level(res->value, res->unit, &dr, &vr) && j.target_has &&
		               strcmp(dt, dr) == 0;
		j.target = vt;
		j.result = vr;
		if (j.result_has && t->unit && res->unit && strcmp(t->unit, res->unit) != 0)
			warn(c, "unit");
	} else {
		j.target_has = t->has_growth;
		j.target = t->growth;
		j.target_high = t->has_growth_high ? t->growth_high : t->growth;
		j.result_has = res && res->has_growth;
		j.result = res ? res->growth : 0;
	}
	c->verdict = compare_judge(&j);
}

/* ---- loading: the keys of every statement, the words of the printed ones ---- */

/* The few distinct words of 200,000 statements (regions, names, units,
 * kinds) kept once: rows point into the pool, equal words are equal
 * pointers. */
struct pool {
	char **v;
	size_t cap, n;
};

static const char *intern(struct pool *p, const unsigned char *s)
{
	if (!s)
		return NULL;
	if (p->n * 2 >= p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 1024;
		char **v = calloc(cap, sizeof *v);
		if (!v)
			return NULL;
		for (size_t i = 0; i < p->cap; i++)
			if (p->v[i]) {
				size_t h = 5381;
				for (const char *c = p->v[i]; *c; c++)
					h = h * 33 + (unsigned char)*c;
				while (v[h & (cap - 1)])
					h++;
				v[h & (cap - 1)] = p->v[i];
			}
		free(p->v);
		p->v = v;
		p->cap = cap;
	}
	size_t h = 5381;
	for (const unsigned char *c = s; *c; c++)
		h = h * 33 + *c;
	while (p->v[h & (p->cap - 1)] && strcmp(p->v[h & (p->cap - 1)], (const char *)s) != 0)
		h++;
	char **slot = &p->v[h & (p->cap - 1)];
	if (!*slot) {
		*slot = strdup((const char *)s);
		p->n++;
	}
	return *slot;
}

static const char *pool_find(const struct pool *p, const char *s)
{
	if (!p->cap)
		return NULL;
	size_t h = 5381;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		h = h * 33 + *c;
	while (p->v[h & (p->cap - 1)] && strcmp(p->v[h & (p->cap - 1)], s) != 0)
		h++;
	return p->v[h & (p->cap - 1)];
}

static void pool_free(struct pool *p)
{
	for (size_t i = 0; i < p->cap; i++)
		free(p->v[i]);
	free(p->v);
}

/* Sentences and section paths of the rows, bump-allocated: 70,000 rows
 * would be 400,000 small allocations, each freed again. */
struct arena_chunk {
	struct arena_chunk *next;
	size_t used, cap;
	char data[];
};

struct arena {
	struct arena_chunk *head;
};

static char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	struct arena_chunk *c = a->head;
	if (!c || c->cap - c->used < n + 1) {
		size_t cap = n + 1 > 65536 ? n + 1 : 65536;
		struct arena_chunk *g = malloc(sizeof *g + cap);
		if (!g)
			return NULL;
		g->next = a->head;
		g->used = 0;
		g->cap = cap;
		a->head = c = g;
	}
	char *d = c->data + c->used;
	memcpy(d, s, n);
	d[n] = '\0';
	c->used += n + 1;
	return d;
}

static void arena_free(struct arena *a)
{
	for (struct arena_chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
}

/* What model_compare hands out: the rows, and everything their strings
 * point into (interned words, the statements read, sentences, paths), freed
 * at once by model_compare_free. */
struct compare_block {
	struct pool pool;
	struct arena arena;
	struct indicator_row *loaded;
	size_t nloaded;
	struct compare_row rows[];
};

static struct compare_block *block_of(struct compare_row *rows)
{
	return (struct compare_block *)((char *)rows - offsetof(struct compare_block, rows));
}

/* Every statement of the regions asked, without its sentence or section:
 * a corpus of 10,000 reports has 200,000 statements, and only the rows
 * compare prints need their words (fill_words).  Listing order as
 * model_indicators. */
/* Each document's region and name, by id: the statements are read
 * without a join (the join was a third of reading them). */
struct doc_map {
	const char **region, **source;
	int64_t n;
};

static int load_docs(model *m, const char *region, struct pool *pool, struct doc_map *d)
{
	memset(d, 0, sizeof *d);
	sqlite3_stmt *st = model_prepare(m, region ? "SELECT id, region, source FROM documents"
	                                             " WHERE region = ?1"
	                                           : "SELECT id, region, source FROM documents"
	                                             " WHERE region IS NOT NULL AND region != ''");
	if (!st)
		return -1;
	if (region)
		model_bind_text(st, 1, region);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (id < 0 || id > ((int64_t)1 << 40))
			continue;
		if (id >= d->n) {
			int64_t n = d->n ? d->n : 1024;
			while (n <= id)
				n *= 2;
			const char **r = realloc(d->region, (size_t)n * sizeof *r);
			if (r)
				d->region = r;
			const char **s = r ? realloc(d->source, (size_t)n * sizeof *s) : NULL;
			if (!r || !s) {
				rc = SQLITE_NOMEM;
				break;
			}
			d->source = s;
			memset(d->region + d->n, 0, (size_t)(n - d->n) * sizeof *r);
			memset(d->source + d->n, 0, (size_t)(n - d->n) * sizeof *s);
			d->n = n;
		}
		d->region[id] = intern(pool, sqlite3_column_text(st, 1));
		d->source[id] = intern(pool, sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		model_set_error(m, "compare: cannot read the documents");
		free(d->region);
		free(d->source);
		return -1;
	}
	return 0;
}

/* a column's text in the arena: for words that seldom repeat (a value, a
 * name as written), where interning would hash them all for nothing */
static char *arena_column(struct arena *a, sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(st, col)) : NULL;
}

static int load_keys(model *m, const char *region, struct pool *pool, struct arena *arena,
                     struct indicator_row **out, size_t *n)
{
	struct doc_map docs;
	*out = NULL;
	*n = 0;
	if (load_docs(m, region, pool, &docs) < 0)
		return -1;
	char sql[1024];
	snprintf(sql, sizeof sql,
	         "SELECT i.id, i.doc_id, coalesce(i.paragraph_id, 0), coalesce(i.section_id, 0),"
	         " i.indicator, i.name, i.kind, i.value, i.unit, i.qualifier, i.period,"
	         " coalesce(i.year, 0), i.growth, i.start, i.end, i.growth_high,"
	         " coalesce(i.horizon, 0), i.flags"
	         " FROM indicators i WHERE i.kind != 'goal'%s",
	         region ? " AND i.doc_id IN (SELECT id FROM documents WHERE region = ?1)" : "");
	sqlite3_stmt *st = model_prepare(m, sql);
	if (!st) {
		free(docs.region);
		free(docs.source);
		return -1;
	}
	if (region)
		model_bind_text(st, 1, region);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t doc = sqlite3_column_int64(st, 1);
		if (doc < 0 || doc >= docs.n || !docs.region[doc])
			continue; /* no known region: never paired */
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			struct indicator_row *g = realloc(*out, cap * sizeof *g);
			if (!g)
				break;
			*out = g;
		}
		struct indicator_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		r->doc = doc;
		r->paragraph = sqlite3_column_int64(st, 2);
		r->section = sqlite3_column_int64(st, 3);
		r->region = (char *)docs.region[doc];
		r->source = (char *)docs.source[doc];
#define WORD(col) (char *)intern(pool, sqlite3_column_text(st, col))
		r->indicator = WORD(4);
		r->name = arena_column(arena, st, 5);
		r->kind = WORD(6);
		r->kind_id = ind_kind_by_name(r->kind);
		r->value = arena_column(arena, st, 7);
		r->unit = WORD(8);
		r->qualifier = WORD(9);
		r->qual = ind_qualifier_by_name(r->qualifier);
		r->period = WORD(10);
		r->year = sqlite3_column_int(st, 11);
		r->has_growth = sqlite3_column_type(st, 12) != SQLITE_NULL;
		r->growth = sqlite3_column_double(st, 12);
		r->start = sqlite3_column_int(st, 13);
		r->end = sqlite3_column_int(st, 14);
		r->has_growth_high = sqlite3_column_type(st, 15) != SQLITE_NULL;
		r->growth_high = sqlite3_column_double(st, 15);
		r->horizon = sqlite3_column_int(st, 16);
		r->flags = WORD(17);
#undef WORD
		if (!r->region || !r->indicator || !r->kind || !r->source)
			break;
	}
	free(docs.region);
	free(docs.source);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		model_sqlite_error(m, "compare");
		sqlite3_finalize(st);
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Section paths already asked, by section id (open addressing).  A path
 * is its parent's path and its own heading, so each section is read once,
 * by its id, and the parts every row of a report shares once for all. */
struct path_cache {
	int64_t *ids;
	char **paths;
	size_t cap, n;
	sqlite3_stmt *st;
};

static const char *cached_section_path(model *m, struct path_cache *c, int64_t section, int depth)
{
	if (c->n * 2 >= c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 1024;
		int64_t *ids = calloc(cap, sizeof *ids);
		char **paths = calloc(cap, sizeof *paths);
		if (!ids || !paths) {
			free(ids);
			free(paths);
			return NULL;
		}
		for (size_t i = 0; i < c->cap; i++)
			if (c->ids[i]) {
				size_t h = (size_t)c->ids[i] * 2654435761u & (cap - 1);
				while (ids[h])
					h = (h + 1) & (cap - 1);
				ids[h] = c->ids[i];
				paths[h] = c->paths[i];
			}
		free(c->ids);
		free(c->paths);
		c->ids = ids;
		c->paths = paths;
		c->cap = cap;
	}
	size_t h = (size_t)section * 2654435761u & (c->cap - 1);
	while (c->ids[h] && c->ids[h] != section)
		h = (h + 1) & (c->cap - 1);
	if (c->ids[h])
		return c->paths[h];
	if (!c->st && !(c->st = model_prepare(m, "SELECT coalesce(parent_id, 0),"
	                                         " coalesce(number, ''), coalesce(title, '')"
	                                         " FROM sections WHERE id = ?")))
		return NULL;
	sqlite3_bind_int64(c->st, 1, section);
	if (sqlite3_step(c->st) != SQLITE_ROW) {
		sqlite3_reset(c->st);
		return "";
	}
	int64_t parent = sqlite3_column_int64(c->st, 0);
	char *number = model_column_dup(c->st, 1, 0), *title = model_column_dup(c->st, 2, 0);
	sqlite3_reset(c->st);
	char *path = NULL;
	size_t len = 0;
	const char *up = parent > 0 && parent != section && depth < 32
	                     ? cached_section_path(m, c, parent, depth + 1)
	                     : "";
	if (number && title && up && (path = strdup(up))) {
		len = strlen(path);
		if (model_path_append(&path, &len, number, title) < 0) {
			free(path);
			path = NULL;
		}
	}
	free(number);
	free(title);
	if (!path)
		return NULL;
	/* the table may have grown while the parent was asked */
	h = (size_t)section * 2654435761u & (c->cap - 1);
	while (c->ids[h] && c->ids[h] != section)
		h = (h + 1) & (c->cap - 1);
	c->ids[h] = section;
	c->paths[h] = path;
	c->n++;
	return path;
}

static void path_cache_free(struct path_cache *c)
{
	for (size_t i = 0; i < c->cap; i++)
		free(c->paths[i]);
	free(c->ids);
	free(c->paths);
	sqlite3_finalize(c->st);
}

/* The paragraphs last read: rows printed one after another mostly share
 * them (a target sentence names six indicators, a result sentence as many). */
#define PARA_CACHE 32

struct para_cache {
	sqlite3_stmt *st;
	int64_t id[PARA_CACHE];
	char *text[PARA_CACHE];
	size_t len[PARA_CACHE];
	int next;
};

static void para_cache_free(struct para_cache *c)
{
	for (int i = 0; i < PARA_CACHE; i++)
		free(c->text[i]);
	sqlite3_finalize(c->st);
}

static const char *paragraph_text(model *m, struct para_cache *c, int64_t id, size_t *len)
{
	for (int i = 0; i < PARA_CACHE; i++)
		if (c->text[i] && c->id[i] == id) {
			*len = c->len[i];
			return c->text[i];
		}
	if (!c->st && !(c->st = model_prepare(m, "SELECT text FROM paragraphs WHERE id = ?")))
		return NULL;
	sqlite3_bind_int64(c->st, 1, id);
	char *text = sqlite3_step(c->st) == SQLITE_ROW ? model_column_dup(c->st, 0, 0) : strdup("");
	sqlite3_reset(c->st);
	if (!text)
		return NULL;
	int k = c->next;
	c->next = (c->next + 1) % PARA_CACHE;
	free(c->text[k]);
	c->text[k] = text;
	c->id[k] = id;
	c->len[k] = *len = strlen(text);
	return text;
}

/* The sentence of a row that is printed: code points [start, end) of its
 * paragraph. */
static int fill_words(model *m, struct para_cache *c, struct arena *ar, struct indicator_row *r)
{
	if (!r || r->text)
		return 0;
	size_t len;
	const char *p = paragraph_text(m, c, r->paragraph, &len);
	if (!p)
		return -1;
	size_t a = utf8_offset(p, len, r->start > 0 ? (size_t)r->start : 0);
	size_t b =
	    r->end > r->start
	        ? a + utf8_offset(p + a, len - a, (size_t)(r->end - (r->start > 0 ? r->start : 0)))
	        : len;
	r->text = arena_strndup(ar, p + a, b > a ? b - a : 0);
	return r->text ? 0 : -1;
}

static int cmp_by_paragraph(const void *pa, const void *pb)
{
	const struct indicator_row *a = *(const struct indicator_row *const *)pa;
	const struct indicator_row *b = *(const struct indicator_row *const *)pb;
	return a->paragraph < b->paragraph ? -1 : a->paragraph > b->paragraph;
}

static int cmp_by_id(const void *pa, const void *pb)
{
	const struct indicator_row *a = *(const struct indicator_row *const *)pa;
	const struct indicator_row *b = *(const struct indicator_row *const *)pb;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* The sentences and section paths of every row printed, read in the order
 * the tables store them: kept beside the statement (statement_words, schema
 * 8), else cut from its paragraph, each paragraph read once (and the path
 * left to model_compare_sections). */
static int fill_all_words(model *m, struct para_cache *c, struct arena *ar,
                          struct compare_row *rows, size_t n)
{
	struct indicator_row **need = malloc((3 * n + 1) * sizeof *need);
	sqlite3_stmt *st =
	    need ? model_prepare(m, "SELECT id, sentence, section FROM statement_words"
	                            " WHERE id BETWEEN ?1 AND ?2 ORDER BY id")
	         : NULL;
	if (!st) {
		free(need);
		return -1;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		struct indicator_row *three[] = {&rows[i].target, rows[i].result, rows[i].previous};
		for (int j = 0; j < 3; j++)
			if (three[j] && !three[j]->text)
				need[k++] = three[j];
	}
	qsort(need, k, sizeof *need, cmp_by_id);
	if (k) {
		sqlite3_bind_int64(st, 1, need[0]->id);
		sqlite3_bind_int64(st, 2, need[k - 1]->id);
	}
	int rc = 0;
	size_t rest = 0; /* those stored without words, moved to the front */
	/* most statements are needed: one pass over the table, merged with the
	 * sorted list, beats a lookup each */
	size_t i = 0;
	int step = SQLITE_DONE;
	while (i < k && rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		while (i < k && need[i]->id < id)
			need[rest++] = need[i++]; /* no words stored */
		for (; i < k && need[i]->id == id && rc == 0; i++) {
			struct indicator_row *r = need[i];
			if (!r->text && sqlite3_column_type(st, 1) != SQLITE_NULL) {
				r->text =
				    arena_strndup(ar, (const char *)sqlite3_column_text(st, 1),
				                  (size_t)sqlite3_column_bytes(st, 1));
				rc = r->text ? 0 : -1;
			}
			if (rc == 0 && !r->section_path &&
			    sqlite3_column_type(st, 2) != SQLITE_NULL) {
				r->section_path =
				    arena_strndup(ar, (const char *)sqlite3_column_text(st, 2),
				                  (size_t)sqlite3_column_bytes(st, 2));
				rc = r->section_path ? 0 : -1;
			}
			if (!r->text)
				need[rest++] = r;
		}
	}
	if (rc == 0 && step != SQLITE_ROW && step != SQLITE_DONE) {
		model_sqlite_error(m, "compare: read the sentences");
		rc = -1;
	}
	while (i < k)
		need[rest++] = need[i++];
	/* a row two compare rows share may stand twice: cut once */
	size_t w = 0;
	for (size_t j = 0; j < rest; j++)
		if (!need[j]->text && (w == 0 || need[w - 1] != need[j]))
			need[w++] = need[j];
	rest = w;
	sqlite3_finalize(st);
	qsort(need, rest, sizeof *need, cmp_by_paragraph);
	for (size_t i = 0; i < rest && rc == 0; i++)
		rc = fill_words(m, c, ar, need[i]);
	free(need);
	return rc;
}

int model_compare(model *m, const char *region, int year, struct compare_row **out, size_t *n)
{
	struct indicator_row *rows;
	size_t nrows;
	*out = NULL;
	*n = 0;
	/* one read transaction for the many small queries that follow */
	int own_txn = sqlite3_get_autocommit(model_db(m)) &&
	              sqlite3_exec(model_db(m), "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	struct pool pool = {0};
	struct arena arena = {0};
	if (load_keys(m, region, &pool, &arena, &rows, &nrows) < 0) {
		pool_free(&pool);
		arena_free(&arena);
		if (own_txn)
			sqlite3_exec(model_db(m), "COMMIT", NULL, NULL, NULL);
		return -1;
	}
	struct para_cache words = {0};
	/* the interned name, for the address order of the keys */
	const char *gdp_name = pool_find(&pool, "地区生产总值");
	struct keyed *k = malloc((nrows + 1) * sizeof *k);
	unsigned char *chosen = calloc(nrows + 1, 1);
	struct indicator_row **order = malloc((nrows + 1) * sizeof *order);
	struct compare_block *blk = NULL;
	int failed = !k || !chosen || !order;
	size_t nk = 0, norder = 0;
	for (size_t i = 0; !failed && i < nrows; i++)
		if (rows[i].region && rows[i].region[0] && !is(rows[i].kind, "goal"))
			k[nk++] = (struct keyed){&rows[i], i};
	if (!failed)
		qsort(k, nk, sizeof *k, cmp_keyed);
	/* one target per region, indicator and year */
	for (size_t i = 0; !failed && i < nk;) {
		size_t e = i, best = (size_t)-1;
		size_t targets = 0;
		for (; e < nk &&
		       cmp_key_parts(k[i].r->region, k[i].r->indicator, k[i].r->year, k[e].r) == 0;
		     e++)
			targets += is(k[e].r->kind, "target");
		for (size_t x = i; x < e; x++) {
			if (!is(k[x].r->kind, "target") || (year && k[x].r->year != year))
				continue;
			/* the sentence decides between several targets only */
			if (targets > 1 && fill_words(m, &words, &arena, &rows[k[x].order]) < 0)
				failed = 1;
			if (best == (size_t)-1 || target_rank(k[x].r) > target_rank(k[best].r))
				best = x;
		}
		if (best != (size_t)-1)
			chosen[k[best].order] = 1;
		i = e;
	}
	/* the rows in listing order: region, year, document, place */
	for (size_t i = 0; !failed && i < nrows; i++)
		if (chosen[i])
			order[norder++] = &rows[i];
	if (!failed) {
		qsort(order, norder, sizeof *order, cmp_listing);
		blk = calloc(1, sizeof *blk + (norder + 1) * sizeof blk->rows[0]);
		failed = !blk;
	}
	for (size_t oi = 0; !failed && oi < norder; oi++) {
		struct indicator_row *t = order[oi];
		struct compare_row *c = &blk->rows[oi];
		int revised = 0;
		const struct indicator_row *res =
		    best_result(k, nk, t->region, t->indicator, t->year, t, &revised);
		const struct indicator_row *prev =
		    best_result(k, nk, t->region, t->indicator, t->year - 1, NULL, NULL);
		/* the rows are the statements read: shared, their words read once */
		c->result = (struct indicator_row *)res;
		c->previous = (struct indicator_row *)prev;
		c->region = t->region;
		c->indicator = t->indicator;
		c->year = t->year;
		c->target = *t;
		const struct indicator_row *gdp =
		    gdp_name ? best_result(k, nk, t->region, gdp_name, t->year, NULL, NULL) : NULL;
		fill_verdict(c, t, res, gdp);
		if (is(t->qualifier, "range"))
			warn(c, "range");
		if (res && res->period)
			warn(c, "part_year");
		if (has_flag(res, "estimate"))
			warn(c, "estimate");
		if (revised)
			warn(c, "revised");
		if (has_flag(t, "old_name") || has_flag(res, "old_name"))
			warn(c, "old_name");
		if (has_flag(t, "zone") || has_flag(res, "zone"))
			warn(c, "zone");
		*n = oi + 1;
	}
	int told = 0; /* the model's error already says why */
	if (!failed && fill_all_words(m, &words, &arena, blk->rows, norder) < 0)
		failed = told = 1;
	free(k);
	free(chosen);
	free(order);
	para_cache_free(&words);
	if (own_txn)
		sqlite3_exec(model_db(m), "COMMIT", NULL, NULL, NULL);
	if (failed) {
		free(blk);
		free(rows);
		pool_free(&pool);
		arena_free(&arena);
		*n = 0;
		if (!told)
			model_set_error(m, "compare: out of memory");
		return -1;
	}
	blk->pool = pool;
	blk->arena = arena;
	blk->loaded = rows;
	blk->nloaded = nrows;
	*out = blk->rows;
	*n = norder;
	return 0;
}

static int cmp_by_section(const void *pa, const void *pb)
{
	const struct indicator_row *a = *(const struct indicator_row *const *)pa;
	const struct indicator_row *b = *(const struct indicator_row *const *)pb;
	return a->section < b->section ? -1 : a->section > b->section;
}

static int fill_section(model *m, struct path_cache *c, struct arena *a, struct indicator_row *r)
{
	if (!r || r->section_path)
		return 0;
	const char *path = r->section > 0 ? cached_section_path(m, c, r->section, 0) : "";
	r->section_path = path ? arena_strndup(a, path, strlen(path)) : NULL;
	return r->section_path ? 0 : -1;
}

int model_compare_sections(model *m, struct compare_row *rows, size_t n)
{
	if (!rows || !n)
		return 0;
	struct arena *a = &block_of(rows)->arena;
	struct path_cache c = {0};
	int rc = 0;
	int own_txn = sqlite3_get_autocommit(model_db(m)) &&
	              sqlite3_exec(model_db(m), "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	/* in the order the table stores them, each read once */
	struct indicator_row **need = malloc((3 * n + 1) * sizeof *need);
	if (!need)
		rc = -1;
	size_t k = 0;
	for (size_t i = 0; need && i < n; i++) {
		struct indicator_row *three[] = {&rows[i].target, rows[i].result, rows[i].previous};
		for (int j = 0; j < 3; j++)
			if (three[j] && !three[j]->section_path)
				need[k++] = three[j];
	}
	if (need)
		qsort(need, k, sizeof *need, cmp_by_section);
	for (size_t i = 0; i < k && rc == 0; i++)
		rc = fill_section(m, &c, a, need[i]);
	free(need);
	if (own_txn)
		sqlite3_exec(model_db(m), "COMMIT", NULL, NULL, NULL);
	path_cache_free(&c);
	return rc;
}

void model_compare_free(struct compare_row *r, size_t n)
{
	(void)n;
	if (!r)
		return;
	struct compare_block *b = block_of(r);
	pool_free(&b->pool);
	arena_free(&b->arena);
	free(b->loaded);
	free(b);
}
