/* test_text.c — UTF-8, widths, sanitizing, cutting, wrapping, hanging indent
 * and search folding of src/text. */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "check.h"
#include "text/chars.h"
#include "text/text.h"

#define NCODEPOINTS 0x110000u

/* ---- UTF-8 ------------------------------------------------------------ */

static void expect_decode(const char *s, size_t len, uint32_t cp, size_t n)
{
	uint32_t got = 0;
	size_t used = utf8_decode(s, len, &got);
	CHECK_MSG(got == cp && used == n, "decode of %zu bytes: U+%04X/%zu, expected U+%04X/%zu",
	          len, (unsigned)got, used, (unsigned)cp, n);
}

static void test_utf8(void)
{
	static const char interrupted[] = "\xE4\x61"; /* a lead byte, then "a" */
	char buf[4];
	uint32_t cp, back;
	size_t n;
	int roundtrip_ok = 1;

	expect_decode("a", 1, 'a', 1);
	expect_decode("\xC3\xA9", 2, 0xE9, 2);
	expect_decode("\xE4\xB8\xAD", 3, 0x4E2D, 3);
	expect_decode("\xF0\x9F\x98\x80", 4, 0x1F600, 4);
	expect_decode("\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4);
	/* overlongs, surrogates, beyond U+10FFFF: one invalid byte each */
	expect_decode("\xC0\x80", 2, TEXT_REPLACEMENT, 1);
	expect_decode("\xC1\xBF", 2, TEXT_REPLACEMENT, 1);
	expect_decode("\xE0\x80\xAF", 3, TEXT_REPLACEMENT, 1);
	expect_decode("\xF0\x80\x80\x80", 4, TEXT_REPLACEMENT, 1);
	expect_decode("\xED\xA0\x80", 3, TEXT_REPLACEMENT, 1);
	expect_decode("\xED\xBF\xBF", 3, TEXT_REPLACEMENT, 1);
	expect_decode("\xF4\x90\x80\x80", 4, TEXT_REPLACEMENT, 1);
	expect_decode("\xF5\x80\x80\x80", 4, TEXT_REPLACEMENT, 1);
	expect_decode("\xFF", 1, TEXT_REPLACEMENT, 1);
	expect_decode("\x80", 1, TEXT_REPLACEMENT, 1);
	/* truncated, or interrupted by the next character: that character survives */
	expect_decode("\xE4\xB8", 2, TEXT_REPLACEMENT, 1);
	expect_decode("\xE4\xB8\xAD", 2, TEXT_REPLACEMENT, 1);
	expect_decode(interrupted, 2, TEXT_REPLACEMENT, 1);
	expect_decode(interrupted + 1, 1, 'a', 1);
	expect_decode("\xF0\x9F\x98\xE4\xB8\xAD", 6, TEXT_REPLACEMENT, 1);

	CHECK_INT(utf8_encode('a', buf), 1);
	CHECK_INT(utf8_encode(0x4E2D, buf), 3);
	CHECK(memcmp(buf, "\xE4\xB8\xAD", 3) == 0);
	CHECK_INT(utf8_encode(0xD800, buf), 3);
	CHECK(memcmp(buf, "\xEF\xBF\xBD", 3) == 0);
	CHECK_INT(utf8_encode(0x110000, buf), 3);
	CHECK(memcmp(buf, "\xEF\xBF\xBD", 3) == 0);
	for (cp = 0; cp < NCODEPOINTS; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = utf8_encode(cp, buf);
		if (utf8_decode(buf, n, &back) != n || back != cp ||
		    n != (size_t)(cp < 0x80      ? 1
		                  : cp < 0x800   ? 2
		                  : cp < 0x10000 ? 3
		                                 : 4))
			roundtrip_ok = 0;
	}
	CHECK_MSG(roundtrip_ok, "encode/decode round trip of every code point");

	/* "中", an invalid byte, "a", a truncated sequence */
	CHECK_INT(utf8_count("\xE4\xB8\xAD\xFF\x61\xE4\xB8", 7), 5);
	CHECK_INT(utf8_count("", 0), 0);
	CHECK_INT(utf8_offset("\xE4\xB8\xAD\xFF\x61\xE4\xB8", 7, 0), 0);
	CHECK_INT(utf8_offset("\xE4\xB8\xAD\xFF\x61\xE4\xB8", 7, 1), 3);
	CHECK_INT(utf8_offset("\xE4\xB8\xAD\xFF\x61\xE4\xB8", 7, 2), 4);
	CHECK_INT(utf8_offset("\xE4\xB8\xAD\xFF\x61\xE4\xB8", 7, 4), 6);
	CHECK_INT(utf8_offset("\xE4\xB8\xAD\xFF\x61\xE4\xB8", 7, 99), 7);
}

/* ---- widths ----------------------------------------------------------- */

/* Widths the fallback tables give, computed in a child that never leaves the
 * C locale (the locale is looked at once per process). */
static unsigned char *table_widths(void)
{
	unsigned char *w = malloc(NCODEPOINTS);
	int fd[2], status;
	size_t got = 0;
	pid_t pid;

	if (!w || pipe(fd) != 0)
		return NULL;
	pid = fork();
	if (pid == 0) {
		uint32_t cp;
		close(fd[0]);
		setlocale(LC_ALL, "C");
		for (cp = 0; cp < NCODEPOINTS; cp++)
			w[cp] = (unsigned char)text_char_width(cp);
		for (size_t off = 0; off < NCODEPOINTS;) {
			ssize_t n = write(fd[1], w + off, NCODEPOINTS - off);
			if (n <= 0)
				_exit(1);
			off += (size_t)n;
		}
		free(w); /* valgrind checks the child's leaks too */
		_exit(0);
	}
	close(fd[1]);
	while (got < NCODEPOINTS) {
		ssize_t n = read(fd[0], w + got, NCODEPOINTS - got);
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0 || got != NCODEPOINTS) {
		free(w);
		return NULL;
	}
	return w;
}

static void test_width_tables(const unsigned char *table)
{
	uint32_t cp;
	int known = 0, disagree = 0, differ = 0, bad = 0;

	CHECK_MSG(table != NULL, "child computing the C-locale widths");
	if (!table)
		return;
	for (cp = 0; cp < NCODEPOINTS; cp++) {
		int w = wcwidth((wchar_t)cp), mine = text_char_width(cp);
		if (mine < 0 || mine > 2 || table[cp] > 2)
			bad++;
		if (mine != table[cp])
			differ++;
		if (cp >= 0xA0 && w >= 0 && !(cp >= 0x2028 && cp <= 0x202E) &&
		    !(cp >= 0x2066 && cp <= 0x2069) && cp != 0x061C && cp != 0x200E &&
		    cp != 0x200F) {
			known++;
			if (table[cp] != w)
				disagree++;
		}
	}
	CHECK_INT(bad, 0);
	/* the tables copy glibc's rules: same answer wherever glibc knows one */
	CHECK_MSG(known > 100000, "glibc knows %d code points", known);
	CHECK_INT(disagree, 0);
	/* so a non-UTF-8 locale lays text out exactly as a UTF-8 one */
	CHECK_INT(differ, 0);
}

static void test_char_width(void)
{
	static const uint32_t ambiguous[] = {0x201C, 0x201D, 0x2018, 0x2019, 0x25C6, 0x2014,
	                                     0x00B7, 0x2026, 0x2162, 0x2460, 0x2502, 0x2500};
	size_t i;
	int never_negative = 1;
	uint32_t cp;

	text_set_ambiguous_width(1);
	CHECK_INT(text_ambiguous_width(), 1);
	CHECK_INT(text_char_width('a'), 1);
	CHECK_INT(text_char_width(0x4E2D), 2);  /* 中 */
	CHECK_INT(text_char_width(0xFF0C), 2);  /* ， */
	CHECK_INT(text_char_width(0x3000), 2);  /* ideographic space */
	CHECK_INT(text_char_width(0x0301), 0);  /* combining acute */
	CHECK_INT(text_char_width(0x200B), 0);  /* zero width space */
	CHECK_INT(text_char_width(0x1F600), 2); /* 😀 */
	CHECK_INT(text_char_width(0x1FAE8), 2); /* Unicode 15 emoji, -1 in glibc 2.36 */
	CHECK_INT(text_char_width(0x1FAE9), 2); /* Unicode 16 emoji */
	CHECK_INT(text_char_width(0x31350), 2); /* CJK extension H (Unicode 15) */
	CHECK_INT(text_char_width(0x2EBF0), 2); /* CJK extension I (Unicode 15.1) */
	CHECK_INT(text_char_width(0x0378), 1);  /* unassigned */
	CHECK_INT(text_char_width(0x1B), 1);    /* ESC, shown as ␛ */
	CHECK_INT(text_char_width(0x00), 1);
	CHECK_INT(text_char_width(0x7F), 1);
	CHECK_INT(text_char_width(0x85), 1);   /* C1, shown as U+FFFD */
	CHECK_INT(text_char_width(0x202E), 1); /* RLO, shown as U+FFFD */
	CHECK_INT(text_char_width(0xD800), 1);
	CHECK_INT(text_char_width(0x110000), 1);
	CHECK_INT(text_char_width(0xFFFFFFFFu), 1);
	for (cp = 0; cp < NCODEPOINTS && never_negative; cp++)
		never_negative = text_char_width(cp) >= 0;
	CHECK(never_negative);

	for (i = 0; i < sizeof(ambiguous) / sizeof(ambiguous[0]); i++) {
		CHECK_MSG(text_is_ambiguous(ambiguous[i]), "U+%04X ambiguous",
		          (unsigned)ambiguous[i]);
		CHECK_INT(text_char_width(ambiguous[i]), 1);
	}
	CHECK(!text_is_ambiguous('a'));
	CHECK(!text_is_ambiguous(0x4E2D));
	CHECK(!text_is_ambiguous(0x0301)); /* ambiguous in EAW, but a combining mark */
	CHECK(!text_is_ambiguous(0x1B));

	text_set_ambiguous_width(2);
	CHECK_INT(text_ambiguous_width(), 2);
	for (i = 0; i < sizeof(ambiguous) / sizeof(ambiguous[0]); i++)
		CHECK_INT(text_char_width(ambiguous[i]), 2);
	CHECK_INT(text_char_width('a'), 1);
	CHECK_INT(text_char_width(0x4E2D), 2);
	CHECK_INT(text_char_width(0x0301), 0);
	CHECK_INT(text_char_width(0x1B), 1); /* ␛ is narrow everywhere */
	CHECK_INT(text_char_width(0x2400 + 0x1B), 1);
	/* a C1 control is drawn as U+FFFD, which CJK terminals draw wide */
	CHECK_INT(text_char_width(0x85), text_char_width(TEXT_REPLACEMENT));
	CHECK_INT(text_char_width(TEXT_REPLACEMENT), 2);
	text_set_ambiguous_width(7); /* anything but 2 means narrow */
	CHECK_INT(text_ambiguous_width(), 1);
}

static void test_width(void)
{
	text_set_ambiguous_width(1);
	CHECK_INT(text_width_cstr(""), 0);
	CHECK_INT(text_width_cstr(NULL), 0);
	CHECK_INT(text_width_cstr("abc"), 3);
	CHECK_INT(text_width_cstr("中文"), 4);
	CHECK_INT(text_width_cstr("GDP增长6.2%"), 11);
	CHECK_INT(text_width_cstr("“专业镇”"), 8);
	CHECK_INT(text_width_cstr("e\xCC\x81"), 1);
	CHECK_INT(text_width_cstr("\t"), 8);
	CHECK_INT(text_width_cstr("a\tb"), 9);
	CHECK_INT(text_width_cstr("abcdefgh\t"), 16);
	CHECK_INT(text_width_cstr("中\t"), 8);
	CHECK_INT(text_width_cstr("\x1b[31m"), 5);
	CHECK_INT(text_width_cstr("\xFF\xFE"), 2);
	CHECK_INT(text_width("a\0b", 3), 3);
	CHECK_INT(text_width("中文", 4), 3); /* "中" and one byte of "文" */
	text_set_ambiguous_width(2);
	CHECK_INT(text_width_cstr("“专业镇”"), 10);
	CHECK_INT(text_width_cstr("◆①Ⅲ"), 6);
	text_set_ambiguous_width(1);
}

/* ---- sanitize --------------------------------------------------------- */

static int sanitized_is_inert(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
		    (cp == TEXT_REPLACEMENT && n != 3) || (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			return 0;
		i += n;
	}
	return 1;
}

static void expect_sanitize(const char *in, size_t len, int col0, const char *want)
{
	size_t out_len = 0;
	char *out = text_sanitize(in, len, col0, &out_len);

	CHECK_STR(out, want);
	CHECK_INT(out_len, strlen(want));
	free(out);
}

static void test_sanitize(void)
{
	static const char osc52[] =
	    "\x1b]52;c;SGVsbG8=\x07 \x1b]0;title\x1b\\ \x1b[2J \xC2\x9B\x33\x31m";
	unsigned seed = 12345;
	int round, inert = 1, same_width = 1;

	expect_sanitize("plain 中文", strlen("plain 中文"), 0, "plain 中文");
	expect_sanitize("a\x1b[2Jb", 6, 0, "a\xE2\x90\x9B[2Jb");   /* ␛ */
	expect_sanitize("\r\n", 2, 0, "\xE2\x90\x8D\xE2\x90\x8A"); /* ␍␊ */
	expect_sanitize("\x7F", 1, 0, "\xE2\x90\xA1");             /* ␡ */
	expect_sanitize("a\0b", 3, 0, "a\xE2\x90\x80\x62");        /* ␀ */
	expect_sanitize("\b", 1, 0, "\xE2\x90\x88");
	expect_sanitize("\xC2\x85", 2, 0, "\xEF\xBF\xBD"); /* NEL (C1) */
	expect_sanitize("\xC2\x9B\x32J", 4, 0, "\xEF\xBF\xBD\x32J");
	expect_sanitize("a\xE2\x80\xAE\x62", 5, 0, "a\xEF\xBF\xBD\x62"); /* RLO */
	expect_sanitize("\xE2\x81\xA6x", 4, 0, "\xEF\xBF\xBDx");         /* LRI */
	expect_sanitize("\xFF\x61", 2, 0, "\xEF\xBF\xBD\x61");
	expect_sanitize("\xE4\xB8\x61", 3, 0, "\xEF\xBF\xBD\xEF\xBF\xBD\x61");
	expect_sanitize("a\tb", 3, 0, "a       b");
	expect_sanitize("\t", 1, 3, "     ");
	expect_sanitize("中\tx", 5, 0, "中      x");
	expect_sanitize("", 0, 0, "");
	{
		size_t n;
		char *out = text_sanitize(osc52, sizeof(osc52) - 1, 0, &n);
		CHECK(out && strlen(out) == n && sanitized_is_inert(out, n));
		free(out);
	}

	/* random bytes: never a control in the output, and the width text_width
	 * predicted for the raw bytes is the width shown */
	for (round = 0; round < 2000; round++) {
		char in[64], *out;
		size_t len = (size_t)(round % 64), i, n;
		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = (char)(seed >> 16);
		}
		text_set_ambiguous_width(round % 2 ? 2 : 1);
		out = text_sanitize(in, len, 0, &n);
		if (!out || !sanitized_is_inert(out, n) || strlen(out) != n)
			inert = 0;
		if (out && text_width(out, n) != text_width(in, len))
			same_width = 0;
		free(out);
	}
	text_set_ambiguous_width(1);
	CHECK_MSG(inert, "sanitized random bytes are inert");
	CHECK_MSG(same_width, "text_width(raw) == text_width(sanitized)");
}

