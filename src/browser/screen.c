/* screen.c — lays the panes out for the screen's size (the layouts are in
 * screen.h; below 40 × 10 a message asks for a larger terminal), owns the
 * focus and the zoom, draws the borders and the status line, and routes keys
 * (htop's ScreenManager).  Every pane stays reachable with Tab: focusing a
 * pane shows it in its tile. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/app.h"
#include "browser/draw.h"
#include "browser/export.h"
#include "browser/prompt.h"
#include "browser/screen.h"
#include "browser/search.h"
#include "text/text.h"

#define MIN_COLS 40
#define MIN_ROWS 10

/* Visual order, left to right: the order Tab follows. */
static const int tab_order[PANE_COUNT] = {PANE_DISTRICT, PANE_TREE, PANE_VIEWER, PANE_INDICATORS};

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void add_tile(struct layout *l, int row, int col, int w, int h, unsigned mask)
{
	l->tile[l->ntiles++] = (struct tile){row, col, w, h, mask};
}

#define BIT(p) (1u << (p))

struct layout screen_tiles(int rows, int cols, int district_rows)
{
	struct layout l = {0};
	int body = rows - 1;
	if (cols >= 160) {
		int d = clampi(cols * 14 / 100, 20, 30);
		int t = clampi(cols * 20 / 100, 26, 44);
		int i = clampi(cols * 27 / 100, 44, 64);
		int v = cols - d - t - i - 3;
		int x = 0;
		add_tile(&l, 0, x, d, body, BIT(PANE_DISTRICT));
		x += d;
		l.border[l.nborders++] = x++;
		add_tile(&l, 0, x, t, body, BIT(PANE_TREE));
		x += t;
		l.border[l.nborders++] = x++;
		add_tile(&l, 0, x, v, body, BIT(PANE_VIEWER));
		x += v;
		l.border[l.nborders++] = x++;
		add_tile(&l, 0, x, i, body, BIT(PANE_INDICATORS));
		return l;
	}
	if (cols < 60) {
		add_tile(&l, 0, 0, cols, body,
		         BIT(PANE_DISTRICT) | BIT(PANE_TREE) | BIT(PANE_VIEWER) |
		             BIT(PANE_INDICATORS));
		return l;
	}
	int left = cols >= 100 ? clampi(cols * 30 / 100, 28, 44) : clampi(cols * 32 / 100, 22, 34);
	int right = cols - left - 1;
	l.border[l.nborders++] = left;
	if (body >= 20) {
		/* The district list gets the rows it needs, up to two fifths. */
		int dh = clampi(district_rows + 1, 5, body * 2 / 5);
		add_tile(&l, 0, 0, left, dh, BIT(PANE_DISTRICT));
		add_tile(&l, dh, 0, left, body - dh, BIT(PANE_TREE));
	} else {
		add_tile(&l, 0, 0, left, body, BIT(PANE_DISTRICT) | BIT(PANE_TREE));
	}
	if (cols >= 100 && body >= 20) {
		int ih = clampi(body * 35 / 100, 6, 16);
		add_tile(&l, 0, left + 1, right, body - ih, BIT(PANE_VIEWER));
		add_tile(&l, body - ih, left + 1, right, ih, BIT(PANE_INDICATORS));
	} else {
		add_tile(&l, 0, left + 1, right, body, BIT(PANE_VIEWER) | BIT(PANE_INDICATORS));
	}
	return l;
}

