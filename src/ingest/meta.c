/* meta.c — document metadata read off the parsed text (see meta.h).
 *
 * Region, strongest evidence first: the congress the report was given to
 * ("长治市潞州区第二届人民代表大会"), the district the text keeps naming
 * ("潞城区…"), a city named in the stock phrases of the genre when the text
 * speaks of 全市 ("中国式现代化长治实践", "长治答卷"), the file name. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/meta.h"
#include "ingest/parse_util.h"
#include "text/chars.h"
#include "text/text.h"

#define HAN_BACK 12 /* Han characters looked at before "第…届" */

static int is_cp(const char *s, size_t len, size_t i, const char *utf8)
{
	size_t n = strlen(utf8);
	return i + n <= len && memcmp(s + i, utf8, n) == 0;
}

static int in_list(uint32_t cp, const char *list)
{
	for (size_t i = 0; list[i];) {
		uint32_t c;
		i += pu_decode(list + i, strlen(list + i), &c);
		if (c == cp)
			return 1;
	}
	return 0;
}

/* Start of the run of Han characters (at most `max`) ending at s+end. */
static size_t han_run_start(const char *s, size_t end, size_t max)
{
	size_t i = end, n = 0;
	while (i > 0 && n < max) {
		size_t at;
		if (!text_is_han(pu_last(s, i, &at)))
			break;
		i = at;
		n++;
	}
	return i;
}

/* The government a run of Han characters names: the last administrative
 * unit in it, as the government names itself.  "长治市潞州区" → 潞州区,
 * "南京市江宁区" → 江宁区, "上海市浦东新区" → 浦东新区, "广西壮族自治区" →
 * 广西壮族自治区, "日在沁县" → 沁县; a zone (高新区, 经济技术开发区) or a
 * bare suffix (自治区) names no government: NULL. */
static char *unit_name(const char *s, size_t a, size_t b)
{
	if (b <= a)
		return NULL;
	/* after the last word that cannot be part of a name */
	size_t start = a;
	for (size_t i = a; i < b;) {
		uint32_t cp;
		size_t k = pu_decode(s + i, b - i, &cp);
		i += k;
		if (in_list(cp, "在于年月日的和及与：:"))
			start = i;
	}
	/* cut after each 省, 市, 自治区, 自治州, 盟, 地区 that leaves a name after it */
	size_t unit = start, n_unit = 0;
	for (size_t i = start; i < b;) {
		uint32_t cp;
		size_t k = pu_decode(s + i, b - i, &cp);
		i += k;
		n_unit++;
		int cut =
		    (cp == 0x7701 || cp == 0x5E02 || cp == 0x76DF) && n_unit >= 2; /* 省 市 盟 */
		if (!cut && n_unit >= 3 && i >= 9 &&
		    (memcmp(s + i - 9, "自治区", 9) == 0 || memcmp(s + i - 9, "自治州", 9) == 0))
			cut = 1;
		if (!cut && n_unit >= 3 && i >= 6 && memcmp(s + i - 6, "地区", 6) == 0)
			cut = 1;
		if (cut && i < b && pu_count(s + i, b - i) >= 2) {
			unit = i;
			n_unit = 0;
		}
	}
	size_t n = pu_count(s + unit, b - unit);
	if (n < 2)
		return NULL;
	size_t last_at;
	uint32_t last = pu_last(s + unit, b - unit, &last_at);
	if (!in_list(last, "省市区县旗州盟"))
		return NULL;
	static const char *const not_governments[] = {
	    "开发区", "高新区", "经开区", "园区", "示范区", "试验区", "保税区", "自贸区",
	    "集聚区", "景区",   "城区",   "社区", "片区",   "新城区", NULL};
	for (const char *const *w = not_governments; *w; w++) {
		size_t wl = strlen(*w);
		if (b - unit >= wl && memcmp(s + b - wl, *w, wl) == 0)
			return NULL;
	}
	if (n == 3 && memcmp(s + unit, "自治", 6) == 0)
		return NULL;
	return pu_strndup(s + unit, b - unit);
}

