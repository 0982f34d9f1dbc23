/* ingest.c — files and directories → decode → parse → metadata → sink.
 *
 * One document is one transaction of the sink: everything between doc_begin
 * and doc_end(commit) is kept or dropped together, so a file that fails half
 * way leaves the database as it was. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/decode.h"
#include "ingest/extract.h"
#include "ingest/ingest.h"
#include "ingest/meta.h"
#include "ingest/parse.h"
#include "ingest/sha256.h"

#define MAX_FILE_BYTES ((size_t)1 << 30) /* a report is megabytes; refuse what cannot be one */
#define MAX_DEPTH      64                /* directory nesting followed */

static const char *source_name(const char *path)
{
	const char *b = strrchr(path, '/');
	return b && b[1] ? b + 1 : path;
}

/* Everything after doc_begin; returns 0, or -1 when the sink failed. */
static int feed(const struct doc_sink *sink, const struct parse_doc *doc, const struct meta *m)
{
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
	struct extract_section *xs = calloc(doc->nsections + 1, sizeof *xs);
	struct extract_para *xp = calloc(doc->nparas + 1, sizeof *xp);
	int rc = 0;
	if (!xs || !xp) {
		rc = -1;
	} else {
		for (size_t i = 0; i < doc->nsections; i++) {
			const struct parse_section *s = &doc->sections[i];
			xs[i] = (struct extract_section){s->id, s->parent, s->kind, s->number,
			                                 s->title};
		}
		for (size_t i = 0; i < doc->nparas; i++) {
			const struct parse_para *p = &doc->paras[i];
			xp[i] = (struct extract_para){p->ord, p->section, p->kind, p->text, p->len};
		}
		struct extract_doc xd = {m->region,      m->kind, m->review_year, m->plan_year, xs,
		                         doc->nsections, xp,      doc->nparas};
		if (extract_indicators(&xd, sink) < 0)
			rc = -1;
	}
	free(xs);
	free(xp);
	return rc;
}

/* ingest_buffer on a malloc'd buffer of at least len + 1 bytes, taken over:
 * a big file is in memory once as read (UTF-8 is decoded in place) and is
 * let go as soon as it is parsed, before the paragraphs are stored. */
static enum ingest_outcome ingest_owned(const struct doc_sink *sink, const char *path, char *data,
                                        size_t len, const char **reason)
{
	struct decoded dec;
	*reason = NULL;
	if (decode_text_owned(data, len, &dec, reason) < 0)
		return strcmp(*reason, "out of memory") == 0 ? INGEST_FAILED : INGEST_REFUSED;
	char hash[65];
	sha256_hex(dec.text, dec.len, hash);
	struct parse_doc doc;
	struct meta m;
	size_t text_len = dec.len;
	int parsed = parse_text_owned(dec.text, dec.len, &doc);
	if (parsed < 0) {
		*reason = "out of memory";
		return INGEST_FAILED;
	}
	if (meta_read(&doc, path, &m) < 0) {
		parse_free(&doc);
		*reason = "out of memory";
		return INGEST_FAILED;
	}
	struct sink_doc sd = {
	    .source = source_name(path),
	    .path = path,
	    .hash = hash,
	    .encoding = dec.encoding,
	    .region = m.region,
	    .kind = m.kind,
	    .date = m.date,
	    .title = m.title,
	    .review_year = m.review_year,
	    .plan_year = m.plan_year,
	    .bytes = text_len,
	};
	enum ingest_outcome out;
	int rc = sink->doc_begin(sink->ctx, &sd);
	if (rc < 0) {
		/* the sink opened nothing it needs us to close (sink.h) */
		*reason = "cannot store (database error)";
		out = INGEST_FAILED;
	} else if (rc == 1) {
		out = INGEST_UNCHANGED;
	} else if (feed(sink, &doc, &m) < 0) {
		sink->doc_end(sink->ctx, 0);
		*reason = "cannot store (database error)";
		out = INGEST_FAILED;
	} else if (sink->doc_end(sink->ctx, 1) < 0) {
		*reason = "cannot store (database error)";
		out = INGEST_FAILED;
	} else {
		out = INGEST_STORED;
	}
	meta_free(&m);
	parse_free(&doc);
	return out;
}

enum ingest_outcome ingest_buffer(const struct doc_sink *sink, const char *path, const char *data,
                                  size_t len, const char **reason)
{
	char *copy = malloc(len + 1);
	if (!copy) {
		*reason = "out of memory";
		return INGEST_FAILED;
	}
	if (len)
		memcpy(copy, data, len);
	return ingest_owned(sink, path, copy, len, reason);
}

