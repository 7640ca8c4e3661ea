"""JSON: every string value, placed in the file, chosen as copy by its key path.

The json module checks the file first (C speed, and its errors carry line and column); a small
tokenizer then walks the original text, so each string's span, escapes included, is known:
``\\n``, ``\\"`` and ``\\u00e9`` each map to their own source characters.
"""
from __future__ import annotations

import json
import re

from ...document import Document
from ..errors import ReaderError
from .assemble import build_document
from .keypaths import CopySettings, Selector, detect_profile, locale_in, pointer_of, shape_of
from .strings import CopyString, Piece

MAX_DEPTH = 512

_TOKEN = re.compile(r'[{}\[\]:,"]')
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_ESCAPE = re.compile(r'\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)')
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def parse_json(source: str):
    """The parsed data; ReaderError (with line and column) for malformed or too deep JSON."""
    try:
        return json.loads(source)
    except json.JSONDecodeError as exc:
        raise ReaderError(f"invalid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") from None
    except RecursionError:
        raise ReaderError(f"JSON nested too deeply to read (over {MAX_DEPTH} levels)") from None


def decode_pieces(source: str, start: int, end: int) -> list[Piece]:
    """Pieces of the JSON string whose content (inside the quotes) is source[start:end]."""
    if source.find("\\", start, end) < 0:
        return [(source[start:end], start, end, True)]
    pieces: list[Piece] = []
    pos = start
    for m in _ESCAPE.finditer(source, start, end):
        if m.start() > pos:
            pieces.append((source[pos:m.start()], pos, m.start(), True))
        raw = m.group()
        if raw[1] == "u":
            text = json.loads('"' + raw + '"')
        else:
            text = _SIMPLE.get(raw[1], raw[1])
        pieces.append((text, m.start(), m.end(), False))
        pos = m.end()
    if pos < end:
        pieces.append((source[pos:end], pos, end, True))
    return pieces


def json_strings(source: str, settings: CopySettings, data=None) -> list[CopyString]:
    """Every string value of the file, each marked read or not (with the reason)."""
    if data is None:
        data = parse_json(source)
    selector = Selector(settings, detect_profile(data, settings))
    out: list[CopyString] = []
    # the container stack: [is_object, key or index, expecting_key]
    stack: list[list] = []
    path: list = []
    pos = 0
    n = len(source)
    search = _TOKEN.search
    while pos < n:
        m = search(source, pos)
        if m is None:
            break
        c = m.group()
        at = m.start()
        if c == '"':
            sm = _STRING.match(source, at)
            if sm is None:  # (json.loads accepted the file, so this cannot happen)
                raise ReaderError(f"invalid JSON string at offset {at}")
            pos = sm.end()
            top = stack[-1] if stack else None
            if top is not None and top[0] and top[2]:
                raw = source[at + 1:pos - 1]
                key = raw if "\\" not in raw else json.loads(source[at:pos])
                top[1] = key
                path[-1] = key
                continue
            pieces = decode_pieces(source, at + 1, pos - 1)
            text = pieces[0][0] if len(pieces) == 1 else "".join(p[0] for p in pieces)
            shape = shape_of(path)
            read, why = selector.decide(path, shape, text)
            out.append(CopyString(pointer_of(path), shape, pieces, locale=locale_in(path),
                                  read=read, reason=why, _text=text))
            continue
        pos = at + 1
        if c == "{" or c == "[":
            if len(stack) >= MAX_DEPTH:
                raise ReaderError(f"JSON nested too deeply to read (over {MAX_DEPTH} levels)")
            is_object = c == "{"
            stack.append([is_object, "" if is_object else 0, is_object])
            path.append("" if is_object else 0)
        elif c == "}" or c == "]":
            stack.pop()
            path.pop()
        elif c == ":":
            stack[-1][2] = False
        elif c == ",":
            top = stack[-1]
            if top[0]:
                top[2] = True
            else:
                top[1] += 1
                path[-1] = top[1]
    return out


def read_json(path: str, source: str, copy: CopySettings | None = None, **_options) -> Document:
    strings = json_strings(source, copy or CopySettings())
    return build_document(path, source, strings, markets=markets_from_name(path))


def markets_from_name(path: str) -> frozenset[str] | None:
    """A locale in the file name or its folder (locales/en-GB.json, en_GB/messages.po)."""
    from ..markets import market_of
    from .keypaths import LOCALE
    import os

    parts = re.split(r"[\\/]", path)
    for part in reversed(parts[-3:]):
        stem = os.path.splitext(part)[0] if part is parts[-1] else part
        for token in (stem, *re.split(r"[.]", stem)):
            if LOCALE.match(token):
                market = market_of(token)
                if market:
                    return frozenset({market})
    return None
