/* prepare.h — one file made ready to store (src/ingest/ only).
 *
 * Ingest is two steps: prepare (decode, hash, parse, metadata, indicators:
 * CPU work that touches no shared state, so it runs on a thread of its own
 * while the previous file is stored) and store (the sink calls of sink.h,
 * on the caller's thread, in file order). */
#ifndef BAOGAO_PREPARE_H
#define BAOGAO_PREPARE_H

#include <stddef.h>

#include "ingest/ingest.h"
#include "ingest/meta.h"
#include "ingest/parse.h"
#include "text/fingerprint.h"

struct prepared {
	char *path;
	/* INGEST_STORED when ready to store, else REFUSED or FAILED and why */
	enum ingest_outcome outcome;
	const char *reason; /* static, or why[] */
	char why[256];
	char hash[65];
	char fingerprint[TEXT_FP_HEX + 1]; /* the report in any form */
	size_t han;
	size_t bytes;
	const char *encoding;
	struct parse_doc doc;
	struct meta meta;
	struct sink_indicator *ind; /* strings owned */
	size_t nind, capind;
	struct prepared *next; /* the pipeline's queue */
};

/* A prepared file of `path` (copied) that is not ready: outcome and reason
 * as given (reason copied).  NULL when out of memory. */
struct prepared *prepared_failed(const char *path, enum ingest_outcome outcome, const char *reason);
/* Prepares the raw bytes of a file, a malloc'd buffer of at least len + 1
 * bytes that it takes over.  NULL when out of memory. */
struct prepared *prepare_bytes(const char *path, char *data, size_t len);
/* Stores a ready file through the sink, one transaction: STORED, UNCHANGED
 * (pr->reason set when the same report came in another file) or FAILED
 * (with pr->reason set, the sink's own words when it has them). */
enum ingest_outcome prepared_store(const struct doc_sink *sink, struct prepared *pr);
void prepared_free(struct prepared *pr);

#endif
