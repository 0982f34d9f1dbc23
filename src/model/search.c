/* search.c — literal and regex search over every paragraph.
 *
 * Candidates come from the cheapest exact prefilter the pattern allows, then
 * each candidate is matched in C on its folded text (text_fold: one code
 * point for one, so offsets map back to the stored text):
 *   - a literal of three or more characters, or a regex whose every match must
 *     contain one: the FTS5 trigram index;
 *   - a shorter literal of characters folding cannot touch (招商, 光伏): instr()
 *     on the stored text, inside SQLite;
 *   - anything else: every paragraph in the filter.
 * The prefilters only narrow; counting is always the same C loop, so every
 * path gives the same counts.
 */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <inttypes.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "text/text.h"

/* Enough for any sane pattern on a report paragraph; `(a+)+$` on a long line
 * hits them in well under a second instead of running for hours. */
#define REGEX_MATCH_LIMIT 2000000
#define REGEX_DEPTH_LIMIT 20000
#define REGEX_HEAP_LIMIT_KB 65536

struct matcher {
	int regex;
	char *needle; /* folded literal */
	size_t nlen;
	pcre2_code *re;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit_stack;
};

enum prefilter { PRE_NONE, PRE_FTS, PRE_INSTR };

static void matcher_free(struct matcher *mt)
{
	free(mt->needle);
	if (mt->md)
		pcre2_match_data_free(mt->md);
	if (mt->mctx)
		pcre2_match_context_free(mt->mctx);
	if (mt->jit_stack)
		pcre2_jit_stack_free(mt->jit_stack);
	if (mt->re)
		pcre2_code_free(mt->re);
}

static int matcher_init(model *m, struct matcher *mt, const struct search_query *q)
{
	memset(mt, 0, sizeof *mt);
	mt->regex = q->regex;
	if (!q->regex) {
		mt->needle = text_fold(q->pattern, strlen(q->pattern), q->icase, &mt->nlen);
		if (!mt->nlen) {
			model_set_error(m, "the pattern is empty");
			return -1;
		}
		return 0;
	}
	/* the pattern is folded like the text, so ＧＤＰ and GDP are one */
	size_t plen;
	char *folded = text_fold(q->pattern, strlen(q->pattern), 0, &plen);
	int errcode;
	PCRE2_SIZE erroff;
	mt->re = pcre2_compile((PCRE2_SPTR)folded, plen,
	                       PCRE2_UTF | PCRE2_UCP | (q->icase ? PCRE2_CASELESS : 0), &errcode, &erroff,
	                       NULL);
	free(folded);
	if (!mt->re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof msg);
		model_set_error(m, "invalid regular expression at offset %zu: %s", (size_t)erroff, msg);
		return -1;
	}
	pcre2_jit_compile(mt->re, PCRE2_JIT_COMPLETE); /* interpreted when JIT is unavailable */
	mt->md = pcre2_match_data_create_from_pattern(mt->re, NULL);
	mt->mctx = pcre2_match_context_create(NULL);
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

/* Characters text_fold may produce from another character or change. */
static int foldable(uint32_t cp)
{
	return cp < 0x80 || cp == 0x3000 || (cp >= 0xFF01 && cp <= 0xFF5E);
}

static int all_unfoldable(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (foldable(cp))
			return 0;
	}
	return 1;
}

/* ---- the literal every match of a regex branch must contain ---- */

struct lit {
	char buf[256];
	size_t len, cps;
};

static void lit_take(struct lit *best, const struct lit *run)
{
	if (run->cps > best->cps)
		*best = *run;
}

/* Skips a bracketed class or group starting at p[i]; returns the index after it. */
static size_t skip_nested(const char *p, size_t i, size_t len)
{
	if (p[i] == '[') {
		i++;
		if (i < len && p[i] == '^')
			i++;
		if (i < len && p[i] == ']')
			i++;
		while (i < len && p[i] != ']')
			i += p[i] == '\\' && i + 1 < len ? 2 : 1;
		return i < len ? i + 1 : len;
	}
	int depth = 0;
	while (i < len) {
		if (p[i] == '\\') {
			i += 2;
			continue;
		}
		if (p[i] == '[') {
			i = skip_nested(p, i, len);
			continue;
		}
		if (p[i] == '(')
			depth++;
		else if (p[i] == ')' && --depth == 0)
			return i + 1;
		i++;
	}
	return len;
}

