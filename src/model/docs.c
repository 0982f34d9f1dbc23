/* docs.c — documents, regions, sections, paragraphs and the glossary. */
#include "config.h"

#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"

#define DOC_COLUMNS                                                                                \
	"d.id, d.source, d.path, d.hash, d.encoding, d.region, d.kind, d.date, d.title,"           \
	" d.review_year, d.plan_year, d.bytes, d.n_sections, d.n_paragraphs, d.n_glossary,"        \
	" d.n_indicators"

static void read_doc(sqlite3_stmt *st, struct doc_info *d)
{
	d->id = sqlite3_column_int64(st, 0);
	d->source = model_column_dup(st, 1, 0);
	d->path = model_column_dup(st, 2, 1);
	d->hash = model_column_dup(st, 3, 0);
	d->encoding = model_column_dup(st, 4, 1);
	d->region = model_column_dup(st, 5, 1);
	d->kind = model_column_dup(st, 6, 1);
	d->date = model_column_dup(st, 7, 1);
	d->title = model_column_dup(st, 8, 1);
	d->review_year = sqlite3_column_int(st, 9);
	d->plan_year = sqlite3_column_int(st, 10);
	d->bytes = (long)sqlite3_column_int64(st, 11);
	d->sections = (long)sqlite3_column_int64(st, 12);
	d->paragraphs = (long)sqlite3_column_int64(st, 13);
	d->glossary = (long)sqlite3_column_int64(st, 14);
	d->indicators = (long)sqlite3_column_int64(st, 15);
}

void doc_info_clear(struct doc_info *d)
{
	free(d->source);
	free(d->path);
	free(d->hash);
	free(d->encoding);
	free(d->region);
	free(d->kind);
	free(d->date);
	free(d->title);
	memset(d, 0, sizeof *d);
}

void model_docs_free(struct doc_info *docs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		doc_info_clear(&docs[i]);
	free(docs);
}

