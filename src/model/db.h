/* db.h — the model's insides, shared by the files of src/model/ only. */
#ifndef BAOGAO_DB_H
#define BAOGAO_DB_H

#include <sqlite3.h>
#include <stdint.h>

#include "model/model.h"

/* contentless FTS5 (trigram) over the folded paragraph text: the text itself
 * lives once, in paragraphs.text */
#define MODEL_FTS_TABLE "para_fts"

struct model {
	sqlite3 *db;
	char *path;
	char err[512];
	/* ingest state of the document being stored (see store.c) */
	int64_t doc;
	int64_t *sections; /* local id - 1 → database id */
	size_t nsections, cap_sections;
	int64_t *paras; /* ord - 1 → database id */
	size_t nparas, cap_paras;
	sqlite3_stmt *st_section, *st_para, *st_fts, *st_gloss, *st_ind;
};

sqlite3 *model_db(model *m);
/* Sets the message model_error() returns; printf-style. */
void model_set_error(model *m, const char *fmt, ...);
/* "what: sqlite's message" */
void model_sqlite_error(model *m, const char *what);
/* Prepares, reporting failures through the model's error. */
sqlite3_stmt *model_prepare(model *m, const char *sql);
/* Binds a string or NULL. */
void model_bind_text(sqlite3_stmt *st, int i, const char *s);
/* strdup of a column, "" never NULL unless the value is NULL and keep_null. */
char *model_column_dup(sqlite3_stmt *st, int col, int keep_null);
/* Removes a stored document with its FTS entries (inside a transaction). */
int model_delete_doc(model *m, int64_t doc);

#endif
