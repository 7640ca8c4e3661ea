"""Score exolint on a labels file with ../shared/eval/score.py, exactly as a reviewer would.

Used by the corpus and holdout tests; they skip when ../shared is not beside the repo.
"""
import re
import subprocess
import sys

import pytest

from conftest import SHARED

SCORE = SHARED / "eval" / "score.py"
requires_scorer = pytest.mark.skipif(not SCORE.is_file(),
                                     reason="../shared/eval/score.py is not beside the repo")
_SUMMARY = re.compile(r"recall ([\d.]+) \((\d+)/(\d+)\), false positives (\d+)")


def score(labels, *options: str) -> tuple[float, int, int, str]:
    """(recall, labelled spans, false positives, the scorer's verbose output) for ``labels``,
    exolint run with ``options`` (e.g. ``--no-semantic``)."""
    cmd = " ".join([f"{sys.executable} -m exolint check --format json", *options])
    proc = subprocess.run([sys.executable, str(SCORE), str(labels), "--cmd", cmd, "-v"],
                          capture_output=True, text=True)
    out = proc.stdout + proc.stderr
    m = _SUMMARY.search(out)
    assert m, out
    return float(m.group(1)), int(m.group(3)), int(m.group(4)), out
