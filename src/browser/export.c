/* export.c — e: the comparison of the chosen region (all regions before one
 * is chosen) saved where the user says.  The prompt offers
 * baogao-compare-REGION.csv in the current directory; the Markdown goes
 * beside it (.md).  Both are written by report/compare_report.c, the schema
 * of `baogao compare --format csv|md`, into a new temporary file in the
 * target's directory (mkstemp: O_CREAT|O_EXCL) renamed into place: never
 * through a link another user planted, never half written.  An existing
 * file is replaced only when Enter is pressed twice on its name. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "browser/app.h"
#include "browser/export.h"
#include "model/indicators.h"
#include "report/compare_report.h"

void compare_export_default(const struct ui *u, char *buf, size_t size)
{
	/* region names are Chinese words, but a slash in one must not make a
	 * path */
	snprintf(buf, size, "baogao-compare-%s.csv", u->region ? u->region : "all");
	for (char *p = buf; *p; p++)
		if (*p == '/' || (unsigned char)*p < 0x20)
			*p = '_';
}

/* Writes one file: a temporary file beside path, renamed onto it. */
static int write_file(const char *path, enum out_format f, const struct compare_row *rows, size_t n,
                      const char **why)
{
	char tmp[PATH_MAX];
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path) + 1 : 0;
	if (snprintf(tmp, sizeof tmp, "%.*s.baogao-export-XXXXXX", dirlen, path) >=
	    (int)sizeof tmp) {
		*why = strerror(ENAMETOOLONG);
		return -1;
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*why = strerror(errno);
		return -1;
	}
	mode_t mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask); /* as any file the user creates */
	FILE *fp = fdopen(fd, "w");
	if (!fp) {
		*why = strerror(errno);
		close(fd);
		unlink(tmp);
		return -1;
	}
	if (f == OUT_CSV)
		fputs("\xef\xbb\xbf", fp); /* so spreadsheet programs read UTF-8 */
	int bad = compare_report_write(fp, f, rows, n, 0) < 0;
	int err = errno;
	if (fclose(fp) != 0 && !bad) {
		bad = 1;
		err = errno;
	}
	if (!bad && rename(tmp, path) != 0) {
		bad = 1;
		err = errno;
	}
	if (bad) {
		*why = strerror(err);
		unlink(tmp);
		return -1;
	}
	return 0;
}

static int exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

int compare_export(struct ui *u, const char *typed, int confirmed)
{
	char path[PATH_MAX], md[PATH_MAX + 4];
	const char *home = getenv("HOME");
	if (!typed || !*typed) {
		ui_message(u, EL_MESSAGE, "export cancelled");
		return 0;
	}
	if (typed[0] == '~' && typed[1] == '/' && home && *home)
		snprintf(path, sizeof path, "%s%s", home, typed + 1);
	else
		snprintf(path, sizeof path, "%s", typed);
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		char name[256];
		compare_export_default(u, name, sizeof name);
		size_t len = strlen(path);
		snprintf(path + len, sizeof path - len, "%s%s",
		         len && path[len - 1] == '/' ? "" : "/", name);
	}
	size_t len = strlen(path);
	if (len > 4 && strcmp(path + len - 4, ".csv") == 0)
		snprintf(md, sizeof md, "%.*s.md", (int)(len - 4), path);
	else
		snprintf(md, sizeof md, "%s.md", path);
	if (!confirmed && (exists(path) || exists(md))) {
		ui_message(u, EL_ERROR, "%s exists: Enter again replaces it, or edit the name",
		           exists(path) ? path : md);
		return 1;
	}
	struct compare_row *rows = NULL;
	size_t n = 0;
	if (model_compare(u->m, u->region, 0, &rows, &n) < 0) {
		ui_message(u, EL_ERROR, "export: %s", model_error(u->m));
		return 0;
	}
	if (n == 0) {
		ui_message(u, EL_ERROR, "export: no targets for %s",
		           u->region ? u->region : "any region");
		model_compare_free(rows, n);
		return 0;
	}
	const char *why = NULL;
	int rc = write_file(path, OUT_CSV, rows, n, &why);
	if (rc == 0)
		rc = write_file(md, OUT_MD, rows, n, &why);
	if (rc == 0)
		ui_message(u, EL_MESSAGE, "exported %zu rows: %s (and .md)", n, path);
	else
		ui_message(u, EL_ERROR, "export to %s failed: %s", path, why);
	model_compare_free(rows, n);
	return rc == 0 ? 0 : 1;
}
