/* extract.c — quantitative statements (indicators) out of a parsed document.
 *
 * Three questions, each answered from how reports are written:
 *
 *  - What part is a paragraph in?  Its sections' titles say: a review
 *    ("一、2025年工作回顾", "过去一年的工作回顾", "2021年成绩单"), this
 *    year's plan ("二、2026年工作安排", "今年的主要任务", "主要预期目标") or
 *    a multi-year plan ("“十四五”时期主要目标").  A year in a title is
 *    read against the years the document reviews and plans.
 *  - What does a sentence state?  Each clause (；) is read from one name to
 *    the next (names.c), each stretch's figures by figures.c; 分别 and 均
 *    spread figures over the names before them, in order.
 *  - Of which year, and is it a result, a target or a goal?  The part, then
 *    the cue words of the sentence: multi-year words (年均, 累计, 到2025年,
 *    “十四五”期间) make a goal (or nothing, in a review), review words
 *    (预计, 超过年初预期目标) a result, target words (预期目标是, 力争) a
 *    target.  A lead-in that ends in "：" covers the list after it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "ingest/extract.h"
#include "ingest/figures.h"
#include "ingest/names.h"
#include "text/chars.h"
#include "text/text.h"

int extract_load_names(const char *path)
{
	return names_load(path);
}

/* ---- the part a section belongs to ---- */

enum part { PART_NONE, PART_REVIEW, PART_PLAN, PART_GOALS, PART_PAST };

struct part_info {
	enum part part;
	int year;        /* the year its title names, 0 none */
	int horizon;     /* PART_GOALS: the end year */
	int target_word; /* a title says 目标: its figures are targets without a cue */
};

/* "十四五" (with or without quotes) at i: the plan's end year, 0 none */
static int five_year_plan(const struct xtext *t, size_t i, size_t b)
{
	if (i + 3 > b || t->cp[i] != 0x5341 /* 十 */ || t->cp[i + 2] != 0x4E94 /* 五 */)
		return 0;
	static const uint32_t nums[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94}; /* 一…五 */
	for (int k = 0; k < 5; k++)
		if (t->cp[i + 1] == nums[k])
			return 2010 + 5 * k;
	return 0;
}

/* a year "2025年" / "2025 年" starting at i, 0 none */
static int year_at(const struct xtext *t, size_t i, size_t b)
{
	if (i + 5 > b || (i > 0 && xt_is_digit(t->cp[i - 1])))
		return 0;
	int y = 0;
	for (size_t k = i; k < i + 4; k++) {
		if (!xt_is_digit(t->cp[k]))
			return 0;
		y = y * 10 + (int)(t->cp[k] - '0');
	}
	size_t j = i + 4;
	while (j < b && t->cp[j] == ' ')
		j++;
	return j < b && t->cp[j] == 0x5E74 /* 年 */ && y >= 1980 && y <= 2199 ? y : 0;
}

struct folded {
	uint32_t *cp;
	size_t n;
};

static int fold(const char *s, size_t len, struct folded *f)
{
	f->cp = malloc((len + 1) * sizeof *f->cp);
	f->n = 0;
	if (!f->cp)
		return -1;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		f->cp[f->n++] = text_fold_cp(cp, 0);
	}
	return 0;
}

static const char *const review_title_words[] = {"回顾", "过去", "成绩", "成就",
                                                 "总结", "成效", NULL};
static const char *const plan_title_words[] = {"目标", "任务", "安排", "部署",     "建议", "要求",
                                               "取向", "打算", "计划", "重点工作", "今年", NULL};