/* ---- cut and fit ------------------------------------------------------ */

static void test_cut_fit(void)
{
	int used = -1, w, bad_width = 0;
	char *s;
	static const char *samples[] = {"",         "a",          "中",          "中文字", "ab中cd",
	                                "“专业镇”", "e\xCC\x81x", "GDP增长6.2%", "◆①"};
	size_t i;

	CHECK_INT(text_cut("中文字", 9, 3, &used), 3);
	CHECK_INT(used, 2); /* 文 would straddle the edge */
	CHECK_INT(text_cut("中文字", 9, 4, &used), 6);
	CHECK_INT(used, 4);
	CHECK_INT(text_cut("中文字", 9, 100, &used), 9);
	CHECK_INT(used, 6);
	CHECK_INT(text_cut("中文字", 9, 1, &used), 0);
	CHECK_INT(used, 0);
	CHECK_INT(text_cut("abc", 3, 0, &used), 0);
	CHECK_INT(text_cut("abc", 3, -5, &used), 0);
	CHECK_INT(text_cut("ae\xCC\x81x", 5, 2, &used), 4); /* the accent stays with its e */
	CHECK_INT(used, 2);
	CHECK_INT(text_cut("\xFF\xFF\x61\x62", 4, 3, &used), 3);
	CHECK_INT(text_cut("中文", 6, 3, &used), 3); /* never splits a code point */
	/* a truncated 文: two invalid bytes, one column each */
	CHECK_INT(text_cut("中文", 5, 4, &used), 5);
	CHECK_INT(used, 4);
	CHECK_INT(text_cut("abc", 3, 2, NULL), 2);

	s = text_fit("中文", 3, 0);
	CHECK_STR(s, "中 ");
	free(s);
	s = text_fit("中文", 5, 0);
	CHECK_STR(s, "中文 ");
	free(s);
	s = text_fit("abcdef", 4, 1);
	CHECK_STR(s, "abc…");
	free(s);
	s = text_fit("abcd", 4, 1);
	CHECK_STR(s, "abcd");
	free(s);
	s = text_fit("中文字", 4, 1);
	CHECK_STR(s, "中… ");
	free(s);
	s = text_fit("abc", 0, 1);
	CHECK_STR(s, "");
	free(s);
	s = text_fit(NULL, 2, 0);
	CHECK_STR(s, "  ");
	free(s);
	text_set_ambiguous_width(2);
	s = text_fit("abcdef", 4, 1);
	CHECK_STR(s, "abc~");
	free(s);
	s = text_fit("“中”", 4, 0);
	CHECK_STR(s, "“中");
	free(s);
	text_set_ambiguous_width(1);

	s = text_fit_right("12", 5);
	CHECK_STR(s, "   12");
	free(s);
	s = text_fit_right("中文", 3);
	CHECK_STR(s, " 中");
	free(s);
	s = text_fit_right("123456", 3);
	CHECK_STR(s, "123");
	free(s);

	for (w = 0; w < 2; w++) {
		text_set_ambiguous_width(w ? 2 : 1);
		for (i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
			int width;
			for (width = 0; width < 12; width++) {
				char *a = text_fit(samples[i], width, 0),
				     *b = text_fit(samples[i], width, 1),
				     *c = text_fit_right(samples[i], width);
				if (text_width_cstr(a) != width || text_width_cstr(b) != width ||
				    text_width_cstr(c) != width)
					bad_width++;
				free(a);
				free(b);
				free(c);
			}
		}
	}
	text_set_ambiguous_width(1);
	CHECK_INT(bad_width, 0);
}

