"""Word drafts (.docx), read with python-docx.

What is read: the body's paragraphs and the paragraphs inside its tables (nested tables and
content controls too), in document order, with tracked insertions included and tracked deletions
left out. Headers, footers, footnotes, endnotes, comments and text boxes are not read.

The Document's *source* is one line per paragraph that holds text (empty paragraphs are
skipped), so a finding's ``line`` is the paragraph number and its ``column`` the character in that
paragraph. A line break inside a paragraph (Shift+Enter) becomes a space, keeping one line per
paragraph. Paragraphs are separated by a blank-line break in the checked text, so a sentence
never runs on from one paragraph into the next. Paragraphs inside tables are numbered in the
same sequence; ``Document.line_notes`` names their cell, e.g. "table 1, row 2, cell 3" (cells
counted as Word shows them in the row, merged cells once).
"""
from __future__ import annotations

import io
import os
import zipfile

from ..document import Document, TextBuilder
from .docx_limits import DocxTooLarge, check_docx_limits
from .reading import BinaryFile, UnreadableFile

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Run text that counts: not deleted, not moved away, not inside a text box of the paragraph.
_RUNS = (".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) "
         "and not(ancestor::w:txbxContent)]")


def read_docx(path: str, data: bytes) -> Document:
    """Build a Document from the bytes of a .docx file. Raises UnreadableFile on a bad file."""
    if os.path.basename(path).startswith("~$"):
        raise BinaryFile("Word lock file (the draft is open in Word), skipped")
    body = _open_body(data)
    paragraphs: list[tuple[str, str | None]] = []
    _walk_blocks(body, paragraphs, where=None, counters={"table": 0})
    lines: list[str] = []
    notes: dict[int, str] = {}
    for text, where in paragraphs:
        flat = text.replace("\r", " ").replace("\n", " ")
        if not flat.strip():
            continue
        lines.append(flat)
        if where:
            notes[len(lines)] = where
    source = "\n".join(lines)
    builder = TextBuilder()
    offset = 0
    for i, line in enumerate(lines):
        if i:
            builder.add_break("\n\n")
        builder.add(offset, line)
        offset += len(line) + 1
    doc = builder.build(path, source, location_label="paragraph")
    doc.line_notes = notes
    return doc


def _open_body(data: bytes):
    import docx  # python-docx; imported here so plain-text runs do not pay for it
    from docx.opc.exceptions import PackageNotFoundError

    if not data.startswith(b"PK"):
        raise UnreadableFile("not a Word .docx file (it is not a zip package); "
                             "save it from Word or Google Docs as .docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_docx_limits(zf)  # before python-docx unpacks and parses every part
        return docx.Document(io.BytesIO(data)).element.body
    except DocxTooLarge as exc:
        raise UnreadableFile(f"Word document too large to check safely: {exc}; split it, or "
                             "see 'Limits' in docs/sources-and-config.md") from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableFile(f"not a readable Word .docx file ({exc})") from None
    except Exception as exc:  # malformed XML and the like: still a user-facing error
        raise UnreadableFile(f"not a readable Word .docx file ({type(exc).__name__}: {exc})") from None


def _walk_blocks(container, out: list, where: str | None, counters: dict) -> None:
    """Paragraphs and tables of a body or table cell, in order (content controls unwrapped)."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            out.append((_paragraph_text(child), where))
        elif tag == f"{_W}tbl":
            _walk_table(child, out, where, counters)
        elif tag == f"{_W}sdt":
            for content in child.iterchildren(f"{_W}sdtContent"):
                _walk_blocks(content, out, where, counters)


def _walk_table(tbl, out: list, where: str | None, counters: dict) -> None:
    counters["table"] += 1
    number = counters["table"]
    for r, row in enumerate(_children(tbl, "tr"), start=1):
        for c, cell in enumerate(_children(row, "tc"), start=1):
            label = f"table {number}, row {r}, cell {c}"
            _walk_blocks(cell, out, f"{where}; {label}" if where else label, counters)


def _children(element, name: str):
    """Direct children called ``name``, looking through content controls (w:sdt)."""
    for child in element.iterchildren():
        if child.tag == f"{_W}{name}":
            yield child
        elif child.tag == f"{_W}sdt":
            for content in child.iterchildren(f"{_W}sdtContent"):
                yield from _children(content, name)


def _paragraph_text(p) -> str:
    return "".join(run.text for run in p.xpath(_RUNS))
