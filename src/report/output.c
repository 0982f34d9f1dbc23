/* output.c — one emitter for every listing.  Rows are buffered because a
 * table needs every cell's width before the first line is printed. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "report/output.h"
#include "text/text.h"

struct out_table {
	enum out_format format;
	const struct out_col *cols;
	size_t ncols;
	char **cells; /* nrows * ncols, NULL = null */
	size_t nrows, cap;
	int json_first;
	FILE *stream;    /* rows go out at once (out_stream) */
	int header_done; /* the flat formats' header line is out */
};

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

out_table *out_new(enum out_format f, const struct out_col *cols, size_t ncols)
{
	out_table *t = calloc(1, sizeof *t);
	if (!t)
		abort();
	t->format = f;
	t->cols = cols;
	t->ncols = ncols;
	t->json_first = 1;
	return t;
}

void out_json_string(FILE *fp, const char *s)
{
	fputc_unlocked('"', fp);
	size_t len = strlen(s), run = 0; /* bytes [run, i) go out as they are */
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			i++;
			continue;
		}
		/* CJK: leads E3–E9 hold no control, separator or bidi mark */
		if (c >= 0xE3 && c <= 0xE9 && i + 2 < len &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
		    ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		const char *esc = NULL;
		char u[16];
		if (cp == '"')
			esc = "\\\"";
		else if (cp == '\\')
			esc = "\\\\";
		else if (cp == '\n')
			esc = "\\n";
		else if (cp == '\r')
			esc = "\\r";
		else if (cp == '\t')
			esc = "\\t";
		else if (cp < 0x20 || cp == 0x7f ||
		         (text_is_replaced(cp) && cp <= 0x10FFFF &&
		          !(cp >= 0xD800 && cp <= 0xDFFF)))
			/* what table and TSV replace (bidi controls reorder what a
			 * terminal shows: "abc<RLO>txt.exe" reads "abcexe.txt") */
			snprintf(u, sizeof u, "\\u%04x", (unsigned)cp), esc = u;
		else if (cp == TEXT_REPLACEMENT && !(n == 3 && c == 0xef))
			esc = "\\ufffd"; /* invalid byte: never emit invalid UTF-8 */
		if (esc) {
			fwrite_unlocked(s + run, 1, i - run, fp);
			fputs_unlocked(esc, fp);
			run = i + n;
		}
		i += n;
	}
	fwrite_unlocked(s + run, 1, len - run, fp);
	fputc_unlocked('"', fp);
}

/* TSV cannot carry tabs or newlines inside a field: they become spaces, and
 * every other control character is made visible like on a terminal. */
/* Plain printable ASCII and CJK (leads E3–E9) need no sanitizing: the
 * fields of a 70,000-row listing mostly are, and text_sanitize measured
 * each character's width. */
static int plain(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		if (u[i] >= 0x20 && u[i] < 0x7f) {
			i++;
		} else if (u[i] >= 0xE3 && u[i] <= 0xE9 && i + 2 < len &&
		           (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			i += 3;
		} else {
			return 0;
		}
	}
	return 1;
}

static void tsv_field(FILE *fp, const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s);
	if (text_csv_formula(s))
		fputc('\'', fp); /* a spreadsheet opens TSV too: report text is data */
	if (plain(s, n)) {
		fwrite(s, 1, n, fp);
		return;
	}
	char *clean = text_sanitize(s, n, 0, &n);
	fwrite(clean, 1, n, fp);
	free(clean);
}

/* CSV per RFC 4180; controls made inert as in TSV. */
static void csv_field(FILE *fp, const char *s)
{
	if (!s)
		return;
	char *clean = text_sanitize(s, strlen(s), 0, NULL);
	if (text_csv_formula(clean)) {
		/* report text is data: a leading ' keeps a spreadsheet from running it */
		fputc('"', fp);
		fputc('\'', fp);
		for (const char *p = clean; *p; p++) {
			if (*p == '"')
				fputc('"', fp);
			fputc(*p, fp);
		}
		fputc('"', fp);
	} else if (strpbrk(clean, ",\"\n")) {
		fputc('"', fp);
		for (const char *p = clean; *p; p++) {
			if (*p == '"')
				fputc('"', fp);
			fputc(*p, fp);
		}
		fputc('"', fp);
	} else {
		fputs(clean, fp);
	}
	free(clean);
}