/* the Han run that ends at s+end (at most `max` characters) */
static char *unit_before(const char *s, size_t end, size_t max)
{
	return unit_name(s, han_run_start(s, end, max), end);
}

char *meta_congress_region(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (!is_cp(s, len, i, "人民代表大会") && !is_cp(s, len, i, "人大"))
			continue;
		/* 第十三届全国人民代表大会: the State Council's report */
		if (i >= 6 && is_cp(s, len, i - 6, "全国") && i >= 9 && is_cp(s, len, i - 9, "届"))
			return pu_strndup("全国", 6);
		/* back over "届", the numeral and an optional "第" */
		if (i < 3 || !is_cp(s, len, i - 3, "届"))
			continue;
		size_t j = i - 3, nums = 0;
		while (j >= 3 && nums < 3) {
			size_t at;
			uint32_t cp = pu_last(s, j, &at);
			if (!in_list(cp, "一二三四五六七八九十0123456789"))
				break;
			j = at;
			nums++;
		}
		if (!nums)
			continue;
		if (j >= 3 && is_cp(s, len, j - 3, "第"))
			j -= 3;
		char *r = unit_before(s, j, HAN_BACK);
		if (r)
			return r;
	}
	return NULL;
}

/* "苏州市人民政府工作报告", "四川省2021年国民经济…统计公报", "一图读懂：
 * 2022年江宁区政府工作报告解读", "江苏省省长　吴政隆", "国务院总理": the
 * government a title or a speaker line names. */
static char *titled_region(const char *s, size_t len)
{
	static const char *const anchors[] = {"人民政府", "政府工作报告", "国民经济和社会发展",
	                                      "统计公报", "省长",         "市长",
	                                      "区长",     "县长",         "主席",
	                                      "州长",     "旗长",         "盟长",
	                                      NULL};
	if (strstr(s, "国务院总理") || strstr(s, "代表国务院"))
		return pu_strndup("全国", 6);
	for (size_t i = 0; i < len; i++) {
		for (const char *const *w = anchors; *w; w++)
			if (is_cp(s, len, i, *w)) {
				char *r = unit_before(s, i, HAN_BACK);
				if (r)
					return r;
			}
		/* a year right after the name: "四川省2021年" */
		if (s[i] >= '0' && s[i] <= '9' && i >= 3 && !(s[i - 1] >= '0' && s[i - 1] <= '9')) {
			char *r = unit_before(s, i, HAN_BACK);
			if (r)
				return r;
		}
	}
	return NULL;
}

/* ---- counting names ----------------------------------------------------- */

struct name_count {
	char name[16]; /* two Han characters and a suffix: 9 bytes */
	int count, first;
};

struct names {
	struct name_count v[64];
	int n, order;
};

static void count_name(struct names *ns, const char *s, size_t len)
{
	if (len >= sizeof ns->v[0].name)
		return;
	for (int i = 0; i < ns->n; i++)
		if (strlen(ns->v[i].name) == len && memcmp(ns->v[i].name, s, len) == 0) {
			ns->v[i].count++;
			return;
		}
	if (ns->n == (int)(sizeof ns->v / sizeof ns->v[0]))
		return;
	struct name_count *c = &ns->v[ns->n++];
	memcpy(c->name, s, len);
	c->name[len] = '\0';
	c->count = 1;
	c->first = ns->order++;
}

static const char *best_name(const struct names *ns, int min)
{
	const struct name_count *b = NULL;
	for (int i = 0; i < ns->n; i++)
		if (ns->v[i].count >= min && (!b || ns->v[i].count > b->count))
			b = &ns->v[i];
	return b ? b->name : NULL;
}

