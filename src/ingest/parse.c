/* parse.c — lines → units (logical lines) → page-break joins → sections and
 * paragraphs.
 *
 * A "unit" is one source line, or several when a line ends in a Markdown hard
 * break ("  ") or when a body line cut mid-sentence is continued after a page
 * break.  Each unit is then read for what it says: a numbered heading, a lead
 * sentence, a caption, body text …  Markup stays in the unit text until the
 * end because bold spans mark lead sentences, and a bold span can itself be
 * cut by a page break ("**瞄准方向精准发**" / "力。").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ingest/parse.h"
#include "ingest/parse_util.h"

#define GAP_START     (-1) /* blank lines before the first line do not separate anything */
#define GAP_END       1000 /* the end of the file separates like many blank lines */
#define SHORT_HEADING 40   /* code points: a heading without Markdown is no longer */

struct seg {
	size_t off; /* byte offset in the unit's marked-up text */
	int line;
	int counted; /* 1 when this piece was joined across a page break */
};

struct unit {
	struct pbuf text; /* markup kept, leading '#', "- " and indentation removed */
	struct seg *segs;
	size_t nsegs, segcap;
	int line, hashes, md_bullet, hard;
	int gap_before, gap_after;
	struct pu_feat f; /* read off the markup-free text */
};

struct section_rank {
	int id, rank;
};

struct parser {
	struct parse_doc *doc;
	struct unit *units;
	size_t nunits;
	size_t sec_cap, para_cap, gloss_cap, break_cap;
	int oom;
	/* tree state */
	struct section_rank stack[32];
	int depth;
	int in_glossary;
	int front; /* no body text and no section yet */
	int title_seen;
	int after_title; /* the previous unit was the title or a subtitle */
};

static void *grow(struct parser *p, void *base, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return base;
	size_t n = *cap ? *cap * 2 : 4;
	while (n < need)
		n *= 2;
	void *b = realloc(base, n * size);
	if (!b) {
		p->oom = 1;
		return NULL;
	}
	*cap = n;
	return b;
}

/* ---- splitting into units ---------------------------------------------- */

static int add_seg(struct parser *p, struct unit *u, int line, int counted)
{
	struct seg *s = grow(p, u->segs, &u->segcap, u->nsegs + 1, sizeof *s);
	if (!s)
		return -1;
	u->segs = s;
	s[u->nsegs++] = (struct seg){u->text.len, line, counted};
	return 0;
}

/* Append src[0..len) to u, separated by a space only where two Latin words or
 * numbers would otherwise run together. */
static int unit_append(struct parser *p, struct unit *u, const char *src, size_t len, int line,
                       int counted)
{
	while (u->text.len > 0 && u->text.s[u->text.len - 1] == ' ')
		u->text.len--;
	if (u->text.len > 0 && len > 0 && pu_is_alnum(u->text.s[u->text.len - 1]) &&
	    pu_is_alnum(src[0]) && pbuf_add(&u->text, " ", 1) < 0)
		p->oom = 1;
	if (add_seg(p, u, line, counted) < 0 || pbuf_add(&u->text, src, len) < 0) {
		p->oom = 1;
		return -1;
	}
	return 0;
}

/* Lines made only of markup or page furniture count as blank. */
static int blank_like(const char *s, size_t len)
{
	size_t n = 0;
	char rule = 0;
	int rule_ok = 1, dashes = 0, digits = 0, other = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = pu_decode(s + i, len - i, &cp);
		i += k;
		if (pu_is_space(cp))
			continue;
		n++;
		if (cp == '-' || cp == '*' || cp == '_') {
			if (rule && rule != (char)cp)
				rule_ok = 0;
			rule = (char)cp;
		} else {
			rule_ok = 0;
		}
		if (cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0x2012)
			dashes++;
		else if (cp >= '0' && cp <= '9')
			digits++;
		else
			other++;
	}
	if (n == 0)
		return 1;
	if (rule_ok && n >= 3) /* "---", "***": a Markdown rule */
		return 1;
	/* "— 12 —", "- 3 -": a page number between two pages */
	return other == 0 && digits >= 1 && digits <= 3 && dashes >= 2;
}

