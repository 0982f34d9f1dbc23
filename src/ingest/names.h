/* names.h — the indicator names of data/indicators.tsv, found in text.
 *
 * Longest name wins ("城镇常住居民人均可支配收入" before "人均可支配收入").
 * A name is not a mention where the words around it make it part of
 * another measure: 人均地区生产总值, 单位地区生产总值能耗 (when that is no
 * name of its own), 占地区生产总值比重.  Two names that share a tail are
 * read from one mention: "城镇、农村居民人均可支配收入", "城乡居民收入 …
 * 分别" (extract.c decides, from the figures, whether the pair applies).
 * Internal to src/ingest. */
#ifndef BAOGAO_NAMES_H
#define BAOGAO_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "ingest/figures.h"

struct ind_name {
	uint32_t cp[32]; /* folded */
	size_t n;
	char *canonical, *written;
	int rate; /* the canonical name is a rate (失业率), or the written one a
	           * change (居民消费价格涨幅): a percentage after it is its figure */
	int old;  /* written "~名称" in the data: a name reports no longer use, or an
	           * older definition (公共财政收入, 2014 and before) */
};

struct mention {
	size_t at, end; /* the words in the text */
	const struct ind_name *name;
	/* "城乡居民收入", "城镇、农村居民人均可支配收入": the two names it may
	 * stand for (NULL when it is one name only) */
	const struct ind_name *pair[2];
};

/* Load data/indicators.tsv (path NULL or unreadable: a built-in list).
 * Returns 0, or -1 when the file could not be read. */
int names_load(const char *path);
int names_loaded(void);

/* The mentions in [a, b), in order; returns how many (at most max). */
size_t names_find(const struct xtext *t, size_t a, size_t b, struct mention *out, size_t max);

#endif
