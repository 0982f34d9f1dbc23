/* test_extract.c — indicators out of sentences, and the verdicts. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ingest/extract.h"
#include "ingest/ingest.h"
#include "model/indicators.h"

struct got {
	char indicator[64], name[64], kind[16], value[32], unit[16], qualifier[16], period[32];
	int year, has_growth, start, end, paragraph;
	double growth;
};

static struct got got[256];
static int ngot;

static void copy(char *dst, size_t n, const char *s)
{
	snprintf(dst, n, "%s", s ? s : "");
}

static int rec_ind(void *ctx, const struct sink_indicator *i)
{
	(void)ctx;
	if (ngot >= 256)
		return 0;
	struct got *g = &got[ngot++];
	copy(g->indicator, sizeof g->indicator, i->indicator);
	copy(g->name, sizeof g->name, i->name);
	copy(g->kind, sizeof g->kind, i->kind);
	copy(g->value, sizeof g->value, i->value);
	copy(g->unit, sizeof g->unit, i->unit);
	copy(g->qualifier, sizeof g->qualifier, i->qualifier);
	copy(g->period, sizeof g->period, i->period);
	g->year = i->year;
	g->has_growth = i->has_growth;
	g->growth = i->growth;
	g->start = i->start;
	g->end = i->end;
	g->paragraph = i->paragraph;
	return 0;
}

static int ok_doc(void *c, const struct sink_doc *d)
{
	(void)c;
	(void)d;
	return 0;
}
static int ok_sec(void *c, const struct sink_section *s)
{
	(void)c;
	(void)s;
	return 0;
}
static int ok_para(void *c, const struct sink_paragraph *p)
{
	(void)c;
	(void)p;
	return 0;
}
static int ok_gloss(void *c, const struct sink_glossary *g)
{
	(void)c;
	(void)g;
	return 0;
}
static int ok_end(void *c, int commit)
{
	(void)c;
	(void)commit;
	return 0;
}

static const struct doc_sink sink = {NULL, ok_doc, ok_sec, ok_para, ok_gloss, rec_ind, ok_end};

/* One paragraph under one part titled `part`, in a document reviewing
 * review and planning plan. */
static void run(const char *kind, const char *part, int review, int plan, const char *text)
{
	ngot = 0;
	struct extract_section sec = {1, 0, "part", "一、", part};
	struct extract_para para = {1, 1, "text", text, strlen(text)};
	struct extract_doc d = {"测试区", kind, review, plan, &sec, 1, &para, 1};
	extract_indicators(&d, &sink);
}

static const struct got *find(const char *indicator, const char *kind, int year)
{
	for (int i = 0; i < ngot; i++)
		if (strcmp(got[i].indicator, indicator) == 0 && strcmp(got[i].kind, kind) == 0 &&
		    got[i].year == year)
			return &got[i];
	return NULL;
}

#define CHECK_IND(IND, KIND, YEAR, GROWTH, QUAL)                                                   \
	do {                                                                                       \
		const struct got *g_ = find(IND, KIND, YEAR);                                      \
		double want_ = (GROWTH);                                                           \
		CHECK_MSG(g_ != NULL, "no %s %s %d", IND, KIND, YEAR);                             \
		if (g_) {                                                                          \
			CHECK_MSG(isnan(want_) ? !g_->has_growth                                   \
			                       : fabs(g_->growth - want_) < 1e-9,                  \
			          "%s growth %g", IND, g_->growth);                                \
			CHECK_STR(g_->qualifier, QUAL);                                            \
		}                                                                                  \
	} while (0)

static void test_qualifiers(void)
{
	run("政府工作报告", "二、2026年工作安排", 2025, 2026,
	    "2026年经济社会发展的主要预期目标是：GDP增长6.2%，规上工业增加值增长7%左右，"
	    "固定资产投资增长10%以上，社会消费品零售总额增长不低于5%，居民消费价格涨幅控制在3%"
	    "以内，"
	    "城镇常住居民人均可支配收入与经济增长基本同步，农村常住居民人均可支配收入高于经济增长水"
	    "平。");
	CHECK_IND("地区生产总值", "target", 2026, 6.2, "exact");
	CHECK_IND("规模以上工业增加值", "target", 2026, 7, "about");
	CHECK_IND("固定资产投资", "target", 2026, 10, "at_least");
	CHECK_IND("社会消费品零售总额", "target", 2026, 5, "at_least");
	CHECK_IND("居民消费价格", "target", 2026, 3, "at_most");
	CHECK_IND("城镇居民人均可支配收入", "target", 2026, NAN, "in_step");
	CHECK_IND("农村居民人均可支配收入", "target", 2026, NAN, "above");
	const struct got *g = find("地区生产总值", "target", 2026);
	if (g)
		CHECK_STR(g->name, "GDP");
	/* 控制在 … 以下 */
	run("政府工作报告", "二、2026年工作安排", 2025, 2026,
	    "主要预期目标是：城镇调查失业率控制在5.5%以下。");
	CHECK_IND("城镇调查失业率", "target", 2026, 5.5, "at_most");
}

