/* model_feed.h — the model's tests feed hand-written documents straight
 * through model_sink(), so they hold whatever the parser does.  Shared by
 * test_model.c and test_search.c. */
#ifndef BAOGAO_MODEL_FEED_H
#define BAOGAO_MODEL_FEED_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model/db.h"
#include "model/model.h"

/* mkdtemp()ed by main */
static char dir[] = "/tmp/baogao-model-XXXXXX";

static inline char *db_path(const char *name)
{
	static char p[256];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	return p;
}

/* ---- feeding documents ---- */

struct doc {
	const char *source, *hash, *region, *date;
	int review_year, plan_year;
	const char *const *paras; /* NULL-terminated */
};

/* Stores d under two sections (一、工作回顾 › （一）经济: the first paragraph
 * in the part, the others in the subsection) with a glossary entry and an
 * indicator.  Returns what doc_begin said (1 unchanged), else doc_end's. */
static inline int store(model *m, const struct doc *d, int commit)
{
	struct doc_sink s = model_sink(m);
	struct sink_doc sd = {.source = d->source,
	                      .hash = d->hash,
	                      .region = d->region,
	                      .kind = "政府工作报告",
	                      .title = "政府工作报告",
	                      .date = d->date,
	                      .review_year = d->review_year,
	                      .plan_year = d->plan_year};
	int rc = s.doc_begin(s.ctx, &sd);
	if (rc != 0 && rc != 3) /* 3: it replaces an older version */
		return rc;
	struct sink_section sec = {.id = 1,
	                           .parent = 0,
	                           .level = 1,
	                           .kind = "part",
	                           .number = "一、",
	                           .title = "工作回顾"};
	struct sink_section sub = {.id = 2,
	                           .parent = 1,
	                           .level = 2,
	                           .kind = "subsection",
	                           .number = "（一）",
	                           .title = "经济"};
	struct sink_section item = {
	    .id = 3, .parent = 2, .level = 3, .kind = "item", .number = "1.", .title = "工业"};
	if (s.section(s.ctx, &sec) || s.section(s.ctx, &sub) || s.section(s.ctx, &item))
		return -1;
	for (int i = 0; d->paras[i]; i++) {
		struct sink_paragraph p = {.ord = i + 1,
		                           .section = i ? 2 : 1,
		                           .kind = "text",
		                           .text = d->paras[i],
		                           .len = strlen(d->paras[i])};
		if (s.paragraph(s.ctx, &p))
			return -1;
	}
	struct sink_glossary g = {.term = "“煤八条”",
	                          .definition = "一是巩固煤炭资源整合成果",
	                          .number = 4,
	                          .section = 1};
	struct sink_indicator ind = {.indicator = "地区生产总值",
	                             .name = "GDP",
	                             .year = 2022,
	                             .kind = "result",
	                             .value = "1,367.5",
	                             .unit = "亿元",
	                             .growth = 6.5,
	                             .has_growth = 1,
	                             .qualifier = "exact",
	                             .paragraph = 1,
	                             .section = 1,
	                             .start = 0,
	                             .end = 5};
	if (s.glossary(s.ctx, &g) || s.indicator(s.ctx, &ind))
		return -1;
	return s.doc_end(s.ctx, commit);
}

static inline long sql_long(model *m, const char *sql)
{
	sqlite3_stmt *st = model_prepare(m, sql);
	long v = st && sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return v;
}

static inline const char *sql_text(model *m, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *st = model_prepare(m, sql);
	buf[0] = '\0';
	if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

static inline long count_q(model *m, const struct search_query *q)
{
	struct search_count *c;
	size_t n;
	long total;
	if (model_search_count(m, q, &c, &n, &total) < 0)
		return -1;
	long sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += c[i].count;
	model_search_count_free(c, n);
	return sum == total ? total : -2;
}

static inline long count(model *m, const char *pattern, int regex, int icase, const char *region)
{
	struct search_query q = {
	    .pattern = pattern, .regex = regex, .icase = icase, .region = region};
	return count_q(m, &q);
}

static const char *const doc_a[] = {
    "全区地区生产总值完成367亿元，增长6.5%。建设专业镇，专业镇专业镇。",
    "招商引资成效明显，光伏产业链加快发展。ＧＤＰ增长７%以上。",
    "Latin words: GDP and gdp and Gdp.（一）和(一)。",
    NULL,
};
static const char *const doc_b[] = {"潞州区招商推介会。专业镇建设。", NULL};

static inline int model_tests_end(void)
{
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}

#endif
