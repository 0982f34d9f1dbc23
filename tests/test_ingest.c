/* test_ingest.c — report files → documents, through a recording sink (no
 * SQLite): the five seeds' structure, page-break joins, captions, glossary
 * and metadata; encodings; refusals; a sink failing half way; SHA-256. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "ingest/decode.h"
#include "ingest/extract.h"
#include "ingest/ingest.h"
#include "ingest/parse.h"
#include "ingest/sha256.h"
#include "ingest_rec.h"
#include "text/text.h"

/* ---- SHA-256 ----------------------------------------------------------- */

static void test_sha256(void)
{
	static const struct {
		const char *msg;
		size_t repeat;
		const char *hex;
	} v[] = {
	    {"", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	    {"abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
	    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
	     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
	    {"The quick brown fox jumps over the lazy dog", 1,
	     "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"},
	    {"x", 55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
	    {"x", 56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
	    {"x", 64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
	    {"x", 119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"},
	    {"a", 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		size_t ml = strlen(v[i].msg), len = ml * v[i].repeat;
		char *buf = malloc(len + 1);
		for (size_t k = 0; k < v[i].repeat; k++)
			memcpy(buf + k * ml, v[i].msg, ml);
		char hex[65];
		sha256_hex(buf, len, hex);
		CHECK_STR(hex, v[i].hex);
		/* the same fed in uneven pieces crosses every block boundary */
		struct sha256 s;
		unsigned char d[32];
		sha256_init(&s);
		for (size_t off = 0, step = 1; off < len; off += step, step = step % 97 + 1)
			sha256_update(&s, buf + off, off + step <= len ? step : len - off);
		sha256_final(&s, d);
		char hex2[65];
		for (int k = 0; k < 32; k++)
			snprintf(hex2 + 2 * k, 3, "%02x", d[k]);
		CHECK_STR(hex2, v[i].hex);
		free(buf);
	}
}

/* ---- the seeds ---------------------------------------------------------- */

static void check_tree_shape(const struct rec_doc *d)
{
	for (int i = 0; i < d->nsecs; i++) {
		const struct rec_section *s = &d->secs[i];
		CHECK_INT(s->id, i + 1);
		CHECK(s->parent >= 0 && s->parent < s->id);
		CHECK_INT(s->level, s->parent ? d->secs[s->parent - 1].level + 1 : 1);
		CHECK(s->title[0] != '\0');
	}
	for (int i = 0; i < d->nparas; i++) {
		const struct rec_para *p = &d->paras[i];
		CHECK_INT(p->ord, i + 1);
		CHECK(p->section >= 0 && p->section <= d->nsecs);
		CHECK_MSG(!strstr(p->text, "**") && p->text[0] != '#' &&
		              strncmp(p->text, "- ", 2) && !strstr(p->text, "<sub>"),
		          "markup left in paragraph %d: %.60s", p->ord, p->text);
		/* captions and mastheads stand alone, never inside a sentence */
		if (strcmp(p->kind, "caption") == 0 || strcmp(p->kind, "masthead") == 0)
			for (int k = 0; k < d->nparas; k++)
				if (strcmp(d->paras[k].kind, "text") == 0 && strlen(p->text) >= 18)
					CHECK_MSG(!strstr(d->paras[k].text, p->text),
					          "caption \"%s\" inside paragraph %d", p->text,
					          k + 1);
	}
}

static void test_seeds(void)
{
	struct rec r = {0};
	struct doc_sink sink = rec_sink(&r);
	char *paths[] = {seeds_dir};
	struct ingest_totals t = {0};
	CHECK_INT(ingest_paths(&sink, paths, 1, NULL, NULL, &t), 0);
	CHECK_INT(t.stored, 5);
	CHECK_INT(r.ndocs, 5);
	if (r.ndocs != 5)
		return;
	CHECK_INT(r.calls_in_flight, 0);
	static const struct {
		const char *region, *kind, *date, *title;
		int review, plan;
	} want[5] = {
	    {"潞州区", "政府工作报告", "2025-12-22", "政府工作报告", 2025, 2026},
	    {"潞州区", "两会特刊", NULL, "勇担首位使命 打造消费高地 奋力共建幸福首善潞州", 2025,
	     2026},
	    {"潞城区", "两会特刊", NULL, "转型提质效 攻坚开新局", 2025, 2026},
	    {"长治市", "解读", NULL, "奋发有为 交出高质量发展长治答卷", 2025, 0},
	    {"上党区", "政府工作报告", "2023-06-16", "政府工作报告", 2022, 2023},
	};
	size_t zhuanye = 0, qianwan = 0;
	int joins = 0;
	for (int i = 0; i < 5; i++) {
		const struct rec_doc *d = &r.docs[i];
		CHECK_STR(d->source, seed_names[i]); /* directories are read in name order */
		CHECK_STR(d->region, want[i].region);
		CHECK_STR(d->kind, want[i].kind);
		if (want[i].date)
			CHECK_STR(d->date, want[i].date);
		else
			CHECK_MSG(d->date == NULL, "%s: date %s", d->source, d->date);
		CHECK_STR(d->title, want[i].title);
		CHECK_INT(d->review_year, want[i].review);
		CHECK_INT(d->plan_year, want[i].plan);
		CHECK_STR(d->encoding, "UTF-8");
		CHECK_INT(strlen(d->hash), 64);
		CHECK_INT(d->committed, 1);
		CHECK_INT(d->ends, 1);
		check_tree_shape(d);
		for (int k = 0; k < d->nparas; k++) {
			zhuanye += count_in(d->paras[k].text, "专业镇");
			qianwan += count_in(d->paras[k].text, "千万工程");
			joins += d->paras[k].joins;
		}
	}
	CHECK_INT(zhuanye, 33);
	CHECK_INT(qianwan, 5);
	CHECK_INT(joins, 32);

	/* 000: parts, subsections, 一是, bold leads, the word across a page break */
	const struct rec_doc *d = &r.docs[0];
	const struct rec_section *s = find_section(d, "2025年工作回顾");
	CHECK(s && strcmp(s->kind, "part") == 0 && strcmp(s->number, "一、") == 0 && s->level == 1);
	s = find_section(d, "这一年，我们抓转型、上项目，“质”的提升更为显著");
	CHECK(s && strcmp(s->kind, "lead") == 0 && s->level == 2 && s->number[0] == '\0');
	s = find_section(d, "聚焦内需扩容提质，以“多点突破”打造“消费中心”");
	CHECK(s && strcmp(s->kind, "subsection") == 0 && strcmp(s->number, "（一）") == 0 &&
	      s->level == 2);
	s = find_section(d, "筑强多元消费平台，建设区域消费高地");
	CHECK(s && strcmp(s->kind, "lead") == 0 && strcmp(s->number, "一是") == 0 && s->level == 3);
	const struct rec_para *p = find_para(d, "学习运用“千万工程”经验推进乡村全面振兴");
	CHECK(p && p->joins == 1 && p->line == 23);
	p = find_para(d, "挑战比预想得大");
	CHECK(p && p->joins == 1 && p->section == find_section(d, "2025年工作回顾")->id);
	CHECK_STR(para_kind(d, "区长 魏振东"), "signature");
	CHECK_INT(d->paras[0].section, 0); /* the preamble belongs to no section */

	/* 001: masthead, captions, headline, plain-text headings */
	d = &r.docs[1];
	CHECK_STR(para_kind(d, "聚焦"), "masthead");
	CHECK_STR(para_kind(d, "2026"), "masthead");
	CHECK_STR(para_kind(d, "长治两会"), "masthead");
	CHECK_STR(para_kind(d, "两会特刊"), "masthead");
	CHECK_STR(para_kind(d, "全民运动聚全城活力"), "caption");
	CHECK_STR(para_kind(d, "① 际安电气生产线高效运转"), "caption");
	CHECK_STR(para_kind(d, "④ “一年两作”探增收新路"), "caption");
	CHECK_STR(para_kind(d, "花卉市场聚四季芬芳"), "caption");
	CHECK(find_para(d, "规模以上工业增加值增长5.3%"));
	CHECK(find_para(d, "品质彰显的城市正悄然走来。"));
	s = find_section(d, "激活消费内动力 打造区域消费新高地");
	CHECK(s && strcmp(s->kind, "heading") == 0 && s->level == 1);

	/* 002: ### headings without numbers, bold leads under them */
	d = &r.docs[2];
	s = find_section(d, "经济向优—— 狠抓项目建设 夯实发展支撑");
	CHECK(s && strcmp(s->kind, "heading") == 0 && s->level == 1);
	const struct rec_section *lead = find_section(d, "传统产业“老树发新枝”");
	CHECK(s && lead && lead->parent == s->id && strcmp(lead->kind, "lead") == 0);
	CHECK_STR(para_kind(d, "医疗改革闯新路"), "caption");
	CHECK_STR(para_kind(d, "以“赛”为媒聚人气"), "caption");

	/* 003: bullets, stat boxes, nested headings */
	d = &r.docs[3];
	CHECK_STR(para_kind(d, "◆工业增加值总量跃居全省第一。"), "bullet");
	CHECK_STR(para_kind(d, "全市出口完成12.6亿元、增长17.7%"), "caption");
	CHECK_STR(para_kind(d, "开工建设36个城建重点工程"), "caption");
	s = find_section(d, "一年亮点回眸");
	lead = find_section(d, "抓招商、上项目,发展基础进一步夯实");
	CHECK(s && lead && lead->parent == s->id && lead->level == 2);

	/* 004 */
	d = &r.docs[4];
	int parts = 0, items = 0;
	for (int i = 0; i < d->nsecs; i++) {
		parts += strcmp(d->secs[i].kind, "part") == 0;
		items += strcmp(d->secs[i].kind, "item") == 0;
	}
	CHECK_INT(parts, 3);
	CHECK_INT(items, 18);
	s = find_section(d, "全力以赴抓机遇、强支撑,经济大盘平稳运行");
	CHECK(s && strcmp(s->number, "(一)") == 0 && s->level == 2);
	s = find_section(d, "聚力绿色煤炭深耕之路,筑牢“四宜”上党压舱石");
	CHECK(s && strcmp(s->kind, "item") == 0 && strcmp(s->number, "1.") == 0 && s->level == 3);
	s = find_section(d, "加快重点项目建设");
	CHECK(s && strcmp(s->kind, "item") == 0 && s->level == 3);
	s = find_section(d, "高位推进产业链专业镇");
	CHECK(s && strcmp(s->kind, "lead") == 0);
	s = find_section(d, "瞄准方向精准发力"); /* a bold span cut by a page break */
	CHECK(s && strcmp(s->kind, "lead") == 0 && s->level == 4);
	CHECK(find_para(d, "大峪煤业减量重组进入联合试运转"));
	p = find_para(d, "——2023 年 6 月 16 日在长治市上党区第二届人民代表大会第四次会议上");
	CHECK(p && strcmp(p->kind, "signature") == 0);
	s = find_section(d, "名词解释");
	CHECK(s && strcmp(s->kind, "glossary") == 0 && s->level == 1);
	CHECK_INT(d->ngloss, 23);
	for (int i = 0; i < d->ngloss && s; i++) {
		CHECK_INT(d->gloss[i].number, i + 1);
		CHECK_INT(d->gloss[i].section, s->id);
	}
	if (d->ngloss == 23) {
		CHECK_STR(d->gloss[0].term, "“六九九六”工作机制");
		CHECK(strncmp(d->gloss[0].definition, "即强化安全生产六项制度", 33) == 0);
		CHECK_STR(d->gloss[3].term, "“煤八条”");
		CHECK(strstr(d->gloss[3].definition, "；二是做好煤炭企业重组后半篇文章"));
		CHECK_STR(d->gloss[17].term, "“4 句话 32 字”要求");
		CHECK_STR(d->gloss[22].term, "“1+17”应急指挥体系建设");
	}
	rec_free(&r);
}

/* Paragraph text is the source text, markup aside: one line verbatim, and
 * a joined one as its two halves. */
static void test_verbatim(void)
{
	size_t n;
	char *text = seed(4, &n);
	struct parse_doc doc;
	CHECK_INT(parse_text(text, n, &doc), 0);
	char *l22 = source_line(text, 22), *l36 = source_line(text, 36),
	     *l38 = source_line(text, 38);
	int found22 = 0, found36 = 0;
	for (size_t i = 0; i < doc.nparas; i++) {
		found22 |= strcmp(doc.paras[i].text, l22) == 0;
		if (strncmp(doc.paras[i].text, l36, strlen(l36)) == 0) {
			found36 = 1;
			/* up to the bold lead the next paragraph begins with */
			CHECK(strncmp(doc.paras[i].text + strlen(l36), l38, 30) == 0);
			CHECK_INT(doc.paras[i].joins, 1);
		}
	}
	CHECK(found22);
	CHECK(found36);
	/* every break the parser looked at on the seeds was a real one */
	for (size_t i = 0; i < doc.nbreaks; i++)
		CHECK_MSG(doc.breaks[i].joined, "004: break at line %d refused",
		          doc.breaks[i].line);
	CHECK_INT(doc.joins, 24);
	free(l22), free(l36), free(l38);
	parse_free(&doc);
	free(text);

	static const int expected[][2] = {{23, 25}, {37, 39}, {55, 57}, {67, 69}};
	text = seed(0, &n);
	CHECK_INT(parse_text(text, n, &doc), 0);
	CHECK_INT(doc.nbreaks, 4);
	for (size_t i = 0; i < doc.nbreaks && i < 4; i++) {
		CHECK_INT(doc.breaks[i].line, expected[i][0]);
		CHECK_INT(doc.breaks[i].next_line, expected[i][1]);
		CHECK(doc.breaks[i].joined);
	}
	parse_free(&doc);
	free(text);
}

/* What the structure of a section is made of without Markdown: its numbering,
 * or being a heading or the glossary.  Bold lead sentences exist only as
 * markup. */
static int plain_visible(const struct rec_section *s)
{
	return s->number[0] || strcmp(s->kind, "glossary") == 0 || strcmp(s->kind, "heading") == 0;
}

/* The same report without any Markdown gives the same tree. */
static void test_plain_text(int seed_index, int expect_compared)
{
	size_t n;
	char *md = seed(seed_index, &n);
	char *plain = malloc(n + 1);
	size_t o = 0;
	int bol = 1;
	for (size_t i = 0; i < n;) {
		if (md[i] == '*' && i + 1 < n && md[i + 1] == '*') {
			i += 2;
			continue;
		}
		if (bol && md[i] == '#') {
			while (i < n && (md[i] == '#' || md[i] == ' '))
				i++;
			continue;
		}
		if (bol && md[i] == '-' && i + 1 < n && md[i + 1] == ' ') {
			i += 2;
			continue;
		}
		bol = md[i] == '\n';
		plain[o++] = md[i++];
	}
	CHECK(!memmem(plain, o, "**", 2) && !memmem(plain, o, "\n#", 2));
	struct rec a = {0}, b = {0};
	struct doc_sink sa = rec_sink(&a), sb = rec_sink(&b);
	const char *why;
	CHECK_INT(ingest_buffer(&sa, "report.md", md, n, &why), INGEST_STORED);
	CHECK_INT(ingest_buffer(&sb, "report.txt", plain, o, &why), INGEST_STORED);
	if (a.ndocs == 1 && b.ndocs == 1) {
		const struct rec_doc *x = &a.docs[0], *y = &b.docs[0];
		int j = 0, compared = 0;
		for (int i = 0; i < x->nsecs; i++) {
			const struct rec_section *s = &x->secs[i];
			if (!plain_visible(s))
				continue;
			while (j < y->nsecs && !plain_visible(&y->secs[j]))
				j++;
			CHECK(j < y->nsecs);
			if (j >= y->nsecs)
				break;
			const struct rec_section *t = &y->secs[j++];
			CHECK_STR(t->kind, s->kind);
			CHECK_STR(t->number, s->number);
			CHECK_STR(t->title, s->title);
			CHECK_INT(t->level, s->level);
			compared++;
		}
		while (j < y->nsecs && !plain_visible(&y->secs[j]))
			j++;
		CHECK_INT(j, y->nsecs); /* nothing more in the plain one either */
		CHECK_INT(compared, expect_compared);
		CHECK_INT(y->ngloss, x->ngloss);
		CHECK_STR(y->region, x->region);
		CHECK_STR(y->kind, x->kind);
		CHECK_STR(y->title, x->title);
		CHECK_INT(y->review_year, x->review_year);
		CHECK_INT(y->plan_year, x->plan_year);
		if (x->date)
			CHECK_STR(y->date, x->date);
	}
	rec_free(&a);
	rec_free(&b);
	free(plain);
	free(md);
}

/* ---- encodings ---------------------------------------------------------- */

static char *with_prefix(const char *prefix, size_t plen, const char *s, size_t len)
{
	char *b = malloc(plen + len);
	memcpy(b, prefix, plen);
	memcpy(b + plen, s, len);
	return b;
}

static void expect_same(const char *what, const char *data, size_t len, const char *encoding,
                        const struct rec_doc *ref)
{
	struct rec r = {0};
	struct doc_sink sink = rec_sink(&r);
	const char *why = NULL;
	CHECK_MSG(ingest_buffer(&sink, "seed.txt", data, len, &why) == INGEST_STORED, "%s: %s",
	          what, why ? why : "?");
	if (r.ndocs == 1) {
		CHECK_STR(r.docs[0].encoding, encoding);
		CHECK_MSG(strcmp(r.docs[0].hash, ref->hash) == 0, "%s: hash differs", what);
		CHECK_INT(r.docs[0].nparas, ref->nparas);
		CHECK_INT(r.docs[0].nsecs, ref->nsecs);
		CHECK_STR(r.docs[0].region, ref->region);
	}
	rec_free(&r);
}

static void test_encodings(void)
{
	size_t n, m;
	char *text = seed(0, &n);
	struct rec ref = {0};
	struct doc_sink sink = rec_sink(&ref);
	const char *why;
	CHECK_INT(ingest_buffer(&sink, "seed.txt", text, n, &why), INGEST_STORED);
	if (ref.ndocs != 1)
		return;
	const struct rec_doc *d = &ref.docs[0];
	char hex[65];
	sha256_hex(text, n, hex);
	CHECK_STR(d->hash, hex); /* the seed is plain UTF-8 with LF: its own bytes */

	char *b = with_prefix("\xEF\xBB\xBF", 3, text, n);
	expect_same("UTF-8 BOM", b, n + 3, "UTF-8 BOM", d);
	free(b);
	char *gb = convert("GB18030", text, n, &m);
	CHECK(memcmp(gb, text, m < n ? m : n) != 0);
	expect_same("GB18030", gb, m, "GB18030", d);
	free(gb);
	gb = convert("GBK", text, n, &m);
	expect_same("GBK", gb, m, "GB18030", d);
	free(gb);
	char *u = convert("UTF-16LE", text, n, &m);
	b = with_prefix("\xFF\xFE", 2, u, m);
	expect_same("UTF-16LE", b, m + 2, "UTF-16LE", d);
	free(u), free(b);
	u = convert("UTF-16BE", text, n, &m);
	b = with_prefix("\xFE\xFF", 2, u, m);
	expect_same("UTF-16BE", b, m + 2, "UTF-16BE", d);
	/* BOM-less UTF-16 has NUL bytes in its ASCII: refused, not guessed */
	CHECK_INT(ingest_buffer(&sink, "x", u, m, &why), INGEST_REFUSED);
	CHECK_STR(why, "binary file (NUL bytes)");
	free(u), free(b);

	/* CRLF and lone CR */
	char *crlf = malloc(2 * n), *cr = malloc(n);
	size_t a = 0;
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '\n')
			crlf[a++] = '\r';
		crlf[a++] = text[i];
		cr[i] = text[i] == '\n' ? '\r' : text[i];
	}
	expect_same("CRLF", crlf, a, "UTF-8", d);
	expect_same("CR", cr, n, "UTF-8", d);
	free(crlf), free(cr);

	/* a character outside the BMP: a 4-byte GB18030 sequence, a surrogate pair */
	static const char astral[] = "测试𠀀与€。\n";
	struct decoded dec;
	gb = convert("GB18030", astral, strlen(astral), &m);
	CHECK_INT(decode_text(gb, m, &dec, &why), 0);
	CHECK_STR(dec.text, astral);
	free(dec.text), free(gb);
	u = convert("UTF-16BE", astral, strlen(astral), &m);
	b = with_prefix("\xFE\xFF", 2, u, m);
	CHECK_INT(decode_text(b, m + 2, &dec, &why), 0);
	CHECK_STR(dec.text, astral);
	CHECK_STR(dec.encoding, "UTF-16BE");
	free(dec.text), free(u), free(b);
	rec_free(&ref);
	free(text);
}

/* ---- refusals ----------------------------------------------------------- */

/* a literal with its length, NUL bytes and all */
#define REFUSED(what, lit, reason) expect_refused(what, lit, sizeof lit - 1, reason)

static void test_refusals(void)
{
	expect_refused("empty", "", 0, "empty file");
	expect_refused("blank lines", "\n \r\n\t\n\xE3\x80\x80\n", 9, "empty file");
	expect_refused("BOM only", "\xEF\xBB\xBF", 3, "empty file");
	expect_refused("NUL", "报告\0text", 11, "binary file (NUL bytes)");
	/* other forms are named, with what to do */
	REFUSED("PNG", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "an image:");
	REFUSED("PDF", "%PDF-1.7\n%\xe2\xe3\n1 0 obj", "a damaged PDF:");
	REFUSED("Word 97", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
	        "a Word 97-2003 (.doc), WPS or other Office 97 file:");
	REFUSED("docx", "PK\x03\x04\x14\0\0\0\x08\0word/document.xml", "a damaged Word .docx:");
	REFUSED("zip", "PK\x03\x04\x14\0\0\0\x08\0data.tsv", "a ZIP archive:");
	REFUSED("rtf", "{\\rtf1\\ansi 报告}", "an RTF file:");
	REFUSED("mht", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n",
	        "a web archive (.mht) with no web page in it");
	/* not reports at all */
	REFUSED("no Chinese", "Release notes\nversion 2\n", "no Chinese text in it: not a report");
	REFUSED("a table",
	        "地区\t年份\t增长\n潞州区\t2025\t3.9\n上党区\t2025\t4.1\n"
	        "潞城区\t2025\t5\n屯留区\t2025\t6\n",
	        "a table of tab-separated values, not a report");
	REFUSED("gzip", "\x1F\x8B\x08\0\0\0", "a compressed archive:");
	REFUSED("page of links", "<html><body><a href=/>首页</a></body></html>",
	        "web page with no article text");
	expect_refused("invalid", "abc\x80\xFF\xFE\x80 def", 11,
	               "not UTF-8, UTF-16, GB18030 or Big5");
	expect_refused("bad UTF-8 after BOM", "\xEF\xBB\xBF\xC3\x28", 5,
	               "not UTF-8, UTF-16, GB18030 or Big5");
	expect_refused("odd UTF-16", "\xFF\xFE\x41\x00\x42", 5, "invalid UTF-16");
	expect_refused("lone surrogate", "\xFF\xFE\x00\xD8\x41\x00", 6, "invalid UTF-16");
	expect_refused("UTF-16 NUL", "\xFF\xFE\x41\x00\x00\x00", 6, "binary file (NUL bytes)");
}

struct seen {
	char paths[16][512];
	enum ingest_outcome outcome[16];
	char reason[16][128];
	int n;
};

static void on_report(void *ctx, const char *path, enum ingest_outcome o, const char *reason)
{
	struct seen *s = ctx;
	if (s->n == 16)
		return;
	snprintf(s->paths[s->n], sizeof s->paths[0], "%s", path);
	snprintf(s->reason[s->n], sizeof s->reason[0], "%s", reason ? reason : "");
	s->outcome[s->n++] = o;
}

static void write_file(const char *dir, const char *name, const char *data, size_t len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f) {
		fwrite(data, 1, len, f);
		fclose(f);
	}
}

static void test_directories(void)
{
	char dir[] = "/tmp/baogao-ingest-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	size_t n;
	char *text = seed(3, &n), sub[1100], *other;
	snprintf(sub, sizeof sub, "%s/more", dir);
	mkdir(sub, 0700);
	write_file(dir, "a.txt", text, n);
	write_file(dir, "b-empty.txt", "", 0);
	write_file(dir, "c-binary.txt", "x\0y", 3);
	write_file(dir, "data.tsv", "地区\t增长\n潞州区\t3.9\n", 28); /* beside the reports */
	write_file(dir, ".hidden.txt", text, n);
	size_t half = n / 2;
	while (half > 0 && text[half - 1] != '\n') /* whole lines: valid UTF-8 */
		half--;
	write_file(sub, "d.txt", text, half);
	struct rec r = {0};
	struct doc_sink sink = rec_sink(&r);
	struct seen s = {0};
	struct ingest_totals t = {0};
	char missing[1100];
	snprintf(missing, sizeof missing, "%s/no-such-file.txt", dir);
	char *paths[] = {dir, missing};
	CHECK_INT(ingest_paths(&sink, paths, 2, on_report, &s, &t), 2);
	CHECK_INT(t.stored, 2);
	CHECK_INT(t.refused, 2);
	CHECK_INT(t.failed, 1);
	CHECK_INT(t.unchanged, 0);
	CHECK_INT(t.skipped, 1);
	CHECK_INT(s.n, 6); /* the dot file is not even reported */
	if (s.n == 6) {
		CHECK(strstr(s.paths[0], "/a.txt") && s.outcome[0] == INGEST_STORED);
		CHECK(strstr(s.paths[1], "/b-empty.txt") && s.outcome[1] == INGEST_REFUSED);
		CHECK_STR(s.reason[1], "empty file");
		CHECK(strstr(s.paths[2], "/c-binary.txt") && s.outcome[2] == INGEST_REFUSED);
		CHECK_STR(s.reason[2], "binary file (NUL bytes)");
		CHECK(strstr(s.paths[3], "/data.tsv") && s.outcome[3] == INGEST_SKIPPED);
		CHECK_STR(s.reason[3], "not a report file (.tsv)");
		CHECK(strstr(s.paths[4], "/more/d.txt") && s.outcome[4] == INGEST_STORED);
		CHECK_STR(s.paths[5], missing);
		CHECK_INT(s.outcome[5], INGEST_FAILED);
		CHECK(strncmp(s.reason[5], "cannot read: ", 13) == 0);
	}
	if (r.ndocs == 2) {
		CHECK_STR(r.docs[0].source, "a.txt");
		CHECK_STR(r.docs[1].source, "d.txt");
	}
	/* a file that is all there is: 0 when every file went in */
	char file[1100];
	snprintf(file, sizeof file, "%s/a.txt", dir);
	char *one[] = {file};
	CHECK_INT(ingest_paths(&sink, one, 1, NULL, NULL, NULL), 0);
	rec_free(&r);
	/* clean up */
	const char *names[] = {"a.txt",    "b-empty.txt", "c-binary.txt",
	                       "data.tsv", ".hidden.txt", "more/d.txt"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		other = malloc(1200);
		snprintf(other, 1200, "%s/%s", dir, names[i]);
		unlink(other);
		free(other);
	}
	rmdir(sub);
	rmdir(dir);
	free(text);
}

/* ---- the sink's answers ------------------------------------------------- */

static void test_sink_failure(void)
{
	size_t n;
	char *text = seed(4, &n);
	const char *why;
	/* a failure half way: dropped with doc_end(0), and nothing after it */
	struct rec r = {.fail_at_para = 5};
	struct doc_sink sink = rec_sink(&r);
	CHECK_INT(ingest_buffer(&sink, "004.txt", text, n, &why), INGEST_FAILED);
	CHECK(why != NULL);
	CHECK_INT(r.ndocs, 1);
	if (r.ndocs == 1) {
		CHECK_INT(r.docs[0].ends, 1);
		CHECK_INT(r.docs[0].committed, 0);
		CHECK_INT(r.docs[0].nparas, 4);
		CHECK_INT(r.docs[0].ngloss, 0);
	}
	CHECK_INT(r.calls_in_flight, 0);
	rec_free(&r);
	/* already stored: nothing else is said about the file */
	r = (struct rec){.begin_result = 1};
	CHECK_INT(ingest_buffer(&sink, "004.txt", text, n, &why), INGEST_UNCHANGED);
	CHECK_INT(r.ndocs, 0);
	CHECK_INT(r.calls_in_flight, 0);
	struct seen s = {0};
	struct ingest_totals t = {0};
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", seeds_dir, seed_names[4]);
	char *paths[] = {path};
	CHECK_INT(ingest_paths(&sink, paths, 1, on_report, &s, &t), 0);
	CHECK_INT(t.unchanged, 1);
	CHECK(s.n == 1 && s.outcome[0] == INGEST_UNCHANGED);
	/* doc_begin fails */
	r = (struct rec){.begin_result = -1};
	CHECK_INT(ingest_buffer(&sink, "004.txt", text, n, &why), INGEST_FAILED);
	CHECK_INT(r.calls_in_flight, 0);
	CHECK_INT(ingest_paths(&sink, paths, 1, NULL, NULL, &t), 2);
	rec_free(&r);
	free(text);
}

/* Hostile input is stored as it is (the display makes it inert); one huge
 * line is one paragraph. */
static void test_hostile(void)
{
	static const char esc[] = "标题\n\n正文\x1b]0;pwned\x07含有控制序列\x1b[2J，照存不误。\n";
	struct rec r = {0};
	struct doc_sink sink = rec_sink(&r);
	const char *why;
	CHECK_INT(ingest_buffer(&sink, "esc.txt", esc, sizeof esc - 1, &why), INGEST_STORED);
	if (r.ndocs == 1)
		CHECK(find_para(&r.docs[0], "\x1b]0;pwned\x07") != NULL);
	rec_free(&r);
	size_t big = 2u << 20;
	char *line = malloc(big + 1);
	for (size_t i = 0; i < big; i += 3)
		memcpy(line + i, i % 90 == 87 ? "。" : "字", 3);
	line[big - 2] = '\n';
	r = (struct rec){0};
	CHECK_INT(ingest_buffer(&sink, "big.txt", line, big - 1, &why), INGEST_STORED);
	if (r.ndocs == 1) {
		CHECK_INT(r.docs[0].nparas, 1);
		CHECK_INT(r.docs[0].nsecs, 0);
	}
	rec_free(&r);
	free(line);
}

static struct rec ingest_string(const char *name, const char *text)
{
	struct rec r = {0};
	struct doc_sink sink = rec_sink(&r);
	const char *why;
	CHECK_MSG(ingest_buffer(&sink, name, text, strlen(text), &why) == INGEST_STORED, "%s: %s",
	          name, why ? why : "?");
	if (r.ndocs != 1) {
		fprintf(stderr, "%s: not stored\n", name);
		exit(1);
	}
	return r;
}

/* Small reports for what the seeds do not show. */
static void test_small_cases(void)
{
	/* a hard-wrapped plain text: lines of one block run on, no page break counted */
	struct rec r = ingest_string("wrapped.txt", "第一行文字，继续\n第二行文字，继续\n结束。\n"
	                                            "\n另一段。\n");
	CHECK_INT(r.docs[0].nparas, 2);
	CHECK_STR(r.docs[0].paras[0].text, "第一行文字，继续第二行文字，继续结束。");
	CHECK_INT(r.docs[0].paras[0].joins, 0);
	rec_free(&r);

	/* stacked short headings without Markdown are not one sentence */
	r = ingest_string("stacked.txt",
	                  "过去一年，成绩很多。\n\n抓载体、延链条,产业升级进一步加快\n\n"
	                  "抓文旅、扩消费,内需潜力进一步释放\n\n◆培育11个乡村e镇。\n");
	CHECK(find_section(&r.docs[0], "抓载体、延链条,产业升级进一步加快"));
	CHECK(find_section(&r.docs[0], "抓文旅、扩消费,内需潜力进一步释放"));
	CHECK_STR(para_kind(&r.docs[0], "◆培育11个乡村e镇。"), "bullet");
	rec_free(&r);

	/* a caption after a cut sentence is not glued into it */
	r = ingest_string("caption.txt",
	                  "正文开始了，这是一个很长的句子，它在这里被截断而没有\n\n\n"
	                  "图片说明文字\n\n\n继续的正文。\n");
	CHECK_STR(para_kind(&r.docs[0], "图片说明文字"), "caption");
	CHECK_INT(r.docs[0].nparas, 3);
	rec_free(&r);

	/* Latin words and numbers keep a space where a line break was */
	r = ingest_string("latin.txt",
	                  "推进LED产业，加快digital\n\ntransformation工作，全年规模以上工业增加值、"
	                  "社会消费品零售总额同比增长\n\n"
	                  "12%，全年固定资产投资增长10%。\n");
	CHECK_INT(r.docs[0].nparas, 1);
	CHECK_STR(r.docs[0].paras[0].text,
	          "推进LED产业，加快digital transformation工作，全年规模以上工业"
	          "增加值、社会消费品零售总额同比增长12%，全年固定资产投资增长10%。");
	CHECK_INT(r.docs[0].paras[0].joins, 2);
	rec_free(&r);

	/* a statistical bulletin; the date line in Han numerals; a spaced title */
	r = ingest_string("bulletin.txt", "# 长治市2024年国民经济和社会发展统计公报\n\n"
	                                  "二〇二五年三月二十日\n\n一、综合\n\n"
	                                  "初步核算，全年全市地区生产总值2500亿元。2024年全市……\n");
	CHECK_STR(r.docs[0].kind, "统计公报");
	CHECK_STR(r.docs[0].region, "长治市");
	CHECK_STR(r.docs[0].date, "2025-03-20");
	CHECK_INT(r.docs[0].review_year, 2024);
	CHECK_INT(r.docs[0].plan_year, 0);
	const struct rec_section *s = find_section(&r.docs[0], "综合");
	CHECK(s && strcmp(s->kind, "part") == 0);
	rec_free(&r);

	/* region from the file name only when the text names none */
	r = ingest_string("/data/平顺县_2024.txt", "今年的工作很多。\n");
	CHECK_STR(r.docs[0].region, "平顺县");
	CHECK_STR(r.docs[0].title, "平顺县_2024.txt");
	rec_free(&r);
	r = ingest_string("/data/平顺县.txt", "# 报告\n\n屯留区坚持发展。屯留区取得成绩。\n");
	CHECK_STR(r.docs[0].region, "屯留区");
	rec_free(&r);

	/* glossary entries in a plain report, (1) numbered leads, an indented text */
	r = ingest_string("plain.txt", "　　一、工作回顾\n\n　　过去一年，成绩显著。\n\n"
	                               "　　1．加快发展。要加快。\n\n名词解释\n\n"
	                               "1. “三农”：农业、农村、农民。\n\n2、双减：减负。\n");
	const struct rec_doc *d = &r.docs[0];
	s = find_section(d, "工作回顾");
	CHECK(s && strcmp(s->kind, "part") == 0);
	s = find_section(d, "加快发展");
	CHECK(s && strcmp(s->kind, "item") == 0 && strcmp(s->number, "1．") == 0 && s->level == 2);
	CHECK(find_para(d, "过去一年") &&
	      strcmp(find_para(d, "过去一年")->text, "过去一年，成绩显著。") == 0);
	CHECK_INT(d->ngloss, 2);
	if (d->ngloss == 2) {
		CHECK_STR(d->gloss[0].term, "“三农”");
		CHECK_STR(d->gloss[0].definition, "农业、农村、农民。");
		CHECK_STR(d->gloss[1].term, "双减");
		CHECK_INT(d->gloss[1].number, 2);
	}
	rec_free(&r);
}

/* A web page: the article body only, in the page's charset (GB2312 read as
 * GB18030), headings and bold leads kept, navigation and footer dropped. */
static void test_web_pages(void)
{
	const char *page =
	    "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
	    "charset=gb2312\"><title>2024年某某县政府工作报告_某某县人民政府</title>"
	    "<script>var x = '招商引资';</script><style>p{}</style></head><body>"
	    "<div class=\"nav\"><ul><li><a href=\"/\">首页</a></li><li><a "
	    "href=\"/z\">招商引资</a></li>"
	    "</ul></div><div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; "
	    "政府工作报告</div>"
	    "<div class=\"content\"><p>——2024年1月10日在某某县第十届人民代表大会第三次会议上</p>"
	    "<p>　　<strong>一、2023年工作回顾</strong></p>"
	    "<p>　　全县地区生产总值完成120.5亿元，同比增长5.1%。"
	    "城镇新增就业3200人，招商引资到位资金25亿元。</p>"
	    "<p>　　<strong>二、2024年主要目标</strong></p>"
	    "<p>　　主要预期目标是：地区生产总值增长6%左右。</p></div>"
	    "<div class=\"tools\"><a href=\"javascript:print()\">【打印本页】</a></div>"
	    "<div class=\"footer\"><p>主办单位：某某县人民政府办公室 晋ICP备05001234号</p></div>"
	    "</body></html>";
	/* the page as a GBK site serves it */
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	CHECK(cd != (iconv_t)-1);
	if (cd == (iconv_t)-1)
		return;
	static char gbk[8192];
	char *in = (char *)page, *out = gbk;
	size_t inleft = strlen(page), outleft = sizeof gbk;
	CHECK(iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1);
	iconv_close(cd);
	struct rec r = {0};
	struct doc_sink sink = rec_sink(&r);
	const char *why = NULL;
	CHECK_INT(ingest_buffer(&sink, "page.html", gbk, sizeof gbk - outleft, &why),
	          INGEST_STORED);
	if (r.ndocs == 1) {
		const struct rec_doc *d = &r.docs[0];
		CHECK_STR(d->region, "某某县");
		CHECK_STR(d->date, "2024-01-10");
		CHECK_STR(d->encoding, "HTML GB18030");
		CHECK_STR(d->title, "2024年某某县政府工作报告");
		CHECK(find_section(d, "2023年工作回顾") != NULL);
		int boiler = 0, investment = 0;
		for (int i = 0; i < (int)d->nparas; i++) {
			const char *t = d->paras[i].text;
			boiler += strstr(t, "首页") || strstr(t, "ICP") || strstr(t, "打印") ||
			          strstr(t, "当前位置") || strchr(t, '<') || strstr(t, "var x");
			investment += strstr(t, "招商引资") != NULL;
		}
		CHECK_INT(boiler, 0);
		CHECK_INT(investment, 1); /* the text's, not the navigation's */
	}
	rec_free(&r);
}

/* Encodings told apart by how Chinese they read: Big5 is not stored as
 * GB18030 mojibake, Japanese and Korean text is refused with its name. */
static int encode(const char *to, const char *utf8, char *out, size_t cap, size_t *len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	if (cd == (iconv_t)-1)
		return -1;
	char *in = (char *)utf8, *o = out;
	size_t inleft = strlen(utf8), outleft = cap;
	size_t rc = iconv(cd, &in, &inleft, &o, &outleft);
	iconv_close(cd);
	*len = cap - outleft;
	return rc == (size_t)-1 ? -1 : 0;
}

static void test_other_encodings(void)
{
	static const char trad[] =
	    "——2024年1月12日在某某縣第十屆人民代表大會第三次會議上\n\n"
	    "過去一年，全縣經濟運行穩中有進，地區生產總值增長百分之五，專業鎮建設取得新進展，"
	    "城鄉居民收入穩步增長，生態環境持續改善，各項社會事業全面發展，人民群眾的獲得感不斷增強"
	    "。\n";
	static char buf[4096];
	size_t n;
	CHECK(encode("BIG5", trad, buf, sizeof buf, &n) == 0);
	struct rec r = {0};
	struct doc_sink sink = rec_sink(&r);
	const char *why = NULL;
	CHECK_INT(ingest_buffer(&sink, "big5.txt", buf, n, &why), INGEST_STORED);
	if (r.ndocs == 1) {
		CHECK_STR(r.docs[0].encoding, "Big5");
		CHECK_STR(r.docs[0].region, "某某县"); /* read through the simplified fold */
		CHECK(find_para(&r.docs[0], "過去一年") != NULL); /* the text as written */
	}
	rec_free(&r);
	/* the same in GB18030 stays GB18030 */
	CHECK(encode("GB18030", trad, buf, sizeof buf, &n) == 0);
	r = (struct rec){0};
	sink = rec_sink(&r);
	CHECK_INT(ingest_buffer(&sink, "gb.txt", buf, n, &why), INGEST_STORED);
	if (r.ndocs == 1)
		CHECK_STR(r.docs[0].encoding, "GB18030");
	rec_free(&r);
	static const char ja[] =
	    "これは日本語の文章です。東京都の人口は増えています。経済は回復しています。"
	    "これは試験のための文章です。日本語の文章がたくさん必要です。";
	CHECK(encode("SHIFT_JIS", ja, buf, sizeof buf, &n) == 0);
	buf[n] = '\0';
	expect_refused("Shift_JIS", buf, n, "not Chinese text: it reads as Shift_JIS (Japanese);");
	static const char ko[] =
	    "이것은 한국어 문장입니다. 서울의 인구는 늘고 있습니다. 경제는 회복되고 "
	    "있습니다. 시험을 위한 문장입니다. 한국어 문장이 많이 필요합니다.";
	CHECK(encode("EUC-KR", ko, buf, sizeof buf, &n) == 0);
	buf[n] = '\0';
	expect_refused("EUC-KR", buf, n, "not Chinese text: it reads as EUC-KR (Korean);");
}

/* Hard-wrapped text as pdftotext gives it: lines of one width, a number
 * split over two lines, page numbers and a running header at each page
 * break, spread-out words. */
static void test_hard_wrapped(void)
{
	static const char para[] =
	    "过去一年，全县上下团结奋斗，经济运行总体平稳。全县地区生产总值完成120.5亿元，同比增长"
	    "5.1%；一般公共预算收入完成8.6亿元，同比增长3.2%；城镇新增就业3200人。农业农村工作扎实"
	    "推进，粮食总产量稳定在2.1亿斤，乡村振兴取得新进展，群众获得感持续增强。";
	static char text[8192];
	size_t n = (size_t)snprintf(text, sizeof text,
	                            "某某县人民政府文件\n政府工作报告\n一、2023 年工作回顾\n");
	int page = 1;
	for (int copy = 0; copy < 3; copy++) { /* three paragraphs: the wrap width is plain */
		size_t i = 0, cps = 0;
		while (para[i]) {
			uint32_t cp;
			size_t k = utf8_decode(para + i, strlen(para + i), &cp);
			memcpy(text + n, para + i, k);
			n += k;
			i += k;
			if (++cps % 20 == 0) {
				text[n++] = '\n';
				if (cps % 60 == 0) /* a page break: its number, then the header */
					n += (size_t)snprintf(text + n, sizeof text - n,
					                      "\n—%d—\n\n\f某某县人民政府文件\n",
					                      page++);
			}
		}
		text[n++] = '\n';
	}
	n += (size_t)snprintf(text + n, sizeof text - n,
	                      "二、2024 年 主 要 目 标\n今年地区生产总值增长6%%左右。\n");
	struct rec r = ingest_string("wrapped.txt", text);
	CHECK_INT(r.ndocs, 1);
	if (r.ndocs == 1) {
		const struct rec_doc *d = &r.docs[0];
		const struct rec_para *p = find_para(d, "过去一年");
		CHECK(p && strstr(p->text, "同比增长5.1%") &&
		      strstr(p->text, "群众获得感持续增强。"));
		int noise = 0, paras = 0;
		for (int k = 0; k < (int)d->nparas; k++) {
			noise += strstr(d->paras[k].text, "—1—") ||
			         strstr(d->paras[k].text, "—2—") ||
			         strstr(d->paras[k].text, "人民政府文件") ||
			         strchr(d->paras[k].text, '\f');
			paras += strstr(d->paras[k].text, "过去一年") != NULL;
		}
		CHECK_INT(noise, 0);
		CHECK_INT(paras, 3);
		CHECK(find_section(d, "2023年工作回顾") != NULL);
		CHECK(find_section(d, "2024年主要目标") != NULL);
	}
	rec_free(&r);
}

/* The region as each level of government names itself, and the years from
 * the day a report was delivered. */
static void test_regions(void)
{
	static const struct {
		const char *text, *region;
		int review, plan;
	} cases[] = {
	    {"政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n各位代表：\n",
	     "全国", 2023, 2024},
	    {"政府工作报告\n\n——2023年1月16日在浙江省第十四届人民代表大会第一次会议上\n", "浙江省",
	     2022, 2023},
	    {"政府工作报告\n\n——2022年1月10日在内蒙古自治区第十三届人民代表大会第五次会议上\n",
	     "内蒙古自治区", 2021, 2022},
	    {"政府工作报告\n\n——2021年12月20日在杭州市西湖区第十届人民代表大会第一次会议上\n",
	     "西湖区", 2021, 2022},
	    {"政府工作报告\n\n——2020年1月8日在天津市滨海新区第二届人民代表大会第四次会议上\n",
	     "滨海新区", 2019, 2020},
	    {"政府工作报告\n\n——2019年1月6日在沁县第十六届人民代表大会第三次会议上\n", "沁县", 2018,
	     2019},
	    {"政府工作报告\n\n——2018年1月9日在达茂旗第十届人民代表大会第二次会议上\n", "达茂旗",
	     2017, 2018},
	    {"政府工作报告\n\n——２０１７年２月１５日在黔东南苗族侗族自治州第十三届人民代表大会第一"
	     "次"
	     "会议上\n",
	     "黔东南苗族侗族自治州", 2016, 2017},
	    /* no congress line: the title, the speaker */
	    {"# "
	     "扬州市2023年国民经济和社会发展统计公报\n\n一、综合\n\n全年全市地区生产总值7423."
	     "3亿元。\n",
	     "扬州市", 2023, 0},
	    {"# 政府工作报告\n\n福建省省长　某某\n\n一、2020年工作回顾\n\n过去一年成绩显著。\n",
	     "福建省", 2020, 0},
	    /* a zone is never the government */
	    {"# 某某经济技术开发区2023年工作总结\n\n一、综合\n\n开发区发展很快。\n", NULL, 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct rec r = ingest_string("/x/report.txt", cases[i].text);
		CHECK_INT(r.ndocs, 1);
		if (r.ndocs) {
			if (cases[i].region)
				CHECK_STR(r.docs[0].region, cases[i].region);
			else
				CHECK_MSG(!r.docs[0].region || !strstr(r.docs[0].region, "开发区"),
				          "%s", r.docs[0].region);
			if (cases[i].review)
				CHECK_INT(r.docs[0].review_year, cases[i].review);
			if (cases[i].plan)
				CHECK_INT(r.docs[0].plan_year, cases[i].plan);
		}
		rec_free(&r);
	}
}

/* two files joined with cat: the second one's BOM is no text, and the
 * heading after it still starts its line */
static void test_joined_bom(void)
{
	static const char joined[] = "\xEF\xBB\xBF# 第一份报告\n\n正文一。\n"
	                             "\xEF\xBB\xBF## 一、工作回顾\n\n正文二。\n";
	struct decoded dec;
	const char *why;
	CHECK_INT(decode_text(joined, sizeof joined - 1, &dec, &why), 0);
	CHECK(dec.text && !strstr(dec.text, "\xEF\xBB\xBF"));
	free(dec.text);
	struct rec r = {0};
	struct doc_sink sink = rec_sink(&r);
	CHECK_INT(ingest_buffer(&sink, "joined.txt", joined, sizeof joined - 1, &why),
	          INGEST_STORED);
	CHECK(r.ndocs == 1 && find_section(&r.docs[0], "工作回顾") != NULL);
	rec_free(&r);
}

int main(void)
{
	const char *dir = getenv("BAOGAO_DATADIR");
	snprintf(seeds_dir, sizeof seeds_dir, "%s/seeds", dir && *dir ? dir : BAOGAO_SRCDIR);
	test_sha256();
	test_seeds();
	test_verbatim();
	test_plain_text(0, 2 + 4 + 10);
	test_plain_text(2, 3);
	test_plain_text(4, 3 + 9 + 18 + 1);
	test_encodings();
	test_refusals();
	test_directories();
	test_sink_failure();
	test_hostile();
	test_small_cases();
	test_regions();
	test_web_pages();
	test_hard_wrapped();
	test_other_encodings();
	test_joined_bom();
	return check_done();
}
