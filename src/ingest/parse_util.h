/* parse_util.h — what one logical line of a report says, read character by
 * character: numbering, lead sentences, punctuation, dates, markup.
 * Internal to src/ingest (parse.c, meta.c). */
#ifndef BAOGAO_PARSE_UTIL_H
#define BAOGAO_PARSE_UTIL_H

#include <stddef.h>
#include <stdint.h>

struct pbuf {
	char *s; /* NUL-terminated once anything was added */
	size_t len, cap;
};
int pbuf_add(struct pbuf *b, const char *s, size_t n);
void pbuf_free(struct pbuf *b);

/* One code point of s[0..len) (invalid bytes: U+FFFD, 1 byte); >= 1 if len > 0. */
size_t pu_decode(const char *s, size_t len, uint32_t *cp);
/* Code point ending just before s+len (len > 0), and its start in *at. */
uint32_t pu_last(const char *s, size_t len, size_t *at);
int pu_is_space(uint32_t cp);
int pu_is_alnum(char c);
/* Ends a sentence: 。！？；… and their ASCII twins. */
int pu_is_stop(uint32_t cp);
/* Set in a wide cell: CJK, its punctuation, full-width forms. */
int pu_is_wide(uint32_t cp);
/* Is a space between prev and next a word space to keep?  Justification and
 * line breaking put spaces beside Chinese and inside numbers ("457 .6",
 * "3.4 %"); a word space sits between two narrow words.  0 for no side. */
int pu_keep_gap(uint32_t prev, uint32_t next);
/* "—1—", "- 12 -", "第3页", "3 / 17": a line that is a page number. */
int pu_page_number(const char *s, size_t len);
const char *pu_skip_space(const char *s, const char *e);
const char *pu_trim_end(const char *s, const char *e);
char *pu_strndup(const char *s, size_t n);
size_t pu_count(const char *s, size_t len);

/* Markup removed ("**", <sub>/<sup>), outer spaces trimmed; malloc'd. */
char *pu_strip_markup(const char *s, size_t len, size_t *out_len);
/* A section title: markup removed, trimmed, trailing 。；，：. dropped,
 * letter-spacing collapsed; malloc'd. */
char *pu_title(const char *s, size_t len);

enum { PU_NONE, PU_PART, PU_SUB, PU_ITEM, PU_LEADIN };

/* The numbering at the start of s (after "**" and spaces): 一、 （一） (一)
 * 1. 1． 1、 一是.  Returns PU_*, with the number at [*at, *end). */
int pu_number(const char *s, size_t len, size_t *at, size_t *end);

struct pu_feat {
	int num; /* PU_* at the start */
	size_t num_at, num_end;
	size_t cps;     /* code points without markup */
	int sl;         /* short line: <= 40 code points, no sentence punctuation */
	int body;       /* running text (not a short line) */
	int final;      /* ends with sentence-final punctuation or a closing mark */
	int inner_stop; /* a full stop before the end: more than one sentence */
	int bullet;     /* ◆ ● ■ … or a Markdown "- " */
	int circled;    /* ① … ⑳ */
	int signature; /* date line ("——2023年6月16日在…会议上"), speaker ("区长 冯丽华") */
	int gloss_title; /* 名词解释 */
	int whole_bold;  /* the whole unit is one bold span */
	int standalone;  /* numbered and nothing but a heading */
	int headline;    /* several spaced phrases: a newspaper headline */
};
int pu_features(struct pu_feat *f, const char *marked, size_t len, int md_bullet);

/* Title of a numbered unit: the bold span it opens with, else its first
 * sentence, else (standalone) all of it.  Range in the marked text. */
void pu_numbered_title(const char *s, size_t len, const struct pu_feat *f, size_t *at, size_t *end);

/* A bold lead sentence: "**高位推进产业链专业镇。**制定…".  at: the opening
 * "**" (where the paragraph is split); title: its text, extended past the
 * closing "**" to the full stop when a page break cut the span; num: a
 * numbering inside the span ("**1.加快重点项目建设。**"). */
struct pu_lead {
	size_t at, title_at, title_end;
	int num;
	size_t num_at, num_end;
};
size_t pu_find_leads(const char *s, size_t len, struct pu_lead *out, size_t max);

/* First date "2023年6月16日", "2023 年 6 月 16 日", "二〇二三年六月十六日"
 * in s; 1 found (ymd filled, [*at,*end) its bytes), 0 not. */
int pu_find_date(const char *s, size_t len, int ymd[3], size_t *at, size_t *end);

#endif
