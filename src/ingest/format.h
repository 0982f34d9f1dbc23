/* format.h — what kind of file a report came as, told from its first bytes.
 *
 * Text (any encoding decode.c reads), web pages (html.c), PDF (pdf.c),
 * .docx and .odt (office.c) are read; for every other form the user gets
 * its name and what to do with it, instead of "binary file".  Internal to src/ingest. */
#ifndef BAOGAO_FORMAT_H
#define BAOGAO_FORMAT_H

#include <stddef.h>

/* NULL when the file may be read; else a static reason that names the
 * format and what to do ("a PDF file: …"). */
const char *format_refusal(const char *data, size_t len);

/* NULL when a file of this name, met inside a directory, may be a report:
 * text, web page, web archive, PDF, Word or ODF (readable or not: a .doc is
 * refused with what to do), or no extension.  Else a static reason ("not a
 * report file (.tsv)") for skipping it. */
const char *format_skip_name(const char *name);

/* NULL when decoded text may be a report; else why not: no Chinese in it,
 * or a table of tab-separated values. */
const char *format_not_report(const char *text, size_t len);

#endif
