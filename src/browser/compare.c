/* compare.c — the compare view (c): one row per indicator and year with a
 * target, the result sentence on the left and the target sentence on the
 * right, each wrapped by display width in its own column, the verdict
 * between them.  Without a result of the same year the previous year's
 * result is shown as the baseline.  ←/→ choose a side, Enter opens it in the
 * viewer, e exports (export.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "browser/draw.h"
#include "model/indicators.h"
#include "text/text.h"

#define MID_W 10

enum cline_kind { CL_HEADER, CL_SUMMARY, CL_TEXT, CL_BLANK };

struct cline {
	size_t row;
	enum cline_kind kind;
	size_t k; /* CL_TEXT: wrapped line number */
};

struct crow {
	char *left, *right; /* sanitized sentences */
	size_t left_len, right_len;
	text_line *ll, *rl;
	size_t nl, nr;
	size_t first_line;
	struct span lhit, rhit; /* the indicator's clause in each sentence */
};

struct compare {
	struct compare_row *rows;
	size_t n;
	struct crow *c;
	struct cline *lines;
	size_t nlines;
	int side; /* 0 left (result), 1 right (target) */
	int wrapped_for;
	char *region;
};

static const struct indicator_row *left_of(const struct compare_row *r)
{
	return r->result ? r->result : r->previous;
}

static void free_layout(struct compare *c)
{
	for (size_t i = 0; c->c && i < c->n; i++) {
		free(c->c[i].left);
		free(c->c[i].right);
		free(c->c[i].ll);
		free(c->c[i].rl);
	}
	free(c->c);
	free(c->lines);
	c->c = NULL;
	c->lines = NULL;
	c->nlines = 0;
}

static void col_widths(const struct pane *p, int *lw, int *rw)
{
	int w = p->width - 2 - MID_W;
	if (w < 8)
		w = 8;
	*lw = w / 2;
	*rw = w - *lw;
}

/* The part of a sentence that speaks of the indicator: from its name as
 * written to the end of its clause, or of the next one when the growth
 * figure comes there ("地区生产总值完成457.6亿元，同比增长3.9%"), since a target
 * sentence names half a dozen indicators and a reader must find the one. */
static struct span indicator_clause(const char *s, const struct indicator_row *r)
{
	struct span sp = {0, 0, EL_MARK};
	const char *at = r && r->name && *r->name ? strstr(s, r->name) : NULL;
	if (!at)
		return sp;
	size_t len = strlen(s), i = (size_t)(at - s) + strlen(r->name);
	int percent = 0, clauses = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		enum text_stop stop = text_stop_at(cp);
		if (stop == TEXT_STOP_SENTENCE ||
		    (stop == TEXT_STOP_CLAUSE && (!r->has_growth || percent || clauses++)))
			break;
		percent |= cp == '%' || cp == 0xFF05;
		i += n;
	}
	sp.start = (size_t)(at - s);
	sp.end = i;
	return sp;
}

/* Draws wrapped line l of sentence s with the part of hit that falls in it. */
static void draw_sentence_line(int row, int col, int width, const char *s, const text_line *l,
                               const struct span *hit)
{
	struct span sp = {0, 0, hit->elem};
	size_t n = 0;
	if (hit->start < l->end && hit->end > l->start) {
		sp.start = (hit->start > l->start ? hit->start : l->start) - l->start;
		sp.end = (hit->end < l->end ? hit->end : l->end) - l->start;
		n = 1;
	}
	draw_spans(row, col, width, l->indent, s + l->start, l->end - l->start, EL_NORMAL, &sp, n);
}

