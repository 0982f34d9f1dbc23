/* keys.h — actions, key names and the key maps.
 *
 * A key is an int: a Unicode code point for characters, KEY_FN | FK_… for
 * the function keys, as ui/crt.c translates the terminal's (the core knows
 * no curses key codes).  Every binding lives in a table filled
 * from data/keys.conf and the user's file, and the help screen is generated
 * from the same table, so it never lists a key that does not work.
 */
#ifndef BAOGAO_BROWSER_KEYS_H
#define BAOGAO_BROWSER_KEYS_H

#include <stddef.h>

#define KEY_FN 0x200000

enum fn_key {
	FK_UP = 1,
	FK_DOWN,
	FK_LEFT,
	FK_RIGHT,
	FK_PPAGE,
	FK_NPAGE,
	FK_HOME,
	FK_END,
	FK_IC,
	FK_DC,
	FK_BTAB,
	FK_RESIZE,        /* the terminal's size changed (ui.c: browser_resize) */
	FK_MOUSE,         /* a mouse event (ui.c: browser_mouse) */
	FK_F0 = 0x40,     /* FK_F0 + n: the function key Fn */
	FK_OTHER = 0x1000 /* + the terminal's code: a key with no name here */
};

/* A mouse event, after KEY_FN | FK_MOUSE. */
enum mouse_kind { MOUSE_NONE, MOUSE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

enum action {
	ACT_NONE,
	ACT_MOVE_UP,
	ACT_MOVE_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_MOVE_FIRST,
	ACT_MOVE_LAST,
	ACT_ENTER,
	ACT_FOLD_TOGGLE,
	ACT_FOLD_CLOSE,
	ACT_FOLD_OPEN,
	ACT_SIDE_LEFT,
	ACT_SIDE_RIGHT,
	ACT_FOCUS_NEXT,
	ACT_FOCUS_PREV,
	ACT_FOCUS_1,
	ACT_FOCUS_2,
	ACT_FOCUS_3,
	ACT_FOCUS_4,
	ACT_ZOOM,
	ACT_REDRAW,
	ACT_HELP,
	ACT_BACK,
	ACT_QUIT,
	ACT_SEARCH,
	ACT_SEARCH_NEXT,
	ACT_SEARCH_PREV,
	ACT_RESULTS,
	ACT_FIND,
	ACT_COMPARE,
	ACT_EXPORT,
	ACT_SORT,
	ACT_SORT_REVERSE,
	ACT_FILTER_KIND,
	ACT_FILTER_YEAR,
	ACT_COUNT
};

/* Key maps, looked up specific first, then generic. */
enum keymap {
	KM_GENERIC,
	KM_DISTRICT,
	KM_TREE,
	KM_INDICATORS,
	KM_VIEWER,
	KM_RESULTS,
	KM_COMPARE,
	KM_HELP,
	KM_COUNT
};

const char *action_name(enum action a);
const char *action_help(enum action a);
enum action action_by_name(const char *name);
const char *keymap_name(enum keymap km);
int keymap_by_name(const char *name); /* -1 unknown */

/* "<Up>", "j", "<C-l>", "<Space>" → key; -1 when not a key name. */
int key_parse(const char *name);
/* The name of a key as written in the config file and shown in help. */
void key_format(int key, char *buf, size_t size);

void keys_bind(enum keymap km, int key, enum action a);
void keys_clear(void);
/* The action for key in km, falling back to the generic map. */
enum action keys_lookup(enum keymap km, int key);
/* Keys bound to `a` in exactly map km, formatted and joined ("j <Down>").
 * Returns the number of keys. */
int keys_for(enum keymap km, enum action a, char *buf, size_t size);

#endif
