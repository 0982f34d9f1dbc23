/* wrap.c — Chinese line breaking by display width (clreq basic level, 避头尾).
 *
 * Greedy: a line takes every unit that fits, then steps back to the nearest
 * place where a break is allowed.  Where no such place exists the rules are
 * relaxed one at a time (first the keep-together runs, then 避头尾, last the
 * ——/…… pairs) rather than letting a line overflow: a line never exceeds its
 * width, and each holds at least one unit, so any width terminates.
 *
 * Units are decoded on demand into a window that starts at the current line,
 * so memory stays O(width) however long the paragraph (a 5 MB report on one
 * line is a paragraph too).  A unit is one character with the zero-width
 * marks that follow it, or a run of break spaces.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text/chars.h"
#include "text/text.h"

enum {
	F_CLOSE = 1 << 0, /* may not begin a line */
	F_OPEN = 1 << 1,  /* may not end a line */
	F_PAIR = 1 << 2,  /* —— and …… : two of them are never split */
	F_WORD = 1 << 3,  /* Latin word or number character */
	F_DIGIT = 1 << 4,
	F_NUMPUNCT = 1 << 5, /* . , % inside a number */
	F_UNIT = 1 << 6,     /* measure word kept with its number */
	F_SPACE = 1 << 7,    /* break spaces: dropped at a break */
};

/* how strongly the boundary before a unit resists a break */
enum { LV_FREE, LV_GLUE, LV_RULE, LV_PAIR, LV_NEVER };
/* whether the keep-together run a unit belongs to fits in a line */
enum { ST_UNKNOWN, ST_FITS, ST_WIDE };

struct unit {
	size_t start, end;
	uint32_t cp;
	int width;
	int run_width; /* of its keep-together run so far, break spaces not counted */
	unsigned char flags, level;
	unsigned char glue;    /* a Latin word or a number with its unit goes on */
	unsigned char chained; /* no break before it at level LV_FREE: same run */
	unsigned char status;
};

struct wrapper {
	const char *s;
	size_t len, pos;
	int avail_cont; /* columns of a continuation line: runs wider than it are breakable */
	struct unit *buf;
	size_t count, cap;
	int eof;
	int seen_text;    /* spaces after text are break spaces, leading ones are not */
	int open_before;  /* the last non-space unit may not end a line */
	int number_state; /* 1: in a number, 2/3: after one/two unit characters */
	int failed;
};

static int in_list(uint32_t cp, const uint32_t *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i] == cp)
			return 1;
	return 0;
}

