/* indicators.c — stored quantitative statements, with their sentence. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/indicators.h"

static const char *const kind_names[] = {
    [KIND_RESULT] = "result", [KIND_TARGET] = "target", [KIND_GOAL] = "goal"};
static const char *const qualifier_names[] = {
    [QUAL_EXACT] = "exact",     [QUAL_AT_LEAST] = "at_least", [QUAL_ABOUT] = "about",
    [QUAL_AT_MOST] = "at_most", [QUAL_IN_STEP] = "in_step",   [QUAL_ABOVE] = "above",
    [QUAL_RANGE] = "range"};

const char *ind_kind_name(enum ind_kind k)
{
	return k < KIND_OTHER ? kind_names[k] : "";
}

enum ind_kind ind_kind_by_name(const char *name)
{
	for (int k = 0; k < KIND_OTHER; k++)
		if (name && strcmp(name, kind_names[k]) == 0)
			return (enum ind_kind)k;
	return KIND_OTHER;
}

const char *ind_qualifier_name(enum ind_qualifier q)
{
	return q < QUAL_OTHER ? qualifier_names[q] : "";
}

enum ind_qualifier ind_qualifier_by_name(const char *name)
{
	if (!name || !*name)
		return QUAL_EXACT;
	for (int q = 0; q < QUAL_OTHER; q++)
		if (strcmp(name, qualifier_names[q]) == 0)
			return (enum ind_qualifier)q;
	return QUAL_OTHER;
}
#include "text/text.h"

void indicator_row_clear(struct indicator_row *r)
{
	free(r->region);
	free(r->indicator);
	free(r->name);
	free(r->kind);
	free(r->value);
	free(r->unit);
	free(r->qualifier);
	free(r->period);
	free(r->source);
	free(r->section_path);
	free(r->text);
	free(r->flags);
	memset(r, 0, sizeof *r);
}

void model_indicators_free(struct indicator_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		indicator_row_clear(&r[i]);
	free(r);
}

/* The sections of the documents a listing reads, fetched in one query, so
 * that 40,000 statements do not ask 40,000 recursive path queries. */
struct section_cache {
	struct cached_section {
		int64_t id, parent;
		char *number, *title, *path;
	} * v;
	size_t n;
};

static void section_cache_free(struct section_cache *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].number);
		free(c->v[i].title);
		free(c->v[i].path);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

static int section_cache_load(model *m, struct section_cache *c, const char *region, int64_t doc)
{
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT s.id, coalesce(s.parent_id, 0), coalesce(s.number, ''),"
	         " coalesce(s.title, '') FROM sections s WHERE s.doc_id IN"
	         " (SELECT DISTINCT i.doc_id FROM indicators i JOIN documents d ON d.id = i.doc_id"
	         "  WHERE 1%s%s) ORDER BY s.id",
	         region ? " AND d.region = ?1" : "", doc ? " AND d.id = ?2" : "");
	sqlite3_stmt *st = model_prepare(m, sql);
	if (!st)
		return -1;
	if (region)
		model_bind_text(st, 1, region);
	if (doc)
		sqlite3_bind_int64(st, 2, doc);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->n == cap) {
			cap = cap ? cap * 2 : 256;
			struct cached_section *g = realloc(c->v, cap * sizeof *g);
			if (!g)
				break;
			c->v = g;
		}
		struct cached_section *s = &c->v[c->n++];
		s->id = sqlite3_column_int64(st, 0);
		s->parent = sqlite3_column_int64(st, 1);
		s->number = model_column_dup(st, 2, 0);
		s->title = model_column_dup(st, 3, 0);
		s->path = NULL;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

static struct cached_section *cached(struct section_cache *c, int64_t id)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->n && c->v[lo].id == id ? &c->v[lo] : NULL;
}

/* "一、2025年工作回顾 › （二）…", as model_section_path gives it */
static const char *cached_path(struct section_cache *c, int64_t id)
{
	struct cached_section *s = cached(c, id);
	if (!s)
		return NULL;
	if (s->path)
		return s->path;
	struct cached_section *chain[32];
	int n = 0;
	for (struct cached_section *x = s; x && n < 32; x = x->parent ? cached(c, x->parent) : NULL)
		chain[n++] = x;
	char *path = calloc(1, 1);
	size_t len = 0;
	while (path && n-- > 0)
		if (model_path_append(&path, &len, chain[n]->number, chain[n]->title) < 0) {
			free(path);
			path = NULL;
		}
	s->path = path;
	return path;
}

