#!/usr/bin/env python3
"""Synthetic corpus for the benchmark: N reports made from the seeds.

Each report takes the paragraphs of one seed with a new county name, shifted
years and perturbed figures.  Paragraphs are always whole (page-break cuts of
the seeds are joined first), so `rg` over the files counts what baogao counts
and is a fair peer.  Deterministic for a given N and --seed.
"""
import argparse
import os
import random
import re

SENTENCE_END = tuple("。！？；：”）…")
SYL = "东西南北中上下安平宁泰和丰顺昌兴盛华阳明清远长新金石河山城林川"
REGIONS = ["潞州区", "潞城区", "上党区", "屯留区", "襄垣县", "平顺县", "黎城县", "壶关县",
           "长子县", "武乡县", "沁县", "沁源县", "长治市"]


def seed_paragraphs(path):
    lines = open(path, encoding="utf-8-sig").read().replace("\r\n", "\n").split("\n")
    paras, cur = [], ""
    for line in lines:
        s = line.strip()
        if not s:
            continue
        # a line cut mid-sentence continues on the next non-blank line
        if cur and not cur.endswith(SENTENCE_END) and len(cur) > 60 and not s.startswith(("#", "-", "**")):
            cur += s
            continue
        if cur:
            paras.append(cur)
        cur = s
    if cur:
        paras.append(cur)
    return paras


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--seeds", default=os.path.join(os.path.dirname(__file__), "..", "seeds"))
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    seeds = sorted(os.path.join(a.seeds, f) for f in os.listdir(a.seeds) if f.endswith(".txt"))
    sources = [seed_paragraphs(p) for p in seeds]
    os.makedirs(a.outdir, exist_ok=True)
    total = 0
    used = set()
    for i in range(a.n):
        # two seeds a report brings the mean size near a real report's (~35 KB)
        paras = sources[i % len(sources)] + sources[(i + 2) % len(sources)]
        # one name a report: two reports of one county and one date would be
        # one report to baogao (the same report in another form)
        name = rnd.choice(SYL) + rnd.choice(SYL) + rnd.choice("区县")
        while name in used:
            name = rnd.choice(SYL) + rnd.choice(SYL) + rnd.choice(SYL) + rnd.choice("区县")
        used.add(name)
        shift = rnd.randint(-15, 0)

        def year(m):
            return str(int(m.group(0)[:4]) + shift) + m.group(0)[4:]

        def num(m):
            v = float(m.group(0))
            f = v * rnd.uniform(0.7, 1.3)
            return ("%.1f" % f) if "." in m.group(0) else str(int(f))

        out = []
        for p in paras:
            # "长治市潞州区" would become the name twice
            p = re.sub("长治市(?=" + "|".join(REGIONS[:-1]) + ")", "", p)
            for r in REGIONS:
                p = p.replace(r, name)
            p = re.sub(r"20[0-9]{2}年", year, p)
            p = re.sub(r"(?<![0-9])[0-9]+\.[0-9]+(?![0-9])", num, p)
            # counts too (项目608个): each report its own figures
            p = re.sub(r"(?<![0-9.])[1-9][0-9]+(?![0-9.年月日])", num, p)
            out.append(p)
        text = "\n\n".join(out) + "\n"
        path = os.path.join(a.outdir, "r%05d_%s.txt" % (i, name))
        with open(path, "w", encoding="utf-8") as fp:
            fp.write(text)
        total += len(text.encode("utf-8"))
    print("%d reports, %.1f MB in %s" % (a.n, total / 1e6, a.outdir))


if __name__ == "__main__":
    main()