/* ---- wrap ------------------------------------------------------------- */

/* Wraps s and checks what must hold for any input: lines in order, nothing
 * but break spaces between them, widths right and within the line.  Returns
 * the lines joined by '|' (malloc'd) for the caller to compare. */
static char *wrap_joined(const char *s, int width, int hang)
{
	size_t len = strlen(s), n, i, pos = 0, o = 0;
	text_line *lines = NULL;
	char *out = malloc(2 * len + 2);
	int ok = 1;

	n = text_wrap(s, len, width, hang, &lines);
	CHECK_MSG(n >= 1 && lines, "\"%s\" at %d: %zu lines", s, width, n);
	for (i = 0; i < n; i++) {
		const text_line *l = &lines[i];
		size_t k;
		if (l->start < pos || l->end < l->start || l->end > len) {
			ok = 0;
			break;
		}
		for (k = pos; k < l->start; k++)
			if (s[k] != ' ')
				ok = 0;
		if ((i == 0 && l->start != 0) || (len > 0 && l->end == l->start))
			ok = 0;
		if (l->width != text_width(s + l->start, l->end - l->start))
			ok = 0;
		if (width >= 2 && l->indent + l->width > width)
			ok = 0;
		if (l->indent < 0 || (i == 0 && l->indent != 0))
			ok = 0;
		if (i > 0)
			out[o++] = '|';
		memcpy(out + o, s + l->start, l->end - l->start);
		o += l->end - l->start;
		pos = l->end;
	}
	for (; pos < len; pos++)
		if (s[pos] != ' ')
			ok = 0;
	out[o] = '\0';
	CHECK_MSG(ok, "layout of \"%s\" at width %d: %s", s, width, out);
	free(lines);
	return out;
}

