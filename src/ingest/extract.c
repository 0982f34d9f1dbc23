/* extract.c — quantitative statements (indicators) out of a parsed document.
 *
 * A paragraph is read sentence by sentence (。！？), each sentence clause by
 * clause (；;), and each clause from one indicator name to the next, so an
 * enumeration like "地区生产总值完成367亿元,同比增长6.5%;规上工业增加值…"
 * yields one statement per name.  Year and kind come from the context: the
 * part the paragraph is in ("一、2025年工作回顾" reviews, "二、2026年工作安排"
 * plans), cue words in the sentence (主要预期目标, 力争) and the years the
 * document reviews and plans.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "ingest/extract.h"
#include "text/text.h"

struct name {
	uint32_t cp[32];
	size_t n;
	char *canonical, *written;
};

static struct name *names;
static size_t nnames;

/* used when data/indicators.tsv cannot be found, so extraction never
 * silently does nothing; the file is what users extend */
static const char builtin_names[] = "地区生产总值\tGDP\t生产总值\n"
                                    "规模以上工业增加值\t规上工业增加值\n"
                                    "固定资产投资\t全社会固定资产投资\n"
                                    "社会消费品零售总额\n"
                                    "一般公共预算收入\n"
                                    "城镇居民人均可支配收入\t城镇常住居民人均可支配收入\n"
                                    "农村居民人均可支配收入\t农村常住居民人均可支配收入\n"
                                    "居民消费价格\tCPI\t居民消费价格涨幅\n";

static size_t to_cps(const char *s, size_t len, uint32_t *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < len && n < max;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		out[n++] = text_fold_cp(cp, 0);
	}
	return n;
}

static void add_name(const char *canonical, const char *written, size_t wlen)
{
	struct name *g = realloc(names, (nnames + 1) * sizeof *g);
	if (!g)
		return;
	names = g;
	struct name *n = &names[nnames];
	n->n = to_cps(written, wlen, n->cp, 32);
	if (!n->n)
		return;
	n->canonical = strdup(canonical);
	n->written = strndup(written, wlen);
	nnames++;
}

static int cmp_longest(const void *a, const void *b)
{
	const struct name *x = a, *y = b;
	return (y->n > x->n) - (y->n < x->n);
}

static void parse_names(const char *text)
{
	char *copy = strdup(text);
	for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
		if (*line == '#' || !*line)
			continue;
		char *tab = strchr(line, '\t');
		size_t clen = tab ? (size_t)(tab - line) : strlen(line);
		char *canonical = strndup(line, clen);
		while (clen && (canonical[clen - 1] == '\r' || canonical[clen - 1] == ' '))
			canonical[--clen] = '\0';
		add_name(canonical, canonical, clen);
		for (char *s = tab; s; s = strchr(s + 1, '\t')) {
			char *end = strchr(s + 1, '\t');
			size_t n = end ? (size_t)(end - s - 1) : strlen(s + 1);
			while (n && (s[n] == '\r' || s[n] == ' '))
				n--;
			if (n)
				add_name(canonical, s + 1, n);
		}
		free(canonical);
	}
	free(copy);
	qsort(names, nnames, sizeof *names, cmp_longest);
}

int extract_load_names(const char *path)
{
	for (size_t i = 0; i < nnames; i++) {
		free(names[i].canonical);
		free(names[i].written);
	}
	free(names);
	names = NULL;
	nnames = 0;
	FILE *fp = path ? fopen(path, "r") : NULL;
	if (!fp) {
		parse_names(builtin_names);
		return -1;
	}
	char *buf = NULL;
	size_t cap = 0, len = 0, n;
	char chunk[4096];
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			buf = realloc(buf, cap);
		}
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(fp);
	if (buf) {
		buf[len] = '\0';
		parse_names(buf);
	}
	free(buf);
	return 0;
}

/* ---- one paragraph as code points ---- */

struct text {
	uint32_t *cp; /* folded: full-width digits and commas read as ASCII */
	size_t n;
};

static int at(const struct text *t, size_t i, const char *word)
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

/* first position of word in [a, b), or b */
static size_t find(const struct text *t, size_t a, size_t b, const char *word)
{
	for (size_t i = a; i < b; i++)
		if (at(t, i, word))
			return i;
	return b;
}

static int has(const struct text *t, size_t a, size_t b, const char *word)
{
	return find(t, a, b, word) < b;
}

static int is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

static size_t skip_spaces(const struct text *t, size_t i, size_t b)
{
	while (i < b && (t->cp[i] == ' ' || t->cp[i] == 0x3000))
		i++;
	return i;
}

