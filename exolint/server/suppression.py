"""The text of a suppression comment for one rule, in the checked file's own comment syntax
(see ``exolint.sources.directives``), and where to put it: on a new line above the finding's
line, indented like it, with a ``-- reason`` placeholder for the writer to fill in.

Front matter has no comment syntax exolint reads, so a finding there gets a file-wide directive
placed just after the front matter instead.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from .positions import LineIndex

REASON_PLACEHOLDER = "-- reason"

_HTML_LIKE = {".md", ".markdown", ".html", ".htm"}
_MDX = {".mdx"}
_FRONT_MATTER_OPEN = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n")


def comment(path: str, kind: str, rule: str) -> str:
    """``kind`` is ``disable-next-line`` or ``disable-file``."""
    ext = os.path.splitext(path)[1].lower()
    body = f"exolint-{kind} {rule} {REASON_PLACEHOLDER}"
    if ext in _HTML_LIKE:
        return f"<!-- {body} -->"
    if ext in _MDX:
        return f"{{/* {body} */}}"
    return f"exolint: {kind} {rule} {REASON_PLACEHOLDER}"  # plain text: a directive line


@dataclass
class Insertion:
    title: str
    line: int  # insert at this zero-based line and code-point column
    column: int
    text: str  # including its line break


def front_matter_end(index: LineIndex) -> int | None:
    """The zero-based line of the front matter's closing fence, or None without front matter."""
    m = _FRONT_MATTER_OPEN.match(index.text)
    if not m:
        return None
    closers = ("---", "...") if m.group(1) == "---" else ("+++",)
    for line in range(1, len(index.starts)):
        if index.line_text(line).rstrip() in closers:
            return line
    return None


def suppression_for(path: str, index: LineIndex, line: int, rule: str) -> Insertion:
    """How to suppress ``rule`` for a finding that starts on zero-based ``line``."""
    ext = os.path.splitext(path)[1].lower()
    closing = front_matter_end(index) if ext in _HTML_LIKE | _MDX else None
    if closing is not None and line <= closing:
        title = f"Suppress {rule} in this file (front matter has no comments)"
        directive = comment(path, "disable-file", rule)
        if closing + 1 < len(index.starts):
            return Insertion(title, closing + 1, 0, directive + index.line_break(closing))
        end = len(index.line_text(closing))  # the fence ends the text: start a line after it
        return Insertion(title, closing, end, index.line_break(closing) + directive)
    current = index.line_text(line)
    indent = current[:len(current) - len(current.lstrip(" \t"))]
    text = indent + comment(path, "disable-next-line", rule) + index.line_break(line)
    return Insertion(f"Suppress {rule} on this line (add a comment with a reason)", line, 0, text)
