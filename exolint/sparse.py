"""Parse only the parts of a page where a rule could match.

A typical page holds one risky sentence in a couple of hundred, so parsing every block of
Markdown and running every candidate rule over all of it wastes most of the time. This module
splits a Markdown or plain-text source into *chunks* at blank lines, keeps the chunks that contain
an anchor of some rule (or an ``exolint`` directive, or the front matter), and blanks every other
character to a space. Line breaks are kept, so the blanked source has the same length and the same
lines as the original: every offset, line and column the reader and the Document compute stays
right, and the caller puts the original source back on the Document afterwards.

Cutting only where it cannot change how the kept text parses:

* never inside front matter, a fenced code block, or a raw HTML block that runs across blank lines
  (comments, ``<script>``, ``<style>``, ``<pre>``, ``<textarea>``);
* a chunk that starts indented continues the one before it (list item paragraphs, indented code),
  so it is kept or blanked together with it.

A blank line is already a hard boundary for matches and for sentence context (readers emit a
block break there), so rules see the same text around every kept match.
"""
from __future__ import annotations

import re

from .prefilter import may_have_findings
from .ruleset import RuleSet

SPARSE_EXTENSIONS = (".md", ".markdown", ".txt", ".text")
MIN_SIZE = 4096  # below this, blanking costs more than it saves

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FENCE = re.compile(r"(`{3,}|~{3,})")
_RAW_HTML = (("<!--", "-->"), ("<script", "</script>"), ("<style", "</style>"), ("<pre", "</pre>"),
             ("<textarea", "</textarea>"))
_NOT_BREAK = re.compile(r"[^\r\n]+")


def _blank(piece: str) -> str:
    return _NOT_BREAK.sub(lambda m: " " * len(m.group()), piece)


def chunks(source: str) -> list[tuple[int, int, bool]]:
    """(start, end, always_keep) chunks of ``source``; blank lines between them are left out."""
    out: list[tuple[int, int, bool]] = []
    pos = 0
    n = len(source)
    # front matter (YAML --- or TOML +++) at the very start is one chunk, always kept
    first = _LINE.match(source, 0)
    if first and first.group().rstrip("\r\n") in ("---", "+++"):
        marker = first.group().rstrip("\r\n")
        p = first.end()
        while p < n:
            m = _LINE.match(source, p)
            p = m.end()
            if m.group().rstrip("\r\n").rstrip() in (marker, "..."):
                break
        out.append((0, p, True))
        pos = p

    start = None  # start of the chunk being built
    fence: str | None = None
    raw_end: str | None = None
    while pos < n:
        m = _LINE.match(source, pos)
        line = m.group()
        end = m.end()
        if end == pos:  # empty match at the very end
            break
        stripped = line.strip()
        if fence is not None or raw_end is not None:
            # inside a multi-line construct: never cut
            if fence is not None:
                fm = _FENCE.match(stripped)
                if fm and fm.group(1)[0] == fence[0] and len(fm.group(1)) >= len(fence) \
                        and not stripped[len(fm.group(1)):].strip():
                    fence = None
            elif raw_end in line.lower():
                raw_end = None
            pos = end
            continue
        if not stripped:
            if start is not None:
                out.append((start, pos, False))
                start = None
            pos = end
            continue
        if start is None:
            if line[:1] in (" ", "\t") and out and not out[-1][2]:
                # indented: continues the previous chunk (list item, indented code)
                start = out.pop()[0]
            else:
                start = pos
        fm = _FENCE.match(stripped)
        if fm:
            fence = fm.group(1)
            if fence[0] == "`" and "`" in stripped[len(fence):]:
                fence = None  # not a fence opener (info string with a backtick)
        else:
            lowered = stripped.lower()
            for opener, closer in _RAW_HTML:
                at = lowered.find(opener)
                if at >= 0 and closer not in lowered[at + len(opener):]:
                    raw_end = closer
                    break
        pos = end
    if start is not None:
        out.append((start, n, False))
    return out


def quiet_blocks_blanked(source: str, ruleset: RuleSet) -> str | None:
    """``source`` with every chunk no rule can match blanked out; None when nothing would change.

    The result has the same length and line breaks as ``source``.
    """
    if len(source) < MIN_SIZE:
        return None
    pieces: list[str] = []
    last = 0
    blanked_any = False
    for start, end, keep in chunks(source):
        if keep or may_have_findings(source[start:end], ruleset):
            continue
        pieces.append(source[last:start])
        pieces.append(_blank(source[start:end]))
        last = end
        blanked_any = True
    if not blanked_any:
        return None
    pieces.append(source[last:])
    return "".join(pieces)


def text_to_parse(path: str, source: str, ruleset: RuleSet) -> str:
    """What the reader should parse for ``path``: the source, with quiet chunks blanked where the
    format allows it (Markdown and plain text). Offsets and lines are those of ``source``."""
    if not path.lower().endswith(SPARSE_EXTENSIONS):
        return source
    blanked = quiet_blocks_blanked(source, ruleset)
    return source if blanked is None else blanked
