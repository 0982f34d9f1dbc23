/* cmd_ingest.c — `baogao ingest PATH…`. */
#include "config.h"

#include <ftw.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "ingest/ingest.h"
#include "text/text.h"

struct ingest_report_ctx {
	int quiet;
	/* progress, on a terminal only: files and bytes done of those counted
	 * before the start */
	int progress;
	long files, files_done;
	double bytes, bytes_done;
	struct timespec start, last;
	int shown;
};

static double seconds_since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static struct ingest_report_ctx *counting;

static int count_file(const char *path, const struct stat *st, int type, struct FTW *f)
{
	const char *base = path + f->base;
	if (f->level > 0 && base[0] == '.')
		return type == FTW_D ? FTW_SKIP_SUBTREE : 0;
	if (type == FTW_F && S_ISREG(st->st_mode)) {
		counting->files++;
		counting->bytes += (double)st->st_size;
	}
	return 0;
}

/* "  1,234/10,000 files · 45.6/412.0 MB · 4.1 MB/s · 1:27 left" on stderr,
 * rewritten in place at most ten times a second */
static void draw_progress(struct ingest_report_ctx *r, int force)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!force && r->shown && seconds_since(&r->last, &now) < 0.1)
		return;
	r->last = now;
	double t = seconds_since(&r->start, &now), rate = t > 0 ? r->bytes_done / t : 0;
	char left[64] = "";
	if (rate > 0 && r->bytes > r->bytes_done && t > 1) {
		long s = (long)((r->bytes - r->bytes_done) / rate);
		snprintf(left, sizeof left, " · %ld:%02ld left", s / 60, s % 60);
	}
	fprintf(stderr, "\r\033[K  %ld/%ld files · %.1f/%.1f MB · %.1f MB/s%s", r->files_done,
	        r->files, r->bytes_done / 1e6, r->bytes / 1e6, rate / 1e6, left);
	fflush(stderr);
	r->shown = 1;
}

static void clear_progress(struct ingest_report_ctx *r)
{
	if (r->progress && r->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		r->shown = 0;
	}
}

static void say_waiting(void *ctx)
{
	clear_progress(ctx);
	fputs("baogao ingest: another ingest is storing into this database: waiting for its "
	      "turn to end\n",
	      stderr);
}

/* File names come from the user's disk and may hold anything: shown inert. */
static void report(void *ctx, const char *path, enum ingest_outcome o, const char *reason)
{
	struct ingest_report_ctx *r = ctx;
	if (r->progress) {
		struct stat st;
		r->files_done++;
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			r->bytes_done += (double)st.st_size;
		if (!(r->quiet && (o == INGEST_STORED || o == INGEST_REPLACED ||
		                   o == INGEST_UNCHANGED || o == INGEST_SKIPPED)))
			clear_progress(r);
	}
	char *p = text_sanitize(path, strlen(path), 0, NULL);
	switch (o) {
	case INGEST_STORED:
		if (!r->quiet)
			printf("stored     %s\n", p);
		break;
	case INGEST_REPLACED:
		if (!r->quiet)
			printf("replaced   %s\n", p);
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
	fflush(stdout);
	if (r->progress)
		draw_progress(r, 0);
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
			fputs(
			    "Usage: baogao ingest [-q] PATH...\n"
			    "Stores reports: text (UTF-8, UTF-16, GB18030/GBK, Big5; 繁體 read as\n"
			    "simplified for search), web pages and .mht archives, PDF, .docx and "
			    ".odt.\n"
			    "Hard-wrapped text (pdftotext) is rejoined into paragraphs.  "
			    "Directories\n"
			    "are read recursively, skipping files whose names say they are no "
			    "report\n"
			    "(.tsv, .jpg …).  Content already stored, or the same report in "
			    "another\n"
			    "form, is not stored twice; a changed file replaces the document of "
			    "its\n"
			    "path.  A file that cannot be read (.doc, a scan, binary, unknown "
			    "encoding)\n"
			    "is refused with its reason and what to do; the others are still "
			    "stored.\n"
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
	model_wait_for_writer(m, say_waiting, &r);
	struct doc_sink sink = model_sink(m);
	struct ingest_totals tot = {0};
	/* progress on a terminal, none in a pipe or a log */
	r.progress = isatty(STDERR_FILENO) && getenv("TERM") && strcmp(getenv("TERM"), "dumb") != 0;
	if (r.progress) {
		counting = &r;
		for (int i = optind; i < argc; i++)
			nftw(argv[i], count_file, 16, FTW_PHYS | FTW_ACTIONRETVAL);
		clock_gettime(CLOCK_MONOTONIC, &r.start);
	}
	int rc = ingest_paths(&sink, argv + optind, (size_t)(argc - optind), report, &r, &tot);
	clear_progress(&r);
	if (!r.quiet) {
		printf("%d stored, ", tot.stored);
		if (tot.replaced)
			printf("%d replaced, ", tot.replaced);
		printf("%d unchanged, %d refused", tot.unchanged, tot.refused);
		if (tot.failed) /* unreadable, or the database said no */
			printf(", %d failed", tot.failed);
		if (tot.skipped)
			printf(", %d skipped", tot.skipped);
		putchar('\n');
	}
	return rc ? EXIT_TROUBLE : 0;
}
