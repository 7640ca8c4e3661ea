"""Lower-casing a large text without CPython's transient buffer.

``str.lower`` on text that is not ASCII works in a buffer of three 4-byte characters per
character (a character may lower to three): 14 bytes a character at the peak, 140 MB for a 10 MB
page with one em dash in it. ``lower`` does the same a piece at a time, each cut just after a
line break or space: such a character is neither cased nor case-ignorable, so it ends the
context of a final sigma on both sides and the pieces lower exactly as the whole text does.
"""
from __future__ import annotations

PIECE = 1 << 20  # characters lowered at a time


def lower(text: str, piece: int = PIECE) -> str:
    """``text.lower()``, with a peak of about twice the result rather than 14 bytes a character."""
    n = len(text)
    if n <= piece or text.isascii():  # (ASCII is lowered straight into the result)
        return text.lower()
    out = []
    at = 0
    while at < n:
        stop = at + piece
        if stop >= n:
            out.append(text[at:].lower())
            break
        cut = _cut_before(text, at, stop)
        out.append(text[at:cut].lower())
        at = cut
    return "".join(out)


def _cut_before(text: str, at: int, stop: int) -> int:
    """Where a piece starting at ``at`` ends: after the last line break (else space) before
    ``stop``, else after the first one past it, else at the end of the text."""
    for sep in ("\n", " "):
        brk = text.rfind(sep, at, stop)
        if brk >= 0:
            return brk + 1
    found = [i for i in (text.find("\n", stop), text.find(" ", stop)) if i >= 0]
    return min(found) + 1 if found else len(text)