/* Strip indentation and line-level Markdown; returns the content start. */
static const char *line_markup(const char *s, size_t *len, int *hashes, int *bullet)
{
	const char *e = s + *len;
	*hashes = 0;
	*bullet = 0;
	s = pu_skip_space(s, e);
	if (s < e && *s == '>') /* blockquote */
		s = pu_skip_space(s + 1, e);
	int h = 0;
	while (s + h < e && s[h] == '#')
		h++;
	if (h >= 1 && h <= 6 && (s + h == e || s[h] == ' ' || (unsigned char)s[h] >= 0x80)) {
		*hashes = h;
		s = pu_skip_space(s + h, e);
		/* closing '#'s of an ATX heading */
		const char *t = e;
		while (t > s && (t[-1] == ' ' || t[-1] == '\t'))
			t--;
		while (t > s && t[-1] == '#')
			t--;
		if (t < e && (t == s || t[-1] == ' '))
			e = t;
	} else if (s + 1 < e && (*s == '-' || *s == '*' || *s == '+') && s[1] == ' ') {
		*bullet = 1;
		s = pu_skip_space(s + 2, e);
	}
	*len = (size_t)(e - s);
	return s;
}

/* "###", "- ", "****": markup with nothing in it */
static int only_markup(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != '*' && s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static int hard_break(const char *s, size_t len)
{
	return len >= 2 && s[len - 1] == ' ' && s[len - 2] == ' ';
}

static int split_units(struct parser *p, const char *text, size_t len)
{
	size_t cap = 0;
	int blanks = GAP_START, line = 0, open = 0; /* open: last unit ended in a hard break */
	const char *s = text, *end = text + len;
	while (s < end && !p->oom) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *le = nl ? nl : end;
		size_t n = (size_t)(le - s);
		line++;
		int hashes, bullet;
		size_t clen = n;
		const char *c = line_markup(s, &clen, &hashes, &bullet);
		if (blank_like(s, n) || only_markup(c, clen)) {
			if (blanks != GAP_START)
				blanks++;
			open = 0;
		} else {
			int hard = hard_break(c, clen);
			clen = (size_t)(pu_trim_end(c, c + clen) - c);
			struct unit *u;
			if (open && !hashes && !bullet) {
				u = &p->units[p->nunits - 1];
				u->hard = 1;
				unit_append(p, u, c, clen, line, 0);
			} else {
				struct unit *a = grow(p, p->units, &cap, p->nunits + 1, sizeof *a);
				if (!a)
					break;
				p->units = a;
				u = &a[p->nunits++];
				memset(u, 0, sizeof *u);
				u->line = line;
				u->hashes = hashes;
				u->md_bullet = bullet;
				u->gap_before = blanks == GAP_START ? GAP_START : blanks;
				if (p->nunits > 1)
					p->units[p->nunits - 2].gap_after = blanks;
				unit_append(p, u, c, clen, line, 0);
			}
			open = hard && !hashes;
			blanks = 0;
		}
		s = nl ? nl + 1 : end;
	}
	if (p->nunits > 0) {
		p->units[p->nunits - 1].gap_after = GAP_END;
		/* a block's surroundings belong to every unit in it */
		for (size_t i = 1; i < p->nunits; i++)
			if (p->units[i].gap_before == 0)
				p->units[i].gap_before = p->units[i - 1].gap_before;
		for (size_t i = p->nunits - 1; i-- > 0;)
			if (p->units[i].gap_after == 0)
				p->units[i].gap_after = p->units[i + 1].gap_after;
	}
	for (size_t i = 0; i < p->nunits && !p->oom; i++)
		if (pu_features(&p->units[i].f, p->units[i].text.s, p->units[i].text.len,
		                p->units[i].md_bullet) < 0)
			p->oom = 1;
	return p->oom ? -1 : 0;
}

/* ---- page breaks --------------------------------------------------------- */

/* Can `next` continue a sentence cut at the end of the previous unit?  Not
 * when it starts something of its own: a heading, a numbered item, a list
 * entry, a signature or a caption-like short line. */
static int continues(const struct unit *prev, const struct unit *next)
{
	const struct pu_feat *f = &next->f;
	if (next->hashes || f->num || f->bullet || f->circled || f->signature || f->gloss_title)
		return 0;
	if (f->sl && !f->final)
		return 0;
	/* two short lines, neither a finished sentence: stacked headings
	 * ("抓载体、延链条,产业升级进一步加快" / "抓文旅、扩消费,…") */
	if (next->gap_before > 0 && prev->f.cps <= SHORT_HEADING && f->cps <= SHORT_HEADING &&
	    !f->final)
		return 0;
	return 1;
}