/* "XX区" that is a kind of area, not a place: 开发区, 示范区, 社区, 城区 … */
static int generic_area(const char *two)
{
	static const char *const words[] = {
	    "开发", "示范", "先导", "经开", "高新", "集聚", "核心", "拓展", "辐射", "功能", "商业",
	    "生活", "住宅", "服务", "试验", "保护", "风景", "自治", "产业", "工业", "物流", "城市",
	    "主城", "老城", "新城", "心城", "沉陷", "采煤", "农业", "实验", "合作", "创新", "旅游",
	    "度假", "综合", "保税", "贸易", "改革", "先行", "生态", "民族", "贫困", "边远", "山区",
	    /* "我代表区人民政府向大会报告工作" */
	    "代表"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (memcmp(two, words[i], 6) == 0)
			return 1;
	uint32_t c1, c2;
	size_t k = pu_decode(two, 6, &c1);
	pu_decode(two + k, 6 - k, &c2);
	/* particles and unit characters: the two characters straddle a word boundary */
	static const char particles[] = "的地了在和与及等是为对将把从向到由以之其此该各每";
	return in_list(c1, particles) || in_list(c2, particles) || in_list(c1, "市区县省") ||
	       in_list(c2, "市区县省") || in_list(c1, "全我本两一二三四五六七八九十") ||
	       in_list(c2,
	               "社景园片辖矿山库街校厂灾疫战特湖新老四三两五六七八九十一二门超夜集股上小");
}

/* Count "XX区" / "XX县" (suffix given) in a paragraph. */
static void count_units(struct names *ns, const char *s, size_t len, const char *suffix)
{
	size_t sl = strlen(suffix);
	for (size_t i = 6; i + sl <= len; i++) {
		if (memcmp(s + i, suffix, sl) != 0)
			continue;
		size_t a = han_run_start(s, i, 2);
		if (i - a != 6 || generic_area(s + a))
			continue;
		/* "实现县县通高速": 县县 is "every county", not a name */
		if (i + 2 * sl <= len && memcmp(s + i + sl, suffix, sl) == 0)
			continue;
		/* "打造区域中心", "壮大县域经济": 区域 and 县域 are words */
		if (i + sl + 3 <= len && memcmp(s + i + sl, "域", 3) == 0)
			continue;
		count_name(ns, s + a, i - a + sl);
	}
}

/* Stock phrases naming the place the text speaks for. */
static void count_phrases(struct names *ns, const char *s, size_t len)
{
	static const char *const after[] = {"实践", "篇章", "答卷", "经开区", "高新区"};
	for (size_t k = 0; k < sizeof after / sizeof after[0]; k++) {
		size_t al = strlen(after[k]);
		for (const char *q = s; (q = memmem(q, (size_t)(s + len - q), after[k], al));
		     q += al) {
			size_t i = (size_t)(q - s);
			size_t a = han_run_start(s, i, 2);
			if (i - a == 6 && !generic_area(s + a))
				count_name(ns, s + a, 6);
		}
	}
}

static size_t count_str(const char *s, size_t len, const char *w)
{
	size_t n = 0, wl = strlen(w);
	for (const char *q = s; (q = memmem(q, (size_t)(s + len - q), w, wl)); q += wl)
		n++;
	return n;
}

static char *base_name(const char *path)
{
	const char *b = path ? strrchr(path, '/') : NULL;
	return pu_strndup(b ? b + 1 : path ? path : "", strlen(b ? b + 1 : path ? path : ""));
}

static char *find_region(const struct parse_doc *d, const char *path)
{
	for (size_t i = 0; i < d->nparas; i++) {
		char *r = meta_congress_region(d->paras[i].text, d->paras[i].len);
		if (r)
			return r;
	}
	/* the title, the speaker, the signature */
	for (size_t i = 0; i < d->nparas; i++) {
		const char *k = d->paras[i].kind;
		if (strcmp(k, "heading") != 0 && strcmp(k, "signature") != 0 &&
		    strcmp(k, "caption") != 0 && strcmp(k, "masthead") != 0 &&
		    !(i < 8 && strstr(d->paras[i].text, "代表国务院")))
			continue;
		char *r = titled_region(d->paras[i].text, d->paras[i].len);
		if (r)
			return r;
	}
	/* a title naming it: "长治市2025年国民经济和社会发展统计公报" */
	struct names titled = {0};
	for (size_t i = 0; i < d->nparas; i++) {
		if (strcmp(d->paras[i].kind, "heading") != 0)
			continue;
		count_units(&titled, d->paras[i].text, d->paras[i].len, "区");
		count_units(&titled, d->paras[i].text, d->paras[i].len, "县");
		count_units(&titled, d->paras[i].text, d->paras[i].len, "市");
	}
	const char *best = best_name(&titled, 1);
	if (best)
		return pu_strndup(best, strlen(best));
	struct names districts = {0}, phrases = {0};
	size_t level_district = 0, level_city = 0;
	for (size_t i = 0; i < d->nparas; i++) {
		const char *t = d->paras[i].text;
		size_t n = d->paras[i].len;
		count_units(&districts, t, n, "区");
		count_units(&districts, t, n, "县");
		count_phrases(&phrases, t, n);
		level_district += count_str(t, n, "全区") + count_str(t, n, "全县") +
		                  count_str(t, n, "我区") + count_str(t, n, "我县");
		level_city += count_str(t, n, "全市") + count_str(t, n, "我市");
	}
	/* "XX市" is no token to count: 市场, 市民, 市委 follow it everywhere */
	best = best_name(&districts, 2);
	if (best)
		return pu_strndup(best, strlen(best));
	const char *place = best_name(&phrases, 2);
	if (place && level_city > level_district) {
		char buf[32];
		snprintf(buf, sizeof buf, "%s市", place);
		return pu_strndup(buf, strlen(buf));
	}
	/* last resort: a name in the file name */
	char *b = base_name(path);
	struct names fn = {0};
	if (b) {
		count_units(&fn, b, strlen(b), "区");
		count_units(&fn, b, strlen(b), "县");
		count_units(&fn, b, strlen(b), "市");
	}
	free(b);
	best = best_name(&fn, 1);
	return best ? pu_strndup(best, strlen(best)) : NULL;
}

/* ---- kind, date, title, years ------------------------------------------ */

static int contains(const struct parse_para *p, const char *w)
{
	char *u = parse_unspace(p->text);
	int hit = u && strstr(u, w) != NULL;
	free(u);
	return hit;
}

static int front_kind(const struct parse_para *p)
{
	return strcmp(p->kind, "heading") == 0 || strcmp(p->kind, "masthead") == 0;
}

static const char *find_kind(const struct parse_doc *d)
{
	static const struct {
		const char *word, *kind;
	} rules[] = {{"统计公报", "统计公报"},
	             {"解读", "解读"},
	             {"特刊", "两会特刊"},
	             {"政府工作报告", "政府工作报告"},
	             {"两会", "两会特刊"}};
	for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++)
		for (size_t i = 0; i < d->nparas; i++)
			if (front_kind(&d->paras[i]) && contains(&d->paras[i], rules[r].word))
				return rules[r].kind;
	/* no title saying so, but the speech says it: "向大会报告工作" */
	for (size_t i = 0; i < d->nparas && i < 20; i++)
		if (strstr(d->paras[i].text, "向大会报告") && strstr(d->paras[i].text, "政府"))
			return "政府工作报告";
	return NULL;
}

