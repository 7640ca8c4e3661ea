"""Inline suppressions: filter findings by the document's directives, and audit the directives.

Scopes: ``disable-next-line`` (the line after the comment), ``disable`` ... ``enable`` (a block;
to the end of the file without an ``enable``), ``disable-file``. Targets are rule ids or
categories, comma separated; none means every rule. Compliance needs an audit trail, so two
ordinary findings (category ``exolint``) report on the directives themselves:
``suppression-missing-reason`` (no ``-- reason``) and ``unused-suppression`` (a target that
suppressed nothing, like ruff's RUF100; targets whose rules do not run on this file, e.g. a
UK-only rule on a US page, are not reported).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Directive, Document
from ..findings import Finding
from ..ruleset import CATEGORIES
from ..semantic import rule_id as semantic_rule_id

CATEGORY = "exolint"
MISSING_REASON = "suppression-missing-reason"
UNUSED = "unused-suppression"
SUPPRESSION_RULES = {
    MISSING_REASON: ("warning", "Suppression comment without a reason",
                     "Add the reason after ' -- ' so the sign-off has an audit trail."),
    UNUSED: ("warning", "Suppression comment that suppresses nothing",
             "Remove the directive (or the target that no longer matches)."),
}
_EVERY = "*"


@dataclass
class _Scope:
    directive: Directive
    target: str  # a rule id, a category, or "*"
    first_line: int = 0  # for disable-next-line
    start: int = 0  # source offsets for blocks
    end: int = 0
    used: bool = False

    def covers(self, f: Finding) -> bool:
        if self.target != _EVERY and self.target not in (f.rule, f.category):
            return False
        kind = self.directive.kind
        if kind == "disable-file":
            return True
        if kind == "disable-next-line":
            return f.line == self.first_line
        return self.start <= f.start < self.end


def _scopes(doc: Document) -> list[_Scope]:
    scopes: list[_Scope] = []
    directives = sorted(doc.directives, key=lambda d: d.start)
    for i, d in enumerate(directives):
        if d.kind == "enable":
            continue
        for target in d.targets or (_EVERY,):
            scope = _Scope(d, target, first_line=d.end_line + 1, start=d.end, end=len(doc.source))
            if d.kind == "disable":
                for later in directives[i + 1:]:
                    if later.kind == "enable" and (not later.targets or target in later.targets):
                        scope.end = later.start
                        break
            scopes.append(scope)
    return scopes


def _directive_finding(doc: Document, d: Directive, rule: str, message: str, severity: str,
                       suggestion: str) -> Finding:
    line, col = doc.line_col(d.start)
    end_line, end_col = doc.line_col(d.end)
    return Finding(path=doc.path, line=line, column=col, end_line=end_line, end_column=end_col,
                   rule=rule, category=CATEGORY, severity=severity, message=message,
                   match=doc.source[d.start:d.end], suggestion=suggestion, start=d.start, end=d.end)


def apply_suppressions(doc: Document, findings: list[Finding], ruleset,
                       markets: frozenset[str] | None) -> list[Finding]:
    """Findings not suppressed, plus the audit findings about the directives."""
    if not doc.directives:
        return findings
    scopes = _scopes(doc)
    kept = []
    for f in findings:
        hit = [s for s in scopes if s.covers(f)]
        for s in hit:
            s.used = True
        if not hit:
            kept.append(f)
    audit: list[Finding] = []
    for d in doc.directives:
        if d.kind != "enable" and not d.reason:
            sev, _, fix = SUPPRESSION_RULES[MISSING_REASON]
            audit.append(_directive_finding(
                doc, d, MISSING_REASON, f"'{d.kind}' suppression has no reason "
                "(write '-- reason' after the rule)", sev, fix))
    active = [r for r in ruleset.rules if r.applies_to(markets)]
    known = (set(ruleset.by_id) | set(CATEGORIES) | set(SUPPRESSION_RULES) | {CATEGORY}
             | {semantic_rule_id(c) for c in CATEGORIES})
    for s in scopes:
        if s.used:
            continue
        sev, _, fix = SUPPRESSION_RULES[UNUSED]
        shown = "every rule" if s.target == _EVERY else f"'{s.target}'"
        if s.target != _EVERY and s.target not in known:
            msg = f"unused suppression: {shown} is neither a rule id nor a category"
        elif s.target == _EVERY or any(s.target in (r.id, r.category) for r in active):
            msg = f"unused suppression for {shown}: nothing here was suppressed"
        else:
            continue  # the target's rules do not run on this file (deselected or other market)
        audit.append(_directive_finding(doc, s.directive, UNUSED, msg, sev, fix))
    return kept + audit


def list_suppressions(doc: Document) -> list[dict]:
    """Every directive of a document, for ``exolint suppressions`` (sign-off)."""
    return [{"path": doc.path, "line": d.line, "column": d.column, "kind": d.kind,
             "targets": list(d.targets), "reason": d.reason} for d in doc.directives]
