"""Claims carried by structure: the lead-in that governs a bare list item or table cell.

A table cell's lead-in is the header of its column ("Good for", "Conditions treated"), which the
readers record (``Document.cell_heads``).

A heading or lead-in ("Conditions we treat", "Works best for patients with:", "Benefits
include:") turns each bare item under it ("Rosacea", "Acne scarring") into a claim, though the
item alone says nothing. Rules see that text through a context's ``lead_in`` regexes, searched
in the lead-in of the item a match sits in (see ``ContextCheck``).

The document text has one line per list item, table cell, heading or wrapped source line, and
a blank line between blocks. An *item* is a short line with no sentence end: at most
``MAX_ITEM_WORDS`` words, not ending in ``.``, ``!`` or ``?``. Walking back from an item over
its sibling items (and blank lines), the lead-in is the first line that ends with a colon or a
question mark (a question heading: "What can it treat?"), or,
when a line of running text is met first, the first item of the run (a heading above the
list). A line of running text is never an item, so a sentence's own words never govern it.
"""
from __future__ import annotations

import bisect

import regex

from ..cellheads import CellHeads
from ..document import newline_starts

MAX_ITEM_WORDS = 16
MAX_BULLET_WORDS = 20  # a line that opens with a bullet may run longer and still be an item
MAX_RUN = 15  # items walked back over before giving up (a list longer than this is rare)
_BULLET = regex.compile(r"^[\s\-*+\u2022\u25cf\u25aa\u25e6\u2023\u2043\u2013\u2014\u2713\u2714\u27a4>#|]*"
                        r"(?:\d{1,2}[.)]\s+)?")


class Structure:
    """Line-level view of a document's text, built lazily once per document."""

    def __init__(self, text: str, cell_heads=()):
        self.text = text
        self._starts: list[int] | None = None
        self._lines: _Lines | list[str] = []
        self._lead_ins: dict[int, str] = {}
        # table body cells (start, end, header start, header end), by start (Document.cell_heads;
        # a CellHeads is in that order already, and its starts an array)
        if isinstance(cell_heads, CellHeads) and cell_heads.ordered:
            self._cells, self._cell_starts = cell_heads, cell_heads.starts
        else:
            self._cells = sorted(cell_heads)
            self._cell_starts = [c[0] for c in self._cells]

    def _index(self) -> None:
        self._lines = _Lines(self.text)
        self._starts = self._lines.starts

    def lead_in(self, offset: int) -> str:
        """The lead-in governing the list item or table cell that holds ``offset`` (a cell's is
        its column header); "" when the line there is not a bare item or nothing governs it."""
        i = bisect.bisect_right(self._cell_starts, offset) - 1
        if i >= 0 and offset < self._cells[i][1]:
            _start, _end, head_start, head_end = self._cells[i]
            return self.text[head_start:head_end].strip()
        if self._starts is None:
            self._index()
        line = bisect.bisect_right(self._starts, offset) - 1
        known = self._lead_ins.get(line)
        if known is None:
            known = self._lead_ins[line] = self._find_lead_in(line)
        return known

    def _whole_item(self, i: int) -> bool:
        """Line ``i`` is a whole item: item-shaped, and not a piece of a wrapped paragraph (the
        lines around it are blank, bulleted, or a lead-in ending in a colon)."""
        lines = self._lines
        if not is_item(lines[i]):
            return False
        before = lines[i - 1].strip() if i > 0 else ""
        after = lines[i + 1].strip() if i + 1 < len(lines) else ""
        starts_unit = not before or bulleted(lines[i]) or before.endswith((":", "?")) or bulleted(before)
        ends_unit = not after or bulleted(after)
        return starts_unit and ends_unit

    def _find_lead_in(self, line: int) -> str:
        lines = self._lines
        if not self._whole_item(line):
            return ""
        first_item = ""
        walked = 0
        for i in range(line - 1, -1, -1):
            raw = lines[i].strip()
            if not raw:
                continue
            if walked > MAX_RUN:
                break
            if raw.endswith((":", "?")):  # "Benefits include:", "What can it treat?"
                return last_sentence(raw)
            if not self._whole_item(i):
                break
            first_item = raw
            walked += 1
        return first_item


class _Lines:
    """The lines of a text, sliced when asked for: a list of every line of a large page costs
    about 60 bytes a line more than the text (only the lines around matches are ever read)."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str):
        self.text = text
        self.starts = newline_starts(text)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> str:
        starts = self.starts
        if i < 0:
            i += len(starts)
        start = starts[i]  # (IndexError past the last line, as a list)
        stop = starts[i + 1] - 1 if i + 1 < len(starts) else len(self.text)
        return self.text[start:stop]


_SENTENCE_END = regex.compile(r"[.!?][\"')\]]*\s+\S")
_BULLET_START = regex.compile(r"^\s*\ufe0f?(?:[\-*+\u2022\u25cf\u25aa\u25e6\u2023\u2043\u2013\u2014\u2713\u2714\u27a4>|]|\d{1,2}[.)])\s")


def bulleted(line: str) -> bool:
    return _BULLET_START.match(line) is not None


def is_item(line: str) -> bool:
    line = line.strip().lstrip("\ufe0f")
    body = _BULLET.sub("", line, count=1).strip()
    if not body or body.endswith((".", "!", "?", ":")) or _SENTENCE_END.search(body):
        return False
    bulleted = len(body) < len(line)
    return len(body.split()) <= (MAX_BULLET_WORDS if bulleted else MAX_ITEM_WORDS)


def last_sentence(line: str) -> str:
    """The last sentence of a line (the lead-in part of "Blah. It helps with:")."""
    cut = max(line.rfind(". ", 0, len(line) - 1), line.rfind("! "), line.rfind("? "))
    return line[cut + 2:] if cut >= 0 else line


SECTION_REACH = 3000  # characters ``section_around`` reads either way


def section_around(text: str, offset: int, reach: int = SECTION_REACH) -> str:
    """The section holding ``offset``: from the heading above it (a short line with no sentence
    end, after a blank line) to the next such heading, within ``reach`` characters each way."""
    lo = max(0, offset - reach)
    hi = min(len(text), offset + reach)
    start = lo
    at = text.rfind("\n\n", lo, offset)
    while at >= 0:
        line_end = text.find("\n", at + 2)
        line = text[at + 2:line_end if line_end >= 0 else hi]
        if line.strip() and is_item(line) and (line_end < 0 or line_end < offset):
            start = at + 2
            break
        at = text.rfind("\n\n", lo, at)
    stop = hi
    at = text.find("\n\n", offset, hi)
    while at >= 0:
        line_end = text.find("\n", at + 2)
        line = text[at + 2:line_end if line_end >= 0 else hi]
        if line.strip() and is_item(line):
            stop = at
            break
        at = text.find("\n\n", at + 2, hi)
    return text[start:stop]
