/* office.c — .docx and .odt bodies as marked-up text (see office.h).
 *
 * Both formats say the same things in other words: a paragraph with a
 * style (which may be a heading of some outline level, or bold), runs of
 * text with their own bold, and lists whose numbers the word processor
 * prints but the file does not hold.  Each reader walks its XML and tells a
 * writer (struct mk) paragraph by paragraph. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "ingest/office.h"
#include "ingest/parse_util.h"
#include "text/chars.h"

enum { MEMBER_MAX = 64 << 20, STYLE_DEPTH = 12, LEVELS = 9 };

/* ---- the writer ---- */

struct mk {
	struct pbuf b;
	size_t para;   /* where the current paragraph starts */
	size_t start;  /* where its text starts, after the hashes and the number */
	int heading;   /* hashes before the paragraph, 0 for body text */
	int bold_open; /* a "**" is open */
	int space;     /* a space is pending */
	int failed;
};

static void mk_put(struct mk *m, const char *s, size_t n)
{
	if (!m->failed && pbuf_add(&m->b, s, n) < 0)
		m->failed = 1;
}

static void mk_begin(struct mk *m, int heading, const char *number)
{
	m->para = m->b.len;
	m->heading = heading;
	m->bold_open = m->space = 0;
	if (heading) {
		char h[16];
		int n = snprintf(h, sizeof h, "%.*s ", heading > 6 ? 6 : heading, "######");
		mk_put(m, h, (size_t)n);
	}
	if (number && *number)
		mk_put(m, number, strlen(number));
	m->start = m->b.len;
}

/* A run of text: white space folded, control characters dropped, bold
 * runs (never in a heading) between "**". */
static void mk_text(struct mk *m, const char *s, int bold)
{
	if (m->heading)
		bold = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			m->space = 1;
			continue;
		}
		if (*p < 0x20 || *p == 0x7F)
			continue;
		/* a space goes outside the "**" that opens or closes beside it */
		int space = m->space && m->b.len > m->start;
		m->space = 0;
		if (bold != m->bold_open) {
			if (m->bold_open) {
				mk_put(m, "**", 2);
				if (space)
					mk_put(m, " ", 1);
			} else {
				if (space)
					mk_put(m, " ", 1);
				mk_put(m, "**", 2);
			}
			m->bold_open = bold;
		} else if (space) {
			mk_put(m, " ", 1);
		}
		mk_put(m, (const char *)p, 1);
	}
}

static void mk_end(struct mk *m)
{
	if (m->bold_open)
		mk_put(m, "**", 2);
	m->bold_open = m->space = 0;
	if (m->failed)
		return;
	if (m->b.len <= m->start) { /* nothing in it */
		m->b.len = m->para;
		if (m->b.s)
			m->b.s[m->b.len] = '\0';
	} else {
		mk_put(m, "\n\n", 2);
	}
	m->para = m->b.len;
	m->heading = 0;
}

/* ---- list numbers ---- */

static void put_utf8(char *out, size_t cap, size_t *at, uint32_t cp)
{
	char u[4];
	size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	if (n == 1) {
		u[0] = (char)cp;
	} else if (n == 2) {
		u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F));
	} else if (n == 3) {
		u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
	} else {
		u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F));
	}
	if (*at + n < cap) {
		memcpy(out + *at, u, n);
		*at += n;
		out[*at] = '\0';
	}
}

enum numfmt { NF_DECIMAL, NF_CHINESE, NF_CIRCLED, NF_LOWER, NF_UPPER, NF_BULLET, NF_NONE };

/* the counter n as the list prints it: 3, 三, ③, c */
static void format_counter(char *out, size_t cap, size_t *at, enum numfmt f, int n)
{
	if (n < 1)
		n = 1;
	if (f == NF_CHINESE && n < 100) {
		if (n >= 20)
			put_utf8(out, cap, at, text_numeral_char(n / 10));
		if (n >= 10)
			put_utf8(out, cap, at, text_numeral_char(10));
		if (n % 10 || n < 10)
			put_utf8(out, cap, at, text_numeral_char(n % 10));
	} else if (f == NF_CIRCLED && n <= 20) {
		put_utf8(out, cap, at, 0x2460 + (uint32_t)n - 1);
	} else if ((f == NF_LOWER || f == NF_UPPER) && n <= 26) {
		put_utf8(out, cap, at, (uint32_t)((f == NF_LOWER ? 'a' : 'A') + n - 1));
	} else {
		char d[16];
		int k = snprintf(d, sizeof d, "%d", n);
		for (int i = 0; i < k; i++)
			put_utf8(out, cap, at, (uint32_t)d[i]);
	}
}

