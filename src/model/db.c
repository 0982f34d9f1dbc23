/* db.c — opening the database: where it lives, pragmas, schema, migrations. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "datadir.h"
#include "model/db.h"
#include "text/text.h"

/* long enough for a checkpoint or another process's document commit */
#define MODEL_BUSY_TIMEOUT_MS 10000

/* Each entry brings the schema from version i to i + 1.  Existing databases
 * run the missing steps in one transaction at open.  Entries are never
 * edited once released: a change is a new entry. */
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
    /* 1 → 2: counts kept with the document, so listing tens of thousands of
     * documents does not count millions of paragraphs; documents in the order
     * every listing uses; an FTS index without positions (half the size) that
     * open() fills again (see check_fold) */
    "ALTER TABLE documents ADD COLUMN n_sections INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE documents ADD COLUMN n_paragraphs INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE documents ADD COLUMN n_glossary INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE documents ADD COLUMN n_indicators INTEGER NOT NULL DEFAULT 0;"
    "UPDATE documents SET"
    "  n_sections = (SELECT count(*) FROM sections WHERE doc_id = documents.id),"
    "  n_paragraphs = (SELECT count(*) FROM paragraphs WHERE doc_id = documents.id),"
    "  n_glossary = (SELECT count(*) FROM glossary WHERE doc_id = documents.id),"
    "  n_indicators = (SELECT count(*) FROM indicators WHERE doc_id = documents.id);"
    "DROP INDEX documents_region;"
    "CREATE INDEX documents_order ON documents(region, date);"
    "CREATE INDEX indicators_paragraph ON indicators(paragraph_id);"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
    "DROP TABLE " MODEL_FTS_TABLE ";"
    "CREATE VIRTUAL TABLE " MODEL_FTS_TABLE
    " USING fts5(fold, content='', columnsize=0, detail=none,"
    "  tokenize='trigram');",
    /* 2 → 3: positions back in the index (about 2.4 times the size of
     * detail=none) so a literal is asked as a phrase and counted from the
     * index alone (xInstCount, see search.c); and each document's run of
     * paragraph ids, so index rows are tallied per document without a
     * lookup.  Dropping the fold mark makes open() fill the new index. */
    "ALTER TABLE documents ADD COLUMN para_first INTEGER;"
    "ALTER TABLE documents ADD COLUMN para_last INTEGER;"
    "UPDATE documents SET"
    "  para_first = (SELECT min(id) FROM paragraphs WHERE doc_id = documents.id),"
    "  para_last = (SELECT max(id) FROM paragraphs WHERE doc_id = documents.id);"
    "DELETE FROM meta WHERE key = 'fold';"
    "DROP TABLE " MODEL_FTS_TABLE ";"
    "CREATE VIRTUAL TABLE " MODEL_FTS_TABLE " USING fts5(fold, content='', columnsize=0,"
    "  tokenize='trigram');",
    /* 3 → 4: one transaction per file leaves one small index segment per
     * file; merging them 16 at a time instead of 4 rewrites the index
     * fewer times (2,000 reports: ingest 23.8 s → 19.1 s, counts as fast) */
    "INSERT INTO " MODEL_FTS_TABLE "(" MODEL_FTS_TABLE ", rank) VALUES('automerge', 16);",
    /* 4 → 5: what a count reads of every document, from indexes alone:
     * the paragraph runs in id order, and the listing order with the
     * columns of the filters and the source name (10,000 documents: the
     * two passes took half of `search --count`, reading the wide rows) */
    "DROP INDEX documents_order;"
    "CREATE INDEX documents_order ON documents(region, date, id, review_year, plan_year, source);"
    "CREATE INDEX documents_runs ON documents(para_first, para_last, n_paragraphs, region,"
    "  review_year, plan_year, date);",
    /* 5 → 6: a range's high end ("6%—6.5%") and a multi-year goal's end
     * year ("到2025年"), so that neither is cut to one figure of one year;
     * flags for compare's warnings (estimate, old_name, zone) */
    "ALTER TABLE indicators ADD COLUMN growth_high REAL;"
    "ALTER TABLE indicators ADD COLUMN horizon INTEGER;"
    "ALTER TABLE indicators ADD COLUMN flags TEXT;",
    /* 6 → 7: the same report in another form (its PDF beside its web page)
     * is one document: a sketch of its Han text (text/fingerprint.h) and
     * its Han count, so that doc_begin compares only texts of about the
     * same length */
    "ALTER TABLE documents ADD COLUMN fingerprint TEXT;"
    "ALTER TABLE documents ADD COLUMN han INTEGER;"
    "CREATE INDEX documents_same ON documents(region, date, han);"
    "CREATE INDEX documents_path ON documents(path);",
    /* 7 → 8: each statement's sentence and section path kept beside it,
     * in a table of their own so that the statements stay narrow to scan:
     * compare printed them by reading every paragraph that holds one and
     * every section above it (at 10,000 reports 20 MB of paragraphs, half
     * its time).  Statements stored before have no row and are read from
     * their paragraph and section as before. */
    "CREATE TABLE statement_words(id INTEGER PRIMARY KEY"
    "  REFERENCES indicators(id) ON DELETE CASCADE, sentence TEXT, section TEXT);",
};

