"""MDX: Markdown plus JSX components, ESM ``import``/``export`` blocks and ``{expressions}``.

ESM blocks and expressions are blanked out (replaced by spaces, so every offset stays) and the
rest is read as Markdown; text inside components is copy (see ``JSX_COPY_PROPS`` in html.py
for the string props that count as copy). ``{/* exolint-... */}`` comments are directives.
Fenced code is found with markdown-it-py first, so braces inside code samples are left alone.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..document import Directive, Document
from .align import line_starts
from .directives import parse_directive
from .frontmatter import DEFAULT_COPY_FIELDS, find_front_matter
from .markdown import blank_out, build_markdown, make_parser

_ESM_START = re.compile(r"(?:import|export)\b")


def _code_lines(text: str) -> set[int]:
    """0-based line numbers inside fenced code blocks."""
    lines: set[int] = set()
    for tok in make_parser(mdx=True).parse(text):
        if tok.type == "fence" and tok.map:
            lines.update(range(tok.map[0], tok.map[1]))
    return lines


def _expression_end(text: str, i: int) -> int:
    """Offset just after the ``}`` closing the expression opened at text[i] == "{"."""
    depth, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'`":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


_COMMENT_ONLY = re.compile(r"\{\s*/\*(?P<body>.*?)\*/\s*\}\Z", re.DOTALL)


def strip_mdx(source: str) -> tuple[str, list[Directive]]:
    """(source with ESM and expressions blanked, directives from ``{/* */}`` comments)."""
    text = source
    directives: list[Directive] = []
    fm = find_front_matter(source)
    body_start = fm[3] if fm else 0
    code = _code_lines(blank_out(source, 0, body_start))
    starts = line_starts(source)
    # ESM: a top-level line starting with import/export, up to the next blank line
    line = 0
    while line < len(starts):
        s = starts[line]
        if s >= body_start and line not in code and _ESM_START.match(source, s):
            last = line
            while last + 1 < len(starts) and source[starts[last + 1]:(
                    starts[last + 2] if last + 2 < len(starts) else len(source))].strip():
                last += 1
            block_end = starts[last + 1] if last + 1 < len(starts) else len(source)
            text = blank_out(text, s, block_end)
            line = last + 1
            continue
        line += 1
    # expressions, outside code
    i = text.find("{", body_start)
    while i >= 0:
        line_no = _line_of(starts, i)
        if line_no in code:
            i = text.find("{", i + 1)
            continue
        end = _expression_end(text, i)
        m = _COMMENT_ONLY.match(text, i, end)
        if m:
            d = parse_directive(m.group("body"), i, end, text[i:end])
            if d:
                directives.append(d)
        text = blank_out(text, i, end)
        i = text.find("{", end)
    return text, directives


def _line_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def read_mdx(path: str, source: str, copy_fields=DEFAULT_COPY_FIELDS, **_options) -> Document:
    parsed, directives = strip_mdx(source)
    return build_markdown(path, source, parsed, copy_fields, mdx=True, extra_directives=directives)
