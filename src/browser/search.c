/* search.c — searching all documents from the browser.
 *
 * The total and the count per document come from model_search_count; the
 * hits themselves are asked for one document at a time (model_search with
 * q.doc) and kept in a small cache, so n/N, the viewer's highlights and the
 * results list cost memory for the documents on screen only, whatever the
 * size of the corpus or the number of matches.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "browser/app.h"
#include "browser/search.h"
#include "browser/search_int.h"
#include "text/text.h"

void search_free(struct search *s)
{
	if (!s)
		return;
	search_reset(s);
	free(s);
}

struct search *search_new(void)
{
	struct search *s = calloc(1, sizeof *s);
	if (!s)
		abort();
	s->total = -1;
	s->current = -1;
	return s;
}

static void cache_drop(struct hit_cache *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->extra[i].snippet);
		free(c->extra[i].section_heading);
	}
	free(c->hits);
	free(c->extra);
	memset(c, 0, sizeof *c);
}

void search_reset(struct search *s)
{
	for (size_t i = 0; i < CACHE_DOCS; i++)
		cache_drop(&s->cache[i]);
	for (size_t i = 0; i < s->ndocs; i++) {
		free(s->docs[i].region);
		free(s->docs[i].title);
	}
	free(s->docs);
	s->docs = NULL;
	s->ndocs = 0;
	free(s->pattern);
	free(s->term);
	s->pattern = s->term = NULL;
	s->total = -1;
	s->current = -1;
}

const char *search_pattern(const struct search *s)
{
	return s->pattern ? s->pattern : "";
}

int search_is_regex(const struct search *s)
{
	return s->regex;
}

long search_total(const struct search *s)
{
	return s->total;
}

long search_current(const struct search *s)
{
	return s->current >= 0 ? s->current + 1 : 0;
}

/* What a running search asks every few milliseconds: a signal (SIGTERM,
 * SIGHUP: the program ends) or Esc / Ctrl-C stop it; after a quarter of a
 * second the status line says it is searching and how to stop it. */
struct search_watch {
	struct ui *u;
	struct timespec start;
	int shown, by_key, by_signal;
};

static int search_cancelled(void *ctx)
{
	struct search_watch *w = ctx;
	int why = w->u->host.interrupted ? w->u->host.interrupted(w->u->host.ctx) : 0;
	if (why) {
		w->by_key = why == 1;
		w->by_signal = why == 2;
		return 1;
	}
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double t =
	    (double)(now.tv_sec - w->start.tv_sec) + (double)(now.tv_nsec - w->start.tv_nsec) / 1e9;
	if (!w->shown && t > 0.25) {
		w->shown = 1;
		ui_message(w->u, EL_MESSAGE, "搜索中… searching (Esc cancels)");
		if (w->u->status_now)
			w->u->status_now(w->u);
	}
	return 0;
}

static void query_for(const struct search *s, struct search_query *q, int64_t doc,
                      struct search_watch *w)
{
	memset(q, 0, sizeof *q);
	q->pattern = s->term;
	q->regex = s->regex;
	q->icase = s->icase;
	q->doc = doc;
	clock_gettime(CLOCK_MONOTONIC, &w->start);
	q->cancelled = search_cancelled;
	q->cancel_ctx = w;
}

/* After a search stopped short: why, in the status line. */
static void say_stopped(struct ui *u, const struct search_watch *w)
{
	if (w->by_key)
		ui_message(u, EL_ERROR,
		           "search cancelled: the counts shown are the ones found so far");
	else if (!w->by_signal)
		ui_message(u, EL_ERROR,
		           "search stopped after %g s: the counts shown are the ones found so far",
		           MODEL_SEARCH_SECONDS);
}

struct collect {
	struct hit_cache *c;
	size_t cap;
};

/* Where the snippet before a match begins, found from the match backwards:
 * counting from the paragraph's start made 56,000 hits in a paragraph of
 * 5 MB quadratic.  *cps: the code points between it and the match. */
static size_t snippet_start(const char *text, size_t match, size_t *cps)
{
	size_t reach = 4 * SNIPPET_BEFORE + 3, b = match > reach ? match - reach : 0;
	while (b > 0 && b < match && ((unsigned char)text[b] & 0xC0) == 0x80)
		b++; /* not inside a sequence */
	size_t k = utf8_count(text + b, match - b);
	if (k > SNIPPET_BEFORE) {
		b += utf8_offset(text + b, match - b, k - SNIPPET_BEFORE);
		k = SNIPPET_BEFORE;
	}
	*cps = k;
	return b;
}