/* ---- XML helpers ---- */

static int is(const xmlNode *n, const char *local)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *local)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, local))
			return c;
	return NULL;
}

/* an attribute by its local name, whatever its prefix; xmlFree it */
static char *attr(const xmlNode *n, const char *local)
{
	return n ? (char *)xmlGetProp(n, (const xmlChar *)local) : NULL;
}

static int attr_int(const xmlNode *n, const char *local, int dflt)
{
	char *v = attr(n, local);
	int r = v && *v ? atoi(v) : dflt;
	xmlFree(v);
	return r;
}

/* w:b, w:b w:val="0": an OOXML on/off property; -1 when absent */
static int on_off(const xmlNode *prop)
{
	if (!prop)
		return -1;
	char *v = attr(prop, "val");
	int on = !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
	xmlFree(v);
	return on;
}

static xmlDoc *read_xml(const char *s, size_t n)
{
	if (n > MEMBER_MAX)
		return NULL;
	/* no network, no entities expanded, no DTD loaded: the file is data */
	return xmlReadMemory(s, (int)n, NULL, NULL,
	                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                         XML_PARSE_HUGE);
}

static char *zip_member(zip_t *z, const char *name, size_t *len)
{
	zip_stat_t st;
	if (zip_stat(z, name, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > MEMBER_MAX)
		return NULL;
	zip_file_t *f = zip_fopen(z, name, 0);
	if (!f)
		return NULL;
	char *buf = malloc(st.size + 1);
	zip_int64_t got = buf ? zip_fread(f, buf, st.size) : -1;
	zip_fclose(f);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(buf);
		return NULL;
	}
	buf[got] = '\0';
	*len = (size_t)got;
	return buf;
}

static xmlDoc *zip_xml(zip_t *z, const char *name)
{
	size_t n;
	char *s = zip_member(z, name, &n);
	if (!s)
		return NULL;
	xmlDoc *d = read_xml(s, n);
	free(s);
	return d;
}

/* ---- styles, shared by both readers ---- */

struct style {
	char *name;  /* the id the paragraphs use */
	char *based; /* parent style */
	int level;   /* outline level 1…, 0 none, -1 unset */
	int title;   /* the document's title style */
	int bold;    /* -1 unset */
};

struct styles {
	struct style *v;
	size_t n, cap;
	int failed;
};

static struct style *add_style(struct styles *ss, const char *name)
{
	if (ss->n == ss->cap) {
		size_t cap = ss->cap ? ss->cap * 2 : 64;
		struct style *g = realloc(ss->v, cap * sizeof *g);
		if (!g) {
			ss->failed = 1;
			return NULL;
		}
		ss->v = g;
		ss->cap = cap;
	}
	struct style *s = &ss->v[ss->n];
	*s = (struct style){strdup(name ? name : ""), NULL, -1, 0, -1};
	if (!s->name) {
		ss->failed = 1;
		return NULL;
	}
	ss->n++;
	return s;
}

static const struct style *find_style(const struct styles *ss, const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = ss->n; i-- > 0;) /* the later definition wins */
		if (strcmp(ss->v[i].name, name) == 0)
			return &ss->v[i];
	return NULL;
}

/* "heading 2", "Heading2", "标题 2": the level a style's name says */
static int level_in_name(const char *name)
{
	if (!name)
		return -1;
	const char *p = NULL;
	if (strncasecmp(name, "heading", 7) == 0)
		p = name + 7;
	else if (strncmp(name, "标题", 6) == 0)
		p = name + 6;
	if (!p)
		return -1;
	while (*p == ' ' || *p == '_')
		p++;
	return *p >= '1' && *p <= '9' ? *p - '0' : -1;
}

static int title_name(const char *name)
{
	return name && (strcasecmp(name, "title") == 0 || strcmp(name, "标题") == 0);
}

