/* prepare.c — a file's bytes → everything the sink will be told (prepare),
 * then the sink calls themselves (store).  See prepare.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/decode.h"
#include "ingest/extract.h"
#include "ingest/format.h"
#include "ingest/html.h"
#include "ingest/mht.h"
#include "ingest/office.h"
#include "ingest/parse_util.h"
#include "ingest/pdf.h"
#include "ingest/prepare.h"
#include "ingest/sha256.h"
#include "ingest/unwrap.h"
#include "text/text.h"

static const char *source_name(const char *path)
{
	const char *b = strrchr(path, '/');
	return b && b[1] ? b + 1 : path;
}

struct prepared *prepared_failed(const char *path, enum ingest_outcome outcome, const char *reason)
{
	struct prepared *pr = calloc(1, sizeof *pr);
	if (!pr || !(pr->path = strdup(path))) {
		free(pr);
		return NULL;
	}
	pr->outcome = outcome;
	if (reason) {
		snprintf(pr->why, sizeof pr->why, "%s", reason);
		pr->reason = pr->why;
	}
	return pr;
}

/* ---- indicators, kept until the store step ---- */

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void free_indicator(struct sink_indicator *x)
{
	free((char *)x->indicator);
	free((char *)x->name);
	free((char *)x->kind);
	free((char *)x->value);
	free((char *)x->unit);
	free((char *)x->qualifier);
	free((char *)x->period);
	free((char *)x->flags);
	free((char *)x->sentence);
}

/* The sentence [start, end) of paragraph ord, copied; NULL when out of
 * range or out of memory (the store then leaves it to the paragraph). */
static char *sentence_of(const struct parse_doc *d, int ord, int start, int end)
{
	if (ord < 1 || (size_t)ord > d->nparas || d->paras[ord - 1].ord != ord || start < 0 ||
	    end <= start)
		return NULL;
	const struct parse_para *p = &d->paras[ord - 1];
	size_t a = utf8_offset(p->text, p->len, (size_t)start);
	size_t b = a + utf8_offset(p->text + a, p->len - a, (size_t)(end - start));
	return pu_strndup(p->text + a, b - a);
}

static int keep_indicator(void *ctx, const struct sink_indicator *in)
{
	struct prepared *pr = ctx;
	if (pr->nind == pr->capind) {
		size_t cap = pr->capind ? pr->capind * 2 : 16;
		struct sink_indicator *g = realloc(pr->ind, cap * sizeof *g);
		if (!g)
			return -1;
		pr->ind = g;
		pr->capind = cap;
	}
	struct sink_indicator *x = &pr->ind[pr->nind];
	*x = *in;
	x->indicator = dup_or_null(in->indicator);
	x->name = dup_or_null(in->name);
	x->kind = dup_or_null(in->kind);
	x->value = dup_or_null(in->value);
	x->unit = dup_or_null(in->unit);
	x->qualifier = dup_or_null(in->qualifier);
	x->period = dup_or_null(in->period);
	x->flags = dup_or_null(in->flags);
	x->sentence = sentence_of(&pr->doc, in->paragraph, in->start, in->end);
	if ((in->indicator && !x->indicator) || (in->name && !x->name) || (in->kind && !x->kind) ||
	    (in->value && !x->value) || (in->unit && !x->unit) ||
	    (in->qualifier && !x->qualifier) || (in->period && !x->period) ||
	    (in->flags && !x->flags)) {
		free_indicator(x);
		return -1;
	}
	pr->nind++;
	return 0;
}

static int extract(struct prepared *pr)
{
	const struct parse_doc *doc = &pr->doc;
	struct extract_section *xs = calloc(doc->nsections + 1, sizeof *xs);
	struct extract_para *xp = calloc(doc->nparas + 1, sizeof *xp);
	int rc = -1;
	if (xs && xp) {
		for (size_t i = 0; i < doc->nsections; i++) {
			const struct parse_section *s = &doc->sections[i];
			xs[i] = (struct extract_section){s->id, s->parent, s->kind, s->number,
			                                 s->title};
		}
		for (size_t i = 0; i < doc->nparas; i++) {
			const struct parse_para *p = &doc->paras[i];
			xp[i] = (struct extract_para){p->ord, p->section, p->kind, p->text, p->len};
		}
		const struct meta *m = &pr->meta;
		struct extract_doc xd = {.region = m->region,
		                         .kind = m->kind,
		                         .review_year = m->review_year,
		                         .plan_year = m->plan_year,
		                         .sections = xs,
		                         .nsections = doc->nsections,
		                         .paras = xp,
		                         .nparas = doc->nparas,
		                         .delivered_year = m->date ? atoi(m->date) : 0};
		struct doc_sink keep = {.ctx = pr, .indicator = keep_indicator};
		rc = extract_indicators(&xd, &keep) < 0 ? -1 : 0;
	}
	free(xs);
	free(xp);
	return rc;
}

