/* cmd_ingest.c — `baogao ingest PATH…`. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "ingest/ingest.h"
#include "text/text.h"

struct ingest_report_ctx {
	int quiet;
};

/* File names come from the user's disk and may hold anything: shown inert. */
static void report(void *ctx, const char *path, enum ingest_outcome o, const char *reason)
{
	struct ingest_report_ctx *r = ctx;
	char *p = text_sanitize(path, strlen(path), 0, NULL);
	switch (o) {
	case INGEST_STORED:
		if (!r->quiet)
			printf("stored     %s\n", p);
		break;
	case INGEST_UNCHANGED:
		if (!r->quiet && reason)
			printf("unchanged  %s (%s)\n", p, reason);
		else if (!r->quiet)
			printf("unchanged  %s\n", p);
		break;
	case INGEST_REFUSED:
		fprintf(stderr, "baogao ingest: %s: refused: %s\n", p,
		        reason ? reason : "unreadable");
		break;
	case INGEST_FAILED:
		fprintf(stderr, "baogao ingest: %s: failed: %s\n", p,
		        reason ? reason : "database error");
		break;
	case INGEST_SKIPPED:
		if (!r->quiet)
			printf("skipped    %s: %s\n", p, reason ? reason : "not a report");
		break;
	}
	free(p);
}

int cmd_ingest(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"help", no_argument, NULL, 'h'}, {"quiet", no_argument, NULL, 'q'}, {0}};
	struct ingest_report_ctx r = {0};
	optind = 1;
	int ch;
	while ((ch = getopt_long(argc, argv, "+hq", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			fputs("Usage: baogao ingest [-q] PATH...\n"
			      "Stores reports: text (UTF-8, UTF-16, GB18030/GBK, Big5; 繁體 read as\n"
			      "simplified for search), web pages and .mht archives, PDF, .docx and .odt.\n"
			      "Hard-wrapped text (pdftotext) is rejoined into paragraphs.  Directories\n"
			      "are read recursively, skipping files whose names say they are no report\n"
			      "(.tsv, .jpg …).  Content already stored, or the same report in another\n"
			      "form, is not stored twice; a changed file replaces the document of its\n"
			      "path.  A file that cannot be read (.doc, a scan, binary, unknown encoding)\n"
			      "is refused with its reason and what to do; the others are still stored.\n"
			      "  -q, --quiet   report refusals only\n"
			      "Exit status 2 when any file was refused.\n",
			      stdout);
			return 0;
		case 'q':
			r.quiet = 1;
			break;
		default:
			return cli_usage_error("ingest", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("ingest", "no file or directory given");
	model *m = cli_model(c);
	if (!m)
		return EXIT_TROUBLE;
	struct doc_sink sink = model_sink(m);
	struct ingest_totals tot = {0};
	int rc = ingest_paths(&sink, argv + optind, (size_t)(argc - optind), report, &r, &tot);
	if (!r.quiet) {
		printf("%d stored, %d unchanged, %d refused", tot.stored, tot.unchanged,
		       tot.refused);
		if (tot.failed) /* unreadable, or the database said no */
			printf(", %d failed", tot.failed);
		if (tot.skipped)
			printf(", %d skipped", tot.skipped);
		putchar('\n');
	}
	return rc ? EXIT_TROUBLE : 0;
}