/* level and bold through the chain of parents */
static void resolve(const struct styles *ss, const char *name, int *level, int *title, int *bold)
{
	*level = 0, *title = 0, *bold = 0;
	int got_level = 0, got_bold = 0;
	const struct style *s = find_style(ss, name);
	for (int depth = 0; s && depth < STYLE_DEPTH; depth++) {
		if (!got_level && s->level >= 0)
			*level = s->level, got_level = 1;
		if (!got_bold && s->bold >= 0)
			*bold = s->bold, got_bold = 1;
		*title |= s->title;
		s = find_style(ss, s->based);
	}
}

static void free_styles(struct styles *ss)
{
	for (size_t i = 0; i < ss->n; i++) {
		free(ss->v[i].name);
		free(ss->v[i].based);
	}
	free(ss->v);
}

/* ==== .docx ==== */

struct docx_level {
	enum numfmt fmt;
	char text[32]; /* "%1、" */
	int start;
};

struct docx_num {
	int id;
	struct docx_level lvl[LEVELS];
	int counter[LEVELS];
};

struct docx {
	struct styles styles;
	struct docx_num *nums;
	size_t nnums;
	struct mk mk;
};

static enum numfmt docx_fmt(const char *v)
{
	if (!v || strcmp(v, "decimal") == 0 || strcmp(v, "decimalZero") == 0)
		return NF_DECIMAL;
	if (strncmp(v, "chinese", 7) == 0 || strncmp(v, "ideograph", 9) == 0 ||
	    strncmp(v, "taiwanese", 9) == 0 || strncmp(v, "japanese", 8) == 0)
		return strstr(v, "Enclosed") ? NF_CIRCLED : NF_CHINESE;
	if (strncmp(v, "decimalEnclosed", 15) == 0)
		return NF_CIRCLED;
	if (strcmp(v, "lowerLetter") == 0)
		return NF_LOWER;
	if (strcmp(v, "upperLetter") == 0)
		return NF_UPPER;
	if (strcmp(v, "bullet") == 0)
		return NF_BULLET;
	if (strcmp(v, "none") == 0)
		return NF_NONE;
	return NF_DECIMAL;
}

static void docx_read_styles(struct docx *dx, const xmlNode *root)
{
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
		if (!is(c, "style"))
			continue;
		char *id = attr(c, "styleId");
		struct style *s = add_style(&dx->styles, id);
		xmlFree(id);
		if (!s)
			return;
		char *name = attr(child(c, "name"), "val");
		s->level = level_in_name(name);
		s->title = title_name(name);
		xmlFree(name);
		char *based = attr(child(c, "basedOn"), "val");
		s->based = based ? strdup(based) : NULL;
		xmlFree(based);
		const xmlNode *ol = child(child(c, "pPr"), "outlineLvl");
		if (ol) {
			int l = attr_int(ol, "val", 9);
			s->level = l < 9 ? l + 1 : 0;
		}
		s->bold = on_off(child(child(c, "rPr"), "b"));
	}
}

static void docx_read_numbering(struct docx *dx, const xmlNode *root)
{
	size_t nabs = 0;
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next)
		nabs += is(c, "abstractNum") || is(c, "num");
	dx->nums = calloc(nabs + 1, sizeof *dx->nums);
	if (!dx->nums)
		return;
	/* abstract definitions first (negative ids), then the nums that use them */
	size_t n = 0;
	for (const xmlNode *c = root->children; c; c = c->next) {
		if (!is(c, "abstractNum"))
			continue;
		struct docx_num *a = &dx->nums[n++];
		a->id = -1 - attr_int(c, "abstractNumId", 0);
		for (const xmlNode *l = c->children; l; l = l->next) {
			if (!is(l, "lvl"))
				continue;
			int i = attr_int(l, "ilvl", 0);
			if (i < 0 || i >= LEVELS)
				continue;
			char *f = attr(child(l, "numFmt"), "val");
			char *t = attr(child(l, "lvlText"), "val");
			a->lvl[i].fmt = docx_fmt(f);
			snprintf(a->lvl[i].text, sizeof a->lvl[i].text, "%s", t ? t : "");
			a->lvl[i].start = attr_int(child(l, "start"), "val", 1);
			xmlFree(f);
			xmlFree(t);
		}
	}
	size_t nabstract = n;
	for (const xmlNode *c = root->children; c; c = c->next) {
		if (!is(c, "num"))
			continue;
		int abs_id = attr_int(child(c, "abstractNumId"), "val", 0);
		struct docx_num *u = &dx->nums[n];
		for (size_t k = 0; k < nabstract; k++)
			if (dx->nums[k].id == -1 - abs_id)
				memcpy(u->lvl, dx->nums[k].lvl, sizeof u->lvl);
		u->id = attr_int(c, "numId", 0);
		n++;
	}
	dx->nnums = n;
}