/* Steps st, growing *out by one element of `size` per row and calling read. */
static int collect(model *m, sqlite3_stmt *st, size_t size, void **out, size_t *n,
                   void (*read)(sqlite3_stmt *, void *))
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			void *g = realloc(*out, cap * size);
			if (!g)
				break;
			*out = g;
		}
		void *item = (char *)*out + *n * size;
		memset(item, 0, size);
		read(st, item);
		(*n)++;
	}
	if (rc != SQLITE_DONE) {
		model_sqlite_error(m, "read");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

static void read_doc_v(sqlite3_stmt *st, void *item)
{
	read_doc(st, item);
}

int model_docs(model *m, const char *region, struct doc_info **out, size_t *n)
{
	/* "" is the region of documents whose region is unknown, as model_regions
	 * lists it.  Each case is its own plain condition, so the index on
	 * (region, date, id) finds the rows in order. */
	const char *where = !region    ? ""
	                    : !*region ? " WHERE d.region IS NULL OR d.region = ''"
	                               : " WHERE d.region = ?1";
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT " DOC_COLUMNS " FROM documents d%s ORDER BY " MODEL_DOC_ORDER, where);
	sqlite3_stmt *st = model_prepare(m, sql);
	if (!st)
		return -1;
	if (region && *region)
		model_bind_text(st, 1, region);
	return collect(m, st, sizeof **out, (void **)out, n, read_doc_v);
}

/* One document from a statement with ?1 bound: 0 found, 1 none, -1 error. */
static int doc_one(model *m, sqlite3_stmt *st, struct doc_info *out)
{
	int rc = sqlite3_step(st);
	memset(out, 0, sizeof *out);
	if (rc == SQLITE_ROW)
		read_doc(st, out);
	else if (rc != SQLITE_DONE)
		model_sqlite_error(m, "find document");
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int model_doc_get(model *m, int64_t id, struct doc_info *out)
{
	sqlite3_stmt *st =
	    model_prepare(m, "SELECT " DOC_COLUMNS " FROM documents d WHERE d.id = ?1");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return doc_one(m, st, out);
}

int model_doc_find(model *m, const char *id_or_source, struct doc_info *out)
{
	/* a number is an id unless a file of that name exists; each asked on
	 * its own index (an OR of the two reads every document) */
	sqlite3_stmt *st =
	    model_prepare(m, "SELECT " DOC_COLUMNS " FROM documents d WHERE d.source = ?1 LIMIT 1");
	if (!st)
		return -1;
	model_bind_text(st, 1, id_or_source);
	int rc = doc_one(m, st, out);
	if (rc != 1)
		return rc;
	char *end;
	errno = 0;
	long long id = strtoll(id_or_source, &end, 10);
	/* as the id is written: 3, not 03, +3 or " 3" */
	if (errno || *end || *id_or_source < '1' || *id_or_source > '9')
		return 1;
	return model_doc_get(m, (int64_t)id, out);
}

static void read_region(sqlite3_stmt *st, void *item)
{
	struct region_info *r = item;
	r->region = model_column_dup(st, 0, 0);
	r->documents = (long)sqlite3_column_int64(st, 1);
}

int model_regions(model *m, struct region_info **out, size_t *n)
{
	sqlite3_stmt *st = model_prepare(m, "SELECT coalesce(region, ''), count(*) FROM documents"
	                                    " GROUP BY 1 ORDER BY count(*) DESC, 1");
	if (!st)
		return -1;
	return collect(m, st, sizeof **out, (void **)out, n, read_region);
}

void model_regions_free(struct region_info *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(r[i].region);
	free(r);
}

static void read_section(sqlite3_stmt *st, void *item)
{
	struct section_info *s = item;
	s->id = sqlite3_column_int64(st, 0);
	s->parent = sqlite3_column_int64(st, 1);
	s->local = sqlite3_column_int(st, 2);
	s->level = sqlite3_column_int(st, 3);
	s->kind = model_column_dup(st, 4, 0);
	s->number = model_column_dup(st, 5, 0);
	s->title = model_column_dup(st, 6, 0);
	s->paragraphs = (long)sqlite3_column_int64(st, 7);
}

int model_sections(model *m, int64_t doc, struct section_info **out, size_t *n)
{
	sqlite3_stmt *st = model_prepare(
	    m, "SELECT s.id, coalesce(s.parent_id, 0), s.local, s.level, s.kind, s.number, s.title,"
	       " (SELECT count(*) FROM paragraphs p WHERE p.section_id = s.id)"
	       " FROM sections s WHERE s.doc_id = ? ORDER BY s.local");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, doc);
	return collect(m, st, sizeof **out, (void **)out, n, read_section);
}

void model_sections_free(struct section_info *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].kind);
		free(s[i].number);
		free(s[i].title);
	}
	free(s);
}

int model_path_append(char **path, size_t *len, const char *number, const char *title)
{
	static const char sep[] = MODEL_PATH_SEP;
	size_t add = strlen(number) + strlen(title) + sizeof sep + 1;
	char *g = realloc(*path, *len + add);
	if (!g)
		return -1;
	*path = g;
	/* "1. title" reads better with a space; "一、" and "（一）" carry
	 * their own */
	int space = *number && number[strlen(number) - 1] == '.';
	*len += (size_t)snprintf(*path + *len, add, "%s%s%s%s", *len ? sep : "", number,
	                         space ? " " : "", title);
	return 0;
}

char *model_section_heading(model *m, int64_t section)
{
	sqlite3_stmt *st = model_prepare(
	    m, "SELECT coalesce(number, ''), coalesce(title, '') FROM sections WHERE id = ?");
	if (!st)
		return NULL;
	sqlite3_bind_int64(st, 1, section);
	char *heading = NULL;
	size_t len = 0;
	if (sqlite3_step(st) == SQLITE_ROW &&
	    model_path_append(&heading, &len, (const char *)sqlite3_column_text(st, 0),
	                      (const char *)sqlite3_column_text(st, 1)) < 0) {
		free(heading);
		heading = NULL;
	}
	sqlite3_finalize(st);
	return heading;
}

