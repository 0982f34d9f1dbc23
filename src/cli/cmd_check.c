/* cmd_check.c — `baogao check`: is the database whole? */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

int cmd_check(struct cli *c, int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		fputs("Usage: baogao check\n"
		      "Verifies the database (SQLite integrity check and the full-text index).\n"
		      "Prints ok and exits 0 when it is whole, else what is wrong and exits 2.\n",
		      stdout);
		return 0;
	}
	if (argc > 1)
		return cli_usage_error("check", "takes no arguments");
	model *m = cli_model(c);
	if (!m)
		return EXIT_TROUBLE;
	char *report = NULL;
	int rc = model_check(m, &report);
	if (rc < 0)
		fprintf(stderr, "baogao check: %s\n", model_error(m));
	else
		fputs(report ? report : "ok\n", rc ? stderr : stdout);
	free(report);
	return rc ? EXIT_TROUBLE : 0;
}
