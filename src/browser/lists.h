/* lists.h — the browser's lists, made once by browser.c: the four panes
 * and the three views over the whole screen.  Each is a struct pane behind
 * its ops (panel.h); nothing else calls them by name. */
#ifndef BAOGAO_BROWSER_LISTS_H
#define BAOGAO_BROWSER_LISTS_H

struct ui;

struct pane *district_new(struct ui *u);
struct pane *tree_new(struct ui *u);
struct pane *indicators_new(struct ui *u);
struct pane *viewer_new(struct ui *u);
struct pane *help_new(struct ui *u);
struct pane *results_new(struct ui *u);
struct pane *compare_new(struct ui *u);

#endif