/* 亿万千元吨亩人户个家项 % ％ */
static const uint32_t unit_chars[] = {
    0x4EBF, 0x4E07, 0x5343, 0x5143, 0x5428, 0x4EA9, 0x4EBA,
    0x6237, 0x4E2A, 0x5BB6, 0x9879, '%',    0xFF05,
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

enum text_stop text_stop_at(uint32_t cp)
{
	/* ，、 ,  and  。；！？ ; ! ? */
	unsigned c = text_char_class(cp);
	if (c & (TEXT_CH_COMMA | TEXT_CH_ENUM_COMMA))
		return TEXT_STOP_CLAUSE;
	if (c & (TEXT_CH_FULL_STOP | TEXT_CH_SEMICOLON))
		return TEXT_STOP_SENTENCE;
	return TEXT_STOP_NONE;
}

static unsigned char classify(uint32_t cp)
{
	unsigned char f = 0;

	unsigned c = text_char_class(cp);
	if (c & TEXT_CH_CLOSING)
		f |= F_CLOSE;
	if (c & TEXT_CH_OPENING)
		f |= F_OPEN;
	if (cp == 0x2014 || cp == 0x2015 || cp == 0x2026 || cp == 0x22EF)
		f |= F_PAIR;
	if ((cp > 0x20 && cp < 0x7F) || (cp >= 0xFF10 && cp <= 0xFF19) ||
	    (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) || cp == 0xFF05 ||
	    cp == 0xFF0E)
		f |= F_WORD;
	if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
		f |= F_DIGIT;
	if (cp == '.' || cp == ',' || cp == '%' || cp == 0xFF0E || cp == 0xFF05)
		f |= F_NUMPUNCT;
	if (in_list(cp, unit_chars, NELEM(unit_chars)))
		f |= F_UNIT;
	return f;
}

/* End of the unit starting at pos: one character and the zero-width marks
 * that belong to it. */
static size_t cluster_end(const char *s, size_t len, size_t pos, uint32_t *base, int *width)
{
	uint32_t cp;

	pos += utf8_decode(s + pos, len - pos, base);
	*width = text_char_width(*base);
	while (pos < len) {
		size_t n = utf8_decode(s + pos, len - pos, &cp);
		if (text_char_width(cp) != 0)
			break;
		pos += n;
	}
	return pos;
}

/* The run that ends at the last unit is now known to fit (or not). */
static void settle_run(struct wrapper *w, unsigned char status)
{
	size_t i = w->count;

	while (i > 0 && w->buf[i - 1].status == ST_UNKNOWN) {
		w->buf[--i].status = status;
		if (!w->buf[i].chained)
			break;
	}
}

static int append_unit(struct wrapper *w)
{
	struct unit u = {0};
	const struct unit *prev;
	size_t end;

	if (w->pos >= w->len) {
		if (!w->eof)
			settle_run(w, ST_FITS);
		w->eof = 1;
		return 0;
	}
	if (w->count == w->cap) {
		size_t cap = w->cap ? 2 * w->cap : 64;
		struct unit *buf = realloc(w->buf, cap * sizeof(*buf));
		if (!buf) {
			w->failed = 1;
			return 0;
		}
		w->buf = buf;
		w->cap = cap;
	}
	prev = w->count ? &w->buf[w->count - 1] : NULL;
	u.start = w->pos;
	end = cluster_end(w->s, w->len, w->pos, &u.cp, &u.width);
	if (u.cp == ' ' && end == u.start + 1 && w->seen_text) {
		/* a run of break spaces is one unit, so a million spaces cannot
		 * widen the window */
		uint32_t cp;
		int cw;
		while (end < w->len && w->s[end] == ' ' &&
		       cluster_end(w->s, w->len, end, &cp, &cw) == end + 1) {
			end++;
			u.width++;
		}
		u.flags = F_SPACE;
		u.level = LV_NEVER;
		w->number_state = 0;
	} else {
		int after_space = prev && (prev->flags & F_SPACE);
		u.flags = classify(u.cp);
		u.level = LV_FREE;
		if (prev && !after_space) {
			if ((prev->flags & F_WORD) && (u.flags & F_WORD))
				u.glue = 1;
			if ((u.flags & F_UNIT) && (w->number_state == 1 || w->number_state == 2))
				u.glue = 1;
			if ((prev->flags & F_PAIR) && prev->cp == u.cp)
				u.level = LV_PAIR;
		}
		if (prev && u.level < LV_RULE && ((u.flags & F_CLOSE) || w->open_before))
			u.level = LV_RULE;
		if (u.flags & F_DIGIT)
			w->number_state = 1;
		else if ((u.flags & F_NUMPUNCT) && w->number_state == 1)
			w->number_state = 1;
		else if ((u.flags & F_UNIT) && u.glue && w->number_state >= 1 &&
		         w->number_state < 3)
			w->number_state++;
		else
			w->number_state = 0;
		w->open_before = (u.flags & F_OPEN) != 0;
		if (!(u.cp == ' ' && end == u.start + 1))
			w->seen_text = 1;
	}
	u.end = end;
	/* A run is everything between two free breaks: "理,PM2.5" cannot begin
	 * at the comma, so whether the Latin word fits counts 理 too. */
	u.chained = prev && (u.glue || u.level >= LV_RULE);
	if (u.chained) {
		u.run_width = prev->run_width + (u.flags & F_SPACE ? 0 : u.width);
		u.status = prev->status == ST_WIDE ? ST_WIDE : ST_UNKNOWN;
	} else {
		settle_run(w, ST_FITS);
		u.run_width = u.width;
		u.status = ST_UNKNOWN;
	}
	w->buf[w->count++] = u;
	if (u.status == ST_UNKNOWN && u.run_width > w->avail_cont)
		settle_run(w, ST_WIDE);
	w->pos = end;
	return 1;
}

static int have_unit(struct wrapper *w, size_t k)
{
	while (w->count <= k)
		if (!append_unit(w))
			return 0;
	return 1;
}

static int boundary_level(const struct unit *u)
{
	int level = u->level;

	if (u->glue && u->status != ST_WIDE && level < LV_GLUE)
		level = LV_GLUE;
	return level;
}

static int push_line(text_line **lines, size_t *n, size_t *cap, text_line line)
{
	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 16;
		text_line *p = realloc(*lines, c * sizeof(*p));
		if (!p)
			return 0;
		*lines = p;
		*cap = c;
	}
	(*lines)[(*n)++] = line;
	return 1;
}

/* Line from units [0, k) of the window, break spaces at its end left out. */
static text_line make_line(const struct wrapper *w, size_t k, int indent)
{
	text_line line = {w->buf[0].start, w->buf[0].start, 0, indent};
	size_t i;

	if (k > 0 && (w->buf[k - 1].flags & F_SPACE))
		k--;
	for (i = 0; i < k; i++)
		line.width += w->buf[i].width;
	if (k > 0)
		line.end = w->buf[k - 1].end;
	return line;
}

