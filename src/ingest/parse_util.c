/* parse_util.c — character-level reading of report lines (see parse_util.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ingest/parse.h"
#include "ingest/parse_util.h"
#include "text/chars.h"
#include "text/text.h"

#define SHORT_LINE     40  /* code points: captions, mastheads, short headings */
#define STANDALONE_MAX 40  /* a numbered heading line without a full stop */
#define TITLE_MAX      100 /* a longer bold span is emphasis, not a lead sentence */
#define FIRST_SENTENCE 60  /* title of an inline heading with no full stop */

int pbuf_add(struct pbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t c = b->cap ? b->cap : 64;
		while (c < b->len + n + 1)
			c *= 2;
		char *t = realloc(b->s, c);
		if (!t)
			return -1;
		b->s = t;
		b->cap = c;
	}
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

void pbuf_free(struct pbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

size_t pu_decode(const char *s, size_t len, uint32_t *cp)
{
	return utf8_decode(s, len, cp);
}

uint32_t pu_last(const char *s, size_t len, size_t *at)
{
	size_t i = len;
	while (i > 0 && len - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	uint32_t cp;
	size_t k = utf8_decode(s + i, len - i, &cp);
	if (i + k != len) { /* not a whole character: take the last byte alone */
		i = len - 1;
		utf8_decode(s + i, 1, &cp);
	}
	if (at)
		*at = i;
	return cp;
}

int pu_is_space(uint32_t cp)
{
	return text_is(cp, TEXT_CH_SPACE);
}

int pu_is_wide(uint32_t cp)
{
	return cp >= 0x2E80 && !(cp >= 0xFF61 && cp <= 0xFF9F);
}

static int number_part(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || cp == '.' || cp == '%';
}

int pu_keep_gap(uint32_t prev, uint32_t next)
{
	if (!prev || !next || pu_is_wide(prev) || pu_is_wide(next))
		return 0;
	/* inside a number: a digit beside its point or per cent sign */
	if (number_part(prev) && number_part(next) && (prev == '.' || next == '.' || next == '%'))
		return 0;
	return 1;
}

int pu_page_number(const char *s, size_t len)
{
	size_t i = 0, digits = 0, other = 0;
	while (i < len) {
		uint32_t cp;
		i += pu_decode(s + i, len - i, &cp);
		if (cp >= '0' && cp <= '9')
			digits++;
		else if (!(cp == ' ' || cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0x2015 ||
		           cp == 0xFF0D || cp == 0x7B2C /* 第 */ || cp == 0x9875 /* 页 */ ||
		           cp == 0x2500 || cp == '/' || cp == 0x3000))
			other++;
	}
	return digits >= 1 && digits <= 4 && !other;
}

int pu_is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int pu_is_stop(uint32_t cp)
{
	return text_is(cp, TEXT_CH_FULL_STOP | TEXT_CH_SEMICOLON);
}

/* Ends a line that is a whole sentence or clause: a full stop, or a closing
 * quote/bracket (a sentence quoted or "（下转第四版）"), a colon that
 * announces what follows, an ellipsis. */
static int is_final(uint32_t cp)
{
	return text_is(cp, TEXT_CH_FULL_STOP | TEXT_CH_SEMICOLON | TEXT_CH_COLON |
	                       TEXT_CH_CLOSE_QUOTE) ||
	       cp == 0x2026 /* … */ || cp == 0xFF0E /* ． */ || cp == '.' || cp == '"';
}

/* Punctuation inside a sentence; a line holding any is running text, not a
 * caption.  The enumeration comma 、 is left out: captions and stat boxes
 * use it ("全市粮食产量再创新高、达到25.3亿斤"). */
static int is_sentence_punct(uint32_t cp)
{
	return text_is(cp, TEXT_CH_FULL_STOP | TEXT_CH_SEMICOLON | TEXT_CH_COLON | TEXT_CH_COMMA);
}

const char *pu_skip_space(const char *s, const char *e)
{
	while (s < e) {
		uint32_t cp;
		size_t k = utf8_decode(s, (size_t)(e - s), &cp);
		if (!pu_is_space(cp))
			break;
		s += k;
	}
	return s;
}

const char *pu_trim_end(const char *s, const char *e)
{
	while (e > s) {
		size_t at;
		uint32_t cp = pu_last(s, (size_t)(e - s), &at);
		if (!pu_is_space(cp))
			break;
		e = s + at;
	}
	return e;
}

char *pu_strndup(const char *s, size_t n)
{
	char *t = malloc(n + 1);
	if (t) {
		memcpy(t, s, n);
		t[n] = '\0';
	}
	return t;
}

size_t pu_count(const char *s, size_t len)
{
	return utf8_count(s, len);
}

/* Length of a markup token at s, 0 if none. */
static size_t markup_at(const char *s, size_t len)
{
	static const char *const tags[] = {"**", "<sub>", "</sub>", "<sup>", "</sup>"};
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
		size_t n = strlen(tags[i]);
		if (len >= n && memcmp(s, tags[i], n) == 0)
			return n;
	}
	return 0;
}

char *pu_strip_markup(const char *s, size_t len, size_t *out_len)
{
	char *t = malloc(len + 1);
	if (!t)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		size_t m = (s[i] == '*' || s[i] == '<') ? markup_at(s + i, len - i) : 0;
		if (m) {
			i += m;
			continue;
		}
		t[o++] = s[i++];
	}
	const char *b = pu_skip_space(t, t + o);
	const char *e = pu_trim_end(b, t + o);
	o = (size_t)(e - b);
	memmove(t, b, o);
	t[o] = '\0';
	if (out_len)
		*out_len = o;
	return t;
}

