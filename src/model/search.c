/* search.c — literal and regex search over every paragraph, in the order
 * of the document list (region, date, id), then paragraph, then offset.
 *
 * Candidates come from the cheapest exact prefilter the pattern allows (see
 * pattern.h), then each candidate is matched in C on its folded text
 * (text_fold: one code point for one, so offsets map back to the stored
 * text; a literal folding cannot touch is matched on the stored text as is).
 * The prefilters only narrow; matching is always the same C loop, so every
 * path gives the same counts.
 *
 * Nothing is held beyond the paragraph being matched: with the index, only
 * the candidates' ids and their documents' short columns are sorted (by
 * SQLite, which spills to disk); without it, documents are walked in order and
 * each one's paragraphs read through the (doc_id, ord) index.  Counting needs
 * no order: it reads the index's candidates as they come and tallies them per
 * document (one entry per document), then orders the tally.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/pattern.h"
#include "text/text.h"

#define DOC_FILTER                                                                                 \
	" (?1 IS NULL OR coalesce(d.region, '') = ?1)"                                             \
	" AND (?2 = 0 OR d.review_year = ?2 OR d.plan_year = ?2"                                   \
	"      OR substr(d.date, 1, 4) = CAST(?2 AS TEXT))"                                        \
	" AND (?3 = 0 OR d.id = ?3)"
#define DOC_ORDER " " MODEL_DOC_ORDER
/* the document's columns come with the outer loop, once per document */
#define DOC_COLUMNS  "d.id, d.source, coalesce(d.region, ''), coalesce(d.title, '')"
#define PARA_COLUMNS "p.id, coalesce(p.section_id, 0), p.ord, p.text"

/* The sections of the document being matched, loaded when its first hit
 * needs a path, each path built once. */
struct doc_section {
	int64_t id, parent;
	char *number, *title, *path;
	size_t heading; /* where in path its own number and title begin */
};

struct scan {
	model *m;
	const struct search_query *q;
	struct matcher mt;
	search_hit_cb cb;
	void *ctx;
	int need_paths;
	/* a short literal every match contains, as stored (PRE_INSTR) */
	const char *must;
	size_t must_len;
	/* counting: matches per document, in the order met, no hits made */
	int counting;
	struct tally {
		int64_t doc;
		long count;
	} * tally;
	size_t ntally, cap_tally;
	long total;
	int64_t sections_doc;
	struct doc_section *sections;
	size_t nsections;
	sqlite3_stmt *st_sections;
};

static void drop_sections(struct scan *sc)
{
	for (size_t i = 0; i < sc->nsections; i++) {
		free(sc->sections[i].number);
		free(sc->sections[i].title);
		free(sc->sections[i].path);
	}
	free(sc->sections);
	sc->sections = NULL;
	sc->nsections = 0;
	sc->sections_doc = 0;
}

static int load_sections(struct scan *sc, int64_t doc)
{
	drop_sections(sc);
	if (!sc->st_sections &&
	    !(sc->st_sections =
	          model_prepare(sc->m, "SELECT id, coalesce(parent_id, 0), coalesce(number, ''),"
	                               " coalesce(title, '') FROM sections WHERE doc_id = ?"
	                               " ORDER BY id")))
		return -1;
	sqlite3_stmt *st = sc->st_sections;
	sqlite3_bind_int64(st, 1, doc);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sc->nsections == cap) {
			cap = cap ? cap * 2 : 64;
			struct doc_section *g = realloc(sc->sections, cap * sizeof *g);
			if (!g)
				break;
			sc->sections = g;
		}
		struct doc_section *d = &sc->sections[sc->nsections++];
		d->id = sqlite3_column_int64(st, 0);
		d->parent = sqlite3_column_int64(st, 1);
		d->number = strdup((const char *)sqlite3_column_text(st, 2));
		d->title = strdup((const char *)sqlite3_column_text(st, 3));
		d->path = NULL;
	}
	sqlite3_reset(st);
	sc->sections_doc = doc;
	if (rc != SQLITE_DONE) {
		model_sqlite_error(sc->m, "read sections");
		return -1;
	}
	return 0;
}

