/* keys.c — action names, key names and the binding table. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "browser/keys.h"
#include "text/text.h"

static const struct {
	const char *name, *help;
} actions[ACT_COUNT] = {
    [ACT_NONE] = {"none", "unbind the key"},
    [ACT_MOVE_UP] = {"move-up", "previous line"},
    [ACT_MOVE_DOWN] = {"move-down", "next line"},
    [ACT_PAGE_UP] = {"page-up", "previous page"},
    [ACT_PAGE_DOWN] = {"page-down", "next page"},
    [ACT_MOVE_FIRST] = {"move-first", "first line"},
    [ACT_MOVE_LAST] = {"move-last", "last line"},
    [ACT_ENTER] = {"enter", "open / choose / jump to the source"},
    [ACT_FOLD_TOGGLE] = {"fold-toggle", "fold or unfold the region or section"},
    [ACT_FOLD_CLOSE] = {"fold-close", "fold the region or section (or go to its parent)"},
    [ACT_FOLD_OPEN] = {"fold-open", "unfold the region or section"},
    [ACT_SIDE_LEFT] = {"side-left", "choose the result (left) column"},
    [ACT_SIDE_RIGHT] = {"side-right", "choose the target (right) column"},
    [ACT_FOCUS_NEXT] = {"focus-next", "focus the next pane"},
    [ACT_FOCUS_PREV] = {"focus-prev", "focus the previous pane"},
    [ACT_FOCUS_1] = {"focus-district", "focus the district list"},
    [ACT_FOCUS_2] = {"focus-tree", "focus the section tree"},
    [ACT_FOCUS_3] = {"focus-indicators", "focus the indicator table"},
    [ACT_FOCUS_4] = {"focus-viewer", "focus the text viewer"},
    [ACT_ZOOM] = {"zoom", "zoom the focused pane to the whole screen and back"},
    [ACT_REDRAW] = {"redraw", "redraw the screen"},
    [ACT_HELP] = {"help", "this help"},
    [ACT_BACK] = {"back", "close help, results, compare or zoom"},
    [ACT_QUIT] = {"quit", "close help, zoom or a view; quit from the browser"},
    [ACT_SEARCH] = {"search", "search all reports (literal; re: or Ctrl-R for a regex)"},
    [ACT_SEARCH_NEXT] = {"search-next", "next match (across sections and documents)"},
    [ACT_SEARCH_PREV] = {"search-prev", "previous match"},
    [ACT_RESULTS] = {"results", "list of all matches of the search"},
    [ACT_FIND] = {"find", "find text in this pane or view"},
    [ACT_COMPARE] = {"compare", "compare targets with results"},
    [ACT_EXPORT] = {"export", "export the comparison to CSV and Markdown (asks where)"},
    [ACT_SORT] = {"sort", "sort by the next column"},
    [ACT_SORT_REVERSE] = {"sort-reverse", "reverse the sort order"},
    [ACT_FILTER_KIND] = {"filter-kind", "show all / results / targets"},
    [ACT_FILTER_YEAR] = {"filter-year", "show all years / one year"},
};

static const char *const keymaps[KM_COUNT] = {
    [KM_GENERIC] = "generic",       [KM_DISTRICT] = "district", [KM_TREE] = "tree",
    [KM_INDICATORS] = "indicators", [KM_VIEWER] = "viewer",     [KM_RESULTS] = "results",
    [KM_COMPARE] = "compare",       [KM_HELP] = "help",
};

const char *action_name(enum action a)
{
	return a < ACT_COUNT ? actions[a].name : "?";
}

const char *action_help(enum action a)
{
	return a < ACT_COUNT ? actions[a].help : "";
}

enum action action_by_name(const char *name)
{
	for (int a = 0; a < ACT_COUNT; a++)
		if (strcmp(actions[a].name, name) == 0)
			return (enum action)a;
	return ACT_COUNT;
}

const char *keymap_name(enum keymap km)
{
	return km < KM_COUNT ? keymaps[km] : "?";
}

int keymap_by_name(const char *name)
{
	for (int i = 0; i < KM_COUNT; i++)
		if (strcmp(keymaps[i], name) == 0)
			return i;
	return -1;
}

static const struct {
	const char *name;
	int key;
} named_keys[] = {
    {"Up", KEY_FN | FK_UP},
    {"Down", KEY_FN | FK_DOWN},
    {"Left", KEY_FN | FK_LEFT},
    {"Right", KEY_FN | FK_RIGHT},
    {"PgUp", KEY_FN | FK_PPAGE},
    {"PgDown", KEY_FN | FK_NPAGE},
    {"PgDn", KEY_FN | FK_NPAGE},
    {"Home", KEY_FN | FK_HOME},
    {"End", KEY_FN | FK_END},
    {"Insert", KEY_FN | FK_IC},
    {"Delete", KEY_FN | FK_DC},
    {"BackTab", KEY_FN | FK_BTAB},
    {"Enter", '\r'},
    {"Tab", '\t'},
    {"Esc", 27},
    {"Space", ' '},
    {"Backspace", 127},
    {"Lt", '<'},
};

int key_parse(const char *name)
{
	size_t len = strlen(name);
	if (len == 0)
		return -1;
	if (name[0] != '<' || len == 1) {
		uint32_t cp;
		size_t n = utf8_decode(name, len, &cp);
		return n == len && cp != TEXT_REPLACEMENT ? (int)cp : -1;
	}
	if (name[len - 1] != '>')
		return -1;
	char inner[32];
	if (len - 2 >= sizeof inner)
		return -1;
	memcpy(inner, name + 1, len - 2);
	inner[len - 2] = '\0';
	for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
		if (strcasecmp(inner, named_keys[i].name) == 0)
			return named_keys[i].key;
	if ((inner[0] == 'C' || inner[0] == 'c') && inner[1] == '-' && inner[2] && !inner[3]) {
		int c = inner[2] | 0x20;
		if (c >= 'a' && c <= 'z')
			return c - 'a' + 1;
	}
	if ((inner[0] == 'F' || inner[0] == 'f') && inner[1] >= '1' && inner[1] <= '9') {
		int n = atoi(inner + 1);
		if (n >= 1 && n <= 12)
			return KEY_FN | (FK_F0 + n);
	}
	return -1;
}

void key_format(int key, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++) {
		if (named_keys[i].key == key && strcmp(named_keys[i].name, "PgDn") != 0 &&
		    strcmp(named_keys[i].name, "Lt") != 0) {
			snprintf(buf, size, "<%s>", named_keys[i].name);
			return;
		}
	}
	if (key >= 1 && key <= 26) {
		snprintf(buf, size, "<C-%c>", 'a' + key - 1);
		return;
	}
	if ((key & KEY_FN) && (key & ~KEY_FN) > FK_F0 && (key & ~KEY_FN) <= FK_F0 + 12) {
		snprintf(buf, size, "<F%d>", (key & ~KEY_FN) - FK_F0);
		return;
	}
	if (key & KEY_FN) {
		int code = key & ~KEY_FN;
		snprintf(buf, size, "<key%d>", code >= FK_OTHER ? code - FK_OTHER : code);
		return;
	}
	char u[5];
	size_t n = utf8_encode((uint32_t)key, u);
	u[n] = '\0';
	snprintf(buf, size, "%s", u);
}

struct binding {
	enum keymap km;
	int key;
	enum action action;
};

static struct binding *bindings;
static size_t nbindings, capbindings;

void keys_clear(void)
{
	free(bindings);
	bindings = NULL;
	nbindings = capbindings = 0;
}

void keys_bind(enum keymap km, int key, enum action a)
{
	for (size_t i = 0; i < nbindings; i++) {
		if (bindings[i].km == km && bindings[i].key == key) {
			bindings[i].action = a;
			return;
		}
	}
	if (nbindings == capbindings) {
		capbindings = capbindings ? capbindings * 2 : 64;
		bindings = realloc(bindings, capbindings * sizeof *bindings);
		if (!bindings)
			abort();
	}
	bindings[nbindings++] = (struct binding){km, key, a};
}

static int lookup_in(enum keymap km, int key, enum action *a)
{
	for (size_t i = 0; i < nbindings; i++) {
		if (bindings[i].km == km && bindings[i].key == key) {
			*a = bindings[i].action;
			return 1;
		}
	}
	return 0;
}

enum action keys_lookup(enum keymap km, int key)
{
	enum action a;
	if (km != KM_GENERIC && lookup_in(km, key, &a))
		return a;
	if (lookup_in(KM_GENERIC, key, &a))
		return a;
	return ACT_NONE;
}

int keys_for(enum keymap km, enum action a, char *buf, size_t size)
{
	int count = 0;
	size_t used = 0;
	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < nbindings; i++) {
		if (bindings[i].km != km || bindings[i].action != a)
			continue;
		char name[32];
		key_format(bindings[i].key, name, sizeof name);
		int n = snprintf(buf + used, size - used, "%s%s", count ? " " : "", name);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
		count++;
	}
	return count;
}
