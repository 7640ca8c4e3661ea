"""Read a large Markdown or plain-text page a section at a time.

A page's Document (its text, offset map, the parser's tokens) and the matching and context
stages' working copies cost several times the page. A page of ``SECTIONED`` characters or
more is therefore read in *sections* of about ``SECTION`` characters, each read (sparsely, see
``exolint.match.sparse``), checked and dropped before the next: peak memory is then the page's
source, its findings and one section's working set, whatever the page's size (issue 18).

A Markdown section is cut only where a new piece may start (``md_chunks.cut_points``: a line
in column 0 after a blank line, outside fenced code, comments and raw HTML; never a ``---`` or
``+++`` line, which would open front matter), so its copy parses as in the whole page; plain
text at the start of any line (its reader maps each character on its own). The
context stage reads beyond a match, within a block (sentences, exceptions) and across blocks:
the section and its heading up to ``structure.SECTION_REACH`` characters either way, and a
list item's lead-in up to ``structure.MAX_RUN`` items back. Each section is therefore read
with a margin of the page on either side, widened until its text holds at least that much
before and after the section's own copy (or the page ends); only findings and directives in
the section's own copy are its. Where markdown-it reads the page's blocks otherwise than
``cut_points`` does (a section whose text ends inside a fence), the page is read whole. Findings are those of the whole page read at once (tested on
the corpora in tests/test_sections.py).
"""
from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..context.structure import MAX_RUN, SECTION_REACH
from ..document import Document, _line_starts, newline_starts
from ..offsets import offset_array
from ..ruleset import RuleSet
from ..sources.md_chunks import cut_points
from .sparse import PLAIN_EXTENSIONS, SPARSE_EXTENSIONS, read_sparse

SECTION = 256 * 1024  # source characters a section holds, at least
SECTIONED = 4 * SECTION  # pages from this size (1 MB) on are read a section at a time
MARGIN = 8 * 1024  # source characters read either side of a section to begin with
CONTEXT_CHARS = SECTION_REACH + 1  # text characters each side the context stage may read
CONTEXT_LINES = MAX_RUN + 4  # lines of text before, for a list item's lead-in


@dataclass
class Section:
    """A Document of the page's copy around ``[start, end)`` (source offsets): its offsets and
    lines are the page's; findings and directives starting in ``[start, end)`` are its."""
    doc: Document
    start: int
    end: int

    def holds(self, offset: int) -> bool:
        return self.start <= offset < self.end


def is_sectioned(path: str, source: str) -> bool:
    return len(source) >= SECTIONED and path.lower().endswith(SPARSE_EXTENSIONS)


def section_cuts(source: str, plain: bool = False) -> "array[int]":
    """Source offsets where a section may start (0 first). Plain text (``plain``) is read a
    character at a time, so any line may start one (a text export often has no blank line
    between paragraphs); Markdown only where a new piece may start."""
    if plain:
        starts = newline_starts(source) if "\n" in source else array("q", [0])
        return array("q", (pos for pos in starts
                           if pos == 0 or (pos < len(source)
                                           and not source.startswith(("---", "+++"), pos))))
    cuts = array("q", [0])
    for pos, _line in cut_points(source):
        if not source.startswith(("---", "+++"), pos):
            cuts.append(pos)
    return cuts


