/* html.c — the article body of a web page as marked-up text (see html.h). */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "ingest/decode.h"
#include "ingest/html.h"
#include "ingest/parse_util.h"

static int starts_ci(const char *s, const char *end, const char *word)
{
	size_t n = strlen(word);
	return (size_t)(end - s) >= n && strncasecmp(s, word, n) == 0;
}

int html_looks_like(const char *data, size_t len)
{
	const char *s = data, *e = data + (len < 4096 ? len : 4096);
	if (e - s >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	while (s < e && isspace((unsigned char)*s))
		s++;
	if (s >= e || *s != '<')
		return 0;
	for (const char *p = s; p < e; p++)
		if (*p == '<' && (starts_ci(p, e, "<!doctype html") || starts_ci(p, e, "<html") ||
		                  starts_ci(p, e, "<head") || starts_ci(p, e, "<body") ||
		                  starts_ci(p, e, "<meta")))
			return 1;
	return 0;
}

/* the charset a page declares ("gb2312", "utf-8"), as an iconv name */
static const char *page_charset(const char *data, size_t len)
{
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		return "UTF-8";
	size_t n = len < 8192 ? len : 8192;
	for (size_t i = 0; i + 8 < n; i++) {
		if (strncasecmp(data + i, "charset", 7) != 0)
			continue;
		size_t k = i + 7;
		while (k < n &&
		       (data[k] == ' ' || data[k] == '=' || data[k] == '"' || data[k] == '\''))
			k++;
		char name[32];
		size_t m = 0;
		while (k < n && m + 1 < sizeof name &&
		       (isalnum((unsigned char)data[k]) || data[k] == '-' || data[k] == '_'))
			name[m++] = (char)tolower((unsigned char)data[k++]);
		name[m] = '\0';
		if (!m)
			continue;
		/* GB2312 and GBK pages hold characters outside the set they name */
		if (strstr(name, "gb") || strcmp(name, "cp936") == 0)
			return "GB18030";
		if (strstr(name, "big5"))
			return "BIG5-HKSCS";
		if (strstr(name, "utf-8") || strcmp(name, "utf8") == 0)
			return "UTF-8";
	}
	return decode_utf8_valid(data, len) == len ? "UTF-8" : "GB18030";
}

/* ---- the DOM ---- */

static int named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name &&
	       strcasecmp((const char *)n->name, name) == 0;
}

static int named_any(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (named(n, *names))
			return 1;
	return 0;
}

/* never text of the report */
static const char *const dropped[] = {
    "script", "style",  "noscript", "iframe", "nav", "form",  "select",   "button", "head",
    "aside",  "header", "footer",   "object", "svg", "input", "textarea", NULL};
static const char *const blocks[] = {
    "p",  "div",     "h1",      "h2", "h3",    "h4",    "h5",     "h6",         "li",
    "tr", "section", "article", "ul", "ol",    "table", "center", "blockquote", "dd",
    "dt", "pre",     "caption", "dl", "tbody", "td",    NULL};

/* text length under n (bytes), and how much of it is inside links */
static void text_size(const xmlNode *n, size_t *all, size_t *linked, int in_link)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			size_t k = strlen((const char *)c->content);
			*all += k;
			if (in_link)
				*linked += k;
		} else if (c->type == XML_ELEMENT_NODE && !named_any(c, dropped)) {
			text_size(c, all, linked, in_link || named(c, "a"));
		}
	}
}

/* Does n hold other blocks (is it a container, not a paragraph)? */
static int holds_blocks(const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c && depth < 16; c = c->next)
		if (c->type == XML_ELEMENT_NODE && !named_any(c, dropped) &&
		    (named_any(c, blocks) || holds_blocks(c, depth + 1)))
			return 1;
	return 0;
}

/* How much running text n holds itself: its text and the paragraphs
 * directly under it (not those of the containers under it), links not
 * counted.  The article body is where this is greatest: its parents hold
 * it in a container, the navigation in links. */
static size_t body_score(const xmlNode *n)
{
	size_t score = 0;
	for (const xmlNode *c = n->children; c; c = c->next) {
		size_t all = 0, linked = 0;
		if (c->type == XML_TEXT_NODE && c->content)
			all = strlen((const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE && !named_any(c, dropped) && !named(c, "a") &&
		         !named(c, "ul") && !named(c, "ol") && !holds_blocks(c, 0))
			text_size(c, &all, &linked, 0);
		if (all > linked && all - linked >= 30 && linked * 3 < all)
			score += all - linked;
	}
	return score;
}

static const xmlNode *best_body(const xmlNode *n, size_t *best_score, const xmlNode *best)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || named_any(c, dropped))
			continue;
		size_t s = body_score(c);
		if (s > *best_score) {
			*best_score = s;
			best = c;
		}
		best = best_body(c->children, best_score, best);
	}
	return best;
}

static const xmlNode *first_named(const xmlNode *n, const char *name, const xmlNode *skip)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c == skip ||
		    (c->type == XML_ELEMENT_NODE && named_any(c, dropped) && !named(c, "head")))
			continue;
		if (named(c, name))
			return c;
		const xmlNode *f = first_named(c->children, name, skip);
		if (f)
			return f;
	}
	return NULL;
}

