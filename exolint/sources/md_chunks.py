"""Split a large Markdown page into pieces markdown-it can parse one at a time.

markdown-it builds every token of a page before any is used: about 17 bytes of tokens per byte
of copy, so a 50 MB page peaked at 570 MB. A page larger than ``CHUNK`` is cut at blank lines
where no block can continue -- the next line starts in column 0, outside fenced code, HTML
comments and raw HTML blocks (``<script>``, ``<pre>``, ``<style>``, ``<textarea>``, ``<?``,
``<![CDATA[``) -- and each piece is parsed and walked in turn. A blank line followed by an
unindented line ends every list, quote, table, indented code block and HTML block of types 6
and 7 anyway, so the pieces parse as the whole page does; the one difference is that a reference
link or footnote whose definition sits in another piece reads as its literal text (the same
words, still checked).

``cut_points`` reads block structure line by line, as markdown-it does in the usual cases, not
in all of them (a fence line right under a ``<div>`` block is raw HTML there, not a fence). A
piece whose parse ends inside a fenced code block or raw HTML block (``ends_inside_block``)
shows such a disagreement; the page is then parsed whole (``exolint.sources.markdown``), or read
whole rather than in sections (``exolint.match.sections``).
"""
from __future__ import annotations

import bisect
import re

CHUNK = 64 * 1024  # characters per piece, at least (pages up to this size are parsed whole)

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_RAW_OPEN = re.compile(r" {0,3}<(script|pre|style|textarea)(?=[\s>]|$)", re.I)
_RAW_CLOSE = {"script": "</script>", "pre": "</pre>", "style": "</style>", "textarea": "</textarea>"}
# an HTML block that runs to the next blank line (CommonMark's type 6): a fence line inside it is
# raw HTML, not a fence
HTML_BLOCK_TO_BLANK = re.compile(
    r" {0,3}</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd"
    r"|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]"
    r"|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup"
    r"|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)"
    r"(?:[ \t>]|/>|$)", re.I)


def chunk_bounds(text: str, size: int = CHUNK) -> list[tuple[int, int, int]]:
    """(start offset, end offset, first line number) of the pieces to parse, in order."""
    if len(text) <= size:
        return [(0, len(text), 0)]
    bounds: list[tuple[int, int, int]] = []
    start, start_line = 0, 0
    for pos, line_no in cut_points(text, size):
        if pos - start >= size:
            bounds.append((start, pos, start_line))
            start, start_line = pos, line_no
    bounds.append((start, len(text), start_line))
    return bounds


def cut_points(text: str, after: int = 0):
    """(offset, line number) of each place where a piece may start, in order: a line starting
    in column 0 after a blank line, outside fenced code, comments and raw HTML blocks. Places
    less than ``after`` characters into the text are not looked for (a page is cut into
    pieces of at least that size)."""
    fence: tuple[str, int] | None = None
    closing: str | None = None  # what ends the open HTML comment / raw block
    html_block = False  # inside an HTML block that ends at a blank line
    prev_blank = False
    pos, line_no = 0, 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl + 1
        line = text[pos:end].rstrip("\r\n")
        if (prev_blank and fence is None and closing is None and pos >= after
                and line[:1] not in ("", " ", "\t")):
            yield pos, line_no
        blank = not line.strip()
        if html_block:
            html_block = not blank
        elif fence is None and closing is None and HTML_BLOCK_TO_BLANK.match(line):
            html_block = True
        if html_block:
            pass
        elif fence is not None:
            m = _FENCE.match(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1] and not m.group(2).strip():
                fence = None
        elif closing is not None:
            if closing in line.lower():
                closing = None
        else:
            m = _FENCE.match(line)
            if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
                fence = (m.group(1)[0], len(m.group(1)))
            else:
                closing = _opens_raw(line)
        prev_blank = blank
        pos, line_no = end, line_no + 1


def _opens_raw(line: str) -> str | None:
    """What closes a comment or raw HTML block opened, and left open, on this line."""
    lowered = line.lower()
    at = lowered.rfind("<!--")
    if at >= 0 and "-->" not in lowered[at + 4:]:
        return "-->"
    m = _RAW_OPEN.match(line)
    if m:
        close = _RAW_CLOSE[m.group(1).lower()]
        return None if close in lowered else close
    stripped = lowered.lstrip()
    if stripped.startswith("<![cdata[") and "]]>" not in stripped:
        return "]]>"
    if stripped.startswith("<?") and "?>" not in stripped:
        return "?>"
    return None


class CutInsideBlock(Exception):
    """A piece was cut inside a fenced code block or raw HTML block as markdown-it reads it."""


# (opener, closer) of the raw blocks ``_opens_raw`` follows, lower-cased
_RAW_CLOSERS = (("<!--", "-->"), ("<?", "?>"), ("<![cdata[", "]]>"),
                *((f"<{tag}", closer) for tag, closer in _RAW_CLOSE.items()))


def ends_inside_block(tokens, text: str) -> bool:
    """Whether the parse ``tokens`` of ``text`` ends inside a fenced code block or a raw HTML
    block of the kinds that run across blank lines (markdown-it closes them at the end of its
    input: a piece cut there would read the rest of the block as copy)."""
    last = next((t for t in reversed(tokens) if t.level == 0 and t.map and t.nesting >= 0), None)
    if last is None:
        return False
    if last.type == "fence":
        lines = text.split("\n", last.map[1])[last.map[0]:last.map[1]]
        if len(lines) < 2:
            return True
        closing = lines[-1].rstrip("\r").strip()
        marker = last.markup
        return not (closing and set(closing) == {marker[0]} and len(closing) >= len(marker))
    if last.type == "html_block":
        body = last.content.lstrip().lower()
        for opener, closer in _RAW_CLOSERS:
            if body.startswith(opener):
                return closer not in body[len(opener):]
        if body.startswith("<!") and body[2:3].isalpha():
            return ">" not in body
    return False


def spans_a_join(tokens, first_line: int, joins: list[int]) -> bool:
    """Whether a fenced code or raw HTML block of ``tokens`` (a piece whose first line is
    ``first_line`` of the text) runs across one of the text's ``joins`` (line numbers where
    pieces of a page were joined, see ``exolint.match.sparse``): the page's blocks are not where
    its chunks assumed."""
    for t in tokens:
        if t.type in ("fence", "html_block") and t.map:
            a, b = t.map[0] + first_line, t.map[1] + first_line
            at = bisect.bisect_right(joins, a)
            if at < len(joins) and joins[at] < b:
                return True
    return False
