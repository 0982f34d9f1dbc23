/* ingest_rec.h — for test_ingest.c: a doc_sink that records everything it is
 * told (copies, since sink strings are only borrowed), helpers to find what
 * was recorded, and the seeds' names and reader.  Static: included by one
 * test program. */
#ifndef BAOGAO_INGEST_REC_H
#define BAOGAO_INGEST_REC_H

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model/sink.h"

/* ---- a sink that records everything ---------------------------------- */

struct rec_section {
	int id, parent, level, line;
	char *kind, *number, *title;
};
struct rec_para {
	int ord, section, joins, line;
	char *kind, *text;
};
struct rec_gloss {
	char *term, *definition;
	int number, section;
};
struct rec_doc {
	char *source, *hash, *encoding, *region, *kind, *date, *title;
	int review_year, plan_year, committed, ends;
	struct rec_section *secs;
	int nsecs;
	struct rec_para *paras;
	int nparas;
	struct rec_gloss *gloss;
	int ngloss;
	char **inds; /* "indicator year kind value unit growth qualifier period" */
	int ninds;
};
struct rec {
	struct rec_doc docs[16];
	int ndocs;
	int begin_result;    /* what doc_begin answers: 0, 1 (unchanged), -1 */
	int fail_at_para;    /* paragraph callback fails at this ord (0: never) */
	int calls_after_end; /* callbacks for a document after its doc_end */
	int calls_in_flight; /* callbacks with no document open */
	int open;
};

static char *dup0(const char *s)
{
	return s ? strdup(s) : NULL;
}

static struct rec_doc *cur(struct rec *r)
{
	if (!r->open)
		r->calls_in_flight++;
	return &r->docs[r->ndocs - 1];
}

static int rec_begin(void *ctx, const struct sink_doc *d)
{
	struct rec *r = ctx;
	if (r->begin_result != 0 || r->ndocs == 16)
		return r->begin_result ? r->begin_result : -1;
	struct rec_doc *x = &r->docs[r->ndocs++];
	memset(x, 0, sizeof *x);
	x->source = dup0(d->source);
	x->hash = dup0(d->hash);
	x->encoding = dup0(d->encoding);
	x->region = dup0(d->region);
	x->kind = dup0(d->kind);
	x->date = dup0(d->date);
	x->title = dup0(d->title);
	x->review_year = d->review_year;
	x->plan_year = d->plan_year;
	x->committed = -1;
	r->open = 1;
	return 0;
}

static int rec_section(void *ctx, const struct sink_section *s)
{
	struct rec_doc *d = cur(ctx);
	d->secs = realloc(d->secs, (size_t)(d->nsecs + 1) * sizeof *d->secs);
	d->secs[d->nsecs++] = (struct rec_section){
	    s->id, s->parent, s->level, s->line, dup0(s->kind), dup0(s->number), dup0(s->title)};
	return 0;
}

static int rec_paragraph(void *ctx, const struct sink_paragraph *p)
{
	struct rec *r = ctx;
	struct rec_doc *d = cur(r);
	if (r->fail_at_para && p->ord == r->fail_at_para)
		return -1;
	CHECK_INT(strlen(p->text), p->len);
	d->paras = realloc(d->paras, (size_t)(d->nparas + 1) * sizeof *d->paras);
	d->paras[d->nparas++] =
	    (struct rec_para){p->ord, p->section, p->joins, p->line, dup0(p->kind), dup0(p->text)};
	return 0;
}

static int rec_glossary(void *ctx, const struct sink_glossary *g)
{
	struct rec_doc *d = cur(ctx);
	d->gloss = realloc(d->gloss, (size_t)(d->ngloss + 1) * sizeof *d->gloss);
	d->gloss[d->ngloss++] =
	    (struct rec_gloss){dup0(g->term), dup0(g->definition), g->number, g->section};
	return 0;
}

static int rec_indicator(void *ctx, const struct sink_indicator *ind)
{
	struct rec_doc *d = cur(ctx);
	char line[512];
	snprintf(line, sizeof line, "%s %d %s %s %s %g %s %s", ind->indicator, ind->year, ind->kind,
	         ind->value ? ind->value : "-", ind->unit ? ind->unit : "-",
	         ind->has_growth ? ind->growth : -999, ind->qualifier ? ind->qualifier : "-",
	         ind->period ? ind->period : "-");
	d->inds = realloc(d->inds, (size_t)(d->ninds + 1) * sizeof *d->inds);
	d->inds[d->ninds++] = strdup(line);
	return 0;
}

static int rec_end(void *ctx, int commit)
{
	struct rec *r = ctx;
	struct rec_doc *d = cur(r);
	d->committed = commit;
	d->ends++;
	r->open = 0;
	return 0;
}