static struct part_info classify_title(const struct extract_doc *d, const char *title, int top)
{
	struct part_info pi = {0};
	struct folded f;
	if (!title || fold(title, strlen(title), &f) < 0)
		return pi;
	struct xtext t = {f.cp, f.n};
	int multi = 0;
	for (size_t i = 0; i < t.n; i++) {
		int y = year_at(&t, i, t.n);
		if (y && !pi.year)
			pi.year = y;
		int h = five_year_plan(&t, i, t.n);
		if (h)
			multi = h;
	}
	if (xt_has(&t, 0, t.n, "五年"))
		multi = multi ? multi : (d->plan_year ? d->plan_year + 4 : 0);
	int review = xt_has_any(&t, 0, t.n, review_title_words);
	int plan = xt_has_any(&t, 0, t.n, plan_title_words);
	int one_year = pi.year || xt_has(&t, 0, t.n, "一年") || xt_has(&t, 0, t.n, "今年");
	pi.target_word = xt_has(&t, 0, t.n, "目标");
	if (multi && !one_year) {
		pi.part = review ? PART_PAST : PART_GOALS;
		pi.horizon = multi;
	} else if (pi.year) {
		if (d->plan_year && pi.year >= d->plan_year)
			pi.part = PART_PLAN;
		else if (d->review_year && pi.year <= d->review_year)
			pi.part = PART_REVIEW;
		else
			pi.part = review ? PART_REVIEW : plan ? PART_PLAN : PART_NONE;
	} else if (top || xt_has(&t, 0, t.n, "回顾") || xt_has(&t, 0, t.n, "成绩单") ||
	           pi.target_word) {
		/* below the parts, only words as strong as these classify: a lead
		 * sentence ("取得新突破") says nothing about the part */
		pi.part = review ? PART_REVIEW : plan ? PART_PLAN : PART_NONE;
	}
	free(f.cp);
	return pi;
}

/* The part of a section: its own title, else its parent's, upwards. */
static struct part_info section_part(const struct extract_doc *d, const struct part_info *cache,
                                     int section)
{
	struct part_info pi = {0};
	int target_word = 0;
	for (int guard = 0; section > 0 && (size_t)section <= d->nsections && guard < 64; guard++) {
		const struct part_info *c = &cache[section - 1];
		target_word |= c->target_word;
		if (c->part != PART_NONE) {
			pi = *c;
			pi.target_word |= target_word;
			return pi;
		}
		section = d->sections[section - 1].parent;
	}
	pi.target_word = target_word;
	return pi;
}

/* ---- cue words of a sentence ---- */

static const char *const review_cues[] = {"预计",     "初步核算", "年初预期", "年初确定",
                                          "年初目标", "年度目标", "超额完成", "实现了预期",
                                          "没有完成", "好于预期", "完成了",   NULL};
static const char *const target_cues[] = {"预期目标", "主要目标", "目标是",   "目标任务",
                                          "力争",     "争取",     "确保",     "努力实现",
                                          "目标定在", "目标为",   "奋斗目标", NULL};
static const char *const plan_cues[] = {"今年", "要", "将", "全年", "目标", "明年", NULL};

/* A multi-year statement in [a, b): its end year (or -1 when it has none:
 * a past span), 0 when the statement is of one year. */
static int multi_year(const struct extract_doc *d, const struct xtext *t, size_t a, size_t b,
                      int year)
{
	int horizon = 0, span = 0;
	for (size_t i = a; i < b; i++) {
		int h = five_year_plan(t, i, b);
		if (h) {
			size_t k = i + 3;
			while (k < b && (t->cp[k] == 0x201D || t->cp[k] == '"')) /* ” */
				k++;
			/* "“十四五”开局之年": a year of the plan, not the plan */
			if (xt_at(t, k, "开局") || xt_at(t, k, "收官") || xt_at(t, k, "规划收官") ||
			    xt_at(t, k, "的开局") || xt_at(t, k, "实现良好开局") ||
			    xt_at(t, k, "规划的最后"))
				continue;
			horizon = h;
		}
		int y = year_at(t, i, b);
		if (y && i > a && (t->cp[i - 1] == 0x5230 || t->cp[i - 1] == 0x81F3) && /* 到 至 */
		    y > (year ? year : d->plan_year))
			horizon = y;
	}
	if (xt_has(t, a, b, "今后五年") || xt_has(t, a, b, "未来五年"))
		horizon = horizon ? horizon : (d->plan_year ? d->plan_year + 4 : -1);
	static const char *const spans[] = {"年均", "累计", "五年", NULL};
	span = xt_has_any(t, a, b, spans);
	/* "2012年以来", "十三五以来": a span up to now */
	if (!horizon && xt_has(t, a, b, "以来")) {
		size_t k = xt_find(t, a, b, "以来");
		span |= k >= a + 1 && (t->cp[k - 1] == 0x5E74 || t->cp[k - 1] == 0x201D) &&
		        !(k >= a + 3 && xt_at(t, k - 3, "今年"));
		if (k >= a + 2 && xt_at(t, k - 2, "今年"))
			span = 0;
	}
	if (horizon)
		return horizon;
	return span ? -1 : 0;
}