static void expect_wrap(const char *s, int width, int hang, const char *want)
{
	char *got = wrap_joined(s, width, hang);
	CHECK_MSG(strcmp(got, want) == 0, "wrap(\"%s\", %d, %d) = \"%s\", expected \"%s\"", s,
	          width, hang, got, want);
	free(got);
}

static void test_wrap_rules(void)
{
	static const char *closing[] = {"，", "。", "、", "；", "：", "？", "！", "）", "》",
	                                "」", "』", "】", "〉", "”",  "’",  "…",  "·",  "%",
	                                ",",  ".",  ";",  ":",  "?",  "!",  ")",  "]"};
	static const char *opening[] = {"（", "《", "「", "『", "【", "〈", "“", "‘", "(", "["};
	char buf[64], want[64];
	size_t i;

	text_set_ambiguous_width(1);
	/* greedy fill, wide character at the edge */
	expect_wrap("中文字符测试", 4, 0, "中文|字符|测试");
	expect_wrap("中文字符测试", 5, 0, "中文|字符|测试");
	expect_wrap("a中", 2, 0, "a|中");
	expect_wrap("", 10, 0, "");
	/* no line begins with closing punctuation: step back one character */
	for (i = 0; i < sizeof(closing) / sizeof(closing[0]); i++) {
		int cw = text_width_cstr(closing[i]);
		/* the mark does not fit after 中中中: it would open line 2 */
		snprintf(buf, sizeof(buf), "中中中%s", closing[i]);
		snprintf(want, sizeof(want), "中中|中%s", closing[i]);
		expect_wrap(buf, 5 + cw, 0, want);
		snprintf(buf, sizeof(buf), "中中中中%s", closing[i]);
		snprintf(want, sizeof(want), "中中中|中%s", closing[i]);
		expect_wrap(buf, 8, 0, want);
	}
	/* no line ends with opening punctuation */
	for (i = 0; i < sizeof(opening) / sizeof(opening[0]); i++) {
		snprintf(buf, sizeof(buf), "中中中%s中中", opening[i]);
		snprintf(want, sizeof(want), "中中中|%s中中", opening[i]);
		expect_wrap(buf, 6 + text_width_cstr(opening[i]) + 1, 0, want);
	}
	/* both at once: the step back goes on until a break is allowed */
	expect_wrap("中中中，”中", 8, 0, "中中|中，”中");
	expect_wrap("中中“中”中", 6, 0, "中中|“中”中");
	/* —— and …… are never split */
	expect_wrap("中中中a——中", 8, 0, "中中中a|——中");
	expect_wrap("中中中a……中", 8, 0, "中中中|a……中");
	expect_wrap("中中中——中中", 7, 0, "中中中|——中中");
	/* numbers stay with their % and unit when they fit */
	expect_wrap("中中中3.9%中", 8, 0, "中中中|3.9%中");
	expect_wrap("增长3.9%，", 8, 0, "增长|3.9%，");
	expect_wrap("中中中457.6亿元", 10, 0, "中中中|457.6亿元");
	expect_wrap("中中中30万人口", 10, 0, "中中中|30万人口");
	expect_wrap("中中中中30万人口", 12, 0, "中中中中|30万人口");
	/* a number wider than the line is broken like anything else */
	expect_wrap("457.6亿元", 6, 0, "457.6|亿元");
	/* Latin words move whole to the next line, break spaces vanish */
	expect_wrap("中中中 hello", 10, 0, "中中中|hello");
	expect_wrap("aaa bbb ccc", 7, 0, "aaa bbb|ccc");
	expect_wrap("aaa   bbb", 4, 0, "aaa|bbb");
	expect_wrap("aaa bbb   ", 7, 0, "aaa bbb");
	expect_wrap("GDP增长", 4, 0, "GDP|增长");
	expect_wrap("abcdefghijklmnopqrstuvwxyz", 10, 0, "abcdefghij|klmnopqrst|uvwxyz");
	/* leading spaces are indentation, kept */
	expect_wrap("  中文", 6, 0, "  中文");
	/* a comma cannot begin a line, so 理 belongs to the run: it does not fit */
	expect_wrap("理,PM2.5浓度", 6, 0, "理,PM|2.5浓|度");
	/* combining marks stay with their base */
	expect_wrap("ae\xCC\x81 be\xCC\x81", 3, 0, "ae\xCC\x81|be\xCC\x81");
}