char *parse_unspace(const char *s)
{
	size_t len = strlen(s), hans = 0;
	int spaced = 1, expect_space = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (expect_space) {
			if (!pu_is_space(cp)) {
				spaced = 0;
				break;
			}
			expect_space = 0;
		} else {
			if (!text_is_han(cp)) {
				spaced = 0;
				break;
			}
			hans++;
			expect_space = 1;
		}
	}
	if (!spaced || hans < 3 || !expect_space)
		return pu_strndup(s, len);
	char *t = malloc(len + 1);
	if (!t)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!pu_is_space(cp)) {
			memcpy(t + o, s + i, k);
			o += k;
		}
		i += k;
	}
	t[o] = '\0';
	return t;
}

char *pu_title(const char *s, size_t len)
{
	size_t n;
	char *t = pu_strip_markup(s, len, &n);
	if (!t)
		return NULL;
	while (n > 0) {
		size_t at;
		uint32_t cp = pu_last(t, n, &at);
		/* a title ends without its stop, comma or colon (not ！？) */
		if ((text_is(cp,
		             TEXT_CH_SEMICOLON | TEXT_CH_COLON | TEXT_CH_COMMA | TEXT_CH_SPACE) ||
		     cp == 0x3002 || cp == '.'))
			n = at;
		else
			break;
	}
	t[n] = '\0';
	char *u = parse_unspace(t);
	free(t);
	return u;
}

/* ---- numbering ---------------------------------------------------------- */

/* 〇 零 一 … 九 as 0-9, else -1 */
static int han_digit(uint32_t cp)
{
	int v = text_numeral_value(cp);
	return text_is(cp, TEXT_CH_CJK_NUMERAL) && v >= 0 && v <= 9 ? v : -1;
}

static int han_numeral_char(uint32_t cp)
{
	return han_digit(cp) >= 0 || cp == 0x5341 /* 十 */ || cp == 0x767E /* 百 */;
}

/* Han numerals ("十二", "二十一") starting at s; bytes taken, value in *v. */
static size_t han_number(const char *s, size_t len, int *v)
{
	size_t i = 0;
	int value = 0, cur = -1, n = 0;
	while (i < len && n < 6) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (cp == 0x5341) { /* 十 */
			value += (cur < 0 ? 1 : cur) * 10;
			cur = -1;
		} else if (cp == 0x767E) { /* 百 */
			value += (cur < 0 ? 1 : cur) * 100;
			cur = -1;
		} else if (han_digit(cp) >= 0) {
			cur = han_digit(cp);
		} else {
			break;
		}
		i += k;
		n++;
	}
	if (cur > 0)
		value += cur;
	*v = value;
	return i;
}

