"""CSV product feeds (Shopify, WooCommerce exports): cells of the copy columns, by header.

A small RFC 4180 scanner (the csv module gives no positions) finds every cell's span: a quoted
cell may span lines and doubles its quotes (``""``), each of which maps back to its own
characters. Cells holding HTML (``Body (HTML)``) are read with the HTML reader. The delimiter
is the one of ``,`` ``;`` and tab the header line uses most.
"""
from __future__ import annotations

import re

from ...document import Document
from ..errors import ReaderError
from .assemble import build_document
from .json_reader import markets_from_name
from .keypaths import CopySettings, LOCALE, pointer_of
from .strings import CopyString, Piece

_ID_COLUMNS = ("Handle", "SKU", "ID", "Variant SKU", "Slug")
_LOCALE_COLUMNS = ("Locale", "Language", "Lang")


def _delimiter(source: str) -> str:
    first = source.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


def scan_rows(source: str, delimiter: str = ","):
    """Rows of cells, each cell (start, end, pieces); ReaderError with line and column for an
    unterminated quote or text after a closing quote."""
    d = delimiter
    unquoted = re.compile(r"[^" + re.escape(d) + r"\r\n]*")
    rows: list[list[tuple[int, int, list[Piece]]]] = []
    row: list[tuple[int, int, list[Piece]]] = []
    pos, n = 0, len(source)
    while pos <= n:
        if pos < n and source[pos] == '"':
            start = pos
            pieces: list[Piece] = []
            j = pos + 1
            while True:
                q = source.find('"', j)
                if q < 0:
                    line, col = _line_col(source, start)
                    raise ReaderError(f"invalid CSV (line {line}, column {col}): "
                                      "quoted cell never closed")
                if q > j:
                    pieces.append((source[j:q], j, q, True))
                if source.startswith('""', q):
                    pieces.append(('"', q, q + 1, True))  # the first quote of the pair stands for it
                    j = q + 2
                    continue
                pos = q + 1
                break
            if pos < n and source[pos] not in (d, "\r", "\n"):
                line, col = _line_col(source, pos)
                raise ReaderError(f"invalid CSV (line {line}, column {col}): "
                                  "text after the closing quote of a cell")
            row.append((start + 1, pos - 1, pieces))
        else:
            m = unquoted.match(source, pos)
            end = m.end()
            row.append((pos, end, [(source[pos:end], pos, end, True)] if end > pos else []))
            pos = end
        if pos >= n:
            rows.append(row)
            break
        c = source[pos]
        if c == d:
            pos += 1
            continue
        rows.append(row)  # a line break ends the row
        row = []
        pos += 2 if source.startswith("\r\n", pos) else 1
        if pos >= n:
            break
    return rows


def _line_col(source: str, offset: int) -> tuple[int, int]:
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def csv_strings(source: str, settings: CopySettings) -> list[CopyString]:
    rows = scan_rows(source, _delimiter(source))
    if not rows:
        return []
    header = ["".join(p[0] for p in cell[2]).strip() for cell in rows[0]]
    wanted = {c.lower() for c in settings.columns}
    id_col = next((i for i, h in enumerate(header) if h in _ID_COLUMNS), None)
    locale_col = next((i for i, h in enumerate(header) if h in _LOCALE_COLUMNS), None)
    out: list[CopyString] = []
    for number, row in enumerate(rows[1:], start=2):  # spreadsheet rows: the header is row 1
        ident = _cell_text(row, id_col)
        locale = _cell_text(row, locale_col)
        for col, (start, end, pieces) in enumerate(row):
            name = header[col] if col < len(header) else f"column {col + 1}"
            text = "".join(p[0] for p in pieces)
            if not text.strip():
                continue
            read = name.lower() in wanted
            why = (f"column '{name}' is copy" if read else
                   f"column '{name}' is not in the copy columns")
            label = f'row {number}' + (f" ({header[id_col]} {ident})" if ident else "") + \
                    f', column "{name}"'
            out.append(CopyString(pointer_of([number, name]), f"[].{name}", pieces, label=label,
                                  locale=locale if locale and LOCALE.match(locale) else None,
                                  read=read, reason=why, _text=text))
    return out


def _cell_text(row, col) -> str:
    if col is None or col >= len(row):
        return ""
    return "".join(p[0] for p in row[col][2]).strip()


def read_csv(path: str, source: str, copy: CopySettings | None = None, **_options) -> Document:
    strings = csv_strings(source, copy or CopySettings())
    return build_document(path, source, strings, markets=markets_from_name(path))
