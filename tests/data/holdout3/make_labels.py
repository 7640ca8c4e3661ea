"""Third blind holdout (qa3).

Round "before" (before_*: 40 risky passages over the 12 categories, 30 compliant near-misses) was
written before the lexicon rework and measured first; the rules were then broadened by category
vocabulary (not by these sentences). Round "after" (after_*: 30 risky, 20 compliant) was written
after the rework without looking at the rules and measured untouched.

One labelled passage per paragraph (blank-line separated; headings skipped). Categories are listed
here in file order so the copy files stay free of markers; the script checks the counts line up."""
import json, os, re

here = os.path.dirname(os.path.abspath(__file__))
AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST, CELL = ("absolute_safety", "unqualified_percentage",
    "human_derived", "medicinal_claim", "structure_function", "non_cosmetic_route", "comparative_superiority",
    "vague_science", "regulator_claim", "hype", "testimonial_results", "cell_therapy")

SETS = {
    "before.labels.json": ({"before_risky.txt": [AS] * 3 + [UP] * 4 + [HD] * 3 + [MED] * 4 + [SF] * 4 + [RT] * 3
                                                + [CMP] * 3 + [VS] * 4 + [REG] * 3 + [HY] * 3 + [TST] * 3 + [CELL] * 2
                                                + [MED]},
                           ["before_clean.md"]),
    "after.labels.json": ({"after_risky.txt": [AS] * 3 + [UP] * 3 + [HD] * 2 + [MED] * 3 + [SF] * 3 + [RT] * 3
                                              + [CMP] * 2 + [VS] * 3 + [REG] * 2 + [HY] * 2 + [TST] * 2 + [CELL] * 2},
                          ["after_clean.md"]),
    "final.labels.json": ({"final_risky.txt": [AS] * 2 + [UP] * 2 + [HD] + [MED] * 2 + [SF] * 2 + [RT] + [CMP]
                                              + [VS] * 2 + [REG] + [HY] * 2 + [TST] * 2 + [CELL] * 2},
                          ["final_clean.md"]),
}
# Passages judged ambiguous after measuring (kept in the files, scored as neutral: not required, and a
# finding on them is not a false positive). "Skin looks brighter ... after a single session" was
# written as a compliant appearance claim, but it promises a result on a one-session timescale, which
# CAP anti-ageing advice asks advertisers to substantiate; a warning there is defensible.
NEUTRAL = {"before_clean.md": [("Skin looks brighter and feels softer after a single session.", UP)]}


def passages(text):
    out = []
    for para in text.split("\n\n"):
        para = para.strip()
        if para and not para.startswith("#"):
            out.append(para)
    return out


def build(risky, clean):
    docs = []
    for name, cats in risky.items():
        ps = passages(open(os.path.join(here, name), encoding="utf-8").read())
        assert len(ps) == len(cats), (name, len(ps), len(cats))
        docs.append(dict(file=name, kind="risky", market="unknown",
                         spans=[dict(text=p, category=c) for p, c in zip(ps, cats)], clean=[]))
    for name in clean:
        ps = passages(open(os.path.join(here, name), encoding="utf-8").read())
        spans = [dict(text=t, category=c, voice="quoted") for t, c in NEUTRAL.get(name, [])]
        assert all(any(s["text"] in p for p in ps) for s in spans), name
        clean_ps = [p for p in ps if not any(s["text"] in p for s in spans)]
        docs.append(dict(file=name, kind="compliant", market="unknown", spans=spans, clean=clean_ps))
    return docs


if __name__ == "__main__":
    for out, (risky, clean) in SETS.items():
        if not risky and not clean:
            continue
        docs = build(risky, clean)
        json.dump(docs, open(os.path.join(here, out), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
        print(out, sum(len(d["spans"]) for d in docs), "risky passages,", sum(len(d["clean"]) for d in docs),
              "clean passages")
