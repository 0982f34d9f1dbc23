/* db.h — the model's insides, shared by the files of src/model/ only. */
#ifndef BAOGAO_DB_H
#define BAOGAO_DB_H

#include <sqlite3.h>
#include <stdint.h>

#include "model/model.h"

/* Contentless FTS5 (trigram, with positions) over the folded paragraph text:
 * the text itself lives once, in paragraphs.text.  A literal is asked as a
 * phrase; the C confirmation that follows every prefilter makes that exact
 * (the index folds case), and where it cannot differ the index counts alone
 * (MODEL_FTS_TALLY). */
#define MODEL_FTS_TABLE "para_fts"
/* FTS5 auxiliary function baogao_tally(para_fts, ptr), registered on every
 * connection: asked for the first matching row alone (LIMIT 1), it walks
 * every row of each of the query's phrases itself (xQueryPhrase) and hands
 * each its phrase matches (xInstCount) through the struct model_fts_tally
 * bound as ptr (sqlite3_bind_pointer, type MODEL_FTS_TALLY_PTR): a count
 * without a trip through the SQL engine per row.  A row holding several of
 * the phrases comes once for each. */
#define MODEL_FTS_TALLY     "baogao_tally"
#define MODEL_FTS_TALLY_PTR "baogao_tally"
struct model_fts_tally {
	int (*row)(void *ctx, int64_t rowid, int matches); /* non-zero stops */
	void *ctx;
	int stopped;
};
/* SQL function baogao_fold(text): model_index_text, registered on every
 * connection; what the FTS index holds for a paragraph. */
#define MODEL_FOLD_FUNCTION "baogao_fold"
/* Ends every paragraph in the index, so that each occurrence of a
 * two-character term is followed by some character: the trigrams that start
 * with it then find (and count) every occurrence (pattern.c). */
#define MODEL_FTS_END '\n'

struct model {
	sqlite3 *db;
	char *path;
	char err[512];
	/* 0 when the FTS index does not match this program's folding and could
	 * not be rebuilt (read-only database): searches scan, ingest refuses */
	int fts_ok;
	int readonly;           /* opened read-only: the file is another user's (model_open) */
	struct wait_turn *wait; /* model_wait_for_writer's state */
	int vocab_ready;        /* temp.baogao_vocab made (pattern.c) */
	/* ingest state of the document being stored (see store.c) */
	int64_t doc;
	int64_t *sections; /* local id - 1 → database id */
	size_t nsections, cap_sections;
	char **section_paths; /* local id - 1 → "一、… › （二）…", this document's */
	size_t npaths, cap_paths;
	int64_t *paras; /* ord - 1 → database id */
	size_t nparas, cap_paras;
	sqlite3_stmt *st_section, *st_para, *st_fts, *st_gloss, *st_ind, *st_words;
	sqlite3_stmt *st_path; /* model_section_path */
};

sqlite3 *model_db(model *m);
/* What the index holds for a paragraph: text_fold(text, no icase) and
 * MODEL_FTS_END; malloc'd, *n its length. */
char *model_index_text(const char *text, size_t len, size_t *n);
/* Sets the message model_error() returns; printf-style. */
void model_set_error(model *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "what: sqlite's message" */
void model_sqlite_error(model *m, const char *what);
/* Prepares, reporting failures through the model's error. */
sqlite3_stmt *model_prepare(model *m, const char *sql);
/* Binds a string or NULL. */
void model_bind_text(sqlite3_stmt *st, int i, const char *s);
/* strdup of a column, "" never NULL unless the value is NULL and keep_null. */
char *model_column_dup(sqlite3_stmt *st, int col, int keep_null);
/* The order of the document list (model_docs), which the search's counts
 * follow too: region, then date; documents d. */
#define MODEL_DOC_ORDER "d.region, d.date, d.id"
/* Appends " › " (unless *len is 0), number and title to a malloc'd path:
 * the one format of section paths. */
int model_path_append(char **path, size_t *len, const char *number, const char *title);
/* Removes a stored document with its FTS entries (inside a transaction). */
int model_delete_doc(model *m, int64_t doc);

/* ---- folding, as the index and the matchers see it (pattern.c) ---- */

/* Identifies what text_fold does to every code point: stored with the index,
 * so a program whose folding differs rebuilds the index instead of deleting
 * rows with tokens they were never indexed under.  Static string. */
const char *model_fold_fingerprint(void);
/* 1 when folding (with or without icase) changes cp or turns another code
 * point into it: a literal free of such characters matches the stored text
 * exactly where it matches the folded text. */
int model_fold_touches(uint32_t cp);

#endif
