/* pattern.c — search patterns: folding them like the text, compiling them,
 * matching them, and finding the literal that lets the trigram index narrow
 * the paragraphs worth matching.
 *
 * Matching runs on text_fold()ed text (one code point for one), so ＧＤＰ and
 * GDP, ２０２５ and 2025, "，" and "," are one.  A regex is folded too, with
 * care that a full-width （ does not become a group: what folding turns into
 * ASCII punctuation is escaped.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/pattern.h"
#include "model/regex_text.h"
#include "text/text.h"

/* PCRE2's JIT reads ahead past the subject, into bytes of the buffer that
 * were never written: harmless, but memcheck reports every such read.  Under
 * valgrind the interpreter runs instead, so the suite can run there clean. */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

/* Enough for any sane pattern on a report paragraph; `(a+)+$` on a long line
 * hits them in milliseconds instead of running for hours.  The match limit
 * applies per start position, the depth and heap limits bound memory. */
#define REGEX_MATCH_LIMIT   2000000
#define REGEX_DEPTH_LIMIT   20000
#define REGEX_HEAP_LIMIT_KB 65536
#define REGEX_CHUNK         1 /* start offsets of the first pcre2_match() call (then adapted) */

/* ---- what folding does ---- */

/* Code points past the bitmap (unassigned, private use, tags) are taken as
 * touched, which only costs a scan. */
#define MAX_CP 0x40000u

static unsigned char fold_touched[MAX_CP / 8];
static char fold_print[64];

static void fold_mark(uint32_t cp)
{
	if (cp < MAX_CP)
		fold_touched[cp / 8] |= (unsigned char)(1u << (cp % 8));
}

static void fold_analyse(void)
{
	static const struct {
		uint32_t first, last;
	} domain[] = TEXT_FOLD_DOMAIN;
	if (fold_print[0])
		return;
	uint64_t h = 1469598103934665603u; /* FNV-1a over (cp, fold) where they differ */
	for (size_t r = 0; r < sizeof domain / sizeof *domain; r++)
		for (uint32_t cp = domain[r].first; cp <= domain[r].last; cp++) {
			uint32_t f0 = text_fold_cp(cp, 0), f1 = text_fold_cp(cp, 1);
			if (f0 != cp) {
				for (int k = 0; k < 4; k++) {
					h ^= (cp >> (8 * k)) & 0xff;
					h *= 1099511628211u;
				}
				for (int k = 0; k < 4; k++) {
					h ^= (f0 >> (8 * k)) & 0xff;
					h *= 1099511628211u;
				}
			}
			if (f0 != cp || f1 != cp) {
				fold_mark(cp);
				fold_mark(f0);
				fold_mark(f1);
			}
		}
	/* invalid bytes read as U+FFFD in folded text, as themselves in SQL */
	fold_mark(TEXT_REPLACEMENT);
	/* the index layout is part of what must match */
	snprintf(fold_print, sizeof fold_print, "trigram-full-end/%016" PRIx64, h);
}

const char *model_fold_fingerprint(void)
{
	fold_analyse();
	return fold_print;
}

int model_fold_touches(uint32_t cp)
{
	fold_analyse();
	return cp >= MAX_CP || (fold_touched[cp / 8] >> (cp % 8)) & 1;
}

/* Scripts without case: PCRE2's caseless matching cannot widen them, so
 * looking for them in the stored text is exact even with -i. */
static int caseless_script(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

static int instr_safe(const char *s, size_t len, int caseless)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (model_fold_touches(cp) || (caseless && !caseless_script(cp)))
			return 0;
	}
	return len > 0;
}

/* ---- folding a regex ---- */

/* text_fold for a pattern: what becomes ASCII punctuation is escaped, so
 * （一） stays the literal "(一)" the folded text holds; inside \Q…\E and
 * after a backslash nothing needs escaping.  If cp_of is not NULL it gets,
 * for every output byte (and the end), the index of the typed character it
 * comes from, to report an error where the user typed it. */
