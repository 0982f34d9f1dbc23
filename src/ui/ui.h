/* ui.h — the interactive browser on a terminal (ncursesw).  The only door
 * into src/ui/, the terminal around the browser core (src/browser/): curses
 * set-up, colours and signals (crt.c), painting the core's canvas
 * (display.c), the ambiguous-width probe (wcwidth.c) and the main loop that
 * reads a key, gives it to the core and paints (ui.c). */
#ifndef BAOGAO_UI_H
#define BAOGAO_UI_H

#include "model/model.h"

struct ui_options {
	const char *ambiguous; /* "narrow", "wide", "auto" (default) or NULL */
	const char *config;    /* user config file, NULL = default location */
};

/* Runs the browser until the user quits.  Returns the process exit status. */
int ui_run(model *m, const struct ui_options *opt);

#endif