static struct doc_section *find_section(struct scan *sc, int64_t id)
{
	size_t lo = 0, hi = sc->nsections;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sc->sections[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sc->nsections && sc->sections[lo].id == id ? &sc->sections[lo] : NULL;
}

/* "一、… › （一）…" of a section of the document being matched; *heading:
 * its last part, the section's own number and title */
static const char *section_path(struct scan *sc, int64_t doc, int64_t section, const char **heading)
{
	*heading = "";
	if (!sc->need_paths || section <= 0)
		return "";
	if (sc->sections_doc != doc && load_sections(sc, doc) < 0)
		return "";
	struct doc_section *s = find_section(sc, section);
	if (!s)
		return "";
	if (!s->path) {
		struct doc_section *chain[32];
		int n = 0;
		for (struct doc_section *a = s; a && n < 32;
		     a = a->parent ? find_section(sc, a->parent) : NULL)
			chain[n++] = a;
		size_t len = 0;
		char *path = calloc(1, 1);
		while (path && n > 0) {
			struct doc_section *a = chain[--n];
			s->heading = len ? len + strlen(MODEL_PATH_SEP) : 0;
			if (model_path_append(&path, &len, a->number ? a->number : "",
			                      a->title ? a->title : "") < 0) {
				free(path);
				path = NULL;
			}
		}
		s->path = path;
	}
	if (!s->path)
		return "";
	*heading = s->path + s->heading;
	return s->path;
}

static void bind_filter(const struct search_query *q, sqlite3_stmt *st)
{
	model_bind_text(st, 1, q->region);
	sqlite3_bind_int(st, 2, q->year);
	sqlite3_bind_int64(st, 3, q->doc);
}

/* Code points of s[0..len), as utf8_decode counts them */
static size_t count_cps(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; n++) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
		} else {
			uint32_t cp;
			i += utf8_decode(s + i, len - i, &cp);
		}
	}
	return n;
}

static int tally_add(struct scan *sc, int64_t doc, long n)
{
	sc->total += n;
	if (sc->ntally && sc->tally[sc->ntally - 1].doc == doc) {
		sc->tally[sc->ntally - 1].count += n;
		return 0;
	}
	if (sc->ntally == sc->cap_tally) {
		size_t cap = sc->cap_tally ? sc->cap_tally * 2 : 64;
		struct tally *g = realloc(sc->tally, cap * sizeof *g);
		if (!g) {
			model_set_error(sc->m, "out of memory");
			return -1;
		}
		sc->tally = g;
		sc->cap_tally = cap;
	}
	sc->tally[sc->ntally++] = (struct tally){doc, n};
	return 0;
}

/* What a paragraph is matched on: 1 with *subject (the stored text, or its
 * folded copy in *folded to free), 0 when the short literal every match
 * holds is not in it, -1 out of memory.  A literal of characters folding
 * never touches matches the stored text where it matches the folded one:
 * no copy to make. */
static int subject_of(struct scan *sc, const char *text, size_t len, const char **subject,
                      size_t *slen, char **folded)
{
	*subject = text;
	*slen = len;
	*folded = NULL;
	if (sc->must && !memmem(text, len, sc->must, sc->must_len))
		return 0;
	if (matcher_needs_fold(&sc->mt)) {
		*folded = text_fold(text, len, matcher_fold_icase(&sc->mt), slen);
		if (!*folded) {
			model_set_error(sc->m, "out of memory");
			return -1;
		}
		*subject = *folded;
	}
	return 1;
}

/* Counts the matches of one paragraph into the document's tally. */
static int count_text(struct scan *sc, int64_t doc, const char *text, size_t len)
{
	if (matcher_expired(&sc->mt))
		return -2;
	const char *subject;
	size_t slen;
	char *folded;
	int rc = subject_of(sc, text, len, &subject, &slen, &folded);
	if (rc <= 0)
		return rc;
	long n = 0;
	size_t from = 0, s, e;
	int found;
	while ((found = matcher_next(sc->m, &sc->mt, subject, slen, from, &s, &e)) == 1) {
		n++;
		from = e;
	}
	free(folded);
	if (found < 0)
		return found;
	return n ? tally_add(sc, doc, n) : 0;
}

/* Moves a folded subject's byte offset to `to` and the stored text's offset
 * with it, code point for code point (folding maps one to one). */
static void step_both(const char *subject, size_t slen, size_t *spos, size_t to, const char *text,
                      size_t len, size_t *opos, size_t *cps)
{
	uint32_t cp;
	while (*spos < to) {
		*spos += utf8_decode(subject + *spos, slen - *spos, &cp);
		*opos += utf8_decode(text + *opos, len - *opos, &cp);
		(*cps)++;
	}
}

