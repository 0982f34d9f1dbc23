/* test_page.c — the page layout shared by the viewer and `baogao show`. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "text/page.h"
#include "text/text.h"

static char *line_text(const struct page_line *l)
{
	char *s = malloc(l->len + 1);
	memcpy(s, l->text, l->len);
	s[l->len] = '\0';
	return s;
}

int main(void)
{
	page *p = page_new(20);
	CHECK(p != NULL);
	CHECK_INT(page_add_block(p, "section", "一、工作回顾", strlen("一、工作回顾"), 7), 0);
	const char *body = "◆全市地区生产总值五年增量超900亿元，工业增加值总量跃居全省第一。";
	CHECK_INT(page_add_block(p, "bullet", body, strlen(body), 8), 0);
	const char *cap = "① 际安电气生产线高效运转的一个很长很长的说明";
	CHECK_INT(page_add_block(p, "caption", cap, strlen(cap), 9), 0);

	/* heading, blank, the bullet's lines, blank, the caption's lines */
	const struct page_line *l = page_line_at(p, 0);
	CHECK(l && l->kind == PAGE_HEADING && l->level == 1);
	CHECK(page_line_at(p, 1)->kind == PAGE_BLANK);
	CHECK_INT(page_block_tag(p, 1), 8);
	size_t first = page_find(p, 1, 0);
	CHECK_INT(first, 2);
	int hung = 0, over = 0, capt_hang = 0;
	for (size_t i = 0; i < page_nlines(p); i++) {
		l = page_line_at(p, i);
		if (l->indent + l->width > 20)
			over++;
		if (l->block == 1 && i > first && l->kind == PAGE_TEXT)
			hung += l->indent == text_width_cstr("◆");
		if (l->block == 2 && l->indent)
			capt_hang++;
	}
	CHECK_INT(over, 0);
	CHECK(hung >= 2);        /* continuation lines sit under the text, not the ◆ */
	CHECK_INT(capt_hang, 0); /* captions are not lists */

	/* the lines put back together are the paragraph */
	size_t total = 0;
	for (size_t i = 0; i < page_nlines(p); i++) {
		l = page_line_at(p, i);
		if (l->block == 1 && l->kind == PAGE_TEXT)
			total += l->len;
	}
	CHECK_INT(total, strlen(body));

	/* an offset inside the bullet finds its line */
	size_t off = (size_t)(strstr(body, "跃居") - body);
	size_t li = page_find(p, 1, off);
	l = page_line_at(p, li);
	char *s = line_text(l);
	CHECK_MSG(l->offset <= off && off < l->offset + l->len, "line %zu \"%s\"", li, s);
	free(s);

	/* hostile text: offsets map onto the sanitized text */
	const char *esc = "a\033[2Jb";
	CHECK_INT(page_sanitized_offset(esc, 1), 1);
	CHECK_INT(page_sanitized_offset(esc, 2), 4); /* ESC became ␛, three bytes */
	CHECK(!page_kind_is_heading("text") && page_kind_is_heading("heading"));
	page_free(p);

	/* a width of one still lays every character out */
	p = page_new(1);
	CHECK_INT(page_add_block(p, "text", "中文ab", strlen("中文ab"), 1), 0);
	CHECK(page_nlines(p) >= 4);
	page_free(p);
	return check_done();
}
