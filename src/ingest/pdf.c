/* pdf.c — a PDF's printed lines put back into paragraphs (see pdf.h).
 *
 * Three passes over the characters poppler gives: read every page into
 * lines (text, box, type); learn the page's geometry from the body lines
 * (left margin, right margin, line pitch, the body type); then walk the
 * lines, dropping page furniture and deciding at each line whether it
 * starts a new paragraph. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "ingest/parse_util.h"
#include "ingest/pdf.h"
#include "text/chars.h"

struct pchar {
	uint32_t cp;
	int style;
	float x0, x1;
};

struct pline {
	size_t first, n; /* into doc.chars; spaces at either end not kept */
	float x0, x1, y0, y1;
	int page;
	int drop; /* page furniture */
};

/* a font and size as poppler names them */
struct pstyle {
	char *family; /* without the subset tag and the weight: "NotoSerifCJKjp" */
	double size;
	int bold;
	long han; /* Han characters set in it */
};

struct pdoc {
	struct pchar *chars;
	size_t nchars, capchars;
	struct pline *lines;
	size_t nlines, caplines;
	struct pstyle *styles;
	size_t nstyles, capstyles;
	int pages;
	int failed; /* out of memory */
	/* geometry, learned from the body */
	int body; /* style of most Han characters */
	double em, left, right, pitch;
};

static void *grow(void *p, size_t *cap, size_t need, size_t size, int *failed)
{
	if (need <= *cap)
		return p;
	size_t cap2 = *cap ? *cap * 2 : 64;
	while (cap2 < need)
		cap2 *= 2;
	void *q = realloc(p, cap2 * size);
	if (!q) {
		*failed = 1;
		return NULL;
	}
	*cap = cap2;
	return q;
}

static int has_word(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (; *s; s++)
		if (strncasecmp(s, word, n) == 0)
			return 1;
	return 0;
}

static int style_of(struct pdoc *d, const char *font, double size)
{
	if (!font)
		font = "";
	/* "BAAAAA+NotoSerifCJKjp-Bold-VKana": a subset tag, the family, the weight */
	const char *f = font;
	const char *plus = strchr(f, '+');
	if (plus && plus - f == 6)
		f = plus + 1;
	size_t n = strcspn(f, "-,");
	int bold = has_word(font, "bold") || has_word(font, "black") || has_word(font, "heavy");
	for (size_t i = 0; i < d->nstyles; i++) {
		struct pstyle *s = &d->styles[i];
		if (fabs(s->size - size) < 0.05 && strlen(s->family) == n &&
		    memcmp(s->family, f, n) == 0 && s->bold == bold)
			return (int)i;
	}
	struct pstyle *g =
	    grow(d->styles, &d->capstyles, d->nstyles + 1, sizeof *d->styles, &d->failed);
	if (!g)
		return 0;
	d->styles = g;
	struct pstyle *s = &d->styles[d->nstyles];
	*s = (struct pstyle){pu_strndup(f, n), size, bold, 0};
	if (!s->family) {
		d->failed = 1;
		return 0;
	}
	return (int)d->nstyles++;
}

static void add_line(struct pdoc *d, size_t first, int page)
{
	size_t end = d->nchars;
	while (first < end && d->chars[first].cp == ' ')
		first++;
	while (end > first && d->chars[end - 1].cp == ' ')
		end--;
	if (first == end) {
		d->nchars = first;
		return;
	}
	struct pline *g = grow(d->lines, &d->caplines, d->nlines + 1, sizeof *d->lines, &d->failed);
	if (!g)
		return;
	d->lines = g;
	d->lines[d->nlines++] = (struct pline){
	    first, end - first, d->chars[first].x0, d->chars[end - 1].x1, 0, 0, page, 0};
	d->nchars = end;
}

