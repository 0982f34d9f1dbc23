/* wcwidth.c — makes curses measure characters exactly as src/text does.
 *
 * Why: ncursesw asks the C library's wcwidth() how many cells a character
 * takes.  glibc says 1 for East Asian ambiguous characters (“ ” ◆ — · …), while
 * a terminal set to "ambiguous = wide" draws them in 2.  curses then believes
 * the cursor is one column left of where the terminal put it; its cheapest
 * cursor motion is often to re-print the cell it thinks comes next, which
 * lands one column too far, and every border after the character shifts.
 * Moving the cursor ourselves after such a character does not help for that
 * reason, and substituting full-width look-alikes changes the text (◆ and ①
 * have none).  So this definition of wcwidth, which the dynamic linker
 * prefers to the C library's for every caller in the process including
 * libncursesw, answers with text_char_width(): curses and the terminal then
 * agree in both modes, and characters newer than the C library's tables get
 * the same width everywhere too.  It only changes answers while the browser
 * runs (ui_wcwidth_enable), and disp_ambiguous_agrees() checks after initscr
 * that it took effect; when it did not (a static curses), draw.c falls back
 * to replacing ambiguous characters by two narrow ASCII look-alikes.
 */
#include "config.h"

#include <dlfcn.h>
#include <wchar.h>

#include "text/text.h"
#include "ui/ui_wcwidth.h"

static int enabled;
static int busy; /* text_char_width may itself ask wcwidth */

static int libc_wcwidth(wchar_t c)
{
	static int (*real)(wchar_t);
	static int looked_up;
	if (!looked_up) {
		real = (int (*)(wchar_t))dlsym(RTLD_NEXT, "wcwidth");
		looked_up = 1;
	}
	if (real)
		return real(c);
	return c < 0x20 || (c >= 0x7f && c < 0xa0) ? -1 : 1;
}

void ui_wcwidth_enable(int on)
{
	enabled = on;
}

int wcwidth(wchar_t c)
{
	if (!enabled || busy || c < 0x20 || (c >= 0x7f && c < 0xa0) || c > 0x10FFFF)
		return libc_wcwidth(c);
	busy = 1;
	int w = text_char_width((uint32_t)c);
	busy = 0;
	return w;
}