static void md_field(FILE *fp, const char *s)
{
	if (!s)
		return;
	char *clean = text_sanitize(s, strlen(s), 0, NULL);
	for (const char *p = clean; *p; p++) {
		if (*p == '|')
			fputc('\\', fp);
		fputc(*p, fp);
	}
	free(clean);
}

static void flat_line(out_table *t, FILE *fp, char *const *cells);

static void json_row(out_table *t, FILE *fp, char *const *cells)
{
	fputs(t->json_first ? "[\n  {" : ",\n  {", fp);
	t->json_first = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			fputs(", ", fp);
		out_json_string(fp, t->cols[c].name);
		fputs(": ", fp);
		const char *v = cells[c];
		if (!v)
			fputs("null", fp);
		else if (t->cols[c].type == OUT_STR)
			out_json_string(fp, v);
		else if (*v)
			fputs(v, fp); /* numbers and raw JSON are built by us, never by a report */
		else
			fputs("null", fp);
	}
	fputc('}', fp);
}

void out_row(out_table *t, const char *const *cells)
{
	if (t->stream) {
		if (t->format == OUT_JSON) {
			json_row(t, t->stream, (char *const *)cells);
		} else {
			if (!t->header_done)
				flat_line(t, t->stream, NULL);
			flat_line(t, t->stream, (char *const *)cells);
		}
		return;
	}
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->cells = realloc(t->cells, t->cap * t->ncols * sizeof *t->cells);
		if (!t->cells)
			abort();
	}
	for (size_t c = 0; c < t->ncols; c++)
		t->cells[t->nrows * t->ncols + c] = dup_or_null(cells[c]);
	t->nrows++;
}

/* s wrapped to width, continuation lines after `indent` blanks. */
static void print_wrapped(FILE *fp, const char *s, int width, int indent)
{
	text_line *lines = NULL;
	size_t n = text_wrap(s, strlen(s), width > 0 ? width : 1, 0, &lines);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fprintf(fp, "\n%*s", indent, "");
		fwrite(s + lines[i].start, 1, lines[i].end - lines[i].start, fp);
	}
	free(lines);
}

static void print_table(out_table *t, FILE *fp, int width)
{
	size_t nc = t->ncols;
	int *w = calloc(nc, sizeof *w);
	char *shown = calloc(nc, 1), *empty = calloc(nc, 1);
	char **clean = calloc(t->nrows * nc + nc, sizeof *clean);
	if (!w || !shown || !empty || !clean)
		abort();
	/* Sanitize once; widths come from the layout module, so a table lines up
	 * whatever mix of CJK, Latin and ambiguous characters it holds. */
	for (size_t c = 0; c < nc; c++) {
		clean[c] = text_sanitize(t->cols[c].name, strlen(t->cols[c].name), 0, NULL);
		w[c] = text_width_cstr(clean[c]);
		shown[c] = t->cols[c].table != OUT_HIDDEN;
		empty[c] = 1;
	}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < nc; c++) {
			const char *v = t->cells[r * nc + c];
			char *s = text_sanitize(v ? v : "", v ? strlen(v) : 0, 0, NULL);
			clean[(r + 1) * nc + c] = s;
			int cw = text_width_cstr(s);
			if (*s)
				empty[c] = 0;
			if (shown[c] && cw > w[c])
				w[c] = cw;
		}
	/* A terminal too narrow for every column keeps the last (the text) at
	 * 8 columns or more: columns with nothing in them go first, then those
	 * just before the last, never the first; JSON and TSV keep them all. */
	size_t last;
	int used;
	for (;;) {
		last = nc;
		used = 0;
		for (size_t c = 0; c < nc; c++)
			if (shown[c]) {
				if (last != nc)
					used += w[last] + 2;
				last = c;
			}
		if (width <= 0 || last == nc || used + 8 <= width)
			break;
		size_t first = 0, drop = nc;
		while (!shown[first])
			first++;
		for (size_t c = first + 1; c < last && drop == nc; c++)
			if (shown[c] && empty[c])
				drop = c;
		for (size_t c = last; drop == nc && c-- > first + 1;)
			if (shown[c])
				drop = c;
		if (drop == nc)
			break;
		shown[drop] = 0;
	}
	/* The last visible column takes what the terminal has left; rows are cut
	 * there rather than wrapped so a listing stays one row per record. */
	if (width > 0 && last < nc && used + w[last] > width && width - used >= 1)
		w[last] = width - used;
	for (size_t r = 0; r <= t->nrows; r++) {
		for (size_t c = 0; c < nc; c++) {
			if (!shown[c])
				continue;
			const char *s = clean[r * nc + c];
			char *cell;
			if (c == last && t->cols[c].table == OUT_WRAP && r > 0 && width > 0) {
				print_wrapped(fp, s, w[c], used);
				continue;
			}
			if (c == last)
				cell = text_fit(
				    s, text_width_cstr(s) > w[c] ? w[c] : text_width_cstr(s), 1);
			else if (t->cols[c].right && r > 0)
				cell = text_fit_right(s, w[c]);
			else
				cell = text_fit(s, w[c], 1);
			fputs(cell, fp);
			free(cell);
			if (c != last)
				fputs("  ", fp);
		}
		fputc('\n', fp);
	}
	for (size_t i = 0; i < (t->nrows + 1) * nc; i++)
		free(clean[i]);
	free(clean);
	free(w);
	free(shown);
	free(empty);
}