/* Longest literal run of one alternation-free branch [i, end). */
static struct lit branch_literal(const char *p, size_t i, size_t end)
{
	struct lit best = {0}, run = {0};
	while (i < end) {
		char c = p[i];
		size_t n = 1;
		int literal = 0;
		char one[8];
		size_t onelen = 0;
		if (c == '\\' && i + 1 < end) {
			char e = p[i + 1];
			if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')) {
				n = 2;
				if ((e == 'p' || e == 'P' || e == 'x' || e == 'g' || e == 'k') && i + 2 < end &&
				    p[i + 2] == '{') {
					while (i + n < end && p[i + n] != '}')
						n++;
					n++;
				}
			} else {
				uint32_t cp;
				n = 1 + utf8_decode(p + i + 1, end - i - 1, &cp);
				memcpy(one, p + i + 1, n - 1);
				onelen = n - 1;
				literal = 1;
			}
		} else if (c == '[' || c == '(') {
			n = skip_nested(p, i, end) - i;
		} else if (strchr(".^$)", c)) {
			n = 1;
		} else if (c == '*' || c == '?' || (c == '{' && i + 1 < end && p[i + 1] == '0')) {
			/* the last character may be absent: it leaves the run */
			if (run.cps) {
				size_t k = run.len;
				while (k > 0 && ((unsigned char)run.buf[k - 1] & 0xC0) == 0x80)
					k--;
				run.len = k ? k - 1 : 0;
				run.cps--;
			}
			lit_take(&best, &run);
			run.len = run.cps = 0;
			while (i + n < end && p[i + n - 1] == '{' && p[i + n] != '}')
				n++;
			i += n + (c == '{');
			continue;
		} else if (c == '+' || c == '{') {
			while (c == '{' && i + n < end && p[i + n] != '}')
				n++;
			lit_take(&best, &run);
			run.len = run.cps = 0;
			i += n + (c == '{');
			continue;
		} else {
			uint32_t cp;
			n = utf8_decode(p + i, end - i, &cp);
			memcpy(one, p + i, n);
			onelen = n;
			literal = 1;
		}
		if (literal && run.len + onelen < sizeof run.buf) {
			memcpy(run.buf + run.len, one, onelen);
			run.len += onelen;
			run.cps++;
		} else {
			lit_take(&best, &run);
			run.len = run.cps = 0;
		}
		i += n;
	}
	lit_take(&best, &run);
	return best;
}

/* Adds `"term"` (FTS5 string quoting) to an OR-list. */
static void fts_append(char **q, size_t *qlen, const char *term, size_t len)
{
	char *g = realloc(*q, *qlen + 2 * len + 8);
	if (!g)
		return;
	*q = g;
	if (*qlen) {
		memcpy(*q + *qlen, " OR ", 4);
		*qlen += 4;
	}
	(*q)[(*qlen)++] = '"';
	for (size_t i = 0; i < len; i++) {
		if (term[i] == '"')
			(*q)[(*qlen)++] = '"';
		(*q)[(*qlen)++] = term[i];
	}
	(*q)[(*qlen)++] = '"';
	(*q)[*qlen] = '\0';
}

/* The prefilter of a regex: an FTS OR-list when every top-level branch holds
 * a literal of three or more characters, an instr() term for one short
 * unfoldable literal, else none. */
