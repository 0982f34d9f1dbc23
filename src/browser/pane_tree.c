/* pane_tree.c — the section tree of the chosen document, with the report's
 * own numbering (一、 （一） 1. 一是), foldable; moving in it moves the
 * viewer. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "browser/draw.h"
#include "text/text.h"

#define NO_PARENT SIZE_MAX

struct tnode {
	size_t parent;
	int depth;
	int children;
	int open;
	char *label;
};

struct tree {
	int64_t doc;
	struct section_info *s;
	size_t n;
	struct tnode *node;
	size_t *vis; /* visible lines → node index */
	size_t nvis;
};

static void tree_clear(struct tree *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->node[i].label);
	free(t->node);
	free(t->vis);
	model_sections_free(t->s, t->n);
	memset(t, 0, sizeof *t);
}

/* The heading as the viewer and `baogao show` write it: "1." gets a space,
 * "一、" and "（一）" carry their own. */
static char *make_label(const char *number, const char *title)
{
	number = number ? number : "";
	title = title ? title : "";
	size_t nl = strlen(number), tl = strlen(title);
	int space = nl && tl && number[nl - 1] == '.';
	char *s = malloc(nl + tl + 2);
	if (!s)
		abort();
	snprintf(s, nl + tl + 2, "%s%s%s", number, space ? " " : "", title);
	return s;
}

static void rebuild_visible(struct tree *t)
{
	t->nvis = 0;
	for (size_t i = 0; i < t->n; i++) {
		int shown = 1;
		for (size_t a = t->node[i].parent; a != NO_PARENT; a = t->node[a].parent)
			if (!t->node[a].open) {
				shown = 0;
				break;
			}
		if (shown)
			t->vis[t->nvis++] = i;
	}
}

static size_t node_index(const struct tree *t, int64_t id)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->s[i].id == id)
			return i;
	return NO_PARENT;
}

static void tree_load(struct pane *p)
{
	struct tree *t = p->data;
	struct ui *u = p->ui;
	if (t->doc == u->doc && t->s)
		return;
	tree_clear(t);
	t->doc = u->doc;
	p->selected = p->top = 0;
	if (u->doc && model_sections(u->m, u->doc, &t->s, &t->n) < 0) {
		ui_message(u, EL_ERROR, "%s", model_error(u->m));
		t->n = 0;
	}
	t->node = calloc(t->n + 1, sizeof *t->node);
	t->vis = calloc(t->n + 1, sizeof *t->vis);
	if (!t->node || !t->vis)
		abort();
	for (size_t i = 0; i < t->n; i++) {
		struct tnode *nd = &t->node[i];
		nd->parent = NO_PARENT;
		/* Preorder: the parent is an earlier entry. */
		for (size_t j = i; t->s[i].parent && j-- > 0;)
			if (t->s[j].id == t->s[i].parent) {
				nd->parent = j;
				break;
			}
		nd->depth = nd->parent == NO_PARENT ? 0 : t->node[nd->parent].depth + 1;
		if (nd->parent != NO_PARENT)
			t->node[nd->parent].children++;
		nd->open = nd->depth == 0;
		nd->label = make_label(t->s[i].number, t->s[i].title);
	}
	rebuild_visible(t);
	panel_set_count(p, t->nvis);
}

static void tree_draw_line(struct pane *p, size_t line, int row, int col, int width, int selected)
{
	struct tree *t = p->data;
	const struct tnode *nd = &t->node[t->vis[line]];
	enum elem e = selected ? (p->focused ? EL_SELECTED_FOCUS : EL_SELECTED)
	                       : (nd->depth == 0 ? EL_HEADING : EL_NORMAL);
	int indent = 1 + 2 * nd->depth;
	if (indent > width / 2)
		indent = width / 2;
	draw_blank(row, col, indent, e);
	const char *marker = !nd->children ? "  " : nd->open ? "- " : "+ ";
	int mw = width - indent >= 2 ? 2 : 0;
	draw_text(row, col + indent, mw, marker, selected ? e : EL_DIM);
	draw_text_ellipsis(row, col + indent + mw, width - indent - mw, nd->label, e);
}

