/* regex_text.c — what a regular expression's text says before it is
 * compiled: the literal every match must contain (for the trigram index and
 * the required-runs precheck) and its shape (for the "too complex" message).
 * Reading only: pattern.c compiles and matches. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/pattern.h"
#include "model/regex_text.h"
#include "text/text.h"

static void lit_take(struct rx_lit *best, const struct rx_lit *run)
{
	if (run->cps > best->cps)
		*best = *run;
}

static void lit_drop_last(struct rx_lit *run)
{
	if (!run->cps)
		return;
	size_t k = run->len;
	while (k > 0 && ((unsigned char)run->buf[k - 1] & 0xC0) == 0x80)
		k--;
	run->len = k ? k - 1 : 0;
	run->cps--;
}

/* Index after the delimited run starting at p[i] (an opener), or end. */
static size_t skip_to(const char *p, size_t i, size_t end, char close)
{
	while (i < end && p[i] != close)
		i++;
	return i < end ? i + 1 : end;
}

/* Skips a bracketed class or group starting at p[i]; returns the index after it. */
size_t rx_skip_nested(const char *p, size_t i, size_t len)
{
	if (p[i] == '[') {
		i++;
		if (i < len && p[i] == '^')
			i++;
		if (i < len && p[i] == ']')
			i++;
		while (i < len && p[i] != ']') {
			if (p[i] == '\\')
				i += 2;
			else if (p[i] == '[' && i + 1 < len &&
			         (p[i + 1] == ':' || p[i + 1] == '.' || p[i + 1] == '='))
				i = skip_to(p, i + 2, len, ']'); /* [:alpha:] */
			else
				i++;
		}
		return i < len ? i + 1 : len;
	}
	int depth = 0;
	while (i < len) {
		if (p[i] == '\\') {
			i += 2;
			continue;
		}
		if (p[i] == '[') {
			i = rx_skip_nested(p, i, len);
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

/* Length of the escape at p[i] == '\\'.  *lit receives the byte length of
 * the character it stands for when it is a plain literal (an escaped
 * non-alphanumeric), else 0. */
size_t rx_escape_len(const char *p, size_t i, size_t end, size_t *lit)
{
	*lit = 0;
	if (i + 1 >= end)
		return end - i;
	unsigned char e = (unsigned char)p[i + 1];
	if (!IS_ASCII_ALNUM(e)) {
		uint32_t cp;
		size_t n = utf8_decode(p + i + 1, end - i - 1, &cp);
		*lit = n;
		return 1 + n;
	}
	size_t j = i + 2;
	switch (e) {
	case 'x':
		if (j < end && p[j] == '{')
			j = skip_to(p, j, end, '}');
		else
			for (int k = 0; k < 2 && j < end && IS_ASCII_ALNUM(p[j]); k++)
				j++;
		break;
	case 'o':
	case 'N':
		if (j < end && p[j] == '{')
			j = skip_to(p, j, end, '}');
		break;
	case 'p':
	case 'P':
		if (j < end && p[j] == '{')
			j = skip_to(p, j, end, '}');
		else if (j < end)
			j++;
		break;
	case 'c':
		if (j < end)
			j++;
		break;
	case 'g':
	case 'k':
		if (j < end && (p[j] == '{' || p[j] == '<' || p[j] == '\'')) {
			j = skip_to(p, j + 1, end, p[j] == '{' ? '}' : p[j] == '<' ? '>' : '\'');
		} else {
			if (j < end && (p[j] == '+' || p[j] == '-'))
				j++;
			while (j < end && IS_DIGIT(p[j]))
				j++;
		}
		break;
	default:
		if (IS_DIGIT(e))
			while (j < end && IS_DIGIT(p[j]))
				j++;
		break;
	}
	return j - i;
}

/* A quantifier at p[i]: returns its length (0 if none) and whether it allows
 * zero repetitions.  A brace that is not a plain {n}, {n,}, {n,m} or {,m} is
 * taken as "maybe zero" up to its }, whichever way PCRE2 reads it. */
static size_t quantifier(const char *p, size_t i, size_t end, int *may_be_zero)
{
	*may_be_zero = 0;
	if (p[i] == '*' || p[i] == '?') {
		*may_be_zero = 1;
		return 1;
	}
	if (p[i] == '+')
		return 1;
	if (p[i] != '{')
		return 0;
	size_t j = i + 1, min_start = j;
	while (j < end && IS_DIGIT(p[j]))
		j++;
	int has_min = j > min_start, zero = 1, ok;
	for (size_t k = min_start; k < j; k++)
		if (p[k] != '0')
			zero = 0;
	if (j < end && p[j] == ',') {
		size_t max_start = ++j;
		while (j < end && IS_DIGIT(p[j]))
			j++;
		ok = has_min || j > max_start;
	} else {
		ok = has_min;
	}
	if (ok && j < end && p[j] == '}') {
		*may_be_zero = zero;
		return j + 1 - i;
	}
	*may_be_zero = 1;
	return skip_to(p, i, end, '}') - i;
}

/* What makes a pattern backtrack without end: a repeated group that holds
 * an unbounded repetition itself ((a+)+, (.*a){20}) or a choice of
 * alternatives ((a|aa)+).  Only then does the "too complex" message name
 * nested repetition; a linear pattern that reaches PCRE2's limit is told
 * apart (issue 14: 增长.*美元 was called nested). */
/* A quantifier that repeats more than once (not ?, {0,1}, {1}). */
static size_t repeats(const char *p, size_t i, size_t end)
{
	int zero;
	size_t q = quantifier(p, i, end, &zero);
	if (!q || p[i] == '?')
		return 0;
	if (p[i] == '{') {
		/* {n}, {n,m}: a repetition when the largest count is over 1 */
		unsigned long hi = 0;
		const char *c = memchr(p + i, ',', q);
		const char *from = c ? c + 1 : p + i + 1;
		if (c && (size_t)(from - p) == i + q - 1)
			return q; /* {n,} */
		hi = strtoul(from, NULL, 10);
		if (hi < 2)
			return 0;
	}
	return q;
}

enum pattern_shape pattern_shape(const char *p, size_t len)
{
	/* per open group: holds a repetition, holds a | */
	unsigned char rep[64] = {0}, alt[64] = {0};
	int depth = 0;
	enum pattern_shape worst = SHAPE_LINEAR;
	for (size_t i = 0; i < len;) {
		if (p[i] == '\\') {
			size_t lit;
			i += rx_escape_len(p, i, len, &lit);
		} else if (p[i] == '[') {
			i = rx_skip_nested(p, i, len);
		} else if (p[i] == '(') {
			if (depth < 63) {
				depth++;
				rep[depth] = alt[depth] = 0;
			}
			i++;
			continue;
		} else if (p[i] == '|') {
			alt[depth] = 1;
			i++;
			continue;
		} else if (p[i] == ')' && depth > 0) {
			i++;
			size_t q = i < len ? repeats(p, i, len) : 0;
			int inner_rep = rep[depth], inner_alt = alt[depth];
			depth--;
			if (q && inner_rep)
				worst = SHAPE_NESTED;
			else if (q && inner_alt && worst == SHAPE_LINEAR)
				worst = SHAPE_ALTERNATIVES;
			if (inner_rep || q)
				rep[depth] = 1;
			i += q;
			continue;
		} else {
			i++;
		}
		/* the atom just passed (a character, escape or class) repeated */
		size_t q = i < len ? repeats(p, i, len) : 0;
		if (q) {
			rep[depth] = 1;
			i += q;
		}
	}
	return worst;
}

/* Longest literal run of one alternation-free branch p[i, end). */
struct rx_lit rx_branch_literal(const char *p, size_t i, size_t end)
{
	struct rx_lit best = {0}, run = {0};
	while (i < end) {
		char c = p[i];
		int zero;
		size_t q = quantifier(p, i, end, &zero);
		if (q) {
			/* the repeated character may be absent, or repeated: either way
			 * the run cannot go on past it */
			if (zero)
				lit_drop_last(&run);
			lit_take(&best, &run);
			run.len = run.cps = 0;
			i += q;
			continue;
		}
		size_t n, onelen = 0;
		const char *one = p + i;
		if (c == '\\') {
			n = rx_escape_len(p, i, end, &onelen);
			one = p + i + 1;
		} else if (c == '[' || c == '(') {
			n = rx_skip_nested(p, i, end) - i;
		} else if (strchr(".^$)", c)) {
			n = 1;
		} else {
			uint32_t cp;
			n = utf8_decode(p + i, end - i, &cp);
			onelen = n;
		}
		/* a character followed by a quantifier is handled above, on the
		 * next turn, by dropping it from the run */
		if (onelen && run.len + onelen < sizeof run.buf) {
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

/* ---- FTS5 queries ---- */

/* Most trigrams a two-character literal is asked as; past it, the literal
 * is common enough that reading the text costs about the same. */
/* The runs of non-ASCII literal characters in a pattern that has no
 * alternation, group or escape (so that nothing can make them optional but
 * a quantifier after them): every match holds each.  NULL when there is
 * none or the pattern is not that simple. */
char *rx_required_runs(const char *p, size_t len)
{
	if (memchr(p, '|', len) || memchr(p, '(', len) || memchr(p, '\\', len))
		return NULL;
	char *out = malloc(len + 2);
	if (!out)
		return NULL;
	size_t o = 0, runs = 0;
	for (size_t i = 0; i < len;) {
		if (p[i] == '[') { /* a class: none of it is literal */
			i++;
			if (i < len && p[i] == ']')
				i++;
			while (i < len && p[i] != ']')
				i++;
			i++;
			continue;
		}
		if ((unsigned char)p[i] < 0x80) {
			i++;
			continue;
		}
		size_t start = i, end = i;
		while (end < len && (unsigned char)p[end] >= 0x80) {
			uint32_t cp;
			size_t k = utf8_decode(p + end, len - end, &cp);
			/* a character a quantifier may drop ends the run before it */
			if (end + k < len && strchr("?*{", p[end + k]))
				break;
			end += k;
		}
		if (end > start) {
			memcpy(out + o, p + start, end - start);
			o += end - start;
			out[o++] = '\0';
			runs++;
		}
		i = end > start ? end : i + 1;
		while (i < len && (unsigned char)p[i] >= 0x80) /* the dropped character */
			i++;
	}
	out[o] = '\0';
	if (!runs) {
		free(out);
		return NULL;
	}
	return out;
}
