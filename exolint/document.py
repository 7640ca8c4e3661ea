"""The Document: the normalised text rules see, and the map back to the original file.

Readers (one per format, in ``exolint.sources``) feed copy into a :class:`TextBuilder` piece by
piece, telling it where each piece came from in the original source. The builder normalises the
characters as it goes and records the mapping as a short list of segments, so memory stays
proportional to the number of pieces, not to the number of characters.

Positions are computed here and nowhere else: ``Document.span_to_position`` turns a span of the
normalised text into 1-based (line, column, end_line, end_column) of the original source.
"""
from __future__ import annotations

import bisect
import re
from array import array
from itertools import accumulate
from dataclasses import dataclass, field
from typing import NamedTuple

from .cellheads import CellHeads
from .offsets import offset_array, widened

# Characters mapped 1:1 to a plainer equivalent before matching.
_TRANSLATE = {
    # quotes and apostrophes
    0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x00B4: "'", 0x02BC: "'",
    0x201C: '"', 0x201D: '"', 0x201E: '"', 0x201F: '"', 0x2033: '"', 0x00AB: '"', 0x00BB: '"',
    # hyphens and dashes
    0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
    0xFE58: "-", 0xFE63: "-", 0xFF0D: "-",
    # spaces
    0x00A0: " ", 0x1680: " ", 0x2000: " ", 0x2001: " ", 0x2002: " ", 0x2003: " ", 0x2004: " ",
    0x2005: " ", 0x2006: " ", 0x2007: " ", 0x2008: " ", 0x2009: " ", 0x200A: " ", 0x202F: " ",
    0x205F: " ", 0x3000: " ", 0x0009: " ", 0x000B: " ", 0x000C: " ",
    # line breaks become \n (a CR of a CRLF pair is dropped separately)
    0x0085: "\n", 0x2028: "\n", 0x2029: "\n",
    # the fullwidth percent sign
    0xFF05: "%",
}
# What a reader puts where inline code was (its words are not copy), so the words either side
# never join into one phrase; the sparse reader and its chunk text compute the same.
CODE_PLACEHOLDER = " \u2026 "
# Characters removed entirely: soft hyphen, zero-width space/joiners, word joiner, BOM.
_REMOVE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_TABLE = str.maketrans(_TRANSLATE)
_TRANSLATE_ITEMS = tuple((chr(code), plain) for code, plain in _TRANSLATE.items())
_REMOVE_RE = re.compile("[" + "".join(sorted(_REMOVE)) + "]")


def normalise_chars(text: str) -> str:
    """Normalise characters one-for-one (same length as the input)."""
    if text.isascii() and "\t" not in text and "\x0b" not in text and "\x0c" not in text:
        return text  # nothing to map (str.translate with a dict costs a lookup per character)
    if len(text) < 512:
        return text.translate(_TABLE)
    for char, plain in _TRANSLATE_ITEMS:  # a long text: replace only the characters it holds
        if char in text:
            text = text.replace(char, plain)
    return text


class _Segment(NamedTuple):
    """One piece of copy and where it came from (a view of one row of a ``SegmentMap``)."""
    text_start: int
    text_len: int
    src_start: int
    src_end: int
    exact: bool  # True: text char i maps to src_start + i; False: the whole piece maps to the span