static void layout(struct pane *p)
{
	struct compare *c = p->data;
	free_layout(c);
	int lw, rw;
	col_widths(p, &lw, &rw);
	c->wrapped_for = p->width;
	c->c = calloc(c->n + 1, sizeof *c->c);
	size_t cap = 16;
	c->lines = malloc(cap * sizeof *c->lines);
	if (!c->c || !c->lines)
		abort();
	for (size_t i = 0; i < c->n; i++) {
		struct crow *cr = &c->c[i];
		const struct indicator_row *l = left_of(&c->rows[i]);
		const char *lt = l && l->text ? l->text : "";
		const char *rt = c->rows[i].target.text ? c->rows[i].target.text : "";
		cr->left = text_sanitize(lt, strlen(lt), 0, &cr->left_len);
		cr->right = text_sanitize(rt, strlen(rt), 0, &cr->right_len);
		cr->nl = text_wrap(cr->left, cr->left_len, lw - 1, 0, &cr->ll);
		cr->nr = text_wrap(cr->right, cr->right_len, rw - 1, 0, &cr->rl);
		cr->lhit = indicator_clause(cr->left, l);
		cr->rhit = indicator_clause(cr->right, &c->rows[i].target);
		size_t text = cr->nl > cr->nr ? cr->nl : cr->nr;
		if (text == 0)
			text = 1; /* the line that names the verdict */
		if (c->nlines + text + 4 > cap) {
			cap = (c->nlines + text + 4) * 2;
			c->lines = realloc(c->lines, cap * sizeof *c->lines);
			if (!c->lines)
				abort();
		}
		cr->first_line = c->nlines;
		c->lines[c->nlines++] = (struct cline){i, CL_HEADER, 0};
		c->lines[c->nlines++] = (struct cline){i, CL_SUMMARY, 0};
		for (size_t k = 0; k < text; k++)
			c->lines[c->nlines++] = (struct cline){i, CL_TEXT, k};
		c->lines[c->nlines++] = (struct cline){i, CL_BLANK, 0};
	}
	panel_set_count(p, c->nlines);
}

static void compare_load(struct pane *p)
{
	struct compare *c = p->data;
	struct ui *u = p->ui;
	free_layout(c);
	model_compare_free(c->rows, c->n);
	c->rows = NULL;
	c->n = 0;
	free(c->region);
	c->region = u->region ? strdup(u->region) : NULL;
	if (model_compare(u->m, c->region, 0, &c->rows, &c->n) < 0) {
		ui_message(u, EL_ERROR, "%s", model_error(u->m));
		c->rows = NULL;
		c->n = 0;
	}
	p->selected = p->top = 0;
	layout(p);
}

static void compare_resize(struct pane *p)
{
	struct compare *c = p->data;
	if (!c->rows || c->wrapped_for == p->width)
		return;
	size_t row = c->nlines ? c->lines[p->selected].row : 0;
	layout(p);
	if (c->n)
		p->selected = c->c[row].first_line;
}

static enum elem verdict_elem(enum verdict v)
{
	switch (v) {
	case VERDICT_MET:
		return EL_MET;
	case VERDICT_MISSED:
		return EL_MISSED;
	case VERDICT_PENDING:
		return EL_PENDING;
	default:
		return EL_UNKNOWN;
	}
}

static const char *qualifier_label(enum ind_qualifier q)
{
	static const char *const labels[] = {
	    [QUAL_AT_LEAST] = "以上",      [QUAL_ABOUT] = "左右",
	    [QUAL_AT_MOST] = "以内",       [QUAL_IN_STEP] = "与经济增长同步",
	    [QUAL_ABOVE] = "高于经济增长", [QUAL_RANGE] = "区间"};
	return q < sizeof labels / sizeof labels[0] && labels[q] ? labels[q] : "";
}

static const char *verdict_label(enum verdict v)
{
	switch (v) {
	case VERDICT_MET:
		return "达成";
	case VERDICT_MISSED:
		return "未达成";
	case VERDICT_PENDING:
		return "待评估";
	default:
		return "无法判断";
	}
}

