/* unwrap.h — hard-wrapped text (pdftotext, pdftotext -layout, mutool, an
 * e-mail) rejoined into one line a paragraph.
 *
 * A text is hard-wrapped when most of its lines stop at about the same
 * width without ending a sentence.  Then: page numbers ("—1—", "- 2 -",
 * "第3页") and form feeds go, a short line that repeats on many pages (a
 * running header or footer) goes, a line joins the next unless it is short
 * (a heading, a paragraph's last line) or the next is indented, and the
 * gaps that justification spreads between Chinese characters close.  No
 * space is ever put inside a number or between two Han characters.
 * Internal to src/ingest. */
#ifndef BAOGAO_UNWRAP_H
#define BAOGAO_UNWRAP_H

#include <stddef.h>

/* Returns 1 with *out (malloc'd, NUL-terminated) when text was hard-wrapped
 * and has been rejoined, 0 when it is left as it is, -1 out of memory. */
int unwrap_text(const char *text, size_t len, char **out, size_t *out_len);

#endif
