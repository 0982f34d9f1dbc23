/* model.h — the SQLite database and every query the program asks.
 *
 * The model returns data and never draws.  Lists are returned as malloc'd
 * arrays freed with the matching *_free; anything that can be large
 * (paragraphs, search hits) is streamed through a callback so nothing loads the
 * whole corpus.  Functions return 0 on success, -1 on error with a message
 * available from model_error().
 */
#ifndef BAOGAO_MODEL_H
#define BAOGAO_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "sink.h"

typedef struct model model;

#define MODEL_SCHEMA_VERSION 8

/* Path of the database: explicit (--db) if not NULL, else $BAOGAO_DB, else
 * $XDG_DATA_HOME/baogao/baogao.db, else ~/.local/share/baogao/baogao.db.
 * Returns malloc'd. */
char *model_default_path(const char *explicit_path);
/* Opens (creating directories, file and schema, running migrations), WAL,
 * busy timeout, foreign keys on.  On failure returns NULL and, if err is not
 * NULL, a malloc'd message. */
/* "baog": set in every baogao database (PRAGMA application_id), so that
 * another program's SQLite file is recognised before anything is written. */
#define MODEL_APPLICATION_ID 0x62616f67u

/* Opens the database at path, creating it when the file does not exist (its
 * directory must).  An existing file is recognised from its header first:
 * another program's SQLite file, a newer schema or a negative one is
 * refused without a write.  A file this process may not write (another
 * user's on a shared server) is opened read-only, with no file created
 * beside it; model_readonly says so. */
model *model_open(const char *path, char **err);
int model_readonly(model *m);
/* A writer (ingest) waits for another writer's turn to end however long it
 * takes, instead of failing after the busy timeout; waiting(ctx) is called
 * once when the wait passes a second. */
void model_wait_for_writer(model *m, void (*waiting)(void *ctx), void *ctx);
/* The database's own notes (table meta): 1 found (value in buf), 0 not, -1
 * error; set NULL deletes. */
int model_meta_get(model *m, const char *key, char *buf, size_t size);
int model_meta_set(model *m, const char *key, const char *value);
/* mkdir -p of the directory part of path (the default database's only). */
int model_make_parent_dirs(const char *path);
void model_close(model *m);
const char *model_error(model *m);
/* Number of documents stored. */
long model_doc_count(model *m);
/* 1 when no document is stored, 0 when some is, -1 on error (without
 * counting them all). */
int model_empty(model *m);

/* The write side, for ingest (see sink.h). */
struct doc_sink model_sink(model *m);

/* ---- documents ---- */
struct doc_info {
	int64_t id;
	char *source, *path, *hash, *encoding, *region, *kind, *date, *title;
	int review_year, plan_year;
	long bytes, sections, paragraphs, glossary, indicators;
};
void doc_info_clear(struct doc_info *d);
/* All documents (region NULL), those of one region, or ("") those of no known
 * region; ordered by region, date. */
int model_docs(model *m, const char *region, struct doc_info **out, size_t *n);
void model_docs_free(struct doc_info *docs, size_t n);
/* DOC given as numeric id or source file name. 0 found, 1 not found, -1 error. */
int model_doc_find(model *m, const char *id_or_source, struct doc_info *out);
/* The document of that id: 0 found, 1 none, -1 error. */
int model_doc_get(model *m, int64_t id, struct doc_info *out);

struct region_info {
	char *region;
	long documents;
};
int model_regions(model *m, struct region_info **out, size_t *n);
void model_regions_free(struct region_info *r, size_t n);

/* ---- sections and paragraphs ---- */
struct section_info {
	int64_t id;     /* database id */
	int64_t parent; /* database id, 0 top level */
	int local;      /* id local to the document (1..), preorder */
	int level;
	char *kind, *number, *title;
	long paragraphs; /* paragraphs directly in it */
};
/* Sections of a document in preorder. */
int model_sections(model *m, int64_t doc, struct section_info **out, size_t *n);
void model_sections_free(struct section_info *s, size_t n);
/* "一、2025年工作回顾 › （一）聚焦…" for a section id (malloc'd). */
char *model_section_path(model *m, int64_t section);
/* The parts of a section path are joined by this; a part is the section's
 * number and title. */