static enum prefilter regex_prefilter(const char *pattern, char **arg)
{
	size_t len = strlen(pattern);
	/* (?x) makes white space insignificant: literal runs would lie */
	for (const char *s = strstr(pattern, "(?"); s; s = strstr(s + 2, "(?"))
		for (const char *f = s + 2; *f && *f != ')' && *f != ':'; f++)
			if (*f == 'x')
				return PRE_NONE;
	char *fts = NULL;
	size_t ftslen = 0;
	size_t start = 0, branches = 0;
	struct lit only = {0};
	for (size_t i = 0; i <= len;) {
		if (i < len && (pattern[i] == '(' || pattern[i] == '[')) {
			i = skip_nested(pattern, i, len);
			continue;
		}
		if (i < len && pattern[i] == '\\') {
			i += 2;
			continue;
		}
		if (i >= len || pattern[i] == '|') {
			size_t end = i > len ? len : i;
			struct lit l = branch_literal(pattern, start, end);
			branches++;
			only = l;
			size_t flen;
			char *folded = text_fold(l.buf, l.len, 0, &flen);
			if (l.cps >= 3)
				fts_append(&fts, &ftslen, folded, flen);
			else {
				free(folded);
				free(fts);
				fts = NULL;
				break;
			}
			free(folded);
			start = i + 1;
		}
		i++;
	}
	if (fts) {
		*arg = fts;
		return PRE_FTS;
	}
	if (branches == 1 && only.cps > 0 && all_unfoldable(only.buf, only.len)) {
		*arg = strndup(only.buf, only.len);
		return PRE_INSTR;
	}
	return PRE_NONE;
}

static enum prefilter literal_prefilter(const struct matcher *mt, const char *pattern, char **arg)
{
	if (utf8_count(mt->needle, mt->nlen) >= 3) {
		*arg = NULL;
		size_t l = 0;
		fts_append(arg, &l, mt->needle, mt->nlen);
		return PRE_FTS;
	}
	if (all_unfoldable(pattern, strlen(pattern))) {
		*arg = strdup(pattern);
		return PRE_INSTR;
	}
	return PRE_NONE;
}

/* ---- the scan ---- */

#define PATH_CACHE 64

struct path_cache {
	int64_t id[PATH_CACHE];
	char *path[PATH_CACHE];
};

static const char *cached_path(model *m, struct path_cache *c, int64_t section)
{
	if (section <= 0)
		return "";
	size_t slot = (size_t)section % PATH_CACHE;
	if (c->id[slot] != section || !c->path[slot]) {
		free(c->path[slot]);
		c->path[slot] = model_section_path(m, section);
		c->id[slot] = section;
	}
	return c->path[slot] ? c->path[slot] : "";
}

/* Finds the next match in folded[from..flen); returns 1 with [*s, *e), 0 at
 * the end, -1 on a regex error. */