/* "2025年，全区…": the last year named in [a, i) that dates the
 * statement (not 到2025年, 比2016年, 2012年以来), 0 none */
static int year_before(const struct xtext *t, size_t a, size_t i)
{
	int year = 0;
	for (size_t k = a; k + 4 < i; k++) {
		int y = year_at(t, k, i);
		if (!y)
			continue;
		uint32_t p = k > a ? t->cp[k - 1] : 0;
		if (p == 0x5230 || p == 0x81F3 || p == 0x6BD4 || p == 0x8F83) /* 到 至 比 较 */
			continue;
		year = y;
	}
	return year;
}

/* "今年" before the statement (not 今年以来 as a span of the review): the
 * year the report is delivered in */
static int says_this_year(const struct xtext *t, size_t a, size_t i)
{
	return xt_has(t, a, i, "今年");
}

static char *period_before(const struct xtext *t, size_t a, size_t i)
{
	static const char *const words[] = {
	    "前三季度", "前两季度", "前两个季度", "上半年", "下半年", "第一季度", "一季度",
	    "二季度",   "三季度",   "四季度",     "全年",   "年末",   "年底",     NULL};
	size_t best = (size_t)-1, best_end = 0;
	const char *word = NULL;
	for (const char *const *w = words; *w; w++)
		for (size_t k = xt_find(t, a, i, *w); k < i; k = xt_find(t, k + 1, i, *w)) {
			size_t n = 0;
			for (const char *p = *w; *p; p++)
				n += ((unsigned char)*p & 0xC0) != 0x80;
			if (best == (size_t)-1 || k + n > best_end ||
			    (k + n == best_end && k < best)) {
				best = k;
				best_end = k + n;
				word = *w;
			}
		}
	/* "1-11月", "1—11月", "1至11月" */
	char *span = NULL;
	for (size_t k = a; k + 3 < i; k++) {
		if (!xt_is_digit(t->cp[k]) || (k > a && xt_is_digit(t->cp[k - 1])))
			continue;
		size_t e = k;
		while (e < i && xt_is_digit(t->cp[e]))
			e++;
		if (e < i && (t->cp[e] == '-' || t->cp[e] == 0x2014 || t->cp[e] == 0x2013 ||
		              t->cp[e] == '~' || t->cp[e] == 0x81F3)) {
			size_t e2 = e + 1;
			while (e2 < i && xt_is_digit(t->cp[e2]))
				e2++;
			if (e2 > e + 1 && e2 < i && t->cp[e2] == 0x6708 /* 月 */ &&
			    (best == (size_t)-1 || e2 + 1 > best_end)) {
				free(span);
				span = xt_utf8(t, k, e2 + 1);
				best_end = e2 + 1;
				word = NULL;
			}
		}
	}
	if (span)
		return span;
	if (!word || strcmp(word, "全年") == 0 || strcmp(word, "年末") == 0 ||
	    strcmp(word, "年底") == 0)
		return NULL;
	return strdup(word);
}

/* how far (code points) around a statement its sentence's words still
 * govern it: a year, a cue, a period */
#define CONTEXT_REACH 160

/* ---- one document ---- */

struct emitted {
	const char *indicator;
	char kind[8], value[32], period[24];
	int year, has_growth, has_high;
	double growth, high;
	const char *qualifier;
};

struct run {
	const struct extract_doc *d;
	const struct doc_sink *sink;
	struct part_info *parts; /* per section */
	struct emitted *seen;
	size_t nseen, capseen;
	int emitted, failed;
	int lead_target; /* a lead-in "…预期目标是：" covers the list after it */
};

struct statement {
	const struct ind_name *name;
	const struct figure *pct, *level;
	const char *relative; /* in_step, above */
	size_t at;            /* where the name is */
};

