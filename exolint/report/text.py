"""Human-readable output: ``path:line:col: severity [rule] message``, the line, an underline.

Word drafts name their places instead: ``draft.docx: paragraph 6 (table 1, row 2, cell 2),
column 3: ...``. With ``explain`` each finding also gets why it is risky, what to write instead
and the references, wrapped to a readable width.
"""
from __future__ import annotations

import textwrap

from ..findings import Finding
from .common import repeat_key, rule_for
from .unchecked import not_checked, timeouts
from .window import window

_COLORS = {"error": "\033[31;1m", "warning": "\033[33;1m", "info": "\033[36m",
           "bold": "\033[1m", "dim": "\033[2m", "under": "\033[35;1m", "reset": "\033[0m"}


class _Paint:
    def __init__(self, enabled: bool):
        self.enabled = enabled

    def __call__(self, style: str, s: str) -> str:
        return f"{_COLORS[style]}{s}{_COLORS['reset']}" if self.enabled else s


def _expand_tabs(s: str) -> str:
    return s.replace("\t", " ")


def _indent(stored) -> int:
    """Where a continuation line's text starts (its underline starts there, not at the margin)."""
    text = stored if isinstance(stored, str) else stored.text
    offset = 0 if isinstance(stored, str) else stored.offset
    return offset + len(text) - len(text.lstrip())


def format_finding(f: Finding, line_text, paint: _Paint, explain=None,
                   view=None, line_of=None) -> list[str]:
    """``view`` (a SourceView) names the place for documents without lines (Word drafts).

    ``line_text`` is the finding's first line (a str or a ClippedLine); ``line_of(n)`` gives the
    other lines of a match that spans lines, each shown and underlined in turn.
    """
    where = (f"{f.path}: {view.place(f.line, f.column)}:" if view is not None and view.location_label
             else f"{f.path}:{f.line}:{f.column}:")
    head = f"{paint('bold', where)} {paint(f.severity, f.severity)} [{f.rule}] {f.message}"
    out = [head]
    last = max(f.end_line, f.line)
    for n in range(f.line, last + 1):
        stored = line_text if n == f.line else (line_of(n) if line_of else None)
        if stored is None:
            break
        length = len(stored) if isinstance(stored, str) else stored.length
        start = f.column - 1 if n == f.line else _indent(stored)
        stop = f.end_column - 1 if n == last else length
        shown, u_start, u_stop = window(stored, start, stop)
        gutter = f"{n:>5} | "
        out.append(paint("dim", gutter) + _expand_tabs(shown))
        out.append(" " * len(gutter) + " " * u_start + paint("under", "^" * (u_stop - u_start)))
    if f.pointer is not None:  # a structured file: the string's key path
        out.append(f"      = key: {f.pointer}" + (f"  ({f.place})" if f.place else ""))
    if f.market:
        out.append(f"      = judged under market: {f.market}")
    if explain is not None:
        out.extend(explain(f))
    elif f.suggestion:
        out.append(f"      = suggestion: {f.suggestion}")
    return out


EXPLAIN_WIDTH = 100
_INDENT = "      = "


def _field(label: str, text: str) -> list[str]:
    """``= label: text`` wrapped, continuation lines aligned under the text."""
    first = f"{_INDENT}{label}: "
    return textwrap.wrap(" ".join(text.split()), width=EXPLAIN_WIDTH, initial_indent=first,
                         subsequent_indent=" " * len(first), break_on_hyphens=False) or [first]


def explain_lines(f: Finding, rule) -> list[str]:
    """Why it is risky, what to write instead, references: the copywriter's view of a finding."""
    out: list[str] = []
    if rule is not None and rule.rationale:
        out.extend(_field("why", rule.rationale))
    suggestion = f.suggestion or (rule.suggestion if rule is not None else "")
    if suggestion:
        out.extend(_field("write instead", suggestion))
    if rule is not None:
        pad = " " * (len(_INDENT) + len("see: "))
        for i, ref in enumerate(rule.references):
            lead = f"{_INDENT}see: " if i == 0 else pad
            line = lead + ref.title + (f" <{ref.url}>" if ref.url else "")
            if ref.url and len(line) > EXPLAIN_WIDTH:  # a long address goes on its own line
                out.extend([lead + ref.title, f"{pad}  <{ref.url}>"])
            else:
                out.append(line)
        out.append(f"{_INDENT}more: exolint explain {rule.id}")
    return out


