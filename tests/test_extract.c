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
	char flags[48];
	int year, has_growth, has_high, horizon, start, end, paragraph;
	double growth, high;
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
	copy(g->flags, sizeof g->flags, i->flags);
	g->has_high = i->has_growth_high;
	g->high = i->growth_high;
	g->horizon = i->horizon;
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

static const struct doc_sink sink = {.doc_begin = ok_doc,
                                     .section = ok_sec,
                                     .paragraph = ok_para,
                                     .glossary = ok_gloss,
                                     .indicator = rec_ind,
                                     .doc_end = ok_end};

/* One paragraph under one part titled `part`, in a document reviewing
 * review and planning plan. */
static void run(const char *kind, const char *part, int review, int plan, const char *text)
{
	ngot = 0;
	struct extract_section sec = {1, 0, "part", "一、", part};
	struct extract_para para = {1, 1, "text", text, strlen(text)};
	struct extract_doc d = {"测试区", kind, review, plan, &sec, 1, &para, 1, 0};
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

/* what a clause's grammar says, in sentences written for these tests */
static void test_grammar(void)
{
	/* ranges in their four spellings; a fall; 不超过 and 低于 */
	run("政府工作报告", "二、2027年主要目标", 2026, 2027,
	    "全县经济社会发展的主要预期目标是：地区生产总值增长5.5%—6%，一般公共预算收入增长4%到"
	    "4.5%，固定资产投资增长8%至9%，社会消费品零售总额增长6-6.5%，单位地区生产总值能耗下降"
	    "2.5%以上，居民消费价格涨幅不超过3%，城镇登记失业率低于3.8%。");
	const struct got *g = find("地区生产总值", "target", 2027);
	CHECK(g && strcmp(g->qualifier, "range") == 0 && g->growth == 5.5 && g->has_high &&
	      g->high == 6);
	g = find("一般公共预算收入", "target", 2027);
	CHECK(g && strcmp(g->qualifier, "range") == 0 && g->growth == 4 && g->high == 4.5);
	g = find("固定资产投资", "target", 2027);
	CHECK(g && strcmp(g->qualifier, "range") == 0 && g->high == 9);
	g = find("社会消费品零售总额", "target", 2027);
	CHECK(g && strcmp(g->qualifier, "range") == 0 && g->growth == 6 && g->high == 6.5);
	CHECK_IND("单位GDP能耗", "target", 2027, -2.5, "at_most"); /* a fall of at least 2.5 */
	CHECK_IND("居民消费价格", "target", 2027, 3, "at_most");
	CHECK_IND("城镇登记失业率", "target", 2027, 3.8, "at_most");
	CHECK(find("城镇调查失业率", "target", 2027) == NULL); /* two measures, not one */
	CHECK(find("地区生产总值", "result", 2027) == NULL);

	/* 分别 over names with levels and over a pair; a qualifier closing the list */
	run("政府工作报告", "一、2026年工作回顾", 2026, 2027,
	    "城镇居民人均可支配收入41200元，农民人均纯收入19800元，分别增长6.1%和7.4%。城镇、农村"
	    "常住居民人均可支配收入分别达到5万元、2.2万元，分别增长5%、6%左右。");
	g = find("城镇居民人均可支配收入", "result", 2026);
	CHECK(g && g->growth == 6.1 && strcmp(g->value, "41200") == 0);
	g = find("农村居民人均纯收入", "result", 2026);
	CHECK(g && g->growth == 7.4 && strcmp(g->value, "19800") == 0);
	CHECK(find("农村居民人均可支配收入", "result", 2026) != NULL);
	for (int i = 0; i < ngot; i++)
		if (strcmp(got[i].indicator, "农村居民人均可支配收入") == 0) {
			CHECK_STR(got[i].value, "2.2");
			CHECK(got[i].growth == 6);
			CHECK_STR(got[i].qualifier, "about");
		}

	/* 均 gives every name the figure; 城乡 without 分别 is its own measure */
	run("政府工作报告", "二、2027年工作安排", 2026, 2027,
	    "主要预期目标是：城镇和农村居民人均可支配收入均增长6%"
	    "，城乡居民收入增长与经济增长同步。");
	CHECK_IND("城镇居民人均可支配收入", "target", 2027, 6, "exact");
	CHECK_IND("农村居民人均可支配收入", "target", 2027, 6, "exact");
	CHECK_IND("城乡居民人均可支配收入", "target", 2027, NAN, "in_step");

	/* levels with their qualifiers; units as written */
	run("政府工作报告", "二、2027年工作安排", 2026, 2027,
	    "今年的主要预期目标：城镇新增就业6000人以上，粮食产量稳定在3.1万吨左右，进出口总额"
	    "12.5亿美元。");
	g = find("城镇新增就业", "target", 2027);
	CHECK(g && strcmp(g->value, "6000") == 0 && strcmp(g->unit, "人") == 0 &&
	      strcmp(g->qualifier, "at_least") == 0);
	g = find("粮食产量", "target", 2027);
	CHECK(g && strcmp(g->unit, "万吨") == 0 && strcmp(g->qualifier, "about") == 0);
	g = find("进出口总额", "target", 2027);
	CHECK(g && strcmp(g->unit, "亿美元") == 0);

	/* full-width digits and ％ */
	run("政府工作报告", "一、２０２６年工作回顾", 2026, 2027,
	    "全区生产总值２８６．４亿元，比上年增长５．２％。");
	g = find("地区生产总值", "result", 2026);
	CHECK(g && g->growth == 5.2 && strcmp(g->value, "286.4") == 0);
}

/* who and when: review words, multi-year goals, lead-ins, periods */
static void test_context(void)
{
	/* a review sentence that mentions the target is a result */
	run("政府工作报告", "一、2026年工作回顾", 2026, 2027,
	    "预计全年地区生产总值增长6.3%，超过年初预期目标0.3个百分点；固定资产投资增长4%，"
	    "低于年初确定的目标。");
	CHECK_IND("地区生产总值", "result", 2026, 6.3, "exact");
	CHECK(find("地区生产总值", "target", 2027) == NULL);
	const struct got *g = find("地区生产总值", "result", 2026);
	CHECK(g && strstr(g->flags, "estimate"));

	/* multi-year figures: goals with their end year in a plan, nothing in a review */
	run("政府工作报告", "二、“十五五”时期主要目标", 2025, 2026,
	    "今后五年，全市地区生产总值年均增长5.5%左右，城镇新增就业累计达到30万人。");
	g = find("地区生产总值", "goal", 2026);
	CHECK(g && g->horizon == 2030 && g->growth == 5.5);
	CHECK(find("地区生产总值", "target", 2026) == NULL);
	run("政府工作报告", "二、2026年工作安排", 2025, 2026,
	    "到2030年，全区地区生产总值突破800亿元。今年地区生产总值增长6%。");
	g = find("地区生产总值", "goal", 2026);
	CHECK(g && g->horizon == 2030 && strcmp(g->value, "800") == 0);
	CHECK_IND("地区生产总值", "target", 2026, 6, "exact");
	run("政府工作报告", "一、过去五年和2025年工作回顾", 2025, 2026,
	    "过去五年，地区生产总值年均增长6.8%。2025年，地区生产总值增长5.1%。");
	CHECK_INT(ngot, 1);
	CHECK_IND("地区生产总值", "result", 2025, 5.1, "exact");

	/* a part that reviews five years reviews the last one too */
	run("政府工作报告", "一、过去五年工作回顾", 2025, 2026,
	    "五年来，全市地区生产总值年均增长6.1%。过去一年，全市地区生产总值增长4.8%。");
	CHECK_INT(ngot, 1);
	CHECK_IND("地区生产总值", "result", 2025, 4.8, "exact");

	/* a lead-in covers the numbered list after it */
	ngot = 0;
	struct extract_section secs[] = {{1, 0, "part", "二、", "2027年工作安排"}};
	const char *texts[] = {"今年全县发展的主要预期目标是：", "（1）地区生产总值增长6%左右；",
	                       "（2）规上工业增加值增长8%以上。", "我们将推动固定资产投资增长。"};
	struct extract_para paras[4];
	for (int i = 0; i < 4; i++)
		paras[i] = (struct extract_para){i + 1, 1, "text", texts[i], strlen(texts[i])};
	struct extract_doc d = {"测试县", "政府工作报告", 2026, 2027, secs, 1, paras, 4, 0};
	extract_indicators(&d, &sink);
	CHECK_IND("地区生产总值", "target", 2027, 6, "about");
	CHECK_IND("规模以上工业增加值", "target", 2027, 8, "at_least");
	CHECK_INT(ngot, 2);

	/* a period opening a sentence covers it; one inside a clause, that clause */
	run("政府工作报告", "一、2026年工作回顾", 2026, 2027,
	    "上半年，全县地区生产总值增长4.4%，固定资产投资增长3%；1至10月，规上工业增加值增长"
	    "7%；社会消费品零售总额增长5%。城镇新增就业1200人。");
	g = find("固定资产投资", "result", 2026);
	CHECK(g && strcmp(g->period, "上半年") == 0);
	g = find("规模以上工业增加值", "result", 2026);
	CHECK(g && strcmp(g->period, "1至10月") == 0);
	g = find("城镇新增就业", "result", 2026);
	CHECK(g && g->period[0] == '\0');

	/* 今年 in a December report is the year it reviews */
	ngot = 0;
	struct extract_section rev = {1, 0, "part", "一、", "2026年工作回顾"};
	const char *t1 = "今年以来，一季度地区生产总值增长3.2%。";
	struct extract_para p1 = {1, 1, "text", t1, strlen(t1)};
	struct extract_doc dec = {"测试县", "政府工作报告", 2026, 2027, &rev, 1, &p1, 1, 2026};
	extract_indicators(&dec, &sink);
	g = find("地区生产总值", "result", 2026);
	CHECK(g && strcmp(g->period, "一季度") == 0);
}

/* names that are part of another measure, and names that are not the same */
static void test_names(void)
{
	run("政府工作报告", "一、2026年工作回顾", 2026, 2027,
	    "人均地区生产总值达到9.1万元。研发投入占地区生产总值比重达到2.9%。单位地区生产总值"
	    "能耗下降4%。财政总收入58亿元，增长3%，其中地方公共财政收入31亿元，增长2%。");
	CHECK(find("地区生产总值", "result", 2026) == NULL);
	CHECK_IND("单位GDP能耗", "result", 2026, -4, "exact");
	CHECK_IND("财政总收入", "result", 2026, 3, "exact");
	CHECK_IND("一般公共预算收入", "result", 2026, 2, "exact");
	const struct got *g = find("一般公共预算收入", "result", 2026);
	CHECK(g && strstr(g->flags, "old_name"));
	/* a count is no amount of trade */
	run("政府工作报告", "一、2026年工作回顾", 2026, 2027, "新增进出口实绩企业41家。");
	CHECK(find("进出口总额", "result", 2026) == NULL);
}

/* Without data/indicators.tsv the names built in are that file's, whole:
 * 城镇调查失业率 and the old name ~公共财政收入 are in it, not in a shorter list. */
static void test_builtin_names(void)
{
	CHECK_INT(extract_load_names("/nonexistent/indicators.tsv"), -1);
	run("政府工作报告", "一、2026年工作回顾", 2026, 2027,
	    "城镇调查失业率控制在5.5%以内。地方公共财政收入31亿元，增长2%。");
	CHECK_IND("城镇调查失业率", "result", 2026, 5.5, "at_most");
	const struct got *g = find("一般公共预算收入", "result", 2026);
	CHECK(g && strstr(g->flags, "old_name"));
	char path[4096];
	const char *dir = getenv("top_srcdir");
	snprintf(path, sizeof path, "%s/data/indicators.tsv", dir ? dir : BAOGAO_SRCDIR);
	CHECK_INT(extract_load_names(path), 0);
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
	/* ceilings: CPI and unemployment rates, and any fall */
	struct compare_judgement j = {.indicator = "居民消费价格",
	                              .qualifier = "about",
	                              .target_has = 1,
	                              .target = 3,
	                              .result_exists = 1,
	                              .result_has = 1,
	                              .result = 1.2};
	CHECK_INT(compare_judge(&j), VERDICT_MET);
	j.result = 3.4; /* about: half a point above still met for a rate */
	CHECK_INT(compare_judge(&j), VERDICT_MET);
	j.result = 3.6;
	CHECK_INT(compare_judge(&j), VERDICT_MISSED);
	j = (struct compare_judgement){.indicator = "单位GDP能耗",
	                               .qualifier = "about",
	                               .target_has = 1,
	                               .target = -3,
	                               .result_exists = 1,
	                               .result_has = 1,
	                               .result = -2.7};
	CHECK_INT(compare_judge(&j), VERDICT_MISSED);
	j.result = -3.2;
	CHECK_INT(compare_judge(&j), VERDICT_MET);
	/* a range is met from its low end */
	j = (struct compare_judgement){.indicator = "地区生产总值",
	                               .qualifier = "range",
	                               .target_has = 1,
	                               .target = 6,
	                               .target_high = 6.5,
	                               .result_exists = 1,
	                               .result_has = 1,
	                               .result = 6.1};
	CHECK_INT(compare_judge(&j), VERDICT_MET);
	j.result = 5.9;
	CHECK_INT(compare_judge(&j), VERDICT_MISSED);
	/* levels after unit conversion: 700亿斤 against 3582.1万吨 */
	const char *dt, *dr;
	double vt, vr;
	CHECK(compare_level("700", "亿斤", &dt, &vt) && compare_level("3582.1", "万吨", &dr, &vr));
	CHECK_STR(dt, dr);
	CHECK(fabs(vr - 716.42e8) < 1);
	j = (struct compare_judgement){.indicator = "粮食产量",
	                               .qualifier = "at_least",
	                               .level = 1,
	                               .target_has = 1,
	                               .target = vt,
	                               .result_exists = 1,
	                               .result_has = 1,
	                               .result = vr};
	CHECK_INT(compare_judge(&j), VERDICT_MET);
	CHECK_STR(verdict_name(VERDICT_MET), "met");
}

int main(void)
{
	test_qualifiers();
	test_results();
	test_bulletin();
	test_grammar();
	test_context();
	test_names();
	test_builtin_names();
	test_seeds();
	test_verdicts();
	return check_done();
}
