"""The bundled rules on the shared labelled corpus: recall and zero false positives.

Runs ../shared/eval/score.py exactly as a reviewer would, with this interpreter's exolint.
"""
import pytest

from conftest import SHARED
from scoring import requires_scorer, score

pytestmark = requires_scorer


@pytest.mark.parametrize("labels,min_recall", [("seeds.labels.json", 0.97), ("dev.labels.json", 0.97)])
def test_corpus_recall_and_no_false_positives(labels, min_recall):
    recall, _total, fp, out = score(SHARED / "corpus" / labels)
    assert fp == 0, out
    assert recall >= min_recall, out
