"""JUnit XML, as GitLab (``artifacts:reports:junit``) and Jenkins read it.

One test suite per checked file; each finding is a failed test case, each unreadable file an
errored one, and a file without findings one passing test case, so CI shows how much was checked.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from .common import one_line, report_path, rule_for
from .unchecked import skipped, timeout_message, timeouts


def _failure_text(f, rule) -> str:
    parts = [f"{report_path(f.path)}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}",
             f"match: {f.match}"]
    if f.suggestion:
        parts.append(f"suggestion: {f.suggestion}")
    if f.market:
        parts.append(f"judged under market: {f.market}")
    if rule is not None and rule.rationale:
        parts.append(f"why: {one_line(rule.rationale)}")
    return "\n".join(parts)


def as_element(report, ruleset=None) -> ET.Element:
    by_path: dict[str, list] = {}
    for path in getattr(report, "checked", None) or ():
        by_path.setdefault(report_path(path), [])
    for f in report.findings:
        by_path.setdefault(report_path(f.path), []).append(f)
    errors = {report_path(e.path): e for e in report.errors}
    skips = {report_path(n.path): n for n in skipped(report)}
    out_of_time: dict[str, list] = {}
    for t in timeouts(report):
        out_of_time.setdefault(report_path(t.path), []).append(t)
    for path in (*errors, *skips, *out_of_time):
        by_path.setdefault(path, [])

    root = ET.Element("testsuites", name="exolint")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for path in sorted(by_path):
        findings = by_path[path]
        suite = ET.SubElement(root, "testsuite", name=path)
        for f in findings:
            case = ET.SubElement(suite, "testcase", name=f"{f.rule} at {f.line}:{f.column}",
                                 classname=path, file=path, line=str(f.line))
            failure = ET.SubElement(case, "failure", message=f.message, type=f.severity)
            failure.text = _failure_text(f, rule_for(ruleset, f.rule, f))
        for t in out_of_time.get(path, ()):  # checked only in part: an error, not a pass
            case = ET.SubElement(suite, "testcase", name=f"{t.rule} time limit", classname=path, file=path)
            ET.SubElement(case, "error", message=timeout_message(t), type="rule-time-limit")
        if path in errors:
            case = ET.SubElement(suite, "testcase", name="read file", classname=path, file=path)
            ET.SubElement(case, "error", message=errors[path].message, type="file-error")
        elif path in skips:
            case = ET.SubElement(suite, "testcase", name="read file", classname=path, file=path)
            ET.SubElement(case, "skipped", message=skips[path].message)
        elif not findings and path not in out_of_time:
            ET.SubElement(suite, "testcase", name="no problems", classname=path, file=path)
        n_errors = int(path in errors) + len(out_of_time.get(path, ()))
        n_skipped = int(path in skips and path not in errors)
        extra = int(path in errors or n_skipped or (not findings and path not in out_of_time))
        counts = {"tests": len(findings) + len(out_of_time.get(path, ())) + extra,
                  "failures": len(findings), "errors": n_errors, "skipped": n_skipped}
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    return root


def render(report, ruleset=None, **_options) -> str:
    root = as_element(report, ruleset)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
