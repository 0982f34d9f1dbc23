/* names.c — indicator names found in text (see names.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "ingest/names.h"
#include "text/text.h"

static struct ind_name *names;
static size_t nnames;

static size_t to_cps(const char *s, size_t len, uint32_t *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < len && n < max;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		out[n++] = text_fold_cp(cp, 0);
	}
	return n;
}

static int ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);
	return a >= b && strcmp(s + a - b, tail) == 0;
}

static void add_name(const char *canonical, const char *written, size_t wlen)
{
	int old = wlen > 1 && written[0] == '~';
	if (old) {
		written++;
		wlen--;
	}
	struct ind_name *g = realloc(names, (nnames + 1) * sizeof *g);
	if (!g)
		return;
	names = g;
	struct ind_name *n = &names[nnames];
	n->n = to_cps(written, wlen, n->cp, 32);
	if (!n->n)
		return;
	n->canonical = strdup(canonical);
	n->written = strndup(written, wlen);
	n->rate = ends_with(canonical, "率") || ends_with(n->written, "涨幅") ||
	          ends_with(n->written, "增幅") || ends_with(n->written, "增速");
	n->old = old;
	nnames++;
}

static int cmp_longest(const void *a, const void *b)
{
	const struct ind_name *x = a, *y = b;
	return (y->n > x->n) - (y->n < x->n);
}

static void parse_names(const char *text)
{
	char *copy = strdup(text);
	if (!copy)
		return;
	char *save = NULL;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (*line == '#' || !*line)
			continue;
		char *tab = strchr(line, '\t');
		size_t clen = tab ? (size_t)(tab - line) : strlen(line);
		char *canonical = strndup(line, clen);
		while (clen && (canonical[clen - 1] == '\r' || canonical[clen - 1] == ' '))
			canonical[--clen] = '\0';
		add_name(canonical, canonical, clen);
		for (char *s = tab; s; s = strchr(s + 1, '\t')) {
			char *end = strchr(s + 1, '\t');
			size_t n = end ? (size_t)(end - s - 1) : strlen(s + 1);
			while (n && (s[n] == '\r' || s[n] == ' '))
				n--;
			if (n)
				add_name(canonical, s + 1, n);
		}
		free(canonical);
	}
	free(copy);
	qsort(names, nnames, sizeof *names, cmp_longest);
}

int names_loaded(void)
{
	return names != NULL;
}

int names_load(const char *path)
{
	for (size_t i = 0; i < nnames; i++) {
		free(names[i].canonical);
		free(names[i].written);
	}
	free(names);
	names = NULL;
	nnames = 0;
	FILE *fp = path ? fopen(path, "r") : NULL;
	if (!fp) {
		/* data/indicators.tsv as built in, so extraction never silently
		 * does nothing; the file is what users extend */
		parse_names(datadir_default_indicators);
		return -1;
	}
	char *buf = NULL;
	size_t cap = 0, len = 0, n;
	char chunk[4096];
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			char *g = realloc(buf, cap);
			if (!g)
				break;
			buf = g;
		}
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(fp);
	if (buf) {
		buf[len] = '\0';
		parse_names(buf);
	}
	free(buf);
	return 0;
}

/* the longest name whose code points are cp[0..n), NULL none */
static const struct ind_name *name_in(const uint32_t *cp, size_t n)
{
	for (size_t k = 0; k < nnames; k++) {
		const struct ind_name *nm = &names[k];
		if (nm->n > n)
			continue;
		size_t j = 0;
		while (j < nm->n && cp[j] == nm->cp[j])
			j++;
		if (j == nm->n)
			return nm;
	}
	return NULL;
}

static const struct ind_name *name_at(const struct xtext *t, size_t i, size_t b)
{
	return name_in(t->cp + i, b - i);
}

/* ---- guards: a name that is part of another measure ---- */

static int word_before(const struct xtext *t, size_t a, size_t i, const char *w)
{
	size_t n = 0;
	for (const char *p = w; *p; p++)
		n += ((unsigned char)*p & 0xC0) != 0x80;
	return i >= a + n && xt_at(t, i - n, w);
}