/* "目标 2023年 增长7%以上", "上年 2022年 367亿元 增长6.5%" */
static void summary(const struct indicator_row *r, const char *what, char *buf, size_t size)
{
	if (!r) {
		snprintf(buf, size, "%s —", what);
		return;
	}
	char value[96] = "", growth[48] = "";
	if (r->value && *r->value)
		snprintf(value, sizeof value, " %s%s", r->value, r->unit ? r->unit : "");
	/* a rate is its level (失业率4.1%), a fall is said as one (下降0.7%) */
	size_t il = r->indicator ? strlen(r->indicator) : 0;
	int rate = il >= strlen("率") && strcmp(r->indicator + il - strlen("率"), "率") == 0;
	const char *verb = rate ? "" : r->has_growth && r->growth < 0 ? "下降" : "增长";
	double g = !rate && r->growth < 0 ? -r->growth : r->growth;
	if (r->has_growth && r->has_growth_high)
		snprintf(growth, sizeof growth, " 增长%g%%—%g%%", r->growth, r->growth_high);
	else if (r->has_growth)
		snprintf(growth, sizeof growth, " %s%g%%", verb, g);
	snprintf(buf, size, "%s %d年%s%s%s", what, r->year, value, growth,
	         qualifier_label(r->qual));
}

static void compare_draw_line(struct pane *p, size_t line, int row, int col, int width,
                              int selected)
{
	struct compare *c = p->data;
	const struct cline *cl = &c->lines[line];
	const struct compare_row *r = &c->rows[cl->row];
	const struct crow *cr = &c->c[cl->row];
	int sel_row = c->nlines && c->lines[p->selected].row == cl->row;
	int lw, rw;
	col_widths(p, &lw, &rw);
	int lx = col + 1, mx = lx + lw, rx = mx + MID_W;
	(void)selected;
	switch (cl->kind) {
	case CL_HEADER: {
		char h[512], warn[256];
		compare_warnings_text(r, 1, warn, sizeof warn);
		/* nothing is compared silently: what makes the two unlike is said */
		snprintf(h, sizeof h, " %s · %s · %d年%s%s", r->region ? r->region : "",
		         r->indicator ? r->indicator : "", r->year, *warn ? " · 注意：" : "", warn);
		draw_text_ellipsis(row, col, width, h, sel_row ? EL_SELECTED_FOCUS : EL_HEADING);
		return;
	}
	case CL_SUMMARY: {
		char ls[256], rs[256];
		summary(left_of(r), r->result ? "完成" : "上年", ls, sizeof ls);
		summary(&r->target, "目标", rs, sizeof rs);
		draw_blank(row, col, 1, EL_NORMAL);
		draw_text_ellipsis(row, lx, lw - 1, ls,
		                   sel_row && c->side == 0 ? EL_SELECTED_FOCUS : EL_DIM);
		draw_blank(row, lx + lw - 1, 1, EL_NORMAL);
		char v[32];
		snprintf(v, sizeof v, " %s", verdict_label(r->verdict));
		draw_text(row, mx, MID_W, v, verdict_elem(r->verdict));
		draw_text_ellipsis(row, rx, rw - 1, rs,
		                   sel_row && c->side == 1 ? EL_SELECTED_FOCUS : EL_DIM);
		draw_blank(row, rx + rw - 1, col + width - (rx + rw - 1), EL_NORMAL);
		return;
	}
	case CL_TEXT:
		draw_blank(row, col, 1, EL_NORMAL);
		if (cl->k < cr->nl)
			draw_sentence_line(row, lx, lw, cr->left, &cr->ll[cl->k], &cr->lhit);
		else
			draw_blank(row, lx, lw, EL_NORMAL);
		if (cl->k == 0) { /* the verdict as `baogao compare` names it */
			char v[32];
			snprintf(v, sizeof v, " %s", verdict_name(r->verdict));
			draw_text(row, mx, MID_W, v, EL_DIM);
		} else {
			draw_blank(row, mx, MID_W, EL_NORMAL);
		}
		if (cl->k < cr->nr)
			draw_sentence_line(row, rx, col + width - rx, cr->right, &cr->rl[cl->k],
			                   &cr->rhit);
		else
			draw_blank(row, rx, col + width - rx, EL_NORMAL);
		return;
	case CL_BLANK:
		draw_blank(row, col, width, EL_NORMAL);
		return;
	}
}

