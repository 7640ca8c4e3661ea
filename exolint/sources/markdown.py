"""Markdown (CommonMark + GFM tables, strikethrough, footnotes) with optional front matter.

Parsed with markdown-it-py. Block tokens give line ranges (``map``); the decoded inline text of
each block is placed back in those lines with ``SourceAligner``. Copy: paragraphs, headings,
list items, table cells, block quotes, link text, image alt text, footnotes and the front
matter's copy fields. Never copy: fenced or indented code, inline code, URLs, HTML tags and
comments. Raw HTML blocks go through the HTML reader (visible text only; directives).
"""
from __future__ import annotations

import bisect
import functools


from ..document import CODE_PLACEHOLDER as _CODE_PLACEHOLDER, Directive, Document, TableHeads, TextBuilder
from .align import SourceAligner, line_starts
from .directives import parse_directive
from .frontmatter import DEFAULT_COPY_FIELDS, parse_front_matter
from .md_chunks import CutInsideBlock, chunk_bounds, ends_inside_block, spans_a_join
from .md_nesting import flatten_past_nesting_limit



@functools.lru_cache(maxsize=2)
def make_parser(mdx: bool = False) -> "MarkdownIt":
    """One configured parser per flavour, built on first use and reused (parsing keeps no state
    on the parser itself, and building one costs more than parsing a short page)."""
    from markdown_it import MarkdownIt  # imported on first use: keeps start-up fast
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    if mdx:
        md.disable("code")  # MDX has no indented code blocks: indentation inside JSX is layout
    flatten_past_nesting_limit(md)  # copy nested past the parser's limit is still read
    return md


class _MarkdownCopy:
    def __init__(self, source: str, parsed: str, builder: TextBuilder, mdx: bool):
        self.source = source  # the original: offsets point here
        self.parsed = parsed  # same length as source (front matter / MDX syntax blanked out)
        self.builder = builder
        self.aligner = SourceAligner(parsed, builder)
        self.starts = line_starts(parsed)
        self.mdx = mdx
        self.directives: list[Directive] = []
        self.cursor = 0
        self.tables = TableHeads(builder)

    line_base = 0  # line number of the piece being walked (see md_chunks)

    def region(self, token) -> tuple[int, int]:
        first, last = token.map
        first, last = first + self.line_base, last + self.line_base
        start = self.starts[first] if first < len(self.starts) else len(self.parsed)
        end = self.starts[last] if last < len(self.starts) else len(self.parsed)
        return start, end

    def run(self, tokens) -> None:
        tables = self.tables
        for tok in tokens:
            t = tok.type
            if t == "table_open":
                tables.table()
            elif t == "tr_open":
                tables.row()
            elif t in ("th_open", "td_open"):
                tables.open_cell(header=t == "th_open")
            elif t in ("th_close", "td_close"):
                tables.close_cell()
            elif tok.type == "inline" and tok.map:
                start, end = self.region(tok)
                pos = self.cursor if start <= self.cursor < end else start
                self.builder.add_break("\n\n")
                self.cursor = self.inline(tok.children or [], pos, end)
            elif tok.type == "html_block" and tok.map:
                start, end = self.region(tok)
                from .html import extract_html  # only pages with raw HTML need html.parser

                result = extract_html(self.parsed, start, end, self.builder, jsx=self.mdx)
                self.directives.extend(result.directives)
            # fences, code blocks and everything else: not copy

    def inline(self, children, pos: int, end: int) -> int:
        b, al = self.builder, self.aligner
        skip_link = 0
        for child in children:
            t = child.type
            if t == "link_open" and child.markup in ("autolink", "linkify"):
                skip_link += 1
            elif t == "link_close" and skip_link:
                skip_link -= 1
            elif skip_link:
                continue
            elif t == "text":
                pos = al.emit(child.content, pos, end)
            elif t in ("softbreak", "hardbreak"):
                pos = al.emit_line_break(pos, end)
            elif t == "code_inline":
                pos = self._skip_code(child, pos, end)
                b.add_break(_CODE_PLACEHOLDER)
            elif t == "image":
                b.add_break("\n\n")
                pos = self.inline(child.children or [], pos, end)
                b.add_break("\n\n")
            elif t == "html_inline":
                at = self.parsed.find(child.content, pos, end)
                if at >= 0:
                    if child.content.startswith("<!--"):
                        body = child.content[4:-3] if child.content.endswith("-->") else child.content[4:]
                        d = parse_directive(body, at, at + len(child.content), child.content)
                        if d:
                            self.directives.append(d)
                    pos = at + len(child.content)
        return pos

    def _skip_code(self, child, pos: int, end: int) -> int:
        fence = child.markup or "`"
        open_at = self.parsed.find(fence, pos, end)
        if open_at < 0:
            return pos
        close_at = self.parsed.find(fence, open_at + len(fence), end)
        return close_at + len(fence) if close_at >= 0 else open_at + len(fence)