static void test_wrap_hang_and_edges(void)
{
	text_line *lines = NULL;
	size_t n, i;
	int hang, width, ok;

	text_set_ambiguous_width(1);
	hang = text_hang_indent("◆ 中文中文中文中文中文中文", strlen("◆ 中文中文中文中文中文中文"));
	CHECK_INT(hang, 2);
	n = text_wrap("◆ 中文中文中文中文中文中文", strlen("◆ 中文中文中文中文中文中文"), 10, hang,
	              &lines);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(lines[0].indent, 0);
		CHECK_INT(lines[0].width, 10);
		CHECK_INT(lines[1].indent, 2);
		CHECK_INT(lines[1].width, 8);
		CHECK_INT(lines[2].indent, 2);
		CHECK_INT(lines[2].width, 8);
	}
	free(lines);
	expect_wrap("（一）中文中文中文中文", 12, 6, "（一）中文中|文中文|中文");

	/* widths below 2 still terminate, one character a line */
	expect_wrap("中文ab", 1, 0, "中|文|a|b");
	expect_wrap("中文ab", 0, 0, "中|文|a|b");
	expect_wrap("中文ab", -3, 0, "中|文|a|b");
	expect_wrap("——", 1, 0, "—|—");
	expect_wrap("，，，，", 2, 0, "，|，|，|，");
	/* a hang too wide for the line is reduced, never overflows */
	expect_wrap("中文中文中文", 6, 10, "中文中|文|中|文");
	/* a wide character alone on a narrow continuation line */
	n = text_wrap("ab中中", 6, 2, 1, &lines);
	ok = n == 3;
	for (i = 0; ok && i < n; i++)
		ok = lines[i].indent + lines[i].width <= 2;
	CHECK_MSG(ok, "width 2, hang 1: %zu lines", n);
	free(lines);

	/* ambiguous characters in wide mode */
	text_set_ambiguous_width(2);
	expect_wrap("“中”中中", 6, 0, "“中”|中中");
	expect_wrap("中中“中”", 6, 0, "中中|“中”");
	text_set_ambiguous_width(1);
	expect_wrap("中中“中”", 6, 0, "中中|“中”");

	/* a million spaces and a megabyte line: memory stays bounded, nothing lost */
	{
		size_t big = 1 << 20, k;
		char *s = malloc(big + 8);
		memcpy(s, "中", 3);
		memset(s + 3, ' ', big);
		memcpy(s + 3 + big, "文", 3);
		n = text_wrap(s, big + 6, 10, 0, &lines);
		CHECK_INT(n, 2);
		if (n == 2) {
			CHECK_INT(lines[0].end, 3);
			CHECK_INT(lines[1].start, big + 3);
		}
		free(lines);
		for (k = 0; k + 3 <= big; k += 3)
			memcpy(s + k, "中", 3);
		n = text_wrap(s, k, 80, 0, &lines);
		CHECK_INT(n, (k / 3 + 39) / 40);
		ok = 1;
		for (i = 0; i < n; i++)
			ok &= lines[i].width == (i + 1 < n ? 80 : lines[i].width);
		CHECK(ok);
		free(lines);
		for (width = 40; width < 44; width++) {
			memset(s, 'x', big);
			n = text_wrap(s, big, width, 0, &lines);
			CHECK_INT(n, (big + (size_t)width - 1) / (size_t)width);
			free(lines);
		}
		free(s);
	}
}