static size_t skip_bold_and_space(const char *s, size_t len)
{
	size_t i = 0;
	for (;;) {
		if (len - i >= 2 && s[i] == '*' && s[i + 1] == '*')
			i += 2;
		else if (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		else
			return i;
	}
}

int pu_number(const char *s, size_t len, size_t *at, size_t *end)
{
	size_t i = skip_bold_and_space(s, len), j;
	uint32_t cp, cp2;
	int v;
	*at = *end = i;
	if (i >= len)
		return PU_NONE;
	size_t k = utf8_decode(s + i, len - i, &cp);
	/* （一） (一) */
	if (cp == 0xFF08 || cp == '(') {
		j = i + k;
		size_t h = han_number(s + j, len - j, &v);
		if (h == 0 || j + h >= len)
			return PU_NONE;
		j += h;
		k = utf8_decode(s + j, len - j, &cp2);
		if (cp2 != 0xFF09 && cp2 != ')')
			return PU_NONE;
		*end = j + k;
		return PU_SUB;
	}
	/* 1. 1． 1、 — not 12.6亿元 */
	if (cp >= '0' && cp <= '9') {
		j = i;
		while (j < len && j - i < 2 && s[j] >= '0' && s[j] <= '9')
			j++;
		if (j >= len || (s[j] >= '0' && s[j] <= '9'))
			return PU_NONE;
		k = utf8_decode(s + j, len - j, &cp2);
		if (cp2 != '.' && cp2 != 0xFF0E && cp2 != 0x3001)
			return PU_NONE;
		size_t after = j + k;
		if (after >= len || (s[after] >= '0' && s[after] <= '9'))
			return PU_NONE;
		*end = after;
		return PU_ITEM;
	}
	/* 一、  一是 */
	if (han_numeral_char(cp)) {
		size_t h = han_number(s + i, len - i, &v);
		if (h == 0 || v == 0 || v > 30 || i + h >= len)
			return PU_NONE;
		j = i + h;
		k = utf8_decode(s + j, len - j, &cp2);
		if (cp2 == 0x3001 && j + k < len) { /* 、 */
			*end = j + k;
			return PU_PART;
		}
		if (cp2 == 0x662F && h <= 9 && j + k < len) { /* 是 */
			*end = j + k;
			return PU_LEADIN;
		}
	}
	return PU_NONE;
}

/* ---- features ----------------------------------------------------------- */

static int is_bullet_mark(uint32_t cp)
{
	return text_is(cp, TEXT_CH_BULLET);
}

static int is_circled(uint32_t cp)
{
	return text_is(cp, TEXT_CH_CIRCLED);
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* a name of two to four Han characters, nothing else */
static int person_name(const char *s, const char *e)
{
	size_t n = 0;
	for (const char *q = s; q < e;) {
		uint32_t cp;
		q += utf8_decode(q, (size_t)(e - q), &cp);
		if (!text_is_han(cp) && !pu_is_space(cp))
			return 0;
		if (text_is_han(cp))
			n++;
	}
	return n >= 2 && n <= 4;
}

/* "区长 冯丽华", "代市长 张三": an office ending in 长/主任/书记/主席, then a
 * name of two to four Han characters, nothing else.  A PDF may have lost
 * the space ("县长林明远"): then the office must be one a government's head
 * holds (区长 县长 市长 …), so that "经济增长新动能" is no speaker. */
static int speaker_line(const char *s, size_t len)
{
	const char *e = s + len, *sp = s;
	while (sp < e) {
		uint32_t cp;
		size_t k = utf8_decode(sp, (size_t)(e - sp), &cp);
		if (pu_is_space(cp))
			break;
		sp += k;
	}
	if (sp == e) {
		static const char *const heads[] = {"区长", "县长", "市长", "省长", "州长",
		                                    "旗长", "盟长", "主席", "总理"};
		if (pu_count(s, len) > 14)
			return 0;
		for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
			const char *at = strstr(s, heads[i]);
			/* before the office at most 代 or 副 */
			if (at && at + 6 < e && (size_t)(at - s) <= 6 && person_name(at + 6, e))
				return 1;
		}
		return 0;
	}
	if (pu_count(s, (size_t)(sp - s)) > 12)
		return 0;
	size_t olen = (size_t)(sp - s);
	if (!ends_with(s, olen, "长") && !ends_with(s, olen, "主任") &&
	    !ends_with(s, olen, "书记") && !ends_with(s, olen, "主席"))
		return 0;
	return person_name(pu_skip_space(sp, e), e);
}

static int signature_line(const char *s, size_t len)
{
	int ymd[3];
	size_t at, end;
	if (speaker_line(s, len))
		return 1;
	if (!pu_find_date(s, len, ymd, &at, &end))
		return 0;
	/* "——2023 年 6 月 16 日在…会议上" */
	if (len >= 3 && (memcmp(s, "—", 3) == 0 || memcmp(s, "─", 3) == 0))
		return 1;
	/* a date alone (the date under a speech) */
	const char *b = pu_skip_space(s, s + at);
	const char *e = pu_skip_space(s + end, s + len);
	return b == s + at && e == s + len;
}

static int glossary_title(const char *plain)
{
	static const char *const titles[] = {"名词解释",    "名词注释",       "附：名词解释",
	                                     "附:名词解释", "附件：名词解释", "名词解释："};
	char *u = parse_unspace(plain);
	int hit = 0;
	if (!u)
		return 0;
	for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
		if (strcmp(u, titles[i]) == 0)
			hit = 1;
	free(u);
	return hit;
}

/* Several phrases of three or more characters separated by spaces, as in
 * "勇担首位使命 打造消费高地 奋力共建幸福首善潞州". */
static int headline(const char *s, size_t len, size_t cps)
{
	if (cps < 10)
		return 0;
	int phrases = 0, run = 0, ok = 1;
	for (size_t i = 0; i <= len;) {
		uint32_t cp = ' ';
		size_t k = i < len ? utf8_decode(s + i, len - i, &cp) : 1;
		if (pu_is_space(cp)) {
			if (run) {
				if (run < 3)
					ok = 0;
				phrases++;
			}
			run = 0;
		} else {
			run++;
		}
		i += k;
	}
	return ok && phrases >= 2;
}

int pu_features(struct pu_feat *f, const char *marked, size_t len, int md_bullet)
{
	size_t plen;
	char *plain = pu_strip_markup(marked, len, &plen);
	if (!plain)
		return -1;
	memset(f, 0, sizeof *f);
	f->num = pu_number(marked, len, &f->num_at, &f->num_end);
	f->cps = pu_count(plain, plen);
	int punct = 0, inner_stop = 0, colon = 0;
	uint32_t first = 0, last = 0;
	for (size_t i = 0; i < plen;) {
		uint32_t cp;
		size_t k = utf8_decode(plain + i, plen - i, &cp);
		if (i == 0)
			first = cp;
		if (is_sentence_punct(cp))
			punct = 1;
		if (cp == 0xFF1A || cp == ':')
			colon = 1;
		i += k;
		if (pu_is_stop(cp) && i < plen)
			inner_stop = 1;
		last = cp;
	}
	f->sl = f->cps <= SHORT_LINE && !punct;
	f->body = !f->sl;
	f->final = plen > 0 && is_final(last);
	f->inner_stop = inner_stop;
	f->bullet = md_bullet || is_bullet_mark(first);
	f->circled = is_circled(first);
	/* the words a signature or a glossary title is told by, in 繁體 too */
	size_t flen;
	char *folded = text_fold(plain, plen, 0, &flen);
	if (!folded) {
		free(plain);
		return -1;
	}
	f->signature = signature_line(folded, flen);
	f->gloss_title = glossary_title(folded);
	free(folded);
	f->headline = !f->circled && headline(plain, plen, f->cps);
	/* "**…**" with no other bold marker inside */
	f->whole_bold = len >= 4 && memcmp(marked, "**", 2) == 0 &&
	                memcmp(marked + len - 2, "**", 2) == 0 &&
	                !memmem(marked + 2, len - 4, "**", 2);
	/* a colon announces what follows: a definition or a sentence, not a heading */
	f->standalone =
	    f->num && (f->whole_bold || (!inner_stop && !colon && f->cps <= STANDALONE_MAX));
	free(plain);
	return 0;
}

/* ---- titles and leads --------------------------------------------------- */

/* End of the first sentence in s[from..len): just past its stop, or after
 * FIRST_SENTENCE code points when it has none. */
static size_t first_sentence(const char *s, size_t len, size_t from)
{
	size_t i = from, n = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		i += k;
		if (pu_is_stop(cp))
			return i;
		if (++n >= FIRST_SENTENCE)
			return i;
	}
	return len;
}

