/* elem.h — the screen elements that have a colour, and the theme the
 * configuration gives them.  The core only names elements; ui/crt.c turns the
 * theme into curses colour pairs and attributes. */
#ifndef BAOGAO_BROWSER_ELEM_H
#define BAOGAO_BROWSER_ELEM_H

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

const char *elem_name(enum elem e);
int elem_by_name(const char *name); /* -1 unknown */

/* Attributes as the configuration names them (normal bold underline …). */
enum {
	ATTR_BOLD = 1,
	ATTR_UNDERLINE = 2,
	ATTR_REVERSE = 4,
	ATTR_DIM = 8,
	ATTR_STANDOUT = 16,
	ATTR_ITALIC = 32,
	ATTR_BLINK = 64
};

enum theme_variant { THEME_8, THEME_256, THEME_MONO, THEME_VARIANTS };

struct theme_entry {
	int set;
	int fg, bg; /* colour numbers, -1 = the terminal's default */
	unsigned attrs;
};

/* Theme entries as read from the config. */
void theme_set(enum theme_variant v, enum elem e, int fg, int bg, unsigned attrs);
const struct theme_entry *theme_get(enum theme_variant v, enum elem e);
/* Attributes when neither data/keys.conf nor the user's file says anything:
 * plain ones that read on any terminal, vt100 included. */
unsigned theme_mono_fallback(enum elem e);

#endif
