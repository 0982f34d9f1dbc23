/* config.c — parser for data/keys.conf and the user's configuration. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/elem.h"
#include "browser/keys.h"
#include "browser/uiconfig.h"
#include "datadir.h"

#define MAX_WORDS 8

static int split(char *line, char **w)
{
	int n = 0;
	char *p = line;
	while (*p && n < MAX_WORDS) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		w[n++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		if (*p)
			*p++ = '\0';
	}
	while (*p == ' ' || *p == '\t')
		p++;
	return *p ? -1 : n;
}

static int parse_colour(const char *s, int *out)
{
	static const char *const names[] = {"black", "red",     "green", "yellow",
	                                    "blue",  "magenta", "cyan",  "white"};
	if (strcmp(s, "default") == 0) {
		*out = -1;
		return 0;
	}
	for (int i = 0; i < 8; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = i;
			return 0;
		}
		if (strncmp(s, "bright", 6) == 0 && strcmp(s + 6, names[i]) == 0) {
			*out = i + 8;
			return 0;
		}
	}
	if (strncmp(s, "color", 5) == 0)
		s += 5;
	char *end;
	long v = strtol(s, &end, 10);
	if (*s && !*end && v >= 0 && v <= 255) {
		*out = (int)v;
		return 0;
	}
	return -1;
}

static int parse_attrs(char **w, int n, unsigned *out)
{
	static const struct {
		const char *name;
		unsigned attr;
	} attrs[] = {
	    {"normal", 0},
	    {"bold", ATTR_BOLD},
	    {"underline", ATTR_UNDERLINE},
	    {"reverse", ATTR_REVERSE},
	    {"dim", ATTR_DIM},
	    {"standout", ATTR_STANDOUT},
	    {"italic", ATTR_ITALIC},
	    {"blink", ATTR_BLINK},
	};
	*out = 0;
	for (int i = 0; i < n; i++) {
		size_t k;
		for (k = 0; k < sizeof attrs / sizeof attrs[0]; k++)
			if (strcmp(w[i], attrs[k].name) == 0)
				break;
		if (k == sizeof attrs / sizeof attrs[0])
			return -1;
		*out |= attrs[k].attr;
	}
	return 0;
}

static const char *line_bind(char **w, int n)
{
	int km = KM_GENERIC;
	if (n == 4) {
		km = keymap_by_name(w[1]);
		if (km < 0)
			return "unknown key map (generic, district, tree, indicators, viewer, "
			       "results, "
			       "compare, help)";
		w++;
	} else if (n != 3) {
		return "bind takes [KEYMAP] KEY ACTION";
	}
	int key = key_parse(w[1]);
	if (key < 0)
		return "unknown key name";
	enum action a = action_by_name(w[2]);
	if (a == ACT_COUNT)
		return "unknown action (see the help screen, ?, for their names)";
	keys_bind((enum keymap)km, key, a);
	return NULL;
}

static const char *line_colour(char **w, int n, enum theme_variant v)
{
	int e = n > 1 ? elem_by_name(w[1]) : -1;
	if (n < 2)
		return "colour line without an element";
	if (e < 0)
		return "unknown element";
	unsigned attrs;
	if (v == THEME_MONO) {
		if (parse_attrs(w + 2, n - 2, &attrs) < 0)
			return "unknown attribute (normal bold underline reverse dim standout "
			       "italic blink)";
		theme_set(v, (enum elem)e, -1, -1, attrs);
		return NULL;
	}
	int fg, bg;
	if (n < 4)
		return "color takes ELEMENT FG BG [ATTR...]";
	if (parse_colour(w[2], &fg) < 0 || parse_colour(w[3], &bg) < 0)
		return "unknown colour (a name, brightNAME, default or 0-255)";
	if (v == THEME_8 && (fg > 15 || bg > 15))
		return "the 8-colour theme takes colours 0-15; use color256";
	if (parse_attrs(w + 4, n - 4, &attrs) < 0)
		return "unknown attribute (normal bold underline reverse dim standout italic "
		       "blink)";
	theme_set(v, (enum elem)e, fg, bg, attrs);
	return NULL;
}

static const char *line_set(char **w, int n, struct ui_settings *set)
{
	if (n != 3)
		return "set takes NAME VALUE";
	if (strcmp(w[1], "ambiguous") == 0) {
		if (strcmp(w[2], "auto") == 0)
			set->ambiguous = 0;
		else if (strcmp(w[2], "narrow") == 0)
			set->ambiguous = 1;
		else if (strcmp(w[2], "wide") == 0)
			set->ambiguous = 2;
		else
			return "ambiguous takes auto, narrow or wide";
		return NULL;
	}
	if (strcmp(w[1], "mouse") == 0) {
		if (strcmp(w[2], "on") == 0 || strcmp(w[2], "yes") == 0)
			set->mouse = 1;
		else if (strcmp(w[2], "off") == 0 || strcmp(w[2], "no") == 0)
			set->mouse = 0;
		else
			return "mouse takes on or off";
		return NULL;
	}
	return "unknown setting (ambiguous, mouse)";
}

const char *config_line(const char *text, struct ui_settings *set)
{
	char line[512];
	size_t len = strlen(text);
	if (len >= sizeof line)
		return "line too long";
	memcpy(line, text, len + 1);
	const char *first = line;
	while (*first == ' ' || *first == '\t')
		first++;
	if (*first == '#' || !*first)
		return NULL;
	char *w[MAX_WORDS];
	int n = split(line, w);
	if (n < 0)
		return "too many words";
	if (n == 0 || w[0][0] == '#')
		return NULL;
	if (strcmp(w[0], "bind") == 0)
		return line_bind(w, n);
	if (strcmp(w[0], "color") == 0 || strcmp(w[0], "colour") == 0)
		return line_colour(w, n, THEME_8);
	if (strcmp(w[0], "color256") == 0 || strcmp(w[0], "colour256") == 0)
		return line_colour(w, n, THEME_256);
	if (strcmp(w[0], "mono") == 0)
		return line_colour(w, n, THEME_MONO);
	if (strcmp(w[0], "set") == 0)
		return line_set(w, n, set);
	return "unknown command (bind, color, color256, mono, set)";
}

int config_load(const char *path, struct ui_settings *set, char *first_problem, size_t size)
{
	FILE *fp = fopen(path, "r");
	if (!fp)
		return -1;
	char buf[1024];
	int lineno = 0, problems = 0;
	while (fgets(buf, sizeof buf, fp)) {
		lineno++;
		size_t len = strlen(buf);
		while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		const char *err = config_line(buf, set);
		if (!err)
			continue;
		problems++;
		fprintf(stderr, "baogao: %s:%d: %s\n", path, lineno, err);
		if (first_problem && size && !first_problem[0])
			snprintf(first_problem, size, "%s:%d: %s", path, lineno, err);
	}
	fclose(fp);
	return problems;
}

void config_fallback_keys(struct ui_settings *set)
{
	/* data/keys.conf as built in, read by the same parser */
	const char *p = datadir_default_keys;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char line[1024];
		snprintf(line, sizeof line, "%.*s", (int)n, p);
		(void)config_line(line, set);
		p += n + (e ? 1 : 0);
	}
}

char *config_user_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	char buf[4096];
	if (xdg && *xdg)
		snprintf(buf, sizeof buf, "%s/baogao/config", xdg);
	else if (home && *home)
		snprintf(buf, sizeof buf, "%s/.config/baogao/config", home);
	else
		return NULL;
	return strdup(buf);
}
