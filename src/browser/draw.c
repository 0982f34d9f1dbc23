/* draw.c — sanitize, cut, pad, then into the canvas (canvas.c), which
 * ui/display.c paints. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "browser/canvas.h"
#include "browser/draw.h"
#include "text/text.h"

static int ambiguous_fallback;
static struct canvas *target;

void draw_begin(struct canvas *c)
{
	target = c;
}

void draw_border(int col, int row, int height)
{
	/* │ is an ambiguous character: two columns in a wide terminal, where an
	 * ASCII bar keeps every border one column. */
	const char *bar = text_ambiguous_width() == 2 ? "|" : "\xe2\x94\x82";
	for (int r = row; r < row + height; r++)
		canvas_put(target, r, col, bar, strlen(bar), EL_BORDER);
}

void draw_cursor(int row, int col)
{
	canvas_cursor(target, row, col);
}

void draw_set_ambiguous_fallback(int on)
{
	ambiguous_fallback = on;
}

/* Two narrow look-alikes for an ambiguous character in a wide terminal when
 * curses measures it as narrow: both sides then agree on two columns. */
static const char *ascii_pair(uint32_t cp)
{
	switch (cp) {
	case 0x201C:
	case 0x201D:
		return "\" ";
	case 0x2018:
	case 0x2019:
		return "' ";
	case 0x2014:
	case 0x2015:
	case 0x2500:
	case 0x2501:
		return "--";
	case 0x2026:
		return "..";
	case 0x00B7:
	case 0x2027:
		return ". ";
	case 0x2502:
	case 0x2503:
		return "| ";
	default:
		if (cp >= 0x2460 && cp <= 0x2473) { /* ①..⑳ */
			static char num[3];
			unsigned n = cp - 0x2460 + 1;
			num[0] = n >= 10 ? (char)('0' + n / 10) : '(';
			num[1] = (char)('0' + n % 10);
			num[2] = '\0';
			return num;
		}
		return "* ";
	}
}

static void emit(int row, int col, const char *s, size_t len, enum elem e)
{
	if (len == 0)
		return;
	char stack[512];
	char *buf = len * 2 + 1 <= sizeof stack ? stack : malloc(len * 2 + 1);
	if (!buf)
		return;
	size_t o = 0;
	if (ambiguous_fallback && text_ambiguous_width() == 2) {
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			size_t n = utf8_decode(s + i, len - i, &cp);
			if (text_is_ambiguous(cp)) {
				memcpy(buf + o, ascii_pair(cp), 2);
				o += 2;
			} else {
				memcpy(buf + o, s + i, n);
				o += n;
			}
			i += n;
		}
	} else {
		memcpy(buf, s, len);
		o = len;
	}
	buf[o] = '\0';
	if (target)
		canvas_put(target, row, col, buf, o, e);
	if (buf != stack)
		free(buf);
}

static char spaces[] = "                                                                ";

void draw_blank(int row, int col, int width, enum elem e)
{
	while (width > 0) {
		int n = width < (int)sizeof spaces - 1 ? width : (int)sizeof spaces - 1;
		emit(row, col, spaces, (size_t)n, e);
		col += n;
		width -= n;
	}
}

char *draw_cell(const char *s, int width, int right)
{
	char *clean = text_sanitize(s ? s : "", s ? strlen(s) : 0, 0, NULL);
	char *fit = right ? text_fit_right(clean, width) : text_fit(clean, width, 1);
	free(clean);
	return fit;
}

static void draw_fitted(int row, int col, int width, const char *s, enum elem e, int ellipsis)
{
	if (width <= 0)
		return;
	char *clean = text_sanitize(s ? s : "", s ? strlen(s) : 0, 0, NULL);
	char *fit = text_fit(clean, width, ellipsis);
	emit(row, col, fit, strlen(fit), e);
	free(fit);
	free(clean);
}

void draw_text(int row, int col, int width, const char *s, enum elem e)
{
	draw_fitted(row, col, width, s, e, 0);
}

void draw_text_ellipsis(int row, int col, int width, const char *s, enum elem e)
{
	draw_fitted(row, col, width, s, e, 1);
}

void draw_spans(int row, int col, int width, int indent, const char *s, size_t len, enum elem base,
                const struct span *sp, size_t nsp)
{
	int left = width;
	if (indent > left)
		indent = left;
	draw_blank(row, col, indent, base);
	col += indent;
	left -= indent;
	size_t pos = 0, k = 0;
	while (pos < len && left > 0) {
		while (k < nsp && sp[k].end <= pos)
			k++;
		size_t end = len;
		enum elem e = base;
		if (k < nsp && sp[k].start <= pos) {
			end = sp[k].end < len ? sp[k].end : len;
			e = sp[k].elem;
		} else if (k < nsp && sp[k].start < len) {
			end = sp[k].start;
		}
		int used = 0;
		size_t cut = text_cut(s + pos, end - pos, left, &used);
		emit(row, col, s + pos, cut, e);
		col += used;
		left -= used;
		if (cut < end - pos) {
			/* A wide character straddles the edge: its first column is
			 * blanked rather than half drawn. */
			break;
		}
		pos = end;
	}
	draw_blank(row, col, left, base);
}