static int already(struct run *r, const struct sink_indicator *x)
{
	for (size_t i = 0; i < r->nseen; i++) {
		const struct emitted *e = &r->seen[i];
		if (e->indicator == x->indicator && e->year == x->year &&
		    strcmp(e->kind, x->kind) == 0 && e->has_growth == x->has_growth &&
		    (!x->has_growth || e->growth == x->growth) &&
		    e->has_high == x->has_growth_high &&
		    (!x->has_growth_high || e->high == x->growth_high) &&
		    strcmp(e->value, x->value ? x->value : "") == 0 &&
		    strcmp(e->period, x->period ? x->period : "") == 0 &&
		    strcmp(e->qualifier, x->qualifier) == 0)
			return 1;
	}
	if (r->nseen == r->capseen) {
		size_t cap = r->capseen ? r->capseen * 2 : 32;
		struct emitted *g = realloc(r->seen, cap * sizeof *g);
		if (!g)
			return 0;
		r->seen = g;
		r->capseen = cap;
	}
	struct emitted *e = &r->seen[r->nseen++];
	memset(e, 0, sizeof *e);
	e->indicator = x->indicator;
	snprintf(e->kind, sizeof e->kind, "%s", x->kind);
	snprintf(e->value, sizeof e->value, "%s", x->value ? x->value : "");
	snprintf(e->period, sizeof e->period, "%s", x->period ? x->period : "");
	e->year = x->year;
	e->has_growth = x->has_growth;
	e->growth = x->growth;
	e->has_high = x->has_growth_high;
	e->high = x->growth_high;
	e->qualifier = x->qualifier;
	return 0;
}

struct where {
	const struct extract_para *p;
	struct part_info part;
	size_t sa, se, ca, cb; /* sentence and clause */
	int target_context;    /* a title or a lead-in makes the plan's figures targets */
};

