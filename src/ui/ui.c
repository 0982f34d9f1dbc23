/* ui.c — ui_run: configuration, the terminal, the panes and the main loop.
 *
 * The loop draws only when no key is waiting (keys held down or pasted are
 * all handled before the next frame) and otherwise sleeps in poll(): no
 * timer, no spinning, and a dead terminal ends it.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "text/text.h"
#include "ui/app.h"
#include "ui/crt.h"
#include "ui/display.h"
#include "ui/draw.h"
#include "ui/search.h"
#include "ui/ui.h"
#include "ui/ui_wcwidth.h"
#include "ui/uiconfig.h"

static void load_config(struct ui *u, const struct ui_options *opt)
{
	u->set.ambiguous = 0;
	u->set.mouse = 1;
	char problem[512] = "";
	char *bundled = datadir_find("data/keys.conf");
	if (!bundled || config_load(bundled, &u->set, problem, sizeof problem) < 0) {
		config_fallback_keys();
		ui_message(u, EL_ERROR,
		           "data/keys.conf not found: default keys and colours only "
		           "(set BAOGAO_DATADIR)");
	}
	free(bundled);
	char *user = opt && opt->config ? strdup(opt->config) : config_user_path();
	if (user && config_load(user, &u->set, problem, sizeof problem) < 0 && opt && opt->config)
		snprintf(problem, sizeof problem, "%s: cannot read the configuration file", user);
	free(user);
	if (problem[0])
		ui_message(u, EL_ERROR, "config: %s", problem);
}

static void choose_ambiguous(const struct ui *u, const struct ui_options *opt)
{
	/* The command line wins; "auto" there probes even when the config file
	 * names a width. */
	if (opt && opt->ambiguous && strcmp(opt->ambiguous, "auto") != 0)
		return; /* main() has set it */
	if (!(opt && opt->ambiguous) && u->set.ambiguous) {
		text_set_ambiguous_width(u->set.ambiguous);
		return;
	}
	int w = crt_probe_ambiguous();
	text_set_ambiguous_width(w == 2 ? 2 : 1);
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

static void free_ui(struct ui *u)
{
	for (int i = 0; i < PANE_COUNT; i++)
		panel_free(u->pane[i]);
	panel_free(u->help);
	panel_free(u->results);
	panel_free(u->compare);
	search_free(u->search);
	prompt_free(u);
	free(u->region);
	doc_info_clear(&u->docinfo);
	keys_clear();
}

int ui_run(model *m, const struct ui_options *opt)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr,
		        "baogao: the browser needs a terminal; for scripts use the commands "
		        "(baogao --help)\n");
		return 2;
	}
	if (crt_check_locale() < 0 || crt_check_term() < 0)
		return 2;
	struct ui u;
	memset(&u, 0, sizeof u);
	u.m = m;
	load_config(&u, opt);
	choose_ambiguous(&u, opt);
	ui_wcwidth_enable(1);
	if (crt_init(u.set.mouse) < 0) {
		ui_wcwidth_enable(0);
		keys_clear();
		return 2;
	}
	if (text_ambiguous_width() == 2 && !disp_ambiguous_agrees())
		draw_set_ambiguous_fallback(1);
	u.search = search_new();
	u.pane[PANE_DISTRICT] = district_new(&u);
	u.pane[PANE_TREE] = tree_new(&u);
	u.pane[PANE_INDICATORS] = indicators_new(&u);
	u.pane[PANE_VIEWER] = viewer_new(&u);
	first_choice(&u);
	/* Where panes share a column, the viewer and the tree show first. */
	u.stamp[PANE_TREE] = u.stamp[PANE_VIEWER] = ++u.tick;
	ui_focus(&u, PANE_DISTRICT);
	if (!u.msg[0])
		ui_message(&u, EL_MESSAGE, "Tab: next pane  /: search  c: compare  ?: all keys");

	/* For bench/: time from exec to the first complete frame. */
	int exit_after_draw = getenv("BAOGAO_EXIT_AFTER_FIRST_DRAW") != NULL;
	int status = 0;
	while (!u.quit) {
		screen_draw(&u);
		if (exit_after_draw)
			break;
		int r = crt_wait();
		if (crt_signal) {
			status = 128 + crt_signal;
			break;
		}
		if (r < 0) {
			status = 128 + SIGHUP; /* the terminal is gone */
			break;
		}
		int key;
		while (!u.quit && (key = crt_read_key()) != 0) {
			screen_key(&u, key);
			if (crt_signal)
				break;
		}
	}
	crt_done();
	ui_wcwidth_enable(0);
	free_ui(&u);
	return u.quit ? u.exit_status : status;
}