static int joinable(const struct unit *u)
{
	return !u->hashes && u->f.body && !u->f.final && !u->f.signature && !u->f.standalone;
}

static int record_break(struct parser *p, const struct unit *a, const struct unit *b, int joined)
{
	struct parse_doc *d = p->doc;
	struct parse_break *br = grow(p, d->breaks, &p->break_cap, d->nbreaks + 1, sizeof *br);
	if (!br)
		return -1;
	d->breaks = br;
	br[d->nbreaks++] =
	    (struct parse_break){a->segs[a->nsegs - 1].line, b->line, b->gap_before, joined};
	return 0;
}

static void join_breaks(struct parser *p)
{
	size_t out = 0;
	for (size_t i = 0; i < p->nunits && !p->oom; i++) {
		struct unit *u = &p->units[i];
		if (out > 0) {
			struct unit *prev = &p->units[out - 1];
			if (joinable(prev)) {
				int ok = continues(prev, u);
				if (record_break(p, prev, u, ok) < 0)
					return;
				if (ok) {
					int counted = u->gap_before > 0;
					for (size_t k = 0; k < u->nsegs; k++) {
						size_t a = u->segs[k].off;
						size_t b = k + 1 < u->nsegs ? u->segs[k + 1].off
						                            : u->text.len;
						unit_append(p, prev, u->text.s + a, b - a,
						            u->segs[k].line,
						            k == 0 ? counted : u->segs[k].counted);
					}
					p->doc->joins += counted;
					prev->gap_after = u->gap_after;
					prev->hard |= u->hard;
					/* what the start said stays; the end is the new piece's.
					 * Not re-read from scratch: a hard-wrapped file joins
					 * thousands of lines into one unit. */
					prev->f.cps += u->f.cps;
					prev->f.final = u->f.final;
					prev->f.inner_stop = 1;
					prev->f.sl = prev->f.signature = prev->f.gloss_title = 0;
					prev->f.headline = prev->f.whole_bold = prev->f.standalone =
					    0;
					prev->f.body = 1;
					pbuf_free(&u->text);
					free(u->segs);
					continue;
				}
			}
		}
		if (out != i)
			p->units[out] = *u;
		out++;
	}
	p->nunits = out;
}

/* ---- sections and paragraphs ------------------------------------------- */

enum { RANK_TOP = 10, RANK_SUB = 20, RANK_ITEM = 30, RANK_LEADIN = 40, RANK_LEAD = 50 };

static int open_section(struct parser *p, const char *kind, int rank, const char *number,
                        size_t nlen, const char *title, size_t tlen, int line)
{
	struct parse_doc *d = p->doc;
	char *num = pu_strndup(number, nlen), *t = pu_title(title, tlen);
	if (!num || !t) {
		free(num);
		free(t);
		p->oom = 1;
		return -1;
	}
	if (!*num && !*t) { /* "### 。": nothing to show in a tree */
		free(num);
		free(t);
		return 0;
	}
	struct parse_section *s = grow(p, d->sections, &p->sec_cap, d->nsections + 1, sizeof *s);
	if (!s) {
		free(num);
		free(t);
		return -1;
	}
	d->sections = s;
	while (p->depth > 0 && p->stack[p->depth - 1].rank >= rank)
		p->depth--;
	struct parse_section *n = &s[d->nsections++];
	n->id = (int)d->nsections;
	n->parent = p->depth ? p->stack[p->depth - 1].id : 0;
	n->level = p->depth + 1;
	n->kind = kind;
	n->number = num;
	n->title = t;
	n->line = line;
	if (p->depth < (int)(sizeof p->stack / sizeof p->stack[0]))
		p->stack[p->depth++] = (struct section_rank){n->id, rank};
	p->front = 0;
	if (rank < RANK_SUB) /* a new part or heading ends the glossary */
		p->in_glossary = 0;
	return 0;
}

static int current_section(const struct parser *p)
{
	return p->depth ? p->stack[p->depth - 1].id : 0;
}

