/* test_search.c — model_search and model_search_count on documents fed
 * through the sink: literal, folded, case-insensitive and regex counts,
 * every path (index, instr, scan) against a brute-force count, filters,
 * order, offsets, regex errors and limits. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "model/pattern.h"
#include "model_feed.h"
#include "text/text.h"

static enum prefilter path_of(model *m, const char *pattern, int regex, int icase, const char **arg,
                              char *buf, size_t size)
{
	struct search_query q = {.pattern = pattern, .regex = regex, .icase = icase};
	struct matcher mt;
	buf[0] = '\0';
	if (matcher_init(m, &mt, &q) < 0)
		return (enum prefilter) - 1;
	const char *a;
	enum prefilter p = matcher_prefilter(&mt, &a);
	snprintf(buf, size, "%s", a ? a : "");
	*arg = buf;
	matcher_free(&mt);
	return p;
}

struct hits {
	int n;
	int64_t doc[16];
	int ord[16];
	size_t cp_start[16], cp_end[16], byte_start[16], byte_end[16];
	char path[256], region[64];
	int stop_after;
};

static int on_hit(void *ctx, const struct search_hit *h)
{
	struct hits *k = ctx;
	if (k->n < 16) {
		k->doc[k->n] = h->doc;
		k->ord[k->n] = h->para_ord;
		k->cp_start[k->n] = h->cp_start;
		k->cp_end[k->n] = h->cp_end;
		k->byte_start[k->n] = h->byte_start;
		k->byte_end[k->n] = h->byte_end;
	}
	snprintf(k->path, sizeof k->path, "%s", h->section_path);
	snprintf(k->region, sizeof k->region, "%s", h->region);
	k->n++;
	return k->stop_after && k->n >= k->stop_after;
}

/* ---- search ---- */

static const char *const doc_s3[] = {"专业镇。", "（一）专业镇和ＧＤＰ。", NULL};
static const char *const doc_s4[] = {"无地区的专业镇。", NULL};

