/* db.c — opening the database: where it lives, pragmas, schema, migrations. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/db.h"

/* Each entry brings the schema from version i to i + 1.  Existing databases
 * run the missing steps in one transaction at open. */
static const char *const migrations[] = {
	/* 0 → 1 */
	"CREATE TABLE documents("
	"  id INTEGER PRIMARY KEY, source TEXT NOT NULL, path TEXT, hash TEXT NOT NULL UNIQUE,"
	"  encoding TEXT, region TEXT, kind TEXT, date TEXT, title TEXT,"
	"  review_year INTEGER, plan_year INTEGER, bytes INTEGER,"
	"  ingested_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
	"CREATE INDEX documents_source ON documents(source);"
	"CREATE INDEX documents_region ON documents(region);"
	"CREATE TABLE sections("
	"  id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  parent_id INTEGER, local INTEGER, level INTEGER, kind TEXT, number TEXT, title TEXT,"
	"  line INTEGER);"
	"CREATE INDEX sections_doc ON sections(doc_id, local);"
	"CREATE TABLE paragraphs("
	"  id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  section_id INTEGER, ord INTEGER, kind TEXT, text TEXT NOT NULL, joins INTEGER,"
	"  line INTEGER);"
	"CREATE INDEX paragraphs_doc ON paragraphs(doc_id, ord);"
	"CREATE INDEX paragraphs_section ON paragraphs(section_id);"
	"CREATE TABLE glossary("
	"  id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  section_id INTEGER, number INTEGER, term TEXT, definition TEXT);"
	"CREATE INDEX glossary_doc ON glossary(doc_id);"
	"CREATE TABLE indicators("
	"  id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	"  paragraph_id INTEGER, section_id INTEGER, indicator TEXT NOT NULL, name TEXT,"
	"  year INTEGER, kind TEXT, value TEXT, value_num REAL, unit TEXT, growth REAL,"
	"  qualifier TEXT, period TEXT, start INTEGER, end INTEGER);"
	"CREATE INDEX indicators_doc ON indicators(doc_id);"
	"CREATE INDEX indicators_key ON indicators(indicator, year);"
	"CREATE VIRTUAL TABLE " MODEL_FTS_TABLE " USING fts5(fold, content='', tokenize='trigram');",
};

#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

sqlite3 *model_db(model *m)
{
	return m->db;
}

void model_set_error(model *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m->err, sizeof m->err, fmt, ap);
	va_end(ap);
}

void model_sqlite_error(model *m, const char *what)
{
	model_set_error(m, "%s: %s", what, sqlite3_errmsg(m->db));
}

const char *model_error(model *m)
{
	return m->err[0] ? m->err : "unknown error";
}

sqlite3_stmt *model_prepare(model *m, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(m->db, sql, -1, &st, NULL) != SQLITE_OK) {
		model_sqlite_error(m, "query");
		return NULL;
	}
	return st;
}

void model_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

char *model_column_dup(sqlite3_stmt *st, int col, int keep_null)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	if (!s)
		return keep_null ? NULL : strdup("");
	return strdup((const char *)s);
}

static char *path_join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", a, b);
	return p;
}

char *model_default_path(const char *explicit_path)
{
	if (explicit_path && *explicit_path)
		return strdup(explicit_path);
	const char *env = getenv("BAOGAO_DB");
	if (env && *env)
		return strdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg == '/')
		return path_join(xdg, "baogao/baogao.db");
	const char *home = getenv("HOME");
	return path_join(home && *home ? home : ".", ".local/share/baogao/baogao.db");
}

/* mkdir -p of the directory part of path */
static int make_parent_dirs(const char *path)
{
	char *p = strdup(path);
	if (!p)
		return -1;
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	return 0;
}

static int migrate(model *m)
{
	sqlite3_stmt *st = model_prepare(m, "PRAGMA user_version");
	if (!st)
		return -1;
	int version = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (version > NMIGRATIONS) {
		model_set_error(m, "the database has schema version %d, newer than this baogao knows (%d)",
		                version, NMIGRATIONS);
		return -1;
	}
	if (version == NMIGRATIONS)
		return 0;
	if (sqlite3_exec(m->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		model_sqlite_error(m, "schema");
		return -1;
	}
	for (int v = version; v < NMIGRATIONS; v++) {
		char *err = NULL;
		if (sqlite3_exec(m->db, migrations[v], NULL, NULL, &err) != SQLITE_OK) {
			model_set_error(m, "schema migration %d: %s", v + 1, err ? err : "failed");
			sqlite3_free(err);
			sqlite3_exec(m->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", NMIGRATIONS);
	if (sqlite3_exec(m->db, sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(m->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		model_sqlite_error(m, "schema");
		sqlite3_exec(m->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

model *model_open(const char *path, char **err)
{
	model *m = calloc(1, sizeof *m);
	if (!m) {
		if (err)
			*err = strdup("out of memory");
		return NULL;
	}
	m->path = strdup(path);
	if (make_parent_dirs(path) != 0) {
		model_set_error(m, "cannot create the directory for %s: %s", path, strerror(errno));
		goto fail;
	}
	if (sqlite3_open_v2(path, &m->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		model_sqlite_error(m, "open");
		goto fail;
	}
	/* Many readers (officials on one SSH server) and one ingesting writer:
	 * WAL lets them run together; the busy timeout covers checkpoints and
	 * a second writer. */
	sqlite3_busy_timeout(m->db, 10000);
	char *e = NULL;
	if (sqlite3_exec(m->db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;",
	                 NULL, NULL, &e) != SQLITE_OK) {
		model_set_error(m, "%s is not a baogao database: %s", path, e ? e : "unreadable");
		sqlite3_free(e);
		goto fail;
	}
	if (migrate(m) != 0)
		goto fail;
	return m;
fail:
	if (err)
		*err = strdup(model_error(m));
	model_close(m);
	return NULL;
}

void model_close(model *m)
{
	if (!m)
		return;
	sqlite3_finalize(m->st_section);
	sqlite3_finalize(m->st_para);
	sqlite3_finalize(m->st_fts);
	sqlite3_finalize(m->st_gloss);
	sqlite3_finalize(m->st_ind);
	if (m->db)
		sqlite3_close_v2(m->db);
	free(m->sections);
	free(m->paras);
	free(m->path);
	free(m);
}

long model_doc_count(model *m)
{
	sqlite3_stmt *st = model_prepare(m, "SELECT count(*) FROM documents");
	if (!st)
		return -1;
	long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}
