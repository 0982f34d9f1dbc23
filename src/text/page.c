/* page.c — blocks of text → display lines at one width (see page.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text/page.h"
#include "text/text.h"

struct block {
	char *text; /* sanitized */
	size_t len;
	int64_t tag;
	size_t first_line;
};

struct page {
	int width;
	struct block *blocks;
	size_t nblocks, blocks_cap;
	struct page_line *lines;
	size_t nlines, lines_cap;
};

page *page_new(int width)
{
	page *p = calloc(1, sizeof *p);
	if (p)
		p->width = width < 1 ? 1 : width;
	return p;
}

void page_free(page *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nblocks; i++)
		free(p->blocks[i].text);
	free(p->blocks);
	free(p->lines);
	free(p);
}

int page_width(const page *p)
{
	return p->width;
}

static int push_line(page *p, struct page_line l)
{
	if (p->nlines == p->lines_cap) {
		size_t cap = p->lines_cap ? p->lines_cap * 2 : 256;
		struct page_line *n = realloc(p->lines, cap * sizeof *n);
		if (!n)
			return -1;
		p->lines = n;
		p->lines_cap = cap;
	}
	p->lines[p->nlines++] = l;
	return 0;
}

static struct block *push_block(page *p, const char *text, size_t len, int64_t tag)
{
	if (p->nblocks == p->blocks_cap) {
		size_t cap = p->blocks_cap ? p->blocks_cap * 2 : 64;
		struct block *n = realloc(p->blocks, cap * sizeof *n);
		if (!n)
			return NULL;
		p->blocks = n;
		p->blocks_cap = cap;
	}
	struct block *b = &p->blocks[p->nblocks];
	b->text = text_sanitize(text, len, 0, &b->len);
	if (!b->text)
		return NULL;
	b->tag = tag;
	b->first_line = p->nlines;
	p->nblocks++;
	return b;
}

static int add_block(page *p, enum page_line_kind kind, int level, const char *text, size_t len,
                     int64_t tag, int hang_markers)
{
	/* Blocks are separated by one blank line, as paragraphs are in a report. */
	if (p->nblocks > 0 &&
	    push_line(p, (struct page_line){.kind = PAGE_BLANK, .block = (int)p->nblocks - 1}) < 0)
		return -1;
	struct block *b = push_block(p, text, len, tag);
	if (!b)
		return -1;
	int block = (int)(b - p->blocks);
	b->first_line = p->nlines;
	int hang = hang_markers ? text_hang_indent(b->text, b->len) : 0;
	if (hang >= p->width / 2)
		hang = 0;
	text_line *wl = NULL;
	size_t n = text_wrap(b->text, b->len, p->width, hang, &wl);
	if (n == 0) {
		free(wl);
		return push_line(
		    p,
		    (struct page_line){
		        .kind = kind, .block = block, .level = level, .text = b->text, .len = 0});
	}
	for (size_t i = 0; i < n; i++) {
		struct page_line l = {.kind = kind,
		                      .block = block,
		                      .level = level,
		                      .text = b->text + wl[i].start,
		                      .len = wl[i].end - wl[i].start,
		                      .offset = wl[i].start,
		                      .indent = wl[i].indent,
		                      .width = wl[i].width};
		if (push_line(p, l) < 0) {
			free(wl);
			return -1;
		}
	}
	free(wl);
	return 0;
}

int page_add_heading(page *p, const char *text, int level, int64_t tag)
{
	return add_block(p, PAGE_HEADING, level < 1 ? 1 : level, text, strlen(text), tag, 0);
}

int page_add_paragraph(page *p, const char *kind, const char *text, size_t len, int64_t tag)
{
	/* list items (◆, ①) and numbered items (1. （一）) hang under their text
	 * whatever kind the parser gave them; a caption is a line, not a list */
	int hang = !kind || strcmp(kind, "caption") != 0;
	return add_block(p, PAGE_TEXT, 0, text, len, tag, hang);
}

int page_kind_is_heading(const char *kind)
{
	return kind && (strcmp(kind, "heading") == 0 || strcmp(kind, "section") == 0);
}

int page_add_block(page *p, const char *kind, const char *text, size_t len, int64_t tag)
{
	if (page_kind_is_heading(kind))
		return add_block(p, PAGE_HEADING, 1, text, len, tag, 0);
	return page_add_paragraph(p, kind, text, len, tag);
}

size_t page_nlines(const page *p)
{
	return p->nlines;
}

const struct page_line *page_line_at(const page *p, size_t i)
{
	return i < p->nlines ? &p->lines[i] : NULL;
}

int64_t page_block_tag(const page *p, int block)
{
	return block >= 0 && (size_t)block < p->nblocks ? p->blocks[block].tag : 0;
}

size_t page_find(const page *p, int block, size_t offset)
{
	if (block < 0 || (size_t)block >= p->nblocks)
		return 0;
	/* binary search: a paragraph of 5 MB is 15,000 lines, and the viewer
	 * asks for each of its marks */
	size_t lo = p->blocks[block].first_line, hi = p->nlines;
	if ((size_t)block + 1 < p->nblocks)
		hi = p->blocks[block + 1].first_line;
	while (hi > lo + 1 &&
	       (p->lines[hi - 1].block != block || p->lines[hi - 1].kind == PAGE_BLANK))
		hi--;
	/* the last line of [lo, hi) starting at or before offset */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->lines[mid].offset <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void page_offsets_init(struct page_offsets *o, const char *text, size_t len)
{
	*o = (struct page_offsets){.text = text, .len = len};
}

size_t page_offsets_at(struct page_offsets *o, size_t cp)
{
	if (cp < o->cp)
		page_offsets_init(o, o->text, o->len);
	while (o->cp < cp && o->byte < o->len) {
		uint32_t c;
		o->byte += utf8_decode(o->text + o->byte, o->len - o->byte, &c);
		o->out += text_sanitize_cp(c, &o->col, NULL);
		o->cp++;
	}
	return o->out;
}

size_t page_sanitized_offset(const char *orig, size_t orig_off)
{
	size_t n = 0;
	free(text_sanitize(orig, orig_off, 0, &n));
	return n;
}
