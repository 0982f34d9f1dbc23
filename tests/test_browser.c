/* test_browser.c — the browser core without a terminal (tig's save-display
 * and assert): keys go into browser_key, the canvas comes out as text and is
 * compared with tests/golden/NAME-COLSxROWS.txt, whole (the text, then the
 * runs drawn in an element other than plain text), for the first
 * screen, a search, its results, the compare view and help, at 80×24 and
 * 120×40.  A pane whose text changes fails here; when the change is meant,
 * BAOGAO_UPDATE_GOLDEN=1 make check TESTS=tests/test_browser writes the new
 * screens (review them with git diff).  The tmux tests stay as acceptance
 * tests of the real terminal. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "browser/browser.h"
#include "browser/prompt.h"
#include "browser/screen.h"
#include "browser/search.h"
#include "browser/search_int.h"
#include "browser/uiconfig.h"
#include "check.h"
#include "ingest/ingest.h"
#include "model/sink.h"
#include "text/text.h"

static const char *srcdir(void)
{
	const char *d = getenv("top_srcdir");
	return d && *d ? d : BAOGAO_SRCDIR;
}

/* Keys written as in data/keys.conf, run together: "f上党区<Enter>3". */
static void type_keys(struct ui *u, const char *keys)
{
	for (const char *p = keys; *p;) {
		int key;
		if (*p == '<' && strchr(p, '>') && strchr(p, '>') - p > 1) {
			const char *end = strchr(p, '>');
			char name[32];
			snprintf(name, sizeof name, "%.*s", (int)(end - p + 1), p);
			key = key_parse(name);
			p = end + 1;
		} else {
			uint32_t cp;
			p += utf8_decode(p, strlen(p), &cp);
			key = (int)cp;
		}
		CHECK_MSG(key > 0, "a key of \"%s\"", keys);
		if (key > 0)
			browser_key(u, key);
	}
}

static char *screen_text(struct ui *u)
{
	struct canvas *c = browser_draw(u);
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	if (!fp)
		abort();
	for (int r = 0; r < c->rows; r++) {
		char *row = canvas_row_text(c, r);
		fprintf(fp, "%s\n", row);
		free(row);
	}
	/* then what is not plain text: each row's runs of one element (the
	 * selection, the focus, matches, headings), "row: from-to element" */
	fputs("--\n", fp);
	for (int r = 0; r < c->rows; r++) {
		const struct canvas_cell *cell = c->cells + (size_t)r * (size_t)c->cols;
		for (int x = 0; x < c->cols;) {
			int from = x;
			unsigned char e = cell[x].elem;
			while (x < c->cols && cell[x].elem == e)
				x++;
			if (e != EL_NORMAL && e != EL_BORDER)
				fprintf(fp, "%d: %d-%d %s\n", r, from, x - 1,
				        elem_name((enum elem)e));
		}
	}
	if (c->cursor_row >= 0)
		fprintf(fp, "cursor %d %d\n", c->cursor_row, c->cursor_col);
	fclose(fp);
	return out;
}

static char *slurp_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		fwrite(chunk, 1, n, out);
	fclose(fp);
	fclose(out);
	return buf;
}

/* The first line where two screens differ, both shown. */
static void show_difference(const char *name, const char *want, const char *got)
{
	int line = 1;
	while (*want && *got) {
		const char *we = strchr(want, '\n'), *ge = strchr(got, '\n');
		size_t wl = we ? (size_t)(we - want) : strlen(want);
		size_t gl = ge ? (size_t)(ge - got) : strlen(got);
		if (wl != gl || memcmp(want, got, wl) != 0) {
			fprintf(stderr, "%s: line %d\n  golden: %.*s\n  now:    %.*s\n", name, line,
			        (int)wl, want, (int)gl, got);
			return;
		}
		want += wl + (we ? 1 : 0);
		got += gl + (ge ? 1 : 0);
		line++;
	}
	fprintf(stderr, "%s: one screen is longer, from line %d\n", name, line);
}

static void expect_screen(struct ui *u, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/golden/%s-%dx%d.txt", srcdir(), name, u->canvas->cols,
	         u->canvas->rows);
	char *got = screen_text(u);
	if (getenv("BAOGAO_UPDATE_GOLDEN")) {
		FILE *fp = fopen(path, "w");
		CHECK_MSG(fp != NULL, "cannot write %s", path);
		if (fp) {
			fputs(got, fp);
			fclose(fp);
		}
		free(got);
		return;
	}
	char *want = slurp_file(path);
	CHECK_MSG(want != NULL, "no golden screen %s", path);
	if (want) {
		int same = strcmp(want, got) == 0;
		if (!same)
			show_difference(path, want, got);
		CHECK_MSG(same, "the screen %s changed", name);
	}
	free(want);
	free(got);
}