/* Random paragraphs from an alphabet full of the characters the rules are
 * about: every layout must keep every character, in order, within the width. */
static void test_wrap_random(void)
{
	static const char *alphabet[] = {"中",        "文", "a", "b",  "1",  "9",  ".",
	                                 "%",         " ",  " ", "，", "。", "“",  "”",
	                                 "（",        "）", "—", "…",  "亿", "元", "◆",
	                                 "e\xCC\x81", "(",  ")", "、", "《", "》", "\xE3\x80\x80"};
	unsigned seed = 4242;
	int round;

	for (round = 0; round < 1500; round++) {
		char s[2400];
		size_t len = 0;
		int count, k, width, hang;
		char *joined;

		seed = seed * 1103515245u + 12345u;
		/* some paragraphs long enough for wide lines with long lookahead */
		count = (int)((seed >> 16) % (round % 10 ? 60 : 600));
		for (k = 0; k < count; k++) {
			const char *a;
			seed = seed * 1103515245u + 12345u;
			a = alphabet[(seed >> 16) % (sizeof(alphabet) / sizeof(alphabet[0]))];
			memcpy(s + len, a, strlen(a));
			len += strlen(a);
		}
		s[len] = '\0';
		text_set_ambiguous_width(round % 3 == 0 ? 2 : 1);
		width = round % 10 ? 1 + round % 24 : 40 + round % 100;
		hang = round % 5;
		joined = wrap_joined(s, width, hang);
		free(joined);
	}
	text_set_ambiguous_width(1);
}

