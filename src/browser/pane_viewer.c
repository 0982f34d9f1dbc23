/* pane_viewer.c — the text of the chosen document, laid out by text/page.h
 * (wrapped by display width with the Chinese line-breaking rules, list items
 * hanging under their marker, section headings in place) exactly as
 * `baogao show --width N` prints it for a pane N + 2 columns wide (one column
 * of margin each side).  The whole document is laid out (a report is at most
 * a few MB; the corpus never is), so scrolling runs on through the sections;
 * the title is the path of the section at the cursor, and moving the cursor
 * moves the tree. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "browser/draw.h"
#include "browser/search.h"
#include "text/page.h"
#include "text/text.h"

/* One heading or paragraph, in the order added to the page: block i of the
 * page is blocks[i]. */
struct vblock {
	int64_t id;      /* paragraph id */
	int64_t section; /* database id, 0 before the first section */
	int level;       /* 1 for a heading line, 0 for a paragraph */
	char *kind;      /* paragraph kind ("text", "bullet" …) */
	char *text;      /* as stored: the page is rebuilt from it on resize */
	size_t len;
};

struct vmark {
	size_t line;
	size_t start, end; /* bytes of the line's text */
	enum elem elem;
};

struct viewer {
	int64_t doc;
	page *pg;
	struct vblock *blocks;
	size_t nblocks, cap;
	size_t *by_id; /* paragraph blocks sorted by id */
	size_t nby_id;
	struct vmark *marks; /* sorted by line */
	size_t nmarks, mcap;
	int64_t path_section;
	char *path;
};

static void viewer_clear(struct viewer *v)
{
	for (size_t i = 0; i < v->nblocks; i++) {
		free(v->blocks[i].kind);
		free(v->blocks[i].text);
	}
	free(v->blocks);
	page_free(v->pg);
	free(v->by_id);
	free(v->marks);
	free(v->path);
	memset(v, 0, sizeof *v);
}

static void add_block(struct viewer *v, int64_t id, int64_t section, int level, const char *kind,
                      const char *text, size_t len)
{
	if (v->nblocks == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 256;
		v->blocks = realloc(v->blocks, v->cap * sizeof *v->blocks);
		if (!v->blocks)
			abort();
	}
	struct vblock *b = &v->blocks[v->nblocks++];
	b->id = id;
	b->section = section;
	b->level = level;
	b->kind = kind ? strdup(kind) : NULL;
	b->text = malloc(len + 1);
	if (!b->text)
		abort();
	if (len)
		memcpy(b->text, text, len);
	b->text[len] = '\0';
	b->len = len;
}

/* Heading lines are paragraphs too (kinds "heading" and "section"), so the
 * text reads in the file's order and wording, as `baogao show` prints it;
 * sections only give the tree and the title. */
static int para_cb(void *ctx, const struct para_info *p)
{
	struct viewer *v = ctx;
	add_block(v, p->id, p->section, page_kind_is_heading(p->kind), p->kind, p->text, p->len);
	return 0;
}

static int cmp_by_id(const void *a, const void *b, void *ctx)
{
	const struct viewer *v = ctx;
	int64_t x = v->blocks[*(const size_t *)a].id, y = v->blocks[*(const size_t *)b].id;
	return x < y ? -1 : x > y;
}

static int text_width_of(const struct pane *p)
{
	int w = p->width - 2; /* a column of margin on each side */
	return w < 4 ? 4 : w;
}

static void build_page(struct viewer *v, int width)
{
	page_free(v->pg);
	v->pg = page_new(width);
	if (!v->pg)
		abort();
	for (size_t i = 0; i < v->nblocks; i++) {
		const struct vblock *b = &v->blocks[i];
		page_add_block(v->pg, b->kind, b->text, b->len, b->id);
	}
}

static const struct page_line *line_of(const struct viewer *v, size_t line)
{
	return page_line_at(v->pg, line);
}

