/* test_model.c — the SQLite model fed directly through its sink: storing,
 * skipping, replacing, rolling back; the read API; opening, migrating and
 * refusing databases.  Searching is tested in test_search.c. */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "model/indicators.h"
#include "model_feed.h"

/* ---- storing ---- */

static void test_store(void)
{
	model *m = model_open(db_path("a.db"), NULL);
	CHECK(m != NULL);
	if (!m)
		return;
	CHECK_INT(model_doc_count(m), 0);
	struct doc a = {"a.txt", "h1", "上党区", "2023-02-10", 2022, 2023, doc_a};
	struct doc b = {"b.txt", "h2", "潞州区", "2026-01-05", 2025, 2026, doc_b};
	CHECK_INT(store(m, &a, 1), 0);
	CHECK_INT(store(m, &b, 1), 0);
	CHECK_INT(model_doc_count(m), 2);
	/* same content again: unchanged, whatever its name */
	struct doc copy = a;
	copy.source = "copy.txt";
	CHECK_INT(store(m, &copy, 1), 1);
	CHECK_INT(model_doc_count(m), 2);
	CHECK_INT(sql_long(m, "SELECT count(*) FROM paragraphs"), 4);

	/* a changed file replaces its old version: rows, cascade and index */
	static const char *const doc_b2[] = {"潞州区新的文本。", "第二段。", NULL};
	struct doc b2 = {"b.txt", "h3", "潞州区", "2026-01-05", 2025, 2026, doc_b2};
	CHECK_INT(count(m, "推介会", 0, 0, NULL), 1);
	CHECK_INT(store(m, &b2, 1), 0);
	CHECK_INT(model_doc_count(m), 2);
	CHECK_INT(
	    sql_long(
	        m,
	        "SELECT (SELECT count(*) FROM sections WHERE doc_id NOT IN (SELECT id FROM "
	        "documents)) +"
	        " (SELECT count(*) FROM paragraphs WHERE doc_id NOT IN (SELECT id FROM documents)) "
	        "+"
	        " (SELECT count(*) FROM glossary WHERE doc_id NOT IN (SELECT id FROM documents)) +"
	        " (SELECT count(*) FROM indicators WHERE doc_id NOT IN (SELECT id FROM "
	        "documents))"),
	    0);
	CHECK_INT(sql_long(m, "SELECT count(*) FROM glossary"), 2);
	CHECK_INT(sql_long(m, "SELECT count(*) FROM indicators"), 2);
	CHECK_INT(sql_long(m, "SELECT count(*) FROM paragraphs"), 5);
	CHECK_INT(sql_long(m, "SELECT count(*) FROM sections"), 6);
	CHECK_INT(count(m, "推介会", 0, 0, NULL), 0); /* the index forgot it */
	CHECK_INT(count(m, "潞州区招商", 0, 0, NULL), 0);
	CHECK_INT(count(m, "新的文本", 0, 0, NULL), 1);
	CHECK_INT(count(m, "专业镇", 0, 0, NULL), 3);
	/* the FTS index holds exactly the stored paragraphs */
	CHECK_INT(sql_long(m, "SELECT count(*) FROM " MODEL_FTS_TABLE " WHERE " MODEL_FTS_TABLE
	                      " MATCH '\"推介会\"'"),
	          0);
	CHECK_INT(sql_long(m, "SELECT count(*) FROM " MODEL_FTS_TABLE " WHERE " MODEL_FTS_TABLE
	                      " MATCH '\"新的文\"'"),
	          1);

	/* an aborted document leaves nothing, and the next one goes in */
	static const char *const doc_c[] = {"回滚的文本在这里。", NULL};
	struct doc c = {"c.txt", "h4", "长治市", NULL, 0, 0, doc_c};
	CHECK_INT(store(m, &c, 0), 0);
	CHECK_INT(model_doc_count(m), 2);
	CHECK_INT(count(m, "回滚的文本", 0, 0, NULL), 0);
	CHECK_INT(sql_long(m, "SELECT count(*) FROM paragraphs"), 5);
	/* a replacement aborted half way keeps the old version */
	static const char *const doc_b3[] = {"第三版。", NULL};
	struct doc b3 = {"b.txt", "h5", "潞州区", NULL, 0, 0, doc_b3};
	CHECK_INT(store(m, &b3, 0), 0);
	CHECK_INT(count(m, "新的文本", 0, 0, NULL), 1);
	CHECK_INT(count(m, "第三版", 0, 0, NULL), 0);

	/* the sink refuses what it cannot store, with a message */
	struct doc_sink s = model_sink(m);
	struct sink_paragraph orphan = {.ord = 1, .kind = "text", .text = "x", .len = 1};
	CHECK(s.paragraph(s.ctx, &orphan) < 0);
	CHECK(strstr(model_error(m), "no document") != NULL);
	struct sink_doc bad = {.source = "d.txt", .hash = "h6"};
	CHECK_INT(s.doc_begin(s.ctx, &bad), 0);
	struct sink_section zero = {
	    .id = 0, .level = 1, .kind = "part", .number = "", .title = "x"};
	CHECK(s.section(s.ctx, &zero) < 0);
	CHECK(strstr(model_error(m), "section number 0") != NULL);
	CHECK_INT(s.doc_end(s.ctx, 0), 0);
	CHECK_INT(model_doc_count(m), 2);
	struct sink_doc nohash = {.source = "e.txt"};
	CHECK(s.doc_begin(s.ctx, &nohash) < 0);

	/* indicators map local ids to database ids; value_num reads "1,367.5" */
	CHECK_INT(
	    sql_long(m,
	             "SELECT count(*) FROM indicators i JOIN paragraphs p ON p.id = i.paragraph_id"
	             " JOIN sections s ON s.id = i.section_id WHERE p.ord = 1 AND s.local = 1"),
	    2);
	CHECK_INT(sql_long(m, "SELECT CAST(value_num * 10 AS INTEGER) FROM indicators LIMIT 1"),
	          13675);

	char *report = NULL;
	CHECK_INT(model_check(m, &report), 0);
	CHECK(report && strstr(report, "ok"));
	free(report);
	model_close(m);
}

