/* mht.h — a web page saved as a single file (.mht, .mhtml: MIME
 * multipart/related, the page quoted-printable or base64 among its images).
 *
 * mht_page finds the page's HTML part and decodes it, so that html.c reads
 * it as any other page; the charset the part's header names is put in a
 * <meta> in front when the page does not declare one.  Internal to
 * src/ingest. */
#ifndef BAOGAO_MHT_H
#define BAOGAO_MHT_H

#include <stddef.h>

/* Does the file begin with MIME headers of a multipart/related message or
 * of a single HTML part? */
int mht_looks_like(const char *data, size_t len);

/* Returns 0 with *html (malloc'd, NUL-terminated), or -1 with *reason
 * (static). */
int mht_page(const char *data, size_t len, char **html, size_t *html_len, const char **reason);

#endif
