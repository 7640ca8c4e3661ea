"""GitLab Code Quality JSON (``artifacts:reports:codequality``), a subset of Code Climate's format."""
from __future__ import annotations

import json

from ..filters.fingerprint import fingerprint_findings, path_fingerprint
from .common import one_line, report_path, rule_for
from .unchecked import skipped, timeout_message, timeouts

SEVERITIES = {"error": "critical", "warning": "major", "info": "info"}


def issues(report, ruleset=None) -> list[dict]:
    fingerprints = fingerprint_findings(report.findings)
    out = []
    for f in report.findings:
        path = report_path(f.path)
        issue = {
            "type": "issue",
            "engine_name": "exolint",
            "description": f"{f.message} ({f.rule})",
            "check_name": f.rule,
            "categories": ["Style"],
            "fingerprint": path_fingerprint(path, fingerprints[id(f)]),
            "severity": SEVERITIES.get(f.severity, "minor"),
            "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
        }
        rule = rule_for(ruleset, f.rule, f)
        body = [f"Suggestion: {f.suggestion}"] if f.suggestion else []
        if rule is not None and rule.rationale:
            body.append(f"Why: {one_line(rule.rationale)}")
        if body:
            issue["content"] = {"body": "\n\n".join(body)}
        out.append(issue)
    out.extend(_unchecked_issues(report))
    return out


def _issue(check: str, description: str, path: str, severity: str) -> dict:
    path = report_path(path)
    return {"type": "issue", "engine_name": "exolint", "description": description,
            "check_name": check, "categories": ["Bug Risk"],
            "fingerprint": path_fingerprint(path, f"{check}\x1f{description}"),
            "severity": severity, "location": {"path": path, "lines": {"begin": 1, "end": 1}}}


def _unchecked_issues(report) -> list[dict]:
    """Code Quality has no place for run errors: a file not checked, skipped, or checked only in
    part is an issue of its own, so the widget never shows such a run as clean."""
    out = [_issue("exolint-file-not-checked", f"File not checked: {e.message}", e.path, "critical")
           for e in report.errors]
    out += [_issue("exolint-file-skipped", f"File skipped: {n.message}", n.path, "info")
            for n in skipped(report)]
    out += [_issue("exolint-rule-time-limit", timeout_message(t), t.path, "major") for t in timeouts(report)]
    return out


def render(report, ruleset=None, **_options) -> str:
    return json.dumps(issues(report, ruleset), indent=2, ensure_ascii=False) + "\n"
