/* figures.h — the figures of a clause and the words that qualify them.
 *
 * Works on folded code points (full-width digits, ％ and punctuation read
 * as ASCII, see text_fold_cp), so "增长８．７％" and "增长8.7%" read alike.
 * Knows nothing of indicator names or of the document: extract.c finds the
 * names and decides year and kind; this module only reads what a stretch
 * of text says about numbers:
 *
 *   增长6%—6.5%         a range, 6 to 6.5
 *   下降3.5%以上         a fall of at least 3.5: growth -3.5, at_most
 *   控制在3%以内 / 不超过3% / 低于4%   at_most
 *   900万人以上 / 1200万人左右          a level with its qualifier
 *   分别增长8%、9%        a list that extract.c distributes over names
 *
 * Internal to src/ingest. */
#ifndef BAOGAO_FIGURES_H
#define BAOGAO_FIGURES_H

#include <stddef.h>
#include <stdint.h>

/* A paragraph as folded code points. */
struct xtext {
	const uint32_t *cp;
	size_t n;
};

/* Does word (UTF-8) stand at i?  First position of word in [a, b), or b. */
int xt_at(const struct xtext *t, size_t i, const char *word);
size_t xt_find(const struct xtext *t, size_t a, size_t b, const char *word);
int xt_has(const struct xtext *t, size_t a, size_t b, const char *word);
/* Does one of the NULL-terminated words stand in [a, b)? */
int xt_has_any(const struct xtext *t, size_t a, size_t b, const char *const *words);
/* Does one of the words end exactly at b (after skipping spaces back)? */
int xt_ends_with_any(const struct xtext *t, size_t a, size_t b, const char *const *words);
int xt_is_digit(uint32_t c);
/* Code points [a, b) as malloc'd UTF-8. */
char *xt_utf8(const struct xtext *t, size_t a, size_t b);

enum fig_kind { FIG_PERCENT, FIG_LEVEL };

struct figure {
	size_t at, end; /* the figure in code points, from its number to its unit or % */
	size_t cue_at;  /* where the words that govern it start (after the previous figure) */
	enum fig_kind kind;
	double num;            /* the number; for a range its low end */
	double high;           /* a range's high end */
	int range;             /* "6%—6.5%", "5%到5.5%" */
	char written[32];      /* the number as written, ASCII digits ("457.6") */
	const char *unit;      /* FIG_LEVEL: 亿元, 万人, 万亿斤 … (static) */
	const char *qualifier; /* exact at_least at_most about range (static) */
	int growth;            /* a percentage a growth word governs (增长, 涨幅, 下降 …) */
	int fall;              /* 下降, 降低, 减少: the number is a fall */
	int list;              /* index of the 分别 list it belongs to, 0 none */
	int each;              /* 均增长 X: the same figure for every name before it */
};

/* The figures in [a, b), in order; returns how many (at most max). */
size_t fig_scan(const struct xtext *t, size_t a, size_t b, struct figure *out, size_t max);

/* Comparison with the economy without a figure: "增长与经济增长同步" →
 * "in_step", "快于经济增长" / "略高于经济增长" → "above", else NULL. */
const char *fig_relative(const struct xtext *t, size_t a, size_t b);

/* The unit a level is written in, longest first (万亿元 before 亿元 before
 * 元); NULL if none stands at i. */
const char *fig_unit_at(const struct xtext *t, size_t i);

#endif