static char *fold_regex(const char *p, size_t len, size_t *out_len, size_t **cp_of)
{
	char *out = malloc(3 * len + 1);
	size_t *map = cp_of ? malloc((3 * len + 1) * sizeof *map) : NULL;
	if (!out || (cp_of && !map)) {
		free(out);
		free(map);
		return NULL;
	}
	size_t o = 0, cps = 0;
	int escaped = 0, quoted = 0;
	for (size_t i = 0; i < len; cps++) {
		uint32_t cp;
		i += utf8_decode(p + i, len - i, &cp);
		uint32_t f = text_fold_cp(cp, 0);
		size_t o0 = o;
		if (quoted) {
			if (escaped && cp == 'E')
				quoted = 0;
			escaped = !escaped && cp == '\\';
		} else if (escaped) {
			if (cp == 'Q')
				quoted = 1;
			escaped = 0;
		} else if (cp == '\\') {
			escaped = 1;
		} else if (f != cp && f < 0x80 && !IS_ASCII_ALNUM(f)) {
			out[o++] = '\\';
		}
		o += utf8_encode(f, out + o);
		for (size_t k = o0; map && k < o; k++)
			map[k] = cps;
	}
	out[o] = '\0';
	if (map)
		map[o] = cps;
	*out_len = o;
	if (cp_of)
		*cp_of = map;
	return out;
}

/* ---- the index's part ---- */

#define SHORT_TRIGRAMS_MAX 256

struct buf {
	char *s;
	size_t len, cap;
	int oom;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *g = realloc(b->s, cap);
		if (!g) {
			b->oom = 1;
			return;
		}
		b->s = g;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* `"abc"`, FTS5 string quoting */
static void buf_add_string(struct buf *b, const char *s, size_t n)
{
	buf_add(b, "\"", 1);
	for (size_t i = 0; i < n; i++)
		buf_add(b, s[i] == '"' ? "\"\"" : s + i, s[i] == '"' ? 2 : 1);
	buf_add(b, "\"", 1);
}

/* `"abcd"`: a phrase of the literal's trigrams at consecutive positions. */
static void fts_literal(struct buf *b, const char *s, size_t len)
{
	if (utf8_count(s, len) >= 3)
		buf_add_string(b, s, len);
}

/* Whether the index's phrase matches of a folded literal are exactly the
 * matches the C loop counts.  Both see folded text; the index also folds
 * case, Unicode-wide (K for the Kelvin sign too), so the literal must hold
 * no character that case folding could make equal to another: only ASCII
 * that is no letter, scripts without case and punctuation.  And no border
 * (a proper prefix that is also a suffix): the index counts overlapping
 * matches, the loop does not. */
static int index_exact_chars(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (!k)
			return 0;
		int ok = cp < 0x80 ? cp >= 0x20 && cp != 0x7F &&
		                         !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
		                   : caseless_script(cp) || (cp >= 0x3000 && cp <= 0x303F) ||
		                         (cp >= 0x2000 && cp <= 0x206F);
		if (!ok)
			return 0;
		i += k;
	}
	return 1;
}

static int index_counts_literal(const char *s, size_t len)
{
	if (!index_exact_chars(s, len))
		return 0;
	for (size_t k = 1; k < len; k++)
		if (memcmp(s, s + len - k, k) == 0)
			return 0;
	return 1;
}

/* A two-character literal as the index's trigrams that start with it
 * ("光伏" → "光伏发" OR "光伏产" OR …): every occurrence is followed by some
 * character (MODEL_FTS_END at the latest), so together they find every
 * paragraph holding it, and their matches count each occurrence once.
 * Only for characters the index holds as they are (index_exact_chars).
 * 0 with the query in *b (empty: the literal occurs nowhere), 1 when more
 * than SHORT_TRIGRAMS_MAX trigrams start with it, -1 on error. */