/* One line of tsv, csv or md: the header when cells is NULL. */
static void flat_line(out_table *t, FILE *fp, char *const *cells)
{
	size_t nc = t->ncols;
	const char *sep = t->format == OUT_TSV ? "\t" : t->format == OUT_CSV ? "," : " | ";
	void (*field)(FILE *, const char *) = t->format == OUT_TSV   ? tsv_field
	                                      : t->format == OUT_CSV ? csv_field
	                                                             : md_field;
	if (t->format == OUT_MD)
		fputs("| ", fp);
	for (size_t c = 0; c < nc; c++) {
		if (c)
			fputs(sep, fp);
		field(fp, cells ? cells[c] : t->cols[c].name);
	}
	fputs(t->format == OUT_MD ? " |\n" : "\n", fp);
	if (!cells && t->format == OUT_MD) {
		fputs("|", fp);
		for (size_t c = 0; c < nc; c++)
			fputs(t->cols[c].right ? " ---: |" : " --- |", fp);
		fputc('\n', fp);
	}
	if (!cells)
		t->header_done = 1;
}

void out_stream(out_table *t, FILE *fp)
{
	if (t->format != OUT_TABLE)
		t->stream = fp;
}

void out_finish(out_table *t, FILE *fp, int width)
{
	size_t nc = t->ncols;
	switch (t->format) {
	case OUT_TABLE:
		print_table(t, fp, width);
		break;
	case OUT_JSON:
		for (size_t r = 0; r < t->nrows; r++)
			json_row(t, fp, &t->cells[r * nc]);
		fputs(t->json_first ? "[]\n" : "\n]\n", fp);
		t->stream = NULL; /* closed: out_discard adds nothing */
		break;
	case OUT_TSV:
	case OUT_CSV:
	case OUT_MD:
		if (!t->header_done)
			flat_line(t, fp, NULL);
		for (size_t r = 0; r < t->nrows; r++)
			flat_line(t, fp, &t->cells[r * nc]);
		break;
	}
	out_discard(t);
}

void out_discard(out_table *t)
{
	/* streamed JSON already begun is closed, so that what came out parses */
	if (t->stream && t->format == OUT_JSON && !t->json_first)
		fputs("\n]\n", t->stream);
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t);
}

int out_terminal_width(void)
{
	if (!isatty(STDOUT_FILENO))
		return 0;
	const char *cols = getenv("COLUMNS");
	if (cols && atoi(cols) > 0)
		return atoi(cols);
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}
