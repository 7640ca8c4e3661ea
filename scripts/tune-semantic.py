#!/usr/bin/env python3
"""Choose the semantic stage's operating point by grouped cross-validation, and measure it.

    python scripts/tune-semantic.py cv [--record]      # grouped CV on the rules' own examples
    python scripts/tune-semantic.py cv --pages LABELS --page-rules DIR [--check LABELS]...
        [--benchmark CORPUS] [--record]                # ... and on labelled pages (folds by page)
    python scripts/tune-semantic.py corpora [--rules DIR] LABELS...  # stage off and on

``cv``: the rules are split into 5 folds (a rule's examples never straddle folds, so a fold's
flag examples are wordings the index has never seen, like the copy the rules miss); the
compliant sentences are split the same way. For each fold the index holds the other folds'
examples; the fold's flag examples must be flagged, its pass examples and compliant sentences
must not (after the stage's own screens: length, vocabulary, negators). The point kept is the
one with the best recall whose false-positive rate on held-out negatives is at most --max-fpr;
``--record`` writes it to exolint/semantic/model/model.json.

``cv --pages``: also grouped 5-fold CV over labelled pages (folds by page), linted with
``--page-rules`` (a weaker rule set, so the stage has misses to catch: tests/data/rules-0.1.0).
The grid adds the page gate (read every page, or only pages where the rules reported a claim).
A point is feasible when the example false-positive rate is at most --max-fpr, the ``--check``
sets get 0 false positives with today's rules, the ``--benchmark`` accuracy corpus keeps the
share of findings on its compliant sentences under --max-benchmark-share, and the pages get at
most --max-rate (and, with today's rules, --max-rate-now) added false positives per 1,000
compliant words. Each fold of pages is scored by the point chosen on the other folds (the
honest, held-out estimate); the point recorded is the one chosen on all pages.

``corpora``: runs exolint on each labels file (../shared/eval/score.py's format) once, records
every sentence the stage scored, and reports recall and false positives per 1,000 compliant
words for the rules alone and with the stage at the recorded point (or --margin/--floor). Only
the sets you tune on may be used to choose a point; the rest are for reporting.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import zlib
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exolint.api import LintOptions, default_ruleset, lint_paths  # noqa: E402
from exolint.semantic import stage  # noqa: E402
from exolint.semantic.classify import OperatingPoint, recorded_point, score  # noqa: E402
from exolint.semantic.embedder import MODEL_DIR, embedder  # noqa: E402
from exolint.semantic.examples import index_for  # noqa: E402
from exolint.semantic.examples import compliant_sentences, vocabulary  # noqa: E402

FOLDS = 5
KS = (1, 3, 5, 8)
GATES = (False, True)  # read every page / only the pages where the rules reported a claim
MARGINS = np.round(np.arange(-0.10, 0.3001, 0.005), 3)
FLOORS = np.round(np.arange(0.30, 0.851, 0.05), 3)


def fold_of(name: str) -> int:
    return zlib.crc32(name.encode()) % FOLDS


def screened(sentences: list[str], domain) -> np.ndarray:
    return np.array([stage.worth_reading(s, domain) for s in sentences], dtype=bool)


def cross_validate(max_fpr: float, grids_out: dict | None = None) -> dict:
    rules = list(default_ruleset().rules)
    compliant = compliant_sentences()
    embed = embedder().embed
    pos_hits = {k: [] for k in KS}
    neg_hits = {k: [] for k in KS}
    for fold in range(FOLDS):
        train = [r for r in rules if fold_of(r.id) != fold]
        test = [r for r in rules if fold_of(r.id) == fold]
        c_train = [s for s in compliant if fold_of(s) != fold]
        c_test = [s for s in compliant if fold_of(s) == fold]
        flag_texts = [t for r in train for t in r.examples_flag]
        pass_texts = [t for r in train for t in r.examples_pass] + c_train
        domain = vocabulary(flag_texts, pass_texts)
        positives = [t for r in test for t in r.examples_flag]
        negatives = [t for r in test for t in r.examples_pass] + c_test
        flag_v, pass_v = embed(flag_texts), embed(pass_texts)
        for k in KS:
            for sents, out in ((positives, pos_hits[k]), (negatives, neg_hits[k])):
                sc = score(embed(sents), flag_v, pass_v, k)
                ok = screened(sents, domain)
                # (sentences x margins x floors) -> flagged
                hit = ((sc.margin[:, None, None] >= MARGINS[None, :, None])
                       & (sc.similarity[:, None, None] >= FLOORS[None, None, :])
                       & ok[:, None, None])
                out.append(hit)
    best = None
    table = []
    grids = {}
    for k in KS:
        pos = np.concatenate(pos_hits[k]).mean(axis=0)
        neg = np.concatenate(neg_hits[k]).mean(axis=0)
        n_pos, n_neg = sum(len(h) for h in pos_hits[k]), sum(len(h) for h in neg_hits[k])
        grids[k] = (pos, neg)
        for i, m in enumerate(MARGINS):
            for j, f in enumerate(FLOORS):
                table.append((k, float(m), float(f), float(pos[i, j]), float(neg[i, j])))
                if neg[i, j] <= max_fpr and (best is None or pos[i, j] > best[3] + 1e-9):
                    best = (k, float(m), float(f), float(pos[i, j]), float(neg[i, j]))
    k, m, f, rec, fpr = best
    print(f"grouped {FOLDS}-fold CV over {len(rules)} rules ({n_pos} held-out flag examples, "
          f"{n_neg} held-out pass/compliant sentences)")
    for row in sorted(table, key=lambda r: (-r[3]))[:0]:
        print(row)
    for target in (0.01, 0.02, 0.03, 0.05, 0.08):
        cand = [r for r in table if r[4] <= target]
        if cand:
            r = max(cand, key=lambda r: r[3])
            print(f"  FPR <= {target:.2f}: k={r[0]} margin={r[1]:+.2f} floor={r[2]:.2f} "
                  f"recall {r[3]:.3f} FPR {r[4]:.3f}")
    print(f"chosen (FPR <= {max_fpr}): k={k} margin={m:+.2f} floor={f:.2f} "
          f"held-out recall {rec:.3f}, false-positive rate {fpr:.3f}")
    if grids_out is not None:
        grids_out.update(grids)
    return {"k": k, "margin": m, "floor": f, "cv_recall": round(rec, 3), "cv_fpr": round(fpr, 3),
            "chosen_by": (f"grouped {FOLDS}-fold cross-validation over the bundled rules' examples "
                          f"and exolint's compliant sentences: best held-out recall at a "
                          f"false-positive rate <= {max_fpr}")}


# -- grouped cross-validation on labelled pages --------------------------------------------------
def load_rules(folder: str | None):
    from exolint.ruleset import RuleSet
    return RuleSet.load([Path(folder)], include_bundled=False) if folder else default_ruleset()


def collect(labels: Path, ruleset) -> dict:
    """Every sentence the stage would score on ``labels``' pages under ``ruleset`` (its screens and
    the context stage applied), with what flagging it would do: the label spans it would newly
    catch (spans the rules missed) and the false positives it would add (score.py's counting)."""
    docs, paths, by_file, _sem = run_corpus(labels, ruleset, keep=True)
    pages, cands = [], []
    for pi, (d, p) in enumerate(zip(docs, paths)):
        text = open(p, encoding="utf-8-sig").read()
        starts = _offsets(text)
        hits = [(_to_offset(starts, a, b), _to_offset(starts, c, e)) for a, b, c, e, _r in by_file[os.path.realpath(p)]]
        spans, neutral = _label_spans(d, text)
        caught = [any(a < j and b > i for a, b in hits) for i, j, _s in spans]
        cleans = [(text.find(c), text.find(c) + len(c)) for c in d.get("clean", [])]
        compliant = d.get("kind") == "compliant"
        fp = sum(1 for i, j in cleans for a, b in hits if a < j and b > i)
        if compliant:
            fp += sum(1 for a, b in hits if not any(a < j and b > i for i, j, _s in spans + neutral))
        pages.append({"file": d["file"], "words": len(text.split()) if compliant else 0,
                      "spans": len(spans), "caught": sum(caught), "fp": fp, "claimed": bool(hits)})
        for line, col, end_line, end_col, sentence, unexcepted in _sem[os.path.realpath(p)]:
            a, b = _to_offset(starts, line, col), _to_offset(starts, end_line, end_col)
            new = [n for n, (i, j, _s) in enumerate(spans) if not caught[n] and a < j and b > i]
            bad = sum(1 for i, j in cleans if a < j and b > i)
            if compliant and not any(a < j and b > i for i, j, _s in spans + neutral):
                bad += 1
            cands.append({"page": pi, "sentence": " ".join(sentence.split()), "unexcepted": unexcepted,
                          "new": new, "fp": bad})
    index = index_for(ruleset)
    vectors = embedder().embed([c["sentence"] for c in cands])
    return {"pages": pages, "cands": cands, "vectors": vectors, "index": index}


def collect_benchmark(corpus: Path) -> dict:
    """The sentences the stage would score on the benchmark's accuracy corpus (made by
    ``benchmarks/run.py --accuracy-only``: the project's own generated pages, with a manifest of the
    sentences drawn), each marked as a compliant (NEUTRAL) drawn sentence or not."""
    manifest = json.loads(corpus.with_name(corpus.name + ".manifest.json").read_text(encoding="utf-8"))["files"]
    neutral = {" ".join(t.split()) for drawn in manifest.values() for kind, t in drawn if kind == "neutral"}
    paths = [str(corpus / rel) for rel in manifest]
    stage.TRACE = []
    import exolint.semantic.classify as classify
    saved = classify.recorded_point
    classify.recorded_point = lambda: OperatingPoint(3, 9.0, 9.0)  # flag nothing, trace all
    try:
        report = lint_paths(paths, default_ruleset(), LintOptions(jobs=1, semantic=True))
    finally:
        classify.recorded_point = saved
    traced, stage.TRACE = stage.TRACE, None
    claimed = {os.path.realpath(f.path) for f in report.findings}
    cands = []
    for path, _pos, _m, _s, _c, sentence, unexcepted in traced:
        text = " ".join(sentence.split())
        cands.append({"sentence": text, "unexcepted": unexcepted, "claimed": os.path.realpath(path) in claimed,
                      "neutral": any(n in text for n in neutral if len(n) <= len(text))})
    unique = list(dict.fromkeys(c["sentence"] for c in cands))
    vectors = embedder().embed(unique)
    row = {t: i for i, t in enumerate(unique)}
    return {"cands": cands, "rows": np.array([row[c["sentence"]] for c in cands]), "vectors": vectors,
            "index": index_for(default_ruleset()), "rule_findings": len(report.findings)}


def benchmark_share(data: dict, k: int, gate: bool) -> np.ndarray:
    """Share of all findings that fall on compliant drawn sentences, per margin x floor."""
    index = data["index"]
    sc = score(data["vectors"], index.flag_vectors, index.pass_vectors, k)
    margin, sim = sc.margin[data["rows"]], sc.similarity[data["rows"]]
    ok = np.array([c["unexcepted"] and (c["claimed"] or not gate) for c in data["cands"]])
    neutral = np.array([c["neutral"] for c in data["cands"]])
    hit = ((margin[:, None, None] >= MARGINS[None, :, None])
           & (sim[:, None, None] >= FLOORS[None, None, :]) & ok[:, None, None])
    return hit[neutral].sum(axis=0) / (data["rule_findings"] + hit.sum(axis=0))


def page_grid(data: dict, k: int, gate: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """(newly caught spans, added false positives) per page x margin x floor, at ``k``; ``gate``:
    only the pages where the rules reported a finding are read."""
    index, cands = data["index"], data["cands"]
    n_pages = len(data["pages"])
    new = np.zeros((n_pages, len(MARGINS), len(FLOORS)), dtype=np.int32)
    fps = np.zeros_like(new)
    if not cands:
        return new, fps
    sc = score(data["vectors"], index.flag_vectors, index.pass_vectors, k)
    ok = np.array([c["unexcepted"] and (data["pages"][c["page"]]["claimed"] or not gate) for c in cands])
    hit = ((sc.margin[:, None, None] >= MARGINS[None, :, None])
           & (sc.similarity[:, None, None] >= FLOORS[None, None, :]) & ok[:, None, None])
    covering = collections.defaultdict(list)
    for ci, c in enumerate(cands):
        fps[c["page"]] += hit[ci] * c["fp"]
        for n in c["new"]:
            covering[(c["page"], n)].append(ci)
    for (page, _n), cis in covering.items():
        new[page] += hit[cis].any(axis=0)
    return new, fps


def _rate(fp, words):
    return 1000 * fp / words if words else 0.0


def select(feasible, pages, new, fps, now_fps, rows, max_rate, max_rate_now):
    """The grid point (k, margin index, floor index) with the most newly caught spans on the
    pages ``rows``, among ``feasible`` points whose added false positives there stay within
    ``max_rate`` (and ``max_rate_now`` with today's rules) per 1,000 compliant words; ties go to
    the higher margin, then the higher floor (the more cautious point)."""
    words = sum(pages[r]["words"] for r in rows)
    best, best_key = None, None
    for config in new:
        gain = new[config][rows].sum(axis=0)
        rate = 1000 * fps[config][rows].sum(axis=0) / max(words, 1)
        rate_now = 1000 * now_fps[config][rows].sum(axis=0) / max(words, 1)
        ok = feasible[config] & (rate <= max_rate + 1e-9) & (rate_now <= max_rate_now + 1e-9)
        for i, j in zip(*np.nonzero(ok)):
            key = (int(gain[i, j]), float(MARGINS[i]), float(FLOORS[j]), -config[0])
            if best_key is None or key > best_key:
                best, best_key = (config, int(i), int(j)), key
    return best


def page_cv(args) -> dict:
    """Grouped CV over labelled pages (folds by page) on top of the rules' examples; see main()."""
    grids: dict = {}
    cross_validate(args.max_fpr, grids)
    page_rules = load_rules(args.page_rules)
    pages_data = collect(args.pages, page_rules)
    now_data = collect(args.pages, load_rules(None))
    checks = [collect(p, load_rules(None)) for p in args.check]
    bench = collect_benchmark(args.benchmark) if args.benchmark else None
    pages = pages_data["pages"]
    new, fps, now_fps, feasible = {}, {}, {}, {}
    for config in [(k, gate) for k in KS for gate in GATES]:
        k, gate = config
        new[config], fps[config] = page_grid(pages_data, k, gate)
        _n, now_fps[config] = page_grid(now_data, k, gate)
        clean = np.ones((len(MARGINS), len(FLOORS)), dtype=bool)
        for data in checks:
            clean &= page_grid(data, k, gate)[1].sum(axis=0) == 0
        if bench is not None:
            clean &= benchmark_share(bench, k, gate) < args.max_benchmark_share
        feasible[config] = (grids[k][1] <= args.max_fpr) & clean
    folds = [zlib.crc32(p["file"].encode()) % FOLDS for p in pages]
    held = {"new": 0, "fp": 0, "fp_now": 0}
    print(f"grouped {FOLDS}-fold CV over {len(pages)} pages of {args.pages} (rules: {args.page_rules}),"
          f" constraints: example FPR <= {args.max_fpr}, {', '.join(map(str, args.check)) or '-'} 0 FP,"
          f" <= {args.max_rate} (today's rules: {args.max_rate_now}) added FP per 1,000 compliant words")
    for fold in range(FOLDS):
        train = [i for i, f in enumerate(folds) if f != fold]
        test = [i for i, f in enumerate(folds) if f == fold]
        point = select(feasible, pages, new, fps, now_fps, train, args.max_rate, args.max_rate_now)
        if point is None:
            print(f"  fold {fold}: no feasible point")
            continue
        (k, gate), i, j = point
        c = (k, gate)
        got = {"new": int(new[c][test, i, j].sum()), "fp": int(fps[c][test, i, j].sum()),
               "fp_now": int(now_fps[c][test, i, j].sum())}
        for key in held:
            held[key] += got[key]
        spans = sum(pages[t]["spans"] for t in test)
        words = sum(pages[t]["words"] for t in test)
        print(f"  fold {fold}: chose k={k} margin {MARGINS[i]:+.3f} floor {FLOORS[j]:.2f}"
              f"{' claimed pages only' if gate else ''} on "
              f"{len(train)} pages; held-out {len(test)} pages: +{got['new']}/{spans} spans, "
              f"+{got['fp']} FP ({_rate(got['fp'], words):.2f}/1000w), today's rules +{got['fp_now']} FP")
    spans = sum(p["spans"] for p in pages)
    words = sum(p["words"] for p in pages)
    cv = {"gain": held["new"] / spans, "rate": _rate(held["fp"], words), "rate_now": _rate(held["fp_now"], words)}
    print(f"held-out (each page scored by a point chosen without it): recall gain {cv['gain']:+.3f} "
          f"({held['new']}/{spans}), added FP {held['fp']} ({cv['rate']:.2f}/1000w); today's rules "
          f"+{held['fp_now']} FP ({cv['rate_now']:.2f}/1000w)")
    point = select(feasible, pages, new, fps, now_fps, list(range(len(pages))), args.max_rate, args.max_rate_now)
    if point is None:
        raise SystemExit("no feasible point on all pages")
    (k, gate), i, j = point
    c = (k, gate)
    pos, neg = grids[k]
    chosen = {"k": k, "margin": float(MARGINS[i]), "floor": float(FLOORS[j]), "claimed_pages_only": gate,
              "cv_recall": round(float(pos[i, j]), 3), "cv_fpr": round(float(neg[i, j]), 3),
              "pages_cv_gain": round(cv["gain"], 3), "pages_cv_fp_per_1000_words": round(cv["rate"], 2),
              "pages_cv_fp_per_1000_words_today": round(cv["rate_now"], 2),
              "chosen_by": (
                  f"grouped {FOLDS}-fold cross-validation on two kinds of labelled data: the bundled "
                  f"rules' flag/pass examples and exolint's compliant sentences (folds by rule), and "
                  f"{len(pages)} labelled pages (folds by page) linted with an older, weaker rule "
                  f"set (the 0.1.0 rules, kept in tests/data/rules-0.1.0) so the stage has misses to "
                  f"catch. The point is the one with the most newly caught spans on the pages among "
                  f"those with an example false-positive rate <= {args.max_fpr}, 0 false positives "
                  f"on the constraint sets (seeds, dev)"
                  + (f", under {args.max_benchmark_share:.0%} of all findings on the benchmark "
                     f"generator's compliant sentences" if args.benchmark else "")
                  + f", and <= {args.max_rate} added false positives per 1,000 "
                  f"compliant words (<= {args.max_rate_now} with today's rules); ties to the higher "
                  f"margin. The same rule, applied with each fold of pages held out, gave a held-out "
                  f"recall gain of {cv['gain']:+.3f} at {cv['rate']:.2f} added false positives per "
                  f"1,000 compliant words ({cv['rate_now']:.2f} with today's rules). Only the chosen "
                  f"numbers are recorded; nothing from the pages goes into the package")}
    print(f"chosen on all pages: k={k} margin {MARGINS[i]:+.3f} floor {FLOORS[j]:.2f} claimed pages "
          f"only {gate} (example CV: recall {pos[i, j]:.3f}, FPR {neg[i, j]:.3f}); in-sample on the "
          f"pages: +{int(new[c][:, i, j].sum())} spans, +{int(fps[c][:, i, j].sum())} FP, today's "
          f"rules +{int(now_fps[c][:, i, j].sum())} FP")
    return chosen


# -- corpora ------------------------------------------------------------------------------------
def _offsets(text):
    starts, pos = [0], 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        starts.append(pos)
    return starts


def _to_offset(starts, line, col):
    line = max(1, min(line, len(starts)))
    return starts[line - 1] + max(col, 1) - 1


def run_corpus(labels: Path, ruleset=None, keep: bool = False):
    """(docs, paths, rule findings by path, traced sentences) for one labels file; ``keep``: trace
    (line, col, end_line, end_col, sentence, unexcepted) instead of the recorded point's scores."""
    ruleset = ruleset or default_ruleset()
    docs = json.loads(labels.read_text(encoding="utf-8"))
    paths = [os.path.normpath(os.path.join(labels.parent, d["file"])) for d in docs]
    stage.TRACE = []
    opts = LintOptions(jobs=1, semantic=True)
    point = recorded_point()
    import exolint.semantic.classify as classify
    classify.recorded_point.cache_clear()
    saved = classify.recorded_point
    classify.recorded_point = lambda: OperatingPoint(point.k, 9.0, 9.0)  # flag nothing, trace all
    try:
        report = lint_paths(paths, ruleset, opts)
    finally:
        classify.recorded_point = saved
    traced, stage.TRACE = stage.TRACE, None
    by_file = collections.defaultdict(list)
    for f in report.findings:
        if not f.rule.startswith("semantic-"):
            by_file[os.path.realpath(f.path)].append((f.line, f.column, f.end_line, f.end_column, f.rule))
    sem = collections.defaultdict(list)
    for path, (line, col, end_line, end_col, _s, _e), margin, sim, cat, sentence, unexcepted in traced:
        if keep:
            sem[os.path.realpath(path)].append((line, col, end_line, end_col, sentence, unexcepted))
        elif unexcepted:
            sem[os.path.realpath(path)].append((line, col, end_line, end_col, margin, sim, cat))
    return docs, paths, by_file, sem


def _label_spans(d: dict, text: str):
    """(required spans, neutral spans) of a labelled page: (start, end, span)."""
    spans, neutral = [], []
    for s in d.get("spans", []):
        i = text.find(s["text"])
        if "start" in s and text[s["start"]:s["end"]] == s["text"]:
            i = s["start"]
        (neutral if s.get("voice") == "quoted" else spans).append((i, i + len(s["text"]), s))
    return spans, neutral


def evaluate(docs, paths, by_file, sem, point: OperatingPoint | None, show=False):
    caught = total = fp = words_clean = 0
    added = []
    for d, p in zip(docs, paths):
        text = open(p, encoding="utf-8-sig").read()
        starts = _offsets(text)
        hits = [(_to_offset(starts, a, b), _to_offset(starts, c, e), r) for a, b, c, e, r in by_file[os.path.realpath(p)]]
        if point is not None and (hits or not point.claimed_pages_only):  # (the page gate)
            for a, b, c, e, margin, sim, cat in sem[os.path.realpath(p)]:
                if margin >= point.margin and sim >= point.floor:
                    hits.append((_to_offset(starts, a, b), _to_offset(starts, c, e), "semantic-" + cat))
        spans, neutral = _label_spans(d, text)
        for i, j, s in spans:
            total += 1
            hit = [h for h in hits if h[0] < j and h[1] > i]
            if hit:
                caught += 1
                if show and all(h[2].startswith("semantic-") for h in hit):
                    added.append(("CATCH", d["file"], s["category"], hit[0][2], text[hit[0][0]:hit[0][1]]))
        for c in d.get("clean", []):
            i = text.find(c)
            bad = [h for h in hits if h[0] < i + len(c) and h[1] > i]
            fp += len(bad)
            if show:
                added += [("FP-clean", d["file"], "", h[2], text[h[0]:h[1]]) for h in bad if h[2].startswith("semantic-")]
        if d.get("kind") == "compliant":
            words_clean += len(text.split())
            extra = [h for h in hits if not any(h[0] < j and h[1] > i for i, j, _ in spans + neutral)]
            fp += len(extra)
            if show:
                added += [("FP", d["file"], "", h[2], text[h[0]:h[1]]) for h in extra if h[2].startswith("semantic-")]
    rate = 1000 * fp / words_clean if words_clean else 0.0
    return caught / total if total else 1.0, caught, total, fp, rate, added


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["cv", "corpora"])
    ap.add_argument("labels", nargs="*", type=Path)
    ap.add_argument("--max-fpr", type=float, default=0.02)
    ap.add_argument("--record", action="store_true")
    ap.add_argument("--margin", type=float)
    ap.add_argument("--floor", type=float)
    ap.add_argument("--sweep", action="store_true", help="recall/FP for a range of margins")
    ap.add_argument("--show", action="store_true", help="list the stage's catches and false positives")
    ap.add_argument("--rules", help="corpora: lint with this rules folder instead of the bundled rules")
    ap.add_argument("--pages", type=Path, help="cv: also cross-validate on these labelled pages (folds by page)")
    ap.add_argument("--page-rules", help="cv --pages: the rules folder the pages are linted with")
    ap.add_argument("--check", type=Path, action="append", default=[],
                    help="cv --pages: labels files that must get 0 false positives with today's rules")
    ap.add_argument("--benchmark", type=Path,
                    help="cv --pages: the benchmark's accuracy corpus folder (benchmarks/run.py --accuracy-only)")
    ap.add_argument("--max-benchmark-share", type=float, default=0.05,
                    help="cv --benchmark: share of findings allowed on its compliant sentences")
    ap.add_argument("--max-rate", type=float, default=1.5,
                    help="cv --pages: added false positives per 1,000 compliant words allowed")
    ap.add_argument("--max-rate-now", type=float, default=0.65,
                    help="cv --pages: the same with today's rules on the same pages")
    a = ap.parse_args()
    if a.what == "cv":
        chosen = page_cv(a) if a.pages else cross_validate(a.max_fpr)
        if a.record:
            meta_path = MODEL_DIR / "model.json"
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            meta["operating_point"] = chosen
            meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
            print(f"recorded in {meta_path}")
        return 0
    point = recorded_point()
    if a.margin is not None:
        point = replace(point, margin=a.margin)
    if a.floor is not None:
        point = replace(point, floor=a.floor)
    ruleset = load_rules(a.rules)
    for labels in a.labels:
        run = run_corpus(labels, ruleset)
        r0, c0, n, fp0, rate0, _ = evaluate(*run, None)
        r1, c1, _, fp1, rate1, added = evaluate(*run, point, show=a.show)
        print(f"{labels}: rules alone recall {r0:.3f} ({c0}/{n}) FP {fp0} ({rate0:.2f}/1000w); "
              f"with stage recall {r1:.3f} ({c1}/{n}) FP {fp1} ({rate1:.2f}/1000w); "
              f"gain {r1 - r0:+.3f}, added FP/1000w {rate1 - rate0:+.2f}")
        if a.sweep:
            for m in np.arange(-0.02, 0.16, 0.02):
                r, c, _, fp, rate, _ = evaluate(*run, replace(point, margin=float(m)))
                print(f"   margin {m:+.2f}: recall {r:.3f} FP {fp} ({rate:.2f}/1000w)")
        for row in added:
            print("   ", row[0], row[1], row[2], row[3], repr(row[4][:160]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
