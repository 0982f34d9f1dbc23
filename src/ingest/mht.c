/* mht.c — the HTML part of a MIME web archive (see mht.h). */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <glib.h>

#include "ingest/mht.h"
#include "ingest/parse_util.h"

/* one MIME header block: [s, body) holds the headers, body the content */
struct part {
	const char *s, *body, *end;
};

/* the end of the header block starting at s: after its blank line */
static const char *headers_end(const char *s, const char *end)
{
	for (const char *p = s; p < end; p++) {
		if (*p != '\n')
			continue;
		const char *q = p + 1;
		if (q < end && *q == '\r')
			q++;
		if (q < end && *q == '\n')
			return q + 1;
		if (q >= end)
			return end;
	}
	return NULL;
}

/* A header's value, unfolded, into out ("" when absent). */
static void header(const struct part *pt, const char *name, char *out, size_t cap)
{
	size_t n = strlen(name), at = 0;
	out[0] = '\0';
	for (const char *p = pt->s; p < pt->body; p++) {
		if (!(p == pt->s || p[-1] == '\n') || (size_t)(pt->body - p) <= n ||
		    strncasecmp(p, name, n) != 0 || p[n] != ':')
			continue;
		for (const char *v = p + n + 1; v < pt->body && at + 1 < cap; v++) {
			if (*v == '\r')
				continue;
			/* a line that begins with white space continues the header */
			if (*v == '\n' && !(v + 1 < pt->body && (v[1] == ' ' || v[1] == '\t')))
				break;
			if (*v == '\n' || *v == '\t')
				continue;
			if (at || *v != ' ')
				out[at++] = *v;
		}
		out[at] = '\0';
		return;
	}
}

/* a parameter of a header value: boundary="…", charset=gb2312 */
static void param(const char *value, const char *name, char *out, size_t cap)
{
	size_t n = strlen(name);
	out[0] = '\0';
	for (const char *p = value; *p; p++) {
		if (strncasecmp(p, name, n) != 0 || p[n] != '=' ||
		    (p > value && isalnum((unsigned char)p[-1])))
			continue;
		const char *v = p + n + 1;
		int quoted = *v == '"';
		v += quoted;
		size_t at = 0;
		while (*v && at + 1 < cap && (quoted ? *v != '"' : (*v != ';' && *v != ' ')))
			out[at++] = *v++;
		out[at] = '\0';
		return;
	}
}

int mht_looks_like(const char *data, size_t len)
{
	size_t n = len < 4096 ? len : 4096;
	const char *end = data + n;
	const char *body = headers_end(data, end);
	if (!body || !memmem(data, (size_t)(body - data), "MIME-Version:", 13))
		return 0;
	struct part top = {data, body, data + len};
	char ct[512];
	header(&top, "Content-Type", ct, sizeof ct);
	return strncasecmp(ct, "multipart/related", 17) == 0 ||
	       strncasecmp(ct, "text/html", 9) == 0;
}

static int hex(int c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	                              : -1;
}

/* quoted-printable: "=E6=8A" bytes, "=" at a line's end joins the lines */
static size_t unquote(const char *s, size_t n, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '=') {
			out[o++] = s[i];
			continue;
		}
		if (i + 1 < n && s[i + 1] == '\n') {
			i += 1;
		} else if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n') {
			i += 2;
		} else if (i + 2 < n && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
			out[o++] = (char)(hex(s[i + 1]) * 16 + hex(s[i + 2]));
			i += 2;
		} else {
			out[o++] = '=';
		}
	}
	return o;
}

static int decode_part(const struct part *pt, char **html, size_t *html_len)
{
	char cte[128], ct[512], cs[64];
	header(pt, "Content-Transfer-Encoding", cte, sizeof cte);
	header(pt, "Content-Type", ct, sizeof ct);
	param(ct, "charset", cs, sizeof cs);
	size_t n = (size_t)(pt->end - pt->body);
	char meta[128] = "";
	if (*cs)
		snprintf(meta, sizeof meta, "<meta charset=\"%s\">\n", cs);
	size_t ml = strlen(meta);
	char *out = malloc(ml + n + 1);
	if (!out)
		return -1;
	memcpy(out, meta, ml);
	size_t o;
	if (strncasecmp(cte, "quoted-printable", 16) == 0) {
		o = unquote(pt->body, n, out + ml);
	} else if (strncasecmp(cte, "base64", 6) == 0) {
		gint state = 0;
		guint save = 0;
		o = g_base64_decode_step(pt->body, n, (guchar *)out + ml, &state, &save);
	} else {
		memcpy(out + ml, pt->body, n);
		o = n;
	}
	out[ml + o] = '\0';
	*html = out;
	*html_len = ml + o;
	return 0;
}

int mht_page(const char *data, size_t len, char **html, size_t *html_len, const char **reason)
{
	*html = NULL;
	const char *end = data + len;
	const char *body = headers_end(data, end);
	if (!body) {
		*reason = "a MIME file without its headers' end";
		return -1;
	}
	struct part top = {data, body, end};
	char ct[512], boundary[256];
	header(&top, "Content-Type", ct, sizeof ct);
	if (strncasecmp(ct, "text/html", 9) == 0)
		goto found;
	param(ct, "boundary", boundary, sizeof boundary);
	size_t bl = strlen(boundary);
	if (!bl) {
		*reason = "a web archive (.mht) without a MIME boundary";
		return -1;
	}
	/* each part begins after a line "--boundary" */
	for (const char *p = body; p && p < end;) {
		const char *m = memmem(p, (size_t)(end - p), boundary, bl);
		if (!m)
			break;
		const char *next = m + bl;
		if (m < body + 2 || m[-1] != '-' || m[-2] != '-' ||
		    (m - 2 > data && m[-3] != '\n')) {
			p = next;
			continue;
		}
		if (next + 1 < end && next[0] == '-' && next[1] == '-')
			break; /* the closing boundary */
		const char *hs = memchr(next, '\n', (size_t)(end - next));
		if (!hs)
			break;
		hs++;
		const char *be = headers_end(hs, end);
		if (!be)
			break;
		/* the part runs to the next boundary line */
		const char *pe = be;
		for (;;) {
			const char *q = memmem(pe, (size_t)(end - pe), boundary, bl);
			if (!q) {
				pe = end;
				break;
			}
			if (q >= be + 2 && q[-1] == '-' && q[-2] == '-' &&
			    (q - 2 == be || q[-3] == '\n')) {
				pe = q - 2;
				break;
			}
			pe = q + bl;
		}
		struct part pt = {hs, be, pe};
		char pct[512];
		header(&pt, "Content-Type", pct, sizeof pct);
		if (strncasecmp(pct, "text/html", 9) == 0) {
			top = pt;
			goto found;
		}
		p = pe;
	}
	*reason = "a web archive (.mht) with no web page in it";
	return -1;
found:
	if (decode_part(&top, html, html_len) < 0) {
		*reason = "out of memory";
		return -1;
	}
	return 0;
}