static void test_search(void)
{
	model *m = model_open(db_path("s.db"), NULL);
	CHECK(m != NULL);
	if (!m)
		return;
	/* ids 1..4 in this order; their hits come in region, date, id order:
	 * s4 (no region), s2 (上党区), s3 (潞州区 2025), s1 (潞州区 2026) */
	struct doc s1 = {"s1.txt", "k1", "潞州区", "2026-01-05", 2025, 2026, doc_a};
	struct doc s2 = {"s2.txt", "k2", "上党区", "2023-02-10", 2022, 2023, doc_b};
	struct doc s3 = {"s3.txt", "k3", "潞州区", "2025-01-08", 0, 0, doc_s3};
	struct doc s4 = {"s4.txt", "k4", NULL, NULL, 0, 0, doc_s4};
	CHECK(!store(m, &s1, 1) && !store(m, &s2, 1) && !store(m, &s3, 1) && !store(m, &s4, 1));

	/* literal: long (index), short (instr), folded (scan) */
	CHECK_INT(count(m, "专业镇", 0, 0, NULL), 7);
	CHECK_INT(count(m, "招商", 0, 0, NULL), 2);
	CHECK_INT(count(m, "镇", 0, 0, NULL), 7);
	CHECK_INT(count(m, "GDP", 0, 0, NULL), 3);    /* GDP and ＧＤＰ twice */
	CHECK_INT(count(m, "ＧＤＰ", 0, 0, NULL), 3); /* folded both ways */
	CHECK_INT(count(m, "gdp", 0, 0, NULL), 1);
	CHECK_INT(count(m, "gdp", 0, 1, NULL), 5); /* -i */
	CHECK_INT(count(m, "ＧＤＰ", 0, 1, NULL), 5);
	CHECK_INT(count(m, "Gd", 0, 0, NULL), 1); /* short, foldable: full scan */
	CHECK_INT(count(m, "7%", 0, 0, NULL), 1); /* ７% folded */
	CHECK_INT(count(m, "(一)", 0, 0, NULL), 3);
	CHECK_INT(count(m, "（一）", 0, 0, NULL), 3);
	CHECK_INT(count(m, "镇镇", 0, 0, NULL), 0);
	CHECK_INT(count(m, "没有的词", 0, 0, NULL), 0);
	CHECK_INT(count(m, "", 0, 0, NULL), -1);

	/* filters */
	CHECK_INT(count(m, "专业镇", 0, 0, "潞州区"), 5);
	CHECK_INT(count(m, "专业镇", 0, 0, "上党区"), 1);
	CHECK_INT(count(m, "专业镇", 0, 0, ""), 1); /* the document of no known region */
	CHECK_INT(count(m, "专业镇", 0, 0, "长治市"), 0);
	struct search_query q = {.pattern = "专业镇", .year = 2025};
	CHECK_INT(count_q(m, &q), 5); /* s1 reviews 2025, s3 is dated 2025 */
	q.year = 2022;
	CHECK_INT(count_q(m, &q), 1);
	q.year = 2023;
	CHECK_INT(count_q(m, &q), 1);
	q.year = 2026;
	CHECK_INT(count_q(m, &q), 3);
	q.year = 1999;
	CHECK_INT(count_q(m, &q), 0);
	q = (struct search_query){.pattern = "专业镇", .doc = 3};
	CHECK_INT(count_q(m, &q), 2);
	q.region = "上党区";
	CHECK_INT(count_q(m, &q), 0);

	/* order and per-document counts */
	struct search_count *c;
	size_t n;
	long total;
	q = (struct search_query){.pattern = "专业镇"};
	CHECK_INT(model_search_count(m, &q, &c, &n, &total), 0);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_STR(c[0].source, "s4.txt");
		CHECK_STR(c[1].source, "s2.txt");
		CHECK_STR(c[2].source, "s3.txt");
		CHECK_STR(c[3].source, "s1.txt");
		CHECK_INT(c[3].count, 3);
	}
	model_search_count_free(c, n);
	q.pattern = "镇"; /* the same order without the index */
	CHECK_INT(model_search_count(m, &q, &c, &n, &total), 0);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_STR(c[0].source, "s4.txt");
		CHECK_STR(c[3].source, "s1.txt");
	}
	model_search_count_free(c, n);
	q.pattern = "专业镇";
	struct hits k = {0};
	CHECK_INT(model_search(m, &q, on_hit, &k), 0);
	CHECK_INT(k.n, 7);
	CHECK_INT(k.doc[0], 4);
	CHECK_INT(k.doc[2], 3);
	CHECK_INT(k.ord[2], 1);
	CHECK_INT(k.ord[3], 2);
	CHECK_INT(k.doc[4], 1);
	/* offsets in code points and bytes of the stored text, left to right */
	CHECK_INT(k.cp_start[4], 25);
	CHECK_INT(k.byte_start[4], 18 * 3 + 7); /* 18 CJK characters, "367" and "6.5%" */
	CHECK_INT(k.cp_end[4] - k.cp_start[4], 3);
	CHECK_INT(k.byte_end[4] - k.byte_start[4], 9);
	CHECK_INT(k.cp_start[5], 29);
	CHECK_INT(k.cp_start[6], 32);
	CHECK_STR(k.path, "一、工作回顾");
	CHECK_STR(k.region, "潞州区");
	/* a full-width match maps back to its stored bytes */
	k = (struct hits){0};
	q = (struct search_query){.pattern = "gdp", .icase = 1, .doc = 3};
	CHECK_INT(model_search(m, &q, on_hit, &k), 0);
	CHECK_INT(k.n, 1);
	CHECK_INT(k.cp_start[0], 7);
	CHECK_INT(k.byte_start[0], strlen("（一）专业镇和"));
	CHECK_INT(k.byte_end[0] - k.byte_start[0], strlen("ＧＤＰ"));
	CHECK_STR(k.path, "一、工作回顾 › （一）经济");
	/* the callback stops the search */
	k = (struct hits){.stop_after = 2};
	q = (struct search_query){.pattern = "专业镇"};
	CHECK_INT(model_search(m, &q, on_hit, &k), 0);
	CHECK_INT(k.n, 2);

	/* regexes: an index literal, an alternation, a short literal, none */
	CHECK_INT(count(m, "专业镇", 1, 0, NULL), 7);
	CHECK_INT(count(m, "专业镇|招商引资", 1, 0, NULL), 8);
	CHECK_INT(count(m, "招.", 1, 0, NULL), 2);
	CHECK_INT(count(m, "增长[0-9.]+%", 1, 0, NULL), 2); /* 6.5% and ７% */
	CHECK_INT(count(m, "增长\\d+%", 1, 0, NULL), 1);    /* ７ folded to 7 */
	CHECK_INT(count(m, "gdp", 1, 1, NULL), 5);
	CHECK_INT(count(m, "(?i)gdp", 1, 0, NULL), 5);
	CHECK_INT(count(m, "ＧＤＰ", 1, 0, NULL), 3);
	CHECK_INT(count(m, "（一）", 1, 0, NULL), 3); /* a literal, not a group */
	CHECK_INT(count(m, "\\（一\\）", 1, 0, NULL), 3);
	CHECK_INT(count(m, "[（(]一[）)]", 1, 0, NULL), 3);
	CHECK_INT(count(m, "(?x) 专 业 镇", 1, 0, NULL), 7);
	CHECK_INT(count(m, "x*", 1, 0, NULL), 0); /* empty matches are not hits */
	CHECK_INT(count(m, "(", 1, 0, NULL), -1);
	CHECK(strstr(model_error(m), "invalid regular expression at offset 1") != NULL);
	CHECK_INT(count(m, "专业镇(", 1, 0, NULL), -1);
	CHECK(strstr(model_error(m), "offset 4") != NULL);
	CHECK(strstr(model_error(m), "missing closing parenthesis") != NULL);
	CHECK_INT(count(m, "a)", 1, 0, NULL), -1);
	CHECK(strstr(model_error(m), "offset 1") != NULL);

	/* which path each pattern takes */
	static const struct {
		const char *pattern;
		int regex, icase;
		enum prefilter pre;
		const char *arg;
	} paths[] = {
	    {"专业镇", 0, 0, PRE_FTS, "\"专业镇\""},
	    {"专业镇建设", 0, 0, PRE_FTS, "\"专业镇建设\""},
	    {"ＧＤＰ", 0, 1, PRE_FTS, "\"gdp\""},
	    {"a\"bc", 0, 0, PRE_FTS, "\"a\"\"bc\""},
	    /* two characters: the index's trigrams that start with them */
	    {"招商", 0, 0, PRE_FTS, "\"招商引\" OR \"招商推\""},
	    {"招商", 0, 1, PRE_FTS, "\"招商引\" OR \"招商推\""},
	    {"伏产", 0, 0, PRE_FTS, "\"伏产业\""},
	    {"商推", 0, 0, PRE_FTS, "\"商推介\""},
	    {"Gd", 0, 1, PRE_NONE, ""}, /* a cased letter: the index folds it */
	    {"Gd", 0, 0, PRE_NONE, ""},
	    {"，", 0, 0, PRE_NONE, ""},
	    {"专业镇|产业链", 1, 0, PRE_FTS, "\"专业镇\" OR \"产业链\""},
	    {"专业镇|a", 1, 0, PRE_NONE, ""},
	    {"增长[0-9.]+%", 1, 0, PRE_FTS, "\"增长6\" OR \"增长7\""}, /* two: through the index */
	    {"[[:digit:]]abc", 1, 0, PRE_FTS, "\"abc\""},
	    {"\\x41bcd", 1, 0, PRE_FTS, "\"bcd\""},
	    {"\\pLabc", 1, 0, PRE_FTS, "\"abc\""},
	    {"a\\cAbcd", 1, 0, PRE_FTS, "\"bcd\""},
	    {"\\0123", 1, 0, PRE_NONE, ""},
	    {"ab?cde", 1, 0, PRE_FTS, "\"cde\""},
	    {"ab{0,2}cde", 1, 0, PRE_FTS, "\"cde\""},
	    {"abc{2}de", 1, 0, PRE_FTS, "\"abc\""},
	    {"专业镇(?=建设)", 1, 0, PRE_FTS, "\"专业镇\""},
	    {"（一）", 1, 0, PRE_FTS, "\"(一)\""},
	    {"专业\\.", 1, 0, PRE_FTS, "\"专业.\""},
	    {"(?x)专 业 镇", 1, 0, PRE_NONE, ""},
	    {"\\Q专业镇\\E", 1, 0, PRE_NONE, ""},
	    {"(?i)光伏", 1, 0, PRE_FTS, "\"光伏产\""},
	    {"αβ", 1, 0, PRE_INSTR, "αβ"},
	    {"αβ", 1, 1, PRE_NONE, ""},
	    {"(专业)+的", 1, 0, PRE_INSTR, "的"},
	    /* 镇 is what 鎮 folds to: the stored text cannot be searched for it as is */
	    {"(专业)+镇", 1, 0, PRE_NONE, ""},
	};
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		const char *arg;
		char buf[256];
		enum prefilter pre = path_of(m, paths[i].pattern, paths[i].regex, paths[i].icase,
		                             &arg, buf, sizeof buf);
		CHECK_MSG(pre == paths[i].pre && strcmp(arg, paths[i].arg) == 0,
		          "%s: path %d \"%s\"", paths[i].pattern, (int)pre, arg);
	}
	/* which literals the index counts alone: no cased letter, no border */
	static const struct {
		const char *pattern;
		int icase, index_counts;
	} alone[] = {
	    {"专业镇", 0, 1}, {"专业镇", 1, 1},     {"增长3.9%", 0, 1}, {"“专业镇”", 0, 1},
	    {"镇镇镇", 0, 0}, {"专业镇专业", 0, 0}, {"GDP增长", 0, 0},  {"ＧＤＰ", 1, 0},
	    {"（一）", 0, 1}, /* folded to "(一)" like the text the index holds */
	    {"αβγ", 0, 0},
	};
	for (size_t i = 0; i < sizeof alone / sizeof alone[0]; i++) {
		struct search_query aq = {.pattern = alone[i].pattern, .icase = alone[i].icase};
		struct matcher mt;
		CHECK_INT(matcher_init(m, &mt, &aq), 0);
		CHECK_MSG(mt.index_counts == alone[i].index_counts, "%s: index_counts %d",
		          alone[i].pattern, mt.index_counts);
		matcher_free(&mt);
	}
	/* two characters at the very end of a paragraph, and nowhere at all */
	static const char *const doc_end[] = {"建设工业园，深化招商", "招商", NULL};
	struct doc s5 = {"s5.txt", "k5", "潞州区", NULL, 0, 0, doc_end};
	CHECK_INT(store(m, &s5, 1), 0);
	CHECK_INT(count(m, "招商", 0, 0, NULL), 4);
	struct hits k2 = {0};
	q = (struct search_query){.pattern = "招商"};
	CHECK_INT(model_search(m, &q, on_hit, &k2), 0);
	CHECK_INT(k2.n, 4);
	CHECK_INT(count(m, "商深", 0, 0, NULL), 0);
	CHECK_INT(count(m, "园深", 0, 0, NULL), 0);
	CHECK_INT(count(m, "，深", 0, 0, NULL), 1);
	/* a replaced document's paragraphs get new ids: counts stay right */
	struct doc s3b = {"s3.txt", "k3b", "潞州区", "2025-01-08", 0, 0, doc_s3};
	CHECK_INT(store(m, &s3b, 1), 0);
	CHECK_INT(count(m, "专业镇", 0, 0, NULL), 7);
	CHECK_INT(count(m, "专业镇", 0, 0, "潞州区"), 5);
	model_close(m);
}

