"""Place a decoded string (YAML scalar, XML text) in its stretch of the source, as pieces.

Walks the decoded text and the source together: equal characters extend a verbatim piece; a
backslash escape (double-quoted YAML) or an XML entity that decodes to the next characters
becomes a piece of its own; any other source character (quotes, indentation, the line break a
folded scalar turned into a space) is passed over.
"""
from __future__ import annotations

import html
import re

from .strings import Piece

_YAML_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|\r\n|.|\n)",
                          re.DOTALL)
_YAML_SIMPLE = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
                "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
                "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029", "\n": "", "\r\n": ""}
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _yaml_escape(raw: str) -> str:
    body = raw[1:]
    if body[:1] in ("x", "u", "U") and len(body) > 1:
        return chr(int(body[1:], 16))
    return _YAML_SIMPLE.get(body, body)


def align(text: str, source: str, start: int, end: int, escapes: str | None = None) -> list[Piece]:
    """Pieces placing ``text`` in ``source[start:end]``; ``escapes``: "yaml" (backslash
    escapes of double-quoted scalars) or "xml" (character and entity references)."""
    if not text:
        return []
    at = source.find(text, start, end)
    if at >= 0:
        return [(text, at, at + len(text), True)]
    pieces: list[Piece] = []
    i, j, n = 0, start, len(text)
    run_i = run_j = -1
    while i < n and j < end:
        c = source[j]
        if c == text[i] and not (escapes and c in "\\&"):
            if run_i < 0:
                run_i, run_j = i, j
            i += 1
            j += 1
            continue
        if run_i >= 0:
            pieces.append((text[run_i:i], run_j, j, True))
            run_i = -1
        m = None
        if escapes == "yaml" and c == "\\":
            m = _YAML_ESCAPE.match(source, j, end)
            decoded = _yaml_escape(m.group()) if m else None
        elif escapes == "xml" and c == "&":
            m = _ENTITY.match(source, j, end)
            decoded = html.unescape(m.group()) if m else None
        if m is not None:
            if decoded == "":
                j = m.end()
                continue
            if text.startswith(decoded, i):
                pieces.append((decoded, j, m.end(), False))
                i += len(decoded)
                j = m.end()
                continue
        if c == text[i]:  # a backslash or '&' standing for itself
            pieces.append((c, j, j + 1, True))
            i += 1
        j += 1
    if run_i >= 0:
        pieces.append((text[run_i:i], run_j, j, True))
    if i < n:  # could not place the rest: it stands for where the walk stopped
        pieces.append((text[i:], min(j, end), min(j, end), False))
    return pieces
