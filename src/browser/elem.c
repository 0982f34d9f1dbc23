/* elem.c — element names and the theme table (see elem.h). */
#include "config.h"

#include <string.h>

#include "browser/elem.h"

static const char *const elem_names[EL_COUNT] = {
    [EL_NORMAL] = "normal",     [EL_BORDER] = "border",
    [EL_TITLE] = "title",       [EL_TITLE_FOCUS] = "title-focus",
    [EL_SELECTED] = "selected", [EL_SELECTED_FOCUS] = "selected-focus",
    [EL_STATUS] = "status",     [EL_STATUS_KEY] = "status-key",
    [EL_PROMPT] = "prompt",     [EL_MESSAGE] = "message",
    [EL_ERROR] = "error",       [EL_HEADING] = "heading",
    [EL_REGION] = "region",     [EL_DIM] = "dim",
    [EL_MATCH] = "match",       [EL_MATCH_CURRENT] = "match-current",
    [EL_MARK] = "mark",         [EL_MET] = "met",
    [EL_MISSED] = "missed",     [EL_PENDING] = "pending",
    [EL_UNKNOWN] = "unknown",   [EL_HELP_KEY] = "help-key",
};

static struct theme_entry theme[THEME_VARIANTS][EL_COUNT];

const char *elem_name(enum elem e)
{
	return e < EL_COUNT ? elem_names[e] : "?";
}

int elem_by_name(const char *name)
{
	for (int i = 0; i < EL_COUNT; i++)
		if (strcmp(elem_names[i], name) == 0)
			return i;
	return -1;
}

void theme_set(enum theme_variant v, enum elem e, int fg, int bg, unsigned attrs)
{
	if (v >= THEME_VARIANTS || e >= EL_COUNT)
		return;
	theme[v][e] = (struct theme_entry){1, fg, bg, attrs};
}

const struct theme_entry *theme_get(enum theme_variant v, enum elem e)
{
	static const struct theme_entry none;
	return v < THEME_VARIANTS && e < EL_COUNT ? &theme[v][e] : &none;
}

unsigned theme_mono_fallback(enum elem e)
{
	switch (e) {
	case EL_TITLE:
	case EL_SELECTED:
	case EL_STATUS:
		return ATTR_REVERSE;
	case EL_TITLE_FOCUS:
	case EL_SELECTED_FOCUS:
	case EL_MATCH_CURRENT:
	case EL_STATUS_KEY:
		return ATTR_REVERSE | ATTR_BOLD;
	case EL_HEADING:
	case EL_REGION:
	case EL_HELP_KEY:
	case EL_ERROR:
	case EL_MISSED:
		return ATTR_BOLD;
	case EL_MATCH:
	case EL_MARK:
		return ATTR_UNDERLINE;
	default:
		return 0;
	}
}