/* Emit marked-up text [a, b) of unit u as one paragraph. */
static int emit_para(struct parser *p, const struct unit *u, size_t a, size_t b, const char *kind)
{
	struct parse_doc *d = p->doc;
	struct parse_para *ps = grow(p, d->paras, &p->para_cap, d->nparas + 1, sizeof *ps);
	if (!ps)
		return -1;
	d->paras = ps;
	struct parse_para *n = &ps[d->nparas];
	memset(n, 0, sizeof *n);
	n->text = pu_strip_markup(u->text.s + a, b - a, &n->len);
	if (!n->text) {
		p->oom = 1;
		return -1;
	}
	n->ord = (int)d->nparas + 1;
	n->section = current_section(p);
	n->kind = kind;
	n->line = u->line;
	for (size_t k = 0; k < u->nsegs; k++) {
		if (u->segs[k].off <= a)
			n->line = u->segs[k].line;
		else if (u->segs[k].off < b)
			n->joins += u->segs[k].counted;
	}
	d->nparas++;
	return 0;
}

/* A heading on a line of its own opens its section and is also kept as a
 * paragraph of kind "section", so the text reads (and searches) as written:
 * `search 招商` finds "抓招商、上项目" as grep does. */
static int heading_line(struct parser *p, const struct unit *u, const char *kind, int rank,
                        const char *number, size_t nlen, const char *title, size_t tlen)
{
	size_t before = p->doc->nsections;
	if (open_section(p, kind, rank, number, nlen, title, tlen, u->line) < 0)
		return -1;
	if (p->doc->nsections == before)
		return 0;
	return emit_para(p, u, 0, u->text.len, "section");
}

static const char *number_kind(int num)
{
	switch (num) {
	case PU_PART:
		return "part";
	case PU_SUB:
		return "subsection";
	case PU_ITEM:
		return "item";
	default:
		return "lead";
	}
}

static int number_rank(int num)
{
	switch (num) {
	case PU_PART:
		return RANK_TOP;
	case PU_SUB:
		return RANK_SUB;
	case PU_ITEM:
		return RANK_ITEM;
	default:
		return RANK_LEADIN;
	}
}

static int unit_line_at(const struct unit *u, size_t off)
{
	int line = u->line;
	for (size_t k = 0; k < u->nsegs && u->segs[k].off <= off; k++)
		line = u->segs[k].line;
	return line;
}

/* Body text: the unit is one paragraph, split before every bold lead
 * sentence in it, each lead opening a section of its own.  skip_first: the
 * unit's opening bold span is its numbered heading, already opened. */
static int emit_body(struct parser *p, const struct unit *u, int skip_first)
{
	struct pu_lead leads[128];
	size_t n = pu_find_leads(u->text.s, u->text.len, leads, sizeof leads / sizeof leads[0]);
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		const struct pu_lead *l = &leads[i];
		if (l->at == 0 && skip_first)
			continue;
		if (l->at > start) {
			if (emit_para(p, u, start, l->at, "text") < 0)
				return -1;
			start = l->at;
		}
		const char *s = u->text.s;
		const char *kind = l->num ? number_kind(l->num) : "lead";
		int rank = l->num ? number_rank(l->num) : RANK_LEAD;
		size_t na = l->num ? l->num_at : 0, ne = l->num ? l->num_end : 0;
		if (open_section(p, kind, rank, s + na, ne - na, s + l->title_at,
		                 l->title_end - l->title_at, unit_line_at(u, l->at)) < 0)
			return -1;
	}
	p->front = 0;
	return emit_para(p, u, start, u->text.len, "text");
}

static int numbered(struct parser *p, const struct unit *u)
{
	const struct pu_feat *f = &u->f;
	size_t ta, te;
	pu_numbered_title(u->text.s, u->text.len, f, &ta, &te);
	if (u->hashes)
		te = u->text.len;
	if (f->standalone || u->hashes)
		return heading_line(p, u, number_kind(f->num), number_rank(f->num),
		                    u->text.s + f->num_at, f->num_end - f->num_at, u->text.s + ta,
		                    te - ta);
	if (open_section(p, number_kind(f->num), number_rank(f->num), u->text.s + f->num_at,
	                 f->num_end - f->num_at, u->text.s + ta, te - ta, u->line) < 0)
		return -1;
	return emit_body(p, u, 1);
}

