/* canvas.h — the screen as the core draws it: rows × columns of cells, each
 * one character (or the right half of a wide one) and its element.  The
 * core draws into it (draw.c); ui/display.c paints it on the terminal, and
 * the golden-screen test reads it as text.  A cell is never half of a wide
 * character: writing over either half blanks the other. */
#ifndef BAOGAO_BROWSER_CANVAS_H
#define BAOGAO_BROWSER_CANVAS_H

#include <stddef.h>

#include "browser/elem.h"

struct canvas_cell {
	char ch[8];          /* UTF-8, NUL-terminated; "" on a wide one's right half */
	unsigned char elem;  /* enum elem */
	unsigned char right; /* the right half of the wide character before it */
};

struct canvas {
	int rows, cols;
	struct canvas_cell *cells;
	int cursor_row, cursor_col; /* the prompt's cursor; row -1: hidden */
	int repaint;                /* 1: the terminal should be cleared, 2: redrawn whole */
};

struct canvas *canvas_new(int rows, int cols);
void canvas_free(struct canvas *c);
/* A new size, every cell blank (and repaint asked). */
void canvas_resize(struct canvas *c, int rows, int cols);
void canvas_clear(struct canvas *c);
/* Writes s[0..len) from row, col: text already sanitized and fitted (no
 * control character; what passes the last column is dropped).  Widths are
 * text_char_width's; a character of width 0 joins the cell before it. */
void canvas_put(struct canvas *c, int row, int col, const char *s, size_t len, enum elem e);
void canvas_cursor(struct canvas *c, int row, int col);
/* Row as text, trailing blanks dropped (malloc'd). */
char *canvas_row_text(const struct canvas *c, int row);

#endif
