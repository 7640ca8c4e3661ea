"""A page's own words, for judging its voice: the source with its tags dropped (a structured
file's copy: its keys, ids and markup are not words of the page), whole or in pieces (a large
page's copy is never held twice).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Document

_TAG = re.compile(r"<[^>]{0,2000}>")
_TAG_LONGEST = 2002  # characters in _TAG's longest match


def page_copy(doc: Document) -> str:
    """The whole page's words, for judging its voice: the source, tags dropped (a structured
    file's copy: its keys, ids and markup are not words of the page)."""
    if doc.key_spans is not None:
        return doc.text
    return source_copy(doc.source or doc.text)


def source_copy(source: str) -> str:
    """A page's source as its words: tags dropped."""
    return _TAG.sub(" ", source) if "<" in source else source


def source_voice(source: str):
    """The voice (``context.voice.PageVoice``) of the page whose source is ``source`` (not a
    structured file), from its copy in pieces: a large page's is judged right after reading,
    while the source is all it holds in memory (``Document.voice``)."""
    from .voice import page_voice_of

    return page_voice_of(lambda: source_copy_pieces(source), lambda: source_copy(source))


_COPY_PIECE = 1 << 20  # characters of source made into page copy at a time


def page_copy_pieces(doc: Document) -> Iterator[str]:
    """``page_copy(doc)`` in pieces of about ``_COPY_PIECE`` characters (never the whole copy at
    once). The source is cut just after a ">": no tag runs across that (a tag holds no ">"),
    and dropping the tags of each piece then drops those of the whole. A piece with no ">"
    ends where it would unless a tag could run across its end (the next ">" is close): then
    just after that ">"."""
    if doc.key_spans is not None:
        yield doc.text
    else:
        yield from source_copy_pieces(doc.source or doc.text)


def source_copy_pieces(source: str) -> Iterator[str]:
    """``source_copy(source)`` in pieces (see ``page_copy_pieces``)."""
    if "<" not in source:
        yield source
        return
    at, n = 0, len(source)
    while at < n:
        stop = at + _COPY_PIECE
        if stop >= n:
            stop = n
        elif (close := source.rfind(">", at, stop)) >= 0:
            stop = close + 1
        else:  # a tag that crosses ``stop`` ends at the next ">", at most _TAG_LONGEST from its "<"
            close = source.find(">", stop)
            if close >= 0 and stop > close + 1 - _TAG_LONGEST:
                stop = close + 1
        piece = source[at:stop]
        yield _TAG.sub(" ", piece) if "<" in piece else piece
        at = stop
