/* panel.c — the generic scrolling list. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/draw.h"
#include "browser/panel.h"
#include "text/text.h"

struct pane *panel_new(struct ui *ui, const struct pane_ops *ops, void *data)
{
	struct pane *p = calloc(1, sizeof *p);
	if (!p)
		abort();
	p->ops = ops;
	p->ui = ui;
	p->data = data;
	return p;
}

void panel_free(struct pane *p)
{
	if (!p)
		return;
	if (p->ops->destroy)
		p->ops->destroy(p);
	free(p->find);
	free(p);
}

int panel_body(const struct pane *p)
{
	return p->height > 1 ? p->height - 1 : 0;
}

static void clamp(struct pane *p)
{
	size_t body = (size_t)panel_body(p);
	if (p->count == 0) {
		p->selected = p->top = 0;
		return;
	}
	if (p->selected >= p->count)
		p->selected = p->count - 1;
	if (body == 0)
		return;
	if (p->selected < p->top)
		p->top = p->selected;
	if (p->selected >= p->top + body)
		p->top = p->selected - body + 1;
	/* No empty rows below the last line while earlier lines are hidden. */
	if (p->count >= body && p->top > p->count - body)
		p->top = p->count - body;
	if (p->count < body)
		p->top = 0;
}

void panel_place(struct pane *p, int row, int col, int width, int height)
{
	int resized = p->width != width || p->height != height;
	p->row = row;
	p->col = col;
	p->width = width;
	p->height = height;
	if (resized && p->ops->resize)
		p->ops->resize(p);
	clamp(p);
}

void panel_set_count(struct pane *p, size_t count)
{
	p->count = count;
	clamp(p);
}

void panel_select(struct pane *p, size_t line, int notify)
{
	if (p->count == 0)
		return;
	if (line >= p->count)
		line = p->count - 1;
	size_t old = p->selected;
	p->selected = line;
	clamp(p);
	if (notify && old != line && p->ops->select)
		p->ops->select(p, line);
}

void panel_scroll_to(struct pane *p, size_t line, int third)
{
	size_t body = (size_t)panel_body(p);
	size_t above = third && body > 3 ? body / 3 : 0;
	p->top = line > above ? line - above : 0;
	clamp(p);
}

static void move_by(struct pane *p, long delta)
{
	if (p->count == 0)
		return;
	long to = (long)p->selected + delta;
	if (to < 0)
		to = 0;
	if (to >= (long)p->count)
		to = (long)p->count - 1;
	panel_select(p, (size_t)to, 1);
}

int panel_key(struct pane *p, enum action a)
{
	long page = panel_body(p) > 1 ? panel_body(p) - 1 : 1;
	switch (a) {
	case ACT_MOVE_UP:
		move_by(p, -1);
		return 1;
	case ACT_MOVE_DOWN:
		move_by(p, 1);
		return 1;
	case ACT_PAGE_UP:
		/* The view moves a page and the selection with it, as in less. */
		p->top = p->top > (size_t)page ? p->top - (size_t)page : 0;
		move_by(p, -page);
		return 1;
	case ACT_PAGE_DOWN:
		if (p->count > (size_t)panel_body(p))
			p->top += (size_t)page;
		move_by(p, page);
		return 1;
	case ACT_MOVE_FIRST:
		panel_select(p, 0, 1);
		return 1;
	case ACT_MOVE_LAST:
		if (p->count)
			panel_select(p, p->count - 1, 1);
		return 1;
	default:
		return 0;
	}
}

void panel_click(struct pane *p, int row)
{
	int r = row - p->row - 1;
	if (r < 0 || p->top + (size_t)r >= p->count)
		return;
	panel_select(p, p->top + (size_t)r, 1);
}

void panel_wheel(struct pane *p, int steps)
{
	move_by(p, steps * 3);
}

int panel_find(struct pane *p, const char *term, int dir)
{
	if (term) {
		free(p->find);
		p->find = text_fold(term, strlen(term), 1, NULL);
	}
	if (!p->find || !*p->find || !p->ops->grep_line || p->count == 0)
		return 0;
	for (size_t i = 1; i <= p->count; i++) {
		size_t line = dir > 0 ? (p->selected + i) % p->count
		                      : (p->selected + p->count - i % p->count) % p->count;
		if (p->ops->grep_line(p, line, p->find)) {
			panel_select(p, line, 1);
			panel_scroll_to(p, line, 1);
			p->selected = line;
			return 1;
		}
	}
	return 0;
}

void panel_draw(struct pane *p)
{
	if (p->width <= 0 || p->height <= 0)
		return;
	char title[512] = "";
	if (p->ops->title)
		p->ops->title(p, title, sizeof title);
	char bar[600];
	snprintf(bar, sizeof bar, " %s", title);
	draw_text_ellipsis(p->row, p->col, p->width, bar, p->focused ? EL_TITLE_FOCUS : EL_TITLE);
	int body = panel_body(p);
	clamp(p);
	for (int r = 0; r < body; r++) {
		size_t line = p->top + (size_t)r;
		int row = p->row + 1 + r;
		if (line < p->count) {
			p->ops->draw_line(p, line, row, p->col, p->width, line == p->selected);
		} else if (r == 0 && p->count == 0 && p->ops->empty) {
			char msg[256];
			snprintf(msg, sizeof msg, " %s", p->ops->empty(p));
			draw_text(row, p->col, p->width, msg, EL_DIM);
		} else {
			draw_blank(row, p->col, p->width, EL_NORMAL);
		}
	}
}