static void emit(struct run *r, const struct where *w, const struct xtext *t,
                 const struct statement *s)
{
	const struct extract_doc *d = r->d;
	size_t seg_end = s->at; /* cues are read up to the name and through its figures */
	if (s->pct && s->pct->end > seg_end)
		seg_end = s->pct->end;
	if (s->level && s->level->end > seg_end)
		seg_end = s->level->end;
	if (seg_end < s->at + s->name->n)
		seg_end = s->at + s->name->n;
	int bulletin = d->kind && strcmp(d->kind, "统计公报") == 0;
	size_t reach = s->at > w->sa + CONTEXT_REACH ? s->at - CONTEXT_REACH : w->sa;
	/* the sentence around the statement, within reach, so that a report
	 * written as one endless sentence is still read in linear time */
	size_t sa = reach, se = w->se < seg_end + CONTEXT_REACH ? w->se : seg_end + CONTEXT_REACH;
	int year = year_before(t, reach, s->at);
	int this_year = says_this_year(t, sa, s->at);
	int multi = multi_year(d, t, sa, seg_end, year);
	int review_cue = xt_has_any(t, sa, se, review_cues);
	int target_cue = xt_has_any(t, sa, seg_end, target_cues);
	int plan_cue = xt_has_any(t, sa, seg_end, plan_cues);
	const char *kind = NULL;
	int horizon = 0;
	enum part part = w->part.part;
	if (bulletin) {
		kind = multi ? NULL : "result";
	} else if (multi || part == PART_GOALS) {
		horizon = multi > 0 ? multi : part == PART_GOALS ? w->part.horizon : 0;
		int future =
		    horizon > 0 && horizon >= (d->plan_year ? d->plan_year : d->review_year + 1);
		if (future && part != PART_REVIEW && part != PART_PAST)
			kind = "goal";
	} else if (part == PART_PLAN) {
		if (review_cue && !target_cue)
			kind = "result";
		else if (w->target_context || target_cue || plan_cue)
			kind = "target";
	} else if (part == PART_REVIEW || part == PART_PAST) {
		/* a five-year review has its last year too ("过去一年，…"): only
		 * the sentences with multi-year words are spans */
		kind = "result";
	} else {
		kind = target_cue && !review_cue ? "target" : "result";
	}
	if (!kind)
		return;
	if (strcmp(kind, "result") == 0) {
		if (!year && this_year && (d->delivered_year || d->plan_year))
			year = d->delivered_year ? d->delivered_year : d->plan_year;
		if (!year && w->part.year && part == PART_REVIEW)
			year = w->part.year;
		if (!year)
			year = d->review_year;
		/* a result cannot be of a year the document has not reached */
		if (d->plan_year && year > d->plan_year)
			year = d->review_year;
	} else {
		if (!year || (d->plan_year && year < d->plan_year))
			year = w->part.year && part == PART_PLAN ? w->part.year : d->plan_year;
		if (!year && d->review_year)
			year = d->review_year + 1;
	}
	if (!year)
		return;

	struct sink_indicator x = {
	    .indicator = s->name->canonical,
	    .name = s->name->written,
	    .year = year,
	    .kind = kind,
	    .horizon = strcmp(kind, "goal") == 0 ? horizon : 0,
	    .paragraph = w->p->ord,
	    .section = w->p->section,
	};
	char *period = NULL;
	if (strcmp(kind, "result") == 0) {
		/* a period in the clause before the name, else one that opens the
		 * sentence ("前三季度，全区…；固定资产投资…") */
		period = period_before(t, w->ca > reach ? w->ca : reach, s->at);
		if (!period && w->ca > w->sa) {
			size_t open = w->sa;
			while (open < w->ca && open < w->sa + 12 && t->cp[open] != ',' &&
			       t->cp[open] != ';')
				open++;
			if (open < w->ca && (t->cp[open] == ',' || t->cp[open] == ';'))
				period = period_before(t, w->sa, open);
		}
	}
	x.period = period;
	/* what compare must warn of */
	static const char *const estimates[] = {"预计", "初步核算", "预估", "初步统计", NULL};
	static const char *const zones[] = {"开发区", "高新区", "经开区", "园区", "示范区",
	                                    "自贸区", "试验区", "新区",   NULL};
	char flags[48] = "";
	if (xt_has_any(t, sa, s->at, estimates))
		strcat(flags, "estimate");
	if (s->name->old)
		strcat(strcat(flags, *flags ? "," : ""), "old_name");
	/* a zone named in the clause before the name, unless the region is one */
	if (xt_has_any(t, w->ca > reach ? w->ca : reach, s->at, zones) &&
	    !(d->region && (strstr(d->region, "新区") || strstr(d->region, "开发区"))))
		strcat(strcat(flags, *flags ? "," : ""), "zone");
	x.flags = *flags ? flags : NULL;
	if (s->level) {
		x.value = s->level->written;
		x.unit = s->level->unit;
	}
	if (s->pct) {
		x.has_growth = 1;
		x.growth = s->pct->num;
		x.qualifier = s->pct->qualifier;
		if (s->pct->range) {
			x.has_growth_high = 1;
			x.growth_high = s->pct->high;
		}
	} else if (s->relative) {
		x.qualifier = s->relative;
	} else if (s->level) {
		x.qualifier = s->level->qualifier;
	} else {
		free(period);
		return;
	}
	size_t ea = w->ca, eb = w->cb;
	while (ea < eb && (t->cp[ea] == ' ' || t->cp[ea] == ','))
		ea++;
	x.start = (int)ea;
	x.end = (int)eb;
	if (!already(r, &x)) {
		if (r->sink->indicator(r->sink->ctx, &x) < 0)
			r->failed = 1;
		r->emitted++;
	}
	free(period);
}

#define MAX_MENTIONS 64
#define MAX_FIGURES  32

/* The names of a clause, each with the figures of the words after it. */
struct named {
	struct mention m;
	size_t seg_a, seg_b;
	struct figure fig[MAX_FIGURES];
	size_t nfig;
	const struct ind_name *as; /* the name it is read as */
	const struct figure *pct, *level;
	const char *relative;
};

/* Does a level's unit fit the measure?  A count (家, 个) is no amount of
 * trade ("进出口实绩企业78家"), people are no output, money no grain. */
