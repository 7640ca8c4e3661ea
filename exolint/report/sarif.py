"""SARIF 2.1.0 output, as GitHub code scanning and other SARIF viewers read it.

Every rule of the rule set is described in ``tool.driver.rules`` (so viewers can show its
rationale and references); findings from rules outside the set (e.g. suppression checks) get a
minimal descriptor of their own.
"""
from __future__ import annotations

import json

from .. import __version__
from ..fingerprint import FINGERPRINT_VERSION, fingerprint_findings
from .common import one_line, path_uri, rule_for

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/exolint/exolint"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = f"exolintFingerprint/{FINGERPRINT_VERSION}"


def _pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("_", "-").split("-") if part)


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
        "name": _pascal(rule.id),
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
        "name": _pascal(finding.rule),
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
                "artifactLocation": {"uri": path_uri(finding.path), "uriBaseId": "%SRCROOT%"},
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
    notifications = [{
        "level": "error",
        "message": {"text": e.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": path_uri(e.path),
                                                                  "uriBaseId": "%SRCROOT%"}}}],
    } for e in report.errors]
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
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    }


def render(report, ruleset=None, **_options) -> str:
    return json.dumps(as_dict(report, ruleset), indent=2, ensure_ascii=False) + "\n"
