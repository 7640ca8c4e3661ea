"""WordPress exports (WXR, ``.xml``): each post's title, ``content:encoded`` and
``excerpt:encoded``, with the post's title and link in every finding.

defusedxml checks the whole file first: it refuses entity declarations (no "billion laughs",
no external entities) and reports malformed XML with its line and column. The items are then
found in the original text (WordPress writes them in one fixed shape: an element per line, the
HTML in CDATA sections) so every character maps back; HTML is read with the HTML reader.
Attachments, menu items, revisions and other WordPress internals are not copy.
"""
from __future__ import annotations

import html
import re

from ...document import Document
from ..errors import ReaderError
from ..markets import markets_from_locale
from .align import align
from .assemble import build_document
from .keypaths import CopySettings, matches, pointer_of
from .strings import CopyString, Piece

_ITEM = re.compile(r"<item\b[^>]*>(.*?)</item\s*>", re.DOTALL)
_FIELD = re.compile(r"<(title|link|content:encoded|excerpt:encoded|wp:post_type|wp:post_name)\b"
                    r"[^>]*?(?:/>|>(.*?)</\1\s*>)", re.DOTALL)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_LANGUAGE = re.compile(r"<language>\s*([^<\s]+)\s*</language>")
NOT_COPY_TYPES = frozenset({"attachment", "nav_menu_item", "revision", "custom_css",
                            "customize_changeset", "oembed_cache", "user_request"})
COPY_FIELDS = ("title", "content:encoded", "excerpt:encoded")


def _check_xml(source: str) -> None:
    try:
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import ParseError, fromstring
    except ImportError:
        raise ReaderError("reading WordPress exports (.xml) needs defusedxml: "
                          "pip install 'exolint[data]'") from None
    try:
        root = fromstring(source, forbid_dtd=False, forbid_entities=True,
                          forbid_external=True)
    except ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        reason = str(exc).split(":")[0]
        raise ReaderError(f"invalid XML (line {line}, column {col + 1}): {reason}") from None
    except DefusedXmlException as exc:
        raise ReaderError(f"XML refused: {exc} (entity declarations are not allowed: they can "
                          "expand without bound)") from None
    if root.tag != "rss" or "wordpress.org/export" not in source[:4096]:
        raise ReaderError("not a WordPress export (WXR): only WordPress .xml exports are read")


def _value_pieces(source: str, start: int, end: int) -> list[Piece]:
    """The text of an element (CDATA sections verbatim, entities decoded), as pieces."""
    pieces: list[Piece] = []
    pos = start
    for m in _CDATA.finditer(source, start, end):
        if m.start() > pos:
            pieces.extend(_text_pieces(source, pos, m.start()))
        if m.end(1) > m.start(1):
            pieces.append((m.group(1), m.start(1), m.end(1), True))
        pos = m.end()
    if pos < end:
        pieces.extend(_text_pieces(source, pos, end))
    return pieces


def _text_pieces(source: str, start: int, end: int) -> list[Piece]:
    raw = source[start:end]
    if "&" not in raw:
        return [(raw, start, end, True)] if raw else []
    return align(html.unescape(raw), source, start, end, "xml")


def wxr_strings(source: str, settings: CopySettings):
    """(every post field of the export, marked read or not; the channel's markets)."""
    _check_xml(source)
    lang = _LANGUAGE.search(source)
    markets = markets_from_locale(lang.group(1)) if lang else None
    out: list[CopyString] = []
    for number, item in enumerate(_ITEM.finditer(source), start=1):
        fields: dict[str, tuple[int, int]] = {}
        for f in _FIELD.finditer(source, item.start(1), item.end(1)):
            if f.group(1) not in fields and f.group(2) is not None:
                fields[f.group(1)] = (f.start(2), f.end(2))

        def plain(name: str) -> str:
            if name not in fields:
                return ""
            return "".join(p[0] for p in _value_pieces(source, *fields[name])).strip()

        post_type = plain("wp:post_type") or "post"
        title, link = plain("title"), plain("link")
        label = f'{post_type} "{title or plain("wp:post_name") or number}"' + \
            (f" <{link}>" if link else "")
        for name in COPY_FIELDS:
            if name not in fields:
                continue
            pieces = _value_pieces(source, *fields[name])
            text = "".join(p[0] for p in pieces)
            if not text.strip():
                continue
            path = ["channel", "item", number, name]
            shape = f"channel.item[].{name}"
            if matches(shape, settings.exclude):
                read, why = False, "excluded by config"
            elif post_type in NOT_COPY_TYPES or post_type.startswith("wp_"):
                read, why = False, f"a WordPress {post_type}, not copy"
            else:
                read, why = True, "post copy"
            out.append(CopyString(pointer_of(path), shape, pieces, label=label, read=read,
                                  reason=why, _text=text, html=name != "title" or None))
    return out, markets


def read_wxr(path: str, source: str, copy: CopySettings | None = None, **_options) -> Document:
    strings, markets = wxr_strings(source, copy or CopySettings())
    return build_document(path, source, strings, markets=markets)
