/* test_model.c — the SQLite model fed directly through its sink, so these
 * tests hold whatever the parser does. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "model/db.h"
#include "model/model.h"

static char dir[] = "/tmp/baogao-model-XXXXXX";

static char *db_path(const char *name)
{
	static char p[256];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return p;
}

/* Stores a document of paragraphs (NULL-terminated) under one section;
 * returns what doc_begin said (0 stored, 1 unchanged) or -1. */
static int store(model *m, const char *source, const char *hash, const char *region,
                 const char *const *paras, int commit)
{
	struct doc_sink s = model_sink(m);
	struct sink_doc d = {.source = source, .hash = hash, .region = region, .kind = "政府工作报告",
	                     .title = "政府工作报告", .review_year = 2022, .plan_year = 2023, .date = "2023-06-16"};
	int rc = s.doc_begin(s.ctx, &d);
	if (rc != 0)
		return rc;
	struct sink_section sec = {.id = 1, .parent = 0, .level = 1, .kind = "part", .number = "一、",
	                           .title = "工作回顾"};
	struct sink_section sub = {.id = 2, .parent = 1, .level = 2, .kind = "subsection", .number = "（一）",
	                           .title = "经济"};
	if (s.section(s.ctx, &sec) || s.section(s.ctx, &sub))
		return -1;
	for (int i = 0; paras[i]; i++) {
		struct sink_paragraph p = {.ord = i + 1, .section = i ? 2 : 1, .kind = "text",
		                           .text = paras[i], .len = strlen(paras[i])};
		if (s.paragraph(s.ctx, &p))
			return -1;
	}
	struct sink_glossary g = {.term = "“煤八条”", .definition = "一是巩固煤炭资源整合成果", .number = 4,
	                          .section = 1};
	struct sink_indicator ind = {.indicator = "地区生产总值", .name = "GDP", .year = 2022,
	                             .kind = "result", .value = "367", .unit = "亿元", .growth = 6.5,
	                             .has_growth = 1, .qualifier = "exact", .paragraph = 1, .section = 1,
	                             .start = 0, .end = 5};
	if (s.glossary(s.ctx, &g) || s.indicator(s.ctx, &ind))
		return -1;
	return s.doc_end(s.ctx, commit);
}

static long count(model *m, const char *pattern, int regex, int icase, const char *region)
{
	struct search_query q = {.pattern = pattern, .regex = regex, .icase = icase, .region = region};
	struct search_count *c;
	size_t n;
	long total;
	if (model_search_count(m, &q, &c, &n, &total) < 0)
		return -1;
	model_search_count_free(c, n);
	return total;
}

struct hits {
	int n;
	size_t cp_start[8], byte_start[8];
	char path[256];
};

static int on_hit(void *ctx, const struct search_hit *h)
{
	struct hits *k = ctx;
	if (k->n < 8) {
		k->cp_start[k->n] = h->cp_start;
		k->byte_start[k->n] = h->byte_start;
	}
	snprintf(k->path, sizeof k->path, "%s", h->section_path);
	k->n++;
	return 0;
}

static const char *const doc_a[] = {
	"全区地区生产总值完成367亿元，增长6.5%。建设专业镇，专业镇专业镇。",
	"招商引资成效明显，光伏产业链加快发展。ＧＤＰ增长７%以上。",
	"Latin words: GDP and gdp and Gdp.",
	NULL,
};
static const char *const doc_b[] = {
	"潞州区招商推介会。专业镇建设。",
	NULL,
};