static int short_literal_query(model *m, const char *s, size_t len, struct buf *b)
{
	if (!m->vocab_ready) {
		if (sqlite3_exec(m->db,
		                 "CREATE VIRTUAL TABLE IF NOT EXISTS temp.baogao_vocab USING"
		                 " fts5vocab(main, " MODEL_FTS_TABLE ", row)",
		                 NULL, NULL, NULL) != SQLITE_OK) {
			model_sqlite_error(m, "search");
			return -1;
		}
		m->vocab_ready = 1;
	}
	sqlite3_stmt *st = model_prepare(m, "SELECT term FROM temp.baogao_vocab WHERE term >= ?1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, s, (int)len, SQLITE_STATIC);
	int n = 0, step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		size_t tl = (size_t)sqlite3_column_bytes(st, 0);
		if (!t || tl < len || memcmp(t, s, len) != 0)
			break; /* terms come in order: past the prefix */
		if (++n > SHORT_TRIGRAMS_MAX)
			break;
		if (n > 1)
			buf_add(b, " OR ", 4);
		buf_add_string(b, t, tl);
	}
	int rc = step == SQLITE_ROW || step == SQLITE_DONE ? (n > SHORT_TRIGRAMS_MAX) : -1;
	if (rc < 0)
		model_sqlite_error(m, "search");
	sqlite3_finalize(st);
	if (b->oom) {
		model_set_error(m, "out of memory");
		return -1;
	}
	return rc;
}

/* The prefilter of a folded regex: FTS when every top-level branch holds a
 * literal of three or more characters; PRE_INSTR for one branch whose literal
 * folding cannot touch; else none. */
static enum prefilter regex_prefilter(const char *p, size_t len, int icase, char **arg)
{
	*arg = NULL;
	/* \Q…\E and (?x) change what the characters mean: no literal is trusted */
	if (strstr(p, "\\Q"))
		return PRE_NONE;
	for (const char *s = strstr(p, "(?"); s; s = strstr(s + 2, "(?"))
		for (const char *f = s + 2; *f && *f != ')' && *f != ':'; f++)
			if (*f == 'x')
				return PRE_NONE;
	struct buf fts = {0};
	struct rx_lit only = {0};
	size_t start = 0, branches = 0;
	int all_long = 1;
	for (size_t i = 0; i <= len;) {
		if (i < len && (p[i] == '(' || p[i] == '[')) {
			i = rx_skip_nested(p, i, len);
			continue;
		}
		if (i < len && p[i] == '\\') {
			size_t lit;
			i += rx_escape_len(p, i, len, &lit);
			continue;
		}
		if (i >= len || p[i] == '|') {
			struct rx_lit l = rx_branch_literal(p, start, i);
			if (l.cps >= 3) {
				if (branches)
					buf_add(&fts, " OR ", 4);
				fts_literal(&fts, l.buf, l.len);
			} else {
				all_long = 0;
			}
			branches++;
			only = l;
			start = i + 1;
		}
		i++;
	}
	if (all_long && fts.len && !fts.oom) {
		*arg = fts.s;
		return PRE_FTS;
	}
	free(fts.s);
	/* (?i) inside the pattern makes it caseless too; a two-character literal
	 * folding touches (增长: 長 folds to 长) may still be asked through the
	 * index (regex_init drops it when the index cannot answer) */
	if (branches == 1 &&
	    (instr_safe(only.buf, only.len, icase || strstr(p, "(?")) ||
	     (utf8_count(only.buf, only.len) == 2 && index_exact_chars(only.buf, only.len)))) {
		*arg = strndup(only.buf, only.len);
		return *arg ? PRE_INSTR : PRE_NONE;
	}
	return PRE_NONE;
}

/* ---- the matcher ---- */

void matcher_free(struct matcher *mt)
{
	free(mt->needle);
	free(mt->source);
	if (mt->re_slow)
		pcre2_code_free(mt->re_slow);
	free(mt->required);
	free(mt->pre_arg);
	if (mt->md)
		pcre2_match_data_free(mt->md);
	if (mt->mctx)
		pcre2_match_context_free(mt->mctx);
	if (mt->jit_stack)
		pcre2_jit_stack_free(mt->jit_stack);
	if (mt->re)
		pcre2_code_free(mt->re);
	memset(mt, 0, sizeof *mt);
}

/* A literal of two characters every match holds, asked through the index
 * (short_literal_query): 0 with mt->pre and pre_arg set (mt->nothing when
 * it occurs nowhere), 1 when it does not apply, -1 on error. */
