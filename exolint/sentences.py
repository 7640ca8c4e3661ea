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
    lo = max(0, start - MAX_REACH)
    begin = lo
    for m in _BOUNDARY.finditer(text, lo, start):
        begin = m.end()
    if begin == lo and lo > 0:
        # cut at the first word boundary so a partial word does not start the window
        space = text.find(" ", lo, start)
        if space >= 0:
            begin = space + 1
    hi = min(len(text), end + MAX_REACH)
    m = _BOUNDARY.search(text, end, hi)
    stop = m.start() if m else hi
    # include the terminal punctuation itself in the sentence
    if m and text[m.start():m.start() + 1] in ".!?":
        stop = m.start() + 1
    return begin, stop
