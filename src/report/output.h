/* output.h — every listing goes through one table emitter, so table, tsv,
 * json (and csv, md for compare) agree on columns and escaping. */
#ifndef BAOGAO_REPORT_OUTPUT_H
#define BAOGAO_REPORT_OUTPUT_H

#include <stdio.h>

enum out_format { OUT_TABLE, OUT_TSV, OUT_JSON, OUT_CSV, OUT_MD };

enum out_type { OUT_STR, OUT_INT, OUT_NUM, OUT_RAW /* pre-built JSON */ };

struct out_col {
	const char *name; /* JSON field name and table header */
	enum out_type type;
	int right; /* right-align in tables */
	int table; /* in tables: OUT_HIDDEN (only in json/tsv, e.g. long text), or
	            * OUT_WRAP (the last column wrapped on a terminal, not cut) */
};
#define OUT_HIDDEN 1
#define OUT_WRAP   2

struct out_cell {
	const char *s; /* NULL → null / empty */
};

typedef struct out_table out_table;

out_table *out_new(enum out_format f, const struct out_col *cols, size_t ncols);
/* Rows written to fp as they come instead of kept to the end, for every
 * format but the table (which needs all rows for its widths): a listing of
 * 70,000 rows is not held twice.  What was written before a failure stays
 * written (see out_discard). */
void out_stream(out_table *t, FILE *fp);
/* Adds a row of ncols strings (copied unless streamed).  NULL = null. */
void out_row(out_table *t, const char *const *cells);
/* Writes and frees.  Table output sanitizes every cell (no control character
 * from a report reaches the terminal) and aligns by display width; the last
 * column is wrapped/cut to the terminal width when `width` > 0. */
void out_finish(out_table *t, FILE *fp, int width);
/* Frees without writing: a command that failed prints no half listing
 * (streamed rows are out already: a JSON array begun is closed). */
void out_discard(out_table *t);

/* JSON string escaping into fp (with quotes). */
void out_json_string(FILE *fp, const char *s);
/* Terminal width of stdout (COLUMNS, ioctl), 0 when not a terminal. */
int out_terminal_width(void);

#endif
