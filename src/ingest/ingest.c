/* ingest.c — files and directories → prepared documents → sink.
 *
 * A thread walks the paths and prepares each file (prepare.c: decode,
 * parse, metadata, indicators) while the caller's thread stores the one
 * before it through the sink: parsing and SQLite's work overlap on two
 * cores.  Files are stored and reported in the order of the walk; at most
 * PIPELINE_DEPTH prepared files wait, which bounds memory.
 *
 * One document is one transaction of the sink: everything between doc_begin
 * and doc_end(commit) is kept or dropped together, so a file that fails half
 * way leaves the database as it was. */
/* ingest.c — files and directories → decode → parse → metadata → sink.
 *
 * One document is one transaction of the sink: everything between doc_begin
 * and doc_end(commit) is kept or dropped together, so a file that fails half
 * way leaves the database as it was. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/format.h"
#include "ingest/ingest.h"
#include "ingest/prepare.h"

#define MAX_FILE_BYTES ((size_t)1 << 30) /* a report is megabytes; refuse what cannot be one */
#define MAX_DEPTH      64                /* directory nesting followed */
#define PIPELINE_DEPTH 2                 /* prepared files waiting to be stored */

enum ingest_outcome ingest_buffer(const struct doc_sink *sink, const char *path, const char *data,
                                  size_t len, const char **reason)
{
	char *copy = malloc(len + 1);
	struct prepared *pr = NULL;
	if (copy) {
		if (len)
			memcpy(copy, data, len);
		pr = prepare_bytes(path, copy, len);
	}
	if (!pr) {
		*reason = "out of memory";
		return INGEST_FAILED;
	}
	enum ingest_outcome o = prepared_store(sink, pr);
	/* a static reason outlives pr; one built in pr->why is copied */
	static _Thread_local char why[sizeof pr->why];
	if (pr->reason == pr->why) {
		snprintf(why, sizeof why, "%s", pr->why);
		*reason = why;
	} else {
		*reason = pr->reason;
	}
	prepared_free(pr);
	return o;
}

/* ---- files and directories ---------------------------------------------- */

struct walk {
	/* the storing side: the caller's thread */
	const struct doc_sink *sink;
	ingest_report_fn report;
	void *ctx;
	struct ingest_totals *totals;
	int bad; /* any refused or failed */
	/* between the two: prepared files in walk order */
	int threaded;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct prepared *head, *tail;
	int queued, done;
	char *const *paths;
	size_t npaths;
};

static void tell(struct walk *w, const char *path, enum ingest_outcome o, const char *reason)
{
	switch (o) {
	case INGEST_STORED:
		w->totals->stored++;
		break;
	case INGEST_REPLACED:
		w->totals->replaced++;
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
	case INGEST_SKIPPED:
		w->totals->skipped++;
		break;
	}
	if (w->report)
		w->report(w->ctx, path, o, reason);
}

/* The storing side's work on one prepared file. */
static void store(struct walk *w, struct prepared *pr)
{
	enum ingest_outcome o = prepared_store(w->sink, pr);
	tell(w, pr->path, o, o == INGEST_STORED || o == INGEST_REPLACED ? NULL : pr->reason);
	prepared_free(pr);
}

/* Hands a prepared file over: queued for the storing thread (waiting while
 * PIPELINE_DEPTH are queued), or stored at once when there is no thread. */
static void emit(struct walk *w, struct prepared *pr)
{
	if (!w->threaded) {
		store(w, pr);
		return;
	}
	pthread_mutex_lock(&w->lock);
	while (w->queued >= PIPELINE_DEPTH)
		pthread_cond_wait(&w->changed, &w->lock);
	if (w->tail)
		w->tail->next = pr;
	else
		w->head = pr;
	w->tail = pr;
	w->queued++;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
}

static void emit_failed(struct walk *w, const char *path, enum ingest_outcome o, const char *reason)
{
	struct prepared *pr = prepared_failed(path, o, reason);
	if (pr)
		emit(w, pr);
	else if (!w->threaded)
		tell(w, path, INGEST_FAILED, "out of memory");
}

