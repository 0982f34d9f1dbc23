/* pdf.h — a report published as a PDF, read as the text it holds.
 *
 * poppler-glib gives every character with its box and font.  pdf_to_text
 * puts the printed lines back into paragraphs from their positions: a line
 * ends its paragraph when it stops short of the right margin, when the next
 * is indented or lies a gap below, or when the type changes from heading to
 * body.  Page numbers and the lines that repeat at the top or foot of the
 * pages (running headers and footers) go; the gaps that justification puts
 * between Chinese characters close (pu_keep_gap).  The result is the light
 * markup html_to_text writes: one paragraph a line, a blank line between,
 * "# " before the title and "## " before a paragraph set in the heading
 * type (larger, or another family than the body), "**…**" around bold runs.
 * Internal to src/ingest. */
#ifndef BAOGAO_PDF_H
#define BAOGAO_PDF_H

#include <stddef.h>

/* Does the file begin as a PDF does? */
int pdf_looks_like(const char *data, size_t len);

/* Returns 0 with *out (malloc'd UTF-8, NUL-terminated), or -1 with *reason
 * (static): not readable, password-protected, no text layer (a scan), or
 * fonts without a usable ToUnicode map; "out of memory". */
int pdf_to_text(const char *data, size_t len, char **out, size_t *out_len, const char **reason);

#endif
