/* maint.c — database upkeep a user or a test can ask for. */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/model.h"

/* Lines of a report, grown as they come. */
struct lines {
	char *s;
	size_t len;
};

static void add_line(struct lines *l, const char *fmt, const char *arg)
{
	int n = snprintf(NULL, 0, fmt, arg);
	char *g = n >= 0 ? realloc(l->s, l->len + (size_t)n + 2) : NULL;
	if (!g)
		return;
	l->s = g;
	l->len += (size_t)snprintf(l->s + l->len, (size_t)n + 2, fmt, arg);
	l->s[l->len++] = '\n';
	l->s[l->len] = '\0';
}

/* Does the index still hold each paragraph's text?  A sample spread over
 * the table, each paragraph asked for the first run of its folded text
 * under its own rowid: an index that drifted from the text (a paragraph
 * changed or deleted without its tokens) answers no.  Reads only. */
#define DRIFT_SAMPLE 2000

static int check_drift(model *m, struct lines *out)
{
	sqlite3 *db = model_db(m);
	sqlite3_stmt *count = model_prepare(m, "SELECT count(*), min(id), max(id) FROM paragraphs");
	if (!count)
		return -1;
	long long n = 0, lo = 0, hi = 0;
	if (sqlite3_step(count) == SQLITE_ROW) {
		n = sqlite3_column_int64(count, 0);
		lo = sqlite3_column_int64(count, 1);
		hi = sqlite3_column_int64(count, 2);
	}
	sqlite3_finalize(count);
	if (!n)
		return 0;
	sqlite3_stmt *pick = model_prepare(m, "SELECT id, text FROM paragraphs WHERE id >= ?"
	                                      " ORDER BY id LIMIT 1");
	sqlite3_stmt *ask = model_prepare(m, "SELECT 1 FROM " MODEL_FTS_TABLE
	                                     " WHERE " MODEL_FTS_TABLE " MATCH ? AND rowid = ?");
	if (!pick || !ask) {
		sqlite3_finalize(pick);
		sqlite3_finalize(ask);
		return -1;
	}
	long long step = (hi - lo) / DRIFT_SAMPLE + 1, missing = 0, asked = 0;
	int rc = 0;
	for (long long at = lo; at <= hi && rc == 0; at += step) {
		sqlite3_bind_int64(pick, 1, at);
		if (sqlite3_step(pick) != SQLITE_ROW) {
			sqlite3_reset(pick);
			break;
		}
		long long id = sqlite3_column_int64(pick, 0);
		const char *text = (const char *)sqlite3_column_text(pick, 1);
		size_t flen = 0;
		char *f = text ? model_index_text(text, strlen(text), &flen) : NULL;
		sqlite3_reset(pick);
		if (!f)
			continue;
		/* the first six code points, as a quoted phrase ("" inside) */
		char phrase[64];
		size_t k = 0, cps = 0;
		phrase[k++] = '"';
		for (size_t i = 0; i < flen && cps < 6 && k < sizeof phrase - 8; cps++) {
			unsigned char c = (unsigned char)f[i];
			size_t w = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
			if (f[i] == '"')
				phrase[k++] = '"';
			for (size_t j = 0; j < w && i < flen; j++)
				phrase[k++] = f[i++];
		}
		phrase[k++] = '"';
		phrase[k] = '\0';
		free(f);
		if (cps < 3)
			continue; /* no trigram to ask for */
		sqlite3_bind_text(ask, 1, phrase, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(ask, 2, id);
		int got = sqlite3_step(ask);
		if (got != SQLITE_ROW && got != SQLITE_DONE) {
			model_sqlite_error(m, "check the full-text index");
			rc = -1;
		}
		missing += got == SQLITE_DONE;
		asked++;
		sqlite3_reset(ask);
	}
	sqlite3_finalize(pick);
	sqlite3_finalize(ask);
	(void)db;
	if (rc == 0 && missing) {
		char what[160];
		snprintf(what, sizeof what,
		         "%lld of %lld paragraphs sampled are missing from it (delete the "
		         "database and ingest the reports again)",
		         missing, asked);
		add_line(out, "full-text index: %s", what);
	}
	return rc < 0 ? -1 : missing ? 1 : 0;
}

/* integrity_check covers the b-trees; the FTS index is a separate structure
 * that can disagree with its content table without SQLite noticing.  FTS5's
 * own integrity-check is a write, so a database that is read-only to us is
 * checked by what can be read (check_drift) alone. */
int model_check(model *m, char **report)
{
	sqlite3 *db = model_db(m);
	sqlite3_stmt *st;
	*report = NULL;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK) {
		model_sqlite_error(m, "check");
		return -1;
	}
	struct lines out = {0};
	int bad = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (line && strcmp(line, "ok") != 0) {
			bad = 1;
			add_line(&out, "%s", line);
		}
	}
	sqlite3_finalize(st);
	if (!model_readonly(m)) {
		char *fts_err = NULL;
		if (sqlite3_exec(db,
		                 "INSERT INTO " MODEL_FTS_TABLE "(" MODEL_FTS_TABLE
		                 ") VALUES('integrity-check')",
		                 NULL, NULL, &fts_err) != SQLITE_OK) {
			bad = 1;
			add_line(&out, "full-text index: %s", fts_err ? fts_err : "damaged");
		}
		sqlite3_free(fts_err);
	}
	int drift = check_drift(m, &out);
	if (drift < 0) {
		free(out.s);
		return -1;
	}
	bad |= drift;
	if (!bad)
		add_line(&out, "%s", "ok");
	*report = out.s;
	return bad ? 1 : 0;
}