/* ---- hanging indent --------------------------------------------------- */

static void expect_hang(const char *s, int want)
{
	int got = text_hang_indent(s, strlen(s));
	CHECK_MSG(got == want, "text_hang_indent(\"%s\") = %d, expected %d", s, got, want);
}

static void test_hang_indent(void)
{
	text_set_ambiguous_width(1);
	expect_hang("◆中文", 1);
	expect_hang("◆ 中文", 2);
	expect_hang("- ◆ 中文", 4);
	expect_hang("- item", 2);
	expect_hang("1. 中文", 3);
	expect_hang("1.中文", 2);
	expect_hang("12、中文", 4);
	expect_hang("（一）中文", 6);
	expect_hang("(1)中文", 3);
	expect_hang("（12）中文", 6);
	expect_hang("一、中文", 4);
	expect_hang("① 中文", 2);
	expect_hang("⑴中文", 1);
	expect_hang("　　（二）中文", 10);
	expect_hang("一是中文", 0);
	expect_hang("3.9%的增长", 0);
	expect_hang("2025年", 0);
	expect_hang("-5%", 0);
	expect_hang("**加粗**", 0);
	expect_hang("中文", 0);
	expect_hang("◆", 0);
	expect_hang("", 0);
	CHECK_INT(text_hang_indent(NULL, 0), 0);
	text_set_ambiguous_width(2);
	expect_hang("◆ 中文", 3);
	expect_hang("① 中文", 3);
	text_set_ambiguous_width(1);
}

/* ---- fold ------------------------------------------------------------- */

static void test_fold(void)
{
	size_t n = 0;
	char *s;
	static const char mixed[] = "ＧＤＰ增长２０２５，\xE3\x80\x80Ａｂ\xFFx";

	s = text_fold("ＧＤＰ２０２５，（）％", strlen("ＧＤＰ２０２５，（）％"), 0, &n);
	CHECK_STR(s, "GDP2025,()%");
	CHECK_INT(n, 11);
	free(s);
	s = text_fold("GdP Ｇｄｐ", strlen("GdP Ｇｄｐ"), 1, NULL);
	CHECK_STR(s, "gdp gdp");
	free(s);
	s = text_fold("GdP", 3, 0, NULL);
	CHECK_STR(s, "GdP");
	free(s);
	s = text_fold("\xE3\x80\x80中文", 9, 0, NULL);
	CHECK_STR(s, " 中文");
	free(s);
	s = text_fold(mixed, sizeof(mixed) - 1, 1, &n);
	CHECK(s && utf8_count(s, n) == utf8_count(mixed, sizeof(mixed) - 1));
	CHECK_STR(s, "gdp增长2025, ab\xEF\xBF\xBDx");
	free(s);
	s = text_fold("", 0, 1, &n);
	CHECK_STR(s, "");
	CHECK_INT(n, 0);
	free(s);
	CHECK_INT(text_fold_cp(0xFF21, 1), 'a');
	CHECK_INT(text_fold_cp(0xFF21, 0), 'A');
	CHECK_INT(text_fold_cp(0xFF5E, 0), '~');
	CHECK_INT(text_fold_cp(0xFF5F, 0), 0xFF5F);
	CHECK_INT(text_fold_cp(0xFF00, 0), 0xFF00);
	CHECK_INT(text_fold_cp(0x4E2D, 1), 0x4E2D);
	CHECK_INT(text_fold_cp(0xC9, 1), 0xC9); /* only ASCII is case-folded */

	/* clause and sentence stops; the decimal point is neither */
	CHECK_INT(text_stop_at(0xFF0C), TEXT_STOP_CLAUSE); /* ， */
	CHECK_INT(text_stop_at(','), TEXT_STOP_CLAUSE);
	CHECK_INT(text_stop_at(0x3002), TEXT_STOP_SENTENCE); /* 。 */
	CHECK_INT(text_stop_at(0xFF1B), TEXT_STOP_SENTENCE); /* ； */
	CHECK_INT(text_stop_at('.'), TEXT_STOP_NONE);
	CHECK_INT(text_stop_at(0x4E2D), TEXT_STOP_NONE);

	/* the model trusts TEXT_FOLD_DOMAIN to hold every code point folding
	 * changes: ask all of Unicode once, here */
	static const struct {
		uint32_t first, last;
	} domain[] = TEXT_FOLD_DOMAIN;
	size_t outside = 0, r = 0;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		while (r < sizeof domain / sizeof *domain && cp > domain[r].last)
			r++;
		int inside = r < sizeof domain / sizeof *domain && cp >= domain[r].first;
		if (!inside && (text_fold_cp(cp, 0) != cp || text_fold_cp(cp, 1) != cp))
			outside++;
	}
	CHECK_INT(outside, 0);
}

