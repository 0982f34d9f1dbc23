/* crt.h — the terminal: curses set-up and tear-down, colours, signals, and
 * the ambiguous-width probe (htop's CRT). */
#ifndef BAOGAO_UI_CRT_H
#define BAOGAO_UI_CRT_H

#include <signal.h>

#include "browser/elem.h"
#include "browser/keys.h"

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

/* After a KEY_FN|FK_MOUSE key: where, and what (browser/app.h). */
enum mouse_kind crt_mouse(int *row, int *col);

#endif