static int unit_fits(const struct ind_name *nm, const char *unit)
{
	const char *c = nm->canonical;
	int count = strstr(c, "企业") || strstr(c, "项目") || strstr(c, "个数");
	int people = strstr(c, "就业") || strstr(c, "人口") || strstr(c, "人数");
	int weight = strstr(c, "产量") != NULL;
	int land = strstr(c, "面积") != NULL;
	int power = strstr(c, "电") != NULL;
	static const char *const counts[] = {"家", "个", "项", NULL};
	for (const char *const *u = counts; *u; u++)
		if (strcmp(unit, *u) == 0)
			return count;
	if (strstr(unit, "人") || strcmp(unit, "户") == 0 || strcmp(unit, "万户") == 0)
		return people || count;
	if (strstr(unit, "斤") || strstr(unit, "吨"))
		return weight;
	if (strstr(unit, "亩") || strstr(unit, "公顷"))
		return land;
	if (strstr(unit, "瓦"))
		return power || weight;
	if (strstr(unit, "元"))
		return !count && !people && !weight && !land;
	return !count && !people && !weight && !land;
}

static const struct figure *first_of(const struct named *n, enum fig_kind kind, int rate)
{
	for (size_t i = 0; i < n->nfig; i++) {
		const struct figure *f = &n->fig[i];
		if (f->kind != kind)
			continue;
		if (kind == FIG_LEVEL ? unit_fits(n->as, f->unit) : (f->growth || rate))
			return f;
	}
	return NULL;
}

/* the figures of list `list` of a kind, in order */
static size_t list_of(const struct named *n, int list, enum fig_kind kind,
                      const struct figure **out, size_t max)
{
	size_t k = 0;
	for (size_t i = 0; i < n->nfig && k < max; i++)
		if (n->fig[i].list == list && n->fig[i].kind == kind &&
		    (kind == FIG_LEVEL || n->fig[i].growth || k > 0 || n->as->rate))
			out[k++] = &n->fig[i];
	return k;
}

