#!/usr/bin/env python3
"""Choose the semantic stage's operating point by grouped cross-validation, and measure it.

    python scripts/tune-semantic.py cv [--record]      # grouped CV on the rules' own examples
    python scripts/tune-semantic.py corpora LABELS...  # recall / false positives, stage off and on

``cv``: the rules are split into 5 folds (a rule's examples never straddle folds, so a fold's
flag examples are wordings the index has never seen, like the copy the rules miss); the
compliant sentences are split the same way. For each fold the index holds the other folds'
examples; the fold's flag examples must be flagged, its pass examples and compliant sentences
must not (after the stage's own screens: length, vocabulary, negators). The point kept is the
one with the best recall whose false-positive rate on held-out negatives is at most --max-fpr;
``--record`` writes it to exolint/semantic/model/model.json.

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
from exolint.semantic.examples import _COMMON, compliant_sentences, words  # noqa: E402

FOLDS = 5
KS = (1, 3, 5, 8)
MARGINS = np.round(np.arange(-0.10, 0.301, 0.01), 3)
FLOORS = np.round(np.arange(0.30, 0.851, 0.05), 3)


def fold_of(name: str) -> int:
    return zlib.crc32(name.encode()) % FOLDS


def screened(sentences: list[str], domain) -> np.ndarray:
    ok = []
    for s in sentences:
        n = s.count(" ") + 1
        ok.append(stage.MIN_WORDS <= n <= stage.MAX_WORDS and not stage._NEGATOR.search(s)
                  and not s.endswith("?")
                  and bool(words(s) & domain))
    return np.array(ok, dtype=bool)


def cross_validate(max_fpr: float) -> dict:
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
        counts = collections.Counter(w for t in flag_texts for w in words(t))
        domain = frozenset(w for w, n in counts.items() if n >= 2 and w not in _COMMON)
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
    for k in KS:
        pos = np.concatenate(pos_hits[k]).mean(axis=0)
        neg = np.concatenate(neg_hits[k]).mean(axis=0)
        n_pos, n_neg = sum(len(h) for h in pos_hits[k]), sum(len(h) for h in neg_hits[k])
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
    return {"k": k, "margin": m, "floor": f, "cv_recall": round(rec, 3), "cv_fpr": round(fpr, 3),
            "chosen_by": (f"grouped {FOLDS}-fold cross-validation over the bundled rules' examples "
                          f"and exolint's compliant sentences: best held-out recall at a "
                          f"false-positive rate <= {max_fpr}")}


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


def run_corpus(labels: Path):
    """(docs, paths, rule findings by path, traced sentences) for one labels file."""
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
        report = lint_paths(paths, default_ruleset(), opts)
    finally:
        classify.recorded_point = saved
    traced, stage.TRACE = stage.TRACE, None
    by_file = collections.defaultdict(list)
    for f in report.findings:
        if not f.rule.startswith("semantic-"):
            by_file[os.path.realpath(f.path)].append((f.line, f.column, f.end_line, f.end_column, f.rule))
    sem = collections.defaultdict(list)
    for path, (line, col, end_line, end_col, _s, _e), margin, sim, cat in traced:
        sem[os.path.realpath(path)].append((line, col, end_line, end_col, margin, sim, cat))
    return docs, paths, by_file, sem


def evaluate(docs, paths, by_file, sem, point: OperatingPoint | None, show=False):
    caught = total = fp = words_clean = 0
    added = []
    for d, p in zip(docs, paths):
        text = open(p, encoding="utf-8-sig").read()
        starts = _offsets(text)
        hits = [(_to_offset(starts, a, b), _to_offset(starts, c, e), r) for a, b, c, e, r in by_file[os.path.realpath(p)]]
        if point is not None:
            for a, b, c, e, margin, sim, cat in sem[os.path.realpath(p)]:
                if margin >= point.margin and sim >= point.floor:
                    hits.append((_to_offset(starts, a, b), _to_offset(starts, c, e), "semantic-" + cat))
        spans, neutral = [], []
        for s in d.get("spans", []):
            i = text.find(s["text"])
            if "start" in s and text[s["start"]:s["end"]] == s["text"]:
                i = s["start"]
            (neutral if s.get("voice") == "quoted" else spans).append((i, i + len(s["text"]), s))
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
    a = ap.parse_args()
    if a.what == "cv":
        chosen = cross_validate(a.max_fpr)
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
    for labels in a.labels:
        run = run_corpus(labels)
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
