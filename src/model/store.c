/* store.c — the model's side of sink.h: one transaction per document. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "text/fingerprint.h"
#include "text/text.h"

static int grow(int64_t **a, size_t *cap, size_t need)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap * 2 : 256;
	while (n < need)
		n *= 2;
	int64_t *g = realloc(*a, n * sizeof **a);
	if (!g)
		return -1;
	*a = g;
	*cap = n;
	return 0;
}

static void forget_paths(model *m);

static int exec(model *m, const char *sql)
{
	if (sqlite3_exec(m->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		model_sqlite_error(m, sql);
		return -1;
	}
	return 0;
}

static int64_t lookup_id(model *m, const char *sql, const char *key)
{
	sqlite3_stmt *st = model_prepare(m, sql);
	if (!st)
		return -1;
	model_bind_text(st, 1, key);
	int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

int model_delete_doc(model *m, int64_t doc)
{
	/* A contentless FTS table forgets a row only when told the tokens it
	 * indexed, so each paragraph's folded text is computed again (open()
	 * made sure the index was built with this very folding). */
	sqlite3_stmt *st =
	    model_prepare(m, "INSERT INTO " MODEL_FTS_TABLE "(" MODEL_FTS_TABLE ", rowid, fold)"
	                     " SELECT 'delete', id, " MODEL_FOLD_FUNCTION "(text)"
	                     " FROM paragraphs WHERE doc_id = ?");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, doc);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	if (rc) {
		model_sqlite_error(m, "delete from the full-text index");
		return -1;
	}
	/* sections, paragraphs, glossary and indicators go by ON DELETE CASCADE */
	sqlite3_stmt *d = model_prepare(m, "DELETE FROM documents WHERE id = ?");
	if (!d)
		return -1;
	sqlite3_bind_int64(d, 1, doc);
	rc = sqlite3_step(d) == SQLITE_DONE ? 0 : -1;
	if (rc)
		model_sqlite_error(m, "delete document");
	sqlite3_finalize(d);
	return rc;
}

/* Another document that is this report in another form: of the same
 * region and date, its text sharing nearly all its runs
 * (text/fingerprint.h).  1 (the error names it), 0 none, -1 error.  Only
 * texts of about the same length are compared. */