/* ---- every path against a brute-force count ---- */

static const char *const alphabet[] = {"专", "业", "镇", "招", "商", "Ｇ", "Ｄ", "Ｐ", "G",  "D",
                                       "P",  "g",  "d",  "p",  "，", ",",  "7",  "７", "%",  "（",
                                       "一", "）", "(",  ")",  " ",  "　", "a",  "ａ", "Ａ", "A"};
#define NALPHA   (sizeof alphabet / sizeof alphabet[0])
#define BF_DOCS  4
#define BF_PARAS 120

static unsigned long bf_seed = 12345;

static unsigned rnd(unsigned n)
{
	bf_seed = bf_seed * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)((bf_seed >> 33) % n);
}

static char bf_text[BF_DOCS][BF_PARAS][200];

static long brute_literal(const char *pattern, int icase)
{
	size_t nlen;
	char *needle = text_fold(pattern, strlen(pattern), icase, &nlen);
	long n = 0;
	for (int d = 0; d < BF_DOCS; d++)
		for (int p = 0; p < BF_PARAS; p++) {
			char *f = text_fold(bf_text[d][p], strlen(bf_text[d][p]), icase, NULL);
			for (const char *s = f; (s = strstr(s, needle)) != NULL; s += nlen)
				n++;
			free(f);
		}
	free(needle);
	return n;
}

