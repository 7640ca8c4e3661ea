"""A string value of a structured file, decoded, with every piece placed in the source.

Parsers hand back decoded strings (``\\u00e9`` -> ``é``, ``""`` -> ``"``, folded YAML lines); a
``CopyString`` keeps the decoding as *pieces*: ``(text, src_start, src_end, verbatim)``, where a
verbatim piece is exactly ``source[src_start:src_end]`` and any other piece (an escape, an
entity) stands for that whole source span. ``emit`` feeds the pieces to a TextBuilder so every
character of a finding maps back to its line and column; ``emit_html`` reads the decoded string
as HTML first and maps the HTML reader's positions back through the pieces.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ...document import TextBuilder

Piece = tuple[str, int, int, bool]

_TAG = re.compile(r"<(?:[A-Za-z][\w:-]*[\s>/]|/[A-Za-z]|!--)")


def looks_like_html(text: str) -> bool:
    """Whether a string holds HTML markup (a tag), so it is read with the HTML reader."""
    return "<" in text and _TAG.search(text) is not None


@dataclass
class CopyString:
    # the key path: a sequence of keys and indexes, or already an RFC 6901 JSON pointer (or the
    # format's equivalent): /entries/3/fields/title/en-US (see ``pointer``)
    key_path: tuple | str
    shape: str  # dotted key path with array indexes as [] (what globs match): entries[].fields.title.en-US
    pieces: list[Piece]
    label: str | None = None  # how a person finds it: 'row 3, column "Title"', 'post "Glow" <url>'
    locale: str | None = None  # a locale named in the key path or the file (en-GB)
    html: bool | None = None  # None: decide by looking at the text
    read: bool = True  # chosen as copy
    reason: str = ""  # why it is (not) read, for `exolint copy-keys`
    # strings of one run of inline text (Portable Text spans of a block, rich-text nodes of a
    # paragraph) share a key: read as one block, so a sentence split by bold stays one sentence
    run: tuple | None = None
    _text: str | None = field(default=None, repr=False)

    @property
    def pointer(self) -> str:
        """The RFC 6901 pointer (made when asked: a big export has many strings, few findings)."""
        if not isinstance(self.key_path, str):
            self.key_path = "".join("/" + str(p).replace("~", "~0").replace("/", "~1")
                                    for p in self.key_path)
        return self.key_path

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(p[0] for p in self.pieces)
        return self._text

    @property
    def start(self) -> int:
        return self.pieces[0][1] if self.pieces else 0

    @property
    def end(self) -> int:
        return self.pieces[-1][2] if self.pieces else 0


def emit(builder: TextBuilder, pieces: list[Piece]) -> None:
    for text, start, end, verbatim in pieces:
        if verbatim:
            builder.add(start, text)
        else:
            builder.add_decoded(start, end, text)


def emit_string(builder: TextBuilder, s: CopyString) -> None:
    """Feed one string (as HTML when it holds markup); the caller separates the blocks."""
    html = s.html if s.html is not None else looks_like_html(s.text)
    if html:
        emit_html(builder, s.pieces)
    else:
        emit(builder, s.pieces)


def emit_html(builder: TextBuilder, pieces: list[Piece]) -> None:
    """Read the decoded string as HTML, then map each piece of its copy back to the file."""
    from ..html import extract_html

    decoded = "".join(p[0] for p in pieces)
    inner = TextBuilder()
    extract_html(decoded, 0, len(decoded), inner)
    starts: list[int] = []  # decoded offset where each piece starts
    at = 0
    for p in pieces:
        starts.append(at)
        at += len(p[0])
    text = inner.text()
    for seg in inner._segments:
        chunk = text[seg.text_start:seg.text_start + seg.text_len]
        if seg.src_start == seg.src_end and not seg.exact:
            builder.add_break(chunk)
        elif seg.exact:
            _emit_exact(builder, pieces, starts, seg.src_start, chunk)
        else:  # an entity of the HTML: its decoded span, mapped through the pieces as a whole
            a = _source_at(pieces, starts, seg.src_start)
            b = _source_at(pieces, starts, seg.src_end - 1, end=True)
            builder.add_decoded(a, max(a, b), chunk)


def _emit_exact(builder: TextBuilder, pieces, starts, d_start: int, chunk: str) -> None:
    """``chunk`` is decoded[d_start:d_start+len(chunk)], perhaps across several pieces."""
    i = bisect.bisect_right(starts, d_start) - 1
    pos = 0
    while pos < len(chunk) and i < len(pieces):
        text, s, e, verbatim = pieces[i]
        offset = d_start + pos - starts[i]
        take = min(len(text) - offset, len(chunk) - pos)
        part = chunk[pos:pos + take]
        if verbatim:
            builder.add(s + offset, part)
        else:
            builder.add_decoded(s, e, part)
        pos += take
        i += 1


def _source_at(pieces, starts, d: int, end: bool = False) -> int:
    i = max(0, bisect.bisect_right(starts, d) - 1)
    text, s, e, verbatim = pieces[i]
    if verbatim:
        return s + (d - starts[i]) + (1 if end else 0)
    return e if end else s
