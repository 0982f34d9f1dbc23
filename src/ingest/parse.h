/* parse.h — the structure of a report: sections, paragraphs, glossary.
 *
 * Works on decoded UTF-8 text (decode.h) and knows nothing of storage.  The
 * tree comes from what the text says (一、 （一） 1. 一是, bold lead
 * sentences, 名词解释), not from Markdown '#' counts; Markdown only adds
 * hints (a '#' line is a heading, "**…**" can mark a lead sentence).
 * Page breaks (a sentence cut and continued after blank lines) are joined.
 */
#ifndef BAOGAO_PARSE_H
#define BAOGAO_PARSE_H

#include <stddef.h>

struct parse_section {
	int id, parent, level; /* as in sink.h: 1-based preorder, 0 = top, depth */
	const char *kind;      /* static: part subsection item lead glossary heading */
	char *number;          /* "一、", "（一）", "(一)", "1.", "一是", "" */
	char *title;
	int line;
};

struct parse_para {
	int ord, section;
	const char *kind; /* static: text heading caption masthead bullet item signature */
	char *text;       /* markup removed, page breaks joined, NUL-terminated */
	size_t len;
	int joins;
	int line;
};

struct parse_gloss {
	char *term, *definition;
	int number, section;
	int para; /* ord of its paragraph */
};

/* A place where a body line ended mid-sentence and the next non-blank line
 * was looked at: joined or not.  Kept for tests and for tuning. */
struct parse_break {
	int line, next_line; /* source lines of the two pieces */
	int blanks;          /* blank lines between them (0: same block) */
	int joined;
};

struct parse_doc {
	struct parse_section *sections;
	size_t nsections;
	struct parse_para *paras;
	size_t nparas;
	struct parse_gloss *gloss;
	size_t ngloss;
	struct parse_break *breaks;
	size_t nbreaks;
	int joins; /* page breaks joined in the whole document */
};

/* Returns 0, or -1 when out of memory (doc is then empty). */
int parse_text(const char *text, size_t len, struct parse_doc *doc);
/* The same on a malloc'd text it takes over (and frees early). */
int parse_text_owned(char *text, size_t len, struct parse_doc *doc);
void parse_free(struct parse_doc *doc);

/* Helpers shared with meta.c. */
/* Collapse letter-spaced CJK ("政 府 工 作 报 告" → "政府工作报告"); malloc'd. */
char *parse_unspace(const char *s);

#endif