/* spreadsheet formulas in CSV fields (OWASP): report text is data */
static void test_csv_formula(void)
{
	static const char *const formulas[] = {"=1+1", "+SUM(A1)",          "-2+3", "@cmd", "\tx",
	                                       "\r=1", "=HYPERLINK(\"x\")", "-",    "+"};
	for (size_t i = 0; i < sizeof formulas / sizeof formulas[0]; i++)
		CHECK_MSG(text_csv_formula(formulas[i]), "%s not taken for a formula", formulas[i]);
	static const char *const plain[] = {
	    "", "6.2%", "-0.7", "+3.9%", "-12", "地区生产总值", "a=b", "下降0.7%", "1e3"};
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		CHECK_MSG(!text_csv_formula(plain[i]), "%s taken for a formula", plain[i]);
}

/* The character classes, every member of each (text/chars.c): a change to
 * the table is a change to this list. */
static char *class_members(void)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	for (unsigned b = 0; b < 14; b++) {
		unsigned bit = 1u << b;
		fprintf(fp, "%s:", text_class_name(bit));
		long start = -1;
		for (long c = 0; c <= 0x40000; c++) {
			int in = c < 0x40000 && (text_char_class((uint32_t)c) & bit);
			if (in && start < 0)
				start = c;
			if (!in && start >= 0) {
				if (start == c - 1)
					fprintf(fp, " %lX", start);
				else
					fprintf(fp, " %lX-%lX", start, c - 1);
				start = -1;
			}
		}
		fputc('\n', fp);
	}
	fclose(fp);
	return out;
}

static void test_char_classes(void)
{
	static const char want[] =
	    "han: 3007 3400-4DBF 4E00-9FFF F900-FAFF 20000-3FFFF\n"
	    "full_stop: 21 3F 3002 FF01 FF1F\n"
	    "semicolon: 3B FF1B\n"
	    "colon: 3A FF1A\n"
	    "comma: 2C FF0C\n"
	    "enum_comma: 3001\n"
	    "bullet: 2022-2023 203B 2192 25A0-25A1 25AA-25AB 25B2 25B6 25B8 25BA 25C6-25C7 25CB "
	    "25CF 25E6 2605-2606\n"
	    "circled: 2460-24FF 2776-2793 3251-325F 3280-3289 32B1-32BF\n"
	    "closing: 21 25 29 2C 2E 3A-3B 3F 5D 7D B7 2019 201D 2026 2030 2103 22EF 3001-3002 "
	    "3005 3009 300B 300D 300F 3011 3015 3017 3019 301B 301E 30FB FF01 FF05 FF09 FF0C FF0E "
	    "FF1A-FF1B FF1F FF3D FF5D FF60 FF63\n"
	    "opening: 28 5B 7B 2018 201C 3008 300A 300C 300E 3010 3014 3016 3018 301A 301D FF08 "
	    "FF3B FF5B FF5F FF62\n"
	    "close_quote: 29 5D 2019 201D 3009 300B 300D 300F 3011 3015 3017 3019 301B 301E FF09 "
	    "FF3D\n"
	    "space: 9 B-C 20 A0 3000\n"
	    "digit: 30-39 FF10-FF19\n"
	    "cjk_numeral: 3007 4E00 4E03 4E07 4E09 4E5D 4E8C 4E94 516B 516D 5341 5343 56DB 767E "
	    "96F6\n";
	char *got = class_members();
	CHECK_STR(got, want);
	free(got);
	/* the ones a reader names */
	CHECK(text_is_han(0x6C5F));                 /* 江 */
	CHECK(!text_is_han(0x3002));                /* 。 */
	CHECK(text_is(0xFF1B, TEXT_CH_SEMICOLON));  /* ； */
	CHECK_INT(text_numeral_value(0x767E), 100); /* 百 */
	CHECK_INT(text_numeral_value(0x4E5D), 9);   /* 九 */
	CHECK_INT(text_numeral_value('7'), 7);
	CHECK_INT(text_numeral_value(0x6C5F), -1);
	CHECK_INT((int)text_numeral_char(3), 0x4E09);  /* 三 */
	CHECK_INT((int)text_numeral_char(0), 0x96F6);  /* 零 */
	CHECK_INT((int)text_numeral_char(10), 0x5341); /* 十 */
}

int main(void)
{
	/* before anything asks for a width: the child must be the first to look
	 * at its locale */
	unsigned char *table = table_widths();

	if (!setlocale(LC_ALL, "C.UTF-8"))
		fprintf(stderr, "note: no C.UTF-8 locale, testing the fallback tables only\n");
	test_utf8();
	test_width_tables(table);
	free(table);
	test_char_width();
	test_char_classes();
	test_width();
	test_sanitize();
	test_cut_fit();
	test_wrap_rules();
	test_wrap_hang_and_edges();
	test_wrap_random();
	test_hang_indent();
	test_fold();
	test_csv_formula();
	return check_done();
}