/* "一、", "（二）", "1.2": the label of the next item of list numId at ilvl */
static void docx_label(struct docx *dx, int num_id, int ilvl, char *out, size_t cap)
{
	out[0] = '\0';
	if (ilvl < 0 || ilvl >= LEVELS || num_id <= 0)
		return;
	struct docx_num *u = NULL;
	for (size_t i = 0; i < dx->nnums; i++)
		if (dx->nums[i].id == num_id)
			u = &dx->nums[i];
	if (!u)
		return;
	u->counter[ilvl] = u->counter[ilvl] ? u->counter[ilvl] + 1 : u->lvl[ilvl].start;
	for (int k = ilvl + 1; k < LEVELS; k++)
		u->counter[k] = 0;
	if (u->lvl[ilvl].fmt == NF_BULLET) {
		snprintf(out, cap, "- ");
		return;
	}
	size_t at = 0;
	for (const char *p = u->lvl[ilvl].text; *p; p++) {
		if (*p == '%' && p[1] >= '1' && p[1] <= '9') {
			int k = p[1] - '1';
			format_counter(out, cap, &at, u->lvl[k].fmt,
			               u->counter[k] ? u->counter[k] : u->lvl[k].start);
			p++;
		} else if (at + 1 < cap) {
			out[at++] = *p;
			out[at] = '\0';
		}
	}
}

static void docx_runs(struct docx *dx, const xmlNode *n, int para_bold)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "r")) {
			const xmlNode *rpr = child(c, "rPr");
			/* direct formatting, else the character style, else the paragraph's */
			int bold = on_off(child(rpr, "b"));
			if (bold < 0) {
				char *rs = attr(child(rpr, "rStyle"), "val");
				int level, title, sb = 0;
				if (rs)
					resolve(&dx->styles, rs, &level, &title, &sb);
				xmlFree(rs);
				bold = sb || para_bold;
			}
			for (const xmlNode *t = c->children; t; t = t->next) {
				if (is(t, "t")) {
					char *s = (char *)xmlNodeGetContent(t);
					if (s)
						mk_text(&dx->mk, s, bold);
					xmlFree(s);
				} else if (is(t, "tab") ||
				           (is(t, "br") && !attr_int(t, "type", 0))) {
					mk_text(&dx->mk, " ", bold);
				} else if (is(t, "noBreakHyphen")) {
					mk_text(&dx->mk, "-", bold);
				}
			}
		} else if (is(c, "hyperlink") || is(c, "ins") || is(c, "smartTag") ||
		           is(c, "fldSimple") || is(c, "customXml") || is(c, "sdtContent") ||
		           is(c, "sdt") || is(c, "moveTo")) {
			docx_runs(dx, c->children, para_bold);
		}
		/* del, moveFrom: removed text; drawings, footnote marks: not the report */
	}
}

static void docx_paragraph(struct docx *dx, const xmlNode *p)
{
	const xmlNode *ppr = child(p, "pPr");
	char *sname = attr(child(ppr, "pStyle"), "val");
	int level, title, bold;
	resolve(&dx->styles, sname ? sname : "Normal", &level, &title, &bold);
	xmlFree(sname);
	const xmlNode *ol = child(ppr, "outlineLvl");
	if (ol) {
		int l = attr_int(ol, "val", 9);
		level = l < 9 ? l + 1 : 0;
	}
	char label[64] = "";
	const xmlNode *numpr = child(ppr, "numPr");
	if (numpr)
		docx_label(dx, attr_int(child(numpr, "numId"), "val", 0),
		           attr_int(child(numpr, "ilvl"), "val", 0), label, sizeof label);
	mk_begin(&dx->mk, title ? 1 : level, label);
	docx_runs(dx, p->children, bold);
	mk_end(&dx->mk);
}

