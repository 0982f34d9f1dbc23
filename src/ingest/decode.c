/* decode.c — encodings in, UTF-8 out.  See decode.h for the order of tries. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/decode.h"
#include "text/text.h"

size_t decode_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n;
		uint32_t cp, min;
		if (c >= 0xC2 && c <= 0xDF)
			n = 2, cp = c & 0x1F, min = 0x80;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 3, cp = c & 0x0F, min = 0x800;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 4, cp = c & 0x07, min = 0x10000;
		else
			return i;
		if (len - i < n)
			return i;
		for (size_t k = 1; k < n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n;
	}
	return len;
}

/* CRLF and lone CR → LF, in place; returns the new length. */
static size_t normalise_newlines(char *s, size_t len)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r') {
			s[o++] = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else {
			s[o++] = s[i];
		}
	}
	s[o] = '\0';
	return o;
}

static char *copy_bytes(const char *data, size_t len)
{
	char *t = malloc(len + 1);
	if (t) {
		memcpy(t, data, len);
		t[len] = '\0';
	}
	return t;
}

static size_t put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | cp >> 12);
		o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | cp >> 18);
	o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* UTF-16 after its BOM.  Unpaired surrogates and an odd byte count are
 * refused rather than patched: such a file was not written as UTF-16. */
static int decode_utf16(const unsigned char *s, size_t len, int big_endian, struct decoded *out,
                        const char **reason)
{
	if (len % 2) {
		*reason = "invalid UTF-16";
		return -1;
	}
	/* each unit gives at most 3 bytes; a surrogate pair (2 units) gives 4 */
	char *t = malloc(len / 2 * 3 + 1);
	if (!t) {
		*reason = "out of memory";
		return -1;
	}
	size_t o = 0;
	for (size_t i = 0; i < len; i += 2) {
		uint32_t u =
		    big_endian ? (uint32_t)s[i] << 8 | s[i + 1] : (uint32_t)s[i + 1] << 8 | s[i];
		if (u >= 0xD800 && u <= 0xDBFF) {
			uint32_t v = 0;
			if (i + 3 < len)
				v = big_endian ? (uint32_t)s[i + 2] << 8 | s[i + 3]
				               : (uint32_t)s[i + 3] << 8 | s[i + 2];
			if (v < 0xDC00 || v > 0xDFFF) {
				free(t);
				*reason = "invalid UTF-16";
				return -1;
			}
			u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
			i += 2;
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			free(t);
			*reason = "invalid UTF-16";
			return -1;
		} else if (u == 0) {
			free(t);
			*reason = "binary file (NUL bytes)";
			return -1;
		}
		o += put_utf8(t + o, u);
	}
	t[o] = '\0';
	out->text = t;
	out->len = o;
	out->encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
	return 0;
}

/* Strictly through iconv: any EILSEQ/EINVAL means "not in that encoding". */
static int decode_iconv(const char *data, size_t len, const char *from, const char *name,
                        struct decoded *out)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return -1;
	/* a GB18030 character is 1, 2 or 4 bytes and becomes at most 4 UTF-8 bytes */
	size_t cap = len * 2 + 16;
	char *t = malloc(cap + 1);
	if (!t) {
		iconv_close(cd);
		return -1;
	}
	char *in = (char *)data, *o = t;
	size_t inleft = len, outleft = cap;
	int ok = 1;
	while (inleft > 0) {
		if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
			if (errno == E2BIG) {
				size_t used = (size_t)(o - t);
				char *bigger = realloc(t, cap * 2 + 1);
				if (!bigger) {
					ok = 0;
					break;
				}
				t = bigger;
				o = t + used;
				outleft += cap;
				cap *= 2;
				continue;
			}
			ok = 0;
			break;
		}
	}
	if (ok && iconv(cd, NULL, NULL, &o, &outleft) == (size_t)-1)
		ok = 0;
	iconv_close(cd);
	/* iconv must have produced valid UTF-8; check rather than trust */
	if (!ok || decode_utf8_valid(t, (size_t)(o - t)) != (size_t)(o - t)) {
		free(t);
		return -1;
	}
	*o = '\0';
	out->text = t;
	out->len = (size_t)(o - t);
	out->encoding = name;
	return 0;
}