static struct doc_sink rec_sink(struct rec *r)
{
	return (struct doc_sink){
	    r, rec_begin, rec_section, rec_paragraph, rec_glossary, rec_indicator, rec_end, NULL};
}

static void rec_free(struct rec *r)
{
	for (int i = 0; i < r->ndocs; i++) {
		struct rec_doc *d = &r->docs[i];
		free(d->source), free(d->hash), free(d->encoding), free(d->region);
		free(d->kind), free(d->date), free(d->title);
		for (int k = 0; k < d->nsecs; k++)
			free(d->secs[k].kind), free(d->secs[k].number), free(d->secs[k].title);
		for (int k = 0; k < d->nparas; k++)
			free(d->paras[k].kind), free(d->paras[k].text);
		for (int k = 0; k < d->ngloss; k++)
			free(d->gloss[k].term), free(d->gloss[k].definition);
		for (int k = 0; k < d->ninds; k++)
			free(d->inds[k]);
		free(d->secs), free(d->paras), free(d->gloss), free(d->inds);
	}
	memset(r, 0, sizeof *r);
}

/* ---- helpers ------------------------------------------------------------ */

static const char *seed_names[5] __attribute__((unused)) = {
    "000_52f92cdd47a860e0.txt", "001_135fd757cc0d6b40.txt", "002_e65eca995091095e.txt",
    "003_612c34ce0d4beb46.txt", "004_bc0ee4ffd7aec591.txt"};

static char seeds_dir[4096] __attribute__((unused));

static inline char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *b = malloc((size_t)n + 1);
	*len = fread(b, 1, (size_t)n, f);
	b[*len] = '\0';
	fclose(f);
	return b;
}

static inline char *seed(int i, size_t *len)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", seeds_dir, seed_names[i]);
	char *b = slurp(path, len);
	if (!b) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(99);
	}
	return b;
}

static inline size_t count_in(const char *s, const char *w)
{
	size_t n = 0;
	for (const char *q = s; (q = strstr(q, w)); q += strlen(w))
		n++;
	return n;
}

static inline const struct rec_section *find_section(const struct rec_doc *d, const char *title)
{
	for (int i = 0; i < d->nsecs; i++)
		if (strcmp(d->secs[i].title, title) == 0)
			return &d->secs[i];
	return NULL;
}

static inline const struct rec_para *find_para(const struct rec_doc *d, const char *text)
{
	for (int i = 0; i < d->nparas; i++)
		if (strstr(d->paras[i].text, text))
			return &d->paras[i];
	return NULL;
}

static inline const char *para_kind(const struct rec_doc *d, const char *exact)
{
	for (int i = 0; i < d->nparas; i++)
		if (strcmp(d->paras[i].text, exact) == 0)
			return d->paras[i].kind;
	return "(none)";
}

/* Source line n (1-based) of a text, without its newline. */
static inline char *source_line(const char *text, int n)
{
	const char *s = text;
	for (int i = 1; i < n && s; i++) {
		s = strchr(s, '\n');
		if (s)
			s++;
	}
	if (!s)
		return strdup("");
	const char *e = strchr(s, '\n');
	return strndup(s, e ? (size_t)(e - s) : strlen(s));
}

/* data is refused, with a reason that begins with `reason` (the whole of it,
 * unless it ends in ':' or ';', naming only the format), and the sink never
 * hears of it */
static inline void expect_refused(const char *what, const char *data, size_t len,
                                  const char *reason)
{
	struct rec r = {0};
	struct doc_sink sink = rec_sink(&r);
	const char *why = NULL;
	CHECK_MSG(ingest_buffer(&sink, "x.txt", data, len, &why) == INGEST_REFUSED, "%s accepted",
	          what);
	/* a reason given as its beginning names the format */
	CHECK_MSG(why && strncmp(why, reason, strlen(reason)) == 0 &&
	              (strlen(why) == strlen(reason) || reason[strlen(reason) - 1] == ':' ||
	               reason[strlen(reason) - 1] == ';'),
	          "%s: reason \"%s\"", what, why ? why : "(null)");
	CHECK_INT(r.ndocs, 0); /* the sink never heard of it */
	rec_free(&r);
}

/* in (UTF-8) in encoding `to`, for the decoders to read back; malloc'd */
static inline char *convert(const char *to, const char *in, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	CHECK(cd != (iconv_t)-1);
	if (cd == (iconv_t)-1)
		exit(99); /* the test cannot go on without its fixture */
	size_t cap = len * 4 + 16, left = cap;
	char *out = malloc(cap), *o = out, *i = (char *)in;
	size_t inleft = len;
	CHECK(iconv(cd, &i, &inleft, &o, &left) != (size_t)-1);
	iconv_close(cd);
	*out_len = cap - left;
	return out;
}

#endif