def read_sections(path: str, source: str, ruleset: RuleSet,
                  read: Callable[[str], Document]) -> Iterator[Section]:
    """The page's sections in order, each read by ``read(text, continues=...)`` as
    ``read_sparse`` reads (``continues``: the page goes on past the text). Raises
    ``md_chunks.CutInsideBlock`` when a section's text ends inside a fenced code or raw HTML
    block as markdown-it reads it: the page must then be read whole."""
    cuts = section_cuts(source, plain=path.lower().endswith(PLAIN_EXTENSIONS))
    n = len(source)
    lines = _LineCount(source)
    start = 0
    while start < n:
        at = bisect.bisect_left(cuts, start + SECTION)
        end = cuts[at] if at < len(cuts) else n
        if n - end < SECTION // 2:  # no short last section
            end = n
        margin = MARGIN
        while True:
            lo = cuts[max(bisect.bisect_right(cuts, start - margin) - 1, 0)] if start else 0
            hi_at = bisect.bisect_left(cuts, end + margin)
            hi = cuts[hi_at] if end < n and hi_at < len(cuts) else n
            window = source[lo:hi]
            continues = hi < n
            doc = read_sparse(path, window, ruleset,
                              lambda text, **more: read(text, continues=continues, **more))
            if _context_held(doc, start - lo, end - lo, lo == 0, hi == n):
                break
            margin *= 4
        _move_into_page(doc, source, lo, window, lines.before(lo))
        del window
        yield Section(doc, start, end)
        start = end


class _LineCount:
    """Lines of ``source`` before an offset, counted on from the offset asked about before."""

    def __init__(self, source: str):
        self.source = source
        self.lone_cr = "\r" in source and source.count("\r") != source.count("\r\n")
        self.at = 0
        self.lines = 0

    def before(self, offset: int) -> int:
        """Line breaks before ``offset`` (a line start)."""
        if offset < self.at:
            self.at, self.lines = 0, 0
        if self.lone_cr:
            self.lines += len(_line_starts(self.source[self.at:offset])) - 1
        else:
            self.lines += self.source.count("\n", self.at, offset)
        self.at = offset
        return self.lines


def _context_held(doc: Document, start: int, end: int, at_top: bool, at_bottom: bool) -> bool:
    """Whether ``doc``'s text holds the context of the copy between source offsets ``start``
    and ``end``: ``CONTEXT_CHARS`` characters and ``CONTEXT_LINES`` non-blank lines before it
    (unless the page starts there), ``CONTEXT_CHARS`` characters after (unless it ends)."""
    text = doc.text
    if not at_top:
        first = _text_offset(doc, start)
        if first < CONTEXT_CHARS or _lines_before(text, first) < CONTEXT_LINES:
            return False
    if not at_bottom and len(text) - _text_offset(doc, end) < CONTEXT_CHARS:
        return False
    return True


def _text_offset(doc: Document, source_offset: int) -> int:
    """Where the copy from ``source_offset`` on begins in ``doc.text``."""
    segments = doc.segments
    for i, (text_start, src_start, src_end) in enumerate(
            zip(segments.text_start, segments.src_start, segments.src_end)):
        if src_start >= source_offset:
            return text_start
        if src_end > source_offset and segments.exact[i]:  # copied verbatim across the offset
            return text_start + source_offset - src_start
    return len(doc.text)


def _lines_before(text: str, offset: int) -> int:
    """Non-blank lines of ``text`` before ``offset``, counted up to ``CONTEXT_LINES``."""
    found = 0
    stop = offset
    while stop > 0 and found < CONTEXT_LINES:
        begin = text.rfind("\n", 0, stop - 1) + 1 if stop > 1 else 0
        if text[begin:stop].strip():
            found += 1
        stop = begin
    return found


def _move_into_page(doc: Document, source: str, by: int, window: str, lines_before: int) -> None:
    """Make ``doc``'s source offsets, lines and columns those of the page ``source`` (its text
    was read from ``window``, which starts ``by`` characters and ``lines_before`` lines into
    it). Its line index holds the window's lines only (the page's would cost 4 bytes a line)."""
    doc.segments.shift_source(by)  # (text offsets, barriers and cell heads stay as they are)
    for d in doc.directives:
        d.start += by
        d.end += by
    doc.source = source
    doc._line_memo = None
    starts = _line_starts(window)  # (a window ends at a line start: its last entry)
    doc._line_starts = offset_array(by + len(window), map(by.__add__, starts))
    doc._line_base = lines_before
    doc.__post_init__()  # directive lines and columns, now the page's