static void read_page(struct pdoc *d, PopplerPage *page, int pageno)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	if (!text || !poppler_page_get_text_layout(page, &rects, &nrects)) {
		g_free(text);
		return;
	}
	GList *attrs = poppler_page_get_text_attributes(page), *a = attrs;
	size_t line_start = d->nchars;
	float top = 1e9f, bottom = -1e9f;
	guint k = 0;
	for (const char *s = text; *s && k < nrects && !d->failed; s = g_utf8_next_char(s), k++) {
		gunichar u = g_utf8_get_char(s);
		const PopplerRectangle *r = &rects[k];
		if (u == '\n' || u == '\r') {
			size_t before = d->nlines;
			add_line(d, line_start, pageno);
			if (d->nlines > before) {
				d->lines[before].y0 = top;
				d->lines[before].y1 = bottom;
			}
			line_start = d->nchars;
			top = 1e9f, bottom = -1e9f;
			continue;
		}
		while (a && ((PopplerTextAttributes *)a->data)->end_index < (int)k)
			a = a->next;
		const PopplerTextAttributes *at = a ? a->data : NULL;
		int style = at && at->start_index <= (int)k
		                ? style_of(d, at->font_name, at->font_size)
		                : style_of(d, "", 0);
		struct pchar *g =
		    grow(d->chars, &d->capchars, d->nchars + 1, sizeof *d->chars, &d->failed);
		if (!g)
			break;
		d->chars = g;
		uint32_t cp = u == '\t' || u == 0xA0 ? ' ' : u;
		d->chars[d->nchars++] = (struct pchar){cp, style, (float)r->x1, (float)r->x2};
		if (cp != ' ') {
			top = fminf(top, (float)r->y1);
			bottom = fmaxf(bottom, (float)r->y2);
			if (text_is_han(cp))
				d->styles[style].han++;
		}
	}
	size_t before = d->nlines;
	add_line(d, line_start, pageno);
	if (d->nlines > before) {
		d->lines[before].y0 = top;
		d->lines[before].y1 = bottom;
	}
	poppler_page_free_text_attributes(attrs);
	g_free(rects);
	g_free(text);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* the value that share of vals[0..n) stays at or under */
static double quantile(double *vals, size_t n, double share)
{
	if (!n)
		return 0;
	qsort(vals, n, sizeof *vals, cmp_double);
	size_t i = (size_t)(share * (double)(n - 1));
	return vals[i];
}

static int body_line(const struct pdoc *d, const struct pline *l)
{
	return d->chars[l->first].style == d->body ||
	       d->chars[l->first + l->n - 1].style == d->body;
}

static int learn_geometry(struct pdoc *d)
{
	long best = -1;
	for (size_t i = 0; i < d->nstyles; i++)
		if (d->styles[i].han > best) {
			best = d->styles[i].han;
			d->body = (int)i;
		}
	d->em = d->styles[d->body].size > 1 ? d->styles[d->body].size : 12;
	double *v = malloc((d->nlines + 1) * sizeof *v);
	if (!v)
		return -1;
	size_t n = 0;
	for (size_t i = 0; i < d->nlines; i++)
		if (body_line(d, &d->lines[i]))
			v[n++] = d->lines[i].x0;
	/* most body lines start at the margin; first lines are indented */
	d->left = quantile(v, n, 0.25);
	n = 0;
	for (size_t i = 0; i < d->nlines; i++)
		if (body_line(d, &d->lines[i]))
			v[n++] = d->lines[i].x1;
	d->right = quantile(v, n, 0.6);
	n = 0;
	for (size_t i = 1; i < d->nlines; i++) {
		const struct pline *a = &d->lines[i - 1], *b = &d->lines[i];
		if (a->page == b->page && b->y0 > a->y0 && body_line(d, a) && body_line(d, b))
			v[n++] = b->y0 - a->y0;
	}
	d->pitch = n ? quantile(v, n, 0.5) : d->em * 1.5;
	free(v);
	return 0;
}

/* ---- page furniture ---- */

