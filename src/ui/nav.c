/* nav.c — choosing a region, a document, a section or a source sentence,
 * and every pane following.  Panes call these instead of each other. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app.h"
#include "ui/search.h"

void ui_message(struct ui *u, enum elem e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_elem = e;
}

void ui_focus(struct ui *u, int id)
{
	if (id < 0 || id >= PANE_COUNT)
		return;
	u->focus = id;
	for (int i = 0; i < PANE_COUNT; i++)
		u->pane[i]->focused = i == id && !u->overlay;
	screen_layout(u);
}

void ui_open_overlay(struct ui *u, struct pane *p)
{
	u->overlay = p;
	for (int i = 0; i < PANE_COUNT; i++)
		u->pane[i]->focused = 0;
	p->focused = 1;
	screen_layout(u);
}

void ui_close_overlay(struct ui *u)
{
	u->overlay = NULL;
	ui_focus(u, u->focus);
}

static void load_doc(struct ui *u, int64_t doc)
{
	if (doc == u->doc && (doc == 0 || u->docinfo.id == doc))
		return;
	doc_info_clear(&u->docinfo);
	memset(&u->docinfo, 0, sizeof u->docinfo);
	u->doc = 0;
	u->section = 0;
	if (doc) {
		if (model_doc_get(u->m, doc, &u->docinfo) == 0)
			u->doc = doc;
	}
	u->pane[PANE_TREE]->ops->load(u->pane[PANE_TREE]);
	u->pane[PANE_VIEWER]->ops->load(u->pane[PANE_VIEWER]);
}

void ui_choose_region(struct ui *u, const char *region)
{
	if (region != u->region) {
		char *copy = region ? strdup(region) : NULL;
		free(u->region);
		u->region = copy;
	}
	u->scope_doc = 0;
	/* The tree and the viewer show the region's first document. */
	if (!u->doc || !u->docinfo.region || !u->region ||
	    strcmp(u->docinfo.region, u->region) != 0) {
		struct doc_info *docs = NULL;
		size_t n = 0;
		int64_t first = 0;
		if (model_docs(u->m, u->region, &docs, &n) == 0 && n)
			first = docs[0].id;
		model_docs_free(docs, n);
		load_doc(u, first);
	}
	u->pane[PANE_INDICATORS]->ops->load(u->pane[PANE_INDICATORS]);
}

void ui_choose_doc(struct ui *u, int64_t doc, int scope_doc)
{
	load_doc(u, doc);
	if (u->docinfo.region && (!u->region || strcmp(u->region, u->docinfo.region) != 0)) {
		free(u->region);
		u->region = strdup(u->docinfo.region);
	}
	u->scope_doc = scope_doc;
	u->pane[PANE_INDICATORS]->ops->load(u->pane[PANE_INDICATORS]);
}

void ui_choose_section(struct ui *u, int64_t section, struct pane *from)
{
	u->section = section;
	if (from != u->pane[PANE_TREE])
		tree_sync(u->pane[PANE_TREE], section);
	if (from != u->pane[PANE_VIEWER])
		viewer_goto_section(u->pane[PANE_VIEWER], section);
}

void ui_show_source(struct ui *u, int64_t doc, int64_t paragraph, size_t cp_start, size_t cp_end)
{
	if (doc != u->doc) {
		ui_choose_doc(u, doc, 1);
		district_sync(u->pane[PANE_DISTRICT]);
	}
	u->mark = (struct mark){doc, paragraph, cp_start, cp_end};
	struct pane *v = u->pane[PANE_VIEWER];
	viewer_marks_changed(v);
	viewer_goto_cp(v, paragraph, cp_start);
	/* The tree follows the viewer's new position. */
	if (v->ops->select && v->count)
		v->ops->select(v, v->selected);
	/* Where the viewer shares a column with the focused pane, it comes
	 * forward with the focus: a jump is for reading. */
	if (!u->shown[PANE_VIEWER] && !u->overlay)
		ui_focus(u, PANE_VIEWER);
}
