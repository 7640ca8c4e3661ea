"""Limits a .docx must fit before python-docx and lxml parse it, so a small hostile file (a zip
bomb, millions of empty paragraphs) is refused quickly, in bounded memory, instead of using
gigabytes. Over a limit the file is an error of its own (exit code 2); other files are checked.

The package's entries are checked first by the sizes the zip declares (zipfile never inflates an
entry past its declared size), then its XML parts are streamed, decompressed 1 MB at a time, and
their paragraphs and elements counted, stopping at the first limit passed. Limits are documented
in docs/sources-and-config.md.
"""
from __future__ import annotations

import re
import zipfile

MAX_ENTRIES = 10_000            # files inside the package
MAX_PACKAGE_BYTES = 512 << 20   # every part decompressed, media included
MAX_XML_BYTES = 64 << 20        # the XML parts decompressed, together
MAX_PARAGRAPHS = 100_000        # paragraphs in the XML parts (body, tables, headers, notes...)
MAX_ELEMENTS = 2_000_000        # XML elements in the XML parts (what lxml's memory grows with)

_CHUNK = 1 << 20
_PARAGRAPH = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]")
_ELEMENT = re.compile(rb"<[^/?!]")


class DocxTooLarge(ValueError):
    """The package passes one of the limits above; the message says which."""


def _mb(n: int) -> str:
    return f"{n / (1 << 20):.0f} MB"


def check_docx_limits(zf: zipfile.ZipFile) -> None:
    """Raise DocxTooLarge when the package passes a limit. Reads at most MAX_XML_BYTES."""
    entries = zf.infolist()
    if len(entries) > MAX_ENTRIES:
        raise DocxTooLarge(f"the package holds {len(entries):,} files (limit {MAX_ENTRIES:,})")
    declared = sum(e.file_size for e in entries)
    if declared > MAX_PACKAGE_BYTES:
        raise DocxTooLarge(f"it unpacks to {_mb(declared)} (limit {_mb(MAX_PACKAGE_BYTES)})")
    xml = [e for e in entries if e.filename.lower().endswith((".xml", ".rels"))]
    declared_xml = sum(e.file_size for e in xml)
    if declared_xml > MAX_XML_BYTES:
        raise DocxTooLarge(f"its XML unpacks to {_mb(declared_xml)} (limit {_mb(MAX_XML_BYTES)})")
    counts = [0, 0, 0]  # bytes, paragraphs, elements
    for entry in xml:
        _count_part(zf, entry, counts)


def _count_part(zf: zipfile.ZipFile, entry: zipfile.ZipInfo, counts: list[int]) -> None:
    carry = b""
    with zf.open(entry) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            counts[0] += len(chunk)
            if counts[0] > MAX_XML_BYTES:
                raise DocxTooLarge(f"its XML unpacks to more than {_mb(MAX_XML_BYTES)}")
            data = carry + chunk
            if chunk:
                cut = data.rfind(b"<")  # never split a tag between two reads
                if cut <= 0 or len(data) - cut > _CHUNK:
                    cut = len(data)
                data, carry = data[:cut], data[cut:]
            else:
                carry = b""
            counts[1] += len(_PARAGRAPH.findall(data))
            counts[2] += len(_ELEMENT.findall(data))
            if counts[1] > MAX_PARAGRAPHS:
                raise DocxTooLarge(f"it holds more than {MAX_PARAGRAPHS:,} paragraphs")
            if counts[2] > MAX_ELEMENTS:
                raise DocxTooLarge(f"its XML holds more than {MAX_ELEMENTS:,} elements")
            if not chunk:
                return
