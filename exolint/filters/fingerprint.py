"""Stable fingerprints for findings, shared by the baseline, SARIF and GitLab reports.

A fingerprint is built from the rule, the matched text (normalised: characters as the rules
see them, lower case, whitespace collapsed) and the occurrence index of that (rule, text) pair
within its file. Line numbers are left out on purpose, so a finding keeps its fingerprint when
copy is added or removed elsewhere in the file.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Iterable

from ..document import normalise_chars
from ..findings import Finding

FINGERPRINT_VERSION = "v1"


def normalise_match(text: str) -> str:
    return " ".join(normalise_chars(text).lower().split())


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def fingerprint(rule: str, match: str, occurrence: int) -> str:
    """The fingerprint of the ``occurrence``-th (0-based) finding of ``rule`` on ``match`` in a file."""
    return _digest(FINGERPRINT_VERSION, rule, normalise_match(match), str(occurrence))


def path_fingerprint(path: str, finding_fingerprint: str) -> str:
    """A fingerprint unique across a whole report (GitLab needs one per issue)."""
    return _digest(path.replace("\\", "/"), finding_fingerprint)


def fingerprint_findings(findings: Iterable[Finding]) -> dict[int, str]:
    """Map ``id(finding)`` to its fingerprint; occurrences are counted in position order per file."""
    ordered = sorted(findings, key=lambda f: (f.path, f.line, f.column, f.end_line, f.end_column, f.rule))
    seen: dict[tuple[str, str, str], int] = defaultdict(int)
    out: dict[int, str] = {}
    for f in ordered:
        key = (f.path, f.rule, normalise_match(f.match))
        out[id(f)] = fingerprint(f.rule, f.match, seen[key])
        seen[key] += 1
    return out