size_t text_wrap(const char *s, size_t len, int width, int hang, text_line **lines)
{
	struct wrapper w = {0};
	text_line *out = NULL;
	size_t n = 0, cap = 0;
	int first = 1;

	if (width < 1)
		width = 1;
	if (hang < 0)
		hang = 0;
	if (hang > width / 2)
		hang = width / 2;
	w.s = s;
	w.len = s ? len : 0;
	w.avail_cont = width - hang;
	*lines = NULL;

	while (!w.failed && have_unit(&w, 0)) {
		int indent = first ? 0 : hang;
		int avail = width - indent;
		int col = 0;
		size_t b = 0, brk = 0, k;
		text_line line;

		if (w.buf[0].flags & F_SPACE) {
			/* after a character that had a line to itself */
			w.count--;
			memmove(w.buf, w.buf + 1, w.count * sizeof(*w.buf));
			continue;
		}
		/* b: the first unit that does not fit (break spaces always do:
		 * they vanish at a break) */
		while (have_unit(&w, b)) {
			const struct unit *u = &w.buf[b];
			if (!(u->flags & F_SPACE) && col + u->width > avail)
				break;
			col += u->width;
			b++;
		}
		if (w.failed)
			break;
		if (b >= w.count) {
			line = make_line(&w, w.count, indent);
			brk = w.count;
		} else if (b == 0) {
			/* a unit wider than the line: alone, indent given up if need be */
			int room = width - w.buf[0].width;
			line = make_line(&w, 1, indent < room ? indent : room > 0 ? room : 0);
			brk = 1;
		} else {
			int level;
			/* a run straddling the edge must be known to fit or not */
			while (w.buf[b].status == ST_UNKNOWN && append_unit(&w))
				;
			for (level = LV_FREE; level < LV_NEVER && !brk; level++)
				for (k = b; k > 0 && !brk; k--)
					if (boundary_level(&w.buf[k]) <= level)
						brk = k;
			if (!brk)
				brk = b;
			line = make_line(&w, brk, indent);
		}
		if (!push_line(&out, &n, &cap, line)) {
			w.failed = 1;
			break;
		}
		w.count -= brk;
		memmove(w.buf, w.buf + brk, w.count * sizeof(*w.buf));
		first = 0;
	}
	if (n == 0 && !w.failed) {
		text_line empty = {0, 0, 0, 0};
		if (!push_line(&out, &n, &cap, empty))
			w.failed = 1;
	}
	free(w.buf);
	if (w.failed) {
		free(out);
		return 0;
	}
	*lines = out;
	return n;
}

static int is_blank(uint32_t cp)
{
	return cp == ' ' || cp == 0x3000;
}

static int is_bullet(uint32_t cp)
{
	return text_is(cp, TEXT_CH_BULLET);
}

static int is_cjk_numeral(uint32_t cp)
{
	return text_is(cp, TEXT_CH_CJK_NUMERAL);
}

static int is_enclosed_number(uint32_t cp)
{
	return text_is(cp, TEXT_CH_CIRCLED);
}

static int is_digit_cp(uint32_t cp)
{
	return text_is(cp, TEXT_CH_DIGIT);
}

/* Code point at s[*pos] without consuming it; 0 at the end. */
static uint32_t peek(const char *s, size_t len, size_t pos, size_t *next)
{
	uint32_t cp = 0;

	*next = pos;
	if (pos < len)
		*next = pos + utf8_decode(s + pos, len - pos, &cp);
	return cp;
}

/* Length of a numbered-item marker at pos ("1. ", "1、", "(1)", "（一）",
 * "一、"), 0 if none. */
static size_t number_marker(const char *s, size_t len, size_t pos)
{
	size_t p = pos, next;
	uint32_t cp = peek(s, len, p, &next);
	int digits = 0, numerals = 0, paren = 0;

	if (cp == '(' || cp == 0xFF08) {
		paren = 1;
		p = next;
		cp = peek(s, len, p, &next);
	}
	while (is_digit_cp(cp) && digits < 4) {
		digits++;
		p = next;
		cp = peek(s, len, p, &next);
	}
	while (!digits && is_cjk_numeral(cp) && numerals < 4) {
		numerals++;
		p = next;
		cp = peek(s, len, p, &next);
	}
	if (!digits && !numerals)
		return 0;
	if (paren)
		return cp == ')' || cp == 0xFF09 ? next - pos : 0;
	if (cp == 0x3001)
		return next - pos;
	if (digits && (cp == ')' || cp == 0xFF09))
		return next - pos;
	if (digits && (cp == '.' || cp == 0xFF0E)) {
		size_t after;
		uint32_t c2 = peek(s, len, next, &after);
		/* "3.9%" is a number, not item 3 */
		return next < len && !is_digit_cp(c2) ? next - pos : 0;
	}
	return 0;
}

int text_hang_indent(const char *s, size_t len)
{
	size_t p = 0, next, m;
	uint32_t cp;
	int found = 0;

	if (!s)
		return 0;
	while (is_blank(cp = peek(s, len, p, &next)))
		p = next;
	for (;;) {
		cp = peek(s, len, p, &next);
		if (is_bullet(cp) || is_enclosed_number(cp)) {
			p = next;
		} else if ((cp == '-' || cp == '*' || cp == '+' || cp == 0x2013) && next < len &&
		           is_blank(peek(s, len, next, &m))) {
			p = next;
		} else if (!found && (m = number_marker(s, len, p)) > 0) {
			p += m;
		} else {
			break;
		}
		found = 1;
		while (is_blank(cp = peek(s, len, p, &next)))
			p = next;
	}
	if (!found || p >= len)
		return 0;
	return text_width(s, p);
}
