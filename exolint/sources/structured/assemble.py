"""Build the Document of a structured file from the strings chosen as copy.

Each string becomes its own block (so no match runs from one string into the next) and a
``KeySpans`` entry, through which every finding gets its key path. Strings under a locale
(``en-GB`` in the key path) are judged under that locale's market: when a file holds copy for
more than one market, the Document carries one *view* per market (see ``Document.views``).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ...document import Document, TextBuilder
from ..markets import market_of
from .strings import CopyString, emit_string


@dataclass
class KeySpans:
    """Source spans of the strings read, sorted, each with its pointer and a label."""
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    strings: list[CopyString] = field(default_factory=list)
    # names the record a string belongs to, asked only for strings with a finding (a JSON
    # export's entry: 'entry 5KsDBW... (product)'); None: the strings' own labels
    labeller: object = None

    def add(self, s: CopyString) -> None:
        self.starts.append(s.start)
        self.ends.append(s.end)
        self.strings.append(s)

    @property
    def pointers(self) -> list[str]:
        return [s.pointer for s in self.strings]

    @property
    def labels(self) -> list[str | None]:
        return [s.label for s in self.strings]

    def at(self, offset: int) -> tuple[str, str | None] | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < max(self.ends[i], self.starts[i] + 1):
            string = self.strings[i]
            label = string.label
            if label is None and self.labeller is not None:
                label = string.label = self.labeller(string)
            return string.pointer, label
        return None


def build_document(path: str, source: str, strings: list[CopyString],
                   markets: frozenset[str] | None = None, notes: list[str] | None = None,
                   labeller=None) -> Document:
    """The Document of the strings marked ``read``; ``markets``: the file's own (from its name,
    a header or a language element), for strings whose key path names no locale."""
    chosen = sorted((s for s in strings if s.read and s.pieces), key=lambda s: s.start)
    groups: dict[frozenset[str] | None, list[CopyString]] = {}
    for s in chosen:
        market = market_of(s.locale) if s.locale else None
        groups.setdefault(frozenset({market}) if market else markets, []).append(s)
    doc = _one(path, source, chosen, markets, labeller)
    if notes:
        doc.notes.extend(notes)
    if len(groups) > 1:
        doc.views = [_one(path, source, group, key, labeller) for key, group in groups.items()]
    elif groups:
        doc.markets = next(iter(groups))
    return doc


def _one(path: str, source: str, strings: list[CopyString],
         markets: frozenset[str] | None, labeller=None) -> Document:
    builder = TextBuilder()
    spans = KeySpans(labeller=labeller)
    run = None
    for s in strings:
        if s.run is None or s.run != run:  # a new block (a run of inline spans is one block)
            builder.add_break("\n\n")
        run = s.run
        emit_string(builder, s)
        spans.add(s)
    builder.add_break("\n\n")
    doc = builder.build(path, source, markets=markets)
    doc.key_spans = spans
    return doc