#define MODEL_PATH_SEP " › "
/* The section's own part of its path ("（二）坚持创新驱动"), malloc'd; what the
 * browser shows where the whole path does not fit.  NULL when none. */
char *model_section_heading(model *m, int64_t section);

struct para_info {
	int64_t id, doc, section; /* section: database id, 0 none */
	int ord;
	const char *kind;
	const char *text;
	size_t len;
	int joins;
};
/* Paragraphs of a document in order; section > 0 restricts to that section and
 * its descendants.  Callback returns non-zero to stop. */
typedef int (*model_para_cb)(void *ctx, const struct para_info *p);
int model_paragraphs(model *m, int64_t doc, int64_t section, model_para_cb cb, void *ctx);

/* ---- search ---- */
struct search_query {
	const char *pattern;
	int regex;          /* PCRE2 (UTF, UCP) instead of a literal */
	int icase;          /* case-insensitive Latin */
	const char *region; /* NULL any */
	int year;           /* 0 any: a document matches when it reviews, plans or is dated in it */
	int64_t doc;        /* 0 any */
	/* the whole search's time budget in seconds: 0 the default
	 * (MODEL_SEARCH_SECONDS), < 0 none.  PCRE2's own limits are per match
	 * attempt; a pattern such as (.*a){20} on a 50,000-character line makes
	 * 50,000 attempts. */
	double timeout;
	/* asked every few milliseconds while the search runs (a key pressed, a
	 * signal): nonzero stops it as the budget does; may be NULL */
	int (*cancelled)(void *ctx);
	void *cancel_ctx;
};
#define MODEL_SEARCH_SECONDS 5.0
/* model_search and model_search_count return this when the budget ran out
 * or cancelled() said stop: what was found until then has been delivered. */
#define MODEL_SEARCH_STOPPED 1
/* One hit = one match occurrence (non-overlapping, left to right), in
 * document order (region, date, id: the order of model_docs), then paragraph
 * order, then offset. */
struct search_hit {
	int64_t doc, paragraph, section;
	int para_ord;
	const char *source, *region, *title;
	const char *section_path;    /* may be "" */
	const char *section_heading; /* its last part, the section's own; may be "" */
	const char *text;            /* the whole paragraph, as stored */
	size_t len;
	size_t byte_start, byte_end; /* the match in text, bytes */
	size_t cp_start, cp_end;     /* the same in code points */
};
typedef int (*search_hit_cb)(void *ctx, const struct search_hit *h);
/* Matching folds full-width forms (text_fold) on both sides.  Literal terms of
 * three or more characters go through the FTS5 trigram index; shorter ones
 * take a scan that gives the same counts; regexes use the index for a literal
 * part when they have one, then PCRE2 to confirm. */
int model_search(model *m, const struct search_query *q, search_hit_cb cb, void *ctx);

/* A document with matches, in the order of the document list (model_docs):
 * what the browser's n/N and results show of it. */
struct search_count {
	int64_t doc;
	char *source;
	char *region; /* NULL when unknown */
	char *title;  /* the title, or the source when it has none */
	long count;
};
int model_search_count(model *m, const struct search_query *q, struct search_count **out, size_t *n,
                       long *total);
void model_search_count_free(struct search_count *c, size_t n);

/* ---- upkeep ---- */
/* PRAGMA integrity_check and the FTS index's own check.  0 healthy, 1 damaged,
 * -1 could not run; *report (malloc'd) holds what SQLite said ("ok"). */
int model_check(model *m, char **report);

/* ---- glossary ---- */
struct glossary_entry {
	int64_t doc;
	char *source, *region, *term, *definition;
	int number;
};
/* term NULL: all; else entries whose term contains it. */
int model_glossary(model *m, const char *term, struct glossary_entry **out, size_t *n);
void model_glossary_free(struct glossary_entry *g, size_t n);

#endif
