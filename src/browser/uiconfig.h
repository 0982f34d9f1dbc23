/* uiconfig.h — the browser's configuration file (config.c).
 *
 *   # comment
 *   bind [KEYMAP] KEY ACTION        KEY: j, <Up>, <C-l>, <Space>, <F1> …
 *   color ELEMENT FG BG [ATTR…]     the 8-colour theme (also the base of 256)
 *   color256 ELEMENT FG BG [ATTR…]  256-colour terminals
 *   mono ELEMENT [ATTR…]            no colour, or NO_COLOR set
 *   set ambiguous auto|narrow|wide
 *   set mouse on|off
 *
 * The bundled data/keys.conf is read first, by the same parser, then the
 * user's file.  Unknown lines are reported and skipped, never fatal.
 */
#ifndef BAOGAO_BROWSER_UICONFIG_H
#define BAOGAO_BROWSER_UICONFIG_H

struct ui_settings {
	int ambiguous; /* 0 auto, 1 narrow, 2 wide */
	int mouse;
};

/* Reads one file.  Problems are printed to stderr as "path:line: …"; the
 * first one is copied into first_problem (if not NULL and still empty).
 * Returns the number of problems, or -1 when the file cannot be opened. */
int config_load(const char *path, struct ui_settings *set, char *first_problem, size_t size);
/* Parses one line (no newline); returns NULL or a static problem text. */
const char *config_line(const char *line, struct ui_settings *set);
/* data/keys.conf as it was built in (datadir_default_keys), for when the
 * file is missing: the same keys and colours, from the same parser. */
void config_fallback_keys(struct ui_settings *set);
/* The user's file: $XDG_CONFIG_HOME/baogao/config or ~/.config/baogao/config
 * (malloc'd, NULL when HOME is unknown). */
char *config_user_path(void);

#endif