static int collect_hit(void *ctx, const struct search_hit *h)
{
	struct collect *col = ctx;
	struct hit_cache *c = col->c;
	if (c->n == col->cap) {
		col->cap = col->cap ? col->cap * 2 : 32;
		c->hits = realloc(c->hits, col->cap * sizeof *c->hits);
		c->extra = realloc(c->extra, col->cap * sizeof *c->extra);
		if (!c->hits || !c->extra)
			abort();
	}
	c->hits[c->n] = (struct hit_pos){h->paragraph, h->section, h->cp_start, h->cp_end};
	/* A snippet around the match for the results list: enough context for
	 * the widest screen, not the whole paragraph. */
	size_t before, b0 = snippet_start(h->text, h->byte_start, &before);
	size_t from = h->cp_start - before;
	size_t b1 =
	    h->byte_end + utf8_offset(h->text + h->byte_end, h->len - h->byte_end, SNIPPET_AFTER);
	struct hit_extra *x = &c->extra[c->n];
	x->snippet = malloc(b1 - b0 + 1);
	if (!x->snippet)
		abort();
	memcpy(x->snippet, h->text + b0, b1 - b0);
	x->snippet[b1 - b0] = '\0';
	x->match_cp = h->cp_start - from;
	x->match_cps = h->cp_end - h->cp_start;
	x->section_heading = strdup(h->section_heading ? h->section_heading : "");
	c->n++;
	return 0;
}

struct hit_cache *search_cache_for(struct ui *u, int64_t doc)
{
	struct search *s = u->search;
	if (!s->term || s->total <= 0)
		return NULL;
	s->tick++;
	size_t oldest = 0;
	for (size_t i = 0; i < CACHE_DOCS; i++) {
		if (s->cache[i].loaded && s->cache[i].doc == doc) {
			s->cache[i].age = s->tick;
			return &s->cache[i];
		}
		if (s->cache[i].age < s->cache[oldest].age)
			oldest = i;
	}
	struct hit_cache *c = &s->cache[oldest];
	cache_drop(c);
	c->doc = doc;
	c->loaded = 1;
	c->age = s->tick;
	int has = 0;
	for (size_t i = 0; i < s->ndocs; i++)
		if (s->docs[i].doc == doc && s->docs[i].count > 0)
			has = 1;
	if (!has)
		return c;
	struct search_query q;
	struct search_watch w = {.u = u};
	query_for(s, &q, doc, &w);
	/* one document's hits, asked as the viewer moves: a second at most,
	 * so a pattern that ran out of time in the count does not do it again
	 * for long */
	q.timeout = 1;
	struct collect col = {c, 0};
	int rc = model_search(u->m, &q, collect_hit, &col);
	if (rc < 0)
		ui_message(u, EL_ERROR, "%s", model_error(u->m));
	else if (rc == MODEL_SEARCH_STOPPED)
		say_stopped(u, &w);
	return c;
}

size_t search_doc_hits(struct ui *u, int64_t doc, const struct hit_pos **out)
{
	struct hit_cache *c = search_cache_for(u, doc);
	*out = c ? c->hits : NULL;
	return c ? c->n : 0;
}

int search_locate(struct ui *u, long index, int64_t *doc, long *first, size_t *at)
{
	struct search *s = u->search;
	if (index < 0 || index >= s->total)
		return -1;
	size_t lo = 0, hi = s->ndocs;
	while (lo + 1 < hi) { /* last doc with first <= index */
		size_t mid = (lo + hi) / 2;
		if (s->docs[mid].first <= index)
			lo = mid;
		else
			hi = mid;
	}
	/* Skip documents with no match that share the same first index. */
	while (lo + 1 < s->ndocs && s->docs[lo].count == 0)
		lo++;
	*doc = s->docs[lo].doc;
	*first = s->docs[lo].first;
	if (at)
		*at = lo;
	return 0;
}

const struct hit_pos *search_current_hit(struct ui *u)
{
	struct search *s = u->search;
	int64_t doc;
	long first;
	if (s->current < 0 || search_locate(u, s->current, &doc, &first, NULL) < 0)
		return NULL;
	struct hit_cache *c = search_cache_for(u, doc);
	if (!c || (size_t)(s->current - first) >= c->n)
		return NULL;
	return &c->hits[s->current - first];
}

void search_goto(struct ui *u, long index)
{
	struct search *s = u->search;
	int64_t doc;
	long first;
	if (search_locate(u, index, &doc, &first, NULL) < 0)
		return;
	struct hit_cache *c = search_cache_for(u, doc);
	if (!c || c->n == 0)
		return;
	size_t k = (size_t)(index - first);
	if (k >= c->n)
		k = c->n - 1;
	s->current = first + (long)k;
	const struct hit_pos *h = &c->hits[k];
	ui_show_source(u, doc, h->paragraph, h->cp_start, h->cp_end);
}

