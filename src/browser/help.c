/* help.c — the help screen, generated from the key table and the action
 * descriptions, so it lists exactly the keys that work. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "browser/draw.h"
#include "text/text.h"

struct help_line {
	char *keys; /* NULL: a heading */
	char *text;
};

/* One screen row: a part of a line's text, wrapped to the pane's width. */
struct help_row {
	size_t line;
	size_t start, end; /* bytes of the line's text */
	int first;         /* the row that shows the keys */
};

struct help {
	struct help_line *lines;
	size_t n, cap;
	struct help_row *rows;
	size_t nrows;
};

static void add(struct help *h, const char *keys, const char *text)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->lines = realloc(h->lines, h->cap * sizeof *h->lines);
		if (!h->lines)
			abort();
	}
	h->lines[h->n].keys = keys ? strdup(keys) : NULL;
	h->lines[h->n].text = strdup(text);
	h->n++;
}

static void clear(struct help *h)
{
	for (size_t i = 0; i < h->n; i++) {
		free(h->lines[i].keys);
		free(h->lines[i].text);
	}
	free(h->lines);
	free(h->rows);
	memset(h, 0, sizeof *h);
}

/* The keys column: wide enough for most key lists, a third of a narrow pane. */
static int keys_width(int width)
{
	return width >= 60 ? 28 : width / 3;
}

/* Wraps every line's text to the pane's width (descriptions under their
 * column, headings after one blank), so nothing is cut at 80 columns. */
static void help_resize(struct pane *p)
{
	struct help *h = p->data;
	free(h->rows);
	h->rows = NULL;
	h->nrows = 0;
	size_t cap = 0;
	int width = p->width > 2 ? p->width : 2;
	for (size_t i = 0; i < h->n; i++) {
		const struct help_line *l = &h->lines[i];
		int w = l->keys ? width - keys_width(width) : width - 1;
		text_line *tl = NULL;
		size_t nl = text_wrap(l->text, strlen(l->text), w > 1 ? w : 1, 0, &tl);
		for (size_t k = 0; k < (nl ? nl : 1); k++) {
			if (h->nrows == cap) {
				cap = cap ? cap * 2 : 128;
				h->rows = realloc(h->rows, cap * sizeof *h->rows);
				if (!h->rows)
					abort();
			}
			h->rows[h->nrows++] =
			    (struct help_row){i, nl ? tl[k].start : 0, nl ? tl[k].end : 0, k == 0};
		}
		free(tl);
	}
	panel_set_count(p, h->nrows);
}

static const char *const map_titles[KM_COUNT] = {
    [KM_GENERIC] = "Everywhere",
    [KM_DISTRICT] = "District list (地区)",
    [KM_TREE] = "Section tree (目录)",
    [KM_INDICATORS] = "Indicator table (指标)",
    [KM_VIEWER] = "Text viewer (正文)",
    [KM_RESULTS] = "Search results",
    [KM_COMPARE] = "Compare view (目标与完成)",
    [KM_HELP] = "This help",
};

static void help_load(struct pane *p)
{
	struct help *h = p->data;
	clear(h);
	add(h, NULL, "baogao — keys (from data/keys.conf and your ~/.config/baogao/config)");
	for (int km = 0; km < KM_COUNT; km++) {
		int any = 0;
		for (int a = 1; a < ACT_COUNT; a++) {
			char keys[128];
			if (!keys_for((enum keymap)km, (enum action)a, keys, sizeof keys))
				continue;
			if (!any) {
				add(h, "", "");
				add(h, NULL, map_titles[km]);
				any = 1;
			}
			char text[256];
			snprintf(text, sizeof text, "%s  (%s)", action_help((enum action)a),
			         action_name((enum action)a));
			add(h, keys, text);
		}
	}
	add(h, "", "");
	add(h, NULL, "Search prompt (/) and find prompt (f)");
	add(h, "<Enter>", "run the search; the status line shows the total over all documents");
	add(h, "<Esc> <C-g>", "cancel");
	add(h, "<Up> <Down>", "recall earlier searches");
	add(h, "<Left> <Right>", "move by character (<C-b> <C-f>)");
	add(h, "<Home> <End>", "move to the start / end (<C-a> <C-e>)");
	add(h, "<Backspace> <Delete>",
	    "delete a whole character; <C-w> a word, <C-u> <C-k> to the start / end");
	add(h, "<C-r>", "toggle regular expression (PCRE2); or start the pattern with re:");
	add(h, "", "");
	add(h, NULL, "Mouse (where the terminal sends it; set mouse off in the config)");
	add(h, "click", "focus the pane and choose the line (Enter opens it)");
	add(h, "wheel", "scroll");
	add(h, "", "");
	add(h, NULL,
	    "Configuration: bind [KEYMAP] KEY ACTION · color ELEMENT FG BG [ATTR] · "
	    "set ambiguous auto|narrow|wide · set mouse on|off");
	help_resize(p);
}

static void help_draw_line(struct pane *p, size_t line, int row, int col, int width, int selected)
{
	struct help *h = p->data;
	const struct help_row *r = &h->rows[line];
	const struct help_line *l = &h->lines[r->line];
	enum elem sel = EL_SELECTED_FOCUS;
	char *part = strndup(l->text + r->start, r->end - r->start);
	if (!part)
		return;
	if (!l->keys) {
		draw_blank(row, col, 1, selected ? sel : EL_HEADING);
		draw_text(row, col + 1, width - 1, part, selected ? sel : EL_HEADING);
		free(part);
		return;
	}
	int kw = keys_width(width);
	char k[160];
	snprintf(k, sizeof k, "   %s", r->first ? l->keys : "");
	draw_text_ellipsis(row, col, kw - 1, k, selected ? sel : EL_HELP_KEY);
	draw_blank(row, col + kw - 1, 1, selected ? sel : EL_NORMAL);
	draw_text(row, col + kw, width - kw, part, selected ? sel : EL_NORMAL);
	free(part);
}

static int help_grep(struct pane *p, size_t line, const char *term)
{
	struct help *h = p->data;
	const struct help_row *r = &h->rows[line];
	if (!r->first) /* a line is found once, on its first row */
		return 0;
	const struct help_line *l = &h->lines[r->line];
	char buf[512];
	snprintf(buf, sizeof buf, "%s %s", l->keys ? l->keys : "", l->text);
	char *f = text_fold(buf, strlen(buf), 1, NULL);
	int hit = f && strstr(f, term) != NULL;
	free(f);
	return hit;
}

static void help_title(struct pane *p, char *buf, size_t size)
{
	(void)p;
	snprintf(buf, size, "帮助 Help · q or ? to close · / to find");
}

static void help_destroy(struct pane *p)
{
	clear(p->data);
	free(p->data);
}

static const struct pane_ops help_ops = {
    .keymap = KM_HELP,
    .load = help_load,
    .resize = help_resize,
    .draw_line = help_draw_line,
    .grep_line = help_grep,
    .title = help_title,
    .destroy = help_destroy,
};

struct pane *help_new(struct ui *u)
{
	struct help *h = calloc(1, sizeof *h);
	if (!h)
		abort();
	return panel_new(u, &help_ops, h);
}