static char *find_date(const struct parse_doc *d)
{
	for (size_t i = 0; i < d->nparas; i++) {
		int ymd[3];
		size_t at, end;
		if (strcmp(d->paras[i].kind, "signature") != 0 ||
		    !pu_find_date(d->paras[i].text, d->paras[i].len, ymd, &at, &end))
			continue;
		char buf[16];
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd[0], ymd[1], ymd[2]);
		return pu_strndup(buf, strlen(buf));
	}
	return NULL;
}

static char *find_title(const struct parse_doc *d, const char *path)
{
	for (size_t i = 0; i < d->nparas; i++)
		if (strcmp(d->paras[i].kind, "heading") == 0)
			return parse_unspace(d->paras[i].text);
	return base_name(path);
}

/* Years "2025年", "2023 年" in s: calls back with each. */
static int next_year(const char *s, size_t len, size_t *pos)
{
	for (size_t i = *pos; i + 4 <= len; i++) {
		if (!(s[i] == '1' || s[i] == '2') || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'))
			continue;
		size_t j = i;
		int y = 0;
		while (j < len && j - i < 4 && s[j] >= '0' && s[j] <= '9')
			y = y * 10 + (s[j++] - '0');
		if (j - i != 4 || (j < len && s[j] >= '0' && s[j] <= '9'))
			continue;
		while (j < len && s[j] == ' ')
			j++;
		if (y >= 1990 && y <= 2199 && is_cp(s, len, j, "年")) {
			*pos = j;
			return y;
		}
	}
	*pos = len;
	return 0;
}

static int first_year(const char *s)
{
	size_t pos = 0;
	return next_year(s, strlen(s), &pos);
}

static void find_years(const struct parse_doc *d, int *review, int *plan)
{
	*review = *plan = 0;
	/* the parts say it: "一、2025年工作回顾" / "二、2026年工作安排" */
	int part_years[2] = {0, 0}, nparts = 0;
	const char *one_title = NULL;
	for (size_t i = 0; i < d->nsections && nparts < 2; i++) {
		if (strcmp(d->sections[i].kind, "part") != 0 &&
		    !(d->sections[i].parent == 0 && strcmp(d->sections[i].kind, "heading") == 0))
			continue;
		int y = first_year(d->sections[i].title);
		if (y && (nparts == 0 || y != part_years[0])) {
			if (!nparts)
				one_title = d->sections[i].title;
			part_years[nparts++] = y;
		}
	}
	if (nparts == 2) {
		*review = part_years[0];
		*plan = part_years[1];
		return;
	}
	if (nparts == 1 && (strstr(one_title, "回顾") || strstr(one_title, "成绩") ||
	                    strstr(one_title, "取得") || strstr(one_title, "总结"))) {
		*review = part_years[0];
	} else if (nparts == 1) {
		*plan = part_years[0];
		*review = *plan - 1;
		return;
	}
	/* else the year the text speaks of most, and the next one if it looks ahead */
	int years[16] = {0}, counts[16] = {0}, ny = 0, ahead = 0;
	for (size_t i = 0; i < d->nparas; i++) {
		const struct parse_para *p = &d->paras[i];
		if (strcmp(p->kind, "masthead") == 0 || strcmp(p->kind, "signature") == 0)
			continue;
		if (strstr(p->text, "新的一年") || strstr(p->text, "明年"))
			ahead = 1;
		size_t pos = 0;
		for (int y; (y = next_year(p->text, p->len, &pos));) {
			int k = 0;
			while (k < ny && years[k] != y)
				k++;
			if (k == ny && ny < 16)
				years[ny++] = y;
			if (k < ny)
				counts[k]++;
		}
	}
	int best = -1;
	for (int k = 0; k < ny; k++)
		if (best < 0 || counts[k] > counts[best] ||
		    (counts[k] == counts[best] && years[k] < years[best]))
			best = k;
	if (!*review && best >= 0)
		*review = years[best];
	if (*review) {
		for (int k = 0; k < ny; k++)
			if (years[k] == *review + 1)
				ahead = 1;
		if (ahead)
			*plan = *review + 1;
	}
}

/* Full-width digits, ％ or ．: U+FF05, U+FF0E, U+FF10–FF19 (EF BC 85/8E/90–99),
 * or a traditional character: what folding must read. */
static int has_wide_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += pu_decode(s + i, len - i, &cp);
		if (cp >= 0x3400 && text_t2s_cp(cp) != cp)
			return 1;
	}
	for (const char *p = s; (p = memchr(p, 0xEF, (size_t)(s + len - p))) && p + 2 < s + len;
	     p++)
		if ((unsigned char)p[1] == 0xBC &&
		    ((unsigned char)p[2] == 0x85 || (unsigned char)p[2] == 0x8E ||
		     ((unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99)))
			return 1;
	return 0;
}

