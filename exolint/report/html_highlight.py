"""Source text -> HTML lines with <mark> highlights at finding offsets.

Findings may overlap. Marks are nested where spans nest; where they cross (or run over a line
break) a mark is closed and reopened, and the reopened piece is a *continuation*: only the first
piece of each finding carries its id, is focusable and counts as its highlight; the *last* piece
is where a reference number can go (``open_tag(key, primary, last)``).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Span:
    start: int  # source offsets, end exclusive
    end: int
    key: int  # the finding's number in the report


def split_lines(source: str) -> list[tuple[int, int, int]]:
    """(start, end, next line's start) of each line; \\n, \\r\\n and \\r end lines."""
    out, pos = [], 0
    for m in _LINE_BREAK.finditer(source):
        out.append((pos, m.start(), m.end()))
        pos = m.end()
    out.append((pos, len(source), len(source) + 1))
    return out


def highlight_lines(source: str, spans: list[Span],
                    open_tag: Callable[[int, bool, bool], str]) -> list[str]:
    """HTML of each source line, escaped, with ``open_tag(key, primary, last)``...``</mark>`` marks."""
    size = len(source)
    spans = [Span(max(0, min(s.start, size)), max(0, min(max(s.end, s.start + 1), size)), s.key)
             for s in spans]
    spans = sorted((s for s in spans if s.end > s.start), key=lambda s: (s.start, -s.end, s.key))
    primary_done: set[int] = set()
    out: list[str] = []
    i = 0
    active: list[Span] = []  # spans that started on or before this line and may reach into it
    for ls, le, next_ls in split_lines(source):
        while i < len(spans) and spans[i].start < next_ls:
            active.append(spans[i])
            i += 1
        pieces = [(max(s.start, ls), min(s.end, le), s.key) for s in active]
        pieces = [p for p in pieces if p[1] > p[0]]
        true_ends = {s.key: s.end for s in active}
        out.append(_render_line(source, ls, le, pieces, primary_done, open_tag, true_ends))
        active = [s for s in active if s.end > next_ls]
    return out


def _render_line(source: str, ls: int, le: int, pieces: list[tuple[int, int, int]],
                 primary_done: set[int], open_tag, true_ends: dict[int, int]) -> str:
    if not pieces:
        return html.escape(source[ls:le], quote=False)
    ends = {key: e for _s, e, key in pieces}
    starts: dict[int, list[tuple[int, int, int]]] = {}
    for p in pieces:
        starts.setdefault(p[0], []).append(p)
    bounds = sorted({ls, le, *(p[0] for p in pieces), *(p[1] for p in pieces)})
    parts: list[str] = []
    stack: list[int] = []
    prev = ls

    def is_last(key: int) -> bool:
        """A piece is the finding's last when it reaches the finding's end and no mark it sits in
        closes earlier (which would split it)."""
        end = ends[key]
        return end == true_ends[key] and all(ends[k] >= end for k in stack)

    for b in bounds:
        if b > prev:
            parts.append(html.escape(source[prev:b], quote=False))
            prev = b
        ending = {k for k in stack if ends[k] == b}
        if ending:
            reopen: list[int] = []
            while ending & set(stack):
                top = stack.pop()
                parts.append("</mark>")
                if top not in ending:
                    reopen.append(top)
            for key in reversed(reopen):
                parts.append(open_tag(key, False, is_last(key)))
                stack.append(key)
        for _s, _e, key in sorted(starts.get(b, ()), key=lambda p: (-p[1], p[2])):
            primary = key not in primary_done
            primary_done.add(key)
            parts.append(open_tag(key, primary, is_last(key)))
            stack.append(key)
    parts.extend("</mark>" for _ in stack)
    return "".join(parts)
