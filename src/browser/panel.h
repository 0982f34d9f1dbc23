/* panel.h — the one scrolling list every pane and view is built on (htop's
 * Panel, tig's view): a count of lines, a selection, a first visible line,
 * paging, g/G, mouse, and find-in-pane; what a line looks like and what the
 * keys mean beyond moving is behind struct pane_ops. */
#ifndef BAOGAO_BROWSER_PANEL_H
#define BAOGAO_BROWSER_PANEL_H

#include <stddef.h>

#include "browser/keys.h"

struct ui;
struct pane;

/* What changed in the choice (struct ui: region, document, section, mark)
 * that a list may follow; nav.c tells every list but the one that moved. */
enum follow {
	FOLLOW_DOC,     /* another document: its tree and text */
	FOLLOW_SCOPE,   /* another region, or the document as scope (indicators) */
	FOLLOW_SECTION, /* the reader moved to another section */
	FOLLOW_REVEAL,  /* a jump chose the document: show it chosen */
	FOLLOW_MARK,    /* a jump to a sentence or match (struct ui.mark) */
	FOLLOW_MATCHES  /* the search changed: its matches */
};

/* What a list's key op did, for the screen to finish (htop's
 * HandlerResult): a list never moves the focus or closes itself. */
enum key_result {
	KR_IGNORED = 0,     /* not this list's: the generic keys are tried */
	KR_HANDLED = 1,     /* done */
	KR_READ = 2 | 1,    /* done; the viewer comes forward to read the choice */
	KR_TO_TREE = 4 | 1, /* done; the focus goes to the section tree */
	KR_CLOSE = 8 | 1    /* done; this view over the screen closes first */
};

struct pane_ops {
	enum keymap keymap;
	/* (Re)reads the pane's lines from the model for the current choice. */
	void (*load)(struct pane *p);
	/* The pane's width changed (after load, before draw); optional. */
	void (*resize)(struct pane *p);
	/* Draws line `line` in [col, col+width) of screen row `row`. */
	void (*draw_line)(struct pane *p, size_t line, int row, int col, int width, int selected);
	/* Pane-specific action; returns enum key_result.  Optional. */
	int (*key)(struct pane *p, enum action a);
	/* Does line contain term (already folded with text_fold)?  Optional. */
	int (*grep_line)(struct pane *p, size_t line, const char *term);
	/* The user moved the selection to line: tell the other panes.  Optional. */
	void (*select)(struct pane *p, size_t line);
	/* The choice changed (enum follow); optional. */
	void (*follow)(struct pane *p, enum follow what);
	/* Where in the list, for the status line ("L12/340 5%"); optional. */
	void (*position)(struct pane *p, char *buf, size_t size);
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