/* a number at i: digits with one decimal point; returns its end or i */
static size_t number_end(const struct text *t, size_t i, size_t b)
{
	size_t j = i;
	int dot = 0;
	while (j < b && (is_digit(t->cp[j]) || (t->cp[j] == '.' && !dot && j > i && j + 1 < b &&
	                                        is_digit(t->cp[j + 1])))) {
		dot |= t->cp[j] == '.';
		j++;
	}
	return j;
}

static char *cps_to_utf8(const struct text *t, size_t a, size_t b)
{
	char *s = malloc((b - a) * 4 + 1), *o = s;
	for (size_t i = a; i < b; i++)
		o += utf8_encode(t->cp[i], o);
	*o = '\0';
	return s;
}

static const char *const units[] = {"亿千瓦时", "万千瓦", "亿公斤", "万公斤", "亿元", "万元",
                                    "亿斤",     "万斤",   "万吨",   "万亩",   "万人", "万户",
                                    "元",       "吨",     "亩",     "人",     "户",   "家",
                                    "个",       "项",     "公斤",   "斤"};

static const char *unit_at(const struct text *t, size_t i)
{
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
		if (at(t, i, units[u]))
			return units[u];
	return NULL;
}

struct statement {
	char *value, *unit;
	double growth;
	int has_growth;
	const char *qualifier;
};

/* the qualifier around a percentage [num_start, pct_end) */
static const char *qualifier_of(const struct text *t, size_t clause_a, size_t num_start,
                                size_t pct_end, size_t b)
{
	size_t k = skip_spaces(t, pct_end, b);
	if (at(t, k, "左右"))
		return "about";
	if (at(t, k, "以上"))
		return "at_least";
	if (at(t, k, "以内") || at(t, k, "以下"))
		return "at_most";
	size_t from = num_start > clause_a + 4 ? num_start - 4 : clause_a;
	if (has(t, from, num_start, "不低于") || has(t, from, num_start, "超过") ||
	    has(t, from, num_start, "超"))
		return "at_least";
	if (has(t, from, num_start, "控制在") || has(t, from, num_start, "不超过") ||
	    has(t, from, num_start, "不高于"))
		return "at_most";
	return "exact";
}

/* Reads value, unit, growth and qualifier from the words after a name that
 * starts at na ("居民消费价格涨幅控制在3%左右": the name itself may say
 * that its percentage is a rate). */
static int read_statement(const struct text *t, size_t na, size_t a, size_t b, struct statement *s)
{
	memset(s, 0, sizeof *s);
	if (has(t, a, b, "同步")) {
		s->qualifier = "in_step";
		return 1;
	}
	if (has(t, a, b, "高于经济增长") || has(t, a, b, "快于经济增长")) {
		s->qualifier = "above";
		return 1;
	}
	size_t value_at = b;
	for (size_t i = a; i < b; i++) {
		if (!is_digit(t->cp[i]) ||
		    (i > a && (is_digit(t->cp[i - 1]) || t->cp[i - 1] == '.')))
			continue;
		size_t e = number_end(t, i, b);
		size_t k = skip_spaces(t, e, b);
		if (k < b && t->cp[k] == '%') {
			/* a percentage is the growth when 增长/增速/涨幅/下降 governs it */
			size_t from = i > na + 8 ? i - 8 : na;
			int down = has(t, from, i, "下降") || has(t, from, i, "减少");
			/* a rate (失业率, 覆盖率) is itself a percentage */
			int rate = a > na && t->cp[a - 1] == 0x7387 /* 率 */;
			int up = rate || has(t, from, i, "增长") || has(t, from, i, "增速") ||
			         has(t, from, i, "涨幅") || has(t, from, i, "上涨") ||
			         has(t, from, i, "提高") ||
			         has(t, k, b > k + 8 ? k + 8 : b, "增长");
			if ((up || down) && !s->has_growth) {
				char *num = cps_to_utf8(t, i, e);
				s->growth = strtod(num, NULL) * (down && !up ? -1 : 1);
				free(num);
				s->has_growth = 1;
				s->qualifier = qualifier_of(t, a, i, k + 1, b);
			}
			i = k;
			continue;
		}
		const char *unit = k < b ? unit_at(t, k) : NULL;
		if (!unit)
			continue;
		/* "突破 4 万元(达 40804 元)": the exact figure wins over the round one */
		size_t before = i;
		while (before > a && (t->cp[before - 1] == ' ' || t->cp[before - 1] == 0x3000))
			before--;
		if (!s->value ||
		    (before > a && t->cp[before - 1] == 0x8FBE /* 达 */ && value_at < i &&
		     (has(t, value_at, i, "(") || has(t, value_at, i, "（")))) {
			free(s->value);
			free(s->unit);
			s->value = cps_to_utf8(t, i, e);
			s->unit = strdup(unit);
			value_at = i;
		}
		i = e;
	}
	if (s->value && !s->has_growth)
		s->qualifier = has(t, a > 2 ? a - 2 : a, value_at, "超") ? "at_least" : "exact";
	return s->value || s->has_growth;
}

