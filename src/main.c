/* main.c — global options and command dispatch. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "text/text.h"
#include "ui/ui.h"

static const char usage_text[] =
    "Usage: baogao [GLOBAL OPTIONS] [COMMAND [ARGS]]\n"
    "Browse and search Chinese government work reports (政府工作报告).\n"
    "\n"
    "With no command, opens the browser.  Commands:\n"
    "  docs                          list documents\n"
    "  search [-e] [-i] [--count] [--region R] [--year Y] PATTERN\n"
    "                                search paragraphs (literal; PCRE2 with -e)\n"
    "  show [--width N] DOC [SECTION]  print a document as the viewer lays it out\n"
    "  glossary [TERM]               glossary entries (名词解释)\n"
    "  indicators [--region R] [--year Y] [--kind result|target]\n"
    "                                quantitative statements\n"
    "  compare [--region R] [--year Y]  targets against results\n"
    "  ingest PATH...                add report files or directories\n"
    "  check                         verify the database\n"
    "  browse                        open the browser (the default)\n"
    "\n"
    "Global options:\n"
    "  --db PATH                 database file (default $BAOGAO_DB, else\n"
    "                            $XDG_DATA_HOME/baogao/baogao.db)\n"
    "  --format table|tsv|json   output format of listings (table on a terminal,\n"
    "                            tsv otherwise; compare also takes csv and md)\n"
    "  --ambiguous narrow|wide|auto  width of East Asian ambiguous characters\n"
    "  --config PATH             browser configuration file\n"
    "  -h, --help                this help;  COMMAND --help for a command\n"
    "  -V, --version             print the version\n"
    "\n"
    "Environment: BAOGAO_DB (database), BAOGAO_DATADIR (seeds/ and data/),\n"
    "  BAOGAO_NO_SEEDS=1 (a new database starts empty), NO_COLOR.\n"
    "\n"
    "Exit status: 0 success, 1 nothing found, 2 error.  See baogao(1).\n";

struct command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
};

static const struct command commands[] = {
    {"docs", cmd_docs},         {"search", cmd_search}, {"show", cmd_show},
    {"glossary", cmd_glossary}, {"ingest", cmd_ingest}, {"indicators", cmd_indicators},
    {"compare", cmd_compare},   {"check", cmd_check},
};

/* Takes a global option (with its value) out of argv wherever it stands, so
 * `baogao search --db x 专业镇` and `baogao --db x search 专业镇` both work. */
static int take_global(int *argc, char **argv, const char *name, const char **value)
{
	size_t n = strlen(name);
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		const char *v = NULL;
		int used = 0;
		if (strncmp(argv[i], name, n) == 0 && argv[i][n] == '=') {
			v = argv[i] + n + 1;
			used = 1;
		} else if (strcmp(argv[i], name) == 0) {
			if (i + 1 >= *argc) {
				fprintf(stderr, "baogao: option %s needs a value\n", name);
				return -1;
			}
			v = argv[i + 1];
			used = 2;
		}
		if (used) {
			*value = v;
			memmove(&argv[i], &argv[i + used],
			        (size_t)(*argc - i - used + 1) * sizeof *argv);
			*argc -= used;
			i--;
		}
	}
	return 0;
}

/* Everything written to stdout is checked once, at the end: a full disk
 * or a closed pipe must not look like success. */
static int finish(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (errno != EPIPE)
			fprintf(stderr, "baogao: cannot write the output: %s\n", strerror(errno));
		return EXIT_TROUBLE;
	}
	return rc;
}

int main(int argc, char **argv)
{
	/* Widths come from wcwidth, which needs a UTF-8 LC_CTYPE; the layout
	 * module falls back to its own tables otherwise, and the browser refuses
	 * a non-UTF-8 terminal with a message rather than print mojibake. */
	setlocale(LC_ALL, "");

	struct cli c = {0};
	const char *format = NULL;
	if (take_global(&argc, argv, "--db", &c.db_path) < 0 ||
	    take_global(&argc, argv, "--format", &format) < 0 ||
	    take_global(&argc, argv, "--ambiguous", &c.ambiguous) < 0 ||
	    take_global(&argc, argv, "--config", &c.config) < 0)
		return EXIT_TROUBLE;
	if (c.config && access(c.config, R_OK) != 0) {
		char *shown = text_sanitize(c.config, strlen(c.config), 0, NULL);
		fprintf(stderr, "baogao: --config %s: %s\n", shown ? shown : "?", strerror(errno));
		free(shown);
		return EXIT_TROUBLE;
	}
	c.format = isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_TSV;
	if (format) {
		if (cli_set_format(&c, format, 1) < 0)
			return EXIT_TROUBLE;
		c.format_given = 1;
	}
	if (c.ambiguous) {
		if (strcmp(c.ambiguous, "narrow") == 0)
			text_set_ambiguous_width(1);
		else if (strcmp(c.ambiguous, "wide") == 0)
			text_set_ambiguous_width(2);
		else if (strcmp(c.ambiguous, "auto") != 0) {
			fprintf(stderr,
			        "baogao: --ambiguous takes narrow, wide or auto, not '%s'\n",
			        c.ambiguous);
			return EXIT_TROUBLE;
		}
	}

	const char *cmd = argc > 1 ? argv[1] : "browse";
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
		fputs(usage_text, stdout);
		return finish(0);
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		printf("baogao %s\n", PACKAGE_VERSION);
		return finish(0);
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(cmd, commands[i].name) == 0) {
			int rc = commands[i].run(&c, argc - 1, argv + 1);
			cli_close(&c);
			return finish(rc);
		}
	}
	if (strcmp(cmd, "browse") == 0) {
		if (argc > 2 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0)) {
			fputs("Usage: baogao [browse]\nOpens the browser; press ? inside for every "
			      "key.\n",
			      stdout);
			return finish(0);
		}
		model *m = cli_model(&c);
		if (!m)
			return EXIT_TROUBLE;
		struct ui_options o = {.ambiguous = c.ambiguous, .config = c.config};
		int rc = ui_run(m, &o);
		cli_close(&c);
		return rc;
	}
	char *shown = text_sanitize(cmd, strlen(cmd), 0, NULL); /* argv is anyone's bytes */
	fprintf(stderr, "baogao: unknown command '%s' (try baogao --help)\n", shown ? shown : "?");
	free(shown);
	return EXIT_TROUBLE;
}
