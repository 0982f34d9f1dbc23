/* regex_text.h — reading a regular expression's text without compiling it
 * (regex_text.c), for pattern.c. */
#ifndef BAOGAO_MODEL_REGEX_TEXT_H
#define BAOGAO_MODEL_REGEX_TEXT_H

#include <stddef.h>

/* The ASCII a pattern's syntax is made of. */
#define IS_ASCII_ALNUM(c)                                                                          \
	(((c) >= '0' && (c) <= '9') || ((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))
#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

/* A run of literal characters of a pattern. */
struct rx_lit {
	char buf[256];
	size_t len, cps;
};

/* Skips a bracketed class or group starting at p[i]; the index after it. */
size_t rx_skip_nested(const char *p, size_t i, size_t len);
/* Length of the escape at p[i] == '\\'; *lit: the byte length of the
 * character it stands for when it is a plain literal, else 0. */
size_t rx_escape_len(const char *p, size_t i, size_t end, size_t *lit);
/* Longest literal run of one alternation-free branch p[i, end). */
struct rx_lit rx_branch_literal(const char *p, size_t i, size_t end);
/* The runs of non-ASCII literal characters every match holds, each
 * NUL-terminated, "" ending them; NULL when none or the pattern is not
 * simple enough to tell (malloc'd). */
char *rx_required_runs(const char *p, size_t len);

#endif