class SegmentMap:
    """The offset map: one row per piece of copy, held in typed arrays (4 bytes a number, see
    ``exolint.offsets``) rather than one object per piece, which cost about 150 bytes a piece on
    a large page. Iterating yields ``_Segment`` rows; ``set_source`` rewrites a row's source
    span."""

    __slots__ = ("text_start", "text_len", "src_start", "src_end", "exact")

    def __init__(self) -> None:
        self.text_start = offset_array()
        self.text_len = offset_array()
        self.src_start = offset_array()
        self.src_end = offset_array()
        self.exact = bytearray()

    def append(self, text_start: int, text_len: int, src_start: int, src_end: int,
               exact: bool) -> None:
        try:
            self.text_start.append(text_start)
            self.text_len.append(text_len)
            self.src_start.append(src_start)
            self.src_end.append(src_end)
        except OverflowError:  # an offset past 4 GiB
            self._widen()
            self.text_start.append(text_start)
            self.text_len.append(text_len)
            self.src_start.append(src_start)
            self.src_end.append(src_end)
        self.exact.append(exact)

    def _widen(self) -> None:
        """8-byte columns, cut back to the rows appended in full (an append may have failed
        half-way)."""
        rows = len(self.exact)
        for name in ("text_start", "text_len", "src_start", "src_end"):
            setattr(self, name, widened(getattr(self, name)[:rows]))

    def __len__(self) -> int:
        return len(self.exact)

    def __bool__(self) -> bool:
        return bool(self.exact)

    def __getitem__(self, i: int) -> _Segment:
        return _Segment(self.text_start[i], self.text_len[i], self.src_start[i],
                        self.src_end[i], bool(self.exact[i]))

    def __iter__(self):
        return map(_Segment, self.text_start, self.text_len, self.src_start, self.src_end,
                   map(bool, self.exact))

    def set_length(self, i: int, text_len: int, src_end: int) -> None:
        """Grow row ``i`` (a run of exact copy continued by the next piece)."""
        try:
            self.text_len[i] = text_len
            self.src_end[i] = src_end
        except OverflowError:
            self._widen()
            self.text_len[i] = text_len
            self.src_end[i] = src_end

    def shift_source(self, by: int) -> None:
        """Move every row's source span ``by`` characters on (copy read from a later part of
        the source: see exolint.match.sections)."""
        if not by or not self.exact:
            return
        largest = max(self.src_end) + by
        self.src_start = offset_array(largest, map(by.__add__, self.src_start))
        self.src_end = offset_array(largest, map(by.__add__, self.src_end))

    def set_source(self, i: int, src_start: int, src_end: int) -> None:
        try:
            self.src_start[i] = src_start
            self.src_end[i] = src_end
        except OverflowError:
            self._widen()
            self.src_start[i] = src_start
            self.src_end[i] = src_end


_JOIN_EVERY = 1024  # pieces of copy joined into one string at a time


class TextBuilder:
    """Accumulates normalised text and its offset map, piece by piece."""

    def __init__(self) -> None:
        self._parts: list[str] = []  # the latest pieces
        self._joined: list[str] = []  # the pieces before them, joined a run at a time
        self._segments = SegmentMap()
        self._length = 0
        self._last_src_end = 0
        self._cell_heads = CellHeads()

    def add(self, src_start: int, chunk: str) -> None:
        """Add ``chunk``, which is the verbatim source text starting at ``src_start``."""
        if not chunk:
            return
        if "\r" in chunk or _REMOVE_RE.search(chunk):
            self._add_with_removals(src_start, chunk)
            return
        self._emit(normalise_chars(chunk), src_start, src_start + len(chunk), exact=True)

    def add_decoded(self, src_start: int, src_end: int, decoded: str) -> None:
        """Add text that stands for source[src_start:src_end] but is not verbatim (an entity)."""
        decoded = "".join(c for c in decoded if c not in _REMOVE)
        if not decoded:
            return
        if len(decoded) == src_end - src_start:
            self._emit(normalise_chars(decoded), src_start, src_end, exact=True)
        else:
            self._emit(normalise_chars(decoded), src_start, src_end, exact=False)

    def add_break(self, text: str = "\n\n") -> None:
        """Add a separator that exists in no source text (between blocks, table cells...)."""
        if not text:
            return
        at = self._last_src_end
        self._emit(text, at, at, exact=False)

    def _add_with_removals(self, src_start: int, chunk: str) -> None:
        run_start = 0
        n = len(chunk)
        i = 0
        while i < n:
            c = chunk[i]
            if c in _REMOVE or c == "\r":
                if run_start < i:
                    self._emit(normalise_chars(chunk[run_start:i]), src_start + run_start,
                               src_start + i, exact=True)
                if c == "\r" and not (i + 1 < n and chunk[i + 1] == "\n"):
                    self._emit("\n", src_start + i, src_start + i + 1, exact=True)  # lone CR
                run_start = i + 1
            i += 1
        if run_start < n:
            self._emit(normalise_chars(chunk[run_start:]), src_start + run_start,
                       src_start + n, exact=True)

    def _emit(self, text: str, src_start: int, src_end: int, exact: bool) -> None:
        segs = self._segments
        n = len(text)
        last = len(segs) - 1
        if (exact and last >= 0 and segs.exact[last] and segs.src_end[last] == src_start
                and segs.text_start[last] + segs.text_len[last] == self._length):
            segs.set_length(last, segs.text_len[last] + n, src_end)
        else:
            segs.append(self._length, n, src_start, src_end, exact)
            src_end = max(self._last_src_end, src_end)
        self._add_part(text)
        self._length += n
        self._last_src_end = src_end

    def _add_part(self, text: str) -> None:
        parts = self._parts
        parts.append(text)
        if len(parts) >= _JOIN_EVERY:  # one string per run of pieces, not one object per piece
            self._joined.append("".join(parts))
            parts.clear()

    def text(self) -> str:
        """The normalised text so far."""
        return "".join(self._joined + self._parts)

    @property
    def length(self) -> int:
        """Characters of normalised text so far (the offset the next piece starts at)."""
        return self._length

    def table_cell(self, cell: tuple[int, int], head: tuple[int, int]) -> None:
        """Record that the text span ``cell`` is a table cell under the column header ``head``."""
        if cell[1] > cell[0] and head[1] > head[0]:
            self._cell_heads.append((cell[0], cell[1], head[0], head[1]))  # (a CellHeads)

    def build(self, path: str, source: str, **kwargs) -> "Document":
        return Document(path=path, source=source, text=self.text(),
                        segments=self._segments, cell_heads=self._cell_heads, **kwargs)


