/* ui.c — ui_run: the terminal around the browser core (browser/browser.h).
 *
 * The loop is read key → core → paint: it paints only when no key is
 * waiting (keys held down or pasted are all handled before the next frame)
 * and otherwise sleeps in poll(): no timer, no spinning, and a dead terminal
 * ends it.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "browser/browser.h"
#include "browser/draw.h"
#include "text/text.h"
#include "ui/crt.h"
#include "ui/display.h"
#include "ui/ui.h"
#include "ui/ui_wcwidth.h"

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

/* The core's questions during long work (struct browser_host). */
static int host_interrupted(void *ctx)
{
	(void)ctx;
	if (crt_signal)
		return 2;
	return crt_cancel_key() ? 1 : 0;
}

static void host_show(void *ctx, const struct canvas *c)
{
	(void)ctx;
	disp_paint((struct canvas *)c);
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
	struct browser_host host = {.interrupted = host_interrupted, .show = host_show};
	/* the configuration first: it may name the ambiguous width and the mouse */
	struct ui *u = browser_new(m, opt ? opt->config : NULL, host);
	choose_ambiguous(u, opt);
	ui_wcwidth_enable(1);
	if (crt_init(u->set.mouse) < 0) {
		ui_wcwidth_enable(0);
		browser_free(u);
		return 2;
	}
	if (text_ambiguous_width() == 2 && !disp_ambiguous_agrees())
		draw_set_ambiguous_fallback(1);
	int rows, cols;
	disp_size(&rows, &cols);
	browser_resize(u, rows, cols);

	/* For bench/: time from exec to the first complete frame. */
	int exit_after_draw = getenv("BAOGAO_EXIT_AFTER_FIRST_DRAW") != NULL;
	int status = 0, quit_status = 0;
	while (!browser_quit(u, &quit_status)) {
		disp_paint(browser_draw(u));
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
		while (!browser_quit(u, NULL) && (key = crt_read_key()) != 0) {
			if (key == (KEY_FN | FK_RESIZE)) {
				disp_size(&rows, &cols);
				browser_resize(u, rows, cols);
			} else if (key == (KEY_FN | FK_MOUSE)) {
				int row, col;
				enum mouse_kind kind = crt_mouse(&row, &col);
				browser_mouse(u, kind, row, col);
			} else {
				browser_key(u, key);
			}
			if (crt_signal)
				break;
		}
	}
	int quit = browser_quit(u, &quit_status);
	crt_done();
	ui_wcwidth_enable(0);
	browser_free(u);
	return quit ? quit_status : status;
}
