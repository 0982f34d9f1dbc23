/* utf8.c — strict UTF-8 decoding and encoding.
 *
 * Strict because report text is hostile: overlong forms, surrogates and code
 * points past U+10FFFF could smuggle an ESC or a NUL past a naive check, so each
 * of them is one invalid byte, shown as U+FFFD.  Consuming a single byte keeps
 * the following character intact (a lenient decoder would swallow it).
 */
#include "config.h"

#include <string.h>

#include "text/text.h"

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t need, i;
	uint32_t c, min;

	if (len == 0) {
		*cp = TEXT_REPLACEMENT;
		return 0;
	}
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		c &= 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		c &= 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		c &= 0x07;
		min = 0x10000;
	} else {
		*cp = TEXT_REPLACEMENT;
		return 1;
	}
	if (len <= need) {
		*cp = TEXT_REPLACEMENT;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = TEXT_REPLACEMENT;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = TEXT_REPLACEMENT;
		return 1;
	}
	*cp = c;
	return need + 1;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = TEXT_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t n = 0, i = 0;
	uint32_t cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		n++;
	}
	return n;
}

size_t utf8_offset(const char *s, size_t len, size_t idx)
{
	size_t i = 0;
	uint32_t cp;
	const unsigned char *u = (const unsigned char *)s;

	while (idx > 0 && i < len) {
		/* ASCII and the three-byte sequences of CJK (leads E1–EC: never
		 * overlong, never a surrogate) need no full decode */
		if (u[i] < 0x80)
			i++;
		else if (u[i] >= 0xE1 && u[i] <= 0xEC && i + 2 < len && (u[i + 1] & 0xC0) == 0x80 &&
		         (u[i + 2] & 0xC0) == 0x80)
			i += 3;
		else
			i += utf8_decode(s + i, len - i, &cp);
		idx--;
	}
	return i;
}

int text_csv_formula(const char *s)
{
	if (!s || !strchr("=+-@\t\r", s[0]) || !s[0])
		return 0;
	if (s[0] == '-' || s[0] == '+') { /* a signed number is a number */
		const char *p = s + 1;
		int digits = 0;
		while ((*p >= '0' && *p <= '9') || *p == '.')
			digits += *p++ != '.';
		if (*p == '%')
			p++;
		if (digits && !*p)
			return 0;
	}
	return 1;
}
