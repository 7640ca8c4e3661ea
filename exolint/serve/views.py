"""What the page shows for one check, built with the HTML report's own renderer: the marks laid
under the editor, and each finding's card (message, why it is risky, what to write instead,
references), grouped by severity."""
from __future__ import annotations

from ..api import LintReport
from ..report import json_format
from ..report.html import finding_card, highlighted_lines
from ..ruleset import SEVERITIES, RuleSet
from ..sourceview import SourceView


def utf16_offset(text: str, index: int) -> int:
    """A Python string index as a JavaScript one (characters outside the BMP count twice)."""
    head = text[:index]
    if head.isascii():
        return index
    return index + sum(1 for ch in head if ord(ch) > 0xFFFF)


def page_view(report: LintReport, ruleset: RuleSet) -> dict:
    """The JSON the page renders: the contract itself, plus HTML made by the report's renderer."""
    findings = report.findings
    numbers = {id(f): n for n, f in enumerate(findings, start=1)}
    path = report.checked[0] if report.checked else (report.errors[0].path if report.errors else "")
    view = report.sources.get(path) or SourceView(path, "")
    source = view.source or ""
    # the marks sit under the editor's text: not focusable there (the cards are)
    lines = [line.replace('tabindex="0"', 'tabindex="-1"')
             for line in highlighted_lines(source, findings, numbers)]
    cards: dict[str, list[str]] = {s: [] for s in SEVERITIES}  # error first
    for f in findings:
        cards.setdefault(f.severity, []).append(
            finding_card(f, numbers[id(f)], view, ruleset.by_id.get(f.rule)))
    return {
        "result": json_format.as_dict(report),
        "source": source,
        "place_label": view.location_label or "line",
        "backdrop": "\n".join(lines),
        "cards": cards,
        "ranges": [{"n": numbers[id(f)], "severity": f.severity,
                    "start": utf16_offset(source, f.start), "end": utf16_offset(source, f.end)}
                   for f in findings],
    }