def blank_out(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks (so offsets and lines stay)."""
    old = text[start:end]
    piece = "".join(c if c in "\r\n" else " " for c in old)
    if text.find(old) == start:  # (the usual front matter: one copy of a large page, where
        return text.replace(old, piece, 1)  # slicing and joining held three at once)
    return text[:start] + piece + text[end:]


def _walk(source: str, parsed: str, builder: TextBuilder, mdx: bool, parser, pieces,
          continues: bool, joins: list[int] | None) -> "_MarkdownCopy":
    """Parse ``parsed`` piece by piece (``md_chunks``) into ``builder``. CutInsideBlock when a
    piece but the last ends inside a fenced code or raw HTML block (the last too, when the text
    ``continues`` past its end: a section of a page), or when such a block runs across one of
    the ``joins`` (offsets where the text's parts were joined: a sparse read)."""
    walker = _MarkdownCopy(source, parsed, builder, mdx)
    join_lines = ([bisect.bisect_right(walker.starts, at) - 1 for at in joins] if joins else None)
    for i, (start, end, first_line) in enumerate(pieces):
        walker.line_base = first_line
        piece = parsed[start:end] if end - start < len(parsed) else parsed
        tokens = parser.parse(piece)
        if (i < len(pieces) - 1 or continues) and ends_inside_block(tokens, piece):
            raise CutInsideBlock(f"piece at line {first_line + 1}")
        if join_lines and spans_a_join(tokens, first_line, join_lines):
            raise CutInsideBlock(f"a block across a join, in the piece at line {first_line + 1}")
        walker.run(tokens)
        del tokens  # (not held while the next piece is parsed: 68 bytes a byte of dense copy)
    return walker


def build_markdown(path: str, source: str, parsed: str, copy_fields, mdx: bool,
                   extra_directives=(), continues: bool = False,
                   joins: list[int] | None = None) -> Document:
    builder = TextBuilder()
    markets = None
    fm = parse_front_matter(source, copy_fields)
    if fm is not None:
        fm.emit(builder, source)
        markets = fm.markets
        parsed = blank_out(parsed, 0, fm.end)
    # markdown-it replaces NUL by U+FFFD (CommonMark); do the same (same length) so the decoded
    # text still aligns with the characters it came from
    parsed = parsed.replace("\x00", "\ufffd")
    parser = make_parser(mdx)
    try:
        walker = _walk(source, parsed, builder, mdx, parser, chunk_bounds(parsed), continues, joins)
    except CutInsideBlock:
        if joins or len(chunk_bounds(parsed)) == 1:
            raise  # the text itself is cut inside a block (see exolint.match.sparse, .sections)
        # a piece was cut inside a block as markdown-it reads it: the page in one piece
        builder = TextBuilder()
        if fm is not None:
            fm.emit(builder, source)
        walker = _walk(source, parsed, builder, mdx, parser, [(0, len(parsed), 0)], continues, joins)
    directives = sorted([*extra_directives, *walker.directives], key=lambda d: d.start)
    del walker, parsed  # (a blanked copy of a large page: not held while its text is joined)
    return builder.build(path, source, markets=markets, directives=directives)


def read_markdown(path: str, source: str, copy_fields=DEFAULT_COPY_FIELDS, continues: bool = False,
                  joins: list[int] | None = None, **_options) -> Document:
    """``continues``: the text is a section of a larger page (see exolint.match.sections);
    ``joins``: offsets where the parts of a sparse read were joined (see exolint.match.sparse)."""
    return build_markdown(path, source, source, copy_fields, mdx=False, continues=continues,
                          joins=joins)
