/* ui.h — the interactive browser (ncursesw).  The only door into src/ui/. */
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
