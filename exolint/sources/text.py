"""Plain text: every character is copy, except directive lines starting with ``exolint:``."""
from __future__ import annotations

import re

from ..document import Document, TextBuilder
from .directives import parse_directive

_DIRECTIVE_LINE = re.compile(r"^[ \t]*exolint:[^\r\n]*", re.MULTILINE)


def read_plain(path: str, source: str, **_options) -> Document:
    if "exolint:" not in source:
        return Document.from_plain_text(path, source)
    builder = TextBuilder()
    directives = []
    pos = 0
    for m in _DIRECTIVE_LINE.finditer(source):
        d = parse_directive(m.group().strip(), m.start(), m.end(), m.group())
        if d is None:
            continue
        builder.add(pos, source[pos:m.start()])
        builder.add_break("\n\n")
        directives.append(d)
        pos = m.end()
    builder.add(pos, source[pos:])
    return builder.build(path, source, directives=directives)
