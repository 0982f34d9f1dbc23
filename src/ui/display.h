/* display.h — the only code that writes to the terminal: it paints the
 * core's canvas (browser/canvas.h), whose text has already been sanitized
 * and fitted to its columns, so curses never clips, wraps or interprets. */
#ifndef BAOGAO_UI_DISPLAY_H
#define BAOGAO_UI_DISPLAY_H

#include "browser/canvas.h"

void disp_size(int *rows, int *cols);
/* Paints every cell of the canvas and its cursor, and refreshes. */
void disp_paint(struct canvas *c);
/* Checks, after initscr, that curses agrees with text_char_width about an
 * ambiguous character; returns 0 when it does not (see wcwidth.c). */
int disp_ambiguous_agrees(void);

#endif
