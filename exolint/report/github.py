"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

GitHub turns these into annotations on the pull request's changed files. Escaping follows the
Actions toolkit (``@actions/core``): ``%``, ``\\r`` and ``\\n`` in the message; additionally
``:`` and ``,`` in property values.
"""
from __future__ import annotations

from .common import report_path
from .text import summary_line
from .unchecked import skipped, timeout_message, timeouts

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def render(report, ruleset=None, **_options) -> str:
    lines = []
    for f in report.findings:
        message = f.message + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
        lines.append(command(
            COMMANDS.get(f.severity, "warning"), message,
            file=report_path(f.path), line=f.line, col=f.column,
            endLine=f.end_line, endColumn=f.end_column,
            title=f"exolint: {f.rule} ({f.category})",
        ))
    for e in report.errors:
        lines.append(command("error", e.message, file=report_path(e.path), title="exolint: file not checked"))
    for n in skipped(report):
        lines.append(command("warning", n.message, file=report_path(n.path), title="exolint: file skipped"))
    for t in timeouts(report):
        lines.append(command("error", timeout_message(t), file=report_path(t.path),
                             title="exolint: file checked only in part"))
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