/* a line's text without digits and spaces: how running heads repeat */
static size_t furniture_key(const struct pdoc *d, const struct pline *l, uint32_t *key, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n && n < max; i++) {
		uint32_t cp = d->chars[l->first + i].cp;
		if (cp != ' ' && !(cp >= '0' && cp <= '9'))
			key[n++] = cp;
	}
	return n;
}

static int line_text(const struct pdoc *d, const struct pline *l, struct pbuf *b)
{
	for (size_t i = 0; i < l->n; i++) {
		char u[8];
		int k = g_unichar_to_utf8(d->chars[l->first + i].cp, u);
		if (pbuf_add(b, u, (size_t)k) < 0)
			return -1;
	}
	return 0;
}

/* The first and last lines of each page: a page number goes; a short line
 * that repeats at the same edge of several pages goes. */
static int drop_furniture(struct pdoc *d)
{
	enum { KEY = 48 };
	size_t *edge = calloc((size_t)d->pages * 2 + 2, sizeof *edge);
	if (!edge)
		return -1;
	for (size_t i = 0; i < (size_t)d->pages * 2; i++)
		edge[i] = (size_t)-1;
	for (size_t i = 0; i < d->nlines; i++) {
		int p = d->lines[i].page;
		if (edge[p * 2] == (size_t)-1)
			edge[p * 2] = i;
		edge[p * 2 + 1] = i;
	}
	struct pbuf b = {0};
	for (size_t i = 0; i < (size_t)d->pages * 2; i++) {
		/* a page number may sit above or below a running line: look two deep */
		for (int depth = 0; depth < 2; depth++) {
			size_t li = edge[i];
			if (li == (size_t)-1)
				continue;
			li = i % 2 ? li - (size_t)depth : li + (size_t)depth;
			if (li >= d->nlines || d->lines[li].page != (int)(i / 2))
				continue;
			struct pline *l = &d->lines[li];
			b.len = 0;
			if (line_text(d, l, &b) < 0) {
				free(edge);
				pbuf_free(&b);
				return -1;
			}
			if (pu_page_number(b.s, b.len)) {
				l->drop = 1;
				continue;
			}
			if (l->x1 >= d->right - d->em * 1.5 && l->n > 30)
				continue; /* a full line of text */
			uint32_t key[KEY], other[KEY];
			size_t nk = furniture_key(d, l, key, KEY), same = 0;
			for (size_t j = i % 2; j < (size_t)d->pages * 2 && nk; j += 2)
				for (int dd = 0; dd < 2; dd++) {
					size_t lj = edge[j];
					if (lj == (size_t)-1)
						continue;
					lj = j % 2 ? lj - (size_t)dd : lj + (size_t)dd;
					if (lj >= d->nlines || d->lines[lj].page != (int)(j / 2))
						continue;
					size_t no = furniture_key(d, &d->lines[lj], other, KEY);
					if (no == nk && memcmp(key, other, nk * sizeof *key) == 0) {
						same++;
						break;
					}
				}
			if (same >= 3 || (same >= 2 && d->pages <= 4))
				l->drop = 1;
		}
	}
	pbuf_free(&b);
	free(edge);
	return 0;
}

/* ---- paragraphs ---- */

/* set apart from the body: bold, larger, or another family (黑体 headings
 * over 仿宋 text) */
static int emphasis(const struct pdoc *d, int style)
{
	const struct pstyle *s = &d->styles[style], *b = &d->styles[d->body];
	return style != d->body &&
	       (s->bold > b->bold || s->size > b->size * 1.08 || strcmp(s->family, b->family) != 0);
}

static int heading_type(const struct pdoc *d, int style)
{
	const struct pstyle *s = &d->styles[style], *b = &d->styles[d->body];
	return style != d->body && (s->size > b->size * 1.08 || strcmp(s->family, b->family) != 0);
}

/* Of a line's Han characters: how many are set in the body type, how many
 * in a heading type. */
