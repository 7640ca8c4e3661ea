"""Find the sentence around a match, in normalised text.

Context exceptions ("we do not use ...", "regulators have warned ...") look only at the sentence
that holds a match. The search is bounded on both sides, so the cost per match is constant and a
10 MB line without punctuation stays linear.
"""
from __future__ import annotations

import regex

MAX_REACH = 400  # characters looked at on each side of a match

# A boundary ends a sentence: terminal punctuation followed by whitespace, a blank line (readers
# put one between blocks), or a line break that starts a new item (capital, digit or bullet) or
# that follows punctuation closing a line ("... by:\nDelivering growth factors").
_BOUNDARY = regex.compile(
    r"""
      [.!?]+["')\]]*(?=\s)               # end of sentence
    | \n[ \t]*\n                          # blank line / block break
    | (?<=[.!?:;])[ \t]*\n               # line ending in punctuation
    | \n(?=[ \t]*(?:[-*+\u2022\u25cf>#|]|\d+[.)]\s|\p{Lu}))  # new line starting an item/capital
    """,
    regex.VERBOSE,
)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(begin, stop) of the sentence holding text[start:end], within MAX_REACH either side."""
    return sentence_begin(text, start), sentence_stop(text, end)


# Every boundary match holds one of _CORE, and each of its characters is one of _INSIDE (the
# lookarounds look at more, but they are not part of the match).
_CORE = (".", "!", "?", "\n")
_INSIDE = frozenset(".!?\"')] \t\n")
_TRIES = 3  # restarts from later points before the whole window is scanned


def sentence_begin(text: str, start: int) -> int:
    """Where the sentence holding text[start] begins (at most MAX_REACH characters before it)."""
    lo = max(0, start - MAX_REACH)
    begin = _last_boundary_end(text, lo, start)
    if begin is None:
        begin = lo
    if begin == lo and lo > 0:
        # cut at the first word boundary so a partial word does not start the window
        space = text.find(" ", lo, start)
        if space >= 0:
            begin = space + 1
    return begin


def _last_boundary_end(text: str, lo: int, start: int) -> int | None:
    """The end of the last match of ``_BOUNDARY.finditer(text, lo, start)``, or None.

    That scan walks up to 400 characters a match, while the sentence is usually short. So the
    scan starts late: at ``r``, the start of the run of _INSIDE characters around the last _CORE
    character. No match covers text[r - 1] (it is not an _INSIDE character), so every match
    that starts before ``r`` also ends before it, and the scan from ``lo`` goes on from ``r``
    exactly as a scan started at ``r`` does (lookbehinds see before a scan's start). If that
    finds no match, the last one ends before ``r``: look again before it."""
    hi = start
    for _ in range(_TRIES):
        core = max([text.rfind(c, lo, hi) for c in _CORE])
        if core < 0:
            return None  # no match lies in text[lo:hi], and none starts at hi or later
        r = core
        while r > lo and text[r - 1] in _INSIDE:
            r -= 1
        last = None
        for last in _BOUNDARY.finditer(text, r, start):
            pass
        if last is not None:
            return last.end()
        if r <= lo:
            return None
        hi = r
    last = None
    for last in _BOUNDARY.finditer(text, lo, start):  # to ``start``: lookaheads see that far
        pass
    return last.end() if last is not None else None


def sentence_stop(text: str, end: int) -> int:
    """Where the sentence holding text[end - 1] stops (at most MAX_REACH characters after it)."""
    hi = min(len(text), end + MAX_REACH)
    m = _BOUNDARY.search(text, end, hi)
    stop = m.start() if m else hi
    # include the terminal punctuation itself in the sentence
    if m and text[m.start():m.start() + 1] in ".!?":
        stop = m.start() + 1
    return stop


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(begin, stop) of every sentence of ``text``, whitespace trimmed (the semantic stage reads
    the whole copy sentence by sentence; the bounds agree with ``sentence_begin``/``_stop``)."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _BOUNDARY.finditer(text):
        stop = m.start() + 1 if text[m.start():m.start() + 1] in ".!?" else m.start()
        spans.append((begin, stop))
        begin = m.end()
    spans.append((begin, len(text)))
    out = []
    for b, s in spans:
        while b < s and text[b].isspace():
            b += 1
        while s > b and text[s - 1].isspace():
            s -= 1
        if s > b:
            out.append((b, s))
    return out