static void clause(struct run *r, struct where *w, const struct xtext *t)
{
	struct mention ms[MAX_MENTIONS];
	size_t nm = names_find(t, w->ca, w->cb, ms, MAX_MENTIONS);
	if (!nm)
		return;
	/* expand pairs into two names at the same place */
	struct named *ns = calloc(nm * 2, sizeof *ns);
	if (!ns)
		return;
	size_t n = 0;
	for (size_t i = 0; i < nm; i++) {
		size_t next = i + 1 < nm ? ms[i + 1].at : w->cb;
		/* "居民收入增长与经济增长同步" where the economy is a name:
		 * "…增长与地区生产总值增长同步" compares, it states nothing of GDP */
		static const char *const compare_to[] = {"增长与",   "增长和",   "增长同",
		                                         "增长快于", "增长高于", "增长略高于",
		                                         "增速高于", NULL};
		while (i + 1 < nm && xt_ends_with_any(t, ms[i].end, ms[i + 1].at, compare_to)) {
			i++;
			next = i + 1 < nm ? ms[i + 1].at : w->cb;
		}
		struct named *a = &ns[n++];
		a->m = ms[i];
		a->seg_a = ms[i].end;
		a->seg_b = next;
		a->as = ms[i].name;
		a->nfig = fig_scan(t, a->seg_a, a->seg_b, a->fig, MAX_FIGURES);
		a->relative = fig_relative(t, a->seg_a, a->seg_b);
		if (ms[i].pair[0]) {
			int spread = 0;
			for (size_t k = 0; k < a->nfig; k++)
				spread |= a->fig[k].list > 0 || a->fig[k].each;
			/* "城乡居民收入增长8%": one figure of its own name; split only
			 * when the figures are spread, or there is no name for both */
			if (spread || ms[i].pair[0] == ms[i].name) {
				/* the pair: an empty first name, the second with the words */
				struct named *b = &ns[n++];
				*b = *a;
				a->as = ms[i].pair[0];
				a->nfig = 0;
				a->relative = NULL;
				a->seg_b = a->seg_a;
				b->as = ms[i].pair[1];
				if (!spread) { /* "城镇、农村居民收入增长与经济增长同步": both */
					memcpy(a->fig, b->fig, b->nfig * sizeof *b->fig);
					a->nfig = b->nfig;
					a->relative = b->relative;
				}
			}
		}
	}
	/* own figures */
	for (size_t i = 0; i < n; i++) {
		ns[i].pct = first_of(&ns[i], FIG_PERCENT, ns[i].as->rate);
		ns[i].level = first_of(&ns[i], FIG_LEVEL, 0);
		/* the figure that follows 分别 is not the name's own */
		if (ns[i].pct && ns[i].pct->list)
			ns[i].pct = NULL;
		if (ns[i].level && ns[i].level->list)
			ns[i].level = NULL;
		/* "突破4万元(达40804元)": the exact figure in brackets wins */
		for (size_t k = 0; ns[i].level && k + 1 < ns[i].nfig; k++)
			if (&ns[i].fig[k] == ns[i].level && ns[i].fig[k + 1].kind == FIG_LEVEL &&
			    (xt_has(t, ns[i].fig[k].end, ns[i].fig[k + 1].at, "(") ||
			     xt_has(t, ns[i].fig[k].end, ns[i].fig[k + 1].at, "（")) &&
			    xt_has(t, ns[i].fig[k].end, ns[i].fig[k + 1].at, "达"))
				ns[i].level = &ns[i].fig[k + 1];
	}
	/* 分别 and 均: the figures go to the names before, in order */
	for (size_t i = 0; i < n; i++) {
		for (int kind = FIG_PERCENT; kind <= FIG_LEVEL; kind++) {
			for (int list = 1; list <= 4; list++) {
				const struct figure *fl[16];
				size_t m = list_of(&ns[i], list, (enum fig_kind)kind, fl, 16);
				int each = 0;
				if (!m && list == 1) {
					/* 均增长9%: one figure, every name of the group */
					for (size_t k = 0; k < ns[i].nfig; k++)
						if (ns[i].fig[k].each &&
						    ns[i].fig[k].kind == (enum fig_kind)kind &&
						    !ns[i].fig[k].list) {
							fl[0] = &ns[i].fig[k];
							m = 1;
							each = 1;
							break;
						}
				}
				if (!m)
					continue;
				/* "分别增长8%和9%左右": the word after the last figure
				 * qualifies the list */
				if (m > 1 && strcmp(fl[m - 1]->qualifier, "exact") != 0 &&
				    strcmp(fl[m - 1]->qualifier, "range") != 0)
					for (size_t k = 0; k + 1 < m; k++)
						if (strcmp(fl[k]->qualifier, "exact") ==
						    0) /* ns[i].fig */
							ns[i].fig[fl[k] - ns[i].fig].qualifier =
							    fl[m - 1]->qualifier;
				/* the group: names before i without a figure of this kind */
				size_t g = i;
				while (g > 0) {
					const struct named *p = &ns[g - 1];
					const struct figure *own =
					    kind == FIG_PERCENT ? p->pct : p->level;
					if (own || p->relative)
						break;
					int spreads = 0;
					for (size_t k = 0; k < p->nfig; k++)
						spreads |= p->fig[k].list > 0;
					if (spreads)
						break;
					g--;
				}
				size_t members = i - g + 1;
				for (size_t k = 0; k < members; k++) {
					size_t who;
					const struct figure *f;
					if (each) {
						who = g + k;
						f = fl[0];
					} else if (m >= members) {
						who = g + k;
						f = fl[k];
					} else { /* fewer figures than names: the last ones */
						if (k < members - m)
							continue;
						who = g + k;
						f = fl[k - (members - m)];
					}
					if (kind == FIG_PERCENT)
						ns[who].pct = f;
					else
						ns[who].level = f;
				}
			}
		}
	}
	for (size_t i = 0; i < n && !r->failed; i++) {
		struct statement s = {ns[i].as, ns[i].pct, ns[i].level, NULL, ns[i].m.at};
		if (!s.pct)
			s.relative = ns[i].relative;
		if (s.pct || s.level || s.relative)
			emit(r, w, t, &s);
	}
	free(ns);
}

static int is_sentence_end(uint32_t c)
{
	return text_is(c, TEXT_CH_FULL_STOP);
}

static int is_clause_end(uint32_t c)
{
	return text_is(c, TEXT_CH_FULL_STOP | TEXT_CH_SEMICOLON);
}

