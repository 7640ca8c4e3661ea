"""Locate decoded text back in its source and feed it to a TextBuilder.

Parsers (markdown-it-py, html.parser, PyYAML) hand readers *decoded* strings: backslash escapes
and character references resolved, block scalars folded. Such a string still comes from one
stretch of the source, in order. ``SourceAligner.emit`` walks the decoded string and the source
together: verbatim runs map character for character, an entity maps to its ``&...;`` span, and
source characters with no counterpart (escapes, markup, indentation, CR of CRLF) are skipped.
"""
from __future__ import annotations

import html
import re
from array import array

from ..document import TextBuilder
from ..offsets import offset_array

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(source: str) -> "array[int]":
    """Offsets where lines start; \\r\\n, \\r and \\n end lines (as markdown-it-py counts them)."""
    starts = offset_array(len(source), [0])  # 4 bytes a line (a list of ints costs 36)
    starts.extend(m.end() for m in LINE_BREAK.finditer(source))
    return starts


class SourceAligner:
    def __init__(self, source: str, builder: TextBuilder):
        self.source = source
        self.builder = builder

    def emit(self, text: str, pos: int, limit: int) -> int:
        """Add ``text`` found at or after ``pos`` (before ``limit``); return the offset after it."""
        if not text:
            return pos
        src = self.source
        at = src.find(text, pos, limit)
        if at >= 0:
            self.builder.add(at, text)
            return at + len(text)
        return self._walk(text, pos, limit)

    def emit_line_break(self, pos: int, limit: int) -> int:
        """Add a "\\n" standing for the next line break in the source."""
        m = LINE_BREAK.search(self.source, pos, limit)
        if not m:
            self.builder.add_break("\n")
            return pos
        self.builder.add_decoded(m.start(), m.end(), "\n")
        return m.end()

    def _walk(self, text: str, pos: int, limit: int) -> int:
        src, b = self.source, self.builder
        i, j, n = 0, pos, len(text)
        # start at the first occurrence of the first character
        first = src.find(text[0], pos, limit)
        amp = src.find("&", pos, limit)
        candidates = [x for x in (first, amp) if x >= 0]
        if candidates:
            j = min(candidates)
        run_i = run_j = None
        while i < n and j < limit:
            c = text[i]
            if src[j] == c:
                if run_i is None:
                    run_i, run_j = i, j
                i += 1
                j += 1
                continue
            if run_i is not None:
                b.add(run_j, text[run_i:i])
                run_i = None
            if src[j] == "&":
                m = _ENTITY.match(src, j, limit)
                if m:
                    decoded = html.unescape(m.group())
                    if decoded and text.startswith(decoded, i):
                        b.add_decoded(j, m.end(), decoded)
                        i += len(decoded)
                        j = m.end()
                        continue
            j += 1  # a source character with no counterpart: markup, escape, indentation
        if run_i is not None:
            b.add(run_j, text[run_i:i])
        if i < n:  # could not place the rest: map it to where we stopped
            end = min(max(j, pos), limit)
            b.add_decoded(end, end, text[i:])
        return j
