/* prompt.c — the one-line editor for / (search), f (find in pane) and e
 * (the export's file name):
 * editing by code point and display width, so CJK input moves and deletes
 * whole characters; ↑↓ recall the history; Ctrl-R toggles regex. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "browser/draw.h"
#include "browser/export.h"
#include "browser/keys.h"
#include "browser/prompt.h"
#include "browser/search.h"
#include "text/text.h"

#define HISTORY_MAX 100

struct prompt {
	int active;
	enum prompt_kind kind;
	char *buf;
	size_t len, cap, cur; /* bytes; cur on a code point boundary */
	int regex;
	char *history[HISTORY_MAX];
	size_t nhistory;
	size_t hpos;   /* == nhistory: the line being typed */
	char *typed;   /* saved while browsing history */
	char *confirm; /* the export name Enter was pressed on once */
};

static struct prompt *get(struct ui *u)
{
	if (!u->prompt) {
		u->prompt = calloc(1, sizeof *u->prompt);
		if (!u->prompt)
			abort();
	}
	return u->prompt;
}

static void set_text(struct prompt *p, const char *s)
{
	size_t n = strlen(s);
	if (n + 1 > p->cap) {
		p->cap = n + 64;
		p->buf = realloc(p->buf, p->cap);
		if (!p->buf)
			abort();
	}
	memcpy(p->buf, s, n + 1);
	p->len = p->cur = n;
}

void prompt_open(struct ui *u, enum prompt_kind kind)
{
	struct prompt *p = get(u);
	p->active = 1;
	p->kind = kind;
	p->regex = 0; /* a regex is asked for each time (Ctrl-R or re:) */
	set_text(p, "");
	p->hpos = p->nhistory;
	free(p->typed);
	p->typed = NULL;
	free(p->confirm);
	p->confirm = NULL;
}

void prompt_open_with(struct ui *u, enum prompt_kind kind, const char *text)
{
	prompt_open(u, kind);
	set_text(get(u), text);
}

int prompt_active(const struct ui *u)
{
	return u->prompt && u->prompt->active;
}

void prompt_free(struct ui *u)
{
	struct prompt *p = u->prompt;
	if (!p)
		return;
	for (size_t i = 0; i < p->nhistory; i++)
		free(p->history[i]);
	free(p->buf);
	free(p->typed);
	free(p->confirm);
	free(p);
	u->prompt = NULL;
}

