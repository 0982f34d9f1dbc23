/* search_int.h — the search state shared by search.c and results.c. */
#ifndef BAOGAO_BROWSER_SEARCH_INT_H
#define BAOGAO_BROWSER_SEARCH_INT_H

#include <stddef.h>
#include <stdint.h>

#include "browser/search.h"

#define CACHE_DOCS     32 /* a screenful of results from different documents */
#define SNIPPET_BEFORE 60
#define SNIPPET_AFTER  160

struct hit_extra {
	char *snippet;   /* raw text around the match */
	size_t match_cp; /* the match in the snippet, code points */
	size_t match_cps;
	char *section_heading; /* the hit's section, its own number and title */
};

struct hit_cache {
	int64_t doc;
	int loaded;
	unsigned age;
	struct hit_pos *hits;
	struct hit_extra *extra;
	size_t n;
};

struct doc_hits {
	int64_t doc;
	long count, first; /* first: global index of its first match */
	char *region, *title;
};

struct search {
	char *pattern, *term;
	int regex, icase;
	long total;   /* -1 before any search */
	long current; /* global 0-based, -1 none */
	struct doc_hits *docs;
	size_t ndocs;
	struct hit_cache cache[CACHE_DOCS];
	unsigned tick;
};

void search_reset(struct search *s);
struct hit_cache *search_cache_for(struct ui *u, int64_t doc);

#endif
