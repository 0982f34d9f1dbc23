/* display.c — the terminal writes: the canvas painted in runs of cells of
 * one element, each run placed at its own column, so a character curses
 * measures differently cannot shift the rest of the row. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "ui/crt.h"
#include "ui/display.h"

void disp_size(int *rows, int *cols)
{
	*rows = LINES;
	*cols = COLS;
}

static void paint_row(const struct canvas *c, int y, char *buf)
{
	const struct canvas_cell *r = c->cells + (size_t)y * (size_t)c->cols;
	int x = 0;
	while (x < c->cols) {
		int start = x;
		unsigned char e = r[x].elem;
		size_t o = 0;
		while (x < c->cols && r[x].elem == e) {
			if (!r[x].right) {
				const char *ch = r[x].ch[0] ? r[x].ch : " ";
				size_t n = strlen(ch);
				memcpy(buf + o, ch, n);
				o += n;
			}
			x++;
		}
		buf[o] = '\0';
		attrset((attr_t)crt_attr((enum elem)e));
		/* the last cell of the screen: addstr there would scroll a
		 * terminal without automatic margins; curses handles it */
		mvaddstr(y, start, buf);
	}
	attrset(A_NORMAL);
}

void disp_paint(struct canvas *c)
{
	if (c->repaint) {
		if (c->repaint > 1)
			clearok(curscr, TRUE);
		c->repaint = 0;
	}
	char *buf = malloc((size_t)c->cols * sizeof c->cells->ch + 1);
	if (!buf)
		return;
	int rows = c->rows < LINES ? c->rows : LINES;
	for (int y = 0; y < rows; y++)
		paint_row(c, y, buf);
	free(buf);
	if (c->cursor_row >= 0 && c->cursor_row < LINES) {
		move(c->cursor_row, c->cursor_col < COLS ? c->cursor_col : COLS - 1);
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