/* Where a bold span [open+2, close) that reads as a lead sentence ends, or 0:
 * its own stop, or a stop at most four characters past the closing "**"
 * when a page break cut the span ("**瞄准方向精准发**力。"). */
static size_t lead_end(const char *s, size_t len, size_t open, size_t close)
{
	const char *c = s + open + 2;
	const char *ce = pu_trim_end(c, s + close);
	if (ce == c)
		return 0;
	if (pu_is_stop(pu_last(c, (size_t)(ce - c), NULL)))
		return close;
	size_t i = close + 2;
	for (int n = 0; n < 4 && i < len; n++) {
		uint32_t cp;
		if (s[i] == '*')
			return 0;
		i += utf8_decode(s + i, len - i, &cp);
		if (pu_is_stop(cp))
			return i;
	}
	return 0;
}

void pu_numbered_title(const char *s, size_t len, const struct pu_feat *f, size_t *at, size_t *end)
{
	*at = f->num_end;
	if (f->standalone) {
		*end = len;
		return;
	}
	if (len >= 2 && memcmp(s, "**", 2) == 0) {
		const char *close = memmem(s + 2, len - 2, "**", 2);
		if (close) {
			size_t e = lead_end(s, len, 0, (size_t)(close - s));
			if (e > *at) {
				*end = e;
				return;
			}
		}
	}
	*end = first_sentence(s, len, f->num_end);
}