static long brute_regex(const char *pattern, int icase)
{
	char *folded = text_fold(pattern, strlen(pattern), 0, NULL);
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *re =
	    pcre2_compile((PCRE2_SPTR)folded, PCRE2_ZERO_TERMINATED,
	                  PCRE2_UTF | PCRE2_UCP | (icase ? PCRE2_CASELESS : 0), &ec, &eo, NULL);
	free(folded);
	if (!re)
		return -1;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	long n = 0;
	for (int d = 0; d < BF_DOCS; d++)
		for (int p = 0; p < BF_PARAS; p++) {
			size_t len;
			char *f = text_fold(bf_text[d][p], strlen(bf_text[d][p]), 0, &len);
			size_t from = 0;
			while (from <= len &&
			       pcre2_match(re, (PCRE2_SPTR)f, len, from, 0, md, NULL) >= 0) {
				PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
				if (ov[1] > ov[0]) {
					n++;
					from = ov[1];
				} else { /* empty: not a hit, one character on */
					uint32_t cp;
					if (ov[0] >= len)
						break;
					from = ov[0] + utf8_decode(f + ov[0], len - ov[0], &cp);
				}
			}
			free(f);
		}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return n;
}

static int tick(void *ctx, const struct search_hit *h)
{
	(void)h;
	(*(long *)ctx)++;
	return 0;
}