class TableHeads:
    """Tracks the tables a reader walks, so each body cell knows its column's header ("Good
    for", "Conditions"): a header governs the cells under it as a lead-in governs a list."""

    def __init__(self, builder: TextBuilder):
        self.builder = builder
        self.heads: dict[int, tuple[int, int]] = {}
        self.column = -1
        self.header_cell = False
        self.start = 0

    def table(self) -> None:
        self.heads = {}

    def row(self) -> None:
        self.column = -1

    def open_cell(self, header: bool) -> None:
        self.column += 1
        self.header_cell = header
        self.start = self.builder.length

    def close_cell(self) -> None:
        span = (self.start, self.builder.length)
        if self.header_cell:
            self.heads[self.column] = span
        elif self.column in self.heads:
            self.builder.table_cell(span, self.heads[self.column])


@dataclass
class Directive:
    """An inline exolint comment found by a reader (see ``exolint.filters.suppress``)."""
    kind: str  # "disable-next-line" | "disable" | "enable" | "disable-file"
    targets: tuple[str, ...]  # rule ids or categories; empty means every rule
    reason: str | None
    start: int  # source offsets of the whole comment
    end: int
    raw: str
    line: int = 0  # 1-based line/column of the comment, filled in by Document.__post_init__
    column: int = 0
    end_line: int = 0  # last line the comment occupies