static int next_match(model *m, struct matcher *mt, const char *folded, size_t flen, size_t from,
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
	while (from <= flen) {
		int rc = pcre2_match(mt->re, (PCRE2_SPTR)folded, flen, from, PCRE2_NO_UTF_CHECK, mt->md,
		                     mt->mctx);
		if (rc == PCRE2_ERROR_NOMATCH)
			return 0;
		if (rc < 0) {
			if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
			    rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
				model_set_error(m, "regular expression too complex for this text (PCRE2 match "
				                   "limit reached): simplify it, e.g. avoid nested repetition");
			else {
				PCRE2_UCHAR msg[256];
				pcre2_get_error_message(rc, msg, sizeof msg);
				model_set_error(m, "regular expression: %s", msg);
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

static int scan(model *m, const struct search_query *q, search_hit_cb cb, void *ctx)
{
	struct matcher mt;
	if (matcher_init(m, &mt, q) < 0)
		return -1;
	char *arg = NULL;
	enum prefilter pre = q->regex ? regex_prefilter(q->pattern, &arg) : literal_prefilter(&mt, q->pattern, &arg);
	static const char base[] =
		"SELECT p.id, p.doc_id, coalesce(p.section_id, 0), p.ord, p.text, d.source,"
		" coalesce(d.region, ''), coalesce(d.title, '') FROM paragraphs p JOIN documents d ON d.id = p.doc_id"
		" WHERE (?1 IS NULL OR d.region = ?1)"
		" AND (?2 = 0 OR d.review_year = ?2 OR d.plan_year = ?2 OR substr(d.date, 1, 4) = CAST(?2 AS TEXT))"
		" AND (?3 = 0 OR d.id = ?3)";
	const char *extra = pre == PRE_FTS ? " AND p.id IN (SELECT rowid FROM " MODEL_FTS_TABLE
	                                      " WHERE " MODEL_FTS_TABLE " MATCH ?4)"
	                    : pre == PRE_INSTR ? " AND instr(p.text, ?4) > 0"
	                                       : "";
	char sql[1024];
	snprintf(sql, sizeof sql, "%s%s ORDER BY p.doc_id, p.ord", base, extra);
	sqlite3_stmt *st = model_prepare(m, sql);
	int rc = st ? 0 : -1;
	struct path_cache paths = {{0}, {0}};
	if (st) {
		model_bind_text(st, 1, q->region);
		sqlite3_bind_int(st, 2, q->year);
		sqlite3_bind_int64(st, 3, q->doc);
		if (pre != PRE_NONE)
			model_bind_text(st, 4, arg);
	}
	int step;
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 4);
		size_t len = (size_t)sqlite3_column_bytes(st, 4);
		size_t flen;
		char *folded = text_fold(text, len, !mt.regex && q->icase, &flen);
		if (!folded) {
			rc = -1;
			break;
		}
		/* cursor mapping folded bytes → code points → stored bytes, moved
		 * forward only, so a paragraph costs one pass however many hits */
		size_t fpos = 0, cps = 0, opos = 0, from = 0, s, e;
		int found;
		while ((found = next_match(m, &mt, folded, flen, from, &s, &e)) == 1) {
			struct search_hit h = {
				.doc = sqlite3_column_int64(st, 1),
				.paragraph = sqlite3_column_int64(st, 0),
				.section = sqlite3_column_int64(st, 2),
				.para_ord = sqlite3_column_int(st, 3),
				.source = (const char *)sqlite3_column_text(st, 5),
				.region = (const char *)sqlite3_column_text(st, 6),
				.title = (const char *)sqlite3_column_text(st, 7),
				.text = text,
				.len = len,
			};
			uint32_t cp;
			while (fpos < s) {
				fpos += utf8_decode(folded + fpos, flen - fpos, &cp);
				opos += utf8_decode(text + opos, len - opos, &cp);
				cps++;
			}
			h.cp_start = cps;
			h.byte_start = opos;
			while (fpos < e) {
				fpos += utf8_decode(folded + fpos, flen - fpos, &cp);
				opos += utf8_decode(text + opos, len - opos, &cp);
				cps++;
			}
			h.cp_end = cps;
			h.byte_end = opos;
			h.section_path = cached_path(m, &paths, h.section);
			if (cb(ctx, &h)) {
				found = 0;
				step = SQLITE_DONE;
				break;
			}
			from = e;
		}
		free(folded);
		if (found < 0)
			rc = -1;
		else if (step == SQLITE_DONE)
			break;
	}
	if (!rc && st && step != SQLITE_DONE && step != SQLITE_ROW) {
		model_sqlite_error(m, "search");
		rc = -1;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < PATH_CACHE; i++)
		free(paths.path[i]);
	free(arg);
	matcher_free(&mt);
	return rc;
}

int model_search(model *m, const struct search_query *q, search_hit_cb cb, void *ctx)
{
	if (!q->pattern || !*q->pattern) {
		model_set_error(m, "the pattern is empty");
		return -1;
	}
	/* a read transaction: one consistent snapshot even while an ingest
	 * commits documents in between */
	sqlite3_exec(m->db, "BEGIN", NULL, NULL, NULL);
	int rc = scan(m, q, cb, ctx);
	sqlite3_exec(m->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

struct counting {
	struct search_count *c;
	size_t n, cap;
	long total;
};

static int count_hit(void *ctx, const struct search_hit *h)
{
	struct counting *k = ctx;
	k->total++;
	if (k->n && k->c[k->n - 1].doc == h->doc) {
		k->c[k->n - 1].count++;
		return 0;
	}
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 16;
		struct search_count *g = realloc(k->c, k->cap * sizeof *g);
		if (!g)
			return 1;
		k->c = g;
	}
	k->c[k->n++] = (struct search_count){.doc = h->doc, .source = strdup(h->source), .count = 1};
	return 0;
}

int model_search_count(model *m, const struct search_query *q, struct search_count **out, size_t *n,
                       long *total)
{
	struct counting k = {0};
	int rc = model_search(m, q, count_hit, &k);
	if (rc < 0) {
		model_search_count_free(k.c, k.n);
		*out = NULL;
		*n = 0;
		*total = 0;
		return -1;
	}
	*out = k.c;
	*n = k.n;
	*total = k.total;
	return 0;
}

void model_search_count_free(struct search_count *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(c[i].source);
	free(c);
}
