/* page.h — paragraphs laid out as display lines for a given width.
 *
 * The viewer pane and `baogao show` both lay a document out through this, so
 * what a script prints with `show --width N` is exactly what the viewer shows
 * in an N-column pane.  Pure: no curses, no database.
 */
#ifndef BAOGAO_PAGE_H
#define BAOGAO_PAGE_H

#include <stddef.h>
#include <stdint.h>

enum page_line_kind { PAGE_HEADING, PAGE_TEXT, PAGE_BLANK };

struct page_line {
	enum page_line_kind kind;
	int block;        /* index of the block (heading or paragraph) it belongs to */
	int level;        /* heading level (1..), 0 for text */
	const char *text; /* sanitized UTF-8, not NUL-terminated: [text, text+len) */
	size_t len;
	size_t offset; /* byte offset of text within its block's sanitized text */
	int indent;    /* spaces before text */
	int width;     /* display width of text (indent excluded) */
};

typedef struct page page;

page *page_new(int width);
void page_free(page *p);
int page_width(const page *p);
/* A heading (section number + title); a blank line separates blocks. */
int page_add_heading(page *p, const char *text, int level, int64_t tag);
/* A paragraph of the given kind ("text", "bullet", "caption", …, see
 * sink.h); list and numbered items hang under their text. */
int page_add_paragraph(page *p, const char *kind, const char *text, size_t len, int64_t tag);
/* One stored paragraph, whatever its kind: headings (kinds "heading" and
 * "section", see sink.h) become heading blocks, the rest paragraphs.  The
 * viewer and `baogao show` both add text through this, so they agree on
 * which lines are headings. */
int page_add_block(page *p, const char *kind, const char *text, size_t len, int64_t tag);
int page_kind_is_heading(const char *kind);
size_t page_nlines(const page *p);
const struct page_line *page_line_at(const page *p, size_t i);
/* The tag given when the block was added (paragraph or section id). */
int64_t page_block_tag(const page *p, int block);
/* First line of a block, or of the line holding sanitized byte `offset` of it. */
size_t page_find(const page *p, int block, size_t offset);
/* Byte offset in the sanitized text of an offset in the original text. */
size_t page_sanitized_offset(const char *orig, size_t orig_off);
/* The same for many code point offsets of one text in one pass: each
 * page_offsets_at goes on from the last (back to the start only for an
 * earlier one).  The viewer's 87,000 marks in a paragraph of 5 MB were each
 * converted from the start. */
struct page_offsets {
	const char *text;
	size_t len, cp, byte, out;
	int col;
};
void page_offsets_init(struct page_offsets *o, const char *text, size_t len);
/* Sanitized byte offset of code point cp. */
size_t page_offsets_at(struct page_offsets *o, size_t cp);

#endif
