/* common.c — what every command shares: opening the database (seeding it on
 * first use), option values, usage errors. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "datadir.h"
#include "ingest/ingest.h"
#include "text/text.h"

static void report_seed(void *ctx, const char *path, enum ingest_outcome o, const char *reason)
{
	(void)ctx;
	if (o == INGEST_REFUSED || o == INGEST_FAILED)
		fprintf(stderr, "baogao: %s: %s\n", path, reason ? reason : "failed");
}

model *cli_model(struct cli *c)
{
	if (c->m)
		return c->m;
	if (c->db_path && !*c->db_path) {
		fprintf(stderr, "baogao: --db needs a file name\n");
		return NULL;
	}
	char *path = model_default_path(c->db_path);
	/* only the default place is made: a typo'd --db must not grow folders */
	const char *env = getenv("BAOGAO_DB");
	if (path && !c->db_path && !(env && *env) && model_make_parent_dirs(path) != 0)
		fprintf(stderr, "baogao: cannot create the directory for %s: %s\n", path,
		        strerror(errno));
	char *err = NULL;
	model *m = path ? model_open(path, &err) : NULL;
	if (!m) {
		fprintf(stderr, "baogao: cannot open database %s: %s\n", path ? path : "(no path)",
		        err ? err : "out of memory");
		free(err);
		free(path);
		return NULL;
	}
	free(path);
	/* A first run should show something: the bundled reports are the
	 * default corpus, stored once, like any ingested file. */
	const char *no_seeds = getenv("BAOGAO_NO_SEEDS");
	/* a first run cut short ("seeds" left at "storing") goes on where it
	 * stopped: the reports stored already are unchanged */
	char seeding[16];
	int resume = !model_readonly(m) &&
	             model_meta_get(m, "seeds", seeding, sizeof seeding) == 1 &&
	             strcmp(seeding, "storing") == 0;
	if (resume || ((!no_seeds || strcmp(no_seeds, "1") != 0) && !model_readonly(m) &&
	               model_empty(m) == 1)) {
		char *seeds = datadir_find("seeds");
		if (seeds) {
			struct doc_sink sink = model_sink(m);
			char *paths[1] = {seeds};
			struct ingest_totals tot = {0};
			model_meta_set(m, "seeds", "storing");
			int rc = ingest_paths(&sink, paths, 1, report_seed, NULL, &tot);
			if (rc == 0)
				model_meta_set(m, "seeds", "stored");
			if (tot.stored)
				fprintf(stderr,
				        "baogao: first run: stored the %d bundled reports\n",
				        tot.stored);
			free(seeds);
		} else {
			fprintf(
			    stderr,
			    "baogao: the bundled reports were not found (set BAOGAO_DATADIR)\n");
		}
	}
	c->m = m;
	return m;
}

void cli_close(struct cli *c)
{
	if (c->m)
		model_close(c->m);
	c->m = NULL;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "baogao %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see baogao %s --help)\n", cmd);
	return EXIT_TROUBLE;
}

int cli_set_format(struct cli *c, const char *v, int allow_csv_md)
{
	static const struct {
		const char *name;
		enum out_format f;
		int extra;
	} formats[] = {{"table", OUT_TABLE, 0},
	               {"tsv", OUT_TSV, 0},
	               {"json", OUT_JSON, 0},
	               {"csv", OUT_CSV, 1},
	               {"md", OUT_MD, 1}};
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(v, formats[i].name) == 0 && (allow_csv_md || !formats[i].extra)) {
			c->format = formats[i].f;
			return 0;
		}
	char *shown = text_sanitize(v, strlen(v), 0, NULL); /* argv is anyone's bytes */
	fprintf(stderr, "baogao: --format takes table, tsv or json%s, not '%s'\n",
	        allow_csv_md ? " (csv and md for compare)" : "", shown ? shown : "?");
	free(shown);
	return -1;
}

int cli_parse_int(const char *cmd, const char *opt, const char *v, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (errno || end == v || *end || n < lo || n > hi) {
		cli_usage_error(cmd, "%s takes a number from %d to %d, not '%s'", opt, lo, hi, v);
		return -1;
	}
	*out = (int)n;
	return 0;
}
