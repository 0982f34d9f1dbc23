/* display.h — the only code that writes to the terminal.  Everything it is
 * given has already been sanitized and fitted to its columns by draw.c, so
 * curses never clips, wraps or interprets anything. */
#ifndef BAOGAO_UI_DISPLAY_H
#define BAOGAO_UI_DISPLAY_H

#include "ui/crt.h"

void disp_size(int *rows, int *cols);
/* Writes s (sanitized, fitted) at row, col. */
void disp_put(int row, int col, const char *s, enum elem e);
/* A vertical pane border of height rows starting at row. */
void disp_border(int col, int row, int height);
/* Clears the whole screen (after a resize or on Ctrl-L). */
void disp_clear(int full_repaint);
/* Shows the cursor at row, col (the prompt), or hides it when row < 0. */
void disp_cursor(int row, int col);
void disp_flush(void);
/* Checks, after initscr, that curses agrees with text_char_width about an
 * ambiguous character; returns 0 when it does not (see wcwidth.c). */
int disp_ambiguous_agrees(void);

#endif
