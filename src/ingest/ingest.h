/* ingest.h — report files → documents, through a doc_sink (model/sink.h). */
#ifndef BAOGAO_INGEST_H
#define BAOGAO_INGEST_H

#include <stddef.h>

#include "model/sink.h"

/* SKIPPED: a file inside a directory whose name says it is no report
 * (data.tsv, photo.jpg); never for a file named on the command line. */
enum ingest_outcome {
	INGEST_STORED,
	INGEST_REPLACED, /* stored, in place of the old version of its path */
	INGEST_UNCHANGED,
	INGEST_REFUSED,
	INGEST_FAILED,
	INGEST_SKIPPED
};

/* Told once per file: outcome, and for REFUSED/FAILED a one-line reason
 * ("empty file", "binary file (NUL bytes)", "not UTF-8, UTF-16, GB18030 or Big5",
 * "cannot read: …").  May be NULL. */
typedef void (*ingest_report_fn)(void *ctx, const char *path, enum ingest_outcome outcome,
                                 const char *reason);

struct ingest_totals {
	int stored, replaced, unchanged, refused, failed, skipped;
};

/* Ingest files and directories (directories recursively: every regular file
 * whose name does not start with '.' and that format_skip_name lets
 * through), one transaction per file.  A refused
 * file does not stop the others.  Returns 0 when every file was stored or
 * unchanged, 2 when any was refused or failed. */
int ingest_paths(const struct doc_sink *sink, char *const *paths, size_t n, ingest_report_fn report,
                 void *ctx, struct ingest_totals *totals);

/* Ingest one in-memory file (raw bytes as read from disk).  `path` is used
 * for the source name (its basename) and as the last-resort region hint.
 * Returns the outcome; *reason (static string or NULL) says why it was refused. */
enum ingest_outcome ingest_buffer(const struct doc_sink *sink, const char *path, const char *data,
                                  size_t len, const char **reason);

#endif