/* Every way of asking must give the brute-force count: the whole-corpus
 * count (which uses the index where it can), the whole-corpus hits (the
 * index too, in hit order), and per-document counts (which never do). */
static void compare(model *m, const char *pattern, int regex, int icase)
{
	long want = regex ? brute_regex(pattern, icase) : brute_literal(pattern, icase);
	struct search_query q = {.pattern = pattern, .regex = regex, .icase = icase};
	long all = count_q(m, &q), hits = 0, sum = 0;
	if (model_search(m, &q, tick, &hits) < 0)
		hits = -1;
	for (int d = 1; d <= BF_DOCS; d++) {
		q.doc = d;
		sum += count_q(m, &q);
	}
	CHECK_MSG(all == want && hits == want && sum == want,
	          "%s (regex %d icase %d): %ld, hits %ld, per document %ld, brute force %ld",
	          pattern, regex, icase, all, hits, sum, want);
}

/* 繁體: a traditional text is found by the simplified words, and by its own */
static void test_traditional(void)
{
	model *m = model_open(db_path("t.db"), NULL);
	CHECK(m != NULL);
	if (!m)
		return;
	static const char *const trad[] = {"推進專業鎮建設，專業鎮產值增長８％。", "發展經濟。",
	                                   NULL};
	static const char *const simp[] = {"专业镇建设加快。", NULL};
	struct doc t1 = {"t1.txt", "kt1", "某鎮", NULL, 0, 0, trad};
	struct doc t2 = {"t2.txt", "kt2", "某区", NULL, 0, 0, simp};
	CHECK(!store(m, &t1, 1) && !store(m, &t2, 1));
	CHECK_INT(count(m, "专业镇", 0, 0, NULL), 3);
	CHECK_INT(count(m, "專業鎮", 0, 0, NULL), 3);
	CHECK_INT(count(m, "镇", 0, 0, NULL), 3);     /* a short literal folding touches */
	CHECK_INT(count(m, "经济", 0, 0, NULL), 1);   /* two characters, through the index */
	CHECK_INT(count(m, "增长8%", 0, 0, NULL), 1); /* 長 and ８ folded */
	CHECK_INT(count(m, "专业镇[^，]*产值", 1, 0, NULL), 1);
	CHECK_INT(count(m, "(专业)+镇", 1, 0, NULL), 3);
	model_close(m);
}

