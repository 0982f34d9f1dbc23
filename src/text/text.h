/* text.h — display width, sanitizing, cutting, wrapping and search folding.
 *
 * The one place that decides how wide a character is on the terminal.  Pure:
 * no curses, no I/O, so the viewer, the tables, `baogao show` and the tests
 * all lay text out identically.  All strings are UTF-8; invalid bytes count
 * as U+FFFD (one column), never skipped.
 */
#ifndef BAOGAO_TEXT_H
#define BAOGAO_TEXT_H

#include <stddef.h>
#include <stdint.h>

#define TEXT_REPLACEMENT 0xFFFDu

/* Decode one code point from s[0..len).  Returns the bytes consumed (>= 1 when
 * len > 0).  Invalid or truncated sequences yield U+FFFD and consume 1 byte. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp (invalid → U+FFFD) into out; returns 1..4. */
size_t utf8_encode(uint32_t cp, char out[4]);
/* Number of code points (invalid bytes count one each). */
size_t utf8_count(const char *s, size_t len);
/* Byte offset of code point index `idx` (clamped to len). */
size_t utf8_offset(const char *s, size_t len, size_t idx);

/* Ambiguous-width characters (“ ” ◆ — · … Ⅲ ① box drawing …): 1 (narrow, the
 * glibc answer and the default) or 2 (wide, as in CJK terminals). Process-wide. */
void text_set_ambiguous_width(int width);
int text_ambiguous_width(void);
int text_is_ambiguous(uint32_t cp);
/* What text_sanitize shows as U+FFFD: C1 controls, bidi controls, line and
 * paragraph separators, non-characters.  JSON escapes the same set. */
int text_is_replaced(uint32_t cp);

/* Columns taken by one code point: 0, 1 or 2, never -1.  Built on wcwidth()
 * under a UTF-8 locale (the caller need not set one: text.c uses its own
 * table fallback when the locale is not UTF-8); characters wcwidth does not
 * know (newer than Unicode 14) are decided here: East Asian Wide/Fullwidth
 * ranges and emoji → 2, the rest → 1.  Control characters return the width of
 * their visible replacement (see text_sanitize), i.e. 1. */
int text_char_width(uint32_t cp);
/* Display width of s[0..len) as text_sanitize would show it (tabs at stop 8
 * from column 0). */
int text_width(const char *s, size_t len);
int text_width_cstr(const char *s);

/* Make text safe and visible for a terminal.  Returns a malloc'd NUL-terminated
 * UTF-8 string: invalid UTF-8 → U+FFFD; C0 controls → Control Pictures
 * (U+2400 + c, e.g. ESC → ␛, CR → ␍, LF → ␊); DEL → ␡; C1 controls
 * (U+0080..U+009F) → U+FFFD; tabs expanded to spaces with stop 8, counting
 * from column `col0`; bidi overrides/isolates (U+202A–202E, U+2066–2069) and
 * other zero-width format characters that could reorder the screen → U+FFFD.
 * If out_len is not NULL it receives the byte length. */
char *text_sanitize(const char *s, size_t len, int col0, size_t *out_len);
/* One code point as text_sanitize writes it at column *col (advanced):
 * returns its bytes, written to out when out is not NULL (up to 8). */
size_t text_sanitize_cp(uint32_t cp, int *col, char *out);

/* Longest prefix of s[0..len) whose width is <= width, never splitting a
 * code point or a wide character.  Returns its byte length; *used receives its
 * width (may be width-1 when a wide char would straddle the edge). */
size_t text_cut(const char *s, size_t len, int width, int *used);
/* Cut s (already sanitized) to exactly `width` columns: cut, then pad with
 * spaces (also the column freed by a wide char that did not fit).  With
 * ellipsis != 0 a cut string ends in "…" (narrow mode) / "~" (wide mode).
 * Returns malloc'd. */
char *text_fit(const char *s, int width, int ellipsis);
/* Right-align variant used for numeric table columns. */
char *text_fit_right(const char *s, int width);

/* One wrapped line: bytes [start, end) of the input, its width, and the
 * number of spaces to put before it (the hanging indent of continuation
 * lines).  Trailing spaces at a break are excluded from [start,end). */
typedef struct text_line {
	size_t start, end;
	int width;
	int indent;
} text_line;

/* Wrap s[0..len) (sanitized, no newlines) to `width` columns with Chinese
 * line-breaking rules (clreq basic level, 避头尾): no line starts with closing
 * punctuation （，。、；：？！）》」』】〉”’… and ASCII , . ; : ? ! ) nor ends with
 * an opening one （《「『【〈“‘ (; "——" and "……" never split; a number with its
 * unit or % stays together when the width allows; Latin words are not broken
 * unless longer than a line.  Greedy fill with step back.  Continuation lines
 * get `hang` columns of indent (0 for plain paragraphs; the width of the
 * list/number marker for list items — see text_hang_indent).  Returns the
 * number of lines and a malloc'd array in *lines (free()).  Every line's
 * indent + width <= width; concatenating the lines (plus the dropped break
 * spaces) gives back the input unchanged. */
size_t text_wrap(const char *s, size_t len, int width, int hang, text_line **lines);
/* Width of a leading list marker ("◆", "- ◆", "1. ", "（一）", "一是" is NOT a
 * marker) that continuation lines should be indented under; 0 if none. */
int text_hang_indent(const char *s, size_t len);
/* Punctuation that ends a clause (，、 ,) or a sentence (。；！？ ; ! ?) at cp:
 * where an excerpt may start and a clause be marked.  ASCII '.' is no
 * stop: it is the decimal point of 457.6. */
enum text_stop { TEXT_STOP_NONE, TEXT_STOP_CLAUSE, TEXT_STOP_SENTENCE };
enum text_stop text_stop_at(uint32_t cp);

/* Search folding: one code point in → one code point out, so code point
 * offsets in folded text equal those in the original.  Full-width ASCII
 * (U+FF01–FF5E) → ASCII, U+3000 → space, a traditional character → its
 * simplified form (OpenCC's characters, t2s_table.h: 專業鎮 → 专业镇); with
 * icase, ASCII A–Z → a–z.
 * Returns malloc'd; *out_len receives byte length. */
char *text_fold(const char *s, size_t len, int icase, size_t *out_len);
/* The code points text_fold_cp may change (with or without icase), as
 * ascending inclusive ranges: outside them it is the identity.  The model
 * learns what folding touches from these instead of asking all of Unicode
 * at every start (pattern.c); test_text checks them against text_fold_cp. */
/* clang-format off */
#define TEXT_FOLD_DOMAIN {{'A', 'Z'}, {0x3000, 0x3000}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, \
                          {0xF900, 0xFAFF}, {0xFF01, 0xFF5E}, {0x20000, 0x2A6DF}}
/* clang-format on */
/* The simplified form of a traditional character, else cp itself. */
uint32_t text_t2s_cp(uint32_t cp);
static inline uint32_t text_fold_cp(uint32_t cp, int icase)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFF01 - 0x21;
	else if (cp == 0x3000)
		cp = ' ';
	else if (cp >= 0x3400 && cp <= 0x2A6DF && (cp <= 0xFAFF || cp >= 0x20000))
		cp = text_t2s_cp(cp);
	if (icase && cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	return cp;
}

/* Would a spreadsheet read this CSV field as a formula (a leading = + - @,
 * tab or CR, as OWASP lists them)?  A plain number ("-0.7", "+3.9%") is
 * not.  Every CSV writer puts a ' in front of such a field. */
int text_csv_formula(const char *s);

#endif
