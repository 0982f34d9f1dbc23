#!/usr/bin/python3
"""Checks text_dump's layout of paragraphs against an independent oracle:
python3-wcwidth for widths (plus unicodedata's East Asian Width for the wide
ambiguous mode) and the line-breaking rules of the spec, reimplemented here.

Usage: text_dump [-w] FILE... | text_oracle.py [--wide] FILE...
Prints the first failures and a summary; exit status 1 on any failure.
"""
import sys
import unicodedata

import wcwidth

NO_START = set("，。、；：？！）》」』】〉”’…·%,.;:?!)]")
NO_END = set("（《「『【〈“‘([")
PAIRS = set("—…")
UNITS = set("亿万千元吨亩人户个家项")

wide = "--wide" in sys.argv[1:]
files = [a for a in sys.argv[1:] if a != "--wide"]
failures = []
checked = {"paragraphs": 0, "layouts": 0, "lines": 0, "skipped": 0}


def fail(where, msg):
    failures.append("%s: %s" % (where, msg))


def char_width(ch):
    w = wcwidth.wcwidth(ch)
    if w < 0:  # controls are shown as one visible replacement
        return 1
    if wide and w == 1 and unicodedata.east_asian_width(ch) == "A":
        return 2
    return w


def text_width(text):
    return sum(char_width(c) for c in text)


def is_ascii_graph(ch):
    return "!" <= ch <= "~"


def paragraphs(path):
    with open(path, "rb") as f:
        data = f.read()
    for line in data.split(b"\n"):
        if line.endswith(b"\r"):
            line = line[:-1]
        if line:
            yield line


def check_layout(where, para, width, hang, lines):
    """lines: [(indent, width, start, end)] as byte offsets into para"""
    avail_cont = width - min(hang, width // 2)
    pos = 0
    texts = []
    for n, (indent, lw, start, end) in enumerate(lines):
        here = "%s w=%d line %d" % (where, width, n)
        gap = para[pos:start]
        if start < pos or end < start or end > len(para):
            fail(here, "bad range [%d,%d) after %d" % (start, end, pos))
            return
        if n == 0 and gap:
            fail(here, "the first line does not start the paragraph")
        if gap.strip(b" "):
            fail(here, "characters lost between lines: %r" % gap.decode("utf-8", "replace"))
        text = para[start:end].decode("utf-8")
        if not text:
            fail(here, "empty line")
            return
        if text.endswith(" ") or (n > 0 and text.startswith(" ")):
            fail(here, "break space kept: %r" % text)
        tw = text_width(text)
        if tw != lw:
            fail(here, "width %d, oracle says %d: %r" % (lw, tw, text))
        if indent + tw > width:
            fail(here, "indent %d + width %d > %d: %r" % (indent, tw, width, text))
        texts.append((text, start, end))
        pos = end
    if para[pos:].strip(b" "):
        fail(where, "w=%d: text after the last line lost" % width)
    checked["lines"] += len(texts)
    for n in range(1, len(texts)):
        before, b_start, b_end = texts[n - 1]
        after, a_start, _ = texts[n]
        here = "%s w=%d break %d" % (where, width, n)
        shown = "%r | %r" % (before[-6:], after[:6])
        if after[0] in NO_START and len(after) > 1:
            fail(here, "line starts with %r: %s" % (after[0], shown))
        if before[-1] in NO_END and len(before) > 1:
            fail(here, "line ends with %r: %s" % (before[-1], shown))
        if before[-1] in PAIRS and after[0] == before[-1]:
            fail(here, "%s split: %s" % (before[-1] * 2, shown))
        if b_end != a_start:
            continue  # broken at a space
        # a Latin word or number (and its unit) is split only when wider than a line
        full = para.decode("utf-8")
        cut = len(para[:b_end].decode("utf-8"))
        lo, hi = cut, cut
        if is_ascii_graph(before[-1]) and is_ascii_graph(after[0]):
            while lo > 0 and is_ascii_graph(full[lo - 1]):
                lo -= 1
            while hi < len(full) and is_ascii_graph(full[hi]):
                hi += 1
        elif after[0] in UNITS:
            # up to two unit characters right after a number: 457.6亿元, 3万人
            j = cut
            while j > 0 and full[j - 1] in UNITS and cut - j < 2:
                j -= 1
            if cut - j >= 2 or j == 0 or not (full[j - 1].isdigit() or full[j - 1] in ".%"):
                continue
            lo = j
            while lo > 0 and is_ascii_graph(full[lo - 1]):
                lo -= 1
            while hi < len(full) and full[hi] in UNITS and hi - j < 2:
                hi += 1
        else:
            continue
        # with what 避头尾 keeps attached to it: "理,PM2.5" cannot start at the comma
        while lo > 0 and (full[lo] in NO_START or full[lo - 1] in NO_END
                          or is_ascii_graph(full[lo - 1]) and is_ascii_graph(full[lo])):
            lo -= 1
        while hi < len(full) and (full[hi] in NO_START or full[hi - 1] in NO_END
                                  or is_ascii_graph(full[hi - 1]) and is_ascii_graph(full[hi])):
            hi += 1
        if text_width(full[lo:hi]) <= avail_cont:
            fail(here, "%r split although it fits in %d columns: %s"
                 % (full[lo:hi], avail_cont, shown))


def main():
    paras = [(f, i, p) for f in files for i, p in enumerate(paragraphs(f))]
    records = [line.rstrip("\n").split(" ") for line in sys.stdin]
    r = 0
    for path, index, para in paras:
        while r < len(records) and records[r][0] == "F":
            r += 1
        if r >= len(records) or records[r][0] != "P" or int(records[r][1]) != index:
            fail(path, "dump out of step at paragraph %d" % index)
            break
        _, _, pwidth, hang, changed = records[r]
        r += 1
        where = "%s:%d" % (path.rsplit("/", 1)[-1], index)
        text = para.decode("utf-8", "replace")
        checked["paragraphs"] += 1
        if changed != "0":
            checked["skipped"] += 1
        elif int(pwidth) != text_width(text):
            fail(where, "text_width %s, oracle says %d" % (pwidth, text_width(text)))
        while r < len(records) and records[r][0] == "W":
            width, count = int(records[r][1]), int(records[r][2])
            lines = [tuple(int(x) for x in rec[1:]) for rec in records[r + 1:r + 1 + count]]
            r += 1 + count
            checked["layouts"] += 1
            if changed == "0":
                check_layout(where, para, width, int(hang), lines)
    if r != len(records):
        fail("dump", "%d records left over" % (len(records) - r))
    for f in failures[:40]:
        print("FAIL", f)
    print("text_oracle%s: %d paragraphs, %d layouts, %d lines checked, %d skipped, %d failures"
          % (" (wide)" if wide else "", checked["paragraphs"], checked["layouts"],
             checked["lines"], checked["skipped"], len(failures)))
    return 1 if failures or not checked["lines"] else 0


if __name__ == "__main__":
    sys.exit(main())