/* The documents with matches, as the model gives them: in the order of the
 * district list, so n walks down it. */
static void take_docs(struct ui *u, const struct search_count *counts, size_t n)
{
	struct search *s = u->search;
	s->docs = calloc(n + 1, sizeof *s->docs);
	if (!s->docs)
		abort();
	long first = 0;
	for (size_t k = 0; k < n; k++) {
		const struct search_count *c = &counts[k];
		struct doc_hits *d = &s->docs[s->ndocs++];
		d->doc = c->doc;
		d->count = c->count;
		d->first = first;
		first += d->count;
		d->region = c->region ? strdup(c->region) : NULL;
		d->title = strdup(c->title);
		if (!d->title || (c->region && !d->region))
			abort();
	}
}

/* The first match in the viewer's document, else in the next document
 * with any, in browse order. */
static long first_index_from(struct ui *u, int dir)
{
	struct search *s = u->search;
	long pos = -1;
	for (size_t i = 0; i < s->ndocs; i++)
		if (s->docs[i].doc == u->doc)
			pos = (long)i;
	if (pos >= 0 && s->docs[pos].count > 0)
		return dir > 0 ? s->docs[pos].first : s->docs[pos].first + s->docs[pos].count - 1;
	for (size_t step = 1; step <= s->ndocs; step++) {
		long i = dir > 0 ? (pos + (long)step) % (long)s->ndocs
		                 : (pos - (long)step + 2 * (long)s->ndocs) % (long)s->ndocs;
		if (i >= 0 && s->docs[i].count > 0)
			return dir > 0 ? s->docs[i].first : s->docs[i].first + s->docs[i].count - 1;
	}
	return 0;
}

void search_start(struct ui *u, const char *input, int regex)
{
	struct search *s = u->search;
	if (strncmp(input, "re:", 3) == 0) {
		regex = 1;
		input += 3;
	}
	if (!*input)
		return;
	search_reset(s);
	s->pattern = strdup(input);
	s->term = strdup(input);
	s->regex = regex;
	/* Smart case, as in vim and less -i: Latin capitals make it exact. */
	s->icase = 1;
	for (const char *p = input; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			s->icase = 0;
	struct search_query q;
	struct search_watch w = {.u = u};
	query_for(s, &q, 0, &w);
	struct search_count *counts = NULL;
	size_t n = 0;
	long total = 0;
	int rc = model_search_count(u->m, &q, &counts, &n, &total);
	if (w.shown)
		u->msg[0] = '\0';
	if (rc < 0) {
		ui_message(u, EL_ERROR, "%s: %s", input, model_error(u->m));
		search_reset(s);
		return;
	}
	take_docs(u, counts, n);
	model_search_count_free(counts, n);
	s->total = total;
	ui_matches_changed(u); /* the results list and the viewer's marks */
	if (total == 0) {
		ui_message(u, EL_ERROR, "%s%s: no match in %zu documents", regex ? "re:" : "",
		           s->term, (size_t)model_doc_count(u->m));
		if (rc == MODEL_SEARCH_STOPPED)
			say_stopped(u, &w);
		return;
	}
	size_t docs = 0;
	for (size_t i = 0; i < s->ndocs; i++)
		docs += s->docs[i].count > 0;
	search_goto(u, first_index_from(u, 1));
	ui_message(u, EL_MESSAGE, "%s%s: %ld 处, %zu 个文件 · n/N 下一处/上一处 · r 列表",
	           regex ? "re:" : "", s->term, total, docs);
	if (rc == MODEL_SEARCH_STOPPED)
		say_stopped(u, &w);
}

void search_step(struct ui *u, int dir)
{
	struct search *s = u->search;
	if (s->total < 0) {
		ui_message(u, EL_MESSAGE, "no search yet: press / to search");
		return;
	}
	if (s->total == 0) {
		ui_message(u, EL_ERROR, "%s: no match", s->term);
		return;
	}
	int64_t doc = 0;
	long first;
	long next;
	if (s->current < 0 || search_locate(u, s->current, &doc, &first, NULL) < 0 ||
	    doc != u->doc) {
		/* The user went elsewhere: continue from where they are. */
		next = first_index_from(u, dir);
	} else {
		next = s->current + dir;
	}
	int wrapped = 0;
	if (next >= s->total) {
		next = 0;
		wrapped = 1;
	} else if (next < 0) {
		next = s->total - 1;
		wrapped = 1;
	}
	search_goto(u, next);
	if (wrapped)
		ui_message(u, EL_MESSAGE, "%s",
		           dir > 0 ? "search hit the end, continued from the top"
		                   : "search hit the top, continued from the end");
}