static void docx_blocks(struct docx *dx, const xmlNode *n, int depth)
{
	if (depth > 64)
		return;
	for (const xmlNode *c = n; c; c = c->next) {
		if (is(c, "p"))
			docx_paragraph(dx, c);
		else if (is(c, "tbl") || is(c, "tr") || is(c, "tc") || is(c, "sdt") ||
		         is(c, "sdtContent") || is(c, "customXml") || is(c, "ins"))
			docx_blocks(dx, c->children, depth + 1);
	}
}

static int docx_read(zip_t *z, struct mk *out, const char **reason)
{
	struct docx dx = {0};
	xmlDoc *doc = zip_xml(z, "word/document.xml");
	if (!doc) {
		*reason = "a .docx whose word/document.xml is missing or damaged";
		return -1;
	}
	xmlDoc *styles = zip_xml(z, "word/styles.xml");
	if (styles)
		docx_read_styles(&dx, xmlDocGetRootElement(styles));
	xmlDoc *numbering = zip_xml(z, "word/numbering.xml");
	if (numbering)
		docx_read_numbering(&dx, xmlDocGetRootElement(numbering));
	const xmlNode *body = child(xmlDocGetRootElement(doc), "body");
	docx_blocks(&dx, body ? body->children : NULL, 0);
	xmlFreeDoc(doc);
	xmlFreeDoc(styles);
	xmlFreeDoc(numbering);
	free(dx.nums);
	int failed = dx.styles.failed || dx.mk.failed;
	free_styles(&dx.styles);
	*out = dx.mk;
	if (failed)
		*reason = "out of memory";
	return failed ? -1 : 0;
}

/* ==== .odt ==== */

struct odt_level {
	enum numfmt fmt;
	char prefix[16], suffix[16];
	int start;
};

struct odt_list {
	char *name;
	struct odt_level lvl[LEVELS];
};

struct odt {
	struct styles styles; /* paragraph and text styles alike */
	struct odt_list *lists;
	size_t nlists, caplists;
	int counter[LEVELS];
	const struct odt_list *list; /* the list being walked */
	struct mk mk;
};

static enum numfmt odt_fmt(const char *v)
{
	if (!v || !*v)
		return NF_NONE;
	if (strcmp(v, "a") == 0)
		return NF_LOWER;
	if (strcmp(v, "A") == 0)
		return NF_UPPER;
	if (strncmp(v, "一", 3) == 0 || strncmp(v, "壹", 3) == 0)
		return NF_CHINESE;
	if (strncmp(v, "①", 3) == 0)
		return NF_CIRCLED;
	return NF_DECIMAL;
}

static void odt_read_list_style(struct odt *od, const xmlNode *ls)
{
	if (od->nlists == od->caplists) {
		size_t cap = od->caplists ? od->caplists * 2 : 16;
		struct odt_list *g = realloc(od->lists, cap * sizeof *g);
		if (!g) {
			od->styles.failed = 1;
			return;
		}
		od->lists = g;
		od->caplists = cap;
	}
	struct odt_list *l = &od->lists[od->nlists];
	memset(l, 0, sizeof *l);
	char *name = attr(ls, "name");
	l->name = strdup(name ? name : "");
	xmlFree(name);
	if (!l->name) {
		od->styles.failed = 1;
		return;
	}
	od->nlists++;
	for (const xmlNode *c = ls->children; c; c = c->next) {
		int bullet = is(c, "list-level-style-bullet");
		if (!bullet && !is(c, "list-level-style-number"))
			continue;
		int i = attr_int(c, "level", 1) - 1;
		if (i < 0 || i >= LEVELS)
			continue;
		char *f = attr(c, "num-format"), *pre = attr(c, "num-prefix"),
		     *suf = attr(c, "num-suffix");
		l->lvl[i].fmt = bullet ? NF_BULLET : odt_fmt(f);
		snprintf(l->lvl[i].prefix, sizeof l->lvl[i].prefix, "%s", pre ? pre : "");
		snprintf(l->lvl[i].suffix, sizeof l->lvl[i].suffix, "%s", suf ? suf : "");
		l->lvl[i].start = attr_int(c, "start-value", 1);
		xmlFree(f);
		xmlFree(pre);
		xmlFree(suf);
	}
}

/* office:styles, office:automatic-styles: the bold and the outline level of
 * each paragraph and text style, and the list styles */