/* ---- reading ---- */

static int count_paras(void *ctx, const struct para_info *p)
{
	(void)p;
	(*(int *)ctx)++;
	return 0;
}

static void test_reads(void)
{
	model *m = model_open(db_path("a.db"), NULL); /* reopened */
	CHECK(m != NULL);
	if (!m)
		return;
	struct doc_info d;
	CHECK_INT(model_doc_find(m, "a.txt", &d), 0);
	CHECK_STR(d.region, "上党区");
	CHECK_STR(d.date, "2023-02-10");
	CHECK_INT(d.review_year, 2022);
	CHECK_INT(d.plan_year, 2023);
	CHECK_INT(d.sections, 3);
	CHECK_INT(d.paragraphs, 3);
	CHECK_INT(d.glossary, 1);
	CHECK_INT(d.indicators, 1);
	int64_t id = d.id;
	doc_info_clear(&d);
	char idtxt[16];
	snprintf(idtxt, sizeof idtxt, "%d", (int)id);
	CHECK_INT(model_doc_find(m, idtxt, &d), 0);
	CHECK_STR(d.source, "a.txt");
	doc_info_clear(&d);
	CHECK_INT(model_doc_find(m, "nope.txt", &d), 1);
	CHECK_INT(model_doc_find(m, "9999", &d), 1);
	snprintf(idtxt, sizeof idtxt, "0%d", (int)id); /* an id as written, not 03 */
	CHECK_INT(model_doc_find(m, idtxt, &d), 1);
	snprintf(idtxt, sizeof idtxt, "%d ", (int)id);
	CHECK_INT(model_doc_find(m, idtxt, &d), 1);
	CHECK_INT(model_doc_get(m, id, &d), 0);
	CHECK_STR(d.source, "a.txt");
	doc_info_clear(&d);
	CHECK_INT(model_doc_get(m, 9999, &d), 1);

	struct doc_info *docs;
	size_t nd;
	CHECK_INT(model_docs(m, NULL, &docs, &nd), 0);
	CHECK_INT(nd, 2);
	if (nd == 2) { /* by region: 上党区 (U+4E0A) before 潞州区 (U+6F5E) */
		CHECK_STR(docs[0].region, "上党区");
		CHECK_INT(docs[1].paragraphs, 2);
	}
	model_docs_free(docs, nd);
	CHECK_INT(model_docs(m, "潞州区", &docs, &nd), 0);
	CHECK_INT(nd, 1);
	model_docs_free(docs, nd);

	struct region_info *r;
	size_t nr;
	CHECK_INT(model_regions(m, &r, &nr), 0);
	CHECK_INT(nr, 2);
	if (nr == 2)
		CHECK_INT(r[0].documents, 1);
	model_regions_free(r, nr);

	struct section_info *s;
	size_t ns;
	CHECK_INT(model_sections(m, id, &s, &ns), 0);
	CHECK_INT(ns, 3);
	if (ns == 3) {
		CHECK_STR(s[0].number, "一、");
		CHECK_INT(s[0].parent, 0);
		CHECK(s[1].parent == s[0].id);
		CHECK(s[2].parent == s[1].id);
		CHECK_INT(s[2].local, 3);
		CHECK_INT(s[1].level, 2);
		CHECK_INT(s[0].paragraphs, 1);
		CHECK_INT(s[1].paragraphs, 2);
		/* a section's paragraphs include its subsections' */
		int n = 0;
		CHECK_INT(model_paragraphs(m, id, s[0].id, count_paras, &n), 0);
		CHECK_INT(n, 3);
		n = 0;
		CHECK_INT(model_paragraphs(m, id, s[1].id, count_paras, &n), 0);
		CHECK_INT(n, 2);
		n = 0;
		CHECK_INT(model_paragraphs(m, id, 0, count_paras, &n), 0);
		CHECK_INT(n, 3);
		char *path = model_section_path(m, s[2].id);
		CHECK_STR(path, "一、工作回顾 › （一）经济 › 1. 工业");
		free(path);
		path = model_section_path(m, s[0].id);
		CHECK_STR(path, "一、工作回顾");
		free(path);
	}
	model_sections_free(s, ns);

	struct glossary_entry *g;
	size_t ng;
	CHECK_INT(model_glossary(m, "煤八条", &g, &ng), 0);
	CHECK_INT(ng, 2); /* one in each document */
	if (ng) {
		CHECK_STR(g[0].definition, "一是巩固煤炭资源整合成果");
		CHECK_STR(g[0].term, "“煤八条”");
		CHECK_INT(g[0].number, 4);
	}
	model_glossary_free(g, ng);
	CHECK_INT(model_glossary(m, "没有", &g, &ng), 0);
	CHECK_INT(ng, 0);
	model_glossary_free(g, ng);

	/* WAL, foreign keys and the schema version */
	char buf[64];
	CHECK_STR(sql_text(m, "PRAGMA journal_mode", buf, sizeof buf), "wal");
	CHECK_INT(sql_long(m, "PRAGMA foreign_keys"), 1);
	CHECK_INT(sql_long(m, "PRAGMA user_version"), MODEL_SCHEMA_VERSION);
	CHECK(sql_long(m, "PRAGMA busy_timeout") >= 1000);
	model_close(m);
}

