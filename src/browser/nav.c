/* nav.c — the current choice: a region, a document, a section or a source
 * sentence.  Lists call these instead of each other, and learn of a change
 * through their follow op: nav.c names no list. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"

/* Every list but `from` follows the change. */
static void tell(struct ui *u, enum follow what, struct pane *from)
{
	struct pane *views[] = {u->help, u->results, u->compare};
	for (int i = 0; i < PANE_COUNT + 3; i++) {
		struct pane *p = i < PANE_COUNT ? u->pane[i] : views[i - PANE_COUNT];
		if (p && p != from && p->ops->follow)
			p->ops->follow(p, what);
	}
}

void ui_matches_changed(struct ui *u)
{
	tell(u, FOLLOW_MATCHES, NULL);
}

void ui_message(struct ui *u, enum elem e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_elem = e;
}

static void load_doc(struct ui *u, int64_t doc)
{
	if (doc == u->doc && (doc == 0 || u->docinfo.id == doc))
		return;
	doc_info_clear(&u->docinfo);
	memset(&u->docinfo, 0, sizeof u->docinfo);
	u->doc = 0;
	u->section = 0;
	free(u->heading);
	u->heading = NULL;
	if (doc) {
		if (model_doc_get(u->m, doc, &u->docinfo) == 0)
			u->doc = doc;
	}
	tell(u, FOLLOW_DOC, NULL);
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
	tell(u, FOLLOW_SCOPE, NULL);
}

void ui_choose_doc(struct ui *u, int64_t doc, int scope_doc)
{
	load_doc(u, doc);
	if (u->docinfo.region && (!u->region || strcmp(u->region, u->docinfo.region) != 0)) {
		free(u->region);
		u->region = strdup(u->docinfo.region);
	}
	u->scope_doc = scope_doc;
	tell(u, FOLLOW_SCOPE, NULL);
}

void ui_choose_section(struct ui *u, int64_t section, struct pane *from)
{
	if (section != u->section || !u->heading) {
		free(u->heading);
		u->heading = section ? model_section_heading(u->m, section) : NULL;
	}
	u->section = section;
	tell(u, FOLLOW_SECTION, from);
}

void ui_show_source(struct ui *u, int64_t doc, int64_t paragraph, size_t cp_start, size_t cp_end)
{
	if (doc != u->doc) {
		ui_choose_doc(u, doc, 1);
		tell(u, FOLLOW_REVEAL, NULL);
	}
	u->mark = (struct mark){doc, paragraph, cp_start, cp_end};
	tell(u, FOLLOW_MARK, NULL);
}
