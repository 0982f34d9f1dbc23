/* fuzz_ingest.c — libFuzzer target for the whole ingest path: decoding,
 * page-break joining, the section tree, metadata, glossary and indicator
 * extraction, into a sink that checks what it is given instead of storing it.
 * Build and run: tests/fuzz/run.sh [SECONDS]. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"
#include "text/text.h"

struct seen {
	int sections, paragraphs;
};

/* Every string the parser hands over must be valid, NUL-terminated UTF-8
 * that the layout module can measure and wrap. */
static void check_text(const char *s)
{
	if (!s)
		return;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp == TEXT_REPLACEMENT && n == 1)
			abort(); /* invalid UTF-8 leaked out of the decoder */
		i += n;
	}
	text_line *lines = NULL;
	size_t n = text_wrap(s, len, 17, 0, &lines);
	for (size_t i = 0; i < n; i++)
		if (lines[i].indent + lines[i].width > 17 || lines[i].end > len)
			abort();
	free(lines);
}

static int on_doc(void *ctx, const struct sink_doc *d)
{
	(void)ctx;
	check_text(d->title);
	check_text(d->region);
	return 0;
}
static int on_section(void *ctx, const struct sink_section *s)
{
	struct seen *k = ctx;
	if (s->id != k->sections + 1 || s->parent < 0 || s->parent >= s->id)
		abort(); /* preorder ids, parents before children */
	k->sections++;
	check_text(s->title);
	return 0;
}
static int on_paragraph(void *ctx, const struct sink_paragraph *p)
{
	struct seen *k = ctx;
	if (p->ord != k->paragraphs + 1 || p->section < 0 || p->section > k->sections)
		abort();
	if (strlen(p->text) != p->len)
		abort();
	k->paragraphs++;
	check_text(p->text);
	return 0;
}
static int on_glossary(void *ctx, const struct sink_glossary *g)
{
	(void)ctx;
	check_text(g->term);
	check_text(g->definition);
	return 0;
}
static int on_indicator(void *ctx, const struct sink_indicator *ind)
{
	struct seen *k = ctx;
	if (ind->paragraph < 1 || ind->paragraph > k->paragraphs || ind->start < 0 ||
	    ind->end < ind->start)
		abort();
	if (strcmp(ind->kind, "result") != 0 && strcmp(ind->kind, "target") != 0 &&
	    strcmp(ind->kind, "goal") != 0)
		abort();
	/* a goal has its end year; nothing else has one */
	if ((strcmp(ind->kind, "goal") == 0) != (ind->horizon > 0))
		abort();
	/* a range has both ends, in order */
	if (ind->has_growth_high && (!ind->has_growth || ind->growth_high < ind->growth))
		abort();
	check_text(ind->indicator);
	return 0;
}
static int on_end(void *ctx, int commit)
{
	(void)ctx;
	(void)commit;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen k = {0};
	struct doc_sink sink = {.ctx = &k,
	                        .doc_begin = on_doc,
	                        .section = on_section,
	                        .paragraph = on_paragraph,
	                        .glossary = on_glossary,
	                        .indicator = on_indicator,
	                        .doc_end = on_end};
	const char *reason = NULL;
	ingest_buffer(&sink, "fuzz.txt", (const char *)data, size, &reason);
	return 0;
}
