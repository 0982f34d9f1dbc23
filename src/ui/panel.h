/* panel.h — the one scrolling list every pane and view is built on (htop's
 * Panel, tig's view): a count of lines, a selection, a first visible line,
 * paging, g/G, mouse, and find-in-pane; what a line looks like and what the
 * keys mean beyond moving is behind struct pane_ops. */
#ifndef BAOGAO_UI_PANEL_H
#define BAOGAO_UI_PANEL_H

#include <stddef.h>

#include "ui/keys.h"

struct ui;
struct pane;

struct pane_ops {
	enum keymap keymap;
	/* (Re)reads the pane's lines from the model for the current choice. */
	void (*load)(struct pane *p);
	/* The pane's width changed (after load, before draw); optional. */
	void (*resize)(struct pane *p);
	/* Draws line `line` in [col, col+width) of screen row `row`. */
	void (*draw_line)(struct pane *p, size_t line, int row, int col, int width, int selected);
	/* Pane-specific action; returns 1 when handled.  Optional. */
	int (*key)(struct pane *p, enum action a);
	/* Does line contain term (already folded with text_fold)?  Optional. */
	int (*grep_line)(struct pane *p, size_t line, const char *term);
	/* The user moved the selection to line: tell the other panes.  Optional. */
	void (*select)(struct pane *p, size_t line);
	/* The title bar text. */
	void (*title)(struct pane *p, char *buf, size_t size);
	/* Text shown when there are no lines; optional. */
	const char *(*empty)(struct pane *p);
	void (*destroy)(struct pane *p);
};

struct pane {
	const struct pane_ops *ops;
	struct ui *ui;
	void *data;
	size_t count;                /* lines */
	size_t selected;             /* < count, or 0 when empty */
	size_t top;                  /* first visible line */
	int row, col, width, height; /* on screen, title bar included */
	int focused;
	int select_whole; /* selection spans several lines (compare): draw_line decides */
	char *find;       /* last find-in-pane term (folded) */
};

struct pane *panel_new(struct ui *ui, const struct pane_ops *ops, void *data);
void panel_free(struct pane *p);
/* Rows for lines (height minus the title bar). */
int panel_body(const struct pane *p);
void panel_place(struct pane *p, int row, int col, int width, int height);
void panel_set_count(struct pane *p, size_t count);
/* Moves the selection to line, scrolling so it is visible; notify calls
 * ops->select. */
void panel_select(struct pane *p, size_t line, int notify);
/* Scrolls so line is at the given fraction of the body (0 top, 3 a third). */
void panel_scroll_to(struct pane *p, size_t line, int third);
/* Generic movement and find; returns 1 when handled. */
int panel_key(struct pane *p, enum action a);
/* Mouse: a click on screen row, or wheel steps (negative up). */
void panel_click(struct pane *p, int row);
void panel_wheel(struct pane *p, int steps);
/* Finds the next (dir 1) or previous (dir -1) line matching term (raw text;
 * NULL repeats the last).  Returns 1 when found. */
int panel_find(struct pane *p, const char *term, int dir);
void panel_draw(struct pane *p);

#endif
