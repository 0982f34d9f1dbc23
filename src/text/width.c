/* width.c — how many terminal columns a character takes, and the functions
 * that make text safe and cut it to a width.
 *
 * wcwidth() is the authority under a UTF-8 locale because curses and the
 * terminal's libc agree with it.  It is consulted only for what it knows:
 * glibc 2.36 answers -1 for characters newer than Unicode 14 and for every
 * non-ASCII character in a non-UTF-8 locale, and a -1 passed on would shift a
 * whole row, so those fall back on tables generated from the Unicode data
 * (tools/gen_eaw.py) with the same rules glibc uses.
 */
#include "config.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "text/eaw_table.h"
#include "text/text.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int ambiguous_width = 1;
static int locale_utf8 = -1; /* -1: not asked yet */

void text_set_ambiguous_width(int width)
{
	ambiguous_width = width == 2 ? 2 : 1;
}

int text_ambiguous_width(void)
{
	return ambiguous_width;
}

static int in_ranges(const struct text_range *r, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;

	if (n == 0 || cp < r[0].lo || cp > r[n - 1].hi)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp > r[mid].hi)
			lo = mid + 1;
		else if (cp < r[mid].lo)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

int text_is_ambiguous(uint32_t cp)
{
	return in_ranges(text_ambiguous_ranges, NELEM(text_ambiguous_ranges), cp);
}

/* Characters text_sanitize shows as U+FFFD: C1 controls (a C1 CSI is an
 * escape sequence to many terminals), bidi controls that reorder what follows,
 * line/paragraph separators, and values that are no code point at all. */
int text_is_replaced(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
}

static int locale_is_utf8(void)
{
	if (locale_utf8 < 0) {
		const char *codeset = nl_langinfo(CODESET);
		locale_utf8 = codeset && (strcasecmp(codeset, "UTF-8") == 0 ||
		                          strcasecmp(codeset, "UTF8") == 0);
	}
	return locale_utf8;
}

static int table_width(uint32_t cp)
{
	if (in_ranges(text_zero_ranges, NELEM(text_zero_ranges), cp))
		return 0;
	if (in_ranges(text_wide_ranges, NELEM(text_wide_ranges), cp))
		return 2;
	return 1;
}

int text_char_width(uint32_t cp)
{
	int w = -1;

	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp < 0x20 || cp == 0x7F)
		return 1; /* shown as a Control Picture, all narrow */
	if (text_is_replaced(cp))
		cp = TEXT_REPLACEMENT;
	if (locale_is_utf8())
		w = wcwidth((wchar_t)cp);
	if (w < 0 || w > 2)
		w = table_width(cp);
	if (w == 1 && ambiguous_width == 2 && text_is_ambiguous(cp))
		w = 2;
	return w;
}

int text_width(const char *s, size_t len)
{
	size_t i = 0;
	int col = 0;
	uint32_t cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == '\t')
			col = (col / 8 + 1) * 8;
		else
			col += text_char_width(cp);
	}
	return col;
}

int text_width_cstr(const char *s)
{
	return s ? text_width(s, strlen(s)) : 0;
}

size_t text_sanitize_cp(uint32_t cp, int *col, char *out)
{
	if (cp == '\t') {
		int stop = (*col / 8 + 1) * 8;
		size_t n = (size_t)(stop - *col);
		if (out)
			memset(out, ' ', n);
		*col = stop;
		return n;
	}
	if (cp < 0x20)
		cp += 0x2400;
	else if (cp == 0x7F)
		cp = 0x2421;
	else if (text_is_replaced(cp))
		cp = TEXT_REPLACEMENT;
	*col += text_char_width(cp);
	char tmp[4];
	return utf8_encode(cp, out ? out : tmp);
}

char *text_sanitize(const char *s, size_t len, int col0, size_t *out_len)
{
	size_t i, tabs = 0, o = 0;
	int col = col0 > 0 ? col0 : 0;
	char *out;
	uint32_t cp;

	for (i = 0; i < len; i++)
		tabs += s[i] == '\t';
	/* every byte grows to at most 3 (U+FFFD, a Control Picture), a tab to 8 */
	out = malloc(3 * len + 8 * tabs + 1);
	if (!out)
		return NULL;
	i = 0;
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		o += text_sanitize_cp(cp, &col, out + o);
	}
	out[o] = '\0';
	if (out_len)
		*out_len = o;
	return out;
}

size_t text_cut(const char *s, size_t len, int width, int *used)
{
	size_t i = 0;
	int col = 0;
	uint32_t cp;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		int next = cp == '\t' ? (col / 8 + 1) * 8 : col + text_char_width(cp);
		if (next > width)
			break;
		col = next;
		i += n;
	}
	if (used)
		*used = col;
	return i;
}

/* pad_left spaces, s[0..n), pad_right spaces, as a new string */
static char *padded(const char *s, size_t n, int pad_left, const char *tail, int pad_right)
{
	size_t tail_len = tail ? strlen(tail) : 0;
	char *out = malloc((size_t)pad_left + n + tail_len + (size_t)pad_right + 1);
	char *p = out;

	if (!out)
		return NULL;
	memset(p, ' ', (size_t)pad_left);
	p += pad_left;
	memcpy(p, s, n);
	p += n;
	if (tail_len)
		memcpy(p, tail, tail_len);
	p += tail_len;
	memset(p, ' ', (size_t)pad_right);
	p += pad_right;
	*p = '\0';
	return out;
}

char *text_fit(const char *s, int width, int ellipsis)
{
	int total, used;
	size_t len, n;

	if (!s)
		s = "";
	len = strlen(s);
	if (width <= 0)
		return padded("", 0, 0, NULL, 0);
	total = text_width(s, len);
	if (total <= width)
		return padded(s, len, 0, NULL, width - total);
	if (!ellipsis) {
		n = text_cut(s, len, width, &used);
		return padded(s, n, 0, NULL, width - used);
	}
	/* "…" is ambiguous: in wide mode it would take two columns */
	n = text_cut(s, len, width - 1, &used);
	return padded(s, n, 0, ambiguous_width == 2 ? "~" : "\xE2\x80\xA6", width - 1 - used);
}

char *text_fit_right(const char *s, int width)
{
	int used;
	size_t len, n;

	if (!s)
		s = "";
	len = strlen(s);
	if (width <= 0)
		return padded("", 0, 0, NULL, 0);
	n = text_cut(s, len, width, &used);
	return padded(s, n, width - used, NULL, 0);
}
