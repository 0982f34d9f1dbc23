/* extract.h — quantitative statements (indicators) out of a parsed document.
 *
 * Called by the parser once per document, after every paragraph is known, so
 * that year and kind can come from the context (the section a sentence is in,
 * the years the document reviews and plans).  Emits sink->indicator calls.
 */
#ifndef BAOGAO_EXTRACT_H
#define BAOGAO_EXTRACT_H

#include <stddef.h>

#include "model/sink.h"

struct extract_para {
	int ord, section;
	const char *kind; /* paragraph kind, see sink.h */
	const char *text;
	size_t len;
};

struct extract_section {
	int id, parent;
	const char *kind, *number, *title;
};

struct extract_doc {
	const char *region, *kind;
	int review_year, plan_year;
	const struct extract_section *sections; /* index i holds section id i+1 */
	size_t nsections;
	const struct extract_para *paras;
	size_t nparas;
	/* the year of the day it was delivered, 0 unknown: what 今年 means
	 * (a report of December 2025 reviews 今年, 2025) */
	int delivered_year;
};

/* Returns the number of indicators emitted, or -1 if the sink failed. */
int extract_indicators(const struct extract_doc *doc, const struct doc_sink *sink);

/* Load the canonical names and synonyms (data/indicators.tsv).  Called lazily
 * by extract_indicators with the default path; explicit for tests. */
int extract_load_names(const char *path);

#endif