/* ---- context ---- */

static int year_in(const char *s)
{
	if (!s)
		return 0;
	for (const char *p = s; *p; p++)
		if (p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' &&
		    p[3] <= '9' && (p == s || p[-1] < '0' || p[-1] > '9')) {
			const char *q = p + 4;
			while (*q == ' ')
				q++;
			if (strncmp(q, "年", 3) == 0)
				return atoi(p);
		}
	return 0;
}

/* The year of the top-level part a section belongs to ("二、2026年工作安排"). */
static int part_year(const struct extract_doc *d, int section)
{
	int year = 0;
	for (int guard = 0; section > 0 && (size_t)section <= d->nsections && guard < 64; guard++) {
		const struct extract_section *s = &d->sections[section - 1];
		int y = year_in(s->title);
		if (y)
			year = y;
		section = s->parent;
	}
	return year;
}

/* "2025年，全区…": the last year named before i in the sentence */
static int year_before(const struct text *t, size_t a, size_t i)
{
	int year = 0;
	for (size_t k = a; k + 4 < i; k++)
		if (t->cp[k] == '2' && t->cp[k + 1] == '0' && is_digit(t->cp[k + 2]) &&
		    is_digit(t->cp[k + 3]) && (k == a || !is_digit(t->cp[k - 1]))) {
			size_t j = skip_spaces(t, k + 4, i);
			if (j < i && t->cp[j] == 0x5E74 /* 年 */)
				year = (int)((t->cp[k] - '0') * 1000 + (t->cp[k + 1] - '0') * 100 +
				             (t->cp[k + 2] - '0') * 10 + (t->cp[k + 3] - '0'));
		}
	return year;
}

static char *period_before(const struct text *t, size_t a, size_t i)
{
	static const char *const words[] = {"前三季度", "上半年", "一季度", "前两个季度", "下半年"};
	size_t best = i;
	const char *word = NULL;
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		size_t k = find(t, a, i, words[w]);
		if (k < i && (best == i || k > best)) {
			best = k;
			word = words[w];
		}
	}
	/* "1-11月", "1—11月" */
	for (size_t k = a; k + 3 < i; k++) {
		if (!is_digit(t->cp[k]) || (k > a && is_digit(t->cp[k - 1])))
			continue;
		size_t e = number_end(t, k, i);
		if (e < i && (t->cp[e] == '-' || t->cp[e] == 0x2014 || t->cp[e] == 0x2013 ||
		              t->cp[e] == '~')) {
			size_t e2 = number_end(t, e + 1, i);
			if (e2 > e + 1 && e2 < i && t->cp[e2] == 0x6708 /* 月 */ &&
			    (best == i || k > best))
				return cps_to_utf8(t, k, e2 + 1);
		}
	}
	return word ? strdup(word) : NULL;
}

/* how far back (code points) a year or period still governs a figure */
#define CONTEXT_REACH 160

static int is_sentence_end(uint32_t c)
{
	return c == 0x3002 || c == '!' || c == '?' || c == 0xFF01 || c == 0xFF1F;
}

static int is_clause_end(uint32_t c)
{
	return is_sentence_end(c) || c == ';' || c == 0xFF1B;
}

/* the longest name at i, or NULL */
static const struct name *name_at(const struct text *t, size_t i)
{
	for (size_t k = 0; k < nnames; k++) {
		const struct name *n = &names[k];
		if (i + n->n > t->n)
			continue;
		size_t j = 0;
		while (j < n->n && t->cp[i + j] == n->cp[j])
			j++;
		if (j == n->n)
			return n;
	}
	return NULL;
}

/* Figures about several years or a part of the region are not the region's
 * indicator of one year. */
static int aggregate(const struct text *t, size_t a, size_t b)
{
	static const char *const words[] = {"累计", "五年", "年均", "增量", "十三五", "十四五"};
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
		if (has(t, a, b, words[w]))
			return 1;
	return 0;
}