static size_t sentence_end(const struct xtext *t, size_t i)
{
	while (i < t->n && !is_sentence_end(t->cp[i]))
		i++;
	return i;
}

static int list_paragraph(const struct extract_para *p, const struct xtext *t)
{
	if (p->kind && (strcmp(p->kind, "bullet") == 0 || strcmp(p->kind, "item") == 0))
		return 1;
	size_t i = 0;
	while (i < t->n && t->cp[i] == ' ')
		i++;
	if (i < t->n && (text_is(t->cp[i], TEXT_CH_BULLET) || t->cp[i] == '-'))
		return 1;
	size_t k = i;
	while (k < t->n && (xt_is_digit(t->cp[k]) || text_is(t->cp[k], TEXT_CH_CIRCLED)))
		k++;
	if (k == i && i + 2 < t->n && t->cp[i] == '(') { /* （1） */
		k = i + 1;
		while (k < t->n && xt_is_digit(t->cp[k]))
			k++;
		return k > i + 1 && k < t->n && t->cp[k] == ')';
	}
	return k > i && k < t->n &&
	       (t->cp[k] == '.' || t->cp[k] == 0x3001 || t->cp[k] == ')' ||
	        text_is(t->cp[k - 1], TEXT_CH_CIRCLED));
}

static void paragraph(struct run *r, const struct extract_para *p)
{
	struct folded f;
	if (fold(p->text, p->len, &f) < 0) {
		r->failed = 1;
		return;
	}
	struct xtext t = {f.cp, f.n};
	struct where w = {.p = p};
	w.part = section_part(r->d, r->parts, p->section);
	int listed = list_paragraph(p, &t);
	if (!listed)
		r->lead_target = 0;
	w.target_context = w.part.target_word || (listed && r->lead_target);
	size_t sa = 0, ca = 0, se = sentence_end(&t, 0);
	for (size_t i = 0; i <= t.n && !r->failed; i++) {
		if (i < t.n && !is_clause_end(t.cp[i]))
			continue;
		w.sa = sa;
		w.se = se;
		w.ca = ca;
		w.cb = i;
		clause(r, &w, &t);
		ca = i + 1;
		if (i < t.n && is_sentence_end(t.cp[i])) {
			/* in a plan, the sentences after "主要预期目标是：…" go on
			 * stating targets ("…同步。单位生产总值能耗下降3%以上。") */
			if (w.part.part == PART_PLAN && xt_has_any(&t, sa, i, target_cues) &&
			    !xt_has_any(&t, sa, i, review_cues))
				w.target_context = 1;
			sa = i + 1;
			se = sentence_end(&t, sa);
		}
	}
	/* "…主要预期目标是：" announces the list that follows */
	size_t end = t.n;
	while (end > 0 && t.cp[end - 1] == ' ')
		end--;
	if (end > 0 && t.cp[end - 1] == ':' && xt_has_any(&t, 0, end, target_cues))
		r->lead_target = 1;
	free(f.cp);
}

int extract_indicators(const struct extract_doc *doc, const struct doc_sink *sink)
{
	if (!names_loaded()) {
		char *path = datadir_find("data/indicators.tsv");
		names_load(path);
		free(path);
	}
	if (!sink->indicator)
		return 0;
	struct run r = {.d = doc, .sink = sink};
	r.parts = calloc(doc->nsections + 1, sizeof *r.parts);
	if (!r.parts)
		return -1;
	for (size_t i = 0; i < doc->nsections; i++)
		r.parts[i] =
		    classify_title(doc, doc->sections[i].title, doc->sections[i].parent == 0);
	for (size_t i = 0; i < doc->nparas && !r.failed; i++) {
		const struct extract_para *p = &doc->paras[i];
		if (p->kind &&
		    (strcmp(p->kind, "masthead") == 0 || strcmp(p->kind, "caption") == 0 ||
		     strcmp(p->kind, "signature") == 0 || strcmp(p->kind, "heading") == 0))
			continue;
		paragraph(&r, p);
	}
	free(r.parts);
	free(r.seen);
	return r.failed ? -1 : r.emitted;
}
