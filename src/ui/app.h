/* app.h — the browser's shared state and the calls panes make on each
 * other through it (a pane never reaches into another pane's data). */
#ifndef BAOGAO_UI_APP_H
#define BAOGAO_UI_APP_H

#include <stddef.h>
#include <stdint.h>

#include "model/model.h"
#include "ui/crt.h"
#include "ui/panel.h"
#include "ui/uiconfig.h"

enum pane_id { PANE_DISTRICT, PANE_TREE, PANE_INDICATORS, PANE_VIEWER, PANE_COUNT };

/* The sentence or match highlighted in the viewer. */
struct mark {
	int64_t doc, paragraph; /* paragraph 0: none */
	size_t cp_start, cp_end;
};

struct search;
struct prompt;

struct ui {
	model *m;
	struct ui_settings set;
	struct pane *pane[PANE_COUNT];
	int focus; /* enum pane_id */
	int zoom;
	struct pane *overlay; /* help, results or compare over the whole screen */
	struct pane *help, *results, *compare;
	int shown[PANE_COUNT];      /* visible in the current layout */
	unsigned stamp[PANE_COUNT]; /* when last focused: a shared column shows the latest */
	unsigned tick;

	char *region; /* the chosen region, NULL before any */
	int64_t doc;  /* the chosen document, 0 none */
	struct doc_info docinfo;
	int64_t section; /* where the viewer is, 0 before the first heading */
	int scope_doc;   /* indicators of the document (1) or the region (0) */
	struct mark mark;

	struct search *search;
	struct prompt *prompt;

	char msg[512];
	enum elem msg_elem;
	int quit;
	int exit_status;
	int need_clear;
	int too_small;
};

/* nav.c — choosing things, and every pane following. */
void ui_choose_region(struct ui *u, const char *region);
void ui_choose_doc(struct ui *u, int64_t doc, int scope_doc);
/* from: the pane that moved (it is not moved back). */
void ui_choose_section(struct ui *u, int64_t section, struct pane *from);
/* Opens doc at paragraph with cp range highlighted, every pane following. */
void ui_show_source(struct ui *u, int64_t doc, int64_t paragraph, size_t cp_start, size_t cp_end);
void ui_message(struct ui *u, enum elem e, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ui_focus(struct ui *u, int id);
void ui_open_overlay(struct ui *u, struct pane *p);
void ui_close_overlay(struct ui *u);

/* The panes (pane_*.c) and views. */
struct pane *district_new(struct ui *u);
void district_sync(struct pane *p);
struct pane *tree_new(struct ui *u);
void tree_sync(struct pane *p, int64_t section);
struct pane *indicators_new(struct ui *u);
struct pane *viewer_new(struct ui *u);
void viewer_goto_section(struct pane *p, int64_t section);
void viewer_goto_cp(struct pane *p, int64_t paragraph, size_t cp);
/* The search changed: re-read the highlighted matches. */
void viewer_marks_changed(struct pane *p);
/* "L 12/340" of the viewer. */
void viewer_position(struct pane *p, char *buf, size_t size);
struct pane *help_new(struct ui *u);
struct pane *compare_new(struct ui *u);
/* The file name e offers: baogao-compare-REGION.csv (current directory). */
void compare_export_default(const struct ui *u, char *buf, size_t size);
/* Writes the comparison of the chosen region (all before one is chosen) to
 * the CSV file `path` and the Markdown beside it, and says where in the
 * status line.  An existing file is replaced only when confirmed.  Returns 1
 * when the prompt should stay open (a file exists, or writing failed). */
int compare_export(struct ui *u, const char *path, int confirmed);

/* screen.c */
void screen_layout(struct ui *u);
void screen_draw(struct ui *u);
/* Only the status line: a message during long work, with nothing else asked
 * of the model. */
void screen_draw_status(struct ui *u);
void screen_key(struct ui *u, int key);
void screen_mouse(struct ui *u);

#endif
