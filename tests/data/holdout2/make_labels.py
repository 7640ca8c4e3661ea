"""Second blind holdout (qa2). Round 1 (risky_*/clean_*: 60 risky passages over the 12 categories,
60 compliant near-misses) and round 1b (variants_*) were written before looking at the rule patterns
and used to fix the rules; round 3 (blind3_*) was written after the fixes and measured untouched.

Writes holdout2.labels.json: one labelled passage per paragraph (txt/md: blank-line separated,
headings and front matter skipped; html: one <p>/<li> each). Categories are listed here in file order
so the copy files stay free of markers; the script checks the counts line up."""
import json, os, re

here = os.path.dirname(os.path.abspath(__file__))
AS, UP, HD, MED, SF, RT, CMP, VS, REG, HY, TST, CELL = ("absolute_safety", "unqualified_percentage",
    "human_derived", "medicinal_claim", "structure_function", "non_cosmetic_route", "comparative_superiority",
    "vague_science", "regulator_claim", "hype", "testimonial_results", "cell_therapy")

RISKY = {
 "risky_captions.txt": [AS, AS, UP, UP, MED, RT, CMP, HY, TST, CELL, HY, VS, CMP, TST, RT],
 "risky_pdp.md": [AS, UP, HD, HD, MED, SF, SF, CMP, VS, REG, HY, TST, CELL, UP, REG, HY],
 "risky_blog.md": [AS, UP, HD, MED, MED, SF, RT, CMP, VS, REG, HY, TST, CELL, RT, VS],
 "risky_listing.html": [AS, HD, HD, MED, SF, SF, RT, CMP, VS, REG, REG, TST, CELL, CELL],
 # round 1b: variants written after the first fixes, before the second
 "variants_risky.txt": [AS, AS, AS, UP, UP, HD, HD, MED, MED, MED, SF, SF, SF, RT, RT, CMP, CMP, VS, VS, REG, REG,
                        HY, HY, TST, TST, CELL, CELL],
}
CLEAN = ["clean_faq.md", "clean_aftercare.txt", "clean_glossary.md", "clean_press.html", "variants_clean.txt"]
# Claims reported in someone else's voice (a journalist, a regulator, an explainer): neutral.
# Round 3: written blind AFTER the fixes and measured untouched (the honest generalisation estimate);
# kept in its own labels file so later rule changes can be judged against it.
BLIND3_RISKY = {"blind3_risky.txt": [AS, AS, UP, UP, HD, MED, MED, SF, SF, RT, RT, CMP, CMP, VS, VS, REG, HY, HY, TST, CELL]}
BLIND3_CLEAN = ["blind3_clean.md"]
BLIND3_QUOTED = {"blind3_clean.md": [("better than Botox", CMP), ("clinically proven", VS)]}
QUOTED = {"clean_press.html": [("completely risk-free", AS), ("safe and effective", AS), ("no downtime", AS),
                               ("Clinically proven", VS), ("up to 50%", UP)]}


def passages(text, name):
    if name.endswith(".html"):
        return [m.group(1) for m in re.finditer(r"<(?:p|li)>(.*?)</(?:p|li)>", text)]
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    out = []
    for para in text.split("\n\n"):
        para = para.strip()
        if not para or para.startswith("#") or (para.isupper() and "\n" not in para):
            continue
        out.append(para)
    return out


def build(risky, clean, quoted):
    docs = []
    for name, cats in risky.items():
        text = open(os.path.join(here, name), encoding="utf-8").read()
        ps = passages(text, name)
        assert len(ps) == len(cats), (name, len(ps), len(cats))
        docs.append(dict(file=name, kind="risky", market="unknown",
                         spans=[dict(text=p, category=c) for p, c in zip(ps, cats)], clean=[]))
    for name in clean:
        text = open(os.path.join(here, name), encoding="utf-8").read()
        spans = [dict(text=t, category=c, voice="quoted") for t, c in quoted.get(name, [])]
        for s in spans:
            assert s["text"] in text, (name, s["text"])
        # A passage holding a quoted claim is not listed as clean: score.py then judges it by the
        # compliant-document rule (any finding outside the quoted claim is a false positive).
        clean_ps = [p for p in passages(text, name) if not any(s["text"] in p for s in spans)]
        docs.append(dict(file=name, kind="compliant", market="unknown", spans=spans, clean=clean_ps))
    return docs


if __name__ == "__main__":
    for out, args in [("holdout2.labels.json", (RISKY, CLEAN, QUOTED)),
                      ("blind3.labels.json", (BLIND3_RISKY, BLIND3_CLEAN, BLIND3_QUOTED))]:
        docs = build(*args)
        json.dump(docs, open(os.path.join(here, out), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
        print(out, len(docs), "documents,", sum(len(d["spans"]) for d in docs if d["kind"] == "risky"),
              "risky passages,", sum(len(d["clean"]) for d in docs), "clean passages")
