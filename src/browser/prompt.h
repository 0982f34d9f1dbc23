/* prompt.h — the one-line editor at the bottom (prompt.c): / searches, f
 * finds in the pane, e asks where to export. */
#ifndef BAOGAO_BROWSER_PROMPT_H
#define BAOGAO_BROWSER_PROMPT_H

struct ui;

enum prompt_kind { PROMPT_SEARCH, PROMPT_FIND, PROMPT_EXPORT };
void prompt_open(struct ui *u, enum prompt_kind kind);
/* The same with text already typed (the export's file name). */
void prompt_open_with(struct ui *u, enum prompt_kind kind, const char *text);
int prompt_active(const struct ui *u);
void prompt_key(struct ui *u, int key);
/* Draws the prompt in row; sets the terminal cursor. */
void prompt_draw(struct ui *u, int row, int width);
void prompt_free(struct ui *u);

#endif
