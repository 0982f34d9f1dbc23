/* test_forms.c — one report in every form it comes in gives what its clean
 * text gives (issue 11): the readers for PDF, .docx, .odt, web pages, web
 * archives, hard-wrapped and 繁體 text, and the identity of a report across
 * its forms.
 *
 * The fixtures in tests/data/forms/ hold one invented report (清河县, 2024)
 * made from qinghe.fodt by LibreOffice (see the README there); the GBK page,
 * the .mht and the Big5 text are made here from the clean text. */
#include "config.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "ingest/ingest.h"
#include "ingest_rec.h"
#include "model/model.h"
#include "text/fingerprint.h"
#include "text/text.h"

static char forms_dir[4096];

static char *fixture(const char *name, size_t *len)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", forms_dir, name);
	char *b = slurp(path, len);
	if (!b) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(99);
	}
	return b;
}

/* what a report gives, to be the same in every form */
struct got {
	char *region, *date;
	int nparas;
	size_t zhuanyezhen, zhaoshang, qianwan; /* 专业镇 招商引资 千万工程, folded */
	int boilerplate;                        /* a running head or a page number in a paragraph */
	char inds[4096];                        /* the statements, one a line */
};

static size_t count_folded(const char *text, const char *word)
{
	size_t n, hits = 0;
	char *f = text_fold(text, strlen(text), 0, &n);
	for (const char *q = f; (q = strstr(q, word)); q += strlen(word))
		hits++;
	free(f);
	return hits;
}

static int read_form(const char *what, const char *name, const char *data, size_t len,
                     struct got *g)
{
	memset(g, 0, sizeof *g);
	struct rec r = {0};
	struct doc_sink sink = rec_sink(&r);
	const char *why = NULL;
	enum ingest_outcome o = ingest_buffer(&sink, name, data, len, &why);
	CHECK_MSG(o == INGEST_STORED, "%s: not stored (%s)", what, why ? why : "");
	if (o != INGEST_STORED || r.ndocs != 1) {
		rec_free(&r);
		return -1;
	}
	const struct rec_doc *d = &r.docs[0];
	g->region = d->region ? strdup(d->region) : NULL;
	g->date = d->date ? strdup(d->date) : NULL;
	g->nparas = d->nparas;
	for (int i = 0; i < d->nparas; i++) {
		const char *t = d->paras[i].text;
		g->zhuanyezhen += count_folded(t, "专业镇");
		g->zhaoshang += count_folded(t, "招商引资");
		g->qianwan += count_folded(t, "千万工程");
		g->boilerplate += strstr(t, "人民政府文件") || strstr(t, "—1—") ||
		                  strstr(t, "— 2 —") || strstr(t, "ICP") || strstr(t, "<");
	}
	for (int i = 0; i < d->ninds; i++) {
		strncat(g->inds, d->inds[i], sizeof g->inds - strlen(g->inds) - 2);
		strcat(g->inds, "\n");
	}
	rec_free(&r);
	return 0;
}

static void free_got(struct got *g)
{
	free(g->region);
	free(g->date);
}

static void expect_like(const char *what, const struct got *g, const struct got *ref)
{
	CHECK_MSG(g->region && strcmp(g->region, "清河县") == 0, "%s: region %s", what,
	          g->region ? g->region : "(none)");
	CHECK_MSG(g->date && strcmp(g->date, "2024-01-10") == 0, "%s: date %s", what,
	          g->date ? g->date : "(none)");
	CHECK_MSG(g->zhuanyezhen == ref->zhuanyezhen && g->zhaoshang == ref->zhaoshang &&
	              g->qianwan == ref->qianwan,
	          "%s: 专业镇 %zu 招商引资 %zu 千万工程 %zu, the clean text %zu %zu %zu", what,
	          g->zhuanyezhen, g->zhaoshang, g->qianwan, ref->zhuanyezhen, ref->zhaoshang,
	          ref->qianwan);
	CHECK_MSG(g->boilerplate == 0, "%s: %d paragraphs hold page furniture", what,
	          g->boilerplate);
	CHECK_MSG(g->nparas * 2 <= ref->nparas * 3 && ref->nparas * 2 <= g->nparas * 3,
	          "%s: %d paragraphs, the clean text %d", what, g->nparas, ref->nparas);
	CHECK_MSG(strcmp(g->inds, ref->inds) == 0, "%s: statements\n%s\nthe clean text's\n%s", what,
	          g->inds, ref->inds);
}