static void test_results(void)
{
	/* full-width commas and semicolons, a period before the list */
	run("政府工作报告", "一、2025年工作回顾", 2025, 2026,
	    "前三季度，全区地区生产总值完成457.6亿元，同比增长3.9%；固定资产投资完成167."
	    "7亿元，同比增长3.4%。");
	CHECK_IND("地区生产总值", "result", 2025, 3.9, "exact");
	CHECK_IND("固定资产投资", "result", 2025, 3.4, "exact");
	const struct got *g = find("地区生产总值", "result", 2025);
	if (g) {
		CHECK_STR(g->value, "457.6");
		CHECK_STR(g->unit, "亿元");
		CHECK_STR(g->period, "前三季度");
		CHECK_INT(g->start, 0);
	}
	g = find("固定资产投资", "result", 2025);
	if (g)
		CHECK_STR(g->period, "前三季度"); /* the sentence's period covers its list */
	/* ASCII commas, spaces around numbers, the exact figure in brackets */
	run("政府工作报告", "一、迎难而上，2022 年经济社会发展取得较好成绩", 2022, 2023,
	    "全年地区生产总值完成 367 亿元,同比增长 6.5%;城镇居民人均可支配收入突破 4 万元(达 "
	    "40804 元),同比增长 5.3%。");
	CHECK_IND("地区生产总值", "result", 2022, 6.5, "exact");
	g = find("城镇居民人均可支配收入", "result", 2022);
	if (g) {
		CHECK_STR(g->value, "40804");
		CHECK_STR(g->unit, "元");
	}
	/* a decline is a negative growth */
	run("政府工作报告", "一、2025年工作回顾", 2025, 2026,
	    "原煤产量完成3325万吨，同比下降2.1%。");
	CHECK_IND("原煤产量", "result", 2025, -2.1, "exact");
	/* figures over several years are not one year's indicator */
	run("解读", "综合实力稳步提升", 2025, 0,
	    "全市地区生产总值五年增量超900亿元。固定资产投资累计完成4850亿元以上。");
	CHECK_INT(ngot, 0);
	/* a plan's words without a target cue are not a target */
	run("政府工作报告", "二、2026年工作安排", 2025, 2026,
	    "我们将推动地区生产总值实现新突破，建成项目20个。");
	CHECK(find("地区生产总值", "target", 2026) == NULL);
	/* 力争 in a plan */
	run("政府工作报告", "二、2026年工作安排", 2025, 2026, "力争一般公共预算收入增长3%以上。");
	CHECK_IND("一般公共预算收入", "target", 2026, 3, "at_least");
}

static void test_bulletin(void)
{
	run("统计公报", "一、综合", 2024, 0,
	    "2024年全区地区生产总值完成380.5亿元，比上年增长5.0%。全年粮食总产量12.3万吨，增长1.2%"
	    "。"
	    "全年居民消费价格比上年上涨0.4%。");
	CHECK_IND("地区生产总值", "result", 2024, 5.0, "exact");
	CHECK_IND("粮食产量", "result", 2024, 1.2, "exact");
	const struct got *g = find("粮食产量", "result", 2024);
	if (g)
		CHECK_STR(g->unit, "万吨");
}

