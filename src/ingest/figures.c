/* figures.c — numbers, units, percentages, ranges and qualifiers of a
 * clause (see figures.h).  Every rule reads how reports write figures, not
 * particular sentences: the word right after a figure decides its
 * qualifier, a word right before it is the fallback, and a fall turns a
 * floor into a ceiling. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ingest/figures.h"
#include "text/text.h"

int xt_at(const struct xtext *t, size_t i, const char *word)
{
	size_t len = strlen(word);
	for (size_t b = 0; b < len; i++) {
		uint32_t cp;
		b += utf8_decode(word + b, len - b, &cp);
		if (i >= t->n || t->cp[i] != cp)
			return 0;
	}
	return 1;
}

size_t xt_find(const struct xtext *t, size_t a, size_t b, const char *word)
{
	for (size_t i = a; i < b; i++)
		if (xt_at(t, i, word))
			return i;
	return b;
}

int xt_has(const struct xtext *t, size_t a, size_t b, const char *word)
{
	return xt_find(t, a, b, word) < b;
}

int xt_has_any(const struct xtext *t, size_t a, size_t b, const char *const *words)
{
	for (; *words; words++)
		if (xt_has(t, a, b, *words))
			return 1;
	return 0;
}

static size_t cps(const char *word)
{
	size_t n = 0;
	for (const char *p = word; *p; p++)
		n += ((unsigned char)*p & 0xC0) != 0x80;
	return n;
}

int xt_ends_with_any(const struct xtext *t, size_t a, size_t b, const char *const *words)
{
	while (b > a && (t->cp[b - 1] == ' '))
		b--;
	for (; *words; words++) {
		size_t n = cps(*words);
		if (b >= a + n && xt_at(t, b - n, *words))
			return 1;
	}
	return 0;
}

int xt_is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

char *xt_utf8(const struct xtext *t, size_t a, size_t b)
{
	char *s = malloc((b > a ? b - a : 0) * 4 + 1), *o = s;
	if (!s)
		return NULL;
	for (size_t i = a; i < b; i++)
		o += utf8_encode(t->cp[i], o);
	*o = '\0';
	return s;
}

/* ---- numbers and units ---- */

/* a number at i: digits with one decimal point; its end, or i */
static size_t number_end(const struct xtext *t, size_t i, size_t b)
{
	size_t j = i;
	int dot = 0;
	while (j < b && (xt_is_digit(t->cp[j]) || (t->cp[j] == '.' && !dot && j > i && j + 1 < b &&
	                                           xt_is_digit(t->cp[j + 1])))) {
		dot |= t->cp[j] == '.';
		j++;
	}
	return j;
}

static double number_value(const struct xtext *t, size_t a, size_t e, char *written, size_t cap)
{
	size_t n = 0;
	for (size_t i = a; i < e && n + 1 < cap; i++)
		written[n++] = (char)t->cp[i];
	written[n] = '\0';
	return strtod(written, NULL);
}

static size_t skip_spaces(const struct xtext *t, size_t i, size_t b)
{
	while (i < b && t->cp[i] == ' ')
		i++;
	return i;
}

/* Units of a level.  Money, people, grain and land are what the reports
 * state targets in; the counts (家, 个, 项) are kept so that a count is never
 * read as some other figure's level. */
static const char *const units[] = {
    "万亿美元", "亿美元",   "万美元", "美元",   "万亿元",   "亿元",     "万元",   "元",
    "万亿斤",   "亿斤",     "万斤",   "亿公斤", "万公斤",   "公斤",     "斤",     "亿吨",
    "万吨",     "吨",       "万公顷", "公顷",   "万亩",     "亩",       "万人次", "人次",
    "万人",     "人",       "万户",   "户",     "亿千瓦时", "万千瓦时", "千瓦时", "万千瓦",
    "千瓦",     "万平方米", "平方米", "公里",   "家",       "个",       "项",     NULL};

const char *fig_unit_at(const struct xtext *t, size_t i)
{
	const char *best = NULL;
	size_t best_n = 0;
	for (const char *const *u = units; *u; u++) {
		size_t n = cps(*u);
		if (n > best_n && xt_at(t, i, *u)) {
			best = *u;
			best_n = n;
		}
	}
	return best;
}

/* ---- the words around a figure ---- */