int model_indicators(model *m, const struct indicator_filter *f, struct indicator_row **out,
                     size_t *n)
{
	/* A region or a document is asked as a plain equality, so that the
	 * documents' and indicators' indexes find the rows: "?1 IS NULL OR
	 * d.region = ?1" reads every indicator of the corpus. */
	const char *region = f ? f->region : NULL;
	int64_t doc = f ? f->doc : 0;
	char sql[1024];
	snprintf(
	    sql, sizeof sql,
	    "SELECT i.id, i.doc_id, coalesce(i.paragraph_id, 0), coalesce(i.section_id, 0),"
	    " coalesce(d.region, ''), i.indicator, i.name, i.kind, i.value, i.unit, i.qualifier,"
	    /* the sentence, cut here so that the sort carries no paragraph */
	    " i.period, d.source, coalesce(i.year, 0), i.growth, i.start, i.end,"
	    " substr(p.text, i.start + 1, CASE WHEN i.end > i.start THEN i.end - i.start"
	    "  ELSE length(p.text) END),"
	    " i.growth_high, coalesce(i.horizon, 0), i.flags"
	    " FROM indicators i JOIN documents d ON d.id = i.doc_id"
	    " LEFT JOIN paragraphs p ON p.id = i.paragraph_id"
	    " WHERE (?2 = 0 OR i.year = ?2) AND (?3 IS NULL OR i.kind = ?3)%s%s"
	    " ORDER BY d.region, i.year, i.kind DESC, i.doc_id, p.ord, i.start",
	    region ? " AND d.region = ?1" : "", doc ? " AND i.doc_id = ?4" : "");
	sqlite3_stmt *st = model_prepare(m, sql);
	if (!st)
		return -1;
	if (region)
		model_bind_text(st, 1, region);
	sqlite3_bind_int(st, 2, f ? f->year : 0);
	model_bind_text(st, 3, f ? f->kind : NULL);
	if (doc)
		sqlite3_bind_int64(st, 4, doc);
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	struct section_cache sections = {0};
	if (section_cache_load(m, &sections, region, doc) < 0) {
		sqlite3_finalize(st);
		section_cache_free(&sections);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			struct indicator_row *g = realloc(*out, cap * sizeof *g);
			if (!g)
				break;
			*out = g;
		}
		struct indicator_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		r->doc = sqlite3_column_int64(st, 1);
		r->paragraph = sqlite3_column_int64(st, 2);
		r->section = sqlite3_column_int64(st, 3);
		r->region = model_column_dup(st, 4, 0);
		r->indicator = model_column_dup(st, 5, 0);
		r->name = model_column_dup(st, 6, 1);
		r->kind = model_column_dup(st, 7, 0);
		r->kind_id = ind_kind_by_name(r->kind);
		r->value = model_column_dup(st, 8, 1);
		r->unit = model_column_dup(st, 9, 1);
		r->qualifier = model_column_dup(st, 10, 1);
		r->qual = ind_qualifier_by_name(r->qualifier);
		r->period = model_column_dup(st, 11, 1);
		r->source = model_column_dup(st, 12, 0);
		r->year = sqlite3_column_int(st, 13);
		r->has_growth = sqlite3_column_type(st, 14) != SQLITE_NULL;
		r->growth = sqlite3_column_double(st, 14);
		r->start = sqlite3_column_int(st, 15);
		r->end = sqlite3_column_int(st, 16);
		r->has_growth_high = sqlite3_column_type(st, 18) != SQLITE_NULL;
		r->growth_high = sqlite3_column_double(st, 18);
		r->horizon = sqlite3_column_int(st, 19);
		r->flags = model_column_dup(st, 20, 1);
		r->text = model_column_dup(st, 17, 0);
		const char *path = r->section ? cached_path(&sections, r->section) : NULL;
		r->section_path = strdup(path ? path : "");
	}
	section_cache_free(&sections);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		model_sqlite_error(m, "indicators");
		sqlite3_finalize(st);
		model_indicators_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

static char *fmt_growth(double g)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%.10g%%", g);
	return strdup(buf);
}

char *indicator_target_label(const struct indicator_row *r)
{
	const char *q = r->qualifier ? r->qualifier : "exact";
	if (strcmp(q, "in_step") == 0)
		return strdup("与经济增长同步");
	if (strcmp(q, "above") == 0)
		return strdup("高于经济增长");
	char *g = r->has_growth ? fmt_growth(r->growth) : NULL;
	const char *prefix = strcmp(q, "at_least") == 0  ? "≥"
	                     : strcmp(q, "at_most") == 0 ? "≤"
	                     : strcmp(q, "about") == 0   ? "≈"
	                                                 : "";
	char buf[96];
	if (g)
		snprintf(buf, sizeof buf, "%s%s", prefix, g);
	else
		snprintf(buf, sizeof buf, "%s%s%s", prefix, r->value ? r->value : "?",
		         r->unit ? r->unit : "");
	free(g);
	return strdup(buf);
}

char *indicator_result_label(const struct indicator_row *r)
{
	char buf[160] = "";
	size_t n = 0;
	if (r->has_growth)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%+.10g%%", r->growth);
	if (r->value && n < sizeof buf)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s%s", n ? " · " : "", r->value,
		                      r->unit ? r->unit : "");
	if (r->period && n < sizeof buf)
		snprintf(buf + n, sizeof buf - n, "%s%s", n ? " · " : "", r->period);
	return strdup(buf);
}