static void test_brute_force(void)
{
	model *m = model_open(db_path("bf.db"), NULL);
	CHECK(m != NULL);
	if (!m)
		return;
	const char *paras[BF_PARAS + 1];
	for (int d = 0; d < BF_DOCS; d++) {
		for (int p = 0; p < BF_PARAS; p++) {
			char *t = bf_text[d][p];
			size_t len = 0;
			for (unsigned k = rnd(40); k > 0; k--) {
				const char *ch = alphabet[rnd(NALPHA)];
				memcpy(t + len, ch, strlen(ch));
				len += strlen(ch);
			}
			t[len] = '\0';
			paras[p] = t;
		}
		paras[BF_PARAS] = NULL;
		char source[16], hash[16];
		snprintf(source, sizeof source, "bf%d.txt", d);
		snprintf(hash, sizeof hash, "bf%d", d);
		struct doc doc = {source, hash, d % 2 ? "潞州区" : "上党区", NULL, 0, 0, paras};
		CHECK_INT(store(m, &doc, 1), 0);
	}
	static const char *const literals[] = {
	    "专业镇",    "专业",   "镇",     "招商", "GDP",      "ＧＤＰ",  "gdp", "Gd",
	    "7%",        "（一）", "(一)",   ",7",   "，",       "　",      " ",   "镇镇镇",
	    "业镇招商G", "aA",     "ａａａ", "AAA",  "镇专业镇", "专业镇招"};
	for (size_t i = 0; i < sizeof literals / sizeof literals[0]; i++)
		for (int icase = 0; icase < 2; icase++)
			compare(m, literals[i], 0, icase);
	/* substrings of the corpus itself, 1 to 6 characters */
	for (int i = 0; i < 60; i++) {
		const char *t = bf_text[rnd(BF_DOCS)][rnd(BF_PARAS)];
		size_t cps = utf8_count(t, strlen(t));
		if (!cps)
			continue;
		size_t from = rnd((unsigned)cps), len = 1 + rnd(6);
		size_t a = utf8_offset(t, strlen(t), from),
		       z = utf8_offset(t, strlen(t), from + len);
		char pat[64];
		snprintf(pat, sizeof pat, "%.*s", (int)(z - a), t + a);
		compare(m, pat, 0, (int)rnd(2));
	}
	static const char *const regexes[] = {
	    "专业镇",        "专业镇|招商", "G[Dd]P",    "业.?镇",       "[0-9]%", "镇+",
	    "(专业)+镇",     "招商|G",      "\\(一\\)",  "镇{2}",        "a*",     "gdp",
	    "(?i)gdp",       "Ｇ",          "[ＧG]D",    "专业?镇",      "^专",    "镇$",
	    "\\d+",          "\\p{Han}{3}", "a{0,2}Ab",  "[[:digit:]]%", ",7|7,",  "\\x{4e13}业镇",
	    "业镇|招商|GDP", "(?=镇)",      "专业镇\\b", "[^a]aa",
	};
	for (size_t i = 0; i < sizeof regexes / sizeof regexes[0]; i++)
		for (int icase = 0; icase < 2; icase++)
			compare(m, regexes[i], 1, icase);
	/* a full-width regex means what its folded text means */
	CHECK_INT(count(m, "（一）", 1, 0, NULL), brute_literal("(一)", 0));
	CHECK_INT(count(m, "，7", 1, 0, NULL), brute_literal(",7", 0));
	model_close(m);
}