void screen_layout(struct ui *u)
{
	int rows = u->canvas->rows, cols = u->canvas->cols;
	u->too_small = cols < MIN_COLS || rows < MIN_ROWS;
	u->stamp[u->focus] = ++u->tick;
	if (u->too_small)
		return;
	int body = rows - 1;
	if (u->overlay) {
		panel_place(u->overlay, 0, 0, cols, body);
		return;
	}
	if (u->zoom) {
		for (int i = 0; i < PANE_COUNT; i++)
			u->shown[i] = i == u->focus;
		panel_place(u->pane[u->focus], 0, 0, cols, body);
		u->layout.nborders = 0;
		return;
	}
	struct layout l = screen_tiles(rows, cols, (int)u->pane[PANE_DISTRICT]->count);
	u->layout = l;
	for (int i = 0; i < PANE_COUNT; i++)
		u->shown[i] = 0;
	/* each tile shows the pane of its own focused last */
	for (int c = 0; c < l.ntiles; c++) {
		const struct tile *t = &l.tile[c];
		int best = -1;
		for (int i = 0; i < PANE_COUNT; i++)
			if ((t->mask & BIT(i)) && (best < 0 || u->stamp[i] > u->stamp[best]))
				best = i;
		for (int i = 0; i < PANE_COUNT; i++)
			if (t->mask & BIT(i))
				panel_place(u->pane[i], t->row, t->col, t->w, t->h);
		u->shown[best] = 1;
	}
}

/* region › document › section */
static void breadcrumb(struct ui *u, char *buf, size_t size)
{
	const char *title =
	    u->docinfo.title && *u->docinfo.title ? u->docinfo.title : u->docinfo.source;
	int n = snprintf(buf, size, "%s", u->region ? u->region : "baogao");
	if (u->doc && title && n >= 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, MODEL_PATH_SEP "%s", title);
	/* the deepest section says most in a short line */
	if (u->doc && u->heading && *u->heading && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, MODEL_PATH_SEP "%s", u->heading);
}

static void draw_status(struct ui *u, int row, int cols)
{
	if (prompt_active(u)) {
		/* a message from the prompt's last Enter (the export's "exists")
		 * stays beside it */
		int mw = 0;
		if (u->msg[0]) {
			mw = text_width_cstr(u->msg) + 2;
			if (mw > cols / 2)
				mw = cols / 2;
			draw_text_ellipsis(row, cols - mw, mw, u->msg, u->msg_elem);
		}
		prompt_draw(u, row, cols - mw);
		return;
	}
	draw_cursor(-1, 0);
	char right[256], pos[64] = "";
	struct pane *viewer = u->pane[PANE_VIEWER];
	if (!u->overlay && u->doc && viewer->ops->position)
		viewer->ops->position(viewer, pos, sizeof pos);
	char found[160] = "";
	long total = search_total(u->search);
	if (total >= 0)
		snprintf(found, sizeof found, " %s%s %ld/%ld",
		         search_is_regex(u->search) ? "re:" : "", search_pattern(u->search),
		         search_current(u->search), total);
	/* The key hint goes first when the right half is short of room. */
	snprintf(right, sizeof right, "%s%s  ?帮助 q退出 ", pos, found);
	/* The search pattern is user input: measure it sanitized. */
	char *clean_right = text_sanitize(right, strlen(right), 0, NULL);
	int rw = text_width_cstr(clean_right);
	if (rw > cols / 2) {
		free(clean_right);
		snprintf(right, sizeof right, "%s%s ", pos, found);
		clean_right = text_sanitize(right, strlen(right), 0, NULL);
		rw = text_width_cstr(clean_right);
	}
	if (rw > cols / 2)
		rw = cols / 2;
	int lw = cols - rw;
	if (u->msg[0]) {
		char msg[600];
		snprintf(msg, sizeof msg, " %s", u->msg);
		draw_text_ellipsis(row, 0, lw, msg, u->msg_elem);
	} else {
		char crumb[1024];
		crumb[0] = ' ';
		breadcrumb(u, crumb + 1, sizeof crumb - 1);
		draw_text_ellipsis(row, 0, lw, crumb, EL_STATUS);
	}
	char *fit = text_fit_right(clean_right, rw);
	draw_text(row, lw, rw, fit, EL_STATUS_KEY);
	free(fit);
	free(clean_right);
}

