/* canvas.c — the screen grid (see canvas.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "browser/canvas.h"
#include "text/text.h"

struct canvas *canvas_new(int rows, int cols)
{
	struct canvas *c = calloc(1, sizeof *c);
	if (!c)
		abort();
	canvas_resize(c, rows, cols);
	return c;
}

void canvas_free(struct canvas *c)
{
	if (!c)
		return;
	free(c->cells);
	free(c);
}

void canvas_clear(struct canvas *c)
{
	for (int i = 0; i < c->rows * c->cols; i++)
		c->cells[i] = (struct canvas_cell){.ch = " ", .elem = EL_NORMAL};
	c->cursor_row = -1;
}

void canvas_resize(struct canvas *c, int rows, int cols)
{
	rows = rows > 0 ? rows : 0;
	cols = cols > 0 ? cols : 0;
	free(c->cells);
	c->rows = rows;
	c->cols = cols;
	c->cells = calloc((size_t)rows * (size_t)cols + 1, sizeof *c->cells);
	if (!c->cells)
		abort();
	canvas_clear(c);
	c->repaint = 1;
}

static void blank(struct canvas_cell *cell, enum elem e)
{
	*cell = (struct canvas_cell){.ch = " ", .elem = (unsigned char)e};
}

/* Cell x of a row is about to hold a new character: a wide character it
 * was half of loses its other half. */
static void unshare(struct canvas_cell *row, int cols, int x)
{
	if (row[x].right && x > 0)
		blank(&row[x - 1], (enum elem)row[x - 1].elem);
	if (x + 1 < cols && row[x + 1].right)
		blank(&row[x + 1], (enum elem)row[x + 1].elem);
}

void canvas_put(struct canvas *c, int row, int col, const char *s, size_t len, enum elem e)
{
	if (row < 0 || row >= c->rows || col < 0)
		return;
	struct canvas_cell *r = c->cells + (size_t)row * (size_t)c->cols;
	int x = col, last = -1;
	for (size_t i = 0; i < len && x <= c->cols;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		int w = text_char_width(cp);
		if (w <= 0) {
			/* a combining mark joins the character before it */
			if (last >= 0) {
				size_t have = strlen(r[last].ch);
				if (have + n < sizeof r[last].ch) {
					memcpy(r[last].ch + have, s + i, n);
					r[last].ch[have + n] = '\0';
				}
			}
			i += n;
			continue;
		}
		if (x + w > c->cols)
			break;
		unshare(r, c->cols, x);
		if (w == 2)
			unshare(r, c->cols, x + 1);
		struct canvas_cell *cell = &r[x];
		*cell = (struct canvas_cell){.elem = (unsigned char)e};
		memcpy(cell->ch, s + i, n < sizeof cell->ch ? n : sizeof cell->ch - 1);
		if (w == 2)
			r[x + 1] = (struct canvas_cell){.elem = (unsigned char)e, .right = 1};
		last = x;
		x += w;
		i += n;
	}
}

void canvas_cursor(struct canvas *c, int row, int col)
{
	c->cursor_row = row;
	c->cursor_col = col;
}

char *canvas_row_text(const struct canvas *c, int row)
{
	if (row < 0 || row >= c->rows)
		return strdup("");
	const struct canvas_cell *r = c->cells + (size_t)row * (size_t)c->cols;
	char *out = malloc((size_t)c->cols * sizeof r->ch + 1);
	if (!out)
		abort();
	size_t o = 0, keep = 0;
	for (int x = 0; x < c->cols; x++) {
		if (r[x].right)
			continue;
		size_t n = strlen(r[x].ch);
		memcpy(out + o, r[x].ch, n);
		o += n;
		if (strcmp(r[x].ch, " ") != 0)
			keep = o;
	}
	out[keep] = '\0';
	return out;
}
