"""Findings as LSP diagnostics: range (in the client's position encoding), severity, code = rule
id with a link to its docs, source "exolint", the finding's message."""
from __future__ import annotations

from lsprotocol import types

from ..findings import Finding
from .links import DEFAULT_RULE_URL, rule_url
from .positions import LineIndex
from .project import Checked

SOURCE = "exolint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def finding_range(f: Finding, index: LineIndex) -> types.Range:
    start = index.position(f.start)
    end = index.position(f.end)
    return types.Range(start=types.Position(*start), end=types.Position(*end))


def to_diagnostics(checked: Checked, index: LineIndex,
                   url_template: str = DEFAULT_RULE_URL) -> list[types.Diagnostic]:
    out = [_problem(message, index, types.DiagnosticSeverity.Error,
                    "exolint could not check this file: ") for message in checked.problems]
    out += [_problem(message, index, types.DiagnosticSeverity.Warning, "exolint: ")
            for message in checked.warnings]
    for f in checked.findings:
        url = rule_url(f.rule, checked.ruleset, url_template)
        out.append(types.Diagnostic(
            range=finding_range(f, index),
            severity=SEVERITY.get(f.severity, types.DiagnosticSeverity.Warning),
            code=f.rule,
            code_description=types.CodeDescription(href=url) if url else None,
            source=SOURCE,
            message=f.message,
            data={"rule": f.rule, "suggestion": f.suggestion},
        ))
    return out


def _problem(message: str, index: LineIndex, severity, prefix: str) -> types.Diagnostic:
    """A file-level problem, shown on the first line (a file not checked never looks clean)."""
    end = types.Position(0, index.position(index.line_end(0))[1])
    return types.Diagnostic(range=types.Range(start=types.Position(0, 0), end=end),
                            severity=severity, source=SOURCE, message=prefix + message)