static void line_type(const struct pdoc *d, const struct pline *l, size_t *body, size_t *head)
{
	*body = *head = 0;
	for (size_t i = 0; i < l->n; i++) {
		const struct pchar *c = &d->chars[l->first + i];
		if (!text_is_han(c->cp))
			continue;
		if (heading_type(d, c->style))
			++*head;
		else if (!emphasis(d, c->style))
			++*body;
	}
}

static int breaks_before(const struct pdoc *d, const struct pline *prev, const struct pline *l)
{
	if (prev->x1 < d->right - d->em * 1.2)
		return 1; /* the last line of its paragraph */
	double indent = l->x0 - d->left;
	if (indent > d->em * 0.8 && indent < d->em * 4.5)
		return 1; /* a first line */
	if (l->page == prev->page && l->y0 - prev->y0 > d->pitch * 1.6)
		return 1;
	size_t pb, ph, lb, lh;
	line_type(d, prev, &pb, &ph);
	line_type(d, l, &lb, &lh);
	if ((ph && !pb && lb) || (pb && lh && !lb))
		return 1; /* heading type against body type */
	return 0;
}

struct para {
	struct pbuf b;
	size_t han, han_head, han_emph;
	double size;
	int page;
	uint32_t last;
	int bold_open;
};

static int put_cp(struct para *p, uint32_t cp)
{
	char u[8];
	int k = g_unichar_to_utf8(cp, u);
	return pbuf_add(&p->b, u, (size_t)k);
}

static int put_line(const struct pdoc *d, struct para *p, const struct pline *l)
{
	/* a line break inside English or a number joins with a space only
	 * between two words */
	uint32_t first = d->chars[l->first].cp;
	if (p->last && p->last < 0x80 && first < 0x80 && g_unichar_isalpha(p->last) &&
	    g_unichar_isalpha(first) && pbuf_add(&p->b, " ", 1) < 0)
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		const struct pchar *c = &d->chars[l->first + i];
		if (c->cp == ' ') {
			size_t e = i;
			while (e < l->n && d->chars[l->first + e].cp == ' ')
				e++;
			if (e < l->n && pu_keep_gap(p->last, d->chars[l->first + e].cp) &&
			    pbuf_add(&p->b, " ", 1) < 0)
				return -1;
			i = e - 1;
			continue;
		}
		if (c->cp < 0x20 || (c->cp >= 0x7F && c->cp < 0xA0))
			continue;
		int emph = emphasis(d, c->style);
		if (text_is_han(c->cp)) {
			p->han++;
			p->han_emph += emph != 0;
			p->han_head += heading_type(d, c->style) != 0;
			if (d->styles[c->style].size > p->size)
				p->size = d->styles[c->style].size;
		}
		/* bold runs open and close on Han characters and their punctuation */
		if (pu_is_wide(c->cp) && emph != p->bold_open) {
			if (pbuf_add(&p->b, "**", 2) < 0)
				return -1;
			p->bold_open = emph;
		}
		if (put_cp(p, c->cp) < 0)
			return -1;
		p->last = c->cp;
	}
	return 0;
}

static int flush_para(const struct pdoc *d, struct para *p, struct pbuf *out, int *title_seen)
{
	if (!p->b.len)
		return 0;
	if (p->bold_open && pbuf_add(&p->b, "**", 2) < 0)
		return -1;
	int rc = 0;
	int whole = p->han && p->han_head * 10 >= p->han * 9;
	size_t cps = pu_count(p->b.s, p->b.len);
	if (whole && cps <= 80) {
		/* a heading: its text without the bold marks */
		size_t n;
		char *plain = pu_strip_markup(p->b.s, p->b.len, &n);
		if (!plain)
			return -1;
		int title = !*title_seen && p->page == 0 && p->size >= d->em * 1.2;
		*title_seen |= title;
		rc = pbuf_add(out, title ? "# " : "## ", title ? 2 : 3) < 0 ||
		             pbuf_add(out, plain, n) < 0
		         ? -1
		         : 0;
		free(plain);
	} else {
		rc = pbuf_add(out, p->b.s, p->b.len);
	}
	if (rc == 0)
		rc = pbuf_add(out, "\n\n", 2);
	p->b.len = 0;
	p->han = p->han_head = p->han_emph = 0;
	p->size = 0;
	p->last = 0;
	p->bold_open = 0;
	return rc;
}