/* The characters that make up half of any Chinese text, in both scripts.
 * Big5 bytes read as GB18030 (and the reverse) decode to rare characters:
 * the reading in which these are more frequent is the right one. */
static const char common_han[] =
    "的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會"
    "可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着等部度家"
    "电電力里裡如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開"
    "它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内數数正心反明看原"
    "又利比或但质質气氣第向道命此变變条條只没沒结結解问問意建月公无無系军軍很情者最立代想已通并提直"
    "题題党黨程展五果象员員位入常文总總次品式活设設及管特件长長求基资資边邊流路级級少图圖山统統接知"
    "较較将將组組见見计計别別期根论論运運农農指九区區强強放决決西被做必先回则則任取据據处處府市县縣"
    "镇鎮村增加万萬亿億元投项項目全省推持续續";

/* How many of the first Han characters of s are common (*hits), and their
 * share per mille (1000 when there are too few Han characters to tell). */
static int common_share(const char *s, size_t len, size_t *hits_out)
{
	static uint32_t set[sizeof common_han];
	static size_t nset;
	if (!nset)
		for (size_t i = 0; i < sizeof common_han - 1 && nset < sizeof set / sizeof *set;) {
			uint32_t cp;
			i += utf8_decode(common_han + i, sizeof common_han - 1 - i, &cp);
			set[nset++] = cp;
		}
	size_t han = 0, hits = 0;
	for (size_t i = 0; i < len && han < 4000;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (cp < 0x3400 || cp > 0x9FFF)
			continue;
		han++;
		for (size_t k = 0; k < nset; k++)
			if (set[k] == cp) {
				hits++;
				break;
			}
	}
	*hits_out = hits;
	/* too few to tell: taken as what it reads as */
	return han >= 50 ? (int)(hits * 1000 / han) : 1000;
}

/* a text in Han characters should be at least this common (per mille):
 * Chinese runs at 400 and more; Shift_JIS or EUC-KR read as GB18030 at
 * well under 100 */
#define COMMON_SHARE_MIN 150

/* Neither UTF-8 nor UTF-16: GB18030 or Big5, whichever reads as Chinese;
 * else the reason, naming what the bytes look like. */
static int decode_chinese(const char *data, size_t len, struct decoded *out, const char **reason)
{
	/* judged on the first 64 KiB (to a line end), so a large file is
	 * decoded in full only once */
	size_t plen = len;
	if (len > 65536) {
		const char *nl = memrchr(data, '\n', 65536);
		plen = nl ? (size_t)(nl - data) + 1 : len;
	}
	struct decoded gb = {0}, big5 = {0};
	int gb_ok = decode_iconv(data, plen, "GB18030", "GB18030", &gb) == 0;
	int big5_ok = decode_iconv(data, plen, "BIG5-HKSCS", "Big5", &big5) == 0;
	size_t gb_hits = 0, big5_hits = 0;
	int gb_share = gb_ok ? common_share(gb.text, gb.len, &gb_hits) : -1;
	int big5_share = big5_ok ? common_share(big5.text, big5.len, &big5_hits) : -1;
	free(gb.text);
	free(big5.text);
	/* the reading with more common characters, GB18030 on a tie */
	int use_big5 = big5_ok && (!gb_ok || big5_hits > gb_hits);
	int share = use_big5 ? big5_share : gb_share;
	if ((gb_ok || big5_ok) && share >= COMMON_SHARE_MIN) {
		if (use_big5 ? decode_iconv(data, len, "BIG5-HKSCS", "Big5", out) == 0
		             : decode_iconv(data, len, "GB18030", "GB18030", out) == 0)
			return 0;
		memset(out, 0, sizeof *out);
		*reason = use_big5 ? "not valid Big5 past its beginning"
		                   : "not valid GB18030 past its beginning";
		return -1;
	}
	memset(out, 0, sizeof *out);
	/* name what it looks like */
	struct decoded other = {0};
	if (decode_iconv(data, len, "SHIFT_JIS", "Shift_JIS", &other) == 0) {
		int kana = strstr(other.text, "\xe3\x81") || strstr(other.text, "\xe3\x82");
		free(other.text);
		if (kana) {
			*reason = "not Chinese text: it reads as Shift_JIS (Japanese); convert it "
			          "to UTF-8 if "
			          "it is a report";
			return -1;
		}
	}
	if (decode_iconv(data, len, "EUC-KR", "EUC-KR", &other) == 0) {
		int hangul = 0;
		for (size_t i = 0; i + 2 < other.len && !hangul; i++)
			hangul = (unsigned char)other.text[i] == 0xEA ||
			         (unsigned char)other.text[i] == 0xEB ||
			         (unsigned char)other.text[i] == 0xEC ||
			         (unsigned char)other.text[i] == 0xED;
		free(other.text);
		if (hangul) {
			*reason = "not Chinese text: it reads as EUC-KR (Korean); convert it to "
			          "UTF-8 if it "
			          "is a report";
			return -1;
		}
	}
	*reason = gb_ok || big5_ok ? "not UTF-8, UTF-16, GB18030 or Big5: as GB18030 it reads as "
	                             "random characters"
	                           : "not UTF-8, UTF-16, GB18030 or Big5";
	return -1;
}