static void cannot(struct walk *w, const char *path, const char *what, int err)
{
	char why[256];
	snprintf(why, sizeof why, "%s: %s", what, strerror(err));
	emit_failed(w, path, INGEST_FAILED, why);
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
		emit_failed(w, path, INGEST_REFUSED, "not a regular file");
		return;
	}
	if ((unsigned long long)st.st_size > MAX_FILE_BYTES) {
		close(fd);
		emit_failed(w, path, INGEST_REFUSED, "file too large (over 1 GiB)");
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
	/* a file cut or rewritten while it was read is not stored half */
	struct stat after;
	int changed =
	    !err && (fstat(fd, &after) != 0 || after.st_size != st.st_size ||
	             after.st_mtim.tv_sec != st.st_mtim.tv_sec ||
	             after.st_mtim.tv_nsec != st.st_mtim.tv_nsec || (off_t)len != st.st_size);
	close(fd);
	if (changed) {
		free(buf);
		emit_failed(
		    w, path, INGEST_REFUSED,
		    "the file changed while it was read: ingest it again once it is written");
		return;
	}
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
	struct prepared *pr = prepare_bytes(path, buf, len);
	if (pr)
		emit(w, pr);
	else
		cannot(w, path, "cannot read", ENOMEM);
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
					else
						emit_failed(w, child, INGEST_REFUSED,
						            "a folder too deep (more than 64 "
						            "folders down): "
						            "not read");
				} else if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
					emit_failed(w, child, INGEST_REFUSED,
					            S_ISFIFO(st.st_mode)
					                ? "not a regular file (a FIFO)"
					            : S_ISSOCK(st.st_mode)
					                ? "not a regular file (a socket)"
					                : "not a regular file (a device)");
				} else if (S_ISLNK(st.st_mode) && stat(child, &target) != 0) {
					/* a dangling link, or a loop of links */
					cannot(w, child,
					       errno == ELOOP ? "a loop of links"
					                      : "a dangling link",
					       errno);
				} else if (S_ISLNK(st.st_mode) && S_ISDIR(target.st_mode)) {
					/* links to directories are not followed: they can make
					 * cycles */
					emit_failed(
					    w, child, INGEST_SKIPPED,
					    "a link to a folder: not followed (name the folder "
					    "itself)");
				} else if (format_skip_name(name)) {
					emit_failed(w, child, INGEST_SKIPPED,
					            format_skip_name(name));
				} else if (S_ISREG(st.st_mode) || S_ISREG(target.st_mode)) {
					ingest_file(w, child);
				} else {
					emit_failed(
					    w, child, INGEST_REFUSED,
					    "a link to something that is not a regular file");
				}
				free(child);
			}
		}
		free(names[i]);
	}
	free(names);
}

static void walk_paths(struct walk *w)
{
	for (size_t i = 0; i < w->npaths; i++) {
		struct stat st;
		if (stat(w->paths[i], &st) < 0)
			cannot(w, w->paths[i], "cannot read", errno);
		else if (S_ISDIR(st.st_mode))
			ingest_dir(w, w->paths[i], 0);
		else
			ingest_file(w, w->paths[i]);
	}
}

static void *walk_thread(void *arg)
{
	struct walk *w = arg;
	walk_paths(w);
	pthread_mutex_lock(&w->lock);
	w->done = 1;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

int ingest_paths(const struct doc_sink *sink, char *const *paths, size_t n, ingest_report_fn report,
                 void *ctx, struct ingest_totals *totals)
{
	struct ingest_totals local = {0};
	struct walk w = {.sink = sink,
	                 .report = report,
	                 .ctx = ctx,
	                 .totals = totals ? totals : &local,
	                 .paths = paths,
	                 .npaths = n,
	                 .threaded = 1};
	pthread_t walker;
	if (pthread_mutex_init(&w.lock, NULL) != 0) {
		w.threaded = 0;
	} else if (pthread_cond_init(&w.changed, NULL) != 0) {
		pthread_mutex_destroy(&w.lock);
		w.threaded = 0;
	} else if (pthread_create(&walker, NULL, walk_thread, &w) != 0) {
		pthread_cond_destroy(&w.changed);
		pthread_mutex_destroy(&w.lock);
		w.threaded = 0;
	}
	if (!w.threaded) { /* no thread to be had: one step after the other */
		walk_paths(&w);
		return w.bad ? 2 : 0;
	}
	for (;;) {
		pthread_mutex_lock(&w.lock);
		while (!w.head && !w.done)
			pthread_cond_wait(&w.changed, &w.lock);
		struct prepared *pr = w.head;
		if (pr) {
			w.head = pr->next;
			if (!w.head)
				w.tail = NULL;
			w.queued--;
			pthread_cond_broadcast(&w.changed);
		}
		pthread_mutex_unlock(&w.lock);
		if (!pr)
			break;
		store(&w, pr);
	}
	pthread_join(walker, NULL);
	pthread_cond_destroy(&w.changed);
	pthread_mutex_destroy(&w.lock);
	return w.bad ? 2 : 0;
}