static int write_paragraphs(const struct pdoc *d, struct pbuf *out)
{
	struct para p = {0};
	const struct pline *prev = NULL;
	int title_seen = 0, rc = 0;
	for (size_t i = 0; i < d->nlines && rc == 0; i++) {
		const struct pline *l = &d->lines[i];
		if (l->drop)
			continue;
		if (prev && breaks_before(d, prev, l))
			rc = flush_para(d, &p, out, &title_seen);
		if (!p.b.len)
			p.page = l->page;
		if (rc == 0)
			rc = put_line(d, &p, l);
		prev = l;
	}
	if (rc == 0)
		rc = flush_para(d, &p, out, &title_seen);
	pbuf_free(&p.b);
	return rc;
}

/* ---- the whole file ---- */

static void free_doc(struct pdoc *d)
{
	for (size_t i = 0; i < d->nstyles; i++)
		free(d->styles[i].family);
	free(d->styles);
	free(d->chars);
	free(d->lines);
}

int pdf_looks_like(const char *data, size_t len)
{
	return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

/* Text a font without a ToUnicode map gives: private-use code points, C0
 * controls, U+FFFD, or Latin letters where Chinese should be. */
static int unreadable(const struct pdoc *d)
{
	size_t han = 0, bad = 0, all = 0;
	for (size_t i = 0; i < d->nchars; i++) {
		uint32_t cp = d->chars[i].cp;
		if (cp == ' ')
			continue;
		all++;
		han += text_is_han(cp);
		bad += (cp >= 0xE000 && cp <= 0xF8FF) || cp == 0xFFFD || cp < 0x20;
	}
	return bad * 5 > all || han * 10 < all;
}

int pdf_to_text(const char *data, size_t len, char **out, size_t *out_len, const char **reason)
{
	*out = NULL;
	GBytes *bytes = g_bytes_new(data, len);
	GError *err = NULL;
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	if (!doc) {
		int locked =
		    err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED;
		*reason = locked ? "a password-protected PDF: open it with its password and save "
		                   "or print it without one, then ingest that"
		                 : "a damaged PDF: poppler cannot read it";
		g_clear_error(&err);
		g_bytes_unref(bytes);
		return -1;
	}
	struct pdoc d = {0};
	d.pages = poppler_document_get_n_pages(doc);
	for (int i = 0; i < d.pages && !d.failed; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);
		if (page) {
			read_page(&d, page, i);
			g_object_unref(page);
		}
	}
	g_object_unref(doc);
	g_bytes_unref(bytes);
	int rc = -1;
	struct pbuf b = {0};
	size_t han = 0;
	for (size_t i = 0; i < d.nstyles; i++)
		han += (size_t)d.styles[i].han;
	if (d.failed) {
		*reason = "out of memory";
	} else if (d.nchars < 20 || (han < 20 && !unreadable(&d))) {
		*reason = "a PDF with no text layer (a scan, or text drawn as pictures): it needs "
		          "OCR first (e.g. `ocrmypdf -l chi_sim FILE out.pdf`)";
	} else if (unreadable(&d)) {
		*reason =
		    "a PDF whose fonts have no usable ToUnicode map: its characters cannot be "
		    "read as text (OCR it, e.g. `ocrmypdf -l chi_sim --force-ocr FILE out.pdf`)";
	} else if (learn_geometry(&d) < 0 || drop_furniture(&d) < 0 ||
	           write_paragraphs(&d, &b) < 0 || !b.s) {
		*reason = "out of memory";
	} else {
		*out = b.s;
		*out_len = b.len;
		b.s = NULL;
		rc = 0;
	}
	pbuf_free(&b);
	free_doc(&d);
	return rc;
}
