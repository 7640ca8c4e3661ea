"""GitLab Code Quality JSON (``artifacts:reports:codequality``), a subset of Code Climate's format."""
from __future__ import annotations

import json

from ..fingerprint import fingerprint_findings, path_fingerprint
from .common import one_line, report_path, rule_for

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
    return out


def render(report, ruleset=None, **_options) -> str:
    return json.dumps(issues(report, ruleset), indent=2, ensure_ascii=False) + "\n"
