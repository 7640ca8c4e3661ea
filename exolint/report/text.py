"""Human-readable output: ``path:line:col: severity [rule] message``, the line, an underline."""
from __future__ import annotations

from ..findings import Finding

_COLORS = {"error": "\033[31;1m", "warning": "\033[33;1m", "info": "\033[36m",
           "bold": "\033[1m", "dim": "\033[2m", "under": "\033[35;1m", "reset": "\033[0m"}


class _Paint:
    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, style: str, s: str) -> str:
        return f"{_COLORS[style]}{s}{_COLORS['reset']}" if self.enabled else s


def _expand_tabs(s: str) -> str:
    return s.replace("\t", " ")


def format_finding(f: Finding, line_text: str | None, paint: _Paint, explain=None) -> list[str]:
    head = (f"{paint('bold', f'{f.path}:{f.line}:{f.column}:')} {paint(f.severity, f.severity)} "
            f"[{f.rule}] {f.message}")
    out = [head]
    if line_text is not None:
        shown = _expand_tabs(line_text)
        start = f.column - 1
        stop = f.end_column - 1 if f.end_line == f.line else len(shown)
        stop = max(stop, start + 1)
        gutter = f"{f.line:>5} | "
        out.append(paint("dim", gutter) + shown)
        out.append(" " * len(gutter) + " " * start + paint("under", "^" * (stop - start)))
    if f.market:
        out.append(f"      = judged under market: {f.market}")
    if f.suggestion:
        out.append(f"      = suggestion: {f.suggestion}")
    if explain is not None:
        out.extend(explain(f))
    return out


def render(report, ruleset=None, color: bool = False, explain: bool = False, **_options) -> str:
    paint = _Paint(color)
    lines: list[str] = []
    explainer = None
    if explain and ruleset is not None:
        def explainer(f: Finding) -> list[str]:
            rule = ruleset.by_id.get(f.rule)
            if rule is None:
                return []
            extra = [f"      = why: {' '.join(rule.rationale.split())}"]
            for ref in rule.references:
                extra.append(f"      = see: {ref.title}" + (f" <{ref.url}>" if ref.url else ""))
            return extra
    for f in report.findings:
        lines.extend(format_finding(f, report.lines.get((f.path, f.line)), paint, explainer))
        lines.append("")
    for e in report.errors:
        lines.append(f"{paint('bold', e.path)}: {paint('error', 'error')}: {e.message}")
    lines.append(summary_line(report, paint))
    return "\n".join(lines) + "\n"


def summary_line(report, paint=None) -> str:
    paint = paint or _Paint(False)
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in report.findings:
        counts[f.severity] += 1
    total = len(report.findings)
    files = report.files_checked
    noun = "file" if files == 1 else "files"
    if not total:
        msg = f"No problems found in {files} {noun}."
    else:
        parts = [f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in counts.items() if n]
        affected = len({f.path for f in report.findings})
        msg = (f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) "
               f"in {affected} of {files} {noun} checked.")
    if report.errors:
        msg += f" {len(report.errors)} file{'s' if len(report.errors) != 1 else ''} could not be read."
    return paint("bold", msg)