static int emit(const struct extract_doc *d, const struct extract_para *p,
                const struct doc_sink *sink, const struct name *nm, const struct statement *st,
                int year, const char *kind, const char *period, size_t ca, size_t cb)
{
	struct sink_indicator ind = {
	    .indicator = nm->canonical,
	    .name = nm->written,
	    .year = year,
	    .kind = kind,
	    .value = st->value,
	    .unit = st->unit,
	    .growth = st->growth,
	    .has_growth = st->has_growth,
	    .qualifier = st->qualifier,
	    .period = period,
	    .paragraph = p->ord,
	    .section = p->section,
	    .start = (int)ca,
	    .end = (int)cb,
	};
	(void)d;
	return sink->indicator(sink->ctx, &ind);
}

static int paragraph(const struct extract_doc *d, const struct extract_para *p,
                     const struct doc_sink *sink)
{
	struct text t;
	t.cp = malloc((p->len + 1) * sizeof *t.cp);
	if (!t.cp)
		return -1;
	t.n = to_cps(p->text, p->len, t.cp, p->len + 1);
	int bulletin = d->kind && strcmp(d->kind, "统计公报") == 0;
	int pyear = part_year(d, p->section);
	int planning = pyear && pyear == d->plan_year && d->plan_year != d->review_year;
	int emitted = 0, rc = 0;
	size_t sa = 0;
	int target_sentence = 0;
	for (size_t i = 0; i <= t.n && rc >= 0; i++) {
		if (i < t.n && !is_clause_end(t.cp[i]))
			continue;
		/* clause [ca, i) within sentence [sa, …) */
		size_t ca = sa;
		for (size_t k = i; k > sa; k--)
			if (is_clause_end(t.cp[k - 1])) {
				ca = k;
				break;
			}
		size_t prev_name = (size_t)-1;
		const struct name *pending = NULL;
		/* cue words hold for the rest of their sentence; each clause is read
		 * once, so a sentence of a million clauses stays linear */
		target_sentence |= has(&t, ca, i, "预期目标") || has(&t, ca, i, "力争") ||
		                   has(&t, ca, i, "目标是");
		for (size_t k = ca; k <= i; k++) {
			const struct name *nm = k < i ? name_at(&t, k) : NULL;
			if (!nm && k < i)
				continue;
			if (pending) {
				struct statement st;
				size_t seg_a = prev_name + pending->n;
				/* the year and period named before it, within reach */
				size_t ctx_a =
				    prev_name > sa + CONTEXT_REACH ? prev_name - CONTEXT_REACH : sa;
				if (!aggregate(&t, ca, k) &&
				    read_statement(&t, prev_name, seg_a, k, &st)) {
					const char *kind = NULL;
					int year = 0;
					if (bulletin) {
						kind = "result";
						year = year_before(&t, ctx_a, prev_name);
						if (!year)
							year = d->review_year;
					} else if (target_sentence) {
						kind = "target";
						year = year_before(&t, ctx_a, prev_name);
						if (!year || year < d->plan_year)
							year = d->plan_year ? d->plan_year : year;
					} else if (!planning) {
						kind = "result";
						year = year_before(&t, ctx_a, prev_name);
						if (!year)
							year = pyear ? pyear : d->review_year;
					}
					if (kind && year) {
						char *period =
						    strcmp(kind, "result") == 0
						        ? period_before(&t, ctx_a, prev_name)
						        : NULL;
						size_t ea = ca, eb = i;
						while (ea < eb &&
						       (t.cp[ea] == ' ' || t.cp[ea] == ',' ||
						        t.cp[ea] == 0xFF0C))
							ea++;
						if (emit(d, p, sink, pending, &st, year, kind,
						         period, ea, eb) < 0)
							rc = -1;
						emitted++;
						free(period);
					}
					free(st.value);
					free(st.unit);
				}
			}
			if (nm) {
				pending = nm;
				prev_name = k;
				k += nm->n - 1;
			}
		}
		if (i < t.n && is_sentence_end(t.cp[i])) {
			sa = i + 1;
			target_sentence = 0;
		}
	}
	free(t.cp);
	return rc < 0 ? -1 : emitted;
}

int extract_indicators(const struct extract_doc *doc, const struct doc_sink *sink)
{
	if (!names) {
		char *path = datadir_find("data/indicators.tsv");
		extract_load_names(path);
		free(path);
	}
	if (!sink->indicator)
		return 0;
	int total = 0;
	for (size_t i = 0; i < doc->nparas; i++) {
		const struct extract_para *p = &doc->paras[i];
		if (p->kind &&
		    (strcmp(p->kind, "masthead") == 0 || strcmp(p->kind, "caption") == 0 ||
		     strcmp(p->kind, "signature") == 0))
			continue;
		int n = paragraph(doc, p, sink);
		if (n < 0)
			return -1;
		total += n;
	}
	return total;
}
