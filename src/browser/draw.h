/* draw.h — width-aware drawing.  Every string is sanitized (text_sanitize),
 * then cut and padded by display columns (text_cut/text_fit) before it
 * reaches the canvas (canvas.h) that ui/display.c paints: curses is never
 * asked to clip, wrap or interpret.  The
 * screen is tiled (panes, borders, status line; help, results and compare
 * take the whole screen), every tile redrawn whole, so nothing is ever drawn
 * over half of a wide character. */
#ifndef BAOGAO_BROWSER_DRAW_H
#define BAOGAO_BROWSER_DRAW_H

#include <stddef.h>

#include "browser/canvas.h"
#include "browser/elem.h"

/* A highlighted byte range of an already sanitized string. */
struct span {
	size_t start, end;
	enum elem elem;
};

/* Every draw_* call below goes into this canvas until the next draw_begin. */
void draw_begin(struct canvas *c);
/* A vertical pane border of height rows starting at row. */
void draw_border(int col, int row, int height);
/* The terminal cursor at row, col (the prompt), hidden when row < 0. */
void draw_cursor(int row, int col);
/* Raw (unsanitized) text in [col, col+width) of row, cut and padded. */
void draw_text(int row, int col, int width, const char *s, enum elem e);
/* The same with an ellipsis when cut. */
void draw_text_ellipsis(int row, int col, int width, const char *s, enum elem e);
/* Sanitized s[0..len) after `indent` blank columns, with spans (sorted, not
 * overlapping) drawn in their own element; the rest of the width in `base`. */
void draw_spans(int row, int col, int width, int indent, const char *s, size_t len, enum elem base,
                const struct span *sp, size_t nsp);
/* Blank columns. */
void draw_blank(int row, int col, int width, enum elem e);
/* Sanitizes s and fits it to width (left, or right-aligned); malloc'd. */
char *draw_cell(const char *s, int width, int right);
/* Fallback when curses could not be taught the terminal's ambiguous width. */
void draw_set_ambiguous_fallback(int on);

#endif
