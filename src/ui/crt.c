/* crt.c — curses set-up, colours, signals and the ambiguous-width probe.
 *
 * Input is waited for with poll() rather than a blocking getch(): a signal
 * (SIGWINCH, SIGTERM, SIGINT, SIGHUP) then always interrupts the wait, and a
 * terminal that has gone away (EOF, POLLHUP) is noticed at once instead of
 * getch() returning ERR in a tight loop.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "browser/keys.h"
#include "ui/crt.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

volatile sig_atomic_t crt_signal;

static int curses_active;
static int colour_active;

static unsigned long attr_of[EL_COUNT];

/* The core's attribute bits (browser/elem.h) as curses attributes. */
static unsigned long curses_attrs(unsigned a)
{
	unsigned long out = A_NORMAL;
	if (a & ATTR_BOLD)
		out |= A_BOLD;
	if (a & ATTR_UNDERLINE)
		out |= A_UNDERLINE;
	if (a & ATTR_REVERSE)
		out |= A_REVERSE;
	if (a & ATTR_DIM)
		out |= A_DIM;
	if (a & ATTR_STANDOUT)
		out |= A_STANDOUT;
	if (a & ATTR_ITALIC)
		out |= A_ITALIC;
	if (a & ATTR_BLINK)
		out |= A_BLINK;
	return out;
}

int crt_check_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	if (cs && strcmp(cs, "UTF-8") == 0)
		return 0;
	/* No locale configured at all (C/POSIX, "ANSI_X3.4-1968"): the terminal
	 * is almost surely UTF-8 and the user just has no LANG over SSH, so
	 * switch.  An explicit legacy locale (GB18030, ISO-8859-1) means the
	 * terminal expects that encoding: printing UTF-8 would be mojibake. */
	if (cs && (strcmp(cs, "ANSI_X3.4-1968") == 0 || strcmp(cs, "ASCII") == 0)) {
		if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "en_US.UTF-8")) {
			cs = nl_langinfo(CODESET);
			if (cs && strcmp(cs, "UTF-8") == 0)
				return 0;
		}
	}
	fprintf(
	    stderr,
	    "baogao: the browser needs a UTF-8 terminal, but the locale's character set is %s.\n"
	    "baogao: run it in a UTF-8 terminal with a UTF-8 locale, e.g. LANG=C.UTF-8 or "
	    "LANG=zh_CN.UTF-8.\n",
	    cs && *cs ? cs : "unknown");
	return -1;
}

int crt_probe_ambiguous(void)
{
	const char *term = getenv("TERM");
	if (!term || !*term || strcmp(term, "dumb") == 0 || !isatty(STDOUT_FILENO))
		return 0;
	int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	struct termios old, raw;
	if (tcgetattr(fd, &old) < 0) {
		close(fd);
		return 0;
	}
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	tcsetattr(fd, TCSANOW, &raw);
	/* ◆ (U+25C6) at the start of the current line, then ask where the
	 * cursor went: column 3 means the terminal drew it two columns wide. */
	static const char ask[] = "\r\xe2\x97\x86\033[6n";
	int width = 0;
	if (write(fd, ask, sizeof ask - 1) == (ssize_t)(sizeof ask - 1)) {
		char buf[64];
		size_t got = 0;
		while (got < sizeof buf - 1) {
			struct pollfd p = {.fd = fd, .events = POLLIN};
			int r = poll(&p, 1, 100);
			if (r <= 0)
				break;
			ssize_t n = read(fd, buf + got, sizeof buf - 1 - got);
			if (n <= 0)
				break;
			got += (size_t)n;
			buf[got] = '\0';
			if (memchr(buf, 'R', got))
				break;
		}
		buf[got] = '\0';
		const char *esc = strstr(buf, "\033[");
		int row, col;
		if (esc && sscanf(esc, "\033[%d;%dR", &row, &col) == 2) {
			if (col == 3)
				width = 2;
			else if (col == 2)
				width = 1;
		}
		static const char erase[] = "\r\033[K";
		if (write(fd, erase, sizeof erase - 1) < 0)
			width = 0;
	}
	tcsetattr(fd, TCSAFLUSH, &old);
	close(fd);
	return width;
}