size_t pu_find_leads(const char *s, size_t len, struct pu_lead *out, size_t max)
{
	size_t n = 0, i = 0;
	while (i + 1 < len && n < max) {
		const char *o = memmem(s + i, len - i, "**", 2);
		if (!o)
			break;
		size_t open = (size_t)(o - s);
		const char *c = open + 2 < len ? memmem(o + 2, len - open - 2, "**", 2) : NULL;
		if (!c)
			break;
		size_t close = (size_t)(c - s);
		i = close + 2;
		/* a lead starts the paragraph or follows a full stop */
		const char *before = pu_trim_end(s, o);
		if (before > s && !pu_is_stop(pu_last(s, (size_t)(before - s), NULL)))
			continue;
		/* … and is followed by what it leads */
		if (pu_skip_space(s + close + 2, s + len) == s + len)
			continue;
		size_t end = lead_end(s, len, open, close);
		if (!end || pu_count(s + open + 2, end - open - 2) > TITLE_MAX)
			continue;
		struct pu_lead *l = &out[n++];
		l->at = open;
		l->num = pu_number(s + open, end - open, &l->num_at, &l->num_end);
		l->num_at += open;
		l->num_end += open;
		l->title_at = l->num ? l->num_end : open + 2;
		l->title_end = end;
	}
	return n;
}

/* ---- dates -------------------------------------------------------------- */

/* A number written in ASCII digits or Han numerals, then optional spaces,
 * then the unit character `unit` (年 月 日).  Years may be 〇-digit strings. */
static size_t date_part(const char *s, size_t len, uint32_t unit, int year, int *v)
{
	size_t i = 0;
	int value = 0, digits = 0;
	while (i < len && digits < 4) { /* ASCII or full-width digits ("２０１０年") */
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (cp >= 0xFF10 && cp <= 0xFF19)
			cp -= 0xFF10 - '0';
		if (cp < '0' || cp > '9')
			break;
		value = value * 10 + (int)(cp - '0');
		i += k;
		digits++;
	}
	if (!digits) {
		if (year) {
			while (i < len && digits < 4) {
				uint32_t cp;
				size_t k = utf8_decode(s + i, len - i, &cp);
				int d = han_digit(cp);
				if (d < 0)
					break;
				value = value * 10 + d;
				i += k;
				digits++;
			}
		} else {
			i = han_number(s, len, &value);
			digits = i ? 1 : 0;
		}
	}
	if (!digits || (year && digits != 4) || (!year && digits > 2))
		return 0;
	i = (size_t)(pu_skip_space(s + i, s + len) - s);
	uint32_t cp;
	if (i >= len)
		return 0;
	size_t k = utf8_decode(s + i, len - i, &cp);
	if (cp != unit)
		return 0;
	*v = value;
	return i + k;
}

int pu_find_date(const char *s, size_t len, int ymd[3], size_t *at, size_t *end)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		int start = (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) ||
		            han_digit(cp) >= 0;
		if (start && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9'))) {
			size_t j = i, n;
			int y, m, d;
			if ((n = date_part(s + j, len - j, 0x5E74, 1, &y))) { /* 年 */
				j = (size_t)(pu_skip_space(s + j + n, s + len) - s);
				if ((n = date_part(s + j, len - j, 0x6708, 0, &m))) { /* 月 */
					j = (size_t)(pu_skip_space(s + j + n, s + len) - s);
					if ((n = date_part(s + j, len - j, 0x65E5, 0, &d)) &&
					    y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 &&
					    d <= 31) {
						ymd[0] = y;
						ymd[1] = m;
						ymd[2] = d;
						*at = i;
						*end = j + n;
						return 1;
					}
				}
			}
		}
		i += k;
	}
	return 0;
}