static void test_store_and_search(void)
{
	model *m = model_open(db_path("a.db"), NULL);
	CHECK(m != NULL);
	if (!m)
		return;
	CHECK_INT(model_doc_count(m), 0);
	CHECK_INT(store(m, "a.txt", "h1", "上党区", doc_a, 1), 0);
	CHECK_INT(store(m, "b.txt", "h2", "潞州区", doc_b, 1), 0);
	CHECK_INT(model_doc_count(m), 2);
	/* same content again: unchanged, whatever its name */
	CHECK_INT(store(m, "copy.txt", "h1", "上党区", doc_a, 1), 1);
	CHECK_INT(model_doc_count(m), 2);

	/* long literal (FTS), short literal (instr), folded (scan) agree with the text */
	CHECK_INT(count(m, "专业镇", 0, 0, NULL), 4);
	CHECK_INT(count(m, "招商", 0, 0, NULL), 2);
	CHECK_INT(count(m, "镇", 0, 0, NULL), 4);
	CHECK_INT(count(m, "GDP", 0, 0, NULL), 2);       /* GDP and ＧＤＰ */
	CHECK_INT(count(m, "ＧＤＰ", 0, 0, NULL), 2);    /* folded both ways */
	CHECK_INT(count(m, "gdp", 0, 1, NULL), 4);       /* -i */
	CHECK_INT(count(m, "Gd", 0, 0, NULL), 1);        /* short, foldable: full scan */
	CHECK_INT(count(m, "7%", 0, 0, NULL), 1);        /* ７% folded */
	CHECK_INT(count(m, "专业镇", 0, 0, "潞州区"), 1);
	CHECK_INT(count(m, "没有的词", 0, 0, NULL), 0);

	/* regexes: with an FTS literal, an alternation, a short literal, none */
	CHECK_INT(count(m, "专业镇", 1, 0, NULL), 4);
	CHECK_INT(count(m, "专业镇|招商引资", 1, 0, NULL), 5);
	CHECK_INT(count(m, "招.", 1, 0, NULL), 2);
	CHECK_INT(count(m, "增长[0-9.]+%", 1, 0, NULL), 2); /* 6.5% and ７% */
	CHECK_INT(count(m, "增长\\d+%", 1, 0, NULL), 1);  /* ７ folded to 7 */
	CHECK_INT(count(m, "gdp", 1, 1, NULL), 4);
	CHECK_INT(count(m, "(?x) 专 业 镇", 1, 0, NULL), 4); /* no literal prefilter under (?x) */
	CHECK_INT(count(m, "x*", 1, 0, NULL), 0);           /* empty matches are not hits */
	CHECK_INT(count(m, "(", 1, 0, NULL), -1);
	CHECK(strstr(model_error(m), "offset") != NULL);

	/* offsets: code points and bytes of the stored text */
	struct hits k = {0};
	struct search_query q = {.pattern = "专业镇", .doc = 1};
	CHECK_INT(model_search(m, &q, on_hit, &k), 0);
	CHECK_INT(k.n, 3);
	CHECK_INT(k.cp_start[0], 25);
	CHECK_INT(k.byte_start[0], 18 * 3 + 7); /* 18 CJK characters, "367" and "6.5%" */
	CHECK_STR(k.path, "一、工作回顾");
	k.n = 0;
	q.pattern = "光伏";
	CHECK_INT(model_search(m, &q, on_hit, &k), 0);
	CHECK_STR(k.path, "一、工作回顾 › （一）经济");

	/* a changed file replaces its old version, index included */
	static const char *const doc_b2[] = {"潞州区新的文本。", NULL};
	CHECK_INT(store(m, "b.txt", "h3", "潞州区", doc_b2, 1), 0);
	CHECK_INT(model_doc_count(m), 2);
	CHECK_INT(count(m, "推介会", 0, 0, NULL), 0);
	CHECK_INT(count(m, "新的文本", 0, 0, NULL), 1);
	/* an aborted document leaves nothing */
	static const char *const doc_c[] = {"回滚的文本在这里。", NULL};
	CHECK_INT(store(m, "c.txt", "h4", "长治市", doc_c, 0), 0);
	CHECK_INT(model_doc_count(m), 2);
	CHECK_INT(count(m, "回滚的文本", 0, 0, NULL), 0);

	char *report = NULL;
	CHECK_INT(model_check(m, &report), 0);
	free(report);
	model_close(m);
}

static int counter(void *ctx, const struct para_info *p)
{
	(void)p;
	(*(int *)ctx)++;
	return 0;
}

static void test_reads(void)
{
	model *m = model_open(db_path("a.db"), NULL);
	CHECK(m != NULL);
	if (!m)
		return;
	struct doc_info d;
	CHECK_INT(model_doc_find(m, "a.txt", &d), 0);
	CHECK_STR(d.region, "上党区");
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

	struct region_info *r;
	size_t nr;
	CHECK_INT(model_regions(m, &r, &nr), 0);
	CHECK_INT(nr, 2);
	model_regions_free(r, nr);

	struct section_info *s;
	size_t ns;
	CHECK_INT(model_sections(m, id, &s, &ns), 0);
	CHECK_INT(ns, 2);
	if (ns == 2) {
		CHECK_STR(s[0].number, "一、");
		CHECK(s[1].parent == s[0].id);
		CHECK_INT(s[1].paragraphs, 2);
		/* a section's paragraphs include its subsections' */
		int n = 0;
		CHECK_INT(model_paragraphs(m, id, s[0].id, counter, &n), 0);
		CHECK_INT(n, 3);
		n = 0;
		CHECK_INT(model_paragraphs(m, id, s[1].id, counter, &n), 0);
		CHECK_INT(n, 2);
	}
	model_sections_free(s, ns);

	struct glossary_entry *g;
	size_t ng;
	CHECK_INT(model_glossary(m, "煤八条", &g, &ng), 0);
	CHECK_INT(ng, 2); /* one in each document */
	if (ng)
		CHECK_STR(g[0].definition, "一是巩固煤炭资源整合成果");
	model_glossary_free(g, ng);

	/* WAL, foreign keys and the schema version */
	sqlite3_stmt *st = model_prepare(m, "PRAGMA journal_mode");
	CHECK(st && sqlite3_step(st) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0);
	sqlite3_finalize(st);
	st = model_prepare(m, "PRAGMA user_version");
	CHECK(st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == MODEL_SCHEMA_VERSION);
	sqlite3_finalize(st);
	model_close(m);
}

static void test_refusals(void)
{
	/* a file that is not a database */
	FILE *fp = fopen(db_path("junk.db"), "w");
	fputs("this is not a database, just text that is long enough to have a header......", fp);
	fclose(fp);
	char *err = NULL;
	model *m = model_open(db_path("junk.db"), &err);
	CHECK(m == NULL);
	CHECK(err && strstr(err, "not a") != NULL);
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
	/* directories are made on the way */
	m = model_open(db_path("deep/er/x.db"), NULL);
	CHECK(m != NULL);
	model_close(m);
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
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_store_and_search();
	test_reads();
	test_refusals();
	test_default_path();
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
