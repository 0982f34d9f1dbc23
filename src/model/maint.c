/* maint.c — database upkeep a user or a test can ask for. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/model.h"

/* integrity_check covers the b-trees; the FTS index is a separate structure
 * that can disagree with its content table without SQLite noticing. */
int model_check(model *m, char **report)
{
	sqlite3 *db = model_db(m);
	sqlite3_stmt *st;
	*report = NULL;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		return -1;
	size_t len = 0;
	char *out = NULL;
	int bad = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (!line)
			continue;
		if (strcmp(line, "ok") != 0)
			bad = 1;
		size_t n = strlen(line);
		char *grown = realloc(out, len + n + 2);
		if (!grown)
			break;
		out = grown;
		memcpy(out + len, line, n);
		len += n;
		out[len++] = '\n';
		out[len] = '\0';
	}
	sqlite3_finalize(st);
	char *fts_err = NULL;
	if (sqlite3_exec(db,
	                 "INSERT INTO " MODEL_FTS_TABLE "(" MODEL_FTS_TABLE
	                 ") VALUES('integrity-check')",
	                 NULL, NULL, &fts_err) != SQLITE_OK) {
		bad = 1;
		const char *msg = fts_err ? fts_err : "full-text index damaged";
		size_t n = strlen(msg);
		char *grown = realloc(out, len + n + 20);
		if (grown) {
			out = grown;
			len += (size_t)sprintf(out + len, "full-text index: %s\n", msg);
		}
	}
	sqlite3_free(fts_err);
	*report = out;
	return bad ? 1 : 0;
}
