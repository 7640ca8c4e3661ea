"""SARIF 2.1.0 output, as GitHub code scanning and other SARIF viewers read it.

Every rule of the rule set is described in ``tool.driver.rules`` (so viewers can show its
rationale and references); findings from rules outside the set (e.g. suppression checks) get a
minimal descriptor of their own.
"""
from __future__ import annotations

import json

from .. import __version__
from ..filters.fingerprint import FINGERPRINT_VERSION, fingerprint_findings
from .common import one_line, path_uri, report_path, rule_for
from .unchecked import incomplete, skipped, timeout_message, timeouts

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/exolint/exolint"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = f"exolintFingerprint/{FINGERPRINT_VERSION}"


def _pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("_", "-").split("-") if part)


def rule_name(rule_id: str) -> str:
    """The rule's friendly ``name``: PascalCase, never the same as its id (SARIF1001): a one-word
    id such as ``miracle`` becomes ``MiracleClaim``."""
    name = _pascal(rule_id)
    if not name[:1].isalpha():
        name = "Rule" + name
    if name.lower() == rule_id.lower():
        name += "Claim"
    return name


def artifact_location(path: str) -> dict:
    """Where a file is, as GitHub code scanning places it (SARIF1004): a URI relative to the
    source root (``%SRCROOT%``, the folder exolint ran in) for files under it, else an absolute
    ``file://`` URI with no base."""
    shown = report_path(path)
    if shown.startswith("/"):
        return {"uri": "file://" + path_uri(path)}
    if len(shown) > 2 and shown[1] == ":" and shown[0].isalpha():  # C:/... on Windows
        return {"uri": f"file:///{shown[:2]}{path_uri(path)[4:]}"}  # path_uri quotes the ':'
    return {"uri": path_uri(path), "uriBaseId": "%SRCROOT%"}


def _help(rule) -> tuple[str, str]:
    text = [one_line(rule.rationale), "", f"Write instead: {one_line(rule.suggestion)}"]
    md = [one_line(rule.rationale), "", f"**Write instead:** {one_line(rule.suggestion)}"]
    if rule.references:
        text += ["", "References:"]
        md += ["", "**References**", ""]
        for ref in rule.references:
            text.append(f"- {ref.title}" + (f" <{ref.url}>" if ref.url else ""))
            md.append(f"- [{ref.title}]({ref.url})" if ref.url else f"- {ref.title}")
    return "\n".join(text), "\n".join(md)


def rule_descriptor(rule) -> dict:
    text, markdown = _help(rule)
    out = {
        "id": rule.id,
        "name": rule_name(rule.id),
        "shortDescription": {"text": one_line(rule.summary)},
        "fullDescription": {"text": one_line(rule.rationale) or one_line(rule.summary)},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["compliance", rule.category], "category": rule.category,
                       "markets": sorted(rule.markets) or ["all"]},
    }
    url = next((r.url for r in rule.references if r.url), None)
    if url:
        out["helpUri"] = url
    return out


def _bare_descriptor(finding) -> dict:
    return {
        "id": finding.rule,
        "name": rule_name(finding.rule),
        "shortDescription": {"text": f"exolint check '{finding.rule}'"},
        "fullDescription": {"text": f"Findings reported by exolint's '{finding.rule}' check."},
        "help": {"text": f"Run `exolint explain {finding.rule}` for details."},
        "defaultConfiguration": {"level": LEVELS.get(finding.severity, "warning")},
        "properties": {"tags": ["compliance", finding.category]},
    }


def _result(finding, index: int, fp: str) -> dict:
    message = finding.message
    if finding.suggestion:
        message += f" Suggestion: {finding.suggestion}"
    out = {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact_location(finding.path),
                "region": {
                    "startLine": finding.line,
                    "startColumn": finding.column,
                    "endLine": finding.end_line,
                    "endColumn": finding.end_column,
                    "snippet": {"text": finding.match},
                },
            },
        }],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
        "properties": {"category": finding.category},
    }
    if finding.market:
        out["properties"]["market"] = finding.market
    if finding.pointer is not None:  # a structured file: the string's key path
        logical = {"fullyQualifiedName": finding.pointer, "kind": "member"}
        if finding.place:
            logical["name"] = finding.place
        out["locations"][0]["logicalLocations"] = [logical]
    return out


def _notification(level: str, text: str, path: str, **extra) -> dict:
    return {"level": level, "message": {"text": text},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}],
            **extra}


def _notifications(report) -> list[dict]:
    """Files not checked (error), files skipped on purpose (note), rules out of time (warning,
    and the run is not successful: those files were checked only in part)."""
    out = [_notification("error", e.message, e.path) for e in report.errors]
    out += [_notification("note", n.message, n.path) for n in skipped(report)]
    out += [_notification("warning", timeout_message(t), t.path, associatedRule={"id": t.rule})
            for t in timeouts(report)]
    return out


def as_dict(report, ruleset=None) -> dict:
    descriptors: list[dict] = []
    index: dict[str, int] = {}
    for rule in getattr(ruleset, "rules", None) or ():
        index[rule.id] = len(descriptors)
        descriptors.append(rule_descriptor(rule))
    fingerprints = fingerprint_findings(report.findings)
    results = []
    for f in report.findings:
        if f.rule not in index:
            rule = rule_for(ruleset, f.rule)  # (a semantic finding: a bare descriptor)
            index[f.rule] = len(descriptors)
            descriptors.append(rule_descriptor(rule) if rule else _bare_descriptor(f))
        results.append(_result(f, index[f.rule], fingerprints[id(f)]))
    notifications = _notifications(report)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "exolint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": not incomplete(report),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    }


def render(report, ruleset=None, **_options) -> str:
    return json.dumps(as_dict(report, ruleset), indent=2, ensure_ascii=False) + "\n"
