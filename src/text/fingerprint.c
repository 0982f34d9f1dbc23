/* fingerprint.c — bottom-k sketches of Han text (see fingerprint.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "text/chars.h"
#include "text/fingerprint.h"
#include "text/text.h"

/* what every form keeps: Han characters and digits (full-width folded) */
static int kept(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || text_is_han(cp);
}

void text_fp_init(struct text_fp *fp)
{
	memset(fp, 0, sizeof *fp);
}

/* splitmix64's finaliser: FNV alone leaves the low values clustered */
static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xBF58476D1CE4E5B9ull;
	x ^= x >> 27;
	x *= 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

static void keep(uint64_t *min, size_t *n, uint64_t h)
{
	if (*n == TEXT_FP_K && h >= min[TEXT_FP_K - 1])
		return;
	size_t i = *n;
	while (i > 0 && min[i - 1] > h)
		i--;
	if (i > 0 && min[i - 1] == h)
		return;
	size_t move = (*n < TEXT_FP_K ? *n : TEXT_FP_K - 1) - i;
	memmove(&min[i + 1], &min[i], move * sizeof min[0]);
	min[i] = h;
	if (*n < TEXT_FP_K)
		++*n;
}

void text_fp_add(struct text_fp *fp, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		cp = text_fold_cp(cp, 0);
		if (!kept(cp))
			continue;
		fp->han += cp > '9';
		memmove(fp->gram, fp->gram + 1, (TEXT_FP_GRAM - 1) * sizeof fp->gram[0]);
		fp->gram[TEXT_FP_GRAM - 1] = cp;
		if (++fp->filled < TEXT_FP_GRAM)
			continue;
		uint64_t h = 0xCBF29CE484222325ull; /* FNV-1a over the run */
		int digit = 0;
		for (size_t k = 0; k < TEXT_FP_GRAM; k++) {
			h ^= fp->gram[k];
			h *= 0x100000001B3ull;
			digit |= fp->gram[k] <= '9';
		}
		h = mix(h);
		keep(fp->all, &fp->nall, h);
		if (digit)
			keep(fp->min, &fp->n, h);
	}
}

void text_fp_hex(const struct text_fp *fp, char out[TEXT_FP_HEX + 1])
{
	out[0] = '\0';
	const uint64_t *v = fp->n == TEXT_FP_K ? fp->min : fp->all;
	if (fp->nall < TEXT_FP_K)
		return; /* too short to tell one report from another */
	for (size_t i = 0; i < TEXT_FP_K; i++)
		snprintf(out + i * 16, 17, "%016llx", (unsigned long long)v[i]);
}

static int parse(const char *s, uint64_t v[TEXT_FP_K])
{
	if (!s || strlen(s) != TEXT_FP_HEX)
		return -1;
	for (size_t i = 0; i < TEXT_FP_K; i++) {
		uint64_t x = 0;
		for (size_t k = 0; k < 16; k++) {
			char c = s[i * 16 + k];
			int d = c >= '0' && c <= '9'   ? c - '0'
			        : c >= 'a' && c <= 'f' ? c - 'a' + 10
			                               : -1;
			if (d < 0)
				return -1;
			x = x << 4 | (uint64_t)d;
		}
		v[i] = x;
	}
	return 0;
}

double text_fp_similarity(const char *a, const char *b)
{
	uint64_t x[TEXT_FP_K], y[TEXT_FP_K];
	if (parse(a, x) < 0 || parse(b, y) < 0)
		return 0;
	/* the K smallest of the union, and how many of them both hold */
	size_t i = 0, j = 0, taken = 0, both = 0;
	while (taken < TEXT_FP_K && i < TEXT_FP_K && j < TEXT_FP_K) {
		if (x[i] == y[j]) {
			both++;
			i++, j++;
		} else if (x[i] < y[j]) {
			i++;
		} else {
			j++;
		}
		taken++;
	}
	return (double)both / TEXT_FP_K;
}