static size_t prev_cp(const struct prompt *p, size_t at)
{
	if (at == 0)
		return 0;
	size_t i = at - 1;
	while (i > 0 && ((unsigned char)p->buf[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static size_t next_cp(const struct prompt *p, size_t at)
{
	if (at >= p->len)
		return p->len;
	uint32_t cp;
	return at + utf8_decode(p->buf + at, p->len - at, &cp);
}

static void delete_range(struct prompt *p, size_t from, size_t to)
{
	memmove(p->buf + from, p->buf + to, p->len - to + 1);
	p->len -= to - from;
	p->cur = from;
}

static void insert_cp(struct prompt *p, uint32_t cp)
{
	char enc[4];
	size_t n = utf8_encode(cp, enc);
	if (p->len + n + 1 > p->cap) {
		p->cap = (p->len + n + 1) * 2;
		p->buf = realloc(p->buf, p->cap);
		if (!p->buf)
			abort();
	}
	memmove(p->buf + p->cur + n, p->buf + p->cur, p->len - p->cur + 1);
	memcpy(p->buf + p->cur, enc, n);
	p->len += n;
	p->cur += n;
}

/* History keeps a regex as re:PATTERN, so recalling it searches the same. */
static void remember(struct prompt *p)
{
	if (!p->len)
		return;
	char *entry = malloc(p->len + 4);
	if (!entry)
		abort();
	int prefix = p->regex && strncmp(p->buf, "re:", 3) != 0;
	snprintf(entry, p->len + 4, "%s%s", prefix ? "re:" : "", p->buf);
	if (p->nhistory && strcmp(p->history[p->nhistory - 1], entry) == 0) {
		free(entry);
		return;
	}
	if (p->nhistory == HISTORY_MAX) {
		free(p->history[0]);
		memmove(p->history, p->history + 1, (HISTORY_MAX - 1) * sizeof *p->history);
		p->nhistory--;
	}
	p->history[p->nhistory++] = entry;
}

static void recall(struct prompt *p, int dir)
{
	if (dir < 0 && p->hpos == 0)
		return;
	if (dir > 0 && p->hpos >= p->nhistory)
		return;
	if (p->hpos == p->nhistory) {
		free(p->typed);
		p->typed = strdup(p->buf);
	}
	p->hpos = dir < 0 ? p->hpos - 1 : p->hpos + 1;
	set_text(p, p->hpos == p->nhistory ? (p->typed ? p->typed : "") : p->history[p->hpos]);
}

static void submit(struct ui *u, struct prompt *p)
{
	p->active = 0;
	if (p->kind == PROMPT_EXPORT) {
		/* file names are not searches: kept out of the history */
		int again = p->confirm && strcmp(p->confirm, p->buf) == 0;
		free(p->confirm);
		p->confirm = NULL;
		if (compare_export(u, p->buf, again)) {
			p->active = 1; /* to edit the name, or Enter to replace */
			p->confirm = strdup(p->buf);
		}
		return;
	}
	remember(p);
	if (p->kind == PROMPT_SEARCH) {
		search_start(u, p->buf, p->regex);
		return;
	}
	struct pane *target = u->overlay ? u->overlay : u->pane[u->focus];
	if (!panel_find(target, p->len ? p->buf : NULL, 1))
		ui_message(u, EL_ERROR, "not found in this pane: %s", p->len ? p->buf : "");
	else
		ui_message(u, EL_MESSAGE, "found: %s (f Enter: next)", p->buf);
}

void prompt_key(struct ui *u, int key)
{
	struct prompt *p = get(u);
	switch (key) {
	case '\r':
		submit(u, p);
		return;
	case 27:
	case 7: /* Ctrl-G */
		p->active = 0;
		ui_message(u, EL_MESSAGE, "cancelled");
		return;
	case 127:
		if (p->cur)
			delete_range(p, prev_cp(p, p->cur), p->cur);
		else if (!p->len)
			p->active = 0; /* backspace on an empty prompt leaves it, as in vim */
		return;
	case 4: /* Ctrl-D */
	case KEY_FN | FK_DC:
		delete_range(p, p->cur, next_cp(p, p->cur));
		return;
	case 21: /* Ctrl-U */
		delete_range(p, 0, p->cur);
		return;
	case 11: /* Ctrl-K */
		p->buf[p->cur] = '\0';
		p->len = p->cur;
		return;
	case 23: { /* Ctrl-W: the word before the cursor */
		size_t to = p->cur, from = p->cur;
		while (from && p->buf[from - 1] == ' ')
			from--;
		while (from && p->buf[from - 1] != ' ')
			from = prev_cp(p, from);
		delete_range(p, from, to);
		return;
	}
	case 18: /* Ctrl-R */
		if (p->kind == PROMPT_SEARCH)
			p->regex = !p->regex;
		return;
	case 1:
	case KEY_FN | FK_HOME:
		p->cur = 0;
		return;
	case 5:
	case KEY_FN | FK_END:
		p->cur = p->len;
		return;
	case 2:
	case KEY_FN | FK_LEFT:
		p->cur = prev_cp(p, p->cur);
		return;
	case 6:
	case KEY_FN | FK_RIGHT:
		p->cur = next_cp(p, p->cur);
		return;
	case KEY_FN | FK_UP:
		recall(p, -1);
		return;
	case KEY_FN | FK_DOWN:
		recall(p, 1);
		return;
	default:
		if (key >= 0x20 && key != 0x7f && !(key & KEY_FN) && key <= 0x10FFFF &&
		    !(key >= 0x80 && key < 0xa0))
			insert_cp(p, (uint32_t)key);
		return;
	}
}

void prompt_draw(struct ui *u, int row, int width)
{
	struct prompt *p = get(u);
	const char *label = p->kind == PROMPT_FIND     ? "find: "
	                    : p->kind == PROMPT_EXPORT ? "export to: "
	                    : p->regex                 ? "re:/"
	                                               : "/";
	int lw = text_width_cstr(label);
	draw_text(row, 0, lw, label, EL_PROMPT);
	int field = width - lw - 1;
	if (field < 1)
		return;
	char *clean = text_sanitize(p->buf, p->len, 0, NULL);
	char *clean_before = text_sanitize(p->buf, p->cur, 0, NULL);
	size_t blen = strlen(clean_before);
	/* Scroll so the cursor stays in the field. */
	size_t start = 0;
	while (text_width(clean + start, blen - start) > field - 1 && start < blen) {
		uint32_t cp;
		start += utf8_decode(clean + start, blen - start, &cp);
	}
	draw_text(row, lw, field + 1, clean + start, EL_PROMPT);
	draw_cursor(row, lw + text_width(clean + start, blen - start));
	free(clean);
	free(clean_before);
}