/* ---- opening ---- */

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

/* The region and document filters of the listings: each of "", a region
 * and a document is its own plain condition (docs.c, indicators.c). */
static void test_filters(void)
{
	model *m = model_open(db_path("filters.db"), NULL);
	CHECK(m != NULL);
	if (!m)
		return;
	struct doc a = {"a.txt", "f1", "上党区", "2023-02-10", 2022, 2023, doc_a};
	struct doc b = {"b.txt", "f2", NULL, "2026-01-05", 2025, 2026, doc_b};
	struct doc c = {"c.txt", "f3", "", "2026-01-06", 2025, 2026, doc_a};
	CHECK_INT(store(m, &a, 1), 0);
	CHECK_INT(store(m, &b, 1), 0);
	CHECK_INT(store(m, &c, 1), 0);
	struct doc_info *docs;
	size_t nd;
	CHECK_INT(model_docs(m, NULL, &docs, &nd), 0);
	CHECK_INT(nd, 3);
	model_docs_free(docs, nd);
	CHECK_INT(model_docs(m, "", &docs, &nd), 0); /* no known region: NULL and "" */
	CHECK_INT(nd, 2);
	model_docs_free(docs, nd);
	CHECK_INT(model_docs(m, "上党区", &docs, &nd), 0);
	CHECK_INT(nd, 1);
	if (nd == 1)
		CHECK_STR(docs[0].source, "a.txt");
	model_docs_free(docs, nd);
	CHECK_INT(model_docs(m, "潞州区", &docs, &nd), 0);
	CHECK_INT(nd, 0);
	model_docs_free(docs, nd);

	struct indicator_row *ir;
	size_t ni;
	CHECK_INT(model_indicators(m, NULL, &ir, &ni), 0);
	CHECK_INT(ni, 3);
	model_indicators_free(ir, ni);
	struct indicator_filter f = {.region = "上党区"};
	CHECK_INT(model_indicators(m, &f, &ir, &ni), 0);
	CHECK_INT(ni, 1);
	if (ni == 1)
		CHECK_STR(ir[0].source, "a.txt");
	model_indicators_free(ir, ni);
	struct doc_info d;
	CHECK_INT(model_doc_find(m, "c.txt", &d), 0);
	f = (struct indicator_filter){.doc = d.id};
	doc_info_clear(&d);
	CHECK_INT(model_indicators(m, &f, &ir, &ni), 0);
	CHECK_INT(ni, 1);
	if (ni == 1)
		CHECK_STR(ir[0].source, "c.txt");
	model_indicators_free(ir, ni);
	f = (struct indicator_filter){.region = "上党区", .year = 1999};
	CHECK_INT(model_indicators(m, &f, &ir, &ni), 0);
	CHECK_INT(ni, 0);
	model_indicators_free(ir, ni);
	model_close(m);
}

