"""The part of a source line the text report shows: a window of about 100 characters around the
match, with an ellipsis where the line was cut, so a 20 MB line prints one short line.

``clip_line`` runs where findings are made (only the clipped text travels between processes and
is kept in the report); ``window`` runs in the text reporter.
"""
from __future__ import annotations

from typing import NamedTuple

WIDTH = 100  # characters of the line shown around a match
ELLIPSIS = "\u2026"
_KEEP = 2 * WIDTH  # characters kept either side of the matches when a line is clipped


class ClippedLine(NamedTuple):
    """A slice of a long source line: ``text`` starts at character ``offset`` of the line."""
    offset: int
    text: str
    length: int  # the whole line's length


def clip_line(line: str, spans: list[tuple[int, int]]) -> str | ClippedLine:
    """``line`` itself when short, else the part around the ``(start, stop)`` spans it must show."""
    if len(line) <= 2 * _KEEP:
        return line
    lo = max(0, min(s for s, _ in spans) - _KEEP)
    hi = min(len(line), max(e for _, e in spans) + _KEEP)
    return ClippedLine(lo, line[lo:hi], len(line))


def window(stored: str | ClippedLine, start: int, stop: int) -> tuple[str, int, int]:
    """(shown text, underline start, underline stop) for the match at ``start:stop`` of the line.

    Lines of up to ``WIDTH`` characters (plus a little slack) are shown whole; longer ones as a
    window around the match, cut with an ellipsis. A match longer than the window is shown from
    its start and underlined up to the cut.
    """
    offset, text, length = ((0, stored, len(stored)) if isinstance(stored, str) else stored)
    start = min(max(start, offset), offset + len(text))
    stop = min(max(stop, start + 1), offset + len(text) + 1)
    if length <= WIDTH + 20:
        return text, start - offset, stop - offset
    span = stop - start
    if span >= WIDTH:
        lo, hi = start, start + WIDTH
    else:
        lo = max(0, start - (WIDTH - span) // 2)
        hi = min(length, lo + WIDTH)
        lo = max(0, hi - WIDTH)
    lo, hi = max(lo, offset), min(hi, offset + len(text))
    head = ELLIPSIS if lo > 0 else ""
    tail = ELLIPSIS if hi < length else ""
    shown = head + text[lo - offset:hi - offset] + tail
    u_start = len(head) + start - lo
    u_stop = len(head) + min(stop, hi) - lo
    return shown, u_start, max(u_stop, u_start + 1)
