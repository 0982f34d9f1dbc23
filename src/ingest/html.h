/* html.h — a report published as a web page, read as the text it holds.
 *
 * Government sites put the report inside navigation, breadcrumbs, 来源 and
 * 发布时间 lines, 打印本页/关闭窗口 links, related links and a footer with
 * the ICP number.  html_to_text keeps the article body only (the element
 * whose paragraphs hold the most text, links not counted) and writes it in
 * the light markup the parser reads from clean text: one paragraph a line
 * with a blank line between, "# " before the page's heading, "**…**" around
 * <strong>/<b>.  The charset comes from a BOM, the meta tag, or a guess;
 * GB2312 and GBK are read as GB18030, their superset.  Uses libxml2's HTML
 * parser.  Internal to src/ingest. */
#ifndef BAOGAO_HTML_H
#define BAOGAO_HTML_H

#include <stddef.h>

/* Does the file look like a web page (a doctype, <html>, <head>, <body> or
 * <meta> near its start)?  .mht is not: see format_sniff. */
int html_looks_like(const char *data, size_t len);

/* Returns 0 with *out (malloc'd UTF-8, NUL-terminated) and *encoding (static:
 * "HTML UTF-8", "HTML GB18030" …), or -1 with *reason (static). */
int html_to_text(const char *data, size_t len, char **out, size_t *out_len, const char **encoding,
                 const char **reason);

#endif
