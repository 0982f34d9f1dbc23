/* app.h — the browser's shared state and the current choice (nav.c): what
 * lists call instead of each other (a list never reaches into another's
 * data, nor names it). */
#ifndef BAOGAO_BROWSER_APP_H
#define BAOGAO_BROWSER_APP_H

#include <stddef.h>
#include <stdint.h>

#include "browser/canvas.h"
#include "browser/elem.h"
#include "browser/panel.h"
#include "browser/uiconfig.h"
#include "model/model.h"

enum pane_id { PANE_DISTRICT, PANE_TREE, PANE_INDICATORS, PANE_VIEWER, PANE_COUNT };

/* The sentence or match highlighted in the viewer. */
struct mark {
	int64_t doc, paragraph; /* paragraph 0: none */
	size_t cp_start, cp_end;
};

struct search;
struct prompt;

/* The screen cut into tiles for the panes (screen_tiles, a function of the
 * size alone). */
struct tile {
	int row, col, w, h;
	unsigned mask; /* the panes (1 << enum pane_id) that may be shown here */
};
struct layout {
	struct tile tile[PANE_COUNT];
	int ntiles;
	int border[PANE_COUNT]; /* columns of the vertical borders */
	int nborders;
};

/* What the core asks of the terminal it runs in: ui/ui.c fills it; the
 * golden-screen test leaves it empty. */
struct browser_host {
	/* While long work runs (a search): 1 when Esc, Ctrl-C or Ctrl-G was
	 * typed, 2 when a signal ends the program, else 0.  Optional. */
	int (*interrupted)(void *ctx);
	/* Shows the canvas now (a message during long work).  Optional. */
	void (*show)(void *ctx, const struct canvas *c);
	void *ctx;
};

struct ui {
	model *m;
	struct browser_host host;
	struct canvas *canvas; /* the screen, drawn by screen_draw */
	struct ui_settings set;
	struct pane *pane[PANE_COUNT];
	int focus; /* enum pane_id */
	int zoom;
	struct pane *overlay; /* help, results or compare over the whole screen */
	/* the status line drawn and shown at once (screen.c), for long work */
	void (*status_now)(struct ui *u);
	struct pane *help, *results, *compare;
	struct layout layout;
	int shown[PANE_COUNT];      /* visible in the current layout */
	unsigned stamp[PANE_COUNT]; /* when last focused: a shared column shows the latest */
	unsigned tick;

	char *region; /* the chosen region, NULL before any */
	int64_t doc;  /* the chosen document, 0 none */
	struct doc_info docinfo;
	int64_t section; /* where the viewer is, 0 before the first heading */
	char *heading;   /* that section's number and title (model_section_heading) */
	int scope_doc;   /* indicators of the document (1) or the region (0) */
	struct mark mark;

	struct search *search;
	struct prompt *prompt;

	char msg[512];
	enum elem msg_elem;
	int quit;
	int exit_status;
	int too_small;
	int started; /* the first document chosen (at the first browser_resize) */
};

/* nav.c — the current choice, and every list following (enum follow). */
void ui_choose_region(struct ui *u, const char *region);
void ui_choose_doc(struct ui *u, int64_t doc, int scope_doc);
/* from: the pane that moved (it is not moved back). */
void ui_choose_section(struct ui *u, int64_t section, struct pane *from);
/* Opens doc at paragraph with cp range highlighted, every pane following. */
void ui_show_source(struct ui *u, int64_t doc, int64_t paragraph, size_t cp_start, size_t cp_end);
/* The search's matches changed. */
void ui_matches_changed(struct ui *u);
void ui_message(struct ui *u, enum elem e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