static int same_report(model *m, const struct sink_doc *doc)
{
	if (!doc->fingerprint || !*doc->fingerprint)
		return 0;
	sqlite3_stmt *st = model_prepare(m, "SELECT source, fingerprint FROM documents"
	                                    " WHERE han BETWEEN ?1 AND ?2 AND fingerprint NOT NULL"
	                                    " AND region IS ?3 AND date IS ?4");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)(doc->han * 17 / 20));
	sqlite3_bind_int64(st, 2, (sqlite3_int64)(doc->han * 20 / 17 + 1));
	model_bind_text(st, 3, doc->region);
	model_bind_text(st, 4, doc->date);
	int rc = 0;
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *fp = (const char *)sqlite3_column_text(st, 1);
		if (text_fp_similarity(doc->fingerprint, fp) >= TEXT_FP_SAME) {
			model_set_error(m, "the same report as %s, in another form",
			                (const char *)sqlite3_column_text(st, 0));
			rc = 1;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* The name a document is shown by: its file name, or when another file of
 * that name is stored, as many of the folders above it as make it unique
 * ("潞州区/2023/政府工作报告.txt").  malloc'd; NULL on error. */
static char *unique_source(model *m, const struct sink_doc *doc)
{
	const char *path = doc->path ? doc->path : doc->source;
	const char *end = path + strlen(path);
	/* "a/b/c.txt": "c.txt", then "b/c.txt", then "a/b/c.txt" */
	for (const char *start = end;;) {
		const char *name = start == end ? doc->source : start;
		int64_t taken = lookup_id(m, "SELECT id FROM documents WHERE source = ?", name);
		if (taken < 0)
			return NULL;
		if (taken == 0)
			return strdup(name);
		const char *p = start == end ? end - strlen(doc->source) : start;
		if (p <= path || p > end)
			break;
		p--; /* the '/' before */
		while (p > path && p[-1] == '/')
			p--;
		while (p > path && p[-1] != '/')
			p--;
		if (*p == '/' && p == path)
			break;
		start = p;
	}
	/* every spelling taken: number it */
	for (int k = 2; k < 1000000; k++) {
		char *s;
		if (asprintf(&s, "%s (%d)", doc->source, k) < 0)
			return NULL;
		int64_t t = lookup_id(m, "SELECT id FROM documents WHERE source = ?", s);
		if (t == 0)
			return s;
		free(s);
		if (t < 0)
			return NULL;
	}
	return NULL;
}

static int doc_begin(void *ctx, const struct sink_doc *doc)
{
	model *m = ctx;
	m->nsections = m->nparas = 0;
	forget_paths(m);
	m->doc = 0;
	if (!doc->source || !doc->hash) {
		model_set_error(m, "a document needs a source and a hash");
		return -1;
	}
	if (m->readonly) {
		model_set_error(m, "%s is read-only to you: only its owner can store reports in it",
		                m->path);
		return -1;
	}
	if (!m->fts_ok) {
		model_set_error(
		    m,
		    "the full-text index of %s was built by another version of baogao and "
		    "cannot be rebuilt (read-only database?)",
		    m->path);
		return -1;
	}
	if (exec(m, "BEGIN IMMEDIATE") < 0)
		return -1;
	int64_t same = lookup_id(m, "SELECT id FROM documents WHERE hash = ?", doc->hash);
	if (same != 0) {
		/* a file corrected into another stored report's very text: the
		 * content is stored once, and this path's old version goes */
		int64_t mine = same > 0 && doc->path ? lookup_id(m,
		                                                 "SELECT id FROM documents"
		                                                 " WHERE path = ?",
		                                                 doc->path)
		                                     : 0;
		if (mine == same)
			mine = 0; /* the very same document, unchanged */
		if (mine > 0) {
			char *other = NULL;
			sqlite3_stmt *st =
			    model_prepare(m, "SELECT source FROM documents WHERE id = ?");
			if (st) {
				sqlite3_bind_int64(st, 1, same);
				if (sqlite3_step(st) == SQLITE_ROW)
					other = model_column_dup(st, 0, 0);
				sqlite3_finalize(st);
			}
			if (model_delete_doc(m, mine) < 0 || exec(m, "COMMIT") < 0) {
				free(other);
				goto fail;
			}
			model_set_error(m, "now the same text as %s: its old version is removed",
			                other ? other : "another document");
			free(other);
			return 2;
		}
		exec(m, "ROLLBACK");
		return same > 0 ? 1 : -1;
	}
	/* a file ingested again with new content replaces its old version */
	int64_t old = doc->path
	                  ? lookup_id(m, "SELECT id FROM documents WHERE path = ?", doc->path)
	                  : lookup_id(m, "SELECT id FROM documents WHERE source = ?", doc->source);
	if (old < 0)
		goto fail;
	int other = old ? 0 : same_report(m, doc);
	if (other != 0) {
		exec(m, "ROLLBACK");
		return other > 0 ? 2 : -1;
	}
	if (old > 0 && model_delete_doc(m, old) < 0)
		goto fail;
	char *source = unique_source(m, doc);
	if (!source)
		goto fail;
	sqlite3_stmt *st = model_prepare(
	    m,
	    "INSERT INTO documents(source, path, hash, encoding, region, kind, date, title,"
	    " review_year, plan_year, bytes, fingerprint, han) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
	if (!st) {
		free(source);
		goto fail;
	}
	model_bind_text(st, 1, source);
	model_bind_text(st, 2, doc->path);
	model_bind_text(st, 3, doc->hash);
	model_bind_text(st, 4, doc->encoding);
	model_bind_text(st, 5, doc->region);
	model_bind_text(st, 6, doc->kind);
	model_bind_text(st, 7, doc->date);
	model_bind_text(st, 8, doc->title);
	if (doc->review_year)
		sqlite3_bind_int(st, 9, doc->review_year);
	if (doc->plan_year)
		sqlite3_bind_int(st, 10, doc->plan_year);
	sqlite3_bind_int64(st, 11, (sqlite3_int64)doc->bytes);
	if (doc->fingerprint && *doc->fingerprint)
		model_bind_text(st, 12, doc->fingerprint);
	sqlite3_bind_int64(st, 13, (sqlite3_int64)doc->han);
	int ok = sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	free(source);
	if (!ok) {
		model_sqlite_error(m, "store document");
		goto fail;
	}
	m->doc = sqlite3_last_insert_rowid(m->db);
	return old > 0 ? 3 : 0;
fail:
	exec(m, "ROLLBACK");
	return -1;
}

static const char *sink_error(void *ctx)
{
	return model_error(ctx);
}

/* The id a document's local number maps to, growing the map. */
static int remember(model *m, int64_t **map, size_t *n, size_t *cap, int local, int64_t id,
                    const char *what)
{
	if (local < 1) {
		model_set_error(m, "%s number %d: numbers start at 1", what, local);
		return -1;
	}
	if (grow(map, cap, (size_t)local) < 0) {
		model_set_error(m, "out of memory");
		return -1;
	}
	for (size_t i = *n; i < (size_t)local; i++)
		(*map)[i] = 0;
	(*map)[local - 1] = id;
	if ((size_t)local > *n)
		*n = (size_t)local;
	return 0;
}

static int in_document(model *m)
{
	if (m->doc)
		return 1;
	model_set_error(m, "no document begun");
	return 0;
}

static int64_t local_section(model *m, int local)
{
	return local > 0 && (size_t)local <= m->nsections ? m->sections[local - 1] : 0;
}

static int64_t local_para(model *m, int ord)
{
	return ord > 0 && (size_t)ord <= m->nparas ? m->paras[ord - 1] : 0;
}

static int step_done(model *m, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc)
		model_sqlite_error(m, what);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

static void bind_opt_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

static void forget_paths(model *m)
{
	for (size_t i = 0; i < m->npaths; i++)
		free(m->section_paths[i]);
	m->npaths = 0;
}

/* A section's path is its parent's and its own heading: kept for the
 * statements of the document (statement_words). */
static int remember_path(model *m, const struct sink_section *s)
{
	if (s->id < 1)
		return 0;
	size_t at = (size_t)s->id - 1;
	if (at >= m->cap_paths) {
		size_t cap = m->cap_paths ? m->cap_paths * 2 : 64;
		while (cap <= at)
			cap *= 2;
		char **g = realloc(m->section_paths, cap * sizeof *g);
		if (!g)
			return -1;
		m->section_paths = g;
		m->cap_paths = cap;
	}
	while (m->npaths <= at)
		m->section_paths[m->npaths++] = NULL;
	const char *up = s->parent >= 1 && (size_t)s->parent <= m->npaths
	                     ? m->section_paths[s->parent - 1]
	                     : NULL;
	char *path = strdup(up ? up : "");
	size_t len = path ? strlen(path) : 0;
	if (!path || model_path_append(&path, &len, s->number ? s->number : "",
	                               s->title ? s->title : "") < 0) {
		free(path);
		return -1;
	}
	free(m->section_paths[at]);
	m->section_paths[at] = path;
	return 0;
}

static const char *local_path(const model *m, int local)
{
	return local >= 1 && (size_t)local <= m->npaths ? m->section_paths[local - 1] : NULL;
}

static int on_section(void *ctx, const struct sink_section *s)
{
	model *m = ctx;
	if (!in_document(m))
		return -1;
	if (!m->st_section && !(m->st_section = model_prepare(
	                            m, "INSERT INTO sections(doc_id, parent_id, local, level, kind,"
	                               " number, title, line) VALUES(?,?,?,?,?,?,?,?)")))
		return -1;
	sqlite3_stmt *st = m->st_section;
	sqlite3_bind_int64(st, 1, m->doc);
	bind_opt_id(st, 2, local_section(m, s->parent));
	sqlite3_bind_int(st, 3, s->id);
	sqlite3_bind_int(st, 4, s->level);
	model_bind_text(st, 5, s->kind);
	model_bind_text(st, 6, s->number);
	model_bind_text(st, 7, s->title);
	sqlite3_bind_int(st, 8, s->line);
	if (step_done(m, st, "store section") < 0)
		return -1;
	if (remember_path(m, s) < 0) {
		model_set_error(m, "out of memory");
		return -1;
	}
	return remember(m, &m->sections, &m->nsections, &m->cap_sections, s->id,
	                sqlite3_last_insert_rowid(m->db), "section");
}

static int on_paragraph(void *ctx, const struct sink_paragraph *p)
{
	model *m = ctx;
	if (!in_document(m))
		return -1;
	if (!m->st_para && !(m->st_para = model_prepare(
	                         m, "INSERT INTO paragraphs(doc_id, section_id, ord, kind, text,"
	                            " joins, line) VALUES(?,?,?,?,?,?,?)")))
		return -1;
	if (!m->st_fts && !(m->st_fts = model_prepare(m, "INSERT INTO " MODEL_FTS_TABLE
	                                                 "(rowid, fold) VALUES(?, ?)")))
		return -1;
	sqlite3_stmt *st = m->st_para;
	sqlite3_bind_int64(st, 1, m->doc);
	bind_opt_id(st, 2, local_section(m, p->section));
	sqlite3_bind_int(st, 3, p->ord);
	model_bind_text(st, 4, p->kind);
	if (!p->text || p->len > 0x7fffffff) {
		model_set_error(m, "paragraph %d: no text or too long", p->ord);
		return -1;
	}
	sqlite3_bind_text(st, 5, p->text, (int)p->len, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, p->joins);
	sqlite3_bind_int(st, 7, p->line);
	if (step_done(m, st, "store paragraph") < 0)
		return -1;
	int64_t id = sqlite3_last_insert_rowid(m->db);
	size_t n;
	char *fold = model_index_text(p->text, p->len, &n);
	if (!fold) {
		model_set_error(m, "out of memory");
		return -1;
	}
	sqlite3_bind_int64(m->st_fts, 1, id);
	sqlite3_bind_text(m->st_fts, 2, fold, (int)n, free);
	if (step_done(m, m->st_fts, "index paragraph") < 0)
		return -1;
	return remember(m, &m->paras, &m->nparas, &m->cap_paras, p->ord, id, "paragraph");
}

static int on_glossary(void *ctx, const struct sink_glossary *g)
{
	model *m = ctx;
	if (!in_document(m))
		return -1;
	if (!m->st_gloss && !(m->st_gloss = model_prepare(
	                          m, "INSERT INTO glossary(doc_id, section_id, number, term,"
	                             " definition) VALUES(?,?,?,?,?)")))
		return -1;
	sqlite3_stmt *st = m->st_gloss;
	sqlite3_bind_int64(st, 1, m->doc);
	bind_opt_id(st, 2, local_section(m, g->section));
	sqlite3_bind_int(st, 3, g->number);
	model_bind_text(st, 4, g->term);
	model_bind_text(st, 5, g->definition);
	return step_done(m, st, "store glossary entry");
}

/* "1,234.5" → 1234.5; 0 when value holds no number */
static int parse_number(const char *value, double *num)
{
	char buf[64];
	size_t n = 0;
	if (!value)
		return 0;
	for (const char *s = value; *s && n + 1 < sizeof buf; s++)
		if (*s != ',')
			buf[n++] = *s;
	buf[n] = '\0';
	char *end;
	*num = strtod(buf, &end);
	return end != buf;
}

static int on_indicator(void *ctx, const struct sink_indicator *ind)
{
	model *m = ctx;
	if (!in_document(m))
		return -1;
	if (!m->st_ind &&
	    !(m->st_ind = model_prepare(
	          m,
	          "INSERT INTO indicators(doc_id, paragraph_id, section_id, indicator, name, year,"
	          " kind, value, value_num, unit, growth, qualifier, period, start, end,"
	          " growth_high, horizon, flags)"
	          " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")))
		return -1;
	sqlite3_stmt *st = m->st_ind;
	sqlite3_bind_int64(st, 1, m->doc);
	bind_opt_id(st, 2, local_para(m, ind->paragraph));
	bind_opt_id(st, 3, local_section(m, ind->section));
	model_bind_text(st, 4, ind->indicator);
	model_bind_text(st, 5, ind->name);
	if (ind->year)
		sqlite3_bind_int(st, 6, ind->year);
	model_bind_text(st, 7, ind->kind);
	model_bind_text(st, 8, ind->value);
	double num;
	if (parse_number(ind->value, &num))
		sqlite3_bind_double(st, 9, num);
	model_bind_text(st, 10, ind->unit);
	if (ind->has_growth)
		sqlite3_bind_double(st, 11, ind->growth);
	model_bind_text(st, 12, ind->qualifier);
	model_bind_text(st, 13, ind->period);
	sqlite3_bind_int(st, 14, ind->start);
	sqlite3_bind_int(st, 15, ind->end);
	if (ind->has_growth_high)
		sqlite3_bind_double(st, 16, ind->growth_high);
	if (ind->horizon)
		sqlite3_bind_int(st, 17, ind->horizon);
	model_bind_text(st, 18, ind->flags);
	if (step_done(m, st, "store indicator") < 0)
		return -1;
	/* its words, so that compare reads one narrow row instead of a
	 * paragraph and the sections above it */
	const char *path = local_path(m, ind->section);
	if (!ind->sentence && !path)
		return 0;
	if (!m->st_words &&
	    !(m->st_words = model_prepare(
	          m, "INSERT INTO statement_words(id, sentence, section) VALUES(?,?,?)")))
		return -1;
	sqlite3_bind_int64(m->st_words, 1, sqlite3_last_insert_rowid(m->db));
	model_bind_text(m->st_words, 2, ind->sentence);
	model_bind_text(m->st_words, 3, path ? path : "");
	return step_done(m, m->st_words, "store indicator words");
}

static int doc_end(void *ctx, int commit)
{
	model *m = ctx;
	int64_t doc = m->doc;
	m->doc = 0;
	if (!commit)
		return sqlite3_get_autocommit(m->db) ? 0 : exec(m, "ROLLBACK");
	if (!doc) {
		model_set_error(m, "no document begun");
		return -1;
	}
	/* the counts every listing shows, kept so listing needs no counting */
	sqlite3_stmt *st = model_prepare(
	    m, "UPDATE documents SET"
	       " n_sections = (SELECT count(*) FROM sections WHERE doc_id = ?1),"
	       " n_paragraphs = (SELECT count(*) FROM paragraphs WHERE doc_id = ?1),"
	       " n_glossary = (SELECT count(*) FROM glossary WHERE doc_id = ?1),"
	       " n_indicators = (SELECT count(*) FROM indicators WHERE doc_id = ?1),"
	       " para_first = (SELECT min(id) FROM paragraphs WHERE doc_id = ?1),"
	       " para_last = (SELECT max(id) FROM paragraphs WHERE doc_id = ?1) WHERE id = ?1");
	int ok = st != NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, doc);
		ok = sqlite3_step(st) == SQLITE_DONE;
		if (!ok)
			model_sqlite_error(m, "count the document's parts");
		sqlite3_finalize(st);
	}
	if (!ok || exec(m, "COMMIT") < 0) {
		sqlite3_exec(m->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

struct doc_sink model_sink(model *m)
{
	return (struct doc_sink){.ctx = m,
	                         .doc_begin = doc_begin,
	                         .section = on_section,
	                         .paragraph = on_paragraph,
	                         .glossary = on_glossary,
	                         .indicator = on_indicator,
	                         .doc_end = doc_end,
	                         .error = sink_error};
}
