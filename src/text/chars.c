/* chars.c — the character classes (see chars.h): one sorted table of
 * ranges, looked up by binary search. */
#include "config.h"

#include <stddef.h>

#include "text/chars.h"

struct range {
	uint32_t lo, hi;
	unsigned cls;
};

#define HAN    TEXT_CH_HAN
#define STOP   TEXT_CH_FULL_STOP
#define SEMI   TEXT_CH_SEMICOLON
#define COLON  TEXT_CH_COLON
#define COMMA  TEXT_CH_COMMA
#define ENUM   TEXT_CH_ENUM_COMMA
#define BULLET TEXT_CH_BULLET
#define CIRC   TEXT_CH_CIRCLED
#define CLOSE  TEXT_CH_CLOSING
#define OPEN   TEXT_CH_OPENING
#define QUOTE  TEXT_CH_CLOSE_QUOTE
#define SPACE  TEXT_CH_SPACE
#define DIGIT  TEXT_CH_DIGIT
#define NUM    TEXT_CH_CJK_NUMERAL

/* Sorted, not overlapping. */
static const struct range table[] = {
    {0x09, 0x09, SPACE},
    {0x0B, 0x0C, SPACE},
    {' ', ' ', SPACE},
    {'!', '!', STOP | CLOSE},
    {'%', '%', CLOSE},
    {'(', '(', OPEN},
    {')', ')', CLOSE | QUOTE},
    {',', ',', COMMA | CLOSE},
    {'.', '.', CLOSE},
    {'0', '9', DIGIT},
    {':', ':', COLON | CLOSE},
    {';', ';', SEMI | CLOSE},
    {'?', '?', STOP | CLOSE},
    {'[', '[', OPEN},
    {']', ']', CLOSE | QUOTE},
    {'{', '{', OPEN},
    {'}', '}', CLOSE},
    {0xA0, 0xA0, SPACE},
    {0xB7, 0xB7, CLOSE},             /* · */
    {0x2018, 0x2018, OPEN},          /* ‘ */
    {0x2019, 0x2019, CLOSE | QUOTE}, /* ’ */
    {0x201C, 0x201C, OPEN},          /* “ */
    {0x201D, 0x201D, CLOSE | QUOTE}, /* ” */
    {0x2022, 0x2023, BULLET},        /* • ‣ */
    {0x2026, 0x2026, CLOSE},         /* … */
    {0x2030, 0x2030, CLOSE},         /* ‰ */
    {0x203B, 0x203B, BULLET},        /* ※ */
    {0x2103, 0x2103, CLOSE},         /* ℃ */
    {0x2192, 0x2192, BULLET},        /* → */
    {0x22EF, 0x22EF, CLOSE},         /* ⋯ */
    {0x2460, 0x24FF, CIRC},          /* ①…⒇ ⒜… ⓐ… */
    {0x25A0, 0x25A1, BULLET},        /* ■ □ */
    {0x25AA, 0x25AB, BULLET},        /* ▪ ▫ */
    {0x25B2, 0x25B2, BULLET},        /* ▲ */
    {0x25B6, 0x25B6, BULLET},        /* ▶ */
    {0x25B8, 0x25B8, BULLET},        /* ▸ */
    {0x25BA, 0x25BA, BULLET},        /* ► */
    {0x25C6, 0x25C7, BULLET},        /* ◆ ◇ */
    {0x25CB, 0x25CB, BULLET},        /* ○ */
    {0x25CF, 0x25CF, BULLET},        /* ● */
    {0x25E6, 0x25E6, BULLET},        /* ◦ */
    {0x2605, 0x2606, BULLET},        /* ★ ☆ */
    {0x2776, 0x2793, CIRC},          /* ❶…➓ */
    {0x3000, 0x3000, SPACE},
    {0x3001, 0x3001, ENUM | CLOSE},  /* 、 */
    {0x3002, 0x3002, STOP | CLOSE},  /* 。 */
    {0x3005, 0x3005, CLOSE},         /* 々 */
    {0x3007, 0x3007, HAN | NUM},     /* 〇 */
    {0x3008, 0x3008, OPEN},          /* 〈 */
    {0x3009, 0x3009, CLOSE | QUOTE}, /* 〉 */
    {0x300A, 0x300A, OPEN},          /* 《 */
    {0x300B, 0x300B, CLOSE | QUOTE}, /* 》 */
    {0x300C, 0x300C, OPEN},          /* 「 */
    {0x300D, 0x300D, CLOSE | QUOTE}, /* 」 */
    {0x300E, 0x300E, OPEN},          /* 『 */
    {0x300F, 0x300F, CLOSE | QUOTE}, /* 』 */
    {0x3010, 0x3010, OPEN},          /* 【 */
    {0x3011, 0x3011, CLOSE | QUOTE}, /* 】 */
    {0x3014, 0x3014, OPEN},          /* 〔 */
    {0x3015, 0x3015, CLOSE | QUOTE}, /* 〕 */
    {0x3016, 0x3016, OPEN},          /* 〖 */
    {0x3017, 0x3017, CLOSE | QUOTE}, /* 〗 */
    {0x3018, 0x3018, OPEN},          /* 〘 */
    {0x3019, 0x3019, CLOSE | QUOTE}, /* 〙 */
    {0x301A, 0x301A, OPEN},          /* 〚 */
    {0x301B, 0x301B, CLOSE | QUOTE}, /* 〛 */
    {0x301D, 0x301D, OPEN},          /* 〝 */
    {0x301E, 0x301E, CLOSE | QUOTE}, /* 〞 */
    {0x30FB, 0x30FB, CLOSE},         /* ・ */
    {0x3251, 0x325F, CIRC},          /* ㉑…㉟ */
    {0x3280, 0x3289, CIRC},          /* ㊀…㊉ */
    {0x32B1, 0x32BF, CIRC},          /* ㊱…㊿ */
    {0x3400, 0x4DBF, HAN},
    {0x4E00, 0x9FFF, HAN},
    {0xF900, 0xFAFF, HAN},
    {0xFF01, 0xFF01, STOP | CLOSE},  /* ！ */
    {0xFF05, 0xFF05, CLOSE},         /* ％ */
    {0xFF08, 0xFF08, OPEN},          /* （ */
    {0xFF09, 0xFF09, CLOSE | QUOTE}, /* ） */
    {0xFF0C, 0xFF0C, COMMA | CLOSE}, /* ， */
    {0xFF0E, 0xFF0E, CLOSE},         /* ． */
    {0xFF10, 0xFF19, DIGIT},         /* ０…９ */
    {0xFF1A, 0xFF1A, COLON | CLOSE}, /* ： */
    {0xFF1B, 0xFF1B, SEMI | CLOSE},  /* ； */
    {0xFF1F, 0xFF1F, STOP | CLOSE},  /* ？ */
    {0xFF3B, 0xFF3B, OPEN},          /* ［ */
    {0xFF3D, 0xFF3D, CLOSE | QUOTE}, /* ］ */
    {0xFF5B, 0xFF5B, OPEN},          /* ｛ */
    {0xFF5D, 0xFF5D, CLOSE},         /* ｝ */
    {0xFF5F, 0xFF5F, OPEN},          /* ｟ */
    {0xFF60, 0xFF60, CLOSE},         /* ｠ */
    {0xFF62, 0xFF62, OPEN},          /* ｢ */
    {0xFF63, 0xFF63, CLOSE},         /* ｣ */
    {0x20000, 0x3FFFF, HAN},
};