/* The document with full-width digits and letters read as ASCII
 * ("２０１０年" is 2010年): what region, date and years are read from.
 * Only the paragraphs that have such digits are copied (a 50 MB report
 * is not held twice); the title is taken as written. */
static int folded_doc(const struct parse_doc *d, struct parse_doc *f)
{
	*f = *d;
	f->paras = calloc(d->nparas + 1, sizeof *f->paras);
	f->sections = calloc(d->nsections + 1, sizeof *f->sections);
	if (!f->paras || !f->sections)
		return -1;
	for (size_t i = 0; i < d->nparas; i++) {
		f->paras[i] = d->paras[i];
		if (!has_wide_digits(d->paras[i].text, d->paras[i].len))
			continue;
		f->paras[i].text =
		    text_fold(d->paras[i].text, d->paras[i].len, 0, &f->paras[i].len);
		if (!f->paras[i].text)
			return -1;
	}
	for (size_t i = 0; i < d->nsections; i++) {
		f->sections[i] = d->sections[i];
		f->sections[i].title =
		    d->sections[i].title
		        ? text_fold(d->sections[i].title, strlen(d->sections[i].title), 0, NULL)
		        : NULL;
		if (d->sections[i].title && !f->sections[i].title)
			return -1;
	}
	return 0;
}