/* ---- writing ---- */

struct out {
	struct pbuf b;
	size_t line; /* where the current paragraph starts */
	int failed;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (!o->failed && pbuf_add(&o->b, s, n) < 0)
		o->failed = 1;
}

/* text with runs of white space folded; no-break spaces read as spaces */
static void put_text(struct out *o, const char *s)
{
	for (const char *p = s; *p;) {
		if (isspace((unsigned char)*p)) {
			int newline = 0;
			while (isspace((unsigned char)*p))
				newline |= *p++ == '\n';
			/* a line break in the source between two Han characters is no space */
			if (o->b.len > o->line && o->b.s[o->b.len - 1] != ' ' && *p &&
			    !(newline && (unsigned char)*p >= 0xE0 &&
			      (unsigned char)o->b.s[o->b.len - 1] >= 0x80))
				put(o, " ", 1);
			continue;
		}
		if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) {
			put(o, " ", 1);
			p += 2;
			continue;
		}
		const char *q = p;
		while (*q && !isspace((unsigned char)*q) &&
		       !((unsigned char)q[0] == 0xC2 && (unsigned char)q[1] == 0xA0))
			q++;
		put(o, p, (size_t)(q - p));
		p = q;
	}
}

static void end_paragraph(struct out *o)
{
	while (o->b.len > o->line && o->b.s[o->b.len - 1] == ' ')
		o->b.s[--o->b.len] = '\0';
	if (o->b.len > o->line)
		put(o, "\n\n", 2);
	o->line = o->b.len;
}

static void emit(struct out *o, const xmlNode *n)
{
	for (const xmlNode *c = n; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				put_text(o, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || named_any(c, dropped))
			continue;
		if (named(c, "br")) {
			end_paragraph(o);
			continue;
		}
		int block = named_any(c, blocks);
		if (block)
			end_paragraph(o);
		if (named(c, "h1") || named(c, "h2") || named(c, "h3"))
			put(o, "# ", 2);
		int bold = named(c, "strong") || named(c, "b");
		size_t open = o->b.len;
		if (bold)
			put(o, "**", 2);
		emit(o, c->children);
		if (bold && !o->failed) {
			if (o->b.len == open + 2) { /* "**" around nothing says nothing */
				o->b.len = open;
				o->b.s[o->b.len] = '\0';
			} else {
				put(o, "**", 2);
			}
		}
		if (block)
			end_paragraph(o);
	}
}

/* "2026年潞州区政府工作报告_政府工作报告_长治市潞州区人民政府": the part
 * before the site's name */
static void put_title(struct out *o, const char *t)
{
	size_t n = strlen(t);
	static const char *const cuts[] = {"_", " - ", " | ", "|", "--", "——", NULL};
	for (const char *const *c = cuts; *c; c++) {
		const char *p = strstr(t, *c);
		if (p && p > t && (size_t)(p - t) < n)
			n = (size_t)(p - t);
	}
	char *copy = strndup(t, n);
	if (!copy)
		return;
	put(o, "# ", 2);
	put_text(o, copy);
	end_paragraph(o);
	free(copy);
}

int html_to_text(const char *data, size_t len, char **out, size_t *out_len, const char **encoding,
                 const char **reason)
{
	*out = NULL;
	const char *cs = page_charset(data, len);
	*encoding = strcmp(cs, "UTF-8") == 0     ? "HTML UTF-8"
	            : strcmp(cs, "GB18030") == 0 ? "HTML GB18030"
	                                         : "HTML Big5";
	if (len > 0x7FFFFFFF) {
		*reason = "web page too large";
		return -1;
	}
	htmlDocPtr doc = htmlReadMemory(data, (int)len, NULL, cs,
	                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	                                    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (!doc) {
		*reason = "web page that cannot be parsed";
		return -1;
	}
	const xmlNode *root = xmlDocGetRootElement(doc);
	size_t score = 0;
	const xmlNode *body = root ? best_body(root, &score, NULL) : NULL;
	struct out o = {0};
	if (body) {
		/* the page's heading, where the body does not carry it */
		const xmlNode *h1 = first_named(body->children, "h1", NULL);
		const xmlNode *page_h1 = h1 ? NULL : first_named(root, "h1", body);
		const xmlNode *title = first_named(root, "title", NULL);
		if (page_h1) {
			char *t = (char *)xmlNodeGetContent(page_h1);
			if (t && *t)
				put_title(&o, t);
			xmlFree(t);
		} else if (!h1 && title) {
			char *t = (char *)xmlNodeGetContent(title);
			if (t && *t)
				put_title(&o, t);
			xmlFree(t);
		}
		emit(&o, body->children);
		end_paragraph(&o);
	}
	xmlFreeDoc(doc);
	if (o.failed) {
		pbuf_free(&o.b);
		*reason = "out of memory";
		return -1;
	}
	if (!o.b.len) {
		pbuf_free(&o.b);
		*reason = "web page with no article text";
		return -1;
	}
	*out = o.b.s;
	*out_len = o.b.len;
	return 0;
}
