/* browser.c — the core's door (browser.h): configuration, the panes, the
 * first choice, and keys in → canvas out. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/browser.h"
#include "browser/lists.h"
#include "browser/prompt.h"
#include "browser/screen.h"
#include "browser/search.h"
#include "browser/uiconfig.h"
#include "datadir.h"

static void load_config(struct ui *u, const char *config)
{
	u->set.ambiguous = 0;
	u->set.mouse = 1;
	char problem[512] = "";
	char *bundled = datadir_find("data/keys.conf");
	if (!bundled || config_load(bundled, &u->set, problem, sizeof problem) < 0) {
		config_fallback_keys(&u->set);
		ui_message(u, EL_ERROR,
		           "data/keys.conf not found: the keys and colours built in "
		           "(set BAOGAO_DATADIR)");
	}
	free(bundled);
	char *user = config ? strdup(config) : config_user_path();
	if (user && config_load(user, &u->set, problem, sizeof problem) < 0 && config)
		snprintf(problem, sizeof problem, "%s: cannot read the configuration file", user);
	free(user);
	if (problem[0])
		ui_message(u, EL_ERROR, "config: %s", problem);
}

static void first_choice(struct ui *u)
{
	struct pane *d = u->pane[PANE_DISTRICT];
	d->ops->load(d);
	/* The first document of the first region, as a reader would start. */
	if (d->count > 1) {
		panel_select(d, 1, 0);
		d->ops->select(d, 1);
	} else if (d->count) {
		d->ops->select(d, 0);
	}
	u->pane[PANE_INDICATORS]->ops->load(u->pane[PANE_INDICATORS]);
}

struct ui *browser_new(model *m, const char *config, struct browser_host host)
{
	struct ui *u = calloc(1, sizeof *u);
	if (!u)
		abort();
	u->m = m;
	u->host = host;
	u->canvas = canvas_new(0, 0);
	load_config(u, config);
	u->search = search_new();
	u->pane[PANE_DISTRICT] = district_new(u);
	u->pane[PANE_TREE] = tree_new(u);
	u->pane[PANE_INDICATORS] = indicators_new(u);
	u->pane[PANE_VIEWER] = viewer_new(u);
	u->help = help_new(u);
	u->results = results_new(u);
	u->compare = compare_new(u);
	u->status_now = screen_draw_status;
	if (!u->msg[0])
		ui_message(u, EL_MESSAGE, "Tab: next pane  /: search  c: compare  ?: all keys");
	return u;
}

void browser_free(struct ui *u)
{
	if (!u)
		return;
	for (int i = 0; i < PANE_COUNT; i++)
		panel_free(u->pane[i]);
	panel_free(u->help);
	panel_free(u->results);
	panel_free(u->compare);
	search_free(u->search);
	prompt_free(u);
	free(u->region);
	free(u->heading);
	doc_info_clear(&u->docinfo);
	keys_clear();
	canvas_free(u->canvas);
	free(u);
}

void browser_key(struct ui *u, int key)
{
	if (key == (KEY_FN | FK_RESIZE))
		return; /* the terminal says its size with browser_resize */
	screen_key(u, key);
}

void browser_mouse(struct ui *u, enum mouse_kind kind, int row, int col)
{
	u->msg[0] = '\0';
	screen_mouse(u, kind, row, col);
}

void browser_resize(struct ui *u, int rows, int cols)
{
	canvas_resize(u->canvas, rows, cols);
	if (!u->started) {
		u->started = 1;
		first_choice(u);
		/* Where panes share a column, the viewer and the tree show first. */
		u->stamp[PANE_TREE] = u->stamp[PANE_VIEWER] = ++u->tick;
		screen_focus(u, PANE_DISTRICT); /* lays the panes out */
		return;
	}
	screen_layout(u);
}

struct canvas *browser_draw(struct ui *u)
{
	screen_draw(u);
	return u->canvas;
}

int browser_quit(const struct ui *u, int *status)
{
	if (status)
		*status = u->exit_status;
	return u->quit;
}