static void test_forms(void)
{
	size_t n;
	char *clean = fixture("qinghe.txt", &n);
	struct got ref, g;
	CHECK_INT(read_form("clean", "qinghe.txt", clean, n, &ref), 0);
	/* the fixture is what the tests below take it to be */
	CHECK_INT((int)ref.zhuanyezhen, 4);
	CHECK_INT((int)ref.qianwan, 2);
	CHECK(strstr(ref.inds, "地区生产总值 2023 result 215.3 亿元 5.6 exact -\n") != NULL);
	CHECK(strstr(ref.inds, "地区生产总值 2024 target - - 6 about -\n") != NULL);

	static const char *const files[] = {"qinghe.pdf", "qinghe.docx", "qinghe.odt",
	                                    "qinghe_trad.txt", "qinghe_pdftotext.txt"};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		size_t len;
		char *data = fixture(files[i], &len);
		if (read_form(files[i], files[i], data, len, &g) == 0)
			expect_like(files[i], &g, &ref);
		free_got(&g);
		free(data);
	}

	/* a government site's page: GBK, navigation and footer around the body */
	char *body = NULL;
	size_t blen = 0;
	FILE *mem = open_memstream(&body, &blen);
	fputs("<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" "
	      "content=\"text/html; charset=gb2312\"><title>政府工作报告_清河县人民政府</title>"
	      "</head><body><div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/zs\">招商引资</a> "
	      "<a href=\"/gk\">政务公开</a></div><div class=\"crumb\">当前位置：首页 &gt; "
	      "政务公开</div><div class=\"article\">",
	      mem);
	for (const char *p = clean; *p;) {
		const char *e = strchr(p, '\n');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k) {
			int h = p[0] == '#';
			const char *t = p + (h ? strspn(p, "# ") : 0);
			fprintf(mem, h ? "<h2>%.*s</h2>\n" : "<p>%.*s</p>\n",
			        (int)(k - (size_t)(t - p)), t);
		}
		p += k + (e != NULL);
	}
	fputs("</div><div class=\"tools\">【打印本页】【关闭窗口】</div><div class=\"foot\">"
	      "主办单位：清河县人民政府办公室 ICP备12345678号</div></body></html>",
	      mem);
	fclose(mem);
	/* the "**" of the clean text would be literal on a page: leave it out */
	for (char *q; (q = strstr(body, "**"));)
		memmove(q, q + 2, strlen(q + 2) + 1);
	blen = strlen(body);
	size_t glen;
	char *gbk = convert("GB18030", body, blen, &glen);
	if (read_form("GBK page", "qinghe.html", gbk, glen, &g) == 0)
		expect_like("GBK page", &g, &ref);
	free_got(&g);

	/* the same page saved as a web archive, quoted-printable */
	char *mht = NULL;
	size_t mlen = 0;
	mem = open_memstream(&mht, &mlen);
	fputs("From: <Saved by Blink>\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
	      "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n"
	      "\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n"
	      "------MultipartBoundary--abc----\r\nContent-Type: text/html; charset=gb2312\r\n"
	      "Content-Transfer-Encoding: quoted-printable\r\n\r\n",
	      mem);
	int col = 0;
	for (size_t i = 0; i < glen; i++) {
		unsigned char c = (unsigned char)gbk[i];
		if (col > 70) {
			fputs("=\r\n", mem);
			col = 0;
		}
		if (c == '\n') {
			fputs("\r\n", mem);
			col = 0;
		} else if (c >= 0x80 || c == '=') {
			col += fprintf(mem, "=%02X", c);
		} else {
			fputc(c, mem);
			col++;
		}
	}
	fputs("\r\n------MultipartBoundary--abc----\r\nContent-Type: image/png\r\n"
	      "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
	      "------MultipartBoundary--abc------\r\n",
	      mem);
	fclose(mem);
	if (read_form(".mht", "qinghe.mht", mht, mlen, &g) == 0)
		expect_like(".mht", &g, &ref);
	free_got(&g);
	free(mht);
	free(gbk);
	free(body);

	/* Big5 繁體: read as Big5, not as GB18030 mojibake */
	size_t tlen, b5len;
	char *trad = fixture("qinghe_trad.txt", &tlen);
	/* 爲 (OpenCC's form of 为) is not in Big5: a Big5 page has 為 */
	for (char *q; (q = strstr(trad, "爲"));)
		memcpy(q, "為", strlen("為"));
	char *big5 = convert("BIG5-HKSCS", trad, tlen, &b5len);
	if (read_form("Big5", "qinghe_big5.txt", big5, b5len, &g) == 0)
		expect_like("Big5", &g, &ref);
	free_got(&g);
	free(big5);
	free(trad);
	free_got(&ref);
	free(clean);
}

