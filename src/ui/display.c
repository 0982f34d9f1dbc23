/* display.c — the terminal writes. */
#include "config.h"

#include <curses.h>
#include <string.h>

#include "text/text.h"
#include "ui/display.h"

static int cursor_row = -1, cursor_col;

void disp_size(int *rows, int *cols)
{
	*rows = LINES;
	*cols = COLS;
}

void disp_put(int row, int col, const char *s, enum elem e)
{
	if (row < 0 || row >= LINES || col < 0 || col >= COLS)
		return;
	attrset((attr_t)crt_attr(e));
	mvaddstr(row, col, s);
	attrset(A_NORMAL);
}

void disp_border(int col, int row, int height)
{
	/* │ is an ambiguous character: two columns in a wide terminal, where an
	 * ASCII bar keeps every border one column. */
	const char *bar = text_ambiguous_width() == 2 ? "|" : "\xe2\x94\x82";
	for (int r = row; r < row + height; r++)
		disp_put(r, col, bar, EL_BORDER);
}

void disp_clear(int full_repaint)
{
	erase();
	if (full_repaint)
		clearok(curscr, TRUE);
}

void disp_cursor(int row, int col)
{
	cursor_row = row;
	cursor_col = col;
}

void disp_flush(void)
{
	if (cursor_row >= 0 && cursor_row < LINES) {
		move(cursor_row, cursor_col < COLS ? cursor_col : COLS - 1);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

int disp_ambiguous_agrees(void)
{
	WINDOW *w = newwin(1, 8, 0, 0);
	if (!w)
		return 1;
	mvwaddstr(w, 0, 0, "\xe2\x97\x86"); /* ◆ */
	int x = getcurx(w);
	delwin(w);
	return x == text_char_width(0x25C6);
}
