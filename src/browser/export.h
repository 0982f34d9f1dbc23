/* export.h — e: the comparison saved as CSV and Markdown (export.c). */
#ifndef BAOGAO_BROWSER_EXPORT_H
#define BAOGAO_BROWSER_EXPORT_H

#include <stddef.h>

struct ui;

/* The file name e offers: baogao-compare-REGION.csv (current directory). */
void compare_export_default(const struct ui *u, char *buf, size_t size);
/* Writes the comparison of the chosen region (all before one is chosen) to
 * the CSV file `path` and the Markdown beside it, and says where in the
 * status line.  An existing file is replaced only when confirmed.  Returns 1
 * when the prompt should stay open (a file exists, or writing failed). */
int compare_export(struct ui *u, const char *path, int confirmed);

#endif