/* Matches one paragraph: doc columns (DOC_COLUMNS) from `doc`, the
 * paragraph's (PARA_COLUMNS) from `para`.  0 go on, 1 the callback asked to
 * stop, -1 error, -2 out of time or cancelled. */
static int match_row(struct scan *sc, sqlite3_stmt *doc, sqlite3_stmt *para)
{
	if (matcher_expired(&sc->mt))
		return -2; /* the budget ran out, or the user said stop */
	const char *text = (const char *)sqlite3_column_text(para, 3);
	size_t len = (size_t)sqlite3_column_bytes(para, 3);
	if (!text)
		return 0;
	if (sc->counting)
		return count_text(sc, sqlite3_column_int64(doc, 0), text, len);
	const char *subject;
	size_t slen;
	char *folded;
	int rc = subject_of(sc, text, len, &subject, &slen, &folded);
	if (rc <= 0)
		return rc;
	struct search_hit h = {
	    .doc = sqlite3_column_int64(doc, 0),
	    .source = (const char *)sqlite3_column_text(doc, 1),
	    .region = (const char *)sqlite3_column_text(doc, 2),
	    .title = (const char *)sqlite3_column_text(doc, 3),
	    .paragraph = sqlite3_column_int64(para, 0),
	    .section = sqlite3_column_int64(para, 1),
	    .para_ord = sqlite3_column_int(para, 2),
	    .text = text,
	    .len = len,
	};
	/* cursor over the subject's bytes, its code points and the stored
	 * text's bytes, moved forward only: one pass however many hits */
	size_t spos = 0, cps = 0, opos = 0, from = 0, s, e;
	int found;
	rc = 0;
	while ((found = matcher_next(sc->m, &sc->mt, subject, slen, from, &s, &e)) == 1) {
		if (!folded) {
			cps += count_cps(text + spos, s - spos);
			h.cp_start = cps;
			cps += count_cps(text + s, e - s);
			h.cp_end = cps;
			h.byte_start = s;
			h.byte_end = opos = spos = e;
		} else {
			step_both(subject, slen, &spos, s, text, len, &opos, &cps);
			h.cp_start = cps;
			h.byte_start = opos;
			step_both(subject, slen, &spos, e, text, len, &opos, &cps);
			h.cp_end = cps;
			h.byte_end = opos;
		}
		h.section_path = section_path(sc, h.doc, h.section, &h.section_heading);
		if (sc->cb(sc->ctx, &h)) {
			rc = 1;
			break;
		}
		from = e;
	}
	free(folded);
	return found < 0 ? found : rc;
}

/* Steps a statement of paragraph rows through match_row: 0 done, 1 stopped,
 * -1 error. */
static int match_rows(struct scan *sc, sqlite3_stmt *doc, sqlite3_stmt *paras)
{
	int step, rc = 0;
	while ((step = sqlite3_step(paras)) == SQLITE_ROW)
		if ((rc = match_row(sc, doc, paras)) != 0)
			return rc;
	if (step != SQLITE_DONE) {
		model_sqlite_error(sc->m, "search");
		return -1;
	}
	return 0;
}

/* Runs `outer` (DOC_COLUMNS first, then one more column bound to `inner`'s
 * ?1) and matches every row `inner` gives for each of its rows. */
static int nested(struct scan *sc, sqlite3_stmt *outer, sqlite3_stmt *inner)
{
	int rc = 0, step;
	while (!rc && (step = sqlite3_step(outer)) == SQLITE_ROW) {
		sqlite3_bind_int64(inner, 1, sqlite3_column_int64(outer, 4));
		rc = match_rows(sc, outer, inner);
		sqlite3_reset(inner);
	}
	if (!rc && step != SQLITE_DONE) {
		model_sqlite_error(sc->m, "search");
		rc = -1;
	}
	return rc;
}

/* With the index: the candidates in hit order (only their ids and their
 * documents' short columns go through SQLite's sorter), then each
 * paragraph by id. */
