/* crt.h — the terminal: curses set-up and tear-down, colours, signals, and
 * the ambiguous-width probe (htop's CRT). */
#ifndef BAOGAO_UI_CRT_H
#define BAOGAO_UI_CRT_H

#include <signal.h>

/* Screen elements that have a colour. */
enum elem {
	EL_NORMAL,
	EL_BORDER,
	EL_TITLE,
	EL_TITLE_FOCUS,
	EL_SELECTED,
	EL_SELECTED_FOCUS,
	EL_STATUS,
	EL_STATUS_KEY,
	EL_PROMPT,
	EL_MESSAGE,
	EL_ERROR,
	EL_HEADING,
	EL_REGION,
	EL_DIM,
	EL_MATCH,
	EL_MATCH_CURRENT,
	EL_MARK,
	EL_MET,
	EL_MISSED,
	EL_PENDING,
	EL_UNKNOWN,
	EL_HELP_KEY,
	EL_COUNT
};

enum theme_variant { THEME_8, THEME_256, THEME_MONO, THEME_VARIANTS };

const char *elem_name(enum elem e);
int elem_by_name(const char *name); /* -1 unknown */

/* Theme entries as read from the config: colour numbers (-1 = terminal
 * default) and attribute bits (A_BOLD …). */
void theme_set(enum theme_variant v, enum elem e, int fg, int bg, unsigned long attrs);

/* Before initscr: refuses (returns -1 with a message on stderr) a locale that
 * is not UTF-8 unless C.UTF-8 can be switched to. */
int crt_check_locale(void);
/* Before initscr: asks the terminal how wide an ambiguous character is.
 * Returns 1 or 2, or 0 when the terminal did not answer. */
int crt_probe_ambiguous(void);

/* Before the probe and initscr: refuses (-1, a message on stderr) no TERM,
 * TERM=dumb, a terminal terminfo does not know, or one without cursor
 * addressing. */
int crt_check_term(void);
/* initscr and friends, colours, signal handlers, atexit restore. */
int crt_init(int mouse);
/* Restores the terminal (idempotent; safe from atexit). */
void crt_done(void);
int crt_has_colour(void);
unsigned long crt_attr(enum elem e);

/* Set by the signal handlers; the main loop acts on them. */
extern volatile sig_atomic_t crt_signal;
/* Waits for input (or a signal) without spinning.  Returns 1 when a key may
 * be read, 0 after a signal, -1 when the terminal is gone (EOF, hangup). */
int crt_wait(void);
/* Reads one key without blocking: KEY_FN|code, a code point, or 0 for none. */
int crt_read_key(void);
/* While long work runs: has Esc, Ctrl-C or Ctrl-G been pressed?  Other keys
 * typed meanwhile are kept for crt_read_key. */
int crt_cancel_key(void);

/* After a KEY_MOUSE key: where, and what (enum crt_mouse_kind). */
enum crt_mouse_kind { MOUSE_NONE, MOUSE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };
enum crt_mouse_kind crt_mouse(int *row, int *col);

#endif
