"""One reader per format, each turning source text into a Document.

``READERS`` maps a file extension to its reader; ``document_for`` picks one by the file name.
A new format is one new module here and one line in ``READERS``.
"""
from __future__ import annotations

import os
from typing import Callable

from ..document import Document
from .reading import BinaryFile, UnreadableFile, decode_bytes, read_text
from .text import read_plain

Reader = Callable[[str, str], Document]

READERS: dict[str, Reader] = {
    ".txt": read_plain,
    ".text": read_plain,
}
DEFAULT_EXTENSIONS = (".md", ".markdown", ".mdx", ".txt", ".html", ".htm")


def reader_for(path: str) -> Reader:
    ext = os.path.splitext(path)[1].lower()
    return READERS.get(ext, read_plain)


def document_for(path: str, source: str, notes: list[str] | None = None) -> Document:
    doc = reader_for(path)(path, source)
    if notes:
        doc.notes.extend(notes)
    return doc


__all__ = ["BinaryFile", "DEFAULT_EXTENSIONS", "READERS", "UnreadableFile", "decode_bytes",
           "document_for", "read_text", "reader_for"]