static void folded_free(const struct parse_doc *d, struct parse_doc *f)
{
	for (size_t i = 0; f->paras && i < d->nparas; i++)
		if (f->paras[i].text != d->paras[i].text)
			free(f->paras[i].text);
	for (size_t i = 0; f->sections && i < d->nsections; i++)
		free(f->sections[i].title);
	free(f->paras);
	free(f->sections);
}

/* The years a report reviews and plans, from the day it was delivered:
 * reports are given from December to March, so one of 22 December 2025
 * reviews 2025 and plans 2026, one of 5 March 2019 reviews 2018. */
static void years_from_date(const char *date, int *review, int *plan)
{
	int y = atoi(date), mo = atoi(date + 5);
	if (mo >= 10) {
		*review = y;
		*plan = y + 1;
	} else {
		*review = y - 1;
		*plan = y;
	}
}

/* the first year in the title: a bulletin's year */
static int title_year(const struct parse_doc *d)
{
	for (size_t i = 0; i < d->nparas; i++)
		if (strcmp(d->paras[i].kind, "heading") == 0)
			return first_year(d->paras[i].text);
	return 0;
}

int meta_read(const struct parse_doc *d, const char *path, struct meta *m)
{
	memset(m, 0, sizeof *m);
	struct parse_doc f;
	if (folded_doc(d, &f) < 0) {
		folded_free(d, &f);
		return -1;
	}
	m->region = find_region(&f, path);
	m->kind = find_kind(&f);
	m->date = find_date(&f);
	m->title = find_title(d, path);
	find_years(&f, &m->review_year, &m->plan_year);
	int ty = title_year(&f);
	if (m->kind && strcmp(m->kind, "统计公报") == 0 && ty) {
		m->review_year = ty;
		m->plan_year = 0;
	} else if (m->date && m->kind && strcmp(m->kind, "统计公报") != 0) {
		int r, p;
		years_from_date(m->date, &r, &p);
		/* parts that name both years are taken as they say */
		if (!(m->review_year && m->plan_year == m->review_year + 1 &&
		      m->plan_year >= p - 1 && m->plan_year <= p + 1)) {
			m->review_year = r;
			m->plan_year = p;
		}
	} else if (m->kind && strcmp(m->kind, "解读") == 0 && ty && !m->plan_year) {
		m->plan_year = ty;
		m->review_year = ty - 1;
	}
	folded_free(d, &f);
	if (!m->title) {
		meta_free(m);
		return -1;
	}
	return 0;
}

void meta_free(struct meta *m)
{
	free(m->region);
	free(m->date);
	free(m->title);
	memset(m, 0, sizeof *m);
}
