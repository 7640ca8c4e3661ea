"""One reader per format, each turning source text into a Document.

``READERS`` maps a file extension to its reader; ``document_for`` picks one by the file name.
A new format is one new module here and one line in ``READERS``.
"""
from __future__ import annotations

import os
from typing import Callable

from ..document import Document
from .errors import ReaderError
from .markdown import read_markdown
from .reading import BinaryFile, UnreadableFile, decode_bytes, read_bytes, read_text
from .text import read_plain


# Readers of the less common formats are imported on first use: a pre-commit run on Markdown
# never needs zipfile or html.parser, and start-up time counts.
def read_docx(path: str, data: bytes) -> Document:
    from .docx import read_docx as read
    return read(path, data)


def read_html(path: str, source: str, **options) -> Document:
    from .html import read_html as read
    return read(path, source, **options)


def read_mdx(path: str, source: str, **options) -> Document:
    from .mdx import read_mdx as read
    return read(path, source, **options)


def read_json(path: str, source: str, **options) -> Document:
    from .structured.json_reader import read_json as read
    return read(path, source, **options)


def read_yaml(path: str, source: str, **options) -> Document:
    from .structured.yaml_reader import read_yaml as read
    return read(path, source, **options)


def read_csv(path: str, source: str, **options) -> Document:
    from .structured.csv_reader import read_csv as read
    return read(path, source, **options)


def read_po(path: str, source: str, **options) -> Document:
    from .structured.po_reader import read_po as read
    return read(path, source, **options)


def read_wxr(path: str, source: str, **options) -> Document:
    from .structured.wxr_reader import read_wxr as read
    return read(path, source, **options)


Reader = Callable[[str, str], Document]
# Formats that are not text (a .docx is a zip): reader(path, raw bytes) -> Document.
BinaryReader = Callable[[str, bytes], Document]
BINARY_READERS: dict[str, BinaryReader] = {
    ".docx": read_docx,
}

# Text readers take (path, source, **options) (options: copy_fields, the front-matter field globs)
# and raise ReaderError for markup they cannot read (e.g. broken front matter).
READERS: dict[str, Reader] = {
    ".txt": read_plain,
    ".text": read_plain,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".mdx": read_mdx,
    ".html": read_html,
    ".htm": read_html,
    # structured copy (read when named on the command line, walked only when the config's
    # [copy] walk = true: a repository's package.json is never linted by surprise)
    ".json": read_json,
    ".yaml": read_yaml,
    ".yml": read_yaml,
    ".csv": read_csv,
    ".po": read_po,
    ".pot": read_po,
    ".xml": read_wxr,
}
DEFAULT_EXTENSIONS = (".md", ".markdown", ".mdx", ".txt", ".html", ".htm", ".docx")
STRUCTURED_EXTENSIONS = (".json", ".yaml", ".yml", ".csv", ".po", ".xml")


def reader_for(path: str) -> Reader:
    ext = os.path.splitext(path)[1].lower()
    return READERS.get(ext, read_plain)


def is_binary_format(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in BINARY_READERS


def document_from_bytes(path: str, data: bytes) -> Document:
    """Parse raw bytes as the format ``path`` names (binary formats, or text decoded first)."""
    binary = BINARY_READERS.get(os.path.splitext(path)[1].lower())
    if binary is not None:
        return binary(path, data)
    source, notes = decode_bytes(data)
    return document_for(path, source, notes)


def read_document(path: str) -> Document:
    """Read and parse one file. Raises UnreadableFile (or BinaryFile) with a user-facing reason."""
    return document_from_bytes(path, read_bytes(path))


def document_for(path: str, source: str, notes: list[str] | None = None,
                 **options) -> Document:
    """Read ``source`` as the format ``path`` names. Raises ReaderError for broken markup."""
    doc = reader_for(path)(path, source, **options)
    if notes:
        doc.notes.extend(notes)
    return doc


__all__ = ["BINARY_READERS", "BinaryFile", "DEFAULT_EXTENSIONS", "READERS", "ReaderError",
           "STRUCTURED_EXTENSIONS",
           "UnreadableFile",
           "decode_bytes", "document_for", "document_from_bytes", "is_binary_format", "read_bytes",
           "read_document", "read_text", "reader_for"]