/* ---- files and directories ---------------------------------------------- */

struct walk {
	const struct doc_sink *sink;
	ingest_report_fn report;
	void *ctx;
	struct ingest_totals *totals;
	int bad;       /* any refused or failed */
	char why[512]; /* a reason built for one report call */
};

static void tell(struct walk *w, const char *path, enum ingest_outcome o, const char *reason)
{
	switch (o) {
	case INGEST_STORED:
		w->totals->stored++;
		break;
	case INGEST_UNCHANGED:
		w->totals->unchanged++;
		break;
	case INGEST_REFUSED:
		w->totals->refused++;
		w->bad = 1;
		break;
	case INGEST_FAILED:
		w->totals->failed++;
		w->bad = 1;
		break;
	}
	if (w->report)
		w->report(w->ctx, path, o, reason);
}

static void cannot(struct walk *w, const char *path, const char *what, int err)
{
	snprintf(w->why, sizeof w->why, "%s: %s", what, strerror(err));
	tell(w, path, INGEST_FAILED, w->why);
}

static void ingest_file(struct walk *w, const char *path)
{
	int fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		cannot(w, path, "cannot read", errno);
		return;
	}
	struct stat st;
	if (fstat(fd, &st) < 0) {
		cannot(w, path, "cannot read", errno);
		close(fd);
		return;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		tell(w, path, INGEST_REFUSED, "not a regular file");
		return;
	}
	if ((unsigned long long)st.st_size > MAX_FILE_BYTES) {
		close(fd);
		tell(w, path, INGEST_REFUSED, "file too large (over 1 GiB)");
		return;
	}
	size_t cap = (size_t)st.st_size + 1, len = 0;
	char *buf = malloc(cap);
	int err = buf ? 0 : ENOMEM;
	while (!err) {
		if (len == cap) { /* the file grew while we read it */
			char *b = cap < MAX_FILE_BYTES ? realloc(buf, cap * 2) : NULL;
			if (!b) {
				err = ENOMEM;
				break;
			}
			buf = b;
			cap *= 2;
		}
		ssize_t n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			err = errno;
		else if (n == 0)
			break;
		else
			len += (size_t)n;
	}
	close(fd);
	if (!err && len == cap) { /* room for the NUL decoding adds */
		char *b = realloc(buf, cap + 1);
		if (b)
			buf = b;
		else
			err = ENOMEM;
	}
	if (err) {
		free(buf);
		cannot(w, path, "cannot read", err);
		return;
	}
	const char *reason;
	enum ingest_outcome o = ingest_owned(w->sink, path, buf, len, &reason);
	tell(w, path, o, reason);
}

static void ingest_dir(struct walk *w, const char *path, int depth)
{
	struct dirent **names;
	int n = scandir(path, &names, NULL, alphasort);
	if (n < 0) {
		cannot(w, path, "cannot read directory", errno);
		return;
	}
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		if (name[0] != '.') {
			size_t pl = strlen(path);
			char *child = malloc(pl + strlen(name) + 2);
			if (!child) {
				cannot(w, path, "cannot read directory", ENOMEM);
			} else {
				sprintf(child, "%s%s%s", path, pl && path[pl - 1] == '/' ? "" : "/",
				        name);
				struct stat st, target;
				if (lstat(child, &st) < 0) {
					cannot(w, child, "cannot read", errno);
				} else if (S_ISDIR(st.st_mode)) {
					if (depth < MAX_DEPTH)
						ingest_dir(w, child, depth + 1);
				} else if (S_ISREG(st.st_mode)) {
					ingest_file(w, child);
				} else if (S_ISLNK(st.st_mode) && stat(child, &target) == 0 &&
				           S_ISREG(target.st_mode)) {
					/* links to files are followed, links to directories not:
					 * they can make cycles */
					ingest_file(w, child);
				}
				free(child);
			}
		}
		free(names[i]);
	}
	free(names);
}

int ingest_paths(const struct doc_sink *sink, char *const *paths, size_t n, ingest_report_fn report,
                 void *ctx, struct ingest_totals *totals)
{
	struct ingest_totals local = {0};
	struct walk w = {
	    .sink = sink, .report = report, .ctx = ctx, .totals = totals ? totals : &local};
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(paths[i], &st) < 0)
			cannot(&w, paths[i], "cannot read", errno);
		else if (S_ISDIR(st.st_mode))
			ingest_dir(&w, paths[i], 0);
		else
			ingest_file(&w, paths[i]);
	}
	return w.bad ? 2 : 0;
}