static int scan_indexed(struct scan *sc, const char *fts_query)
{
	sqlite3_stmt *ids = model_prepare(
	    sc->m,
	    "SELECT " DOC_COLUMNS ", p.id FROM paragraphs p JOIN documents d ON d.id = p.doc_id"
	    " WHERE p.id IN (SELECT rowid FROM " MODEL_FTS_TABLE " WHERE " MODEL_FTS_TABLE
	    " MATCH ?4) AND" DOC_FILTER " ORDER BY" DOC_ORDER ", p.ord");
	sqlite3_stmt *para =
	    model_prepare(sc->m, "SELECT " PARA_COLUMNS " FROM paragraphs p WHERE p.id = ?1");
	int rc = -1;
	if (ids && para) {
		bind_filter(sc->q, ids);
		sqlite3_bind_text(ids, 4, fts_query, -1, SQLITE_STATIC);
		rc = nested(sc, ids, para);
	}
	sqlite3_finalize(ids);
	sqlite3_finalize(para);
	return rc;
}

/* Counting with the index: hits need no order, so the candidates are read
 * in the index's order, each once, and tallied per document. */
static int count_indexed(struct scan *sc, const char *fts_query)
{
	sqlite3_stmt *st = model_prepare(
	    sc->m, "SELECT p.doc_id, p.text FROM paragraphs p JOIN documents d ON d.id = p.doc_id"
	           " WHERE p.id IN (SELECT rowid FROM " MODEL_FTS_TABLE " WHERE " MODEL_FTS_TABLE
	           " MATCH ?4) AND" DOC_FILTER);
	if (!st)
		return -1;
	bind_filter(sc->q, st);
	sqlite3_bind_text(st, 4, fts_query, -1, SQLITE_STATIC);
	int step, rc = 0;
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 1);
		if (text)
			rc = count_text(sc, sqlite3_column_int64(st, 0), text,
			                (size_t)sqlite3_column_bytes(st, 1));
	}
	if (!rc && step != SQLITE_DONE) {
		model_sqlite_error(sc->m, "search");
		rc = -1;
	}
	sqlite3_finalize(st);
	return rc;
}

/* A document's run of paragraph ids (migration 3) */
struct doc_run {
	int64_t first, last, doc;
	int wanted; /* passes the query's filter */
};

/* Every document's run of paragraph ids, ascending: 0 when the runs tile
 * the ids of every paragraph one document each, 1 when they do not (the
 * count is then made from the text), -1 on error. */
static int load_runs(struct scan *sc, struct doc_run **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st =
	    model_prepare(sc->m, "SELECT d.id, d.para_first, d.para_last, d.n_paragraphs,"
	                         " (" DOC_FILTER ") FROM documents d ORDER BY d.para_first");
	if (!st)
		return -1;
	bind_filter(sc->q, st);
	struct doc_run *r = NULL;
	size_t cap = 0, k = 0;
	int step, usable = 1;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t np = sqlite3_column_int64(st, 3);
		if (!np)
			continue;
		if (sqlite3_column_type(st, 1) == SQLITE_NULL ||
		    sqlite3_column_int64(st, 2) - sqlite3_column_int64(st, 1) + 1 != np) {
			usable = 0;
			break;
		}
		if (k == cap) {
			cap = cap ? cap * 2 : 256;
			struct doc_run *g = realloc(r, cap * sizeof *g);
			if (!g) {
				step = SQLITE_NOMEM;
				break;
			}
			r = g;
		}
		r[k++] = (struct doc_run){.doc = sqlite3_column_int64(st, 0),
		                          .first = sqlite3_column_int64(st, 1),
		                          .last = sqlite3_column_int64(st, 2),
		                          .wanted = sqlite3_column_int(st, 4)};
	}
	sqlite3_finalize(st);
	if (usable && step != SQLITE_DONE) {
		free(r);
		model_set_error(sc->m, "read documents: %s", sqlite3_errstr(step));
		return -1;
	}
	/* in para_first order (NULLs, documents without paragraphs, first) */
	for (size_t i = 1; usable && i < k; i++)
		if (r[i].first <= r[i - 1].last)
			usable = 0;
	if (!usable) {
		free(r);
		return 1;
	}
	*out = r;
	*n = k;
	return 0;
}

/* The run of paragraph id (rows come in id order, so the last run found is
 * tried first); NULL when no document of the filter holds it. */
static const struct doc_run *run_of(const struct doc_run *runs, size_t n, size_t *at, int64_t id)
{
	if (*at >= n || id < runs[*at].first || id > runs[*at].last) {
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (runs[mid].last < id)
				lo = mid + 1;
			else
				hi = mid;
		}
		*at = lo;
	}
	return *at < n && id >= runs[*at].first && runs[*at].wanted ? &runs[*at] : NULL;
}

