"""gettext catalogs (.po): each entry's translation (``msgstr``), or its ``msgid`` when the
entry is not translated yet.

A catalog is a list of entries of keyword lines (``msgctxt``, ``msgid``, ``msgid_plural``,
``msgstr``, ``msgstr[N]``), each followed by any number of continuation strings; read line by
line here, since polib and Babel give no positions. C escapes (``\\n``, ``\\"``) map to their
own two characters. The header's ``Language:`` (or the file name) sets the market. Obsolete
entries (``#~``) are not copy.
"""
from __future__ import annotations

import re

from ...document import Document
from ..errors import ReaderError
from ..markets import markets_from_locale
from .assemble import build_document
from .json_reader import markets_from_name
from .keypaths import CopySettings, pointer_of
from .strings import CopyString, Piece

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_KEYWORD = re.compile(r"[ \t]*(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]+(?=\")")
_STRING = re.compile(r'"((?:[^"\\\r\n]|\\.)*)"[ \t]*$')
_ESCAPE = re.compile(r"\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)")
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
           "f": "\f", "v": "\v", "'": "'", "?": "?"}


def _pieces(source: str, start: int, end: int) -> list[Piece]:
    pieces: list[Piece] = []
    pos = start
    for m in _ESCAPE.finditer(source, start, end):
        if m.start() > pos:
            pieces.append((source[pos:m.start()], pos, m.start(), True))
        raw = m.group()[1:]
        if raw[0] in "01234567":
            text = chr(int(raw, 8))
        elif raw[0] == "x" and len(raw) > 1:
            text = chr(int(raw[1:], 16))
        else:
            text = _SIMPLE.get(raw, raw)
        pieces.append((text, m.start(), m.end(), False))
        pos = m.end()
    if pos < end:
        pieces.append((source[pos:end], pos, end, True))
    return pieces


def parse_entries(source: str) -> list[dict[str, list[Piece]]]:
    """Entries as {keyword: pieces}; ReaderError with line and column for a malformed line."""
    entries: list[dict[str, list[Piece]]] = []
    entry: dict[str, list[Piece]] = {}
    current: str | None = None
    number = 0
    for m in _LINE.finditer(source):
        if m.start() == m.end():
            break
        number += 1
        line = m.group().rstrip("\r\n")
        stripped = line.strip()
        at = m.start()
        if not stripped:
            current = None
            continue
        if stripped.startswith("#"):
            current = None
            continue
        k = _KEYWORD.match(line)
        if k:
            keyword = k.group(1)
            if keyword in ("msgctxt", "msgid") and ("msgstr" in entry or any(
                    key.startswith("msgstr") for key in entry)):
                entries.append(entry)
                entry = {}
            current = keyword
            entry.setdefault(keyword, [])
            rest = k.end()
        elif stripped.startswith('"') and current is not None:
            rest = len(line) - len(line.lstrip())
        else:
            raise ReaderError(f"invalid .po catalog (line {number}, column "
                              f"{len(line) - len(line.lstrip()) + 1}): expected a keyword "
                              "(msgid, msgstr...) or a quoted string")
        s = _STRING.match(line, rest)
        if s is None:
            raise ReaderError(f"invalid .po catalog (line {number}, column {rest + 1}): "
                              "unterminated or malformed string")
        entry[current].extend(_pieces(source, at + s.start(1), at + s.end(1)))
    if entry:
        entries.append(entry)
    return entries


def _text(pieces) -> str:
    return "".join(p[0] for p in pieces)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 50 else text[:47] + "..."


def po_strings(source: str, settings: CopySettings):
    """(every string of the catalog, marked read or not; the header's markets)."""
    out: list[CopyString] = []
    markets = None
    for entry in parse_entries(source):
        msgid = _text(entry.get("msgid", []))
        ctxt = _text(entry["msgctxt"]) if "msgctxt" in entry else None
        if msgid == "" and ctxt is None:  # the header
            lang = re.search(r"^Language:[ \t]*([^\s\\]+)", _text(entry.get("msgstr", [])), re.M)
            if lang:
                markets = markets_from_locale(lang.group(1))
            continue
        keys = [ctxt, msgid] if ctxt is not None else [msgid]
        label = (f'msgctxt "{_short(ctxt)}" ' if ctxt is not None else "") + f'msgid "{_short(msgid)}"'
        translated = [k for k in entry if k.startswith("msgstr") and _text(entry[k]).strip()]
        for key in entry:
            if key == "msgctxt":
                continue
            pieces = entry[key]
            text = _text(pieces)
            if not text.strip():
                continue
            if key.startswith("msgstr"):
                read, why = True, "translation"
            else:
                read = not translated
                why = "untranslated: the source text is the copy" if read else \
                    "translated: the msgstr is read"
            out.append(CopyString(pointer_of(keys + ([key] if key != "msgstr" else [])),
                                  key, pieces, label=label, read=read, reason=why, _text=text,
                                  html=False))
    return out, markets


def read_po(path: str, source: str, copy: CopySettings | None = None, **_options) -> Document:
    strings, markets = po_strings(source, copy or CopySettings())
    return build_document(path, source, strings, markets=markets or markets_from_name(path))