static void test_seeds(void)
{
	/* the whole path: the parser joins page breaks, then extraction reads */
	const char *dir = getenv("BAOGAO_DATADIR");
	char path[1024];
	const char *files[] = {"000_52f92cdd47a860e0.txt", "004_bc0ee4ffd7aec591.txt"};
	for (int f = 0; f < 2; f++) {
		snprintf(path, sizeof path, "%s/seeds/%s", dir ? dir : BAOGAO_SRCDIR, files[f]);
		FILE *fp = fopen(path, "rb");
		CHECK_MSG(fp != NULL, "%s", path);
		if (!fp)
			return;
		static char buf[1 << 17];
		size_t n = fread(buf, 1, sizeof buf, fp);
		fclose(fp);
		ngot = 0;
		const char *reason;
		CHECK_INT(ingest_buffer(&sink, path, buf, n, &reason), INGEST_STORED);
		if (f == 0) {
			CHECK_IND("地区生产总值", "result", 2025, 3.9, "exact");
			CHECK_IND("固定资产投资", "result", 2025, 3.4, "exact");
			CHECK_IND("社会消费品零售总额", "result", 2025, 4.6, "exact");
			CHECK_IND("城镇居民人均可支配收入", "result", 2025, 3.4, "exact");
			CHECK_IND("农村居民人均可支配收入", "result", 2025, 4.7, "exact");
			CHECK_IND("地区生产总值", "target", 2026, 6.2, "exact");
			CHECK_IND("规模以上工业增加值", "target", 2026, 7, "about");
			CHECK_IND("固定资产投资", "target", 2026, 10, "at_least");
			CHECK_IND("社会消费品零售总额", "target", 2026, 5, "at_least");
			CHECK_IND("城镇居民人均可支配收入", "target", 2026, NAN, "in_step");
			CHECK_IND("农村居民人均可支配收入", "target", 2026, NAN, "above");
			CHECK_IND("一般公共预算收入", "target", 2026, 3, "at_least");
		} else {
			CHECK_IND("地区生产总值", "result", 2022, 6.5, "exact");
			CHECK_IND("规模以上工业增加值", "result", 2022, 8.9, "exact");
			CHECK_IND("一般公共预算收入", "result", 2022, 34.7, "exact");
			CHECK_IND("固定资产投资", "result", 2022, 10.7, "exact");
			CHECK_IND("城镇居民人均可支配收入", "result", 2022, 5.3, "exact");
			CHECK_IND("农村居民人均可支配收入", "result", 2022, 7.9, "exact");
			CHECK_IND("地区生产总值", "target", 2023, 7, "at_least");
			CHECK_IND("固定资产投资", "target", 2023, 9.5, "exact");
			CHECK_IND("社会消费品零售总额", "target", 2023, 8, "exact");
			CHECK_IND("一般公共预算收入", "target", 2023, 6, "exact");
			CHECK_IND("规模以上工业增加值", "target", 2023, 8.5, "exact");
			CHECK_IND("居民消费价格", "target", 2023, 3, "about");
			CHECK_IND("城镇居民人均可支配收入", "target", 2023, NAN, "in_step");
			CHECK_IND("农村居民人均可支配收入", "target", 2023, NAN, "above");
			const struct got *g = find("地区生产总值", "result", 2022);
			if (g) {
				CHECK_STR(g->value, "367");
				CHECK_STR(g->unit, "亿元");
			}
		}
	}
}

static void test_verdicts(void)
{
	CHECK_INT(compare_verdict("at_least", 1, 7, 0, 0, 0, 0, 0), VERDICT_PENDING);
	CHECK_INT(compare_verdict("at_least", 1, 7, 1, 1, 7.0, 0, 0), VERDICT_MET);
	CHECK_INT(compare_verdict("at_least", 1, 7, 1, 1, 6.9, 0, 0), VERDICT_MISSED);
	CHECK_INT(compare_verdict("exact", 1, 6.2, 1, 1, 6.2, 0, 0), VERDICT_MET);
	CHECK_INT(compare_verdict("exact", 1, 6.2, 1, 1, 3.9, 0, 0), VERDICT_MISSED);
	CHECK_INT(compare_verdict("about", 1, 7, 1, 1, 6.5, 0, 0), VERDICT_MET);
	CHECK_INT(compare_verdict("about", 1, 7, 1, 1, 6.4, 0, 0), VERDICT_MISSED);
	CHECK_INT(compare_verdict("at_most", 1, 3, 1, 1, 2.0, 0, 0), VERDICT_MET);
	CHECK_INT(compare_verdict("at_most", 1, 3, 1, 1, 3.1, 0, 0), VERDICT_MISSED);
	CHECK_INT(compare_verdict("in_step", 0, 0, 1, 1, 6.0, 1, 6.5), VERDICT_MET);
	CHECK_INT(compare_verdict("in_step", 0, 0, 1, 1, 5.9, 1, 6.5), VERDICT_MISSED);
	CHECK_INT(compare_verdict("in_step", 0, 0, 1, 1, 6.0, 0, 0), VERDICT_UNKNOWN);
	CHECK_INT(compare_verdict("above", 0, 0, 1, 1, 7.9, 1, 6.5), VERDICT_MET);
	CHECK_INT(compare_verdict("above", 0, 0, 1, 1, 6.5, 1, 6.5), VERDICT_MISSED);
	CHECK_INT(compare_verdict("at_least", 1, 7, 1, 0, 0, 0, 0), VERDICT_UNKNOWN);
	CHECK_STR(verdict_name(VERDICT_PENDING), "pending");
	CHECK_STR(verdict_name(VERDICT_MET), "met");
}

int main(void)
{
	test_qualifiers();
	test_results();
	test_bulletin();
	test_seeds();
	test_verdicts();
	return check_done();
}