static void odt_read_styles(struct odt *od, const xmlNode *n, int depth)
{
	for (const xmlNode *c = n; c && depth < 4; c = c->next) {
		if (is(c, "styles") || is(c, "automatic-styles") || is(c, "master-styles")) {
			odt_read_styles(od, c->children, depth + 1);
		} else if (is(c, "list-style")) {
			odt_read_list_style(od, c);
		} else if (is(c, "style")) {
			char *name = attr(c, "name");
			struct style *s = add_style(&od->styles, name);
			xmlFree(name);
			if (!s)
				return;
			char *parent = attr(c, "parent-style-name");
			s->based = parent ? strdup(parent) : NULL;
			xmlFree(parent);
			char *display = attr(c, "display-name");
			char *n2 = attr(c, "name");
			s->title = title_name(display) || title_name(n2);
			xmlFree(display);
			xmlFree(n2);
			char *ol = attr(c, "default-outline-level");
			if (ol)
				s->level = atoi(ol);
			xmlFree(ol);
			char *w = attr(child(c, "text-properties"), "font-weight");
			char *wa = attr(child(c, "text-properties"), "font-weight-asian");
			const char *weight = wa ? wa : w;
			if (weight)
				s->bold = strcmp(weight, "bold") == 0 || atoi(weight) >= 600;
			xmlFree(w);
			xmlFree(wa);
		}
	}
}

static int odt_bold(const struct odt *od, const xmlNode *n, int inherited)
{
	char *sn = attr(n, "style-name");
	if (!sn)
		return inherited;
	int level, title, bold = -1;
	const struct style *s = find_style(&od->styles, sn);
	/* only a style that says so changes the weight */
	int says = 0;
	for (int d = 0; s && d < STYLE_DEPTH; d++, s = find_style(&od->styles, s->based))
		if (s->bold >= 0) {
			says = 1;
			break;
		}
	if (says)
		resolve(&od->styles, sn, &level, &title, &bold);
	xmlFree(sn);
	return says ? bold : inherited;
}

static void odt_inline(struct odt *od, const xmlNode *n, int bold, int depth)
{
	for (const xmlNode *c = n; c && depth < 32; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				mk_text(&od->mk, (const char *)c->content, bold);
		} else if (is(c, "s")) {
			mk_text(&od->mk, " ", bold);
		} else if (is(c, "tab") || is(c, "line-break")) {
			mk_text(&od->mk, " ", bold);
		} else if (is(c, "span") || is(c, "a") || is(c, "meta") || is(c, "ruby") ||
		           is(c, "ruby-base")) {
			odt_inline(od, c->children, odt_bold(od, c, bold), depth + 1);
		}
		/* note, annotation, frames, bookmarks, change marks: not the text */
	}
}

static void odt_label(struct odt *od, int level, char *out, size_t cap)
{
	out[0] = '\0';
	if (!od->list || level < 0 || level >= LEVELS)
		return;
	const struct odt_level *l = &od->list->lvl[level];
	od->counter[level] = od->counter[level] ? od->counter[level] + 1 : l->start;
	for (int k = level + 1; k < LEVELS; k++)
		od->counter[k] = 0;
	if (l->fmt == NF_BULLET) {
		snprintf(out, cap, "- ");
		return;
	}
	if (l->fmt == NF_NONE)
		return;
	size_t at = (size_t)snprintf(out, cap, "%s", l->prefix);
	if (at >= cap)
		at = cap - 1;
	format_counter(out, cap, &at, l->fmt, od->counter[level]);
	snprintf(out + at, cap - at, "%s", l->suffix);
}

static void odt_paragraph(struct odt *od, const xmlNode *p, int list_level, int first_in_item)
{
	char *sn = attr(p, "style-name");
	int level, title, bold;
	resolve(&od->styles, sn, &level, &title, &bold);
	xmlFree(sn);
	if (is(p, "h"))
		level = attr_int(p, "outline-level", 1);
	char label[64] = "";
	if (first_in_item && list_level >= 0)
		odt_label(od, list_level, label, sizeof label);
	mk_begin(&od->mk, title ? 1 : level, label);
	odt_inline(od, p->children, bold > 0, 0);
	mk_end(&od->mk);
}

/* a list: each item's first paragraph gets the item's number; a list
 * inside an item is one level deeper */
