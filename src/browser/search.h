/* search.h — the browser's search over all documents: the prompt's
 * pattern, the total (model_search_count), n/N across sections and documents
 * and the results list.  Only the hits of the documents on screen are held in
 * memory (a few documents' worth), never the whole result set. */
#ifndef BAOGAO_BROWSER_SEARCH_H
#define BAOGAO_BROWSER_SEARCH_H

#include <stddef.h>
#include <stdint.h>

struct ui;
struct pane;

struct hit_pos {
	int64_t paragraph, section;
	size_t cp_start, cp_end;
};

struct search *search_new(void);
void search_free(struct search *s);
/* The pattern as typed ("" when none), whether it is a regex, and the total
 * count (-1 before any search). */
const char *search_pattern(const struct search *s);
int search_is_regex(const struct search *s);
long search_total(const struct search *s);
/* 1-based number of the current match over all documents, 0 none. */
long search_current(const struct search *s);
/* Runs a search typed at the prompt ("re:" prefix or regex != 0 for PCRE2)
 * and goes to the first match at or after the viewer's position. */
void search_start(struct ui *u, const char *input, int regex);
/* n (dir 1) / N (dir -1). */
void search_step(struct ui *u, int dir);
/* The hits of one document (cached); returns their number. */
size_t search_doc_hits(struct ui *u, int64_t doc, const struct hit_pos **out);
/* The current match, or NULL. */
const struct hit_pos *search_current_hit(struct ui *u);

/* Used by results.c: the document holding global match `index` (0-based),
 * the index of its first match and (at, unless NULL) its place in the
 * search's list of documents; -1 when out of range. */
int search_locate(struct ui *u, long index, int64_t *doc, long *first, size_t *at);
/* Moves the current match to global index (0-based) and shows it. */
void search_goto(struct ui *u, long index);

#endif