static void select_row(struct pane *p, size_t row)
{
	struct compare *c = p->data;
	if (!c->n)
		return;
	if (row >= c->n)
		row = c->n - 1;
	size_t first = c->c[row].first_line;
	size_t last = row + 1 < c->n ? c->c[row + 1].first_line - 1 : c->nlines - 1;
	/* Show the whole row where it fits, its head otherwise. */
	panel_select(p, last, 0);
	panel_select(p, first, 0);
}

static int compare_key(struct pane *p, enum action a)
{
	struct compare *c = p->data;
	struct ui *u = p->ui;
	if (!c->n)
		return 0;
	size_t row = c->lines[p->selected].row;
	size_t page = (size_t)(panel_body(p) > 1 ? panel_body(p) - 1 : 1);
	switch (a) {
	case ACT_MOVE_UP:
		select_row(p, row ? row - 1 : 0);
		return 1;
	case ACT_MOVE_DOWN:
		select_row(p, row + 1);
		return 1;
	case ACT_PAGE_DOWN: {
		size_t to = p->selected + page < c->nlines ? p->selected + page : c->nlines - 1;
		select_row(p, c->lines[to].row);
		return 1;
	}
	case ACT_PAGE_UP: {
		size_t to = p->selected > page ? p->selected - page : 0;
		select_row(p, c->lines[to].row);
		return 1;
	}
	case ACT_MOVE_FIRST:
		select_row(p, 0);
		return 1;
	case ACT_MOVE_LAST:
		select_row(p, c->n - 1);
		return 1;
	case ACT_SIDE_LEFT:
	case ACT_SIDE_RIGHT:
		c->side = a == ACT_SIDE_RIGHT;
		return 1;
	case ACT_ENTER: {
		const struct compare_row *r = &c->rows[row];
		const struct indicator_row *src = c->side ? &r->target : left_of(r);
		if (!src) {
			ui_message(u, EL_ERROR, "no result to open for this row");
			return 1;
		}
		ui_show_source(u, src->doc, src->paragraph, (size_t)src->start, (size_t)src->end);
		return KR_CLOSE | KR_READ;
	}
	default:
		return 0;
	}
}

static int compare_grep(struct pane *p, size_t line, const char *term)
{
	struct compare *c = p->data;
	const struct cline *cl = &c->lines[line];
	if (cl->kind != CL_HEADER)
		return 0;
	const struct compare_row *r = &c->rows[cl->row];
	char buf[512];
	snprintf(buf, sizeof buf, "%s %s %d", r->region ? r->region : "",
	         r->indicator ? r->indicator : "", r->year);
	char *f = text_fold(buf, strlen(buf), 1, NULL);
	int hit = f && strstr(f, term) != NULL;
	free(f);
	return hit;
}

static void compare_title(struct pane *p, char *buf, size_t size)
{
	struct compare *c = p->data;
	snprintf(buf, size, "目标与完成 · %s · %zu 项 · h/l 左右 · Enter 原文 · e 导出 · q 返回",
	         c->region ? c->region : "全部地区", c->n);
}

static const char *compare_empty(struct pane *p)
{
	(void)p;
	return "(no targets found for this region)";
}

static void compare_destroy(struct pane *p)
{
	struct compare *c = p->data;
	free_layout(c);
	model_compare_free(c->rows, c->n);
	free(c->region);
	free(c);
}

static const struct pane_ops compare_ops = {
    .keymap = KM_COMPARE,
    .load = compare_load,
    .resize = compare_resize,
    .draw_line = compare_draw_line,
    .key = compare_key,
    .grep_line = compare_grep,
    .title = compare_title,
    .empty = compare_empty,
    .destroy = compare_destroy,
};

struct pane *compare_new(struct ui *u)
{
	struct compare *c = calloc(1, sizeof *c);
	if (!c)
		abort();
	return panel_new(u, &compare_ops, c);
}
