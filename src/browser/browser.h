/* browser.h — the browser core: everything the browser does, with no
 * terminal in it.  Keys go in, a canvas of text comes out; ui/ui.c runs it on
 * a terminal and tests/test_browser.c on a canvas of its own.  The only door
 * into src/browser/ from outside.
 *
 * Inside: the lists (pane_district.c, pane_tree.c, pane_indicators.c,
 * pane_viewer.c; help.c, results.c, compare.c over the whole screen) are each
 * a struct pane behind one ops table (panel.h: load, draw a line, key, grep,
 * follow the choice); nav.c holds the current choice (app.h) and tells every
 * list through its follow op; screen.c lays the tiles out for the size,
 * routes keys and finishes what a list's key op asks (enum key_result);
 * draw.c fits text into canvas.c's cells.  No file here includes curses or a
 * ui/ header (tests/layers.test). */
#ifndef BAOGAO_BROWSER_BROWSER_H
#define BAOGAO_BROWSER_BROWSER_H

#include "browser/app.h"
#include "browser/canvas.h"
#include "browser/keys.h"
#include "model/model.h"

/* Reads data/keys.conf and the user's file (config: NULL = the default
 * place) and makes the lists; nothing is read from the model or laid out
 * until the first browser_resize, so the terminal can first settle the
 * ambiguous width the configuration asks for.  Problems with the
 * configuration wait in the status line. */
struct ui *browser_new(model *m, const char *config, struct browser_host host);
void browser_free(struct ui *u);
/* A key (browser/keys.h) */
void browser_key(struct ui *u, int key);
void browser_mouse(struct ui *u, enum mouse_kind kind, int row, int col);
/* The screen's size; the first call chooses the first document. */
void browser_resize(struct ui *u, int rows, int cols);
/* Draws the whole screen into the canvas and returns it. */
struct canvas *browser_draw(struct ui *u);
/* 1 once the user has quit; *status: the exit status asked for. */
int browser_quit(const struct ui *u, int *status);

#endif