static int short_prefilter(model *m, struct matcher *mt, const char *lit, size_t len)
{
	if (!m->fts_ok || utf8_count(lit, len) != 2 || !index_exact_chars(lit, len))
		return 1;
	struct buf b = {0};
	int rc = short_literal_query(m, lit, len, &b);
	if (rc != 0) {
		free(b.s);
		return rc;
	}
	free(mt->pre_arg);
	mt->pre = PRE_FTS;
	mt->nothing = b.len == 0;
	mt->pre_arg = b.s ? b.s : strdup("");
	if (!mt->pre_arg) {
		model_set_error(m, "out of memory");
		return -1;
	}
	return 0;
}

static int literal_init(model *m, struct matcher *mt, const char *pattern)
{
	mt->needle = text_fold(pattern, strlen(pattern), mt->icase, &mt->nlen);
	if (!mt->needle) {
		model_set_error(m, "out of memory");
		return -1;
	}
	if (!mt->nlen) {
		model_set_error(m, "the pattern is empty");
		return -1;
	}
	mt->raw = instr_safe(mt->needle, mt->nlen, 0);
	size_t cps = utf8_count(mt->needle, mt->nlen);
	int rc = short_prefilter(m, mt, mt->needle, mt->nlen);
	if (rc <= 0) {
		if (rc == 0)
			mt->index_counts = index_counts_literal(mt->needle, mt->nlen);
		return rc;
	}
	if (cps >= 3) {
		struct buf b = {0};
		fts_literal(&b, mt->needle, mt->nlen);
		if (!b.oom) {
			mt->pre = PRE_FTS;
			mt->pre_arg = b.s;
			mt->index_counts = index_counts_literal(mt->needle, mt->nlen);
		} else {
			free(b.s);
		}
	} else if (mt->raw) {
		mt->pre_arg = strndup(mt->needle, mt->nlen);
		mt->pre = mt->pre_arg ? PRE_INSTR : PRE_NONE;
	}
	return 0;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int matcher_expired(struct matcher *mt)
{
	if (mt->stopped)
		return 1;
	/* the clock (a vDSO read) every time; the hook, which may poll the
	 * terminal, every 20 ms: a signal or Esc is seen that soon after the
	 * paragraph or 1 KiB in hand */
	double t = now();
	if (mt->deadline > 0 && t > mt->deadline)
		mt->stopped = 1;
	else if (mt->cancelled && t >= mt->next_ask) {
		mt->next_ask = t + 0.02;
		mt->stopped = mt->cancelled(mt->cancel_ctx) != 0;
	}
	return mt->stopped;
}

static int regex_init(model *m, struct matcher *mt, const char *pattern)
{
	size_t plen, *cp_of;
	char *folded = fold_regex(pattern, strlen(pattern), &plen, &cp_of);
	if (!folded) {
		model_set_error(m, "out of memory");
		return -1;
	}
	int errcode;
	PCRE2_SIZE erroff;
	/* PCRE2's limits hold per match attempt, and one pcre2_match() makes
	 * an attempt at every offset: matcher_next lets it start no further
	 * than REGEX_CHUNK bytes on (the offset limit) and asks the budget in
	 * between.  (A callout at each attempt would do it too, but costs
	 * auto-possessification: ([^a]*a){20} went from 0.01 s to 1.4 s.) */
	mt->re = pcre2_compile((PCRE2_SPTR)folded, plen,
	                       PCRE2_UTF | PCRE2_UCP | PCRE2_USE_OFFSET_LIMIT |
	                           (mt->icase ? PCRE2_CASELESS : 0),
	                       &errcode, &erroff, NULL);
	if (!mt->re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof msg);
		model_set_error(m, "invalid regular expression at offset %zu: %s",
		                cp_of[erroff < plen ? erroff : plen], (const char *)msg);
		free(folded);
		free(cp_of);
		return -1;
	}
	free(cp_of);
	mt->required = mt->icase ? NULL : rx_required_runs(folded, plen);
	mt->pre = regex_prefilter(folded, plen, mt->icase, &mt->pre_arg);
	mt->source = folded; /* kept: a slow pattern is compiled again (slow_pattern) */
	mt->source_len = plen;
	if (mt->pre == PRE_INSTR) {
		int rc = short_prefilter(m, mt, mt->pre_arg, strlen(mt->pre_arg));
		if (rc < 0)
			return -1;
		/* the stored text holds what folding would change: no raw search */
		if (rc == 1 && !instr_safe(mt->pre_arg, strlen(mt->pre_arg),
		                           mt->icase || strstr(pattern, "(?"))) {
			free(mt->pre_arg);
			mt->pre_arg = NULL;
			mt->pre = PRE_NONE;
		}
	}
	if (!RUNNING_ON_VALGRIND)
		pcre2_jit_compile(mt->re,
		                  PCRE2_JIT_COMPLETE); /* interpreted when JIT is unavailable */
	mt->md = pcre2_match_data_create_from_pattern(mt->re, NULL);
	mt->mctx = pcre2_match_context_create(NULL);
	if (!mt->md || !mt->mctx) {
		model_set_error(m, "out of memory");
		return -1;
	}
	pcre2_set_match_limit(mt->mctx, REGEX_MATCH_LIMIT);
	pcre2_set_depth_limit(mt->mctx, REGEX_DEPTH_LIMIT);
	pcre2_set_heap_limit(mt->mctx, REGEX_HEAP_LIMIT_KB);
	/* the default 32 KiB JIT stack fails ordinary repetitions over a long
	 * paragraph; the match limit, not the stack, should be what stops a
	 * runaway pattern */
	mt->jit_stack = pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, NULL);
	if (mt->jit_stack)
		pcre2_jit_stack_assign(mt->mctx, NULL, mt->jit_stack);
	return 0;
}

