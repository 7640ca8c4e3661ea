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
from .keypaths import LOCALE, CopySettings, Selector, detect_profile, locale_in
from .strings import CopyString, Piece

MAX_DEPTH = 512
# inline spans of one block: Portable Text (Sanity) children, rich-text (Contentful) text nodes
_INLINE_RUNS = ("children[].text", "content[].value")

# a string (group 0) or a structural character (group 1); numbers and literals are passed over
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|([{}\[\]:,])', re.DOTALL)
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


def json_strings(source: str, settings: CopySettings, data=None,
                 keep_skipped: bool = True) -> list[CopyString]:
    """Every string value of the file, each marked read or not (with the reason); with
    ``keep_skipped=False`` only those read."""
    if data is None:
        data = parse_json(source)
    selector = Selector(settings, detect_profile(data, settings))
    out: list[CopyString] = []
    # per open container: whether it is an object, whether a key comes next; ``path`` and
    # ``shapes`` hold the key path and the shape of each of its prefixes (kept as they change,
    # so a string costs no join)
    objects: list[bool] = []
    expect_key: list[bool] = []
    path: list = []
    shapes: list[str] = [""]
    locales: dict[str, str | None] = {}
    decide = selector.decide
    objects_with_locale: bool | None = None  # whether any object names its locale (asked once)
    enclosing: dict[tuple, str | None] = {}
    for m in _TOKENS.finditer(source):
        c = m.group(1)
        if c is None:  # a string
            at, pos = m.span()
            if objects and objects[-1] and expect_key[-1]:
                raw = source[at + 1:pos - 1]
                key = raw if "\\" not in raw else json.loads(source[at:pos])
                path[-1] = key
                parent = shapes[-2]
                shapes[-1] = f"{parent}.{key}" if parent else key
                continue
            pieces = decode_pieces(source, at + 1, pos - 1)
            text = pieces[0][0] if len(pieces) == 1 else "".join(p[0] for p in pieces)
            shape = shapes[-1]
            read, why = decide(path, shape, text)
            if read or keep_skipped:
                if shape not in locales:
                    locales[shape] = locale_in(path)
                locale = locales[shape]
                if locale is None and (objects_with_locale or objects_with_locale is None):
                    if objects_with_locale is None:
                        objects_with_locale = _mentions_locale(source)
                    if objects_with_locale:
                        container = tuple(path[:-1])
                        if container not in enclosing:
                            enclosing[container] = enclosing_locale(data, container)
                        locale = enclosing[container]
                run = tuple(path[:-2]) if shape.endswith(_INLINE_RUNS) else None
                out.append(CopyString(tuple(path), shape, pieces, locale=locale,
                                      read=read, reason=why, _text=text, run=run))
            continue
        if c == "{" or c == "[":
            if len(objects) >= MAX_DEPTH:
                raise ReaderError(f"JSON nested too deeply to read (over {MAX_DEPTH} levels)")
            is_object = c == "{"
            objects.append(is_object)
            expect_key.append(is_object)
            path.append("" if is_object else 0)
            shapes.append(shapes[-1] if is_object else shapes[-1] + "[]")
        elif c == "}" or c == "]":
            objects.pop()
            expect_key.pop()
            path.pop()
            shapes.pop()
        elif c == ":":
            expect_key[-1] = False
        elif c == ",":
            if objects[-1]:
                expect_key[-1] = True
            else:
                path[-1] += 1
    return out


_LOCALE_KEYS = ("locale", "lang", "language")
_LOCALE_KEY = re.compile(r'"(?:locale|lang|language)"\s*:\s*"')


def _mentions_locale(source: str) -> bool:
    return _LOCALE_KEY.search(source) is not None


def enclosing_locale(data, container: tuple) -> str | None:
    """The locale named by the nearest object around a string (Strapi's ``"locale": "en-GB"``
    beside the fields, a Contentful delivery entry's ``sys.locale``), or None."""
    found = None
    node = data
    for part in (None, *container):
        if part is not None:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
        if isinstance(node, dict):
            for holder in (node, node.get("sys")):
                if isinstance(holder, dict):
                    for key in _LOCALE_KEYS:
                        value = holder.get(key)
                        if isinstance(value, str) and LOCALE.match(value):
                            found = value
    return found


def record_label(data, key_path) -> str | None:
    """The CMS record a string belongs to, for people: the nearest object around it with an id
    (a Contentful entry's ``sys.id`` and content type, a Sanity document's ``_id`` and
    ``_type``, a Strapi entry's ``id``), with the field: 'entry 5KsDBW (product), field
    "description" (en-GB)'."""
    node, found = data, None
    for depth, part in enumerate((None, *key_path)):
        if part is not None:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
        if not isinstance(node, dict):
            continue
        sys_ = node.get("sys")
        if isinstance(sys_, dict) and isinstance(sys_.get("id"), str):
            kind = sys_.get("contentType", {}).get("sys", {}).get("id") \
                if isinstance(sys_.get("contentType"), dict) else None
            found = (depth, f"entry {sys_['id']}" + (f" ({kind})" if isinstance(kind, str) else ""))
        elif isinstance(node.get("_id"), str):
            kind = node.get("_type")
            found = (depth, f"document {node['_id']}" + (f" ({kind})" if isinstance(kind, str) else ""))
        elif isinstance(node.get("id"), (str, int)) and not isinstance(node.get("id"), bool):
            found = (depth, f"record {node['id']}")
    if found is None:
        return None
    depth, label = found
    rest = [p for p in key_path[depth:] if isinstance(p, str)]
    if rest and rest[0] in ("fields", "attributes") and len(rest) > 1:
        rest = rest[1:]
    if rest:
        field_name = rest[0]
        locale = next((p for p in reversed(rest[1:]) if LOCALE.match(p)), None)
        label += f', field "{field_name}"' + (f" ({locale})" if locale else "")
    return label


def read_json(path: str, source: str, copy: CopySettings | None = None, **_options) -> Document:
    data = parse_json(source)
    strings = json_strings(source, copy or CopySettings(), data, keep_skipped=False)
    return build_document(path, source, strings, markets=markets_from_name(path),
                          labeller=lambda s: record_label(data, s.key_path) if not isinstance(
                              s.key_path, str) else None)


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
