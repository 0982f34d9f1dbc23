/* pane_indicators.c — 指标: the indicators of the chosen document (or region),
 * in columns aligned by display width, sortable and filterable by kind and
 * year; Enter shows the sentence in the viewer. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "browser/draw.h"
#include "model/indicators.h"
#include "text/text.h"

enum sort_col { SORT_SOURCE, SORT_NAME, SORT_YEAR, SORT_KIND, SORT_VALUE, SORT_GROWTH, SORT_COUNT };

static const char *const sort_names[SORT_COUNT] = {"文中顺序", "指标", "年份",
                                                   "类型",     "数值", "增速"};

struct indicators {
	struct indicator_row *rows;
	size_t n;
	size_t *order;
	int kind; /* 0 all, 1 result, 2 target */
	int year; /* 0 all */
	int sort;
	int reverse;
	char *scope; /* what was loaded: "doc:ID" or "region:NAME" */
	int name_w;  /* widest indicator name, for the column */
};

static void ind_clear(struct indicators *d)
{
	model_indicators_free(d->rows, d->n);
	d->rows = NULL;
	d->n = 0;
	free(d->order);
	d->order = NULL;
}

static const char *kind_label(const struct indicator_row *r)
{
	switch (r->kind_id) {
	case KIND_RESULT:
		return "结果";
	case KIND_TARGET:
		return "目标";
	default:
		return r->kind ? r->kind : "";
	}
}

static double value_num(const struct indicator_row *r)
{
	return r->value ? strtod(r->value, NULL) : 0;
}

static int cmp_rows(const struct indicators *d, size_t a, size_t b)
{
	const struct indicator_row *x = &d->rows[a], *y = &d->rows[b];
	int c = 0;
	switch (d->sort) {
	case SORT_NAME:
		c = strcmp(x->indicator ? x->indicator : "", y->indicator ? y->indicator : "");
		break;
	case SORT_YEAR:
		c = (x->year > y->year) - (x->year < y->year);
		break;
	case SORT_KIND:
		c = ((int)x->kind_id > (int)y->kind_id) - ((int)x->kind_id < (int)y->kind_id);
		break;
	case SORT_VALUE: {
		double vx = value_num(x), vy = value_num(y);
		c = (vx > vy) - (vx < vy);
		break;
	}
	case SORT_GROWTH: {
		double gx = x->has_growth ? x->growth : -INFINITY,
		       gy = y->has_growth ? y->growth : -INFINITY;
		c = (gx > gy) - (gx < gy);
		break;
	}
	default:
		break;
	}
	if (c == 0) /* stable: the order in the text */
		c = (a > b) - (a < b);
	return d->reverse ? -c : c;
}

static int cmp_order(const void *a, const void *b, void *ctx)
{
	return cmp_rows(ctx, *(const size_t *)a, *(const size_t *)b);
}

static void sort_rows(struct indicators *d, size_t n)
{
	/* ties fall back to the text order, so the unstable qsort is stable
	 * here; a region over twenty years has thousands of rows */
	qsort_r(d->order, n, sizeof *d->order, cmp_order, d);
}

static void refilter(struct pane *p)
{
	struct indicators *d = p->data;
	size_t n = 0;
	d->name_w = 4;
	for (size_t i = 0; i < d->n; i++) {
		const struct indicator_row *r = &d->rows[i];
		if (d->kind && r->kind_id != (d->kind == 1 ? KIND_RESULT : KIND_TARGET))
			continue;
		if (d->year && r->year != d->year)
			continue;
		d->order[n++] = i;
		int w = text_width_cstr(r->indicator ? r->indicator : "");
		if (w > d->name_w)
			d->name_w = w;
	}
	sort_rows(d, n);
	panel_set_count(p, n);
}

static void ind_load(struct pane *p)
{
	struct indicators *d = p->data;
	struct ui *u = p->ui;
	char scope[256];
	if (u->scope_doc)
		snprintf(scope, sizeof scope, "doc:%lld", (long long)u->doc);
	else
		snprintf(scope, sizeof scope, "region:%s", u->region ? u->region : "");
	if (d->scope && strcmp(d->scope, scope) == 0 && d->rows)
		return;
	free(d->scope);
	d->scope = strdup(scope);
	ind_clear(d);
	p->selected = p->top = 0;
	struct indicator_filter f = {0};
	if (u->scope_doc)
		f.doc = u->doc;
	else
		f.region = u->region;
	if (!u->doc && !u->region) {
		panel_set_count(p, 0);
		return;
	}
	if (model_indicators(u->m, &f, &d->rows, &d->n) < 0) {
		ui_message(u, EL_ERROR, "%s", model_error(u->m));
		d->rows = NULL;
		d->n = 0;
	}
	d->order = malloc((d->n + 1) * sizeof *d->order);
	if (!d->order)
		abort();
	refilter(p);
}

static void format_growth(const struct indicator_row *r, char *buf, size_t size)
{
	if (!r->has_growth)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%+.1f%%", r->growth);
}

/* Columns: name | year | kind | value unit | growth; the name column takes
 * what is left, the others their fixed widths when the pane is wide enough. */