static void odt_list(struct odt *od, const xmlNode *list, int level, int depth)
{
	const struct odt_list *outer = od->list;
	char *sn = attr(list, "style-name");
	if (sn)
		for (size_t i = 0; i < od->nlists; i++)
			if (strcmp(od->lists[i].name, sn) == 0)
				od->list = &od->lists[i];
	xmlFree(sn);
	for (const xmlNode *it = list->children; it && depth < 64; it = it->next) {
		if (!is(it, "list-item") && !is(it, "list-header"))
			continue;
		int first = is(it, "list-item");
		for (const xmlNode *b = it->children; b; b = b->next) {
			if (is(b, "p") || is(b, "h")) {
				odt_paragraph(od, b, level, first);
				first = 0;
			} else if (is(b, "list")) {
				odt_list(od, b, level + 1, depth + 1);
			}
		}
	}
	od->list = outer;
}

static void odt_blocks(struct odt *od, const xmlNode *n, int depth)
{
	if (depth > 64)
		return;
	for (const xmlNode *c = n; c; c = c->next) {
		if (is(c, "p") || is(c, "h"))
			odt_paragraph(od, c, -1, 0);
		else if (is(c, "list"))
			odt_list(od, c, 0, depth + 1);
		else if (is(c, "section") || is(c, "table") || is(c, "table-row") ||
		         is(c, "table-cell") || is(c, "table-rows") || is(c, "table-header-rows"))
			odt_blocks(od, c->children, depth + 1);
		/* table-of-content, tracked-changes, sequence-decls, frames: not the text */
	}
}

static int odt_read(zip_t *z, struct mk *out, const char **reason)
{
	struct odt od = {0};
	xmlDoc *doc = zip_xml(z, "content.xml");
	if (!doc) {
		*reason = "an .odt whose content.xml is missing or damaged";
		return -1;
	}
	xmlDoc *styles = zip_xml(z, "styles.xml");
	if (styles)
		odt_read_styles(&od, xmlDocGetRootElement(styles)->children, 0);
	const xmlNode *root = xmlDocGetRootElement(doc);
	odt_read_styles(&od, root->children, 0);
	const xmlNode *body = child(child(root, "body"), "text");
	if (body)
		odt_blocks(&od, body->children, 0);
	xmlFreeDoc(doc);
	xmlFreeDoc(styles);
	for (size_t i = 0; i < od.nlists; i++)
		free(od.lists[i].name);
	free(od.lists);
	int failed = od.styles.failed || od.mk.failed;
	free_styles(&od.styles);
	*out = od.mk;
	if (failed)
		*reason = "out of memory";
	return failed ? -1 : 0;
}

/* ==== the file ==== */

static zip_t *open_zip(const char *data, size_t len)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : NULL;
	if (!z && src)
		zip_source_free(src);
	zip_error_fini(&err);
	return z;
}

static const char *kind_of(zip_t *z)
{
	if (zip_name_locate(z, "word/document.xml", 0) >= 0)
		return "docx";
	size_t n;
	char *mime = zip_member(z, "mimetype", &n);
	const char *k = NULL;
	if (mime && strstr(mime, "opendocument.text") && zip_name_locate(z, "content.xml", 0) >= 0)
		k = "odt";
	free(mime);
	return k;
}

const char *office_kind(const char *data, size_t len)
{
	if (len < 4 || memcmp(data, "PK\x03\x04", 4) != 0)
		return NULL;
	zip_t *z = open_zip(data, len);
	if (!z)
		return NULL;
	const char *k = kind_of(z);
	zip_discard(z);
	return k;
}

int office_to_text(const char *data, size_t len, char **out, size_t *out_len, const char **reason)
{
	*out = NULL;
	zip_t *z = open_zip(data, len);
	if (!z) {
		*reason = "a damaged ZIP file";
		return -1;
	}
	const char *k = kind_of(z);
	struct mk mk = {0};
	int rc = -1;
	if (!k)
		*reason = "a ZIP archive: unpack it and ingest the files inside";
	else
		rc = strcmp(k, "docx") == 0 ? docx_read(z, &mk, reason) : odt_read(z, &mk, reason);
	zip_discard(z);
	if (rc == 0 && !mk.b.len) {
		*reason = strcmp(k, "docx") == 0 ? "a .docx with no text" : "an .odt with no text";
		rc = -1;
	}
	if (rc < 0) {
		pbuf_free(&mk.b);
		return -1;
	}
	*out = mk.b.s;
	*out_len = mk.b.len;
	return 0;
}
