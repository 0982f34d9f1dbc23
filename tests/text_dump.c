/* text_dump — lays out every paragraph of the given files as text_wrap does,
 * for tests/text_oracle.py to check against python3-wcwidth.
 *
 * Usage: text_dump [-w] FILE...   (-w: ambiguous characters are wide)
 * A paragraph is a non-empty line.  Output, one record a line:
 *   F <file>
 *   P <index> <text_width> <hang> <sanitize changed it: 0|1>
 *   W <width> <lines>
 *   L <indent> <width> <start> <end>     byte offsets into the paragraph
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (!f)
		return NULL;
	do {
		if (n == cap) {
			char *p = realloc(buf, cap = cap ? 2 * cap : 65536);
			if (!p) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = p;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return buf;
}

static void dump_paragraph(size_t index, const char *s, size_t len)
{
	size_t clean_len;
	char *clean = text_sanitize(s, len, 0, &clean_len);
	int changed = clean_len != len || memcmp(clean, s, len) != 0;
	int hang = text_hang_indent(clean, clean_len);
	int width;

	printf("P %zu %d %d %d\n", index, text_width(s, len), hang, changed);
	for (width = 20; width <= 120; width++) {
		text_line *lines;
		size_t n = text_wrap(clean, clean_len, width, hang, &lines), i;

		printf("W %d %zu\n", width, n);
		for (i = 0; i < n; i++)
			printf("L %d %d %zu %zu\n", lines[i].indent, lines[i].width, lines[i].start,
			       lines[i].end);
		free(lines);
	}
	free(clean);
}

int main(int argc, char **argv)
{
	int i = 1;

	setlocale(LC_ALL, "");
	if (i < argc && strcmp(argv[i], "-w") == 0) {
		text_set_ambiguous_width(2);
		i++;
	}
	for (; i < argc; i++) {
		size_t len, pos = 0, index = 0;
		char *buf = slurp(argv[i], &len);

		if (!buf) {
			perror(argv[i]);
			return 2;
		}
		printf("F %s\n", argv[i]);
		while (pos < len) {
			const char *nl = memchr(buf + pos, '\n', len - pos);
			size_t end = nl ? (size_t)(nl - buf) : len, stop = end;

			if (stop > pos && buf[stop - 1] == '\r')
				stop--;
			if (stop > pos)
				dump_paragraph(index++, buf + pos, stop - pos);
			pos = end + 1;
		}
		free(buf);
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