/* ---- prepare ---- */

/* A PDF, .docx, .odt, web page or web archive: *data (freed) replaced by
 * the text its reader gives, *encoding set; 1.  0 for any other file, -1
 * with *reason when the reader refused it (*data freed). */
static int read_form(char **data, size_t *len, const char **encoding, const char **reason)
{
	char *text = NULL, *page = NULL;
	size_t tlen, plen;
	int rc;
	const char *office = NULL;
	if (pdf_looks_like(*data, *len)) {
		*encoding = "PDF";
		rc = pdf_to_text(*data, *len, &text, &tlen, reason);
	} else if ((office = office_kind(*data, *len))) {
		*encoding = strcmp(office, "docx") == 0 ? "DOCX" : "ODT";
		rc = office_to_text(*data, *len, &text, &tlen, reason);
	} else if (mht_looks_like(*data, *len)) {
		rc = mht_page(*data, *len, &page, &plen, reason);
		if (rc == 0) {
			rc = html_to_text(page, plen, &text, &tlen, encoding, reason);
			free(page);
			*encoding = "MHT";
		}
	} else if (html_looks_like(*data, *len)) {
		rc = html_to_text(*data, *len, &text, &tlen, encoding, reason);
	} else {
		return 0;
	}
	free(*data);
	*data = text;
	*len = rc == 0 ? tlen : 0;
	return rc < 0 ? -1 : 1;
}

struct prepared *prepare_bytes(const char *path, char *data, size_t len)
{
	struct prepared *pr = prepared_failed(path, INGEST_STORED, NULL);
	if (!pr) {
		free(data);
		return NULL;
	}
	struct decoded dec;
	const char *reason = NULL;
	/* a form with a reader of its own: its text, marked up as clean text is */
	const char *page_encoding = NULL;
	int rc = read_form(&data, &len, &page_encoding, &reason);
	if (rc < 0) {
		pr->outcome = strcmp(reason, "out of memory") == 0 ? INGEST_FAILED : INGEST_REFUSED;
		pr->reason = reason;
		return pr;
	}
	if (rc == 0 && (reason = format_refusal(data, len))) {
		free(data);
		pr->outcome = INGEST_REFUSED;
		pr->reason = reason;
		return pr;
	}
	if (decode_text_owned(data, len, &dec, &reason) < 0) {
		pr->outcome = strcmp(reason, "out of memory") == 0 ? INGEST_FAILED : INGEST_REFUSED;
		pr->reason = reason;
		return pr;
	}
	if ((reason = format_not_report(dec.text, dec.len))) {
		free(dec.text);
		pr->outcome = INGEST_REFUSED;
		pr->reason = reason;
		return pr;
	}
	/* pdftotext and the like: lines rejoined into paragraphs */
	char *unwrapped;
	size_t ulen;
	/* (a reader's output is one paragraph a line already) */
	int u = page_encoding ? 0 : unwrap_text(dec.text, dec.len, &unwrapped, &ulen);
	if (u < 0) {
		free(dec.text);
		pr->outcome = INGEST_FAILED;
		pr->reason = "out of memory";
		return pr;
	}
	sha256_hex(dec.text, dec.len, pr->hash);
	if (u == 1) {
		free(dec.text);
		dec.text = unwrapped;
		dec.len = ulen;
	}
	pr->bytes = dec.len;
	pr->encoding = page_encoding ? page_encoding : dec.encoding;
	/* the parser lets the text go as soon as it has made its units */
	if (parse_text_owned(dec.text, dec.len, &pr->doc) < 0 ||
	    meta_read(&pr->doc, path, &pr->meta) < 0 || extract(pr) < 0) {
		pr->outcome = INGEST_FAILED;
		pr->reason = "out of memory";
		return pr;
	}
	/* the report's text whatever its form: paragraphs, markup gone */
	struct text_fp fp;
	text_fp_init(&fp);
	for (size_t i = 0; i < pr->doc.nparas; i++)
		text_fp_add(&fp, pr->doc.paras[i].text, pr->doc.paras[i].len);
	text_fp_hex(&fp, pr->fingerprint);
	pr->han = fp.han;
	return pr;
}