static const char *const growth_words[] = {"增长", "增速", "涨幅", "增幅", "上涨", "提高", "提升",
                                           "增加", "回升", "上升", "下降", "降低", "减少", "下滑",
                                           "回落", "降幅", "跌幅", "下跌", NULL};
static const char *const fall_words[] = {"下降", "降低", "减少", "下滑", "回落",
                                         "降幅", "跌幅", "下跌", NULL};

/* The last growth word in [a, b) and whether it is a fall; a fall "to" a
 * level (降到, 下降至) is a level, not a fall. */
static int growth_before(const struct xtext *t, size_t a, size_t b, int *fall)
{
	size_t best = (size_t)-1, best_end = 0;
	int best_fall = 0;
	for (const char *const *w = growth_words; *w; w++) {
		size_t n = cps(*w);
		for (size_t i = a; i + n <= b; i++)
			if (xt_at(t, i, *w) && (best == (size_t)-1 || i >= best)) {
				best = i;
				best_end = i + n;
				best_fall = 0;
				for (const char *const *f = fall_words; *f; f++)
					best_fall |= strcmp(*f, *w) == 0;
			}
	}
	if (best == (size_t)-1)
		return 0;
	size_t k = skip_spaces(t, best_end, b);
	if (best_fall && k < b && (t->cp[k] == 0x5230 /* 到 */ || t->cp[k] == 0x81F3 /* 至 */))
		best_fall = 0;
	*fall = best_fall;
	return 1;
}

/* how many code points before a figure its governing words may stand */
#define CUE_REACH 10

static const char *qualifier_after(const struct xtext *t, size_t k, size_t b)
{
	k = skip_spaces(t, k, b);
	if (xt_at(t, k, "左右") || xt_at(t, k, "上下"))
		return "about";
	if (xt_at(t, k, "以上"))
		return "at_least";
	if (xt_at(t, k, "以内") || xt_at(t, k, "以下"))
		return "at_most";
	return NULL;
}

static const char *qualifier_before(const struct xtext *t, size_t a, size_t i)
{
	static const char *const at_most[] = {"不超过", "不高于", "低于", "控制在",
	                                      "不到",   "少于",   NULL};
	/* 超过, 突破 before a level restate it ("首次突破1万亿元"): the word after
	 * the figure decides those */
	static const char *const at_least[] = {"不低于", "不少于", NULL};
	static const char *const about[] = {"约", "大约", "接近", NULL};
	size_t from = i > a + 5 ? i - 5 : a;
	/* 不低于 before 低于 */
	if (xt_has_any(t, from, i, at_least))
		return "at_least";
	if (xt_has_any(t, from, i, at_most))
		return "at_most";
	if (xt_has_any(t, from, i, about))
		return "about";
	return NULL;
}

/* 至, 到, —, –, -, ~ between the two ends of a range */
static size_t range_connector(const struct xtext *t, size_t i, size_t b)
{
	i = skip_spaces(t, i, b);
	if (i >= b)
		return 0;
	uint32_t c = t->cp[i];
	if (c == 0x2014 || c == 0x2013 || c == 0x2015 || c == 0x2012 || c == '-' || c == '~' ||
	    c == 0x301C || c == 0x81F3 /* 至 */ || c == 0x5230 /* 到 */) {
		size_t j = i + 1;
		while (j < b && (t->cp[j] == 0x2014 || t->cp[j] == 0x2015)) /* —— */
			j++;
		return j;
	}
	return 0;
}

static int distributes(const struct xtext *t, size_t a, size_t i)
{
	/* 均增长9%: not 年均, 人均, 平均 */
	for (size_t k = i; k > a && k + 4 > i; k--)
		if (t->cp[k - 1] == 0x5747 /* 均 */) {
			uint32_t p = k >= 2 ? t->cp[k - 2] : 0;
			return p != 0x5E74 && p != 0x4EBA && p != 0x5E73; /* 年 人 平 */
		}
	return 0;
}