void screen_draw_status(struct ui *u)
{
	int rows = u->canvas->rows, cols = u->canvas->cols;
	if (u->too_small || rows < 1)
		return;
	/* over the prompt too: the search it started is what runs */
	char msg[600];
	snprintf(msg, sizeof msg, " %s", u->msg);
	draw_begin(u->canvas);
	draw_cursor(-1, 0);
	draw_text_ellipsis(rows - 1, 0, cols, msg, u->msg_elem);
	if (u->host.show)
		u->host.show(u->host.ctx, u->canvas);
}

void screen_draw(struct ui *u)
{
	struct canvas *c = u->canvas;
	int rows = c->rows, cols = c->cols;
	draw_begin(c);
	canvas_clear(c); /* every tile is drawn whole, every frame */
	if (u->too_small) {
		/* wrapped, so that a very small terminal still reads all of it */
		char msg[160];
		snprintf(msg, sizeof msg,
		         "Terminal too small: %d×%d. baogao needs %d×%d. Enlarge it, or press q.",
		         cols, rows, MIN_COLS, MIN_ROWS);
		text_line *lines = NULL;
		size_t n = text_wrap(msg, strlen(msg), cols > 0 ? cols : 1, 0, &lines);
		for (size_t i = 0; i < n && (int)i < rows; i++) {
			char *part = strndup(msg + lines[i].start, lines[i].end - lines[i].start);
			if (part)
				draw_text((int)i, 0, cols, part, i ? EL_NORMAL : EL_ERROR);
			free(part);
		}
		free(lines);
		return;
	}
	if (u->overlay) {
		panel_draw(u->overlay);
	} else {
		for (int i = 0; i < PANE_COUNT; i++)
			if (u->shown[i])
				panel_draw(u->pane[i]);
		for (int b = 0; b < u->layout.nborders && !u->zoom; b++)
			draw_border(u->layout.border[b], 0, rows - 1);
	}
	draw_status(u, rows - 1, cols);
}

void screen_focus(struct ui *u, int id)
{
	if (id < 0 || id >= PANE_COUNT)
		return;
	u->focus = id;
	for (int i = 0; i < PANE_COUNT; i++)
		u->pane[i]->focused = i == id && !u->overlay;
	screen_layout(u);
}

static void open_view(struct ui *u, struct pane *p)
{
	u->overlay = p;
	for (int i = 0; i < PANE_COUNT; i++)
		u->pane[i]->focused = 0;
	p->focused = 1;
	screen_layout(u);
}

static void close_view(struct ui *u)
{
	u->overlay = NULL;
	screen_focus(u, u->focus);
}

static void cycle_focus(struct ui *u, int dir)
{
	int at = 0;
	for (int i = 0; i < PANE_COUNT; i++)
		if (tab_order[i] == u->focus)
			at = i;
	screen_focus(u, tab_order[(at + dir + PANE_COUNT) % PANE_COUNT]);
}

/* The key toggles its view: open (and read afresh), or closed again. */
static void toggle_view(struct ui *u, struct pane *view)
{
	if (u->overlay == view) {
		close_view(u);
		return;
	}
	open_view(u, view);
	view->ops->load(view);
}