def render(report, ruleset=None, color: bool = False, explain: bool = False, **_options) -> str:
    return "".join(render_pieces(report, ruleset, color=color, explain=explain))


def render_pieces(report, ruleset=None, color: bool = False, explain: bool = False, **_options):
    """The text report a line at a time (each with its line break), made as it is written."""
    paint = _Paint(color)
    explainer = None
    if explain:
        def explainer(f: Finding) -> list[str]:
            return explain_lines(f, rule_for(ruleset, f.rule, f))
    views = getattr(report, "sources", {})
    first_seen: dict[tuple[str, str, str], Finding] = {}
    last = None  # the last line written
    for f in report.findings:
        key = repeat_key(f)
        first = first_seen.setdefault(key, f)
        if first is not f:
            # the same rule on the same phrase again on this page: located, not explained twice
            last = (f"{paint('bold', f'{f.path}:{f.line}:{f.column}:')} "
                    f"{paint(f.severity, f.severity)} [{f.rule}] "
                    f"'{' '.join(f.match.split())}' again (see line {first.line})")
            yield last + "\n"
            continue
        for last in format_finding(f, report.lines.get((f.path, f.line)), paint, explainer,
                                   views.get(f.path),
                                   lambda n, path=f.path: report.lines.get((path, n))):
            yield last + "\n"
        last = ""
        yield "\n"
    for e in report.errors:
        last = f"{paint('bold', e.path)}: {paint('error', 'error')}: {e.message}"
        yield last + "\n"
    if explain:
        for last in quieted_lines(getattr(report, "quieted", []), paint):
            yield last + "\n"
    if last:
        yield "\n"
    yield summary_line(report, paint) + "\n"


def quieted_lines(quieted: list[Finding], paint) -> list[str]:
    """--explain: the matches the context stage did not report, and why, grouped by reason."""
    if not quieted:
        return []
    out = [paint("bold", f"Not reported: {len(quieted)} match{'es' if len(quieted) != 1 else ''} "
                         "where the copy is not making the claim")]
    by_reason: dict[tuple[str, str], list[Finding]] = {}
    for f in quieted:
        by_reason.setdefault((f.path, f.quieted_because or ""), []).append(f)
    for (path, reason), group in by_reason.items():
        out.append(f"  {path}: {reason}")
        for f in group:
            out.append(f"    {f.line}:{f.column} [{f.rule}] {' '.join(f.match.split())!r}")
    out.append("")
    return out


def summary_line(report, paint=None) -> str:
    """One line on what was found and what was checked. A run that could not check some files
    (or ran out of time on some) says so: it never reads as a clean run."""
    paint = paint or _Paint(False)
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in report.findings:
        counts[f.severity] += 1
    total = len(report.findings)
    files = report.files_checked
    noun = "file" if files == 1 else "files"
    missed = not_checked(report)
    if not total and not missed:
        msg = f"No problems found in {files} {noun}."
    elif not total and not files:
        msg = "Nothing was checked."
    elif not total:
        msg = f"No problems found in the {files} {noun} checked."
    else:
        parts = [f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in counts.items() if n]
        affected = len({f.path for f in report.findings})
        msg = (f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) "
               f"in {affected} of {files} {noun} checked.")
    if report.errors:
        msg += f" {len(report.errors)} file{'s' if len(report.errors) != 1 else ''} could not be read."
    n_skipped = len(missed) - len(report.errors)
    if n_skipped:
        msg += f" {n_skipped} file{'s' if n_skipped != 1 else ''} skipped."
    out_of_time = {(t.path, t.rule) for t in timeouts(report)}
    if out_of_time:
        n_files = len({p for p, _ in out_of_time})
        msg += (f" Incomplete: {len(out_of_time)} rule time limit{'s' if len(out_of_time) != 1 else ''} "
                f"hit in {n_files} file{'s' if n_files != 1 else ''}.")
    return paint("bold", msg)