size_t fig_scan(const struct xtext *t, size_t a, size_t b, struct figure *out, size_t max)
{
	size_t n = 0, cue = a;
	int list = 0;
	size_t next_list = xt_find(t, a, b, "分别");
	for (size_t i = a; i < b && n < max; i++) {
		if (i == next_list) {
			list++;
			next_list = xt_find(t, i + 1, b, "分别");
		}
		if (!xt_is_digit(t->cp[i]) ||
		    (i > a && (xt_is_digit(t->cp[i - 1]) || t->cp[i - 1] == '.')))
			continue;
		/* a year, a date, a numbering: not a figure */
		size_t e = number_end(t, i, b);
		size_t k = skip_spaces(t, e, b);
		struct figure f = {0};
		f.at = i;
		f.cue_at = cue;
		f.num = number_value(t, i, e, f.written, sizeof f.written);
		f.list = list;
		size_t end = 0;
		size_t conn = range_connector(t, k < b && t->cp[k] == '%' ? k + 1 : k, b);
		size_t hi_at = conn ? skip_spaces(t, conn, b) : 0;
		size_t hi_end =
		    hi_at && hi_at < b && xt_is_digit(t->cp[hi_at]) ? number_end(t, hi_at, b) : 0;
		size_t hi_pct = hi_end ? skip_spaces(t, hi_end, b) : 0;
		if (hi_end && hi_pct < b && t->cp[hi_pct] == '%') {
			char w[32];
			f.kind = FIG_PERCENT;
			f.range = 1;
			f.high = number_value(t, hi_at, hi_end, w, sizeof w);
			end = hi_pct + 1;
		} else if (k < b && t->cp[k] == '%') {
			f.kind = FIG_PERCENT;
			end = k + 1;
		} else if (xt_at(t, k, "个百分点") || xt_at(t, k, "百分点") || xt_at(t, k, "倍") ||
		           xt_at(t, k, "年") || xt_at(t, k, "月") || xt_at(t, k, "日")) {
			cue = skip_spaces(t, k, b);
			i = k;
			continue;
		} else {
			size_t u = k;
			int more = 0;
			if (u < b && (t->cp[u] == 0x591A || t->cp[u] == 0x4F59)) { /* 多 余 */
				more = 1;
				u++;
			}
			const char *unit = fig_unit_at(t, u);
			if (!unit) {
				i = e > i ? e - 1 : i;
				continue;
			}
			f.kind = FIG_LEVEL;
			f.unit = unit;
			end = u + cps(unit);
			if (more)
				f.qualifier = "at_least";
		}
		f.end = end;
		size_t from = i > cue + CUE_REACH ? i - CUE_REACH : cue;
		if (f.kind == FIG_PERCENT) {
			int fall = 0;
			f.growth = growth_before(t, from, i, &fall);
			if (!f.growth) { /* "实现3.9%的稳健增长" */
				size_t to = end + 6 < b ? end + 6 : b;
				f.growth = t->cp[skip_spaces(t, end, b)] == 0x7684 /* 的 */ &&
				           xt_has(t, end, to, "增长");
			}
			f.fall = fall;
		}
		const char *q = qualifier_after(t, end, b);
		if (!q && !f.qualifier)
			q = qualifier_before(t, from, i);
		if (q)
			f.qualifier = q;
		if (f.range) {
			f.qualifier = "range";
			if (f.high < f.num) { /* "7%—6%": the ends in order */
				double lo = f.high;
				f.high = f.num;
				f.num = lo;
			}
		}
		if (!f.qualifier)
			f.qualifier = "exact";
		f.each = distributes(t, from, i);
		if (f.fall) {
			/* a fall of at least 3.5 is a growth of at most -3.5 */
			double lo = -(f.range ? f.high : f.num), hi = -f.num;
			f.num = lo;
			f.high = hi;
			if (strcmp(f.qualifier, "at_least") == 0)
				f.qualifier = "at_most";
			else if (strcmp(f.qualifier, "at_most") == 0)
				f.qualifier = "at_least";
		}
		out[n++] = f;
		cue = end;
		if (q) { /* past the qualifier word */
			size_t qk = skip_spaces(t, end, b);
			if (qualifier_after(t, end, b))
				cue = qk + 2;
		}
		i = end - 1;
	}
	return n;
}

const char *fig_relative(const struct xtext *t, size_t a, size_t b)
{
	if (xt_has(t, a, b, "同步"))
		return "in_step";
	static const char *const above[] = {"快于", "高于", "跑赢", "超过", NULL};
	for (const char *const *w = above; *w; w++) {
		size_t k = xt_find(t, a, b, *w);
		if (k < b) {
			size_t to = k + 10 < b ? k + 10 : b;
			if (xt_has(t, k, to, "增长") || xt_has(t, k, to, "发展") ||
			    xt_has(t, k, to, "增速"))
				return "above";
		}
	}
	return NULL;
}