static struct ui *start(model *m, int rows, int cols)
{
	/* /dev/null: no user configuration, whoever runs the test */
	struct browser_host none = {0};
	struct ui *u = browser_new(m, "/dev/null", none);
	browser_resize(u, rows, cols);
	return u;
}

struct scene {
	const char *name, *keys;
};

static const struct scene scenes[] = {
    {"first", ""},
    {"search", "/专业镇<Enter>"},
    {"results", "/增长<Enter>r"},
    {"compare", "f上党区<Enter>c"},
    {"help", "?"},
    {"viewer", "f上党区<Enter><Enter><Tab><Tab>jjjj"},
};

static void test_screens(model *m)
{
	static const int sizes[][2] = {{24, 80}, {40, 120}};
	for (size_t z = 0; z < 2; z++) {
		for (size_t i = 0; i < sizeof scenes / sizeof scenes[0]; i++) {
			struct ui *u = start(m, sizes[z][0], sizes[z][1]);
			type_keys(u, scenes[i].keys);
			expect_screen(u, scenes[i].name);
			browser_free(u);
		}
	}
}

/* The layout is a function of the size: tiles cover the body, side by side
 * at 160 columns, one at a time below 60. */
static void test_layout(void)
{
	static const int sizes[][2] = {{24, 80}, {40, 120}, {70, 250}, {30, 59}, {21, 100}};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		int rows = sizes[i][0], cols = sizes[i][1];
		struct layout l = screen_tiles(rows, cols, 8);
		unsigned all = 0;
		long area = 0;
		for (int t = 0; t < l.ntiles; t++) {
			all |= l.tile[t].mask;
			area += (long)l.tile[t].w * l.tile[t].h;
			CHECK(l.tile[t].col + l.tile[t].w <= cols);
			CHECK(l.tile[t].row + l.tile[t].h <= rows - 1);
		}
		CHECK_MSG(all == 15, "every pane has a tile at %dx%d", cols, rows);
		CHECK_MSG(area + (long)l.nborders * (rows - 1) == (long)cols * (rows - 1),
		          "tiles and borders cover the body at %dx%d", cols, rows);
	}
	CHECK_INT(screen_tiles(70, 250, 8).ntiles, 4);
	CHECK_INT(screen_tiles(70, 250, 8).nborders, 3);
	CHECK_INT(screen_tiles(30, 59, 8).ntiles, 1);
	CHECK_INT(screen_tiles(40, 120, 8).ntiles, 4);
	CHECK_INT(screen_tiles(24, 80, 8).ntiles, 3); /* viewer and indicators share one */
}

/* Without data/keys.conf the browser has the same keys, from the copy
 * built in (config_fallback_keys): one definition, the file. */
static void test_builtin_keys(void)
{
	char path[4096], from_file[KM_COUNT][ACT_COUNT][128];
	snprintf(path, sizeof path, "%s/data/keys.conf", srcdir());
	struct ui_settings set = {0};
	keys_clear();
	CHECK_INT(config_load(path, &set, NULL, 0), 0);
	int bound = 0;
	for (int km = 0; km < KM_COUNT; km++)
		for (int a = 1; a < ACT_COUNT; a++)
			bound +=
			    keys_for((enum keymap)km, (enum action)a, from_file[km][a], 128) > 0;
	CHECK(bound > 30);
	keys_clear();
	config_fallback_keys(&set);
	for (int km = 0; km < KM_COUNT; km++)
		for (int a = 1; a < ACT_COUNT; a++) {
			char built_in[128];
			keys_for((enum keymap)km, (enum action)a, built_in, sizeof built_in);
			CHECK_MSG(strcmp(built_in, from_file[km][a]) == 0, "%s %s: %s, file %s",
			          keymap_name((enum keymap)km), action_name((enum action)a),
			          built_in, from_file[km][a]);
		}
	keys_clear();
}