/* What baogao_tally hands each matching row to. */
struct runs_tally {
	struct scan *sc;
	const struct doc_run *runs;
	size_t nruns, at;
	int rc;
};

static int tally_fts_row(void *ctx, int64_t rowid, int matches)
{
	struct runs_tally *t = ctx;
	const struct doc_run *r = run_of(t->runs, t->nruns, &t->at, rowid);
	if (r && matches > 0)
		t->rc = tally_add(t->sc, r->doc, matches);
	return t->rc != 0;
}

/* Counting by paragraph ids, each row's document found in the runs:
 *   with fts_query  the index's phrase matches with each row's count
 *                   (xInstCount through baogao_tally), where those are
 *                   exactly the C loop's (matcher.index_counts): no text
 *                   is read;
 *   without         every paragraph's text in storage order (no index
 *                   walk, no sort) through count_text.
 * 1 when the runs do not allow it (nothing tallied), 0 done, -1 error. */
static int count_by_runs(struct scan *sc, const char *fts_query)
{
	struct doc_run *runs;
	size_t nruns;
	int rc = load_runs(sc, &runs, &nruns);
	if (rc)
		return rc;
	sqlite3_stmt *st =
	    model_prepare(sc->m, fts_query ? "SELECT " MODEL_FTS_TALLY "(" MODEL_FTS_TABLE
	                                     ", ?2) FROM " MODEL_FTS_TABLE " WHERE " MODEL_FTS_TABLE
	                                     " MATCH ?1 LIMIT 1"
	                                   : "SELECT id, text FROM paragraphs");
	if (!st) {
		free(runs);
		return -1;
	}
	int step;
	if (fts_query) {
		struct runs_tally t = {.sc = sc, .runs = runs, .nruns = nruns};
		struct model_fts_tally ft = {.row = tally_fts_row, .ctx = &t};
		sqlite3_bind_text(st, 1, fts_query, -1, SQLITE_STATIC);
		sqlite3_bind_pointer(st, 2, &ft, MODEL_FTS_TALLY_PTR, NULL);
		step = sqlite3_step(st);
		rc = t.rc;
		if (step == SQLITE_ROW)
			step = SQLITE_DONE;
	} else {
		size_t at = 0;
		while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
			const struct doc_run *r =
			    run_of(runs, nruns, &at, sqlite3_column_int64(st, 0));
			const char *text = (const char *)sqlite3_column_text(st, 1);
			if (r && text)
				rc = count_text(sc, r->doc, text,
				                (size_t)sqlite3_column_bytes(st, 1));
		}
	}
	if (!rc && step != SQLITE_DONE) {
		model_sqlite_error(sc->m, "search");
		rc = -1;
	}
	sqlite3_finalize(st);
	free(runs);
	return rc;
}

/* Without it: the documents in order, each one's paragraphs in order (a
 * short literal is looked for with memmem before anything else: faster than
 * SQLite's instr()). */
static int scan_documents(struct scan *sc)
{
	sqlite3_stmt *docs =
	    model_prepare(sc->m, "SELECT " DOC_COLUMNS ", d.id FROM documents d WHERE" DOC_FILTER
	                         " ORDER BY" DOC_ORDER);
	sqlite3_stmt *paras = model_prepare(sc->m, "SELECT " PARA_COLUMNS " FROM paragraphs p"
	                                           " WHERE p.doc_id = ?1 ORDER BY p.ord");
	int rc = -1;
	if (docs && paras) {
		bind_filter(sc->q, docs);
		rc = nested(sc, docs, paras);
	}
	sqlite3_finalize(docs);
	sqlite3_finalize(paras);
	return rc;
}

/* Runs a search: hits through cb (with section paths when need_paths), or,
 * with cb NULL, the tally of sc. */