int matcher_init(model *m, struct matcher *mt, const struct search_query *q)
{
	memset(mt, 0, sizeof *mt);
	mt->regex = q->regex;
	mt->icase = q->icase;
	double budget = q->timeout == 0 ? MODEL_SEARCH_SECONDS : q->timeout;
	mt->deadline = budget > 0 ? now() + budget : 0;
	mt->cancelled = q->cancelled;
	mt->cancel_ctx = q->cancel_ctx;
	if (!q->pattern || !*q->pattern) {
		model_set_error(m, "the pattern is empty");
		return -1;
	}
	int rc = q->regex ? regex_init(m, mt, q->pattern) : literal_init(m, mt, q->pattern);
	if (rc < 0)
		matcher_free(mt);
	return rc;
}

int matcher_needs_fold(const struct matcher *mt)
{
	return !mt->raw;
}

int matcher_fold_icase(const struct matcher *mt)
{
	return !mt->regex && mt->icase;
}

enum prefilter matcher_prefilter(const struct matcher *mt, const char **arg)
{
	*arg = mt->pre_arg;
	return mt->pre;
}

/* Called at every item of the slow form of a pattern: the budget and the
 * cancel hook are asked every 4,096 items. */
static int item_callout(pcre2_callout_block *b, void *data)
{
	(void)b;
	struct matcher *mt = data;
	if ((++mt->items & 4095) != 0)
		return 0;
	return matcher_expired(mt) ? PCRE2_ERROR_CALLOUT : 0;
}

/* A pattern whose single match attempt runs long ((.*a){20} over a long
 * line: one attempt backtracks through every way to place its a's) can be
 * stopped only from inside PCRE2: it is compiled again with a callout at
 * every item.  That costs the optimisations an ordinary pattern needs, so
 * only a pattern seen to be slow gets it. */
static void slow_pattern(struct matcher *mt)
{
	mt->tried_slow = 1;
	int errcode;
	PCRE2_SIZE erroff;
	mt->re_slow = pcre2_compile((PCRE2_SPTR)mt->source, mt->source_len,
	                            PCRE2_UTF | PCRE2_UCP | PCRE2_USE_OFFSET_LIMIT |
	                                PCRE2_AUTO_CALLOUT | (mt->icase ? PCRE2_CASELESS : 0),
	                            &errcode, &erroff, NULL);
	if (!mt->re_slow)
		return;
	if (!RUNNING_ON_VALGRIND)
		pcre2_jit_compile(mt->re_slow, PCRE2_JIT_COMPLETE);
	pcre2_set_callout(mt->mctx, item_callout, mt);
}

