"""Accuracy on every labelled corpus, scored by ../shared/eval/score.py exactly as a reviewer would.

One table, one floor per corpus. Recall floors sit a little under what is achieved today, so a
rule change that loses claims fails here; false-positive ceilings are what each corpus allows.

* ``real``: 60 verbatim excerpts of real third-party pages (../shared/corpus/real; never copied
  into this repo). The issue's targets: recall >= 0.85, false positives <= 2 per 1,000 words of
  compliant text, every category >= 0.6.
* ``seeds`` / ``dev``: the project's seed texts and dev corpus (../shared/corpus).
* ``holdout*``: sets written for this repo to measure generalisation (tests/data/holdout*; their
  make_labels.py scripts say how each was built and what it scored untouched).

Each corpus runs twice: the rules alone (``--no-semantic``) and with the semantic second reader
(``--semantic``; its cases skip with a message when the extra is not installed, and fail then when
EXOLINT_REQUIRE_SEMANTIC=1, as in CI). The stage never removes a finding, so the rules' recall
floors hold with it; its own false-positive ceilings are in SEMANTIC (the figures measured when its
operating point was recorded: docs/semantic.md). seeds and dev stay at 0 false positives.

The ../shared corpora are not part of a user's clone: those cases skip with a message saying so.
docs/accuracy.md gives the scores per corpus and per category, and how to re-run them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from conftest import SHARED
from scoring import SCORE, score
from semantic_helpers import require_semantic

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Floor:
    labels: Path
    min_recall: float
    max_fp: int = 0  # false positives (findings on clean strings and compliant pages)
    max_fp_per_1000: float | None = None  # per 1,000 words of compliant text, when it has some
    min_spans: int = 1  # the labels were not silently emptied
    min_category: float | None = None  # every category's recall at least this


CORPORA = {
    "real": Floor(SHARED / "corpus" / "real" / "labels.json", 0.97, max_fp=3, max_fp_per_1000=2.0,
                  min_spans=250, min_category=0.6),
    "seeds": Floor(SHARED / "corpus" / "seeds.labels.json", 1.0, min_spans=60),
    "dev": Floor(SHARED / "corpus" / "dev.labels.json", 1.0, min_spans=45),
    "holdout": Floor(DATA / "holdout" / "holdout.labels.json", 0.95, min_spans=140),
    "holdout2": Floor(DATA / "holdout2" / "holdout2.labels.json", 0.98, min_spans=87),
    "holdout2-blind3": Floor(DATA / "holdout2" / "blind3.labels.json", 0.95, min_spans=20),
    "holdout3-before": Floor(DATA / "holdout3" / "before.labels.json", 0.98, min_spans=40),
    "holdout3-after": Floor(DATA / "holdout3" / "after.labels.json", 0.95, min_spans=30),
    "holdout3-final": Floor(DATA / "holdout3" / "final.labels.json", 0.80, min_spans=20),
    "holdout4": Floor(DATA / "holdout4" / "holdout4.labels.json", 0.95, min_spans=92),
    "holdout5": Floor(DATA / "holdout5" / "holdout5.labels.json", 1.0, min_spans=0),
    "holdout6": Floor(DATA / "holdout6" / "holdout6.labels.json", 1.0, max_fp=1, min_spans=77),
    "holdout7": Floor(DATA / "holdout7" / "holdout7.labels.json", 0.98, min_spans=62),
    # written blind this round; their first untouched scores are in their make_labels.py
    "holdout8": Floor(DATA / "holdout8" / "holdout8.labels.json", 0.97, min_spans=99),
    "holdout9": Floor(DATA / "holdout9" / "holdout9.labels.json", 0.97, min_spans=102),
    "holdout10": Floor(DATA / "holdout10" / "holdout10.labels.json", 0.97, min_spans=131),
    # not tuned for recall (kept as the honest estimate of unseen copy): a floor against regressions
    "holdout11": Floor(DATA / "holdout11" / "holdout11.labels.json", 0.62, max_fp=1, min_spans=147),
    "holdout12": Floor(DATA / "holdout12" / "holdout12.labels.json", 0.60, max_fp=1, min_spans=74),
}

# with the semantic stage: what changes from CORPORA (false positives it adds on compliant text;
# recall where it catches what the rules miss). Measured at the recorded operating point.
SEMANTIC = {
    "real": dict(max_fp=4, max_fp_per_1000=1.5),  # the limit: <= 1.5 more per 1,000 words
    "holdout": dict(max_fp=3),
    "holdout2": dict(max_fp=1),  # 0 since the stage reads only pages the rules found claiming
    "holdout5": dict(max_fp=1),  # (compliant pages only: 0 for the same reason)
    "holdout6": dict(max_fp=4),
    "holdout7": dict(max_fp=2),
    "holdout8": dict(max_fp=4),
    "holdout9": dict(max_fp=4),
    "holdout10": dict(max_fp=2),
    "holdout11": dict(min_recall=0.66, max_fp=1),  # rules alone 0.653; with the stage 0.673
    "holdout12": dict(min_recall=0.67, max_fp=2),  # rules alone 0.662; with the stage 0.676
}

_CATEGORY = re.compile(r"^\s+(\w+)\s+(\d+)/(\d+)\s*$", re.MULTILINE)
_RATE = re.compile(r"\(([\d.]+) per 1000 compliant words\)")


@pytest.mark.parametrize("stage", ["rules", "semantic"])
@pytest.mark.parametrize("name", sorted(CORPORA))
def test_accuracy_floor(name, stage):
    floor = CORPORA[name]
    if not SCORE.is_file():
        pytest.skip(f"../shared/eval/score.py is not beside the checkout ({SCORE}): "
                    "the accuracy floors need the shared scorer")
    if not floor.labels.is_file():
        pytest.skip(f"corpus '{name}' is not beside the checkout ({floor.labels}): a user's clone "
                    "has no ../shared; CI runs with it")
    if stage == "semantic":
        require_semantic()
        floor = replace(floor, **SEMANTIC.get(name, {}))
    recall, total, fp, out = score(floor.labels, "--semantic" if stage == "semantic" else "--no-semantic")
    assert total >= floor.min_spans, f"{name}: labels hold {total} spans, expected >= {floor.min_spans}\n{out}"
    assert recall >= floor.min_recall, f"{name}: recall {recall:.3f} < {floor.min_recall}\n{out}"
    assert fp <= floor.max_fp, f"{name}: {fp} false positives > {floor.max_fp}\n{out}"
    if floor.max_fp_per_1000 is not None:
        rate = _RATE.search(out)
        assert rate, f"{name}: the scorer printed no false-positive rate\n{out}"
        assert float(rate.group(1)) <= floor.max_fp_per_1000, (
            f"{name}: {rate.group(1)} false positives per 1,000 compliant words > {floor.max_fp_per_1000}\n{out}")
    if floor.min_category is not None:
        low = [(cat, int(c), int(t)) for cat, c, t in _CATEGORY.findall(out)
               if int(t) and int(c) / int(t) < floor.min_category]
        assert not low, f"{name}: categories under {floor.min_category}: {low}\n{out}"


# The issue's criterion is about copy the rules miss: "recall on real at least 0.08 above the
# rules alone, at no more than 1.5 additional false positives per 1,000 compliant words". Today's
# rules catch every labelled span of real, so it is measured against the rule set of 0.1.0 (kept
# in tests/data/rules-0.1.0), which caught half of them. At the recorded operating point the stage
# adds +0.016 (docs/semantic.md says why the +0.08 is not reached at a point that keeps the
# benchmark's compliant sentences clean); this guards what it does add and the false-positive limit.
RULES_010 = DATA / "rules-0.1.0"


def test_semantic_gain_on_real_with_the_010_rules():
    labels = SHARED / "corpus" / "real" / "labels.json"
    if not SCORE.is_file() or not labels.is_file():
        pytest.skip(f"../shared (the scorer and corpus/real) is not beside the checkout ({SHARED}): "
                    "a user's clone has no ../shared; CI runs with it")
    require_semantic()
    rules = ("--no-bundled-rules", "--rules", str(RULES_010))
    before, total, fp_before, out_before = score(labels, *rules, "--no-semantic")
    after, _total, fp_after, out_after = score(labels, *rules, "--semantic")
    assert total >= 250 and 0.45 <= before <= 0.55, f"the 0.1.0 rules changed?\n{out_before}"
    rate_before = float(_RATE.search(out_before).group(1))
    rate_after = float(_RATE.search(out_after).group(1))
    assert after - before >= 0.01, f"recall {before:.3f} -> {after:.3f}\n{out_after}"
    assert rate_after - rate_before <= 1.5, (
        f"{rate_after - rate_before:.2f} more false positives per 1,000 compliant words\n{out_after}")