static int search(struct scan *sc)
{
	model *m = sc->m;
	if (matcher_init(m, &sc->mt, sc->q) < 0)
		return -1;
	/* a read transaction: one snapshot even while an ingest commits
	 * documents in between (unless the caller already holds one) */
	int own = sqlite3_get_autocommit(m->db) &&
	          sqlite3_exec(m->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	const char *arg;
	enum prefilter pre = matcher_prefilter(&sc->mt, &arg);
	int rc;
	/* one document is read whole faster than the index is asked */
	if (sc->mt.nothing) {
		rc = 0;
	} else if (pre == PRE_FTS && m->fts_ok && !sc->q->doc) {
		rc = 1;
		if (sc->counting && sc->mt.index_counts)
			rc = count_by_runs(sc, arg);
		if (rc == 1)
			rc = sc->counting ? count_indexed(sc, arg) : scan_indexed(sc, arg);
	} else {
		if (pre == PRE_INSTR) {
			sc->must = arg;
			sc->must_len = strlen(arg);
		}
		rc = 1;
		/* one document is read through its index; all of them in storage
		 * order, which a count does not mind */
		if (sc->counting && !sc->q->doc)
			rc = count_by_runs(sc, NULL);
		if (rc == 1)
			rc = scan_documents(sc);
	}
	if (own)
		sqlite3_exec(m->db, "COMMIT", NULL, NULL, NULL);
	drop_sections(sc);
	sqlite3_finalize(sc->st_sections);
	sc->st_sections = NULL;
	matcher_free(&sc->mt);
	if (rc == -2) {
		model_set_error(m, "the search was stopped (its time budget ran out, or it was "
		                   "cancelled)");
		return MODEL_SEARCH_STOPPED;
	}
	return rc < 0 ? -1 : 0;
}

int model_search(model *m, const struct search_query *q, search_hit_cb cb, void *ctx)
{
	struct scan sc = {.m = m, .q = q, .cb = cb, .ctx = ctx, .need_paths = 1};
	return search(&sc);
}

static int by_doc(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;
	return x->doc < y->doc ? -1 : x->doc > y->doc;
}

/* The tally (sorted by doc) in the order of the document list. */
static int ordered_counts(struct scan *sc, struct search_count **out, size_t *n)
{
	sqlite3_stmt *st = model_prepare(
	    sc->m, "SELECT d.id, d.source, d.region, coalesce(nullif(d.title, ''), d.source)"
	           " FROM documents d WHERE" DOC_FILTER " ORDER BY" DOC_ORDER);
	if (!st)
		return -1;
	bind_filter(sc->q, st);
	struct search_count *c = calloc(sc->ntally ? sc->ntally : 1, sizeof *c);
	size_t k = 0;
	int step = SQLITE_DONE;
	while (c && k < sc->ntally && (step = sqlite3_step(st)) == SQLITE_ROW) {
		struct tally key = {.doc = sqlite3_column_int64(st, 0)};
		struct tally *t = bsearch(&key, sc->tally, sc->ntally, sizeof key, by_doc);
		if (!t)
			continue;
		c[k] = (struct search_count){.doc = t->doc,
		                             .count = t->count,
		                             .source = model_column_dup(st, 1, 0),
		                             .region = model_column_dup(st, 2, 1),
		                             .title = model_column_dup(st, 3, 0)};
		if (!c[k].source || !c[k].title)
			step = SQLITE_NOMEM;
		k++;
	}
	sqlite3_finalize(st);
	if (!c || (step != SQLITE_DONE && step != SQLITE_ROW)) {
		model_set_error(sc->m, "read documents: %s",
		                c ? sqlite3_errstr(step) : "out of memory");
		model_search_count_free(c, k);
		return -1;
	}
	*out = c;
	*n = k;
	return 0;
}

int model_search_count(model *m, const struct search_query *q, struct search_count **out, size_t *n,
                       long *total)
{
	struct scan sc = {.m = m, .q = q, .counting = 1};
	*out = NULL;
	*n = 0;
	*total = 0;
	int rc = search(&sc);
	if (rc == 0 || rc == MODEL_SEARCH_STOPPED) {
		int stopped = rc;
		/* a document met in more than one run of the index's order */
		if (sc.ntally)
			qsort(sc.tally, sc.ntally, sizeof *sc.tally, by_doc);
		size_t w = 0;
		for (size_t i = 0; i < sc.ntally; i++) {
			if (w && sc.tally[w - 1].doc == sc.tally[i].doc)
				sc.tally[w - 1].count += sc.tally[i].count;
			else
				sc.tally[w++] = sc.tally[i];
		}
		sc.ntally = w;
		rc = ordered_counts(&sc, out, n);
		if (rc == 0)
			rc = stopped; /* the counts so far */
	}
	if (rc >= 0)
		*total = sc.total;
	free(sc.tally);
	return rc;
}

void model_search_count_free(struct search_count *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].source);
		free(c[i].region);
		free(c[i].title);
	}
	free(c);
}
