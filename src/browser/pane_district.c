/* pane_district.c — 地区: every region with its document count, and the
 * documents of each region under it.  Moving the selection chooses: a region
 * row shows the region (indicators of the region, its first document in
 * the tree and viewer), a document row that document. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "browser/draw.h"
#include "text/text.h"

struct district_line {
	size_t region; /* index into regions */
	long doc;      /* index into the region's docs, -1 for the region row */
};

/* Documents are read per region when it is unfolded, so a national corpus
 * (thousands of regions, tens of thousands of reports) opens as a list of
 * regions without reading every document's row. */
struct dregion {
	struct region_info info;
	struct doc_info *docs;
	size_t ndocs;
	int loaded, open;
};

struct district {
	struct dregion *r;
	size_t nr;
	struct region_info *infos; /* owns the strings of r[].info */
	struct district_line *lines;
	size_t nlines, cap;
};

#define OPEN_ALL_UP_TO 200 /* documents */

static void district_clear(struct district *d)
{
	for (size_t i = 0; i < d->nr; i++)
		model_docs_free(d->r[i].docs, d->r[i].ndocs);
	free(d->r);
	model_regions_free(d->infos, d->nr);
	free(d->lines);
	memset(d, 0, sizeof *d);
}

static int same_region(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void load_region_docs(struct pane *p, struct dregion *r)
{
	if (r->loaded)
		return;
	r->loaded = 1;
	/* "" asks for the documents of no known region (model_docs) */
	const char *name = r->info.region ? r->info.region : "";
	if (model_docs(p->ui->m, name, &r->docs, &r->ndocs) < 0) {
		ui_message(p->ui, EL_ERROR, "%s", model_error(p->ui->m));
		r->docs = NULL;
		r->ndocs = 0;
	}
}

static void push_line(struct district *d, size_t region, long doc)
{
	if (d->nlines == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->lines = realloc(d->lines, d->cap * sizeof *d->lines);
		if (!d->lines)
			abort();
	}
	d->lines[d->nlines++] = (struct district_line){region, doc};
}

static void rebuild(struct pane *p)
{
	struct district *d = p->data;
	d->nlines = 0;
	for (size_t r = 0; r < d->nr; r++) {
		push_line(d, r, -1);
		if (!d->r[r].open)
			continue;
		load_region_docs(p, &d->r[r]);
		for (size_t i = 0; i < d->r[r].ndocs; i++)
			push_line(d, r, (long)i);
	}
	panel_set_count(p, d->nlines);
}

static void district_load(struct pane *p)
{
	struct district *d = p->data;
	district_clear(d);
	if (model_regions(p->ui->m, &d->infos, &d->nr) < 0) {
		ui_message(p->ui, EL_ERROR, "%s", model_error(p->ui->m));
		d->infos = NULL;
		d->nr = 0;
	}
	d->r = calloc(d->nr + 1, sizeof *d->r);
	if (!d->r)
		abort();
	long total = 0;
	for (size_t i = 0; i < d->nr; i++)
		total += d->infos[i].documents;
	for (size_t i = 0; i < d->nr; i++) {
		d->r[i].info = d->infos[i];
		d->r[i].open = total <= OPEN_ALL_UP_TO;
	}
	rebuild(p);
}

static const struct doc_info *line_doc(const struct district *d, const struct district_line *l)
{
	return l->doc < 0 ? NULL : &d->r[l->region].docs[l->doc];
}

static void district_draw_line(struct pane *p, size_t line, int row, int col, int width,
                               int selected)
{
	struct district *d = p->data;
	const struct district_line *l = &d->lines[line];
	enum elem sel = p->focused ? EL_SELECTED_FOCUS : EL_SELECTED;
	if (l->doc < 0) {
		const struct dregion *r = &d->r[l->region];
		char count[32];
		snprintf(count, sizeof count, " %ld%s", r->info.documents, r->open ? " " : "+");
		int cw = (int)strlen(count);
		if (cw > width)
			cw = 0;
		draw_text_ellipsis(row, col, width - cw,
		                   r->info.region && *r->info.region ? r->info.region
		                                                     : "(未知地区)",
		                   selected ? sel : EL_REGION);
		draw_text(row, col + width - cw, cw, count, selected ? sel : EL_DIM);
		return;
	}
	const struct doc_info *doc = line_doc(d, l);
	enum elem e = selected ? sel : EL_NORMAL;
	/* Title first; kind and date only where they leave the title room. */
	int date_w = width >= 34 ? 11 : 0;
	int kind_w = width >= 50 ? 10 : 0;
	int title_w = width - 2 - date_w - kind_w;
	draw_blank(row, col, 2, e);
	draw_text_ellipsis(row, col + 2, title_w,
	                   doc->title && *doc->title ? doc->title : doc->source, e);
	if (kind_w)
		draw_text_ellipsis(row, col + 2 + title_w, kind_w, doc->kind ? doc->kind : "",
		                   selected ? e : EL_DIM);
	if (date_w) {
		char date[16];
		snprintf(date, sizeof date, " %.10s", doc->date ? doc->date : "");
		draw_text(row, col + width - date_w, date_w, date, selected ? e : EL_DIM);
	}
}

static void district_select(struct pane *p, size_t line)
{
	struct district *d = p->data;
	const struct district_line *l = &d->lines[line];
	const struct doc_info *doc = line_doc(d, l);
	if (!doc) {
		ui_choose_region(p->ui, d->r[l->region].info.region);
	} else {
		ui_choose_doc(p->ui, doc->id, 1);
	}
}

static void set_open(struct pane *p, size_t region, int open)
{
	struct district *d = p->data;
	d->r[region].open = open;
	rebuild(p);
	for (size_t i = 0; i < d->nlines; i++)
		if (d->lines[i].region == region && d->lines[i].doc < 0) {
			panel_select(p, i, 0);
			break;
		}
}

static int district_key(struct pane *p, enum action a)
{
	struct district *d = p->data;
	if (!d->nlines)
		return 0;
	const struct district_line *l = &d->lines[p->selected];
	size_t region = l->region;
	switch (a) {
	case ACT_ENTER:
		if (l->doc >= 0)
			return KR_READ;
		set_open(p, region, !d->r[region].open);
		return 1;
	case ACT_FOLD_TOGGLE:
		set_open(p, region, !d->r[region].open);
		return 1;
	case ACT_FOLD_CLOSE:
		set_open(p, region, 0);
		return 1;
	case ACT_FOLD_OPEN:
		if (!d->r[region].open)
			set_open(p, region, 1);
		return 1;
	default:
		return 0;
	}
}

static int district_grep(struct pane *p, size_t line, const char *term)
{
	struct district *d = p->data;
	const struct district_line *l = &d->lines[line];
	const struct doc_info *doc = line_doc(d, l);
	const char *s = doc ? doc->title : d->r[l->region].info.region;
	if (!s)
		return 0;
	char *f = text_fold(s, strlen(s), 1, NULL);
	int hit = f && strstr(f, term) != NULL;
	free(f);
	return hit;
}

static void district_title(struct pane *p, char *buf, size_t size)
{
	struct district *d = p->data;
	long docs = 0;
	for (size_t i = 0; i < d->nr; i++)
		docs += d->r[i].info.documents;
	snprintf(buf, size, "地区 %zu · 文件 %ld", d->nr, docs);
}

static const char *district_empty(struct pane *p)
{
	(void)p;
	return "no documents: baogao ingest FILE";
}

static void district_destroy(struct pane *p)
{
	district_clear(p->data);
	free(p->data);
}

static void district_sync(struct pane *p);

static void district_follow(struct pane *p, enum follow what)
{
	if (what == FOLLOW_REVEAL)
		district_sync(p);
}

static const struct pane_ops district_ops = {
    .follow = district_follow,
    .keymap = KM_DISTRICT,
    .load = district_load,
    .draw_line = district_draw_line,
    .key = district_key,
    .grep_line = district_grep,
    .select = district_select,
    .title = district_title,
    .empty = district_empty,
    .destroy = district_destroy,
};

struct pane *district_new(struct ui *u)
{
	struct district *d = calloc(1, sizeof *d);
	if (!d)
		abort();
	return panel_new(u, &district_ops, d);
}

static void district_sync(struct pane *p)
{
	struct district *d = p->data;
	struct ui *u = p->ui;
	const char *region = u->scope_doc ? u->docinfo.region : u->region;
	for (size_t r = 0; r < d->nr; r++)
		if (u->scope_doc && same_region(d->r[r].info.region, region) && !d->r[r].open) {
			d->r[r].open = 1;
			rebuild(p);
		}
	for (size_t i = 0; i < d->nlines; i++) {
		const struct district_line *l = &d->lines[i];
		const struct doc_info *doc = line_doc(d, l);
		int hit = u->scope_doc ? doc && doc->id == u->doc
		                       : !doc && same_region(d->r[l->region].info.region, region);
		if (hit) {
			panel_select(p, i, 0);
			return;
		}
	}
}
