/* office.h — a report saved as a Word .docx or an OpenDocument .odt.
 *
 * Both are ZIP files of XML (read with libzip and libxml2).  office_to_text
 * writes the body in the light markup the parser reads from clean text:
 * one paragraph a line with a blank line between; "# " before the title
 * style, "## ", "### " … before heading styles (outline level); "**…**"
 * around bold runs, direct or from the style; the number a numbered list
 * prints ("一、", "（二）", "3.") written out in front of its item.  Headers,
 * footers (page numbers), notes, comments, deleted text and field codes are
 * not the report and are left out.  Internal to src/ingest. */
#ifndef BAOGAO_OFFICE_H
#define BAOGAO_OFFICE_H

#include <stddef.h>

/* "docx", "odt", or NULL when the file is neither (other ZIPs included). */
const char *office_kind(const char *data, size_t len);

/* Returns 0 with *out (malloc'd UTF-8, NUL-terminated), or -1 with *reason
 * (static). */
int office_to_text(const char *data, size_t len, char **out, size_t *out_len, const char **reason);

#endif