/* "4. “煤八条”：一是…" → term "“煤八条”", definition "一是…". */
static int glossary_entry(struct parser *p, const struct unit *u)
{
	struct parse_doc *d = p->doc;
	if (emit_para(p, u, 0, u->text.len, "item") < 0)
		return -1;
	const struct parse_para *para = &d->paras[d->nparas - 1];
	const char *t = para->text, *e = t + para->len;
	size_t at, end;
	if (pu_number(t, para->len, &at, &end) != PU_ITEM)
		return 0;
	int number = atoi(t + at);
	const char *body = pu_skip_space(t + end, e), *colon = NULL;
	for (const char *q = body; q < e && !colon;) {
		uint32_t cp;
		size_t k = pu_decode(q, (size_t)(e - q), &cp);
		if (cp == 0xFF1A || cp == ':')
			colon = q;
		else
			q += k;
	}
	const char *te = colon ? colon : e;
	const char *def = colon ? colon + (*colon == ':' ? 1 : 3) : e;
	def = pu_skip_space(def, e);
	struct parse_gloss *g = grow(p, d->gloss, &p->gloss_cap, d->ngloss + 1, sizeof *g);
	if (!g)
		return -1;
	d->gloss = g;
	g = &g[d->ngloss];
	g->term = pu_strndup(body, (size_t)(pu_trim_end(body, te) - body));
	g->definition = pu_strndup(def, (size_t)(e - def));
	g->number = number;
	g->section = para->section;
	g->para = para->ord;
	if (!g->term || !g->definition) {
		free(g->term);
		free(g->definition);
		p->oom = 1;
		return -1;
	}
	d->ngloss++;
	return 0;
}

static int starts_with_dash(const struct unit *u)
{
	const char *s = u->text.s;
	size_t i = 0;
	while (i + 1 < u->text.len && s[i] == '*' && s[i + 1] == '*')
		i += 2;
	return u->text.len - i >= 3 && memcmp(s + i, "—", 3) == 0;
}

/* Words that make a masthead-like line the document's title when there is
 * no Markdown title: "政府工作报告", "…统计公报", "…解读". */
static int title_words(const struct unit *u)
{
	char *plain = pu_strip_markup(u->text.s, u->text.len, NULL);
	char *t = plain ? parse_unspace(plain) : NULL;
	int hit = t && (strstr(t, "工作报告") || strstr(t, "公报") || strstr(t, "解读"));
	free(plain);
	free(t);
	return hit;
}

/* The masthead of a newspaper page ("聚焦 / 2026 / 长治两会 / 两会特刊"):
 * the short lines the file opens with, up to the first wide gap after two
 * of them or the first line that is something else. */
static size_t masthead_end(const struct parser *p)
{
	size_t i;
	for (i = 0; i < p->nunits; i++) {
		const struct unit *u = &p->units[i];
		if (u->hashes || !u->f.sl || u->f.signature || u->f.num || u->f.bullet ||
		    u->f.circled || u->f.headline || title_words(u))
			break;
		if (i >= 1 && u->gap_after >= 2)
			return i + 1;
	}
	return i;
}

static int title_para(struct parser *p, const struct unit *u)
{
	p->title_seen = 1;
	p->after_title = 1;
	return emit_para(p, u, 0, u->text.len, "heading");
}

/* Running text (a body paragraph or a list) follows u directly. */
static int text_follows(const struct parser *p, size_t i)
{
	const struct unit *u = &p->units[i];
	const struct unit *next = i + 1 < p->nunits ? &p->units[i + 1] : NULL;
	return next && u->gap_after <= 1 && (next->f.body || next->f.bullet) && !next->hashes &&
	       !next->f.signature && !next->f.num;
}

/* A short line that is not the masthead: the title when it reads like one
 * and none was seen; a caption when set apart by wide gaps, when a stat box
 * broken over lines, or among the photos above the text; else a heading
 * when running text follows it. */
static int short_line(struct parser *p, size_t i)
{
	const struct unit *u = &p->units[i];
	int apart = u->gap_before >= 2 && u->gap_after >= 2;
	if (p->front) {
		if (!p->title_seen && (u->f.headline || title_words(u)))
			return title_para(p, u);
		/* under the title, before any text: a heading when a list or text
		 * follows it at once, else a caption among the page's photos */
		if (!p->title_seen || apart || u->hard || !text_follows(p, i))
			return emit_para(p, u, 0, u->text.len, "caption");
	}
	if (!apart && !u->hard && text_follows(p, i))
		return heading_line(p, u, "heading", RANK_TOP + 1, "", 0, u->text.s, u->text.len);
	return emit_para(p, u, 0, u->text.len, "caption");
}