/* ---- refusals ---- */

static void test_refused(void)
{
	/* a page with nothing on it, as a scan without OCR looks */
	static const char scan[] =
	    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
	    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
	    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
	    "trailer<</Root 1 0 R>>\n%%EOF\n";
	expect_refused("scan", scan, sizeof scan - 1,
	               "a PDF with no text layer (a scan, or text drawn as pictures):");
	/* a .docx cut short is not taken for an archive */
	size_t n;
	char *docx = fixture("qinghe.docx", &n);
	expect_refused("cut .docx", docx, n / 2, "a damaged Word .docx:");
	free(docx);
	/* an OpenDocument spreadsheet is no report */
	static const char ods[] = "PK\x03\x04\x14\0\0\0\0\0mimetypeapplication/"
	                          "vnd.oasis.opendocument.spreadsheet";
	expect_refused("ods", ods, sizeof ods - 1, "a ZIP archive:");
}

/* ---- identity ---- */

static void test_fingerprint(void)
{
	size_t n, m;
	char *clean = fixture("qinghe.txt", &n), *trad = fixture("qinghe_trad.txt", &m);
	struct text_fp a, b, c;
	char ha[TEXT_FP_HEX + 1], hb[TEXT_FP_HEX + 1], hc[TEXT_FP_HEX + 1];
	text_fp_init(&a);
	text_fp_add(&a, clean, n);
	text_fp_hex(&a, ha);
	/* 繁體, and spaces and line breaks where the other has none */
	text_fp_init(&b);
	for (size_t i = 0; i < m;) {
		size_t k = i + 7 < m ? i + 7 : m;
		while (k < m && ((unsigned char)trad[k] & 0xC0) == 0x80)
			k++; /* whole characters */
		text_fp_add(&b, trad + i, k - i);
		text_fp_add(&b, " \n", 2);
		i = k;
	}
	text_fp_hex(&b, hb);
	CHECK(strlen(ha) == TEXT_FP_HEX);
	CHECK_MSG(text_fp_similarity(ha, hb) >= TEXT_FP_SAME, "繁體: %.2f",
	          text_fp_similarity(ha, hb));
	/* last year's report written from this one: the same sentences, new figures */
	char *next = strdup(clean);
	for (char *p = next; *p; p++)
		if (*p >= '0' && *p <= '8')
			*p = (char)(*p + 1);
	text_fp_init(&c);
	text_fp_add(&c, next, strlen(next));
	text_fp_hex(&c, hc);
	CHECK_MSG(text_fp_similarity(ha, hc) < TEXT_FP_SAME, "new figures: %.2f",
	          text_fp_similarity(ha, hc));
	/* too little text has no sketch, and an empty sketch matches nothing */
	struct text_fp d;
	char hd[TEXT_FP_HEX + 1];
	text_fp_init(&d);
	text_fp_add(&d, "地区生产总值增长6%。", strlen("地区生产总值增长6%。"));
	text_fp_hex(&d, hd);
	CHECK_STR(hd, "");
	CHECK(text_fp_similarity(hd, hd) == 0);
	CHECK(text_fp_similarity(ha, "zz") == 0);
	free(next);
	free(clean);
	free(trad);
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f) {
		fwrite(data, 1, len, f);
		fclose(f);
	}
}

struct seen {
	int n;
	enum ingest_outcome o[8];
	char reason[8][200];
};

static void on_report(void *ctx, const char *path, enum ingest_outcome o, const char *reason)
{
	(void)path;
	struct seen *s = ctx;
	if (s->n < 8) {
		s->o[s->n] = o;
		snprintf(s->reason[s->n], sizeof s->reason[0], "%s", reason ? reason : "");
		s->n++;
	}
}

/* two folders' 政府工作报告.txt are two reports; a report's PDF beside its
 * text is one */