static void global_action(struct ui *u, enum action a)
{
	switch (a) {
	case ACT_QUIT:
		if (u->overlay)
			close_view(u);
		else if (u->zoom) {
			u->zoom = 0;
			screen_layout(u);
		} else
			u->quit = 1;
		break;
	case ACT_BACK:
		if (u->overlay)
			close_view(u);
		else if (u->zoom) {
			u->zoom = 0;
			screen_layout(u);
		}
		break;
	case ACT_HELP:
		toggle_view(u, u->help);
		break;
	case ACT_RESULTS:
		toggle_view(u, u->results);
		break;
	case ACT_COMPARE:
		toggle_view(u, u->compare);
		break;
	case ACT_EXPORT: {
		/* from the compare view, which knows: nothing to ask where for */
		if (u->overlay == u->compare && u->compare->count == 0) {
			ui_message(u, EL_ERROR, "export: no targets for %s",
			           u->region ? u->region : "any region");
			break;
		}
		char name[256];
		compare_export_default(u, name, sizeof name);
		prompt_open_with(u, PROMPT_EXPORT, name);
		break;
	}
	case ACT_FOCUS_NEXT:
	case ACT_FOCUS_PREV:
		if (!u->overlay)
			cycle_focus(u, a == ACT_FOCUS_NEXT ? 1 : -1);
		break;
	case ACT_FOCUS_1:
	case ACT_FOCUS_2:
	case ACT_FOCUS_3:
	case ACT_FOCUS_4:
		if (!u->overlay)
			screen_focus(u, PANE_DISTRICT + (a - ACT_FOCUS_1));
		break;
	case ACT_ZOOM:
		if (!u->overlay) {
			u->zoom = !u->zoom;
			screen_layout(u);
		}
		break;
	case ACT_REDRAW:
		u->canvas->repaint = 2;
		break;
	case ACT_SEARCH:
		prompt_open(u, u->overlay ? PROMPT_FIND : PROMPT_SEARCH);
		break;
	case ACT_FIND:
		prompt_open(u, PROMPT_FIND);
		break;
	case ACT_SEARCH_NEXT:
	case ACT_SEARCH_PREV: {
		int dir = a == ACT_SEARCH_NEXT ? 1 : -1;
		if (u->overlay) {
			if (!panel_find(u->overlay, NULL, dir))
				ui_message(u, EL_ERROR, "not found");
		} else {
			search_step(u, dir);
		}
		break;
	}
	default:
		break;
	}
}

void screen_mouse(struct ui *u, enum mouse_kind kind, int row, int col)
{
	if (kind == MOUSE_NONE || u->too_small)
		return;
	struct pane *target = NULL;
	if (u->overlay) {
		target = u->overlay;
	} else {
		for (int i = 0; i < PANE_COUNT; i++) {
			struct pane *p = u->pane[i];
			if (u->shown[i] && row >= p->row && row < p->row + p->height &&
			    col >= p->col && col < p->col + p->width) {
				target = p;
				if (kind == MOUSE_CLICK && u->focus != i)
					screen_focus(u, i);
			}
		}
	}
	if (!target)
		return;
	if (kind == MOUSE_WHEEL_UP || kind == MOUSE_WHEEL_DOWN)
		panel_wheel(target, kind == MOUSE_WHEEL_UP ? -1 : 1);
	else
		panel_click(target, row);
}

/* What a list's key op asked for (enum key_result). */
static void finish_key(struct ui *u, int r)
{
	if ((r & KR_CLOSE) == KR_CLOSE && u->overlay)
		close_view(u);
	if ((r & KR_READ) == KR_READ)
		screen_focus(u, PANE_VIEWER);
	else if ((r & KR_TO_TREE) == KR_TO_TREE)
		screen_focus(u, PANE_TREE);
}

static void route_key(struct ui *u, int key)
{
	if (prompt_active(u)) {
		prompt_key(u, key);
		return;
	}
	struct pane *ctx = u->overlay ? u->overlay : u->pane[u->focus];
	enum action a = keys_lookup(ctx->ops->keymap, key);
	if (u->too_small && a != ACT_QUIT && a != ACT_REDRAW)
		return;
	if (a == ACT_NONE) {
		char name[32];
		key_format(key, name, sizeof name);
		ui_message(u, EL_MESSAGE, "%s: no action here (? lists the keys)", name);
		return;
	}
	int r = ctx->ops->key ? ctx->ops->key(ctx, a) : KR_IGNORED;
	if (r) {
		finish_key(u, r);
		return;
	}
	if (panel_key(ctx, a))
		return;
	global_action(u, a);
}

void screen_key(struct ui *u, int key)
{
	u->msg[0] = '\0';
	struct mark before = u->mark;
	route_key(u, key);
	/* After a jump (a match, a source sentence), where the viewer shares a
	 * column with the focused pane it comes forward: a jump is for reading. */
	if (memcmp(&before, &u->mark, sizeof before) != 0 && !u->shown[PANE_VIEWER] &&
	    !u->overlay && u->mark.paragraph)
		screen_focus(u, PANE_VIEWER);
}