static void limit_error(model *m, const struct matcher *mt, size_t flen)
{
	switch (pattern_shape(mt->source, mt->source_len)) {
	case SHAPE_NESTED:
		model_set_error(m, "regular expression too complex for this text: a repetition "
		                   "inside a repetition, such as (a+)+ or (.*a){20}, backtracks "
		                   "without end; write it with one repetition");
		break;
	case SHAPE_ALTERNATIVES:
		model_set_error(m, "regular expression too complex for this text: a repeated "
		                   "choice of alternatives, such as (a|aa)+, backtracks without "
		                   "end; make the alternatives begin differently");
		break;
	default:
		model_set_error(m,
		                "regular expression reached PCRE2's match limit in a paragraph "
		                "of %zu bytes: narrow it (fewer .* between the words)",
		                flen);
	}
}

int matcher_next(model *m, struct matcher *mt, const char *folded, size_t flen, size_t from,
                 size_t *s, size_t *e)
{
	if (!mt->regex) {
		if (from >= flen)
			return 0;
		const char *hit = memmem(folded + from, flen - from, mt->needle, mt->nlen);
		if (!hit)
			return 0;
		*s = (size_t)(hit - folded);
		*e = *s + mt->nlen;
		return 1;
	}
	for (const char *r = mt->required; r && *r; r += strlen(r) + 1)
		if (!memmem(folded + from, flen - from, r, strlen(r)))
			return 0; /* a literal every match holds is not there */
	if (!mt->chunk)
		mt->chunk = REGEX_CHUNK;
	/* what was quick on short paragraphs may not be on a long one: it
	 * starts small again (attempts on a long text can each take long) */
	if (flen > 4096 && mt->chunk > 64)
		mt->chunk = 64;
	/* on a text this long a single attempt may run for seconds: only the
	 * callout form can be stopped inside one */
	if (flen > 32768 && !mt->tried_slow)
		slow_pattern(mt);
	while (from <= flen) {
		size_t limit = from + mt->chunk;
		if (limit >= flen)
			limit = flen;
		while (limit < flen && ((unsigned char)folded[limit] & 0xC0) == 0x80)
			limit++; /* a character's first byte */
		pcre2_set_offset_limit(mt->mctx, limit);
		/* a linear pattern (增长.*美元) takes steps in proportion to the
		 * text: the limit grows with it; the time budget, not the limit,
		 * stops a pattern that only runs long */
		pcre2_set_match_limit(mt->mctx,
		                      flen * 8 > REGEX_MATCH_LIMIT
		                          ? (uint32_t)(flen > 400000000 ? 0xFFFFFFFFu : flen * 8)
		                          : REGEX_MATCH_LIMIT);
		double t0 = now();
		int rc = pcre2_match(mt->re_slow ? mt->re_slow : mt->re, (PCRE2_SPTR)folded, flen,
		                     from, PCRE2_NO_UTF_CHECK, mt->md, mt->mctx);
		if (rc == PCRE2_ERROR_CALLOUT && mt->stopped)
			return -2;
		/* as many start offsets a call as take a few milliseconds: the
		 * budget and the cancel hook are asked between calls */
		double took = now() - t0;
		if (took > 0.05 && !mt->tried_slow)
			slow_pattern(mt); /* a few attempts ran 50 ms */
		if (took > 0.01 && mt->chunk > 1)
			mt->chunk = mt->chunk > 4 ? mt->chunk / 4 : 1;
		else if (took < 0.001 && mt->chunk < 65536)
			mt->chunk *= 2;
		if (rc == PCRE2_ERROR_NOMATCH) {
			if (limit >= flen)
				return 0;
			if (matcher_expired(mt))
				return -2;
			from = limit; /* offsets up to limit tried: on from there */
			continue;
		}
		if (rc < 0) {
			if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
			    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
				limit_error(m, mt, flen);
			else {
				PCRE2_UCHAR msg[256];
				pcre2_get_error_message(rc, msg, sizeof msg);
				model_set_error(m, "regular expression: %s", (const char *)msg);
			}
			return -1;
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(mt->md);
		if (ov[1] > ov[0]) {
			*s = ov[0];
			*e = ov[1];
			return 1;
		}
		/* an empty match finds nothing to show: step one character on */
		if (ov[0] >= flen)
			return 0;
		uint32_t cp;
		from = ov[0] + utf8_decode(folded + ov[0], flen - ov[0], &cp);
	}
	return 0;
}