static void tree_select(struct pane *p, size_t line)
{
	struct tree *t = p->data;
	ui_choose_section(p->ui, t->s[t->vis[line]].id, p);
}

static void set_open(struct pane *p, size_t idx, int open)
{
	struct tree *t = p->data;
	t->node[idx].open = open;
	rebuild_visible(t);
	for (size_t v = 0; v < t->nvis; v++)
		if (t->vis[v] == idx) {
			p->selected = v;
			break;
		}
	panel_set_count(p, t->nvis);
}

static int tree_key(struct pane *p, enum action a)
{
	struct tree *t = p->data;
	if (t->nvis == 0)
		return 0;
	size_t idx = t->vis[p->selected];
	struct tnode *nd = &t->node[idx];
	switch (a) {
	case ACT_ENTER:
		if (!nd->children)
			return KR_READ;
		/* fall through */
	case ACT_FOLD_TOGGLE:
		if (nd->children)
			set_open(p, idx, !nd->open);
		return 1;
	case ACT_FOLD_CLOSE:
		if (nd->children && nd->open) {
			set_open(p, idx, 0);
		} else if (nd->parent != NO_PARENT) {
			for (size_t v = 0; v < t->nvis; v++)
				if (t->vis[v] == nd->parent)
					panel_select(p, v, 1);
		}
		return 1;
	case ACT_FOLD_OPEN:
		if (nd->children && !nd->open)
			set_open(p, idx, 1);
		else if (nd->children)
			panel_select(p, p->selected + 1, 1);
		return 1;
	default:
		return 0;
	}
}

static int tree_grep(struct pane *p, size_t line, const char *term)
{
	struct tree *t = p->data;
	const char *s = t->node[t->vis[line]].label;
	char *f = text_fold(s, strlen(s), 1, NULL);
	int hit = f && strstr(f, term) != NULL;
	free(f);
	return hit;
}

static void tree_title(struct pane *p, char *buf, size_t size)
{
	struct ui *u = p->ui;
	struct tree *t = p->data;
	if (!u->doc)
		snprintf(buf, size, "目录");
	else
		snprintf(buf, size, "目录 · %s (%zu)",
		         u->docinfo.title && *u->docinfo.title ? u->docinfo.title
		                                               : u->docinfo.source,
		         t->n);
}

static const char *tree_empty(struct pane *p)
{
	return p->ui->doc ? "(no sections)" : "(choose a document)";
}

static void tree_destroy(struct pane *p)
{
	tree_clear(p->data);
	free(p->data);
}

static void tree_sync(struct pane *p, int64_t section);

static void tree_follow(struct pane *p, enum follow what)
{
	if (what == FOLLOW_DOC)
		tree_load(p);
	else if (what == FOLLOW_SECTION)
		tree_sync(p, p->ui->section);
}

static const struct pane_ops tree_ops = {
    .follow = tree_follow,
    .keymap = KM_TREE,
    .load = tree_load,
    .draw_line = tree_draw_line,
    .key = tree_key,
    .grep_line = tree_grep,
    .select = tree_select,
    .title = tree_title,
    .empty = tree_empty,
    .destroy = tree_destroy,
};

struct pane *tree_new(struct ui *u)
{
	struct tree *t = calloc(1, sizeof *t);
	if (!t)
		abort();
	return panel_new(u, &tree_ops, t);
}

static void tree_sync(struct pane *p, int64_t section)
{
	struct tree *t = p->data;
	size_t idx = node_index(t, section);
	if (idx == NO_PARENT)
		return;
	int changed = 0;
	for (size_t a = t->node[idx].parent; a != NO_PARENT; a = t->node[a].parent)
		if (!t->node[a].open) {
			t->node[a].open = 1;
			changed = 1;
		}
	if (changed) {
		rebuild_visible(t);
		panel_set_count(p, t->nvis);
	}
	for (size_t v = 0; v < t->nvis; v++)
		if (t->vis[v] == idx) {
			panel_select(p, v, 0);
			return;
		}
}