/* What the core does without a screen to see it on. */
static void test_behaviour(model *m)
{
	struct ui *u = start(m, 24, 80);
	/* q quits with status 0 */
	int status = -1;
	CHECK(!browser_quit(u, &status));
	type_keys(u, "q");
	CHECK(browser_quit(u, &status));
	CHECK_INT(status, 0);
	browser_free(u);

	/* a search remembers its pattern and total; n moves the current match */
	u = start(m, 24, 80);
	type_keys(u, "/增长<Enter>");
	CHECK_STR(search_pattern(u->search), "增长");
	long total = search_total(u->search);
	CHECK(total > 10);
	/* the first match at or after the viewer's place */
	long first = search_current(u->search);
	CHECK(first >= 1 && first <= total);
	type_keys(u, "nn");
	CHECK_INT(search_current(u->search), first + 2);
	type_keys(u, "N");
	CHECK_INT(search_current(u->search), first + 1);
	/* the viewer holds the match's paragraph */
	CHECK(u->mark.paragraph > 0);
	CHECK_INT(u->mark.cp_end - u->mark.cp_start, 2);
	/* n walks the documents in the district list's order (model_docs) */
	struct doc_info *all = NULL;
	size_t nall = 0;
	CHECK_INT(model_docs(m, NULL, &all, &nall), 0);
	size_t at = 0;
	for (size_t i = 0; i < u->search->ndocs; i++) {
		while (at < nall && all[at].id != u->search->docs[i].doc)
			at++;
		CHECK_MSG(at < nall, "search document %zu in the list's order", i);
	}
	CHECK(u->search->ndocs >= 4);
	model_docs_free(all, nall);
	/* the history: ↑ at the prompt recalls it */
	type_keys(u, "/<Up><Enter>");
	CHECK_STR(search_pattern(u->search), "增长");
	browser_free(u);

	/* choosing a region: the indicators follow it, the district list shows it */
	u = start(m, 40, 160);
	type_keys(u, "f上党区<Enter>");
	CHECK_STR(u->region, "上党区");
	char *screen = screen_text(u);
	CHECK(strstr(screen, "指标 · 上党区") != NULL);
	CHECK(strstr(screen, "367") == NULL || strstr(screen, "地区生产总值") != NULL);
	free(screen);
	/* a resize lays the panes out again: one pane at a time below 60 columns */
	browser_resize(u, 24, 50);
	screen = screen_text(u);
	CHECK(strstr(screen, "│") == NULL);
	free(screen);
	/* too small: says so, and q still quits */
	browser_resize(u, 8, 30);
	screen = screen_text(u);
	CHECK(strstr(screen, "Terminal too small") != NULL);
	free(screen);
	type_keys(u, "q");
	CHECK(browser_quit(u, NULL));
	browser_free(u);
}

/* A test database and its -wal and -shm. */
static void remove_db(const char *db)
{
	static const char *const ext[] = {"", "-wal", "-shm"};
	for (int i = 0; i < 3; i++) {
		char path[4200];
		snprintf(path, sizeof path, "%s%s", db, ext[i]);
		unlink(path);
	}
}

/* A report with no targets: e in its compare view says so, asks nothing. */
static void test_export_nothing(void)
{
	char db[] = "/tmp/baogao-test-browser-empty-XXXXXX";
	int fd = mkstemp(db);
	if (fd < 0)
		return;
	close(fd);
	unlink(db);
	model *m = model_open(db, NULL);
	CHECK(m != NULL);
	if (!m)
		return;
	struct doc_sink sink = model_sink(m);
	static const char text[] = "# 清水镇2024年政府工作报告\n\n各位代表：现在向大会报告工作。\n";
	const char *why = NULL;
	CHECK_INT(ingest_buffer(&sink, "qingshui.txt", text, strlen(text), &why), INGEST_STORED);
	struct ui *u = start(m, 24, 80);
	type_keys(u, "ce");
	CHECK(!prompt_active(u));
	CHECK(strstr(u->msg, "no targets") != NULL);
	browser_free(u);
	model_close(m);
	remove_db(db);
}

int main(void)
{
	text_set_ambiguous_width(1);
	char db[] = "/tmp/baogao-test-browser-XXXXXX";
	int fd = mkstemp(db);
	if (fd < 0)
		return 99;
	close(fd);
	unlink(db);
	char *err = NULL;
	model *m = model_open(db, &err);
	if (!m) {
		fprintf(stderr, "model_open: %s\n", err ? err : "?");
		return 99;
	}
	static const char *const seeds[] = {"000_52f92cdd47a860e0.txt", "001_135fd757cc0d6b40.txt",
	                                    "002_e65eca995091095e.txt", "003_612c34ce0d4beb46.txt",
	                                    "004_bc0ee4ffd7aec591.txt"};
	char *paths[5];
	for (int i = 0; i < 5; i++) {
		paths[i] = malloc(4096);
		snprintf(paths[i], 4096, "%s/seeds/%s", srcdir(), seeds[i]);
	}
	struct doc_sink sink = model_sink(m);
	struct ingest_totals t = {0};
	CHECK_INT(ingest_paths(&sink, paths, 5, NULL, NULL, &t), 0);
	CHECK_INT(t.stored, 5);
	test_layout();
	test_builtin_keys();
	test_screens(m);
	test_behaviour(m);
	test_export_nothing();
	for (int i = 0; i < 5; i++)
		free(paths[i]);
	model_close(m);
	remove_db(db);
	return check_done();
}