static int classify(struct parser *p, size_t i, size_t mast_end)
{
	const struct unit *u = &p->units[i];
	const struct pu_feat *f = &u->f;
	int after_title = p->after_title;
	p->after_title = 0;
	/* a lead-in governs its own paragraph only */
	while (p->depth > 0 && p->stack[p->depth - 1].rank >= RANK_LEADIN)
		p->depth--;
	if (f->gloss_title && (u->hashes || f->sl)) {
		if (heading_line(p, u, "glossary", RANK_TOP, "", 0, u->text.s, u->text.len) < 0)
			return -1;
		p->in_glossary = 1;
		return 0;
	}
	if (p->in_glossary && f->num == PU_ITEM)
		return glossary_entry(p, u);
	if (u->hashes) {
		if (f->num)
			return numbered(p, u);
		if (p->front && !p->title_seen)
			return title_para(p, u);
		if (after_title && starts_with_dash(u)) {
			p->after_title = 1;
			return emit_para(p, u, 0, u->text.len,
			                 f->signature ? "signature" : "heading");
		}
		return heading_line(p, u, "heading", RANK_TOP + u->hashes, "", 0, u->text.s,
		                    u->text.len);
	}
	if (f->num && (f->num != PU_PART || f->standalone))
		return numbered(p, u);
	if (after_title && starts_with_dash(u)) {
		p->after_title = 1;
		return emit_para(p, u, 0, u->text.len, f->signature ? "signature" : "heading");
	}
	if (f->signature)
		return emit_para(p, u, 0, u->text.len, "signature");
	if (i < mast_end)
		return emit_para(p, u, 0, u->text.len, "masthead");
	if (f->bullet)
		return emit_para(p, u, 0, u->text.len, "bullet");
	if (f->sl)
		return short_line(p, i);
	if (f->circled)
		return emit_para(p, u, 0, u->text.len, "item");
	/* "抓招商、上项目,发展基础进一步夯实" over its list, without Markdown:
	 * short, not a sentence, text under it */
	if (!p->front && !f->final && !f->inner_stop && !u->hard && f->cps <= SHORT_HEADING &&
	    text_follows(p, i))
		return heading_line(p, u, "heading", RANK_TOP + 1, "", 0, u->text.s, u->text.len);
	return emit_body(p, u, 0);
}

static void free_units(struct parser *p)
{
	for (size_t i = 0; i < p->nunits; i++) {
		pbuf_free(&p->units[i].text);
		free(p->units[i].segs);
	}
	free(p->units);
	p->units = NULL;
	p->nunits = 0;
}

/* Units hold a copy of the text: `owned` (the text, or NULL) is freed once
 * they are made, and each unit's text once it is classified (classify reads
 * the features of the next unit, never its text), so a big report is not
 * in memory three times over. */
static int parse(const char *text, size_t len, char *owned, struct parse_doc *doc)
{
	struct parser p = {.doc = doc, .front = 1};
	memset(doc, 0, sizeof *doc);
	if (split_units(&p, text, len) == 0)
		join_breaks(&p);
	free(owned);
	size_t mast_end = p.oom ? 0 : masthead_end(&p);
	for (size_t i = 0; i < p.nunits && !p.oom; i++) {
		if (classify(&p, i, mast_end) < 0)
			p.oom = 1;
		pbuf_free(&p.units[i].text);
		free(p.units[i].segs);
		p.units[i].segs = NULL;
	}
	free_units(&p);
	if (p.oom) {
		parse_free(doc);
		return -1;
	}
	return 0;
}

int parse_text(const char *text, size_t len, struct parse_doc *doc)
{
	return parse(text, len, NULL, doc);
}

int parse_text_owned(char *text, size_t len, struct parse_doc *doc)
{
	return parse(text, len, text, doc);
}

void parse_free(struct parse_doc *doc)
{
	for (size_t i = 0; i < doc->nsections; i++) {
		free(doc->sections[i].number);
		free(doc->sections[i].title);
	}
	for (size_t i = 0; i < doc->nparas; i++)
		free(doc->paras[i].text);
	for (size_t i = 0; i < doc->ngloss; i++) {
		free(doc->gloss[i].term);
		free(doc->gloss[i].definition);
	}
	free(doc->sections);
	free(doc->paras);
	free(doc->gloss);
	free(doc->breaks);
	memset(doc, 0, sizeof *doc);
}
