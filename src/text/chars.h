/* chars.h — the one table of character classes (chars.c): which code points
 * are Han, full stops, commas, bullets, circled numbers, brackets that open
 * or close (clreq), spaces.  Ingest, text layout and the browser all ask
 * here; tests/test_text.c lists every class whole, so a change to the table
 * shows as a failing test. */
#ifndef BAOGAO_TEXT_CHARS_H
#define BAOGAO_TEXT_CHARS_H

#include <stdint.h>

enum text_class {
	TEXT_CH_HAN = 1u << 0,        /* CJK ideographs (and 〇) */
	TEXT_CH_FULL_STOP = 1u << 1,  /* 。！？ ! ?: a sentence ends */
	TEXT_CH_SEMICOLON = 1u << 2,  /* ；; : a clause ends, in a list of them */
	TEXT_CH_COLON = 1u << 3,      /* ：: */
	TEXT_CH_COMMA = 1u << 4,      /* ，, */
	TEXT_CH_ENUM_COMMA = 1u << 5, /* 、 between the items of a list */
	TEXT_CH_BULLET = 1u << 6,     /* ◆ ● ■ • ★ ※ → … a list item's mark */
	TEXT_CH_CIRCLED = 1u << 7,    /* ① ⑴ ❶ ㉑ ㊀ …: a numbered item's mark */
	TEXT_CH_CLOSING = 1u << 8,    /* no line begins with it (clreq) */
	TEXT_CH_OPENING = 1u << 9,    /* no line ends with it (clreq) */
	TEXT_CH_CLOSE_QUOTE = 1u << 10, /* ” ’ ） 」 』 》 】 〕 ) ]: a quote or aside ends */
	TEXT_CH_SPACE = 1u << 11,       /* space, tab, ideographic space, no-break space */
	TEXT_CH_DIGIT = 1u << 12,       /* 0-9 and full-width ０-９ */
	TEXT_CH_CJK_NUMERAL = 1u << 13 /* 〇零一二三四五六七八九十百千万 */
};

/* The classes of cp (enum text_class bits). */
unsigned text_char_class(uint32_t cp);
/* Is cp in any of the classes in mask? */
static inline int text_is(uint32_t cp, unsigned mask)
{
	return (text_char_class(cp) & mask) != 0;
}
static inline int text_is_han(uint32_t cp)
{
	return text_is(cp, TEXT_CH_HAN);
}
/* The value of a Chinese numeral or digit character: 一 1 … 十 10, 百 100,
 * 千 1000, 万 10000, 〇/零 0, 0-9 and ０-９; -1 for anything else. */
int text_numeral_value(uint32_t cp);
/* The character of a value: 0 零, 1 一 … 10 十, 100 百 …; 0 when none. */
uint32_t text_numeral_char(int value);
/* The name of one class bit ("han", "full_stop" …), for tests and messages. */
const char *text_class_name(unsigned bit);

#endif