@dataclass
class Document:
    """A checked document: original source, normalised text and the map between them."""
    path: str
    source: str
    text: str
    segments: SegmentMap
    markets: frozenset[str] | None = None  # the page's own market(s), from front matter or lang
    directives: list[Directive] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings while reading (e.g. decoding)
    location_label: str | None = None  # e.g. "paragraph" for .docx; None means line/column
    line_notes: dict[int, str] = field(default_factory=dict)  # line -> "table 1, row 2, cell 3"
    # text offsets where copy was left out between them (sparse reading): no match may span one
    barriers: list[int] = field(default_factory=list)
    # (cell start, cell end, header start, header end) text offsets of table body cells and the
    # header of their column (see TableHeads): a list, or a CellHeads (in text order)
    cell_heads: "CellHeads | list[tuple[int, int, int, int]]" = field(default_factory=list)
    # structured files (JSON, YAML, CSV, .po, WXR): the key path of each string read (a
    # sources.structured.assemble.KeySpans), and one Document per market when the file holds
    # copy for several locales (each linted under its own market)
    key_spans: object = None
    views: list["Document"] = field(default_factory=list)
    # the page's voice (context.voice.PageVoice) when judged before parsing (a large page's,
    # see api._check_source); None: judged when needed
    voice: object = None
    _line_starts: list[int] | None = field(default=None, repr=False)
    # lines before the first of ``_line_starts`` (a section of a large page indexes only its
    # own lines: see exolint.match.sections)
    _line_base: int = field(default=0, repr=False, compare=False)
    # counted line positions (see ``_locate``): [source, offset, its line, {line: start offset}]
    _line_memo: list | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        for d in self.directives:
            d.line, d.column = self.line_col(d.start)
            d.end_line = self.line_col(max(d.start, d.end - 1))[0]

    @classmethod
    def from_plain_text(cls, path: str, source: str, **kwargs) -> "Document":
        builder = TextBuilder()
        builder.add(0, source)
        return builder.build(path, source, **kwargs)

    # -- offset map ---------------------------------------------------------------------------
    def source_offset(self, text_offset: int, *, end: bool = False) -> int:
        """Map an offset in ``text`` to an offset in ``source``.

        With ``end=True`` the offset is an exclusive end: it maps to just after the source of the
        character before it, so a span never swallows markup that follows it.
        """
        segs = self.segments
        if not segs:
            return 0
        if not isinstance(segs, SegmentMap):  # (a list of _Segment rows)
            rows = SegmentMap()
            for seg in segs:
                rows.append(*seg) if isinstance(seg, tuple) else rows.append(
                    seg.text_start, seg.text_len, seg.src_start, seg.src_end, seg.exact)
            segs = self.segments = rows
        probe = text_offset - 1 if end else text_offset
        probe = max(0, min(probe, len(self.text) - 1))
        i = max(bisect.bisect_right(segs.text_start, probe) - 1, 0)
        if segs.exact[i]:
            off = segs.src_start[i] + (probe - segs.text_start[i])
            return off + 1 if end else off
        return segs.src_end[i] if end else segs.src_start[i]

    def line_col(self, src_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; \\n, \\r\\n and \\r end lines."""
        if self._line_starts is None:
            memo = self._memo()
            if memo is not None and src_offset >= 0:
                line, begin = _locate(self.source, memo, src_offset)
                return line, src_offset - begin + 1
            self._line_starts = _line_starts(self.source)
        i = bisect.bisect_right(self._line_starts, src_offset) - 1
        return self._line_base + i + 1, src_offset - self._line_starts[i] + 1

    def _memo(self) -> list | None:
        """The counting state for ``self.source``, or None when lines must come from the
        whole-source index: after too many lookups (counting is linear per lookup) or when a
        lone \\r ends a line (then a line does not always end at a \\n)."""
        memo = self._line_memo
        source = self.source
        if memo is None or memo[0] is not source:
            if "\r" in source and source.count("\r") != source.count("\r\n"):
                return None
            memo = self._line_memo = [source, 0, 1, {1: 0}, 0]
        memo[4] += 1
        return memo if memo[4] <= _COUNTED_LOOKUPS else None

    def span_to_position(self, start: int, end: int) -> tuple[int, int, int, int, int, int]:
        """(line, col, end_line, end_col, src_start, src_end) for a span of ``text``."""
        s = self.source_offset(start)
        e = max(self.source_offset(end, end=True), s + 1 if end > start else s)
        line, col = self.line_col(s)
        end_line, end_col = self.line_col(e)
        if end_line == line:  # one int object for both (a dense page holds a finding a line)
            end_line = line
        return line, col, end_line, end_col, s, e

    def source_line(self, line: int) -> str:
        """The text of a 1-based source line, without its line break."""
        if line < 1:
            return ""
        if self._line_starts is None:
            memo = self._memo()
            counted = _counted_line(self.source, memo, line) if memo is not None else None
            if counted is not None:
                return counted
            self._line_starts = _line_starts(self.source)
        starts = self._line_starts
        line -= self._line_base
        if line < 1 or line > len(starts):
            return ""
        begin = starts[line - 1]
        stop = starts[line] if line < len(starts) else len(self.source)
        return self.source[begin:stop].rstrip("\r\n")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Lines and columns of a few places (a page has a handful of findings) are counted from the
# source instead of indexing every line of it, which costs a regex match per line. Each count
# runs from the place before it (findings come in order), so lookups in order cost one pass over
# the source in all; past this many lookups the whole-source index is built after all.
_COUNTED_LOOKUPS = 64
_WALKED_LINES = 16  # ``source_line`` steps this many lines from a known line start at most


def _locate(source: str, memo: list, offset: int) -> tuple[int, int]:
    """(line, start offset of that line) of ``offset`` in ``source``, where every line break
    ends with a \\n (\\n or \\r\\n; the caller checks). ``memo`` is [source, an offset, its
    line, {line: start}, lookups]: the count runs from there when ``offset`` is not before it."""
    _, at, line, starts, _ = memo
    if offset < at:
        at, line = 0, 1
    # the lines ending in source[at:offset]: a break ends after its \n, so a \r\n whose \n sits
    # at ``offset`` has not ended yet, and a line starts after the last \n before ``offset``
    ended = source.count("\n", at, offset)
    if ended:
        line += ended
        begin = source.rfind("\n", at, offset) + 1
        starts[line] = begin
    else:
        begin = starts[line]  # still the line of ``at`` (the memo always knows where it starts)
    memo[1], memo[2] = offset, line
    return line, begin


def _counted_line(source: str, memo: list, line: int) -> str | None:
    """``Document.source_line`` without the whole-source index: step from the start of a line
    found before (``memo``, see ``_locate``) to ``line``; None when that is more than a few lines
    away (the caller builds the index)."""
    starts = memo[3]
    begin = starts.get(line)
    if begin is None:
        known = max((k for k in starts if k < line), default=1)
        if line - known > _WALKED_LINES:
            return None
        begin = starts.get(known, 0)
        for _ in range(line - known):
            brk = source.find("\n", begin)
            if brk < 0:
                return ""  # the source has fewer lines
            begin = brk + 1
        starts[line] = begin
    brk = source.find("\n", begin)
    stop = len(source) if brk < 0 else brk + 1
    return source[begin:stop].rstrip("\r\n")


_SPLIT_PIECE = 1 << 20  # characters split into lines at a time (see newline_starts)


def newline_starts(text: str) -> "array[int]":
    """Offsets where the lines of ``text`` start, a line ending after each \\n, in an array (4
    bytes a line). The line lengths are summed in C from ``str.split``, a piece of about a
    megabyte at a time: a split of the whole of a large page holds every line at once."""
    starts = offset_array(len(text))
    at, n = 0, len(text)
    while True:
        stop = text.rfind("\n", at, at + _SPLIT_PIECE) + 1 if at + _SPLIT_PIECE < n else n
        if stop <= at:  # one line longer than a piece
            stop = text.find("\n", at + _SPLIT_PIECE) + 1 or n
        lengths = map((1).__add__, map(len, text[at:stop].split("\n")))
        starts.extend(accumulate(lengths, initial=at))
        starts.pop()  # (the end of the piece's last line: the next piece starts there)
        if stop >= n:
            break
        # the piece ended with its \n, so its split ended with an empty line that starts at
        # ``stop``; the next piece's first line starts there too
        starts.pop()
        at = stop
    return starts


def _line_starts(source: str) -> "array[int]":
    """Offsets where the lines of ``source`` start."""
    if "\r" not in source or source.count("\r") == source.count("\r\n"):
        # every break ends with a \n, so the lines start after each \n: their lengths are summed
        # in C, where the regex below costs a match per line
        return newline_starts(source)
    starts = offset_array(len(source), [0])
    starts.extend(m.end() for m in _LINE_BREAK.finditer(source))
    return starts