#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))
_Static_assert(NMIGRATIONS == MODEL_SCHEMA_VERSION, "one migration per schema version");

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

/* Why a write failed, in words: SQLite's "disk I/O error" does not say, and
 * the errno it saw is often gone by the time it reports (0 after a write
 * past the file size limit). */
static void write_failure_cause(const model *m, int full, char *buf, size_t size)
{
	buf[0] = '\0';
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", m->path);
	char *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir ? 1 : 0] = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	struct statvfs vfs;
	if (statvfs(dir, &vfs) == 0 && (unsigned long long)vfs.f_bavail * vfs.f_frsize < 1 << 20) {
		snprintf(buf, size,
		         full ? ": %llu KiB free on it" : ": the disk is full (%llu KiB free)",
		         (unsigned long long)vfs.f_bavail * vfs.f_frsize / 1024);
		return;
	}
	struct rlimit lim;
	if (getrlimit(RLIMIT_FSIZE, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY)
		snprintf(buf, size, ": the file size limit is %llu KiB (ulimit -f)",
		         (unsigned long long)lim.rlim_cur / 1024);
}

void model_sqlite_error(model *m, const char *what)
{
	/* SQLite's own words, and which file they are about; a failed write
	 * also says what is known of why */
	int code = sqlite3_errcode(m->db);
	char cause[128] = "";
	if (code == SQLITE_FULL || sqlite3_extended_errcode(m->db) == SQLITE_IOERR_WRITE ||
	    sqlite3_extended_errcode(m->db) == SQLITE_IOERR_FSYNC)
		write_failure_cause(m, code == SQLITE_FULL, cause, sizeof cause);
	model_set_error(m, "%s: %s%s (%s)", what, sqlite3_errmsg(m->db), cause, m->path);
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

char *model_default_path(const char *explicit_path)
{
	if (explicit_path && *explicit_path)
		return strdup(explicit_path);
	const char *env = getenv("BAOGAO_DB");
	if (env && *env)
		return strdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg == '/')
		return datadir_join(xdg, "baogao/baogao.db");
	const char *home = getenv("HOME");
	return datadir_join(home && *home ? home : ".", ".local/share/baogao/baogao.db");
}

/* mkdir -p of the directory part of path */
int model_make_parent_dirs(const char *path)
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

static int user_version(model *m)
{
	sqlite3_stmt *st = model_prepare(m, "PRAGMA user_version");
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	int version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	if (version < 0)
		model_sqlite_error(m, "schema version");
	sqlite3_finalize(st);
	return version;
}