static size_t block_of_line(const struct viewer *v, size_t line)
{
	const struct page_line *l = line_of(v, line);
	return l && l->block >= 0 ? (size_t)l->block : 0;
}

static long find_block(const struct viewer *v, int64_t id)
{
	size_t lo = 0, hi = v->nby_id;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int64_t x = v->blocks[v->by_id[mid]].id;
		if (x == id)
			return (long)v->by_id[mid];
		if (x < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Sanitized byte offset of code point cp of a block's stored text. */
static size_t sanitized_at(const struct vblock *b, size_t cp)
{
	return page_sanitized_offset(b->text, utf8_offset(b->text, b->len, cp));
}

static int cmp_mark(const void *a, const void *b)
{
	const struct vmark *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* Where the marks of one block are converted: hits come in order, so one
 * pass over the paragraph serves them all. */
struct mark_cursor {
	long block;
	struct page_offsets off;
};

/* A range of a paragraph becomes one mark per display line it covers. */
static void add_mark(struct viewer *v, struct mark_cursor *mc, int64_t paragraph, size_t cps,
                     size_t cpe, enum elem e)
{
	long bi = find_block(v, paragraph);
	if (bi < 0)
		return;
	const struct vblock *b = &v->blocks[bi];
	if (mc->block != bi) {
		mc->block = bi;
		page_offsets_init(&mc->off, b->text, b->len);
	}
	size_t s = page_offsets_at(&mc->off, cps), end = page_offsets_at(&mc->off, cpe);
	for (size_t line = page_find(v->pg, (int)bi, s); line < page_nlines(v->pg); line++) {
		const struct page_line *l = line_of(v, line);
		if (l->block != (int)bi || l->kind == PAGE_BLANK || l->offset >= end)
			break;
		size_t ls = l->offset, le = l->offset + l->len;
		if (end <= ls || s >= le)
			continue;
		if (v->nmarks == v->mcap) {
			v->mcap = v->mcap ? v->mcap * 2 : 64;
			v->marks = realloc(v->marks, v->mcap * sizeof *v->marks);
			if (!v->marks)
				abort();
		}
		v->marks[v->nmarks++] =
		    (struct vmark){line, (s > ls ? s : ls) - ls, (end < le ? end : le) - ls, e};
	}
}

static void load_marks(struct pane *pn)
{
	struct viewer *v = pn->data;
	struct ui *u = pn->ui;
	v->nmarks = 0;
	if (!v->doc || !v->pg)
		return;
	const struct hit_pos *hits;
	size_t n = search_doc_hits(u, v->doc, &hits);
	struct mark_cursor mc = {.block = -1};
	for (size_t i = 0; i < n; i++) {
		if (u->mark.doc == v->doc && u->mark.paragraph == hits[i].paragraph &&
		    u->mark.cp_start < hits[i].cp_end && hits[i].cp_start < u->mark.cp_end)
			continue; /* drawn as the current mark below */
		add_mark(v, &mc, hits[i].paragraph, hits[i].cp_start, hits[i].cp_end, EL_MATCH);
	}
	if (u->mark.paragraph && u->mark.doc == v->doc) {
		const struct hit_pos *cur = search_current_hit(u);
		int is_match =
		    cur && cur->paragraph == u->mark.paragraph && cur->cp_start == u->mark.cp_start;
		mc.block = -1;
		add_mark(v, &mc, u->mark.paragraph, u->mark.cp_start, u->mark.cp_end,
		         is_match ? EL_MATCH_CURRENT : EL_MARK);
	}
	if (v->nmarks > 1)
		qsort(v->marks, v->nmarks, sizeof *v->marks, cmp_mark);
}

static void viewer_load(struct pane *pn)
{
	struct viewer *v = pn->data;
	struct ui *u = pn->ui;
	if (v->doc == u->doc && v->pg) {
		load_marks(pn);
		return;
	}
	viewer_clear(v);
	v->doc = u->doc;
	pn->selected = pn->top = 0;
	if (!v->doc) {
		panel_set_count(pn, 0);
		return;
	}
	if (model_paragraphs(u->m, v->doc, 0, para_cb, v) < 0)
		ui_message(u, EL_ERROR, "%s", model_error(u->m));
	v->by_id = malloc((v->nblocks + 1) * sizeof *v->by_id);
	if (!v->by_id)
		abort();
	for (size_t i = 0; i < v->nblocks; i++)
		v->by_id[v->nby_id++] = i;
	qsort_r(v->by_id, v->nby_id, sizeof *v->by_id, cmp_by_id, v);
	build_page(v, text_width_of(pn));
	panel_set_count(pn, page_nlines(v->pg));
	load_marks(pn);
}

static void viewer_resize(struct pane *pn)
{
	struct viewer *v = pn->data;
	int w = text_width_of(pn);
	if (!v->pg || w == page_width(v->pg))
		return;
	/* Keep the cursor and the first visible line on the same text. */
	const struct page_line *c = line_of(v, pn->selected), *t = line_of(v, pn->top);
	int cb = c ? c->block : 0, tb = t ? t->block : 0;
	size_t co = c && c->kind != PAGE_BLANK ? c->offset : 0;
	size_t to = t && t->kind != PAGE_BLANK ? t->offset : 0;
	build_page(v, w);
	pn->count = page_nlines(v->pg);
	pn->top = page_find(v->pg, tb, to);
	pn->selected = page_find(v->pg, cb, co);
	load_marks(pn);
}

static void viewer_draw_line(struct pane *pn, size_t line, int row, int col, int width,
                             int selected)
{
	struct viewer *v = pn->data;
	const struct page_line *l = line_of(v, line);
	int cursor = selected && pn->focused;
	draw_text(row, col, 1, cursor ? ">" : " ", cursor ? EL_SELECTED_FOCUS : EL_NORMAL);
	if (!l || l->kind == PAGE_BLANK) {
		draw_blank(row, col + 1, width - 1, EL_NORMAL);
		return;
	}
	struct span sp[32];
	size_t nsp = 0;
	size_t lo = 0, hi = v->nmarks;
	while (lo < hi) { /* the first mark of this line */
		size_t mid = (lo + hi) / 2;
		if (v->marks[mid].line < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k < v->nmarks && v->marks[k].line == line && nsp < 32; k++) {
		const struct vmark *m = &v->marks[k];
		if (nsp && sp[nsp - 1].end > m->start) {
			if (m->elem == EL_MATCH)
				continue;
			sp[nsp - 1].end = m->start; /* the current mark wins an overlap */
			if (sp[nsp - 1].end <= sp[nsp - 1].start)
				nsp--;
		}
		sp[nsp++] = (struct span){m->start, m->end, m->elem};
	}
	draw_spans(row, col + 1, width - 1, l->indent, l->text, l->len,
	           l->kind == PAGE_HEADING ? EL_HEADING : EL_NORMAL, sp, nsp);
}

static int64_t section_at(const struct viewer *v, size_t line)
{
	if (!v->nblocks)
		return 0;
	size_t b = block_of_line(v, line);
	return b < v->nblocks ? v->blocks[b].section : 0;
}

static void viewer_select(struct pane *pn, size_t line)
{
	struct viewer *v = pn->data;
	int64_t sec = section_at(v, line);
	if (sec && sec != pn->ui->section)
		ui_choose_section(pn->ui, sec, pn);
}

static int viewer_grep(struct pane *pn, size_t line, const char *term)
{
	struct viewer *v = pn->data;
	const struct page_line *l = line_of(v, line);
	if (!l || l->kind == PAGE_BLANK)
		return 0;
	char *f = text_fold(l->text, l->len, 1, NULL);
	int hit = f && strstr(f, term) != NULL;
	free(f);
	return hit;
}

static void viewer_title(struct pane *pn, char *buf, size_t size)
{
	struct viewer *v = pn->data;
	struct ui *u = pn->ui;
	if (!v->doc) {
		snprintf(buf, size, "正文");
		return;
	}
	int64_t sec = section_at(v, pn->selected);
	if (sec != v->path_section || !v->path) {
		free(v->path);
		v->path = sec ? model_section_path(u->m, sec) : NULL;
		v->path_section = sec;
	}
	if (v->path && *v->path)
		snprintf(buf, size, "%s", v->path);
	else
		snprintf(buf, size, "%s",
		         u->docinfo.title && *u->docinfo.title ? u->docinfo.title : "正文");
}

static const char *viewer_empty(struct pane *pn)
{
	return pn->ui->doc ? "(empty document)" : "(choose a document)";
}

static int viewer_key(struct pane *pn, enum action a)
{
	(void)pn;
	if (a == ACT_ENTER)
		return KR_TO_TREE;
	return 0;
}

static void viewer_destroy(struct pane *pn)
{
	viewer_clear(pn->data);
	free(pn->data);
}

static void viewer_goto_section(struct pane *pn, int64_t section);
static void viewer_goto_cp(struct pane *pn, int64_t paragraph, size_t cp);
static void viewer_position(struct pane *pn, char *buf, size_t size);

static void viewer_follow(struct pane *pn, enum follow what)
{
	struct ui *u = pn->ui;
	switch (what) {
	case FOLLOW_DOC:
		viewer_load(pn);
		break;
	case FOLLOW_SECTION:
		viewer_goto_section(pn, u->section);
		break;
	case FOLLOW_MATCHES:
		load_marks(pn);
		break;
	case FOLLOW_MARK:
		load_marks(pn);
		viewer_goto_cp(pn, u->mark.paragraph, u->mark.cp_start);
		/* the tree follows the viewer's new position */
		if (pn->count)
			pn->ops->select(pn, pn->selected);
		break;
	default:
		break;
	}
}

static const struct pane_ops viewer_ops = {
    .follow = viewer_follow,
    .position = viewer_position,
    .keymap = KM_VIEWER,
    .load = viewer_load,
    .resize = viewer_resize,
    .draw_line = viewer_draw_line,
    .key = viewer_key,
    .grep_line = viewer_grep,
    .select = viewer_select,
    .title = viewer_title,
    .empty = viewer_empty,
    .destroy = viewer_destroy,
};

struct pane *viewer_new(struct ui *u)
{
	struct viewer *v = calloc(1, sizeof *v);
	if (!v)
		abort();
	return panel_new(u, &viewer_ops, v);
}

static void viewer_goto_section(struct pane *pn, int64_t section)
{
	struct viewer *v = pn->data;
	for (size_t i = 0; i < v->nblocks; i++) {
		if (v->blocks[i].section == section) {
			size_t line = page_find(v->pg, (int)i, 0);
			panel_select(pn, line, 0);
			panel_scroll_to(pn, line, 0);
			return;
		}
	}
}

static void viewer_goto_cp(struct pane *pn, int64_t paragraph, size_t cp)
{
	struct viewer *v = pn->data;
	long bi = find_block(v, paragraph);
	if (bi < 0)
		return;
	size_t line = page_find(v->pg, (int)bi, sanitized_at(&v->blocks[bi], cp));
	/* A jump lands a third down the pane, with context above; a line
	 * already in view stays put. */
	int visible = line >= pn->top && line + 1 < pn->top + (size_t)panel_body(pn);
	panel_select(pn, line, 0);
	if (!visible)
		panel_scroll_to(pn, line, 1);
}

static void viewer_position(struct pane *pn, char *buf, size_t size)
{
	if (pn->count == 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "L%zu/%zu %d%%", pn->selected + 1, pn->count,
		         (int)((pn->top + (size_t)panel_body(pn) >= pn->count)
		                   ? 100
		                   : (pn->top + (size_t)panel_body(pn)) * 100 / pn->count));
}