/* ---- store ---- */

/* Everything after doc_begin; returns 0, or -1 when the sink failed. */
static int feed(const struct doc_sink *sink, const struct prepared *pr)
{
	const struct parse_doc *doc = &pr->doc;
	for (size_t i = 0; i < doc->nsections; i++) {
		const struct parse_section *s = &doc->sections[i];
		struct sink_section ss = {s->id,     s->parent, s->level, s->kind,
		                          s->number, s->title,  s->line};
		if (sink->section && sink->section(sink->ctx, &ss) < 0)
			return -1;
	}
	for (size_t i = 0; i < doc->nparas; i++) {
		const struct parse_para *p = &doc->paras[i];
		struct sink_paragraph sp = {p->ord, p->section, p->kind, p->text,
		                            p->len, p->joins,   p->line};
		if (sink->paragraph && sink->paragraph(sink->ctx, &sp) < 0)
			return -1;
	}
	for (size_t i = 0; i < doc->ngloss; i++) {
		const struct parse_gloss *g = &doc->gloss[i];
		struct sink_glossary sg = {g->term, g->definition, g->number, g->section};
		if (sink->glossary && sink->glossary(sink->ctx, &sg) < 0)
			return -1;
	}
	for (size_t i = 0; i < pr->nind; i++)
		if (sink->indicator && sink->indicator(sink->ctx, &pr->ind[i]) < 0)
			return -1;
	return 0;
}

enum ingest_outcome prepared_store(const struct doc_sink *sink, struct prepared *pr)
{
	if (pr->outcome != INGEST_STORED)
		return pr->outcome;
	const struct meta *m = &pr->meta;
	/* the full path: two folders' 政府工作报告.txt are two reports */
	char *full = realpath(pr->path, NULL);
	struct sink_doc sd = {
	    .source = source_name(pr->path),
	    .path = full ? full : pr->path,
	    .hash = pr->hash,
	    .encoding = pr->encoding,
	    .region = m->region,
	    .kind = m->kind,
	    .date = m->date,
	    .title = m->title,
	    .review_year = m->review_year,
	    .plan_year = m->plan_year,
	    .bytes = pr->bytes,
	    .fingerprint = pr->fingerprint,
	    .han = pr->han,
	};
	int rc = sink->doc_begin(sink->ctx, &sd);
	free(full);
	if (rc == 1)
		return INGEST_UNCHANGED;
	if (rc == 2) {
		const char *e = sink->error ? sink->error(sink->ctx) : NULL;
		snprintf(pr->why, sizeof pr->why, "%s", e ? e : "the same report as another file");
		pr->reason = pr->why;
		return INGEST_UNCHANGED;
	}
	/* after a failed doc_begin the sink has nothing open (sink.h) */
	int opened = rc == 0 || rc == 3;
	if (opened && feed(sink, pr) < 0)
		sink->doc_end(sink->ctx, 0);
	else if (opened && sink->doc_end(sink->ctx, 1) == 0)
		return rc == 3 ? INGEST_REPLACED : INGEST_STORED;
	const char *e = sink->error ? sink->error(sink->ctx) : NULL;
	snprintf(pr->why, sizeof pr->why, "cannot store: %s", e && *e ? e : "database error");
	pr->reason = pr->why;
	return INGEST_FAILED;
}

void prepared_free(struct prepared *pr)
{
	if (!pr)
		return;
	for (size_t i = 0; i < pr->nind; i++)
		free_indicator(&pr->ind[i]);
	free(pr->ind);
	/* meta and doc are zeroed when never filled: freeing them is harmless */
	meta_free(&pr->meta);
	parse_free(&pr->doc);
	free(pr->path);
	free(pr);
}