char *model_section_path(model *m, int64_t section)
{
	if (!m->st_path &&
	    !(m->st_path = model_prepare(
	          m,
	          "WITH RECURSIVE up(id, parent_id, number, title, depth) AS ("
	          " SELECT id, parent_id, number, title, 0 FROM sections WHERE id = ?"
	          " UNION ALL SELECT s.id, s.parent_id, s.number, s.title, up.depth + 1"
	          " FROM sections s JOIN up ON s.id = up.parent_id WHERE up.depth < 32)"
	          " SELECT coalesce(number, ''), coalesce(title, '') FROM up ORDER BY depth DESC")))
		return NULL;
	sqlite3_stmt *st = m->st_path;
	sqlite3_bind_int64(st, 1, section);
	size_t len = 0;
	char *path = calloc(1, 1);
	int rc = SQLITE_DONE;
	while (path && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (model_path_append(&path, &len, (const char *)sqlite3_column_text(st, 0),
		                      (const char *)sqlite3_column_text(st, 1)) < 0) {
			free(path);
			path = NULL;
		}
	}
	if (path && rc != SQLITE_DONE) {
		model_sqlite_error(m, "section path");
		free(path);
		path = NULL;
	}
	sqlite3_reset(st);
	return path;
}

int model_paragraphs(model *m, int64_t doc, int64_t section, model_para_cb cb, void *ctx)
{
	/* a section with its descendants: sections are stored in preorder, so
	 * they are the run of locals after it up to the next of its level or
	 * higher */
	sqlite3_stmt *st;
	if (section > 0)
		st = model_prepare(
		    m, "WITH me AS (SELECT local, level FROM sections WHERE id = ?2),"
		       " stop AS (SELECT coalesce(min(s.local), 1 << 30) AS l FROM sections s, me"
		       "   WHERE s.doc_id = ?1 AND s.local > me.local AND s.level <= me.level),"
		       " inside AS (SELECT s.id FROM sections s, me, stop WHERE s.doc_id = ?1"
		       "   AND s.local >= me.local AND s.local < stop.l)"
		       " SELECT p.id, p.doc_id, coalesce(p.section_id, 0), p.ord, p.kind, p.text, "
		       "p.joins"
		       " FROM paragraphs p WHERE p.doc_id = ?1 AND p.section_id IN inside ORDER BY "
		       "p.ord");
	else
		st = model_prepare(
		    m, "SELECT p.id, p.doc_id, coalesce(p.section_id, 0), p.ord, p.kind,"
		       " p.text, p.joins FROM paragraphs p WHERE p.doc_id = ?1 ORDER BY p.ord");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, doc);
	if (section > 0)
		sqlite3_bind_int64(st, 2, section);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct para_info p = {
		    .id = sqlite3_column_int64(st, 0),
		    .doc = sqlite3_column_int64(st, 1),
		    .section = sqlite3_column_int64(st, 2),
		    .ord = sqlite3_column_int(st, 3),
		    .kind = (const char *)sqlite3_column_text(st, 4),
		    .text = (const char *)sqlite3_column_text(st, 5),
		    .len = (size_t)sqlite3_column_bytes(st, 5),
		    .joins = sqlite3_column_int(st, 6),
		};
		if (!p.kind)
			p.kind = "text";
		if (cb(ctx, &p)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		model_sqlite_error(m, "read paragraphs");
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void read_gloss(sqlite3_stmt *st, void *item)
{
	struct glossary_entry *g = item;
	g->doc = sqlite3_column_int64(st, 0);
	g->source = model_column_dup(st, 1, 0);
	g->region = model_column_dup(st, 2, 0);
	g->number = sqlite3_column_int(st, 3);
	g->term = model_column_dup(st, 4, 0);
	g->definition = model_column_dup(st, 5, 0);
}

int model_glossary(model *m, const char *term, struct glossary_entry **out, size_t *n)
{
	sqlite3_stmt *st = model_prepare(
	    m,
	    "SELECT g.doc_id, d.source, d.region, g.number, g.term, g.definition"
	    " FROM glossary g JOIN documents d ON d.id = g.doc_id"
	    " WHERE ?1 IS NULL OR instr(g.term, ?1) > 0 ORDER BY d.region, d.id, g.number, g.id");
	if (!st)
		return -1;
	model_bind_text(st, 1, term);
	return collect(m, st, sizeof **out, (void **)out, n, read_gloss);
}

void model_glossary_free(struct glossary_entry *g, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(g[i].source);
		free(g[i].region);
		free(g[i].term);
		free(g[i].definition);
	}
	free(g);
}