static void on_signal(int sig)
{
	crt_signal = sig;
}

#if !defined(UNDER_ASAN)
static void on_fatal(int sig)
{
	/* Not async-signal-safe, but the process is dying anyway and leaving
	 * the user's terminal in raw mode is worse (htop does the same). */
	crt_done();
	signal(sig, SIG_DFL);
	raise(sig);
}
#endif

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: poll() must return so the main loop sees the flag. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
#if !defined(UNDER_ASAN) /* ASan reports these itself */
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	sigaction(SIGILL, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
#endif
}

static void setup_colours(void)
{
	const char *nc = getenv("NO_COLOR");
	int use_colour = has_colors() && !(nc && *nc);
	if (use_colour && start_color() == ERR)
		use_colour = 0;
	int deflt = use_colour && use_default_colors() == OK;
	enum theme_variant v = use_colour ? (COLORS >= 256 ? THEME_256 : THEME_8) : THEME_MONO;
	colour_active = use_colour;
	for (int e = 0; e < EL_COUNT; e++) {
		const struct theme_entry *t = theme_get(v, (enum elem)e);
		unsigned long mono = curses_attrs(theme_mono_fallback((enum elem)e));
		if (!use_colour) {
			attr_of[e] = t->set ? curses_attrs(t->attrs) : mono;
			continue;
		}
		if (!t->set && v == THEME_256)
			t = theme_get(THEME_8, (enum elem)e);
		if (!t->set) {
			attr_of[e] = mono;
			continue;
		}
		int fg = t->fg, bg = t->bg;
		if (!deflt) {
			if (fg < 0)
				fg = COLOR_WHITE;
			if (bg < 0)
				bg = COLOR_BLACK;
		}
		if (fg >= COLORS)
			fg = fg % 8;
		if (bg >= COLORS)
			bg = bg % 8;
		short pair = (short)(e + 1);
		if (pair < COLOR_PAIRS && init_pair(pair, (short)fg, (short)bg) == OK)
			attr_of[e] = COLOR_PAIR(pair) | curses_attrs(t->attrs);
		else
			attr_of[e] = curses_attrs(t->attrs) | mono;
	}
}

int crt_check_term(void)
{
	const char *term = getenv("TERM");
	if (!term || !*term || strcmp(term, "dumb") == 0) {
		/* curses "works" there and shows a blank screen */
		fprintf(stderr,
		        "baogao: the terminal (TERM=%s) cannot show the browser: use a terminal "
		        "such as xterm or tmux, or the commands (baogao --help)\n",
		        term ? term : "");
		return -1;
	}
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		fprintf(stderr, "baogao: cannot open the terminal (TERM=%s): unknown to terminfo\n",
		        term);
		return -1;
	}
	/* a terminal that cannot move the cursor (no cup) cannot show panes */
	const char *cup = tigetstr("cup");
	int can = cup && cup != (const char *)-1;
	del_curterm(cur_term);
	if (!can) {
		fprintf(
		    stderr,
		    "baogao: the terminal (TERM=%s) cannot address the cursor, which the browser "
		    "needs: use a terminal such as xterm or tmux, or the commands (baogao "
		    "--help)\n",
		    term);
		return -1;
	}
	return 0;
}

int crt_init(int mouse)
{
	install_signals();
	atexit(crt_done);
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "baogao: cannot open the terminal (TERM=%s)\n",
		        getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	curses_active = 1;
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	/* Presses, not clicks: with no click interval to wait for, a press
	 * acts at once. */
	if (mouse)
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	setup_colours();
	return 0;
}

void crt_done(void)
{
	if (!curses_active)
		return;
	curses_active = 0;
	curs_set(1);
	endwin();
}