static uint32_t application_id(model *m)
{
	sqlite3_stmt *st = model_prepare(m, "PRAGMA application_id");
	uint32_t id =
	    st && sqlite3_step(st) == SQLITE_ROW ? (uint32_t)sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

static int exec_or_error(model *m, const char *sql, const char *what)
{
	if (sqlite3_exec(m->db, sql, NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	model_sqlite_error(m, what);
	return -1;
}

static int check_version(model *m, int version)
{
	if (version > NMIGRATIONS) {
		model_set_error(m,
		                "%s has schema version %d, newer than this baogao knows (%d): "
		                "use a newer baogao or another database",
		                m->path, version, NMIGRATIONS);
		return -1;
	}
	if (version > 0)
		return 0;
	/* version 0: a new file, or some other program's database, which we
	 * must not fill with our tables */
	sqlite3_stmt *st = model_prepare(m, "SELECT count(*) FROM sqlite_schema");
	if (!st)
		return -1;
	int objects = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (objects) {
		model_set_error(
		    m,
		    "%s is an SQLite database but not a baogao one (it has tables and no "
		    "baogao schema version)",
		    m->path);
		return -1;
	}
	return 0;
}

/* A database this process may only read is used as it is: its schema must
 * be this baogao's, since only its owner can migrate it. */
static int check_readonly_version(model *m)
{
	int version = user_version(m);
	if (version < 0)
		return -1;
	if (version != NMIGRATIONS) {
		model_set_error(m,
		                "%s is read-only to you and has schema version %d; this baogao "
		                "needs %d: ask its owner to run `baogao --db %s check` once",
		                m->path, version, NMIGRATIONS, m->path);
		return -1;
	}
	return 0;
}

static int migrate(model *m)
{
	int version = user_version(m);
	if (version < 0 || check_version(m, version) < 0)
		return -1;
	if (version == NMIGRATIONS && application_id(m) == MODEL_APPLICATION_ID)
		return 0;
	if (exec_or_error(m, "BEGIN IMMEDIATE", "schema") < 0)
		return -1;
	/* another process may have migrated while we waited for the lock */
	version = user_version(m);
	if (version < 0 || check_version(m, version) < 0)
		goto fail;
	for (int v = version; v < NMIGRATIONS; v++) {
		char *err = NULL;
		if (sqlite3_exec(m->db, migrations[v], NULL, NULL, &err) != SQLITE_OK) {
			model_set_error(m, "schema migration %d: %s", v + 1, err ? err : "failed");
			sqlite3_free(err);
			goto fail;
		}
	}
	char sql[128];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d",
	         NMIGRATIONS, (int)MODEL_APPLICATION_ID);
	if (exec_or_error(m, sql, "schema") < 0 || exec_or_error(m, "COMMIT", "schema") < 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(m->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

char *model_index_text(const char *text, size_t len, size_t *n)
{
	char *f = text_fold(text, len, 0, n);
	char *g = f ? realloc(f, *n + 2) : NULL;
	if (!g) {
		free(f);
		return NULL;
	}
	g[(*n)++] = MODEL_FTS_END;
	g[*n] = '\0';
	return g;
}

static void fold_function(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(cx);
		return;
	}
	size_t n;
	char *f = model_index_text(s, (size_t)sqlite3_value_bytes(argv[0]), &n);
	if (!f) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	sqlite3_result_text(cx, f, (int)n, free);
}

static const char *stored_fold(model *m, char *buf, size_t size)
{
	sqlite3_stmt *st = model_prepare(m, "SELECT value FROM meta WHERE key = 'fold'");
	buf[0] = '\0';
	if (!st)
		return NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

static int fts_tally_row(const Fts5ExtensionApi *api, Fts5Context *fc, void *ud)
{
	struct model_fts_tally *t = ud;
	int n = 0;
	int rc = api->xInstCount(fc, &n);
	if (rc != SQLITE_OK)
		return rc;
	if (t->row(t->ctx, api->xRowid(fc), n)) {
		t->stopped = 1;
		return SQLITE_DONE;
	}
	return SQLITE_OK;
}

static void fts_tally_function(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *cx,
                               int argc, sqlite3_value **argv)
{
	struct model_fts_tally *t =
	    argc == 1 ? sqlite3_value_pointer(argv[0], MODEL_FTS_TALLY_PTR) : NULL;
	if (!t) {
		sqlite3_result_error(cx, MODEL_FTS_TALLY ": no tally bound", -1);
		return;
	}
	int phrases = api->xPhraseCount(fc);
	for (int i = 0; i < phrases && !t->stopped; i++) {
		int rc = api->xQueryPhrase(fc, i, t, fts_tally_row);
		if (rc != SQLITE_OK) {
			sqlite3_result_error_code(cx, rc);
			return;
		}
	}
	sqlite3_result_int(cx, phrases);
}

static int register_fts_tally(model *m)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = model_prepare(m, "SELECT fts5(?1)");
	if (!st)
		return -1;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2 ||
	    api->xCreateFunction(api, MODEL_FTS_TALLY, NULL, fts_tally_function, NULL) !=
	        SQLITE_OK) {
		model_set_error(m, "open: SQLite without FTS5");
		return -1;
	}
	return 0;
}

/* The FTS index is contentless: a paragraph leaves it only when told the
 * exact tokens it went in with.  If this program folds differently from the
 * one that built the index (or the index was just recreated by a
 * migration), the index is rebuilt from the stored text before anything
 * relies on it. */
static int check_fold(model *m)
{
	const char *want = model_fold_fingerprint();
	char have[128];
	if (!stored_fold(m, have, sizeof have))
		return -1;
	m->fts_ok = strcmp(have, want) == 0;
	if (m->fts_ok)
		return 0;
	if (sqlite3_db_readonly(m->db, "main") == 1)
		return 0; /* searches scan; ingest refuses (store.c) */
	if (exec_or_error(m, "BEGIN IMMEDIATE", "rebuild the full-text index") < 0)
		return -1;
	if (!stored_fold(m, have, sizeof have))
		goto fail;
	if (strcmp(have, want) != 0) {
		sqlite3_stmt *st;
		if (exec_or_error(m,
		                  "INSERT INTO " MODEL_FTS_TABLE "(" MODEL_FTS_TABLE
		                  ") VALUES('delete-all');"
		                  "INSERT INTO " MODEL_FTS_TABLE "(rowid, fold)"
		                  " SELECT id, " MODEL_FOLD_FUNCTION "(text) FROM paragraphs",
		                  "rebuild the full-text index") < 0 ||
		    !(st = model_prepare(
		          m, "INSERT OR REPLACE INTO meta(key, value) VALUES('fold', ?)")))
			goto fail;
		sqlite3_bind_text(st, 1, want, -1, SQLITE_STATIC);
		int ok = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_finalize(st);
		if (!ok) {
			model_sqlite_error(m, "rebuild the full-text index");
			goto fail;
		}
	}
	if (exec_or_error(m, "COMMIT", "rebuild the full-text index") < 0)
		goto fail;
	m->fts_ok = 1;
	return 0;
fail:
	sqlite3_exec(m->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* What the first 100 bytes of an existing file say, read before SQLite
 * touches it: opening another program's database must not switch it to WAL
 * (header bytes 18–19) or add tables. */
static int recognise(model *m, const char *path, int *fresh)
{
	*fresh = 0;
	unsigned char h[100];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		model_set_error(m, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	ssize_t n = read(fd, h, sizeof h);
	close(fd);
	if (n == 0) {
		*fresh = 1; /* an empty file is an empty database */
		return 0;
	}
	if (n < (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
		model_set_error(m, "%s is not a baogao database (not an SQLite file at all)", path);
		return -1;
	}
	int32_t version =
	    (int32_t)((uint32_t)h[60] << 24 | (uint32_t)h[61] << 16 | (uint32_t)h[62] << 8 | h[63]);
	uint32_t app = (uint32_t)h[68] << 24 | (uint32_t)h[69] << 16 | (uint32_t)h[70] << 8 | h[71];
	if (app != 0 && app != MODEL_APPLICATION_ID) {
		model_set_error(m,
		                "%s is not a baogao database: it belongs to another program "
		                "(application_id 0x%08x); baogao leaves it alone",
		                path, (unsigned)app);
		return -1;
	}
	if (version < 0 || version > NMIGRATIONS) {
		model_set_error(m, "%s has schema version %d, %s (%d): use %s or another database",
		                path, (int)version,
		                version < 0 ? "which no baogao writes"
		                            : "newer than this baogao knows",
		                NMIGRATIONS, version < 0 ? "a copy you trust" : "a newer baogao");
		return -1;
	}
	if (app == MODEL_APPLICATION_ID)
		return 0;
	/* no application id: an older baogao's (its tables), a new file, or
	 * another program's, told from its schema read without a lock or a
	 * write (immutable) */
	char *uri = sqlite3_mprintf("file:%s?immutable=1", path);
	sqlite3 *db = NULL;
	int objects = -1, ours = 0;
	if (uri &&
	    sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(db,
		                       "SELECT count(*), count(*) FILTER (WHERE name = 'documents')"
		                       " FROM sqlite_schema",
		                       -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW) {
			objects = sqlite3_column_int(st, 0);
			ours = sqlite3_column_int(st, 1);
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	sqlite3_free(uri);
	if (objects == 0 && version == 0)
		*fresh = 1;
	else if (objects < 0 || !ours || version == 0) {
		model_set_error(
		    m,
		    "%s is an SQLite database but not a baogao one (it has tables and no "
		    "baogao schema); baogao leaves it alone",
		    path);
		return -1;
	}
	return 0;
}

/* Can this process write the database and make the files WAL needs beside
 * it?  A reader on a shared server often cannot: the file is the ingesting
 * user's, 0644, in a 0755 directory. */
static int can_write(const char *path)
{
	if (access(path, R_OK | W_OK) != 0)
		return 0;
	char *dir = strdup(path);
	if (!dir)
		return 0;
	char *slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	int ok = access(slash ? dir : ".", W_OK | X_OK) == 0;
	free(dir);
	if (ok)
		return 1;
	/* a directory we cannot write holds the -wal and -shm already */
	char side[4200];
	snprintf(side, sizeof side, "%s-wal", path);
	int wal = access(side, R_OK | W_OK) == 0;
	snprintf(side, sizeof side, "%s-shm", path);
	return wal && access(side, R_OK | W_OK) == 0;
}

model *model_open(const char *path, char **err)
{
	model *m = calloc(1, sizeof *m);
	if (!m || !(m->path = strdup(path))) {
		if (err)
			*err = strdup("out of memory");
		free(m);
		return NULL;
	}
	struct stat st;
	int fresh = 0, exists = stat(path, &st) == 0;
	if (!*path) {
		model_set_error(m, "the database path is empty");
		goto fail;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		model_set_error(m, "%s is not a regular file", path);
		goto fail;
	}
	if (!exists && errno != ENOENT) {
		model_set_error(m, "cannot open %s: %s", path, strerror(errno));
		goto fail;
	}
	if (exists && recognise(m, path, &fresh) < 0)
		goto fail;
	int rw = !exists || can_write(path);
	m->readonly = !rw;
	int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
	char *uri = NULL;
	if (rw) {
		flags |= SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
		uri = sqlite3_mprintf("file:%s", path);
	} else {
		/* read-only: with the writer's -shm when it is there, else the file
		 * as it is (no -shm of ours, which would lock its owner out) */
		char shm[4200];
		snprintf(shm, sizeof shm, "%s-shm", path);
		flags |= SQLITE_OPEN_READONLY;
		uri = sqlite3_mprintf(
		    access(shm, R_OK) == 0 ? "file:%s?mode=ro" : "file:%s?immutable=1", path);
	}
	if (!uri) {
		model_set_error(m, "out of memory");
		goto fail;
	}
	/* a name with '?' or '#' must not be read as URI parameters */
	char *q = uri;
	for (char *p = uri + 5; *p && p < uri + 5 + strlen(path); p++)
		if (*p == '?' || *p == '#')
			q = NULL;
	if (!q) {
		sqlite3_free(uri);
		flags &= ~SQLITE_OPEN_URI;
		uri = sqlite3_mprintf("%s", path);
	}
	int orc = sqlite3_open_v2(uri, &m->db, flags, NULL);
	sqlite3_free(uri);
	if (orc != SQLITE_OK) {
		model_set_error(m, "cannot open %s: %s", path,
		                m->db ? sqlite3_errmsg(m->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(m->db, 1);
	/* Many readers (officials on one SSH server) and one ingesting writer:
	 * WAL lets them run together; the busy timeout covers checkpoints and
	 * a second writer. */
	sqlite3_busy_timeout(m->db, MODEL_BUSY_TIMEOUT_MS);
	char *e = NULL;
	if (sqlite3_exec(m->db,
	                 rw ? "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"
	                      " PRAGMA synchronous=NORMAL;"
	                    : "PRAGMA foreign_keys=ON;",
	                 NULL, NULL, &e) != SQLITE_OK) {
		int code = sqlite3_errcode(m->db) & 0xff;
		if (code == SQLITE_NOTADB)
			model_set_error(
			    m, "%s is not a baogao database (not an SQLite file at all)", path);
		else
			model_set_error(m, "cannot open %s: %s", path,
			                e ? e : sqlite3_errmsg(m->db));
		sqlite3_free(e);
		goto fail;
	}
	if (rw) {
		/* the -wal and -shm stay when the writer closes, with the
		 * database's modes: readers who may not create them still read */
		int one = 1;
		sqlite3_file_control(m->db, "main", SQLITE_FCNTL_PERSIST_WAL, &one);
	}
	(void)fresh;
	if (sqlite3_create_function_v2(m->db, MODEL_FOLD_FUNCTION, 1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	                               fold_function, NULL, NULL, NULL) != SQLITE_OK) {
		model_sqlite_error(m, "open");
		goto fail;
	}
	if (register_fts_tally(m) != 0 || (rw ? migrate(m) : check_readonly_version(m)) != 0 ||
	    check_fold(m) != 0)
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
	sqlite3_finalize(m->st_words);
	for (size_t i = 0; i < m->npaths; i++)
		free(m->section_paths[i]);
	free(m->section_paths);
	sqlite3_finalize(m->st_path);
	if (m->db)
		sqlite3_close_v2(m->db);
	free(m->sections);
	free(m->paras);
	free(m->wait);
	free(m->path);
	free(m);
}

int model_meta_get(model *m, const char *key, char *buf, size_t size)
{
	buf[0] = '\0';
	sqlite3_stmt *st = model_prepare(m, "SELECT value FROM meta WHERE key = ?");
	if (!st)
		return -1;
	model_bind_text(st, 1, key);
	int found = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0);
	if (found)
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return found;
}

int model_meta_set(model *m, const char *key, const char *value)
{
	sqlite3_stmt *st =
	    model_prepare(m, value ? "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)"
	                           : "DELETE FROM meta WHERE key = ?1");
	if (!st)
		return -1;
	model_bind_text(st, 1, key);
	if (value)
		model_bind_text(st, 2, value);
	int ok = sqlite3_step(st) == SQLITE_DONE;
	if (!ok)
		model_sqlite_error(m, "meta");
	sqlite3_finalize(st);
	return ok ? 0 : -1;
}

struct wait_turn {
	void (*waiting)(void *ctx);
	void *ctx;
	int told;
};

/* SQLite's busy handler for a writer that waits its turn: 50 ms naps, told
 * once after a second, for as long as the other writer takes. */
static int wait_turn(void *arg, int count)
{
	struct wait_turn *w = arg;
	if (count >= 20 && !w->told && w->waiting) {
		w->told = 1;
		w->waiting(w->ctx);
	}
	struct timespec nap = {0, 50 * 1000 * 1000};
	nanosleep(&nap, NULL);
	return 1;
}

void model_wait_for_writer(model *m, void (*waiting)(void *ctx), void *ctx)
{
	free(m->wait);
	m->wait = calloc(1, sizeof *m->wait);
	if (!m->wait)
		return;
	*m->wait = (struct wait_turn){waiting, ctx, 0};
	sqlite3_busy_handler(m->db, wait_turn, m->wait);
}

int model_readonly(model *m)
{
	return m->readonly;
}

int model_empty(model *m)
{
	sqlite3_stmt *st = model_prepare(m, "SELECT NOT EXISTS (SELECT 1 FROM documents)");
	if (!st)
		return -1;
	int empty = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return empty;
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
