"""The text a Markdown or plain-text chunk will have once parsed, computed without parsing.

``exolint.match.sparse`` keeps only the chunks of a page where some rule pattern actually matches.
To decide that before markdown-it runs, it needs the chunk's copy as the reader would produce it.
For *simple* chunks (the bulk of prose) that copy is easy to compute exactly: paragraph lines
stripped of their indentation and joined by line breaks, headings and list items without their
markers and separated by blank lines, inline links replaced by their text. Emphasis markers
(``*``, and ``_`` outside words) are dropped; whether markdown-it keeps one literally cannot be
told cheaply, so the chunk reports that it dropped some, and patterns that can match those
characters treat such a chunk as unknown.

Anything else (entities, escapes, HTML, code, tables, block quotes, images, reference links,
footnotes, strikethrough, invisible characters, blank lines inside a chunk, ambiguous list
numbers) makes the chunk *not simple*: ``render`` returns None and the caller falls back to the
older, conservative anchor test.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import CODE_PLACEHOLDER as _CODE_PLACEHOLDER, _REMOVE, normalise_chars

# characters whose meaning in Markdown this module does not model
HARD_CHARS = "&\\\\<>|~\u00ad\u200b\u200c\u200d\u2060\ufeff\x00"  # as a regex class body
_HARD = re.compile(f"[{HARD_CHARS}]")
# an inline link whose text may run on to lines that start with a letter (never a block marker)
_LINK = re.compile(r"(?<!!)\[((?:[^\[\]\n]|\n[ \t]*(?=[A-Za-z]))*)\]\(([^\s()<>\\]*)\)")
_CODE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_CODE_MARK = "\ue000"  # stands for inline code until lines are stripped (a private-use character)
_BRACKET = re.compile(r"[\[\]]")
_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
_ATX = re.compile(r"(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_BULLET = re.compile(r"[-+*][ \t]+(?=\S)")
_ORDERED = re.compile(r"(\d{1,9})[.)][ \t]+(?=\S)")
_ORDERED_LIKE = re.compile(r"\d{1,9}[.)](?:[ \t]|$)")
_RULE_LINE = re.compile(r"[-=*_ \t]+")
_STAR = re.compile(r"\*+")
_UNDERSCORE_NOT_IN_WORD = re.compile(r"(?<![^\W_])_|_(?![^\W_])")


def _marker_like(line: str) -> bool:
    return bool(_BULLET.match(line) or _ORDERED_LIKE.match(line) or _ATX.match(line)
                or _RULE_LINE.fullmatch(line) or line in ("-", "+", "*"))


@dataclass
class ChunkText:
    text: str  # the chunk's copy, blocks separated by "\n\n"
    dropped_star: bool  # some "*" was dropped (it may have been literal)
    dropped_underscore: bool  # some "_" outside a word was dropped


def render(chunk: str, markdown: bool = True) -> ChunkText | None:
    """The parsed copy of a simple chunk, or None when the chunk is not simple (see module doc)."""
    if _HARD.search(chunk) or _CODE_MARK in chunk:
        return None
    chunk = chunk.rstrip("\r\n")
    if not markdown:
        if "\r" in chunk:
            return None
        return ChunkText(normalise_chars(chunk), False, False)
    if "`" in chunk:
        chunk = _CODE.sub(lambda m: _CODE_MARK if m.group(1).strip() else m.group(), chunk)
        if "`" in chunk:
            return None
    if "[" in chunk or "]" in chunk:
        chunk = _LINK.sub(r"\1", chunk)
        if _BRACKET.search(chunk):
            return None
    blocks: list[list[str]] = []
    state = None  # None | "para" | "heading" | "item"
    in_list = False
    for raw in _LINE_SPLIT.split(chunk):
        lead = raw[:len(raw) - len(raw.lstrip(" \t"))]
        indent = 4 if "\t" in lead else len(lead)  # a tab in the indentation reaches column 4
        line = raw.strip(" \t")
        if not line:
            return None  # a blank line inside a chunk (indented continuation): not modelled
        if indent >= 4:
            if state not in ("para", "item"):
                return None  # indented code
            if in_list and _marker_like(line):
                return None  # a nested block whose depth depends on the item's indentation
            blocks[-1].append(line)  # continuation (lazy or indented)
            continue
        if _RULE_LINE.fullmatch(line):
            kinds = set(line.replace(" ", "").replace("\t", ""))
            if len(kinds) == 1 and (kinds <= {"="} or kinds <= {"-"}) and state == "para":
                state = None  # setext underline: the paragraph was a heading
                in_list = False
                continue
            body = line.replace(" ", "").replace("\t", "")
            if len(kinds) == 1 and len(body) >= 3 and kinds <= {"-", "*", "_"}:
                state = None  # thematic break
                in_list = False
                continue
            return None
        m = _ATX.match(line)
        if m:
            content = _ATX_CLOSE.sub("", line[m.end():]) if line[m.end():] else ""
            if not content.strip():
                return None  # an empty heading: not modelled
            blocks.append([content])
            state = "heading"
            in_list = False
            continue
        m = _BULLET.match(line)
        if m:
            blocks.append([line[m.end():]])
            state = "item"
            in_list = True
            continue
        m = _ORDERED.match(line)
        if m:
            if state is None or in_list or m.group(1) == "1":
                blocks.append([line[m.end():]])
                state = "item"
                in_list = True
                continue
            return None  # "2. ..." after a paragraph: continuation or item depends on context
        if _ORDERED_LIKE.match(line) or line == "+":
            return None  # an empty item: not modelled
        if state in ("para", "item"):
            blocks[-1].append(line)
        else:
            blocks.append([line])
            state = "para"
    text = "\n\n".join("\n".join(lines) for lines in blocks)
    dropped_star = "*" in text
    if dropped_star:
        text = _STAR.sub("", text)
    dropped_underscore = False
    if "_" in text:
        text, count = _UNDERSCORE_NOT_IN_WORD.subn("", text)
        dropped_underscore = count > 0
    if any(c in text for c in _REMOVE):
        return None
    if _CODE_MARK in text:
        text = text.replace(_CODE_MARK, _CODE_PLACEHOLDER)
    return ChunkText(normalise_chars(text), dropped_star, dropped_underscore)
