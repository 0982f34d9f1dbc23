/* unwrap.c — hard-wrapped text rejoined into paragraphs (see unwrap.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ingest/parse_util.h"
#include "ingest/unwrap.h"
#include "text/chars.h"

struct line {
	const char *s; /* without the indent and the trailing spaces */
	size_t len;
	int width;  /* columns: CJK 2, the rest 1, spaces included */
	int indent; /* starts with two spaces or an ideographic space */
	int blank, drop;
};

static int ends_sentence(const struct line *l)
{
	if (!l->len)
		return 0;
	size_t at;
	uint32_t cp = pu_last(l->s, l->len, &at);
	return text_is(cp,
	               TEXT_CH_FULL_STOP | TEXT_CH_SEMICOLON | TEXT_CH_COLON | TEXT_CH_CLOSE_QUOTE);
}

static void measure(struct line *l, const char *s, size_t len)
{
	size_t i = 0;
	int spaces = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = pu_decode(s + i, len - i, &cp);
		if (cp == 0x3000) {
			l->indent = 1;
		} else if (cp == ' ' || cp == '\t') {
			spaces++;
		} else if (cp == '\f' || cp == '\r') { /* a page feed is no indent */
		} else {
			break;
		}
		i += k;
	}
	l->indent |= spaces >= 2;
	size_t e = len;
	while (e > i &&
	       (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\f'))
		e--;
	l->s = s + i;
	l->len = e - i;
	l->blank = l->len == 0;
	l->width = 0;
	for (size_t k = 0; k < l->len;) {
		uint32_t cp;
		k += pu_decode(l->s + k, l->len - k, &cp);
		l->width += pu_is_wide(cp) ? 2 : 1;
	}
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* the output, and whether a write failed */
struct buf {
	struct pbuf b;
	int failed;
};

static void put(struct buf *o, const char *s, size_t n)
{
	if (!o->failed && pbuf_add(&o->b, s, n) < 0)
		o->failed = 1;
}

static int ascii_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* a line's text with the gaps justification put beside Chinese closed */
static void put_closed(struct buf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		if (s[i] != ' ') {
			uint32_t cp;
			size_t k = pu_decode(s + i, len - i, &cp);
			put(b, s + i, k);
			i += k;
			continue;
		}
		size_t e = i;
		while (e < len && s[e] == ' ')
			e++;
		uint32_t next = 0, prev = 0;
		if (e < len)
			pu_decode(s + e, len - e, &next);
		size_t at;
		if (b->b.len)
			prev = pu_last(b->b.s, b->b.len, &at);
		if (pu_keep_gap(prev, next))
			put(b, " ", 1);
		i = e;
	}
}

int unwrap_text(const char *text, size_t len, char **out, size_t *out_len)
{
	*out = NULL;
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += text[i] == '\n';
	n++;
	struct line *lines = calloc(n, sizeof *lines);
	int *widths = calloc(n, sizeof *widths);
	if (!lines || !widths) {
		free(lines);
		free(widths);
		return -1;
	}
	size_t nl = 0, nonblank = 0;
	for (size_t a = 0; a <= len && nl < n;) {
		const char *e = memchr(text + a, '\n', len - a);
		size_t b = e ? (size_t)(e - text) : len;
		measure(&lines[nl], text + a, b - a);
		if (!lines[nl].blank && !pu_page_number(lines[nl].s, lines[nl].len))
			widths[nonblank++] = lines[nl].width;
		nl++;
		a = b + 1;
	}
	int rc = 0;
	if (nonblank < 12)
		goto done;
	/* the width the text is wrapped at: most lines reach it */
	qsort(widths, nonblank, sizeof *widths, cmp_int);
	int wrap = widths[nonblank * 4 / 5];
	if (wrap < 20 || wrap > 200)
		goto done;
	/* a long line is one justification may have set short: digits and
	 * Latin take less room than they count for, bold and spread type more */
	int longline = wrap * 3 / 4;
	size_t full = 0, open = 0;
	for (size_t i = 0; i < nl; i++)
		if (!lines[i].blank && lines[i].width >= longline) {
			full++;
			open += !ends_sentence(&lines[i]);
		}
	if (full * 2 < nonblank || open * 3 < full * 2)
		goto done;

	/* page numbers, and short lines that repeat at the page edges: the line
	 * just after a page number or a form feed, or just before a number */
	unsigned char *edge = calloc(nl + 1, 1);
	if (!edge) {
		rc = -1;
		goto done;
	}
	for (size_t i = 0; i < nl; i++) {
		if (lines[i].blank || !pu_page_number(lines[i].s, lines[i].len))
			continue;
		lines[i].drop = 1;
		size_t k = i;
		while (k > 0 && lines[k - 1].blank)
			k--;
		if (k > 0)
			edge[k - 1] = 1;
		k = i + 1;
		while (k < nl && lines[k].blank)
			k++;
		if (k < nl)
			edge[k] = 1;
	}
	for (size_t i = 0; i < nl; i++) {
		const struct line *l = &lines[i];
		if (!edge[i] || l->drop || l->width >= longline)
			continue;
		int repeats = 0;
		for (size_t k = 0; k < nl; k++)
			repeats += edge[k] && lines[k].len == l->len &&
			           memcmp(lines[k].s, l->s, l->len) == 0;
		if (repeats >= 2)
			for (size_t k = 0; k < nl; k++)
				if (lines[k].len == l->len &&
				    memcmp(lines[k].s, l->s, l->len) == 0 && (edge[k] || k < 3))
					lines[k].drop = 1;
	}
	free(edge);

	struct buf b = {0};
	const struct line *prev = NULL;
	for (size_t i = 0; i < nl; i++) {
		const struct line *l = &lines[i];
		if (l->blank || l->drop)
			continue; /* a blank line is a page break or spacing: the width decides */
		if (prev) {
			/* a paragraph's last line: short, or short of the margin
			 * at the end of a sentence */
			int ends = prev->width < longline ||
			           (prev->width < wrap - 4 && ends_sentence(prev)) || l->indent;
			if (ends)
				put(&b, "\n\n", 2);
			else if (ascii_word(prev->s[prev->len - 1]) && ascii_word(l->s[0]))
				put(&b, " ", 1);
		}
		put_closed(&b, l->s, l->len);
		prev = l;
	}
	put(&b, "\n", 1);
	if (b.failed) {
		pbuf_free(&b.b);
		rc = -1;
	} else {
		*out = b.b.s;
		*out_len = b.b.len;
		rc = 1;
	}
done:
	free(lines);
	free(widths);
	return rc;
}
