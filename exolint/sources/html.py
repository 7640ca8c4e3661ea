"""HTML: visible text, alt/title attributes, <title>, meta description and social-card content.

Tokenised with Python's ``html.parser`` (a real HTML tokenizer that reports positions) with
character references left unconverted, so every piece of text is placed exactly in the source.
Never copy: script, style, template, code, pre, comments (except exolint's own directives).
``<html lang="en-GB">`` sets the page's market.
"""
from __future__ import annotations

import html as _html
import html.parser as _hp
import re
from dataclasses import dataclass, field

from ..document import Directive, Document, TableHeads, TextBuilder
from .align import SourceAligner
from .directives import parse_directive
from .markets import markets_from_locale

_NEWLINE = re.compile("\n")

SKIP_ELEMENTS = frozenset({"script", "style", "template", "code", "pre", "svg", "math"})
INLINE_ELEMENTS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i", "kbd", "mark", "q",
    "s", "small", "span", "strong", "sub", "sup", "time", "u", "var", "del", "ins", "label",
})
VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
})
COPY_ATTRIBUTES = frozenset({"alt", "title"})
# <meta name|property=...> whose content is copy
COPY_META = frozenset({
    "description", "og:title", "og:description", "og:image:alt", "og:site_name",
    "twitter:title", "twitter:description", "twitter:image:alt",
})
# JSX props that carry copy in MDX components (<Hero heading="...">)
JSX_COPY_PROPS = frozenset({"alt", "title", "heading", "subheading", "subtitle", "description",
                            "caption", "label", "tagline"})

_ENTITY_AT = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
# html.parser's own attribute pattern, so attribute spans agree with how it parsed them
_ATTR = getattr(_hp, "attrfind_tolerant", None) or re.compile(
    r'((?<=[\'"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*(\'[^\']*\'|"[^"]*"|(?![\'"])[^>\s]*))?(?:\s|/(?!>))*')


@dataclass
class HtmlResult:
    markets: frozenset[str] | None = None
    directives: list[Directive] = field(default_factory=list)


class _CopyParser(_hp.HTMLParser):
    def __init__(self, source: str, start: int, end: int, builder: TextBuilder,
                 result: HtmlResult, jsx: bool):
        super().__init__(convert_charrefs=False)
        self.src = source
        self.base = start
        self.stop = end
        self.builder = builder
        self.aligner = SourceAligner(source, builder)
        self.result = result
        self.jsx = jsx
        chunk = source[start:end]
        # html.parser counts lines by "\n" only
        self._nl = [0] + [m.end() for m in _NEWLINE.finditer(chunk)]
        self.skip: list[str] = []
        self.tables = TableHeads(builder)

    # -- positions ------------------------------------------------------------------------------
    def _here(self) -> int:
        line, col = self.getpos()
        return self.base + self._nl[line - 1] + col

    # -- events ---------------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs, closed: bool) -> None:
        at = self._here()
        raw = self.get_starttag_text() or ""
        if tag == "html":
            lang = dict(attrs).get("lang")
            if lang:
                self.result.markets = markets_from_locale(lang)
        if self.skip:
            if tag in SKIP_ELEMENTS and not closed:
                self.skip.append(tag)
            return
        if tag in SKIP_ELEMENTS and not closed:
            self.skip.append(tag)
            return
        if tag == "br":
            self.builder.add_break("\n")
        elif tag not in INLINE_ELEMENTS:
            self.builder.add_break("\n\n")
        if tag == "table":
            self.tables.table()
        elif tag == "tr":
            self.tables.row()
        elif tag in ("th", "td") and not closed:
            self.tables.open_cell(header=tag == "th")
        names = dict(attrs)
        if tag == "meta":
            key = (names.get("name") or names.get("property") or "").lower()
            if key in COPY_META and names.get("content"):
                self._attribute(raw, at, "content", names["content"])
            return
        wanted = JSX_COPY_PROPS if self.jsx else COPY_ATTRIBUTES
        for name, value in attrs:
            if name in wanted and value:
                self._attribute(raw, at, name, value)

    def _attribute(self, raw: str, at: int, name: str, value: str) -> None:
        tag_name_end = len(raw.split(None, 1)[0]) if raw.split() else 0
        for m in _ATTR.finditer(raw, tag_name_end):
            if (m.group(1) or "").lower() != name or m.group(3) is None:
                continue
            vstart = m.start(3)
            vraw = m.group(3)
            if vraw[:1] in "'\"":
                vstart += 1
                vraw = vraw[1:-1]
            self.builder.add_break("\n\n")
            self.aligner.emit(value, at + vstart, at + vstart + len(vraw))
            self.builder.add_break("\n\n")
            return

    def handle_endtag(self, tag):
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in ("th", "td"):
            self.tables.close_cell()
        if tag not in INLINE_ELEMENTS:
            self.builder.add_break("\n\n")

    def handle_data(self, data):
        if self.skip or not data:
            return
        self.builder.add(self._here(), data)

    def _reference(self) -> None:
        if self.skip:
            return
        at = self._here()
        m = _ENTITY_AT.match(self.src, at, self.stop)
        if m:
            self.builder.add_decoded(at, m.end(), _html.unescape(m.group()))

    def handle_entityref(self, name):
        self._reference()

    def handle_charref(self, name):
        self._reference()

    def handle_comment(self, data):
        at = self._here()
        end = self.src.find("-->", at, self.stop)
        end = end + 3 if end >= 0 else self.stop
        d = parse_directive(data, at, end, self.src[at:end])
        if d:
            self.result.directives.append(d)


def extract_html(source: str, start: int, end: int, builder: TextBuilder,
                 jsx: bool = False) -> HtmlResult:
    """Feed the copy in ``source[start:end]`` into ``builder``."""
    result = HtmlResult()
    parser = _CopyParser(source, start, end, builder, result, jsx)
    parser.feed(source[start:end])
    parser.close()
    builder.add_break("\n\n")
    return result


def read_html(path: str, source: str, **_options) -> Document:
    builder = TextBuilder()
    result = extract_html(source, 0, len(source), builder)
    return builder.build(path, source, markets=result.markets, directives=result.directives)
