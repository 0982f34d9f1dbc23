/* decode.h — raw file bytes → UTF-8 text with LF line ends.
 *
 * Accepted: UTF-8 with or without BOM, UTF-16LE/BE with BOM, Big5, GB18030 (and so
 * GBK/GB2312, its subsets).  Strict UTF-8 is tried first because GB18030 can
 * decode almost any byte string; GB18030 is tried strictly (no //IGNORE). */
#ifndef BAOGAO_DECODE_H
#define BAOGAO_DECODE_H

#include <stddef.h>

struct decoded {
	char *text; /* malloc'd, NUL-terminated UTF-8, no BOM, "\n" line ends */
	size_t len;
	const char *encoding; /* static: "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "GB18030" */
};

/* Returns 0 and fills *out, or -1 with *reason set to a static one-line reason
 * ("empty file", "binary file (NUL bytes)", "not UTF-8, UTF-16, GB18030 or Big5",
 * "invalid UTF-16", "out of memory"). */
int decode_text(const char *data, size_t len, struct decoded *out, const char **reason);
/* The same on a malloc'd buffer of at least len + 1 bytes, which it takes
 * over (freed, or become out->text: UTF-8 is decoded in place). */
int decode_text_owned(char *data, size_t len, struct decoded *out, const char **reason);

/* Length of the longest valid UTF-8 prefix (strict: no overlongs, surrogates
 * or code points past U+10FFFF). */
size_t decode_utf8_valid(const char *s, size_t len);

#endif
