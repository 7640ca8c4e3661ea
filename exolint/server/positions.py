"""Source offsets (code points) to LSP positions: zero-based lines, characters in the client's
position encoding (UTF-16 code units unless the client negotiated UTF-8 or UTF-32).

LSP ends a line at ``\\r\\n``, ``\\r`` or ``\\n`` only (``str.splitlines`` also breaks at form
feeds, U+2028 and others, which would shift every later line), so lines are found here.
"""
from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"\r\n|\r|\n")

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _units(text: str, encoding: str) -> int:
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)  # astral: a surrogate pair


class LineIndex:
    """Where each line of ``text`` starts, to turn offsets into (line, character)."""

    def __init__(self, text: str, encoding: str = UTF16):
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a code-point ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, _units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position (clamped to its line)."""
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.line_end(line)
        count = 0
        for i in range(start, end):
            if count >= character:
                return i
            count += _units(self.text[i], self.encoding)
        return end

    def line_end(self, line: int) -> int:
        """The offset where ``line``'s text ends (before its line break)."""
        nxt = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        if nxt > self.starts[line] and self.text[nxt - 1] == "\n":
            nxt -= 1
        if nxt > self.starts[line] and self.text[nxt - 1] == "\r":
            nxt -= 1
        return nxt

    def line_text(self, line: int) -> str:
        return self.text[self.starts[line]:self.line_end(line)] if line < len(self.starts) else ""

    def line_break(self, line: int) -> str:
        """The break that ends ``line`` (the text's first break when it has none: the last line)."""
        if line + 1 < len(self.starts):
            return self.text[self.line_end(line):self.starts[line + 1]]
        m = _BREAK.search(self.text)
        return m.group() if m else "\n"