static void ind_draw_line(struct pane *p, size_t line, int row, int col, int width, int selected)
{
	struct indicators *d = p->data;
	const struct indicator_row *r = &d->rows[d->order[line]];
	enum elem e = selected ? (p->focused ? EL_SELECTED_FOCUS : EL_SELECTED) : EL_NORMAL;
	int year_w = width >= 40 ? 5 : 0;
	int kind_w = width >= 30 ? 5 : 0;
	int growth_w = width >= 24 ? 8 : 0;
	int value_w = width >= 46 ? 14 : 0;
	int name_w = width - 1 - year_w - kind_w - growth_w - value_w;
	if (name_w > d->name_w + 1 && value_w) {
		value_w += name_w - d->name_w - 1;
		name_w = d->name_w + 1;
	}
	int x = col;
	draw_blank(row, x, 1, e);
	x += 1;
	draw_text_ellipsis(row, x, name_w, r->indicator && *r->indicator ? r->indicator : r->name,
	                   e);
	x += name_w;
	if (year_w) {
		char y[16];
		snprintf(y, sizeof y, "%d", r->year);
		char *c = draw_cell(y, year_w - 1, 1);
		draw_text(row, x, year_w, c, e);
		free(c);
		x += year_w;
	}
	if (kind_w) {
		draw_blank(row, x, 1, e);
		draw_text(row, x + 1, kind_w - 1, kind_label(r), e);
		x += kind_w;
	}
	if (value_w) {
		char v[128];
		snprintf(v, sizeof v, "%s%s", r->value ? r->value : "", r->unit ? r->unit : "");
		char *c = draw_cell(v, value_w - 1, 1);
		draw_text(row, x, value_w, c, e);
		free(c);
		x += value_w;
	}
	if (growth_w) {
		char g[32];
		format_growth(r, g, sizeof g);
		char *c = draw_cell(g, growth_w - 1, 1);
		draw_text(row, x, growth_w, c, e);
		free(c);
		x += growth_w;
	}
	if (x < col + width)
		draw_blank(row, x, col + width - x, e);
}

static void next_year(struct indicators *d)
{
	/* all → the smallest year → … → the largest → all */
	int best = 0;
	for (size_t i = 0; i < d->n; i++) {
		int y = d->rows[i].year;
		if (y > d->year && (best == 0 || y < best))
			best = y;
	}
	d->year = best;
}

static int ind_key(struct pane *p, enum action a)
{
	struct indicators *d = p->data;
	switch (a) {
	case ACT_ENTER:
		if (p->count) {
			const struct indicator_row *r = &d->rows[d->order[p->selected]];
			ui_show_source(p->ui, r->doc, r->paragraph, (size_t)r->start,
			               (size_t)r->end);
			return KR_READ;
		}
		return 1;
	case ACT_SORT:
		d->sort = (d->sort + 1) % SORT_COUNT;
		d->reverse = 0;
		break;
	case ACT_SORT_REVERSE:
		d->reverse = !d->reverse;
		break;
	case ACT_FILTER_KIND:
		d->kind = (d->kind + 1) % 3;
		break;
	case ACT_FILTER_YEAR:
		next_year(d);
		break;
	default:
		return 0;
	}
	p->selected = p->top = 0;
	refilter(p);
	return 1;
}

static int ind_grep(struct pane *p, size_t line, const char *term)
{
	struct indicators *d = p->data;
	const struct indicator_row *r = &d->rows[d->order[line]];
	int hit = 0;
	const char *fields[] = {r->indicator, r->name, r->text};
	for (size_t i = 0; i < 3 && !hit; i++) {
		if (!fields[i])
			continue;
		char *f = text_fold(fields[i], strlen(fields[i]), 1, NULL);
		hit = f && strstr(f, term) != NULL;
		free(f);
	}
	return hit;
}

static void ind_title(struct pane *p, char *buf, size_t size)
{
	struct indicators *d = p->data;
	struct ui *u = p->ui;
	char year[16] = "";
	if (d->year)
		snprintf(year, sizeof year, " %d年", d->year);
	snprintf(buf, size, "指标 · %s%s%s · %zu · 按%s%s",
	         u->scope_doc ? "本文" : (u->region ? u->region : ""), year,
	         d->kind == 1   ? " 结果"
	         : d->kind == 2 ? " 目标"
	                        : "",
	         p->count, sort_names[d->sort], d->reverse ? " 倒序" : "");
}

static const char *ind_empty(struct pane *p)
{
	struct indicators *d = p->data;
	if (d->n && !p->count)
		return "(none with this filter: t kind, y year)";
	return p->ui->doc || p->ui->region ? "(no indicators)" : "(choose a district)";
}

static void ind_destroy(struct pane *p)
{
	struct indicators *d = p->data;
	ind_clear(d);
	free(d->scope);
	free(d);
}

static void ind_follow(struct pane *p, enum follow what)
{
	if (what == FOLLOW_SCOPE)
		ind_load(p);
}

static const struct pane_ops indicators_ops = {
    .follow = ind_follow,
    .keymap = KM_INDICATORS,
    .load = ind_load,
    .draw_line = ind_draw_line,
    .key = ind_key,
    .grep_line = ind_grep,
    .title = ind_title,
    .empty = ind_empty,
    .destroy = ind_destroy,
};

struct pane *indicators_new(struct ui *u)
{
	struct indicators *d = calloc(1, sizeof *d);
	if (!d)
		abort();
	return panel_new(u, &indicators_ops, d);
}
