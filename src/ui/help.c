/* help.c — the help screen, generated from the key table and the action
 * descriptions, so it lists exactly the keys that work. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "ui/app.h"
#include "ui/draw.h"

struct help_line {
	char *keys; /* NULL: a heading */
	char *text;
};

struct help {
	struct help_line *lines;
	size_t n, cap;
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
	memset(h, 0, sizeof *h);
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
	add(h, "<Left> <Right> <Home> <End>", "move by character (<C-b> <C-f> <C-a> <C-e>)");
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
	panel_set_count(p, h->n);
}

static void help_draw_line(struct pane *p, size_t line, int row, int col, int width, int selected)
{
	struct help *h = p->data;
	const struct help_line *l = &h->lines[line];
	enum elem sel = EL_SELECTED_FOCUS;
	if (!l->keys) {
		char t[512];
		snprintf(t, sizeof t, " %s", l->text);
		draw_text_ellipsis(row, col, width, t, selected ? sel : EL_HEADING);
		return;
	}
	int kw = width >= 60 ? 28 : width / 3;
	char k[160];
	snprintf(k, sizeof k, "   %s", l->keys);
	draw_text_ellipsis(row, col, kw - 1, k, selected ? sel : EL_HELP_KEY);
	draw_blank(row, col + kw - 1, 1, selected ? sel : EL_NORMAL);
	draw_text_ellipsis(row, col + kw, width - kw, l->text, selected ? sel : EL_NORMAL);
}

static int help_grep(struct pane *p, size_t line, const char *term)
{
	struct help *h = p->data;
	const struct help_line *l = &h->lines[line];
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
