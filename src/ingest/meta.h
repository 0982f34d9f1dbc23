/* meta.h — what a document is: region, kind, date, title, the years it
 * reviews and plans; read from its parsed text, the file name only as the
 * last resort for the region. */
#ifndef BAOGAO_META_H
#define BAOGAO_META_H

#include "ingest/parse.h"

struct meta {
	char *region;     /* 潞州区, 长治市 …; NULL unknown */
	const char *kind; /* static: 政府工作报告 解读 两会特刊 统计公报; NULL */
	char *date;       /* YYYY-MM-DD of the meeting, NULL when not stated */
	char *title;      /* never NULL after meta_read (falls back to the file name) */
	int review_year, plan_year;
};

/* Returns 0, or -1 when out of memory (m is then cleared). */
int meta_read(const struct parse_doc *doc, const char *path, struct meta *m);
void meta_free(struct meta *m);

/* The region named in s: "长治市潞州区第二届人民代表大会" → "潞州区",
 * "长治市上党区二届人大" → "上党区"; malloc'd, NULL when none. */
char *meta_congress_region(const char *s, size_t len);

#endif