/* The numerals inside the Han block: their class bit on top of HAN. */
static const struct {
	uint32_t cp;
	int value;
} numerals[] = {
    {0x4E00, 1},    {0x4E03, 7}, {0x4E07, 10000}, {0x4E09, 3}, {0x4E5D, 9},
    {0x4E8C, 2},    {0x4E94, 5}, {0x516B, 8},     {0x516D, 6}, {0x5341, 10},
    {0x5343, 1000}, {0x56DB, 4}, {0x767E, 100},   {0x96F6, 0},
};

static int numeral_at(uint32_t cp)
{
	size_t lo = 0, hi = sizeof numerals / sizeof numerals[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (numerals[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sizeof numerals / sizeof numerals[0] && numerals[lo].cp == cp ? (int)lo : -1;
}

static unsigned lookup(uint32_t cp)
{
	size_t lo = 0, hi = sizeof table / sizeof table[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (table[mid].hi < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	unsigned cls =
	    lo < sizeof table / sizeof table[0] && table[lo].lo <= cp ? table[lo].cls : 0;
	if ((cls & HAN) && numeral_at(cp) >= 0)
		cls |= NUM;
	return cls;
}

unsigned text_char_class(uint32_t cp)
{
	/* ASCII from a copy of the table's first rows: the parser asks for
	 * every character of every report */
	static unsigned short ascii[128];
	static int ready;
	if (cp < 128) {
		if (!ready) {
			for (uint32_t c = 0; c < 128; c++)
				ascii[c] = (unsigned short)lookup(c);
			ready = 1;
		}
		return ascii[cp];
	}
	return lookup(cp);
}

uint32_t text_numeral_char(int value)
{
	if (value == 0)
		return 0x96F6; /* 零 */
	for (size_t i = 0; i < sizeof numerals / sizeof numerals[0]; i++)
		if (numerals[i].value == value)
			return numerals[i].cp;
	return 0;
}

int text_numeral_value(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	if (cp == 0x3007)
		return 0;
	int at = numeral_at(cp);
	return at >= 0 ? numerals[at].value : -1;
}

const char *text_class_name(unsigned bit)
{
	static const char *const names[] = {"han",     "full_stop",  "semicolon",   "colon",
	                                    "comma",   "enum_comma", "bullet",      "circled",
	                                    "closing", "opening",    "close_quote", "space",
	                                    "digit",   "cjk_numeral"};
	for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
		if (bit == 1u << i)
			return names[i];
	return "?";
}
