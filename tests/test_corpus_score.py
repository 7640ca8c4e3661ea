"""The bundled rules on the shared labelled corpus: recall and zero false positives.

Runs ../shared/eval/score.py exactly as a reviewer would, with this interpreter's exolint.
"""
import re
import subprocess
import sys

import pytest

from conftest import SHARED

SCORE = SHARED / "eval" / "score.py"
pytestmark = pytest.mark.skipif(not SCORE.is_file(), reason="../shared/eval/score.py is not beside the repo")


@pytest.mark.parametrize("labels,min_recall", [("seeds.labels.json", 0.97), ("dev.labels.json", 0.97)])
def test_corpus_recall_and_no_false_positives(labels, min_recall):
    cmd = f"{sys.executable} -m exolint check --format json"
    proc = subprocess.run([sys.executable, str(SCORE), str(SHARED / "corpus" / labels), "--cmd", cmd, "-v"],
                          capture_output=True, text=True)
    out = proc.stdout + proc.stderr
    m = re.search(r"recall ([\d.]+) \((\d+)/(\d+)\), false positives (\d+)", out)
    assert m, out
    recall, fp = float(m.group(1)), int(m.group(4))
    assert fp == 0, out
    assert recall >= min_recall, out
