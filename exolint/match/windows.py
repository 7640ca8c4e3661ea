"""Where in a text a rule's patterns need to run: short windows around its anchor hits.

Every match of a rule contains one of its anchors, and a match is a phrase, not a page: at most
``MAX_MATCH`` characters. So a pattern only needs to run within ``MAX_MATCH`` characters either side
of each anchor occurrence. Windows that touch are merged, so each character is scanned at most
once per rule and the cost stays linear in the text, however many hits there are.

Window edges never change what a pattern sees: ``regex`` lookbehinds look before the window start,
and a window end is moved to a non-word character (a match that would end inside a word at a
window end is dropped by the engine) with ``MAX_MATCH`` characters of room for lookaheads.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from itertools import accumulate

import regex

from ..offsets import offset_array

MAX_MATCH = 300  # characters; longer matches are not found (see docs/performance.md)
_SNAP = 64  # how far a window end moves forward to reach a non-word character
_WORD_RUN = re.compile(r"\w*")


def match_windows(text: str, anchor_spans: list[tuple[int, int]],
                  reach: int = MAX_MATCH) -> list[tuple[int, int]]:
    """Merged (start, end) windows of ``text`` around ``anchor_spans`` (any order)."""
    n = len(text)
    if len(anchor_spans) == 1:  # the usual case (one block or hit): the loops below, unrolled
        (s, e), = anchor_spans
        b = min(n, e + reach)
        return [(max(0, s - reach), _WORD_RUN.match(text, b, min(n, b + _SNAP)).end())]
    merged: list[list[int]] = []
    for s, e in sorted(anchor_spans):
        a, b = max(0, s - reach), min(n, e + reach)
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1][1] = b
        else:
            merged.append([a, b])
    out = []
    for a, b in merged:
        # to the end of the word (str.isalnum or "_", which is what re's \w is), _SNAP at most
        b = _WORD_RUN.match(text, b, min(n, b + _SNAP)).end()
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def ends_inside_word(text: str, end: int, window_end: int) -> bool:
    """A match cut short by the window end: it would continue into a word character."""
    return end == window_end and end < len(text) and (text[end].isalnum() or text[end] == "_")


def split_at(windows: Iterable[tuple[int, int]], barriers: list[int]) -> Iterator[tuple[int, int]]:
    """``windows`` cut at each of the sorted ``barriers`` (text offsets no match may span),
    yielded one at a time (a dense page's rule may have a window every few lines)."""
    for lo, hi in windows:
        i = bisect.bisect_right(barriers, lo)
        while i < len(barriers) and barriers[i] < hi:
            yield lo, barriers[i]
            lo = barriers[i]
            i += 1
        yield lo, hi


_SPACE_RUN = re.compile(r"\s+")  # str.isspace characters, as the scan alphabet's spaces


def touching(windows: Iterable[tuple[int, int]], anchor_spans: list[tuple[int, int]],
             text: str) -> Iterator[tuple[int, int]]:
    """The ``windows`` (pieces cut at barriers) that overlap one of ``anchor_spans``, yielded.

    Every match contains one of its anchors, so it overlaps the anchor's span: a piece of a window
    that no span reaches into (the far side of a blank line from every hit, or the one-character
    edges around a block) cannot hold a match, and running the pattern there costs a call for
    nothing. One case needs care: a span maps an anchor found in the scan alphabet back to the
    text, where a whitespace run counts as one space; an anchor that is only whitespace maps to
    the run's first character while a match may hold only later ones. Such spans are widened to
    the whole run.
    """
    if len(anchor_spans) == 1:
        (s, e), = anchor_spans
        e = _span_end(text, s, e)
        yield from ((lo, hi) for lo, hi in windows if s < hi and e > lo)
        return
    spans = sorted(anchor_spans)
    # (in arrays: a dense page's rule may have a span every few lines)
    starts = offset_array(len(text), (s for s, _e in spans))
    # reach[i]: the furthest end of spans[0..i]
    reach = offset_array(len(text) + 1, accumulate((_span_end(text, s, e) for s, e in spans), max))
    del spans
    for lo, hi in windows:
        i = bisect.bisect_left(starts, hi)  # spans[:i] start before the piece ends
        if i and reach[i - 1] > lo:
            yield lo, hi


def _span_end(text: str, start: int, end: int) -> int:
    if end <= start:
        return start + 1
    if text[end - 1].isspace() and text[start].isspace() and text[start:end].isspace():
        m = _SPACE_RUN.match(text, end - 1)
        return m.end() if m else end
    return end


_SHORT = 16  # pieces up to this long are looked at for being blank


def without_blank(windows: Iterable[tuple[int, int]], text: str) -> Iterator[tuple[int, int]]:
    """``windows`` without the short pieces that are only whitespace (the line breaks a blank
    line leaves between two barriers). A pattern that has pivots has required strings, each
    with a character that is not a space in the scan alphabet (``literals.valid_string``), and
    every match holds one of them: a match holds a character that is not whitespace."""
    return ((lo, hi) for lo, hi in windows
            if hi - lo > _SHORT or (hi > lo and not text[lo:hi].isspace()))


_ODD_SPACE = re.compile(r"[^\S \n]")
_ODD_ASCII_SPACES = tuple(c for c in map(chr, range(128)) if c.isspace() and c not in " \n")


def odd_space(text: str) -> bool:
    """Whitespace other than " " and "\n" in ``text`` (``_ODD_SPACE``); on ASCII, by one ``in``
    test per such character (each a ``memchr``: on a page, ten times faster than one
    ``bytes.translate`` pass, itself several times faster than the regex)."""
    if text.isascii():
        for char in _ODD_ASCII_SPACES:
            if char in text:
                return True
        return False
    return _ODD_SPACE.search(text) is not None


def single_spaced(lowered: str) -> str:
    """``lowered`` with line breaks as spaces if no two whitespace characters are adjacent in it,
    else "": the text that start strings through spaces are looked for in."""
    single = lowered.replace("\n", " ")
    return "" if "  " in single else single


def start_hits(short, spaced, lowered: str, single: str | None = None):
    """(string, start, end) hits of a pattern's start strings (``RuleSet.start_places``: up to
    the first space, ``short``; through spaces, ``spaced``) in ``lowered``, a lower-cased text
    with no whitespace but spaces and line breaks; or None when neither can be used. ``single``:
    ``single_spaced(lowered)`` when the caller has it."""
    if spaced is not None:
        if single is None:
            single = single_spaced(lowered)
        if single:
            return spaced.find_matches_as_indexes(single, overlapping=True)
    if short is not None:
        return short.find_matches_as_indexes(lowered, overlapping=True)
    return None


_BLOCK_BREAK = regex.compile(r"\n[^\S\n]*\n")  # regex's \s, as the patterns see whitespace
_BLOCK_BREAK_ASCII = re.compile(r"\n[\t\v\f\r ]*\n")  # the same on ASCII text (re: twice as fast)


def block_breaks(text: str) -> list[int]:
    """The middle of every blank line of ``text``: readers put one between blocks (paragraphs,
    headings, list items, cells), and a claim is a phrase inside a block, so no match runs
    across one (both ``RuleSet.plan`` and the engine cut there)."""
    found = _BLOCK_BREAK_ASCII.finditer(text) if text.isascii() else _BLOCK_BREAK.finditer(text)
    return [m.start() + 1 for m in found]