static int only_whitespace(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
			continue;
		/* U+3000 ideographic space, the indent of Chinese plain text */
		if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x80) {
			i += 2;
			continue;
		}
		return 0;
	}
	return 1;
}

int decode_text_owned(char *data, size_t len, struct decoded *out, const char **reason)
{
	const unsigned char *u = (const unsigned char *)data;
	memset(out, 0, sizeof *out);
	*reason = NULL;
	if (len == 0) {
		free(data);
		*reason = "empty file";
		return -1;
	}
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		int rc = decode_utf16(u + 2, len - 2, u[0] == 0xFE, out, reason);
		free(data);
		if (rc < 0)
			return -1;
	} else if (memchr(data, '\0', len)) {
		free(data);
		*reason = "binary file (NUL bytes)";
		return -1;
	} else {
		int bom = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF;
		size_t blen = len - (bom ? 3 : 0);
		if (decode_utf8_valid(data + (bom ? 3 : 0), blen) == blen) {
			/* UTF-8 stays where it was read: the file is in memory once */
			if (bom)
				memmove(data, data + 3, blen);
			data[blen] = '\0';
			out->text = data;
			out->len = blen;
			out->encoding = bom ? "UTF-8 BOM" : "UTF-8";
		} else {
			/* a UTF-8 BOM followed by invalid UTF-8 is a broken file, not GB18030 */
			int rc = bom ? -1 : decode_chinese(data, len, out, reason);
			free(data);
			if (rc < 0) {
				if (bom || !*reason)
					*reason = "not UTF-8, UTF-16, GB18030 or Big5";
				return -1;
			}
		}
	}
	/* a BOM the decoder passed through (GB18030's 84 31 95 33 becomes
	 * U+FEFF), and those inside the text where files were joined with cat:
	 * a heading after one would no longer start its line */
	char *w = memmem(out->text, out->len, "\xEF\xBB\xBF", 3);
	if (w) {
		size_t o = (size_t)(w - out->text);
		for (size_t i = o; i < out->len;) {
			if (i + 3 <= out->len && memcmp(out->text + i, "\xEF\xBB\xBF", 3) == 0) {
				i += 3;
				continue;
			}
			out->text[o++] = out->text[i++];
		}
		out->text[o] = '\0';
		out->len = o;
	}
	out->len = normalise_newlines(out->text, out->len);
	if (only_whitespace(out->text, out->len)) {
		free(out->text);
		memset(out, 0, sizeof *out);
		*reason = "empty file";
		return -1;
	}
	return 0;
}

int decode_text(const char *data, size_t len, struct decoded *out, const char **reason)
{
	char *copy = copy_bytes(data, len);
	if (!copy) {
		memset(out, 0, sizeof *out);
		*reason = "out of memory";
		return -1;
	}
	return decode_text_owned(copy, len, out, reason);
}
