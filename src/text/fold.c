/* fold.c — search folding: ＧＤＰ, ２０２５ and ， match GDP, 2025 and ",".
 *
 * One code point in, one out, so a match found at code point k of the folded
 * text is at code point k of the text as written, which is what is shown.
 */
#include "config.h"

#include <stdlib.h>

#include "text/t2s_table.h"
#include "text/text.h"

char *text_fold(const char *s, size_t len, int icase, size_t *out_len)
{
	/* a folded code point never takes more bytes than the original, except
	 * an invalid byte, which grows to U+FFFD's three */
	char *out = malloc(3 * len + 1);
	size_t i = 0, o = 0;
	uint32_t cp;

	if (!out)
		return NULL;
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		o += utf8_encode(text_fold_cp(cp, icase), out + o);
	}
	out[o] = '\0';
	if (out_len)
		*out_len = o;
	return out;
}

uint32_t text_t2s_cp(uint32_t cp)
{
	size_t lo = 0, hi = sizeof t2s_table / sizeof t2s_table[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t2s_table[mid].from < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sizeof t2s_table / sizeof t2s_table[0] && t2s_table[lo].from == cp
	           ? t2s_table[lo].to
	           : cp;
}
