/* cli.h — the command line: one function per command, sharing option
 * handling, database opening and output formatting. */
#ifndef BAOGAO_CLI_H
#define BAOGAO_CLI_H

#include "model/model.h"
#include "report/output.h"

struct cli {
	const char *db_path;   /* --db */
	const char *ambiguous; /* --ambiguous */
	const char *config;    /* --config */
	enum out_format format;
	int format_given;
	model *m;
};

/* Opens the database; when it holds no document yet, ingests the bundled
 * seeds first (telling stderr).  Prints an error and returns NULL on failure. */
model *cli_model(struct cli *c);
void cli_close(struct cli *c);
/* Exit statuses: 0 ok, 1 nothing found (grep's habit), 2 usage or data error. */
enum { EXIT_NOTFOUND = 1, EXIT_TROUBLE = 2 };
int cli_usage_error(const char *cmd, const char *fmt, ...);
/* Parses a --format value into c->format; returns 0 or prints and returns -1. */
int cli_set_format(struct cli *c, const char *v, int allow_csv_md);
/* Parses a positive int; returns 0 or prints and returns -1. */
int cli_parse_int(const char *cmd, const char *opt, const char *v, int lo, int hi, int *out);

int cmd_docs(struct cli *c, int argc, char **argv);
int cmd_search(struct cli *c, int argc, char **argv);
int cmd_show(struct cli *c, int argc, char **argv);
int cmd_glossary(struct cli *c, int argc, char **argv);
int cmd_ingest(struct cli *c, int argc, char **argv);
int cmd_indicators(struct cli *c, int argc, char **argv);
int cmd_compare(struct cli *c, int argc, char **argv);
int cmd_check(struct cli *c, int argc, char **argv);

#endif