static void test_identity(void)
{
	char dir[] = "/tmp/baogao-forms-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char a[4300], b[4300], pdf[4200], dbp[4200], da[4200], db[4200];
	snprintf(da, sizeof da, "%s/清河县", dir);
	snprintf(db, sizeof db, "%s/河东区", dir);
	mkdir(da, 0700);
	mkdir(db, 0700);
	snprintf(a, sizeof a, "%s/政府工作报告.txt", da);
	snprintf(b, sizeof b, "%s/政府工作报告.txt", db);
	snprintf(pdf, sizeof pdf, "%s/qinghe.pdf", dir);
	snprintf(dbp, sizeof dbp, "%s/t.db", dir);
	size_t n, m;
	char *clean = fixture("qinghe.txt", &n), *p = fixture("qinghe.pdf", &m);
	write_file(a, clean, n);
	/* another district's report, filed under the same name */
	char *other = strdup(clean);
	for (char *q; (q = strstr(other, "清河县"));)
		memcpy(q, "河东区", strlen("河东区"));
	for (char *q = other; *q; q++)
		if (*q >= '1' && *q <= '8')
			*q = (char)(*q + 1);
	write_file(b, other, strlen(other));
	write_file(pdf, p, m);

	char *err = NULL;
	model *mod = model_open(dbp, &err);
	CHECK_MSG(mod != NULL, "open: %s", err ? err : "");
	if (!mod)
		return;
	struct doc_sink sink = model_sink(mod);
	struct seen s = {0};
	struct ingest_totals t = {0};
	char *paths[] = {a, b, pdf};
	CHECK_INT(ingest_paths(&sink, paths, 3, on_report, &s, &t), 0);
	CHECK_INT(t.stored, 2);
	CHECK_INT(t.unchanged, 1);
	CHECK_INT(model_doc_count(mod), 2);
	CHECK_INT(s.n, 3);
	if (s.n == 3) {
		CHECK_INT(s.o[2], INGEST_UNCHANGED);
		CHECK_MSG(strstr(s.reason[2], "the same report as") &&
		              strstr(s.reason[2], "政府工作报告.txt, in another form"),
		          "reason: %s", s.reason[2]);
	}
	/* again: nothing new, the same answers */
	memset(&s, 0, sizeof s);
	memset(&t, 0, sizeof t);
	CHECK_INT(ingest_paths(&sink, paths, 3, on_report, &s, &t), 0);
	CHECK_INT(t.unchanged, 3);
	CHECK_INT(model_doc_count(mod), 2);
	/* a corrected file replaces its own document only */
	char *fixed = strdup(other);
	char *q = strstr(fixed, "蓝图已经绘就");
	CHECK(q != NULL);
	if (q)
		memcpy(q, "蓝图早已绘就", strlen("蓝图早已绘就"));
	write_file(b, fixed, strlen(fixed));
	memset(&t, 0, sizeof t);
	CHECK_INT(ingest_paths(&sink, paths, 3, NULL, NULL, &t), 0);
	CHECK_INT(t.replaced, 1);
	CHECK_INT(t.stored, 0);
	CHECK_INT(t.unchanged, 2);
	/* the counts add up to the files */
	CHECK_INT(t.stored + t.replaced + t.unchanged + t.refused + t.failed + t.skipped, 3);
	CHECK_INT(model_doc_count(mod), 2);
	/* a file corrected into the other report's very text: stored once, its
	 * old version gone, and said so */
	write_file(a, fixed, strlen(fixed));
	memset(&s, 0, sizeof s);
	CHECK_INT(ingest_paths(&sink, paths, 1, on_report, &s, NULL), 0);
	CHECK(s.n == 1 && s.o[0] == INGEST_UNCHANGED && strstr(s.reason[0], "now the same text"));
	CHECK_INT(model_doc_count(mod), 1);
	model_close(mod);
	free(fixed);
	free(other);
	free(clean);
	free(p);
	unlink(a), unlink(b), unlink(pdf), unlink(dbp);
	char side[4300];
	snprintf(side, sizeof side, "%s-wal", dbp);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", dbp);
	unlink(side);
	rmdir(da), rmdir(db), rmdir(dir);
}

int main(void)
{
	const char *dir = getenv("BAOGAO_DATADIR");
	snprintf(forms_dir, sizeof forms_dir, "%s/tests/data/forms",
	         dir && *dir ? dir : BAOGAO_SRCDIR);
	test_forms();
	test_refused();
	test_fingerprint();
	test_identity();
	return check_done();
}