int crt_has_colour(void)
{
	return colour_active;
}

unsigned long crt_attr(enum elem e)
{
	return e < EL_COUNT ? attr_of[e] : A_NORMAL;
}

static int npending;

int crt_wait(void)
{
	if (npending && !crt_signal)
		return 1; /* keys typed during a search wait in crt_read_key */
	/* A signal that came during long work (a search) is acted on now, not
	 * after the next key: the flag is read with the signals blocked and
	 * ppoll unblocks them only while it waits, so none falls between the
	 * two. */
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGQUIT);
	sigprocmask(SIG_BLOCK, &block, &old);
	if (crt_signal) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		return 0;
	}
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	int r = ppoll(&p, 1, NULL, &old);
	int saved = errno;
	sigprocmask(SIG_SETMASK, &old, NULL);
	errno = saved;
	if (r < 0)
		return errno == EINTR ? 0 : -1;
	if (p.revents & POLLIN) {
		/* Readable with nothing to read is end of file: the terminal has
		 * gone (a dropped SSH session, a closed pty). */
		int avail = 0;
		if (ioctl(STDIN_FILENO, FIONREAD, &avail) == 0 && avail == 0)
			return -1;
		return 1;
	}
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return -1;
	return 0;
}

/* Keys typed while a search ran, kept for the main loop (crt_cancel_key). */
static int pending[32];

static int read_key_now(void);

int crt_read_key(void)
{
	if (npending) {
		int k = pending[0];
		memmove(pending, pending + 1, (size_t)--npending * sizeof pending[0]);
		return k;
	}
	return read_key_now();
}

int crt_cancel_key(void)
{
	int k;
	while ((k = read_key_now()) != 0) {
		if (k == 27 || k == 3 || k == 7) /* Esc, Ctrl-C, Ctrl-G */
			return 1;
		if (npending < (int)(sizeof pending / sizeof pending[0]))
			pending[npending++] = k;
	}
	return 0;
}

/* A curses function key as the core's (browser/keys.h). */
static int fn_key(wint_t wc)
{
	static const struct {
		int curses, core;
	} names[] = {
	    {KEY_UP, FK_UP},       {KEY_DOWN, FK_DOWN},   {KEY_LEFT, FK_LEFT},
	    {KEY_RIGHT, FK_RIGHT}, {KEY_PPAGE, FK_PPAGE}, {KEY_NPAGE, FK_NPAGE},
	    {KEY_HOME, FK_HOME},   {KEY_END, FK_END},     {KEY_IC, FK_IC},
	    {KEY_DC, FK_DC},       {KEY_BTAB, FK_BTAB},   {KEY_RESIZE, FK_RESIZE},
	    {KEY_MOUSE, FK_MOUSE},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if ((int)wc == names[i].curses)
			return names[i].core;
	if ((int)wc > KEY_F(0) && (int)wc <= KEY_F(12))
		return FK_F0 + ((int)wc - KEY_F(0));
	return FK_OTHER + (int)wc;
}

static int read_key_now(void)
{
	wint_t wc;
	int r = wget_wch(stdscr, &wc);
	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES) {
		if (wc == KEY_ENTER)
			return '\r';
		if (wc == KEY_BACKSPACE)
			return 127;
		return KEY_FN | fn_key(wc);
	}
	if (wc == '\n')
		return '\r';
	if (wc == 8)
		return 127;
	return (int)wc;
}

enum mouse_kind crt_mouse(int *row, int *col)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return MOUSE_NONE;
	*row = ev.y;
	*col = ev.x;
	if (ev.bstate & BUTTON4_PRESSED)
		return MOUSE_WHEEL_UP;
	if (ev.bstate & BUTTON5_PRESSED)
		return MOUSE_WHEEL_DOWN;
	if (ev.bstate & BUTTON1_PRESSED)
		return MOUSE_CLICK;
	return MOUSE_NONE;
}