static int not_a_mention(const struct xtext *t, size_t a, size_t b, size_t i,
                         const struct ind_name *nm)
{
	size_t e = i + nm->n;
	/* 人均地区生产总值: a per-head figure; 单位/万元地区生产总值能耗: energy
	 * intensity (when it is no name of its own) */
	if (word_before(t, a, i, "人均") || word_before(t, a, i, "单位") ||
	    word_before(t, a, i, "万元"))
		return 1;
	static const char *const after[] = {"能耗",   "电耗", "水耗", "比重",   "的比重", "比例",
	                                    "的比例", "占比", "之比", "收入比", NULL};
	for (const char *const *w = after; *w; w++)
		if (xt_at(t, e, *w))
			return 1;
	/* "农村牧区常住居民人均可支配收入": a part of the residents that has no
	 * name here is not all residents */
	static const char *const part_of[] = {"常住", "农村", "城镇", "牧区", "农民",
	                                      "城市", "乡村", "农牧", NULL};
	if (xt_at(t, i, "居民"))
		for (const char *const *w = part_of; *w; w++)
			if (word_before(t, a, i, *w))
				return 1;
	/* 占地区生产总值 …: a share */
	for (size_t k = i; k > a && k + 3 > i; k--)
		if (t->cp[k - 1] == 0x5360 /* 占 */)
			return 1;
	(void)b;
	return 0;
}

/* ---- pairs: 城乡…, 城镇、农村… ---- */

static const struct ind_name *with_prefix(const char *prefix, const struct xtext *t, size_t tail,
                                          size_t b, size_t *len)
{
	uint32_t buf[40];
	size_t n = to_cps(prefix, strlen(prefix), buf, 4);
	size_t m = b - tail < 32 ? b - tail : 32;
	memcpy(buf + n, t->cp + tail, m * sizeof *buf);
	const struct ind_name *nm = name_in(buf, n + m);
	if (nm && nm->n > n) {
		*len = nm->n - n;
		return nm;
	}
	return NULL;
}

static int is_conjunction(uint32_t c)
{
	return c == 0x3001 || c == 0x548C || c == 0x4E0E || c == 0x53CA || c == ','; /* 、和与及 */
}

/* A pair at i: "城镇、农村常住居民人均可支配收入" (two prefixes, one tail)
 * or "城乡居民人均可支配收入" (城乡 = 城镇 and 农村).  Fills m; 1 found. */
static int pair_at(const struct xtext *t, size_t i, size_t b, struct mention *m)
{
	static const char *const first[] = {"城镇", "城市", NULL};
	static const char *const second[] = {"农村", "乡村", NULL};
	for (int f = 0; first[f]; f++) {
		if (!xt_at(t, i, first[f]))
			continue;
		size_t k = i + 2;
		if (k < b && is_conjunction(t->cp[k])) {
			for (int s = 0; second[s]; s++) {
				if (!xt_at(t, k + 1, second[s]))
					continue;
				size_t tail = k + 3, l1 = 0, l2 = 0;
				const struct ind_name *a = with_prefix(first[f], t, tail, b, &l1);
				const struct ind_name *c = with_prefix(second[s], t, tail, b, &l2);
				if (a && c && l1 == l2 && a != c) {
					*m = (struct mention){i, tail + l1, a, {a, c}};
					return 1;
				}
			}
		}
	}
	if (xt_at(t, i, "城乡")) {
		size_t l1 = 0, l2 = 0;
		const struct ind_name *a = with_prefix("城镇", t, i + 2, b, &l1);
		const struct ind_name *c = with_prefix("农村", t, i + 2, b, &l2);
		const struct ind_name *whole = name_at(t, i, b);
		if (a && c && l1 == l2) {
			size_t end = i + 2 + l1;
			if (whole && i + whole->n > end)
				end = i + whole->n;
			*m = (struct mention){i, end, whole ? whole : a, {a, c}};
			return 1;
		}
	}
	return 0;
}

size_t names_find(const struct xtext *t, size_t a, size_t b, struct mention *out, size_t max)
{
	size_t n = 0;
	for (size_t i = a; i < b && n < max;) {
		struct mention m;
		if (pair_at(t, i, b, &m)) {
			out[n++] = m;
			i = m.end;
			continue;
		}
		const struct ind_name *nm = name_at(t, i, b);
		if (!nm) {
			i++;
			continue;
		}
		if (not_a_mention(t, a, b, i, nm)) {
			i += nm->n;
			continue;
		}
		out[n++] = (struct mention){i, i + nm->n, nm, {NULL, NULL}};
		i += nm->n;
	}
	return n;
}