/* ---- regex limits ---- */

static void test_regex_limits(void)
{
	model *m = model_open(db_path("long.db"), NULL);
	CHECK(m != NULL);
	if (!m)
		return;
	static char line[50002];
	memset(line, 'a', 50000);
	line[50000] = 'b';
	const char *paras[] = {line, "普通的一段。", NULL};
	struct doc d = {"long.txt", "long", "长治市", NULL, 0, 0, paras};
	CHECK_INT(store(m, &d, 1), 0);
	/* catastrophic backtracking ends in an error, not a hang */
	CHECK_INT(count(m, "(a+)+$", 1, 0, NULL), -1);
	CHECK(strstr(model_error(m), "regular expression too complex") != NULL);
	CHECK_INT(count(m, "(a|aa)+$", 1, 0, NULL), -1);
	CHECK(strstr(model_error(m), "too complex") != NULL);
	/* ordinary patterns over the same line work, hit by hit */
	CHECK_INT(count(m, "a+b", 1, 0, NULL), 1);
	CHECK_INT(count(m, "a{3}", 1, 0, NULL), 50000 / 3);
	CHECK_INT(count(m, "aaa", 0, 0, NULL), 50000 / 3);
	CHECK_INT(count(m, ".*段", 1, 0, NULL), 1);
	CHECK_INT(count(m, "(a+)+$", 1, 0, NULL), -1);
	CHECK(strstr(model_error(m), "a repetition inside a repetition") != NULL);
	CHECK_INT(count(m, "(a|aa)+$", 1, 0, NULL), -1);
	CHECK(strstr(model_error(m), "choice of alternatives") != NULL);
	model_close(m);
	/* the message names nested repetition only where there is one */
	static const struct {
		const char *re;
		enum pattern_shape shape;
	} shapes[] = {
	    {"(a+)+$", SHAPE_NESTED},
	    {"(.*a){20}", SHAPE_NESTED},
	    {"(?:x*y)*", SHAPE_NESTED},
	    {"((ab)+c)+", SHAPE_NESTED},
	    {"(a|aa)+", SHAPE_ALTERNATIVES},
	    {"增长.*美元", SHAPE_LINEAR},
	    {"a{3}b+", SHAPE_LINEAR},
	    {"(ab){2}", SHAPE_LINEAR},
	    {"(a+)?", SHAPE_LINEAR},
	    {"(a+){1}", SHAPE_LINEAR},
	    {"\\(a+\\)+", SHAPE_LINEAR},
	    {"[(a+)]+", SHAPE_LINEAR},
	    {"(增长|下降)\\d+%", SHAPE_LINEAR},
	    {"(a+){2,}", SHAPE_NESTED},
	};
	for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
		enum pattern_shape got = pattern_shape(shapes[i].re, strlen(shapes[i].re));
		if (got != shapes[i].shape)
			fprintf(stderr, "shape of %s: %d\n", shapes[i].re, (int)got);
		CHECK_INT(got, shapes[i].shape);
	}
	/* a linear pattern over a long paragraph is no "too complex": 增长.*美元
	 * on 200,000 characters holding 增长 everywhere and 美元 once or never */
	m = model_open(db_path("linear.db"), NULL);
	CHECK(m != NULL);
	if (!m)
		return;
	static char many[40 * 20000 + 64];
	size_t k = 0;
	for (int i = 0; i < 20000; i++)
		k += (size_t)snprintf(many + k, sizeof many - k, "增长甲乙丙丁，");
	const char *lin[] = {many, NULL};
	struct doc ld = {"linear.txt", "linear", "长治市", NULL, 0, 0, lin};
	CHECK_INT(store(m, &ld, 1), 0);
	CHECK_INT(count(m, "增长.*美元", 1, 0, NULL), 0);
	CHECK_INT(count(m, "增长[^美]*美元", 1, 0, NULL), 0);
	snprintf(many + k, sizeof many - k, "美元。");
	struct doc ld2 = {"linear2.txt", "linear2", "长治市", NULL, 0, 0, lin};
	CHECK_INT(store(m, &ld2, 1), 0);
	CHECK_INT(count(m, "增长.*美元", 1, 0, NULL), 1);
	model_close(m);
}

