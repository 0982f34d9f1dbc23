/* pattern.h — what a search pattern matches and how to narrow the paragraphs
 * it could match (src/model/ only). */
#ifndef BAOGAO_PATTERN_H
#define BAOGAO_PATTERN_H

#include <stddef.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "model/db.h"

/* How the paragraphs worth matching are found:
 *   PRE_FTS    the FTS5 trigram index (a literal of three or more characters
 *              that every match contains);
 *   PRE_INSTR  memmem() on the stored text (a shorter literal of characters
 *              folding never touches, so stored and folded text agree);
 *   PRE_NONE   every paragraph of the filter.
 * A prefilter only narrows: every candidate is matched in C. */
enum prefilter { PRE_NONE, PRE_FTS, PRE_INSTR };

/* What a regular expression's "too complex" message says (pattern.c): a
 * repeated group holding a repetition ((a+)+, (.*a){20}), a repeated choice
 * of alternatives ((a|aa)+), or neither. */
enum pattern_shape { SHAPE_LINEAR, SHAPE_NESTED, SHAPE_ALTERNATIVES };
enum pattern_shape pattern_shape(const char *p, size_t len);

struct matcher {
	int regex;
	int icase;
	char *needle; /* folded literal */
	/* a regex's literal runs that every match holds ("增长.*美元": 增长 and
	 * 美元), each NUL-terminated one after another, "" ending them: a text
	 * without one of them is passed over without PCRE2 */
	char *required;
	size_t nlen;
	pcre2_code *re;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit_stack;
	int raw; /* a literal folding cannot touch: match the stored text as is */
	enum prefilter pre;
	char *pre_arg; /* FTS5 query or PRE_INSTR's literal */
	/* PRE_FTS whose index matches are exactly the C loop's: counting needs
	 * no text (see index_counts_literal) */
	int index_counts;
	int nothing; /* the index knows the literal occurs nowhere */
	/* the search's budget (struct search_query.timeout) and cancel hook */
	double deadline; /* CLOCK_MONOTONIC seconds, 0 none */
	int (*cancelled)(void *ctx);
	void *cancel_ctx;
	double next_ask; /* when cancelled() is asked next */
	size_t chunk;    /* start offsets a pcre2_match() call may try (adapted) */
	char *source;    /* the folded pattern */
	size_t source_len;
	pcre2_code *re_slow; /* with a callout at each item (slow_pattern) */
	int tried_slow;
	unsigned items;
	int stopped; /* the budget ran out or cancelled() said so */
};
/* Has the budget run out or the user cancelled?  Cheap enough to ask per
 * paragraph and per 1 KiB of one. */
int matcher_expired(struct matcher *mt);

/* Compiles q's pattern (folded like the text).  -1 with the model's error set
 * for an empty or invalid pattern. */
int matcher_init(model *m, struct matcher *mt, const struct search_query *q);
void matcher_free(struct matcher *mt);
/* Whether the text must go through text_fold before matcher_next, and with
 * icase or not. */
int matcher_needs_fold(const struct matcher *mt);
int matcher_fold_icase(const struct matcher *mt);
/* Next match in folded[from..flen): 1 with bytes [*s, *e) (never empty), 0
 * when there is none, -1 with the model's error set (regex limits), -2 when
 * the search's budget ran out or it was cancelled (matcher_expired). */
int matcher_next(model *m, struct matcher *mt, const char *folded, size_t flen, size_t from,
                 size_t *s, size_t *e);

/* The prefilter and its FTS5 query or literal (owned by the matcher). */
enum prefilter matcher_prefilter(const struct matcher *mt, const char **arg);

#endif
