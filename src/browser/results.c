/* results.c — the list of every match of the search: region, document,
 * section and the line with the match highlighted.  One line per match, drawn
 * from the per-document hit cache, so opening it on a million matches costs
 * what the visible lines cost. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "browser/draw.h"
#include "browser/search_int.h"
#include "text/text.h"

static void results_load(struct pane *p)
{
	long total = search_total(p->ui->search);
	panel_set_count(p, total > 0 ? (size_t)total : 0);
	long cur = search_current(p->ui->search);
	if (cur > 0) {
		panel_select(p, (size_t)cur - 1, 0);
		panel_scroll_to(p, p->selected, 1);
	}
}

static void results_follow(struct pane *p, enum follow what)
{
	if (what != FOLLOW_MATCHES)
		return;
	p->selected = p->top = 0; /* a new search: its list from the top */
	results_load(p);
}

static void draw_snippet(int row, int col, int width, const struct hit_extra *x, enum elem base)
{
	size_t len;
	/* One code point per stored one (tabs as a space) so match_cp indexes it. */
	char *tmp = strdup(x->snippet);
	if (!tmp)
		abort();
	for (char *q = tmp; *q; q++)
		if (*q == '\t' || *q == '\n' || *q == '\r')
			*q = ' ';
	char *s = text_sanitize(tmp, strlen(tmp), 0, &len);
	free(tmp);
	size_t ms = utf8_offset(s, len, x->match_cp);
	size_t me = utf8_offset(s, len, x->match_cp + x->match_cps);
	/* Start late enough that the match shows with a little context, after
	 * a clause mark where one is near, and say with "…" that text was
	 * left out before it. */
	int before_max = width / 3 < 24 ? width / 3 : 24;
	size_t start = 0;
	while (start < ms && text_width(s + start, ms - start) > before_max) {
		uint32_t cp;
		start += utf8_decode(s + start, len - start, &cp);
	}
	int lead = 0;
	if (start > 0) {
		for (size_t i = start; i < ms;) {
			uint32_t cp;
			i += utf8_decode(s + i, len - i, &cp);
			if (text_stop_at(cp) != TEXT_STOP_NONE) {
				start = i;
				break;
			}
		}
		lead = text_width("…", strlen("…"));
		if (lead >= width)
			lead = 0;
		else
			draw_text(row, col, lead, "…", base);
	}
	struct span sp = {ms - start, me - start, EL_MATCH_CURRENT};
	draw_spans(row, col + lead, width - lead, 0, s + start, len - start, base, &sp, 1);
	free(s);
}

static void results_draw_line(struct pane *p, size_t line, int row, int col, int width,
                              int selected)
{
	struct ui *u = p->ui;
	struct search *s = u->search;
	enum elem e = selected ? EL_SELECTED_FOCUS : EL_NORMAL;
	int64_t doc;
	long first;
	struct hit_cache *c = NULL;
	size_t di = 0;
	if (search_locate(u, (long)line, &doc, &first, &di) == 0)
		c = search_cache_for(u, doc);
	if (!c || (size_t)((long)line - first) >= c->n) {
		draw_text(row, col, width, " …", e);
		return;
	}
	const struct hit_extra *x = &c->extra[(long)line - first];
	int region_w = width >= 60 ? 9 : 7;
	int title_w = width >= 120 ? 22 : width >= 80 ? 14 : 0;
	int section_w = width >= 120 ? 30 : width >= 80 ? 18 : 0;
	int x0 = col;
	draw_blank(row, x0, 1, e);
	x0++;
	/* Each column is cut one short and followed by a blank. */
	draw_text_ellipsis(row, x0, region_w - 1, s->docs[di].region ? s->docs[di].region : "",
	                   selected ? e : EL_REGION);
	draw_blank(row, x0 + region_w - 1, 1, e);
	x0 += region_w;
	if (title_w) {
		draw_text_ellipsis(row, x0, title_w - 1, s->docs[di].title, selected ? e : EL_DIM);
		draw_blank(row, x0 + title_w - 1, 1, e);
		x0 += title_w;
	}
	if (section_w) {
		/* The deepest part of the path says most. */
		draw_text_ellipsis(row, x0, section_w - 1, x->section_heading, e);
		draw_blank(row, x0 + section_w - 1, 1, e);
		x0 += section_w;
	}
	draw_snippet(row, x0, col + width - x0, x, e);
}

static int results_key(struct pane *p, enum action a)
{
	struct ui *u = p->ui;
	if (a == ACT_ENTER && p->count) {
		search_goto(u, (long)p->selected);
		return KR_CLOSE | KR_READ;
	}
	return 0;
}

static void results_title(struct pane *p, char *buf, size_t size)
{
	struct search *s = p->ui->search;
	size_t docs = 0;
	for (size_t i = 0; i < s->ndocs; i++)
		docs += s->docs[i].count > 0;
	snprintf(buf, size, "搜索结果 · %s%s · %ld 处 · %zu 个文件 · Enter 跳转 · q 返回",
	         s->regex ? "re:" : "", search_pattern(s), s->total > 0 ? s->total : 0, docs);
}

static const char *results_empty(struct pane *p)
{
	return search_total(p->ui->search) < 0 ? "(no search yet: press /)" : "(no match)";
}

static const struct pane_ops results_ops = {
    .follow = results_follow,
    .keymap = KM_RESULTS,
    .load = results_load,
    .draw_line = results_draw_line,
    .key = results_key,
    .title = results_title,
    .empty = results_empty,
};

struct pane *results_new(struct ui *u)
{
	return panel_new(u, &results_ops, NULL);
}