static int cancel_after(void *ctx)
{
	int *calls = ctx;
	return ++*calls >= 1; /* asked at once, then every 20 ms: stop at the first */
}

/* A search has a budget for the whole of it and can be stopped: what was
 * found until then is delivered, and the answer says it stopped. */
static void test_budget(void)
{
	model *m = model_open(db_path("budget.db"), NULL);
	CHECK(m != NULL);
	if (!m)
		return;
	enum { N = 3000 };
	static char texts[N][64];
	static const char *paras[N + 1];
	for (int i = 0; i < N; i++) {
		snprintf(texts[i], sizeof texts[i], "第%d项指标增长%d%%。", i, i % 9 + 1);
		paras[i] = texts[i];
	}
	struct doc d = {"many.txt", "many", "长治市", NULL, 0, 0, paras};
	CHECK_INT(store(m, &d, 1), 0);
	struct hits k = {0};
	struct search_query q = {.pattern = "增长[0-9]+%", .regex = 1};
	CHECK_INT(model_search(m, &q, on_hit, &k), 0);
	CHECK_INT(k.n, N); /* the default budget is ample for this */
	/* cancelled: the hits so far, and MODEL_SEARCH_STOPPED */
	int calls = 0;
	memset(&k, 0, sizeof k);
	q.cancelled = cancel_after;
	q.cancel_ctx = &calls;
	CHECK_INT(model_search(m, &q, on_hit, &k), MODEL_SEARCH_STOPPED);
	CHECK_MSG(k.n < N, "%d hits before the stop", k.n);
	CHECK_INT(calls, 1);
	/* the same for a count, and for a literal */
	calls = 0;
	struct search_count *c;
	size_t n;
	long total;
	CHECK_INT(model_search_count(m, &q, &c, &n, &total), MODEL_SEARCH_STOPPED);
	CHECK_MSG(total < N, "%ld counted before the stop", total);
	model_search_count_free(c, n);
	calls = 0;
	memset(&k, 0, sizeof k);
	struct search_query lit = {
	    .pattern = "指标增", .cancelled = cancel_after, .cancel_ctx = &calls};
	CHECK_INT(model_search(m, &lit, on_hit, &k), MODEL_SEARCH_STOPPED);
	CHECK(k.n < N);
	/* a budget that runs out at once */
	memset(&k, 0, sizeof k);
	struct search_query tiny = {.pattern = "增长[0-9]+%", .regex = 1, .timeout = 1e-9};
	CHECK_INT(model_search(m, &tiny, on_hit, &k), MODEL_SEARCH_STOPPED);
	CHECK(k.n < N);
	model_close(m);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_search();
	test_traditional();
	test_brute_force();
	test_regex_limits();
	test_budget();
	return model_tests_end();
}
