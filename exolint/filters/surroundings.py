"""The copy around a finding, hashed: what lets a baseline tell an old phrase from a new copy.

Three short hashes, each of normalised text (characters as the rules see them, lower case,
whitespace collapsed): ``near``, the finding's own line (at most ``REACH`` characters either side
of the match), and ``before`` / ``after``, the nearest non-blank lines above and below it. A copy
of a known sentence pasted elsewhere has the same ``near`` but other neighbours; a known sentence
whose neighbours were edited keeps its ``near``. Line numbers are left out on purpose.
"""
from __future__ import annotations

import hashlib

from .fingerprint import normalise_match

REACH = 160  # characters either side of the match (and of a neighbouring line) taken into account
_MAX_BLANK = 50  # blank lines skipped looking for a neighbour

Surroundings = tuple[str, str, str]  # (near, before, after)


def _digest(text: str) -> str:
    return hashlib.sha256(normalise_match(text).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _neighbour(source: str, begin: int, end: int, step: int) -> str:
    """The nearest non-blank line above (step -1, from the line starting at ``begin``) or below
    (step 1, from the line ending at ``end``)."""
    for _ in range(_MAX_BLANK):
        if step < 0:
            if begin <= 0:
                return ""
            stop = begin - 1
            begin = source.rfind("\n", 0, stop) + 1
            line = source[max(begin, stop - REACH):stop]
        else:
            if end >= len(source):
                return ""
            first = end + 1
            end = source.find("\n", first)
            end = len(source) if end < 0 else end
            line = source[first:min(end, first + REACH)]
        if line.strip():
            return line
    return ""


def surroundings(source: str, start: int, end: int) -> Surroundings:
    """Hashes of the copy around ``source[start:end]`` (see the module doc)."""
    start = max(0, min(start, len(source)))
    end = max(start, min(end, len(source)))
    line_begin = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    near = source[max(line_begin, start - REACH):min(line_end, end + REACH)]
    before = _neighbour(source, line_begin, line_end, -1)
    after = _neighbour(source, line_begin, line_end, 1)
    return _digest(near), _digest(before), _digest(after)


def likeness(a: Surroundings | None, b: Surroundings | None) -> int:
    """How alike two surroundings are: 2 for the same line, plus 1 for each same neighbour."""
    if not a or not b:
        return 0
    return 2 * (a[0] == b[0]) + (a[1] == b[1]) + (a[2] == b[2])
