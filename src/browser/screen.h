/* screen.h — the screen (screen.c): the layout for the canvas's size, the
 * focus and the zoom, the borders and the status line, and where keys go
 * (htop's ScreenManager). */
#ifndef BAOGAO_BROWSER_SCREEN_H
#define BAOGAO_BROWSER_SCREEN_H

#include "browser/app.h"

/* The tiles for a screen of rows × cols (district_rows: the lines of the
 * district list, which gets the rows it needs up to two fifths):
 *   ≥ 160 columns    district | tree | viewer | indicators, side by side
 *   ≥ 100 × 21       district over tree | viewer over indicators
 *   ≥ 60 columns     district over tree (or one of them when short) |
 *                    viewer or indicators, whichever was focused last
 *   < 60 columns     one pane at a time */
struct layout screen_tiles(int rows, int cols, int district_rows);
/* Places the panes for the canvas's size, the focus and the zoom. */
void screen_layout(struct ui *u);
void screen_draw(struct ui *u);
/* Only the status line, shown at once (struct ui.status_now): a message
 * during long work, with nothing else asked of the model. */
void screen_draw_status(struct ui *u);
void screen_key(struct ui *u, int key);
void screen_mouse(struct ui *u, enum mouse_kind kind, int row, int col);
void screen_focus(struct ui *u, int id);

#endif
