"""Code actions on a finding: insert a suppression comment for its rule, and copy the rule's
suggested wording.

LSP has no clipboard, so "copy" is a command, ``exolint.copySuggestion`` with the wording as its
argument. An editor extension can run it itself (the VS Code extension in ``editors/vscode``
puts the text on the clipboard); any other client sends it back to the server, which shows the
wording in a message the writer can copy from. It is not offered as a replacement edit: the
suggestion is a whole sentence of advice, while the finding is a phrase inside a sentence.
"""
from __future__ import annotations

import re

from lsprotocol import types

from ..findings import Finding
from ..filters.suppress import CATEGORY as AUDIT_CATEGORY
from .diagnostics import SOURCE
from .positions import LineIndex
from .suppression import suppression_for

COPY_COMMAND = "exolint.copySuggestion"

# "Describe tolerance honestly: 'Most clients notice ...'": the quoted sentence after a colon
_QUOTED = re.compile(r":\s*['\"\u2018\u201c](?P<wording>.+)['\"\u2019\u201d]\s*\Z", re.DOTALL)


def suggested_wording(suggestion: str) -> str:
    """The example sentence a suggestion quotes, or the whole suggestion when it quotes none."""
    m = _QUOTED.search(suggestion.strip())
    return m.group("wording").strip() if m else " ".join(suggestion.split())


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "\u2026"


def code_actions(uri: str, path: str, index: LineIndex, findings: list[Finding],
                 start: int, end: int,
                 diagnostics: list[types.Diagnostic] = ()) -> list[types.CodeAction]:
    """Actions for the findings that touch the code-point range ``start``..``end``."""
    out: list[types.CodeAction] = []
    seen: set[tuple] = set()
    for f in findings:
        if f.start > end or f.end < start:
            continue
        line, _ = index.position(f.start)
        related = [d for d in diagnostics if d.source == SOURCE and d.code == f.rule
                   and d.range.start.line == line]
        if f.category != AUDIT_CATEGORY and ("suppress", f.rule, line) not in seen:
            seen.add(("suppress", f.rule, line))
            ins = suppression_for(path, index, line, f.rule)
            column = index.position(index.starts[ins.line] + ins.column)[1]
            at = types.Position(ins.line, column)
            edit = types.TextEdit(range=types.Range(start=at, end=at), new_text=ins.text)
            out.append(types.CodeAction(
                title=ins.title, kind=types.CodeActionKind.QuickFix, diagnostics=related or None,
                edit=types.WorkspaceEdit(changes={uri: [edit]})))
        wording = suggested_wording(f.suggestion) if f.suggestion else ""
        if wording and ("copy", wording) not in seen:
            seen.add(("copy", wording))
            title = f"Copy suggested wording: \u201c{_short(wording)}\u201d"
            out.append(types.CodeAction(
                title=title, kind=types.CodeActionKind.QuickFix, diagnostics=related or None,
                command=types.Command(title=title, command=COPY_COMMAND, arguments=[wording])))
    return out
