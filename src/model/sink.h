/* sink.h — the one interface through which ingest feeds the model.
 *
 * Like ncdu's dir_output: the parser knows nothing of SQLite, the model knows
 * nothing of file formats.  Ingest calls, for each file:
 *
 *   doc_begin            → 0 go on, 3 go on (it replaces the document of its
 *                          path), 1 already stored with this content, 2 the
 *                          same report is stored from another file (another
 *                          form: error() names it); on 1 and 2 skip the file,
 *                          call nothing else for it; < 0 error (error() says)
 *   section*             in preorder, ids local to the document (1, 2, …),
 *                          parent 0 for top level
 *   paragraph*           in reading order
 *   glossary*, indicator*  after the paragraphs they point to
 *   doc_end(commit)      commit = 1 keeps everything since doc_begin, 0 drops it
 *
 * Each document is one transaction: until doc_end(…, 1) returns 0, nothing of
 * it is visible and an interrupted ingest leaves the database as it was.
 * A document whose `path` is already stored with another hash replaces it;
 * `source` is made unique in the database (the folders above the file name
 * are put in front when another file has its name).
 * All strings are UTF-8 and only borrowed for the duration of the call.
 */
#ifndef BAOGAO_SINK_H
#define BAOGAO_SINK_H

#include <stddef.h>

struct sink_doc {
	const char *source;   /* file name without directory: the user-facing name */
	const char *path;     /* the file's full path (as given when it has none) */
	const char *hash;     /* hex SHA-256 of the decoded UTF-8 text */
	const char *encoding; /* "UTF-8", "UTF-8 BOM", "UTF-16LE", "GB18030" … */
	const char *region;   /* 潞州区, 长治市 …; NULL unknown */
	const char *kind;     /* 政府工作报告, 解读, 两会特刊, 统计公报, NULL */
	const char *date;     /* YYYY-MM-DD of the meeting when stated, else NULL */
	const char *title;
	int review_year;         /* the year the document looks back on, 0 unknown */
	int plan_year;           /* the year it plans, 0 unknown */
	size_t bytes;            /* size of the decoded text */
	const char *fingerprint; /* text_fp_hex of its text, "" or NULL none */
	size_t han;              /* Han characters in it */
};

/* kind: "part" (一、), "subsection" (（一）), "item" (1.), "lead" (一是 / bold
 * lead sentence), "bullet" (◆ list), "glossary" (名词解释), "heading" (other
 * titled block, e.g. a feature article's ### heading), "preamble" (text before
 * the first heading). */
struct sink_section {
	int id;     /* 1-based, preorder */
	int parent; /* 0 = top level */
	int level;  /* depth, 1 = top */
	const char *kind;
	const char *number; /* "一、", "（一）", "1.", "一是", "" */
	const char *title;  /* heading text without number and markup */
	int line;           /* 1-based source line */
};

/* kind: "text", "heading" (the document's title, subtitle or a newspaper
 * headline), "section" (a line that heads a section, as written: the text
 * reads and searches as the file does), "caption", "masthead", "bullet",
 * "item", "signature" (speaker line, date line).  A heading inline at the
 * start of a paragraph ("（一）…。", "一是…", a bold lead) stays in that
 * paragraph's text. */
struct sink_paragraph {
	int ord;     /* 1-based reading order within the document */
	int section; /* local section id, 0 = before any section */
	const char *kind;
	const char *text; /* markup (**, #, "- ") removed; page breaks joined */
	size_t len;
	int joins; /* how many page breaks were joined into this paragraph */
	int line;  /* 1-based source line of its first line */
};

struct sink_glossary {
	const char *term;
	const char *definition;
	int number; /* its number in the list (1..23), 0 none */
	int section;
};

/* One quantitative statement (see ingest/extract.h). Offsets are code points
 * into the paragraph's text. */
struct sink_indicator {
	const char *indicator; /* canonical name: 地区生产总值 … */
	const char *name;      /* as written: GDP, 规上工业增加值 … */
	int year;              /* the year it is of; a goal: the year it is set in */
	const char *kind;      /* "result" | "target" | "goal" (a multi-year goal) */
	int horizon;           /* a goal's end year ("到2025年", "十四五"), 0 none */
	const char *value;     /* as written, "457.6", NULL none */
	const char *unit;      /* as written, "亿元", NULL none */
	double growth;         /* percent; a range: its low end */
	int has_growth;
	double growth_high; /* a range's high end ("6%—6.5%") */
	int has_growth_high;
	const char *qualifier; /* exact at_least about at_most in_step above range */
	const char *period;    /* 全年, 前三季度, 1-11月 … NULL whole year */
	const char *flags;     /* what makes it less than like for like, comma-separated:
	                        * estimate (预计, 初步核算), old_name (a name a
	                        * report no longer uses, data/indicators.tsv), zone
	                        * (a development zone's figure); NULL none */
	int paragraph;         /* ord of the paragraph */
	int section;
	int start, end;       /* sentence [start,end) in code points of the paragraph */
	const char *sentence; /* that sentence's text (kept with the statement so
	                       * that compare need not read the paragraphs), NULL
	                       * to leave it to the paragraph */
};

struct doc_sink {
	void *ctx;
	int (*doc_begin)(void *ctx, const struct sink_doc *doc);
	int (*section)(void *ctx, const struct sink_section *s);
	int (*paragraph)(void *ctx, const struct sink_paragraph *p);
	int (*glossary)(void *ctx, const struct sink_glossary *g);
	int (*indicator)(void *ctx, const struct sink_indicator *ind);
	int (*doc_end)(void *ctx, int commit);
	/* the last failure, or for doc_begin's 2 the other file, in words;
	 * may be NULL */
	const char *(*error)(void *ctx);
};

#endif