static void test_open(void)
{
	/* a file that is not a database */
	write_file(db_path("junk.db"),
	           "this is not a database, just text long enough to have a header...");
	char *err = NULL;
	model *m = model_open(db_path("junk.db"), &err);
	CHECK(m == NULL);
	CHECK(err && strstr(err, "not a baogao database") != NULL);
	free(err);
	/* another program's SQLite database is left alone */
	sqlite3 *other;
	CHECK_INT(sqlite3_open(db_path("other.db"), &other), SQLITE_OK);
	sqlite3_exec(other, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", NULL, NULL, NULL);
	sqlite3_close(other);
	err = NULL;
	m = model_open(db_path("other.db"), &err);
	CHECK(m == NULL);
	CHECK(err && strstr(err, "not a baogao one") != NULL);
	free(err);
	/* a newer schema than this program knows */
	m = model_open(db_path("new.db"), NULL);
	CHECK(m != NULL);
	if (m) {
		sqlite3_exec(model_db(m), "PRAGMA user_version = 99", NULL, NULL, NULL);
		model_close(m);
	}
	err = NULL;
	m = model_open(db_path("new.db"), &err);
	CHECK(m == NULL);
	CHECK(err && strstr(err, "newer") != NULL);
	free(err);
	/* a typo'd path does not grow folders; the default place is made */
	err = NULL;
	m = model_open(db_path("deep/er/x.db"), &err);
	CHECK(m == NULL);
	CHECK(err && strstr(err, "deep/er/x.db") != NULL);
	free(err);
	struct stat st;
	CHECK(stat(db_path("deep"), &st) != 0);
	CHECK_INT(model_make_parent_dirs(db_path("deep/er/x.db")), 0);
	m = model_open(db_path("deep/er/x.db"), NULL);
	CHECK(m != NULL);
	model_close(m);
	CHECK(stat(db_path("deep/er/x.db"), &st) == 0);
	err = NULL;
	CHECK(model_open("", &err) == NULL);
	CHECK(err && strstr(err, "empty") != NULL);
	free(err);
	/* another program's database is left exactly as it was: no WAL switch
	 * (header bytes 18-19), no tables */
	CHECK(sqlite3_open(db_path("app.db"), &other) == SQLITE_OK);
	sqlite3_exec(other, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", NULL, NULL, NULL);
	sqlite3_close(other);
	unsigned char before[100], after[100];
	FILE *f = fopen(db_path("app.db"), "rb");
	CHECK(f && fread(before, 1, 100, f) == 100);
	if (f)
		fclose(f);
	err = NULL;
	CHECK(model_open(db_path("app.db"), &err) == NULL);
	CHECK(err && strstr(err, "not a baogao") != NULL);
	free(err);
	f = fopen(db_path("app.db"), "rb");
	CHECK(f && fread(after, 1, 100, f) == 100);
	if (f)
		fclose(f);
	CHECK(memcmp(before, after, 100) == 0);
	CHECK(before[18] == 1 && before[19] == 1);
	/* one with another application id, even without tables */
	CHECK(sqlite3_open(db_path("app2.db"), &other) == SQLITE_OK);
	sqlite3_exec(other, "PRAGMA application_id = 1234; PRAGMA user_version = 3;", NULL, NULL,
	             NULL);
	sqlite3_close(other);
	err = NULL;
	CHECK(model_open(db_path("app2.db"), &err) == NULL);
	CHECK(err && strstr(err, "another program") != NULL);
	free(err);
	/* a negative schema version is refused like a newer one */
	m = model_open(db_path("neg.db"), NULL);
	CHECK(m != NULL);
	if (m) {
		sqlite3_exec(model_db(m), "PRAGMA user_version = -3", NULL, NULL, NULL);
		model_close(m);
	}
	err = NULL;
	CHECK(model_open(db_path("neg.db"), &err) == NULL);
	CHECK(err && strstr(err, "-3") != NULL);
	free(err);
	/* ours says so */
	m = model_open(db_path("ours.db"), NULL);
	CHECK(m != NULL);
	if (m) {
		CHECK_INT(sql_long(m, "PRAGMA application_id"), (long)MODEL_APPLICATION_ID);
		model_close(m);
	}
	/* a path that cannot be a database */
	err = NULL;
	m = model_open(dir, &err);
	CHECK(m == NULL);
	CHECK(err && *err);
	free(err);
}

/* The schema of version 1, as released: a database made by it opens,
 * migrates, gets its counts and a rebuilt index. */
static const char v1_schema[] =
    "CREATE TABLE documents(id INTEGER PRIMARY KEY, source TEXT NOT NULL, path TEXT,"
    " hash TEXT NOT NULL UNIQUE, encoding TEXT, region TEXT, kind TEXT, date TEXT, title TEXT,"
    " review_year INTEGER, plan_year INTEGER, bytes INTEGER, ingested_at TEXT);"
    "CREATE INDEX documents_source ON documents(source);"
    "CREATE INDEX documents_region ON documents(region);"
    "CREATE TABLE sections(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id)"
    " ON DELETE CASCADE, parent_id INTEGER, local INTEGER, level INTEGER, kind TEXT, number TEXT,"
    " title TEXT, line INTEGER);"
    "CREATE TABLE paragraphs(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES"
    " documents(id) ON DELETE CASCADE, section_id INTEGER, ord INTEGER, kind TEXT,"
    " text TEXT NOT NULL, joins INTEGER, line INTEGER);"
    "CREATE INDEX paragraphs_doc ON paragraphs(doc_id, ord);"
    "CREATE TABLE glossary(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id)"
    " ON DELETE CASCADE, section_id INTEGER, number INTEGER, term TEXT, definition TEXT);"
    "CREATE TABLE indicators(id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES"
    " documents(id) ON DELETE CASCADE, paragraph_id INTEGER, section_id INTEGER,"
    " indicator TEXT NOT NULL, name TEXT, year INTEGER, kind TEXT, value TEXT, value_num REAL,"
    " unit TEXT, growth REAL, qualifier TEXT, period TEXT, start INTEGER, end INTEGER);"
    "CREATE VIRTUAL TABLE para_fts USING fts5(fold, content='', tokenize='trigram');"
    "INSERT INTO documents(id, source, hash, region) VALUES(1, 'old.txt', 'h0', '潞城区');"
    "INSERT INTO paragraphs(id, doc_id, ord, kind, text) VALUES(1, 1, 1, 'text', "
    "'旧库里的ＧＤＰ文本。'),"
    " (2, 1, 2, 'text', '第二段旧文本。');"
    "INSERT INTO para_fts(rowid, fold) VALUES(1, '旧库里的GDP文本。'), (2, '第二段旧文本。');"
    "PRAGMA user_version = 1;";

static void test_migrate(void)
{
	sqlite3 *db;
	CHECK_INT(sqlite3_open(db_path("v1.db"), &db), SQLITE_OK);
	char *e = NULL;
	CHECK_INT(sqlite3_exec(db, v1_schema, NULL, NULL, &e), SQLITE_OK);
	if (e)
		fprintf(stderr, "v1 schema: %s\n", e);
	sqlite3_free(e);
	sqlite3_close(db);

	char *err = NULL;
	model *m = model_open(db_path("v1.db"), &err);
	CHECK_MSG(m != NULL, "%s", err ? err : "");
	free(err);
	if (!m)
		return;
	CHECK_INT(sql_long(m, "PRAGMA user_version"), MODEL_SCHEMA_VERSION);
	struct doc_info d;
	CHECK_INT(model_doc_find(m, "old.txt", &d), 0);
	CHECK_INT(d.paragraphs, 2);
	doc_info_clear(&d);
	CHECK_INT(count(m, "GDP文本", 0, 0, NULL), 1); /* through the rebuilt index */
	CHECK_INT(count(m, "旧文本", 0, 0, NULL), 1);
	char buf[128];
	CHECK_STR(sql_text(m, "SELECT value FROM meta WHERE key = 'fold'", buf, sizeof buf),
	          model_fold_fingerprint());
	/* the old document can be replaced: its index rows come out cleanly */
	static const char *const fresh[] = {"新文本。", NULL};
	struct doc nd = {"old.txt", "h9", "潞城区", NULL, 0, 0, fresh};
	CHECK_INT(store(m, &nd, 1), 0);
	CHECK_INT(count(m, "旧文本", 0, 0, NULL), 0);
	char *report = NULL;
	CHECK_INT(model_check(m, &report), 0);
	free(report);

	/* an index built by a program that folds differently is rebuilt */
	sqlite3_exec(model_db(m),
	             "UPDATE meta SET value = 'another-fold' WHERE key = 'fold';"
	             "INSERT INTO " MODEL_FTS_TABLE "(" MODEL_FTS_TABLE ") VALUES('delete-all');",
	             NULL, NULL, NULL);
	CHECK_INT(count(m, "新文本", 0, 0, NULL), 0); /* (the index is empty now) */
	model_close(m);
	m = model_open(db_path("v1.db"), NULL);
	CHECK(m != NULL);
	if (m) {
		CHECK_INT(count(m, "新文本", 0, 0, NULL), 1);
		CHECK_STR(sql_text(m, "SELECT value FROM meta WHERE key = 'fold'", buf, sizeof buf),
		          model_fold_fingerprint());
		model_close(m);
	}
}

static void test_default_path(void)
{
	setenv("BAOGAO_DB", "/x/y.db", 1);
	char *p = model_default_path(NULL);
	CHECK_STR(p, "/x/y.db");
	free(p);
	p = model_default_path("/given.db");
	CHECK_STR(p, "/given.db");
	free(p);
	unsetenv("BAOGAO_DB");
	setenv("XDG_DATA_HOME", "/data", 1);
	p = model_default_path(NULL);
	CHECK_STR(p, "/data/baogao/baogao.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/someone", 1);
	p = model_default_path(NULL);
	CHECK_STR(p, "/home/someone/.local/share/baogao/baogao.db");
	free(p);
}

/* The words of kind and qualifier and their enums, both ways. */
static void test_vocabulary(void)
{
	for (int k = KIND_RESULT; k < KIND_OTHER; k++)
		CHECK_INT(ind_kind_by_name(ind_kind_name((enum ind_kind)k)), k);
	CHECK_STR(ind_kind_name(KIND_TARGET), "target");
	CHECK_INT(ind_kind_by_name("plan"), KIND_OTHER);
	CHECK_INT(ind_kind_by_name(NULL), KIND_OTHER);
	for (int q = QUAL_EXACT; q < QUAL_OTHER; q++)
		CHECK_INT(ind_qualifier_by_name(ind_qualifier_name((enum ind_qualifier)q)), q);
	CHECK_STR(ind_qualifier_name(QUAL_AT_LEAST), "at_least");
	CHECK_INT(ind_qualifier_by_name(NULL), QUAL_EXACT);
	CHECK_INT(ind_qualifier_by_name("roughly"), QUAL_OTHER);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_vocabulary();
	test_store();
	test_reads();
	test_filters();
	test_open();
	test_migrate();
	test_default_path();
	return model_tests_end();
}
