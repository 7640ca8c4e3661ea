"""The hover on a finding: what was flagged, why it is risky, what to write instead, and the
references, as Markdown."""
from __future__ import annotations

from ..findings import Finding
from ..ruleset import RuleSet
from ..filters.suppress import SUPPRESSION_RULES
from .links import DEFAULT_RULE_URL, rule_url


def _md_escape(text: str) -> str:
    return " ".join(text.split()).replace("<", "&lt;").replace(">", "&gt;")


def hover_markdown(findings: list[Finding], ruleset: RuleSet | None,
                   url_template: str = DEFAULT_RULE_URL) -> str:
    return "\n\n---\n\n".join(_one(f, ruleset, url_template) for f in findings)


def _one(f: Finding, ruleset: RuleSet | None, url_template: str) -> str:
    rule = ruleset.by_id.get(f.rule) if ruleset is not None else None
    url = rule_url(f.rule, ruleset, url_template)
    title = f"**exolint `{f.rule}`** ({f.category}, {f.severity}"
    if rule is not None:
        title += f"; {', '.join(sorted(rule.markets)) or 'all markets'}"
    lines = [title + ")", "", _md_escape(f.message)]
    if rule is not None:
        lines += ["", "**Why it is risky**", "", _md_escape(rule.rationale)]
    suggestion = f.suggestion or (rule.suggestion if rule else "")
    if f.rule in SUPPRESSION_RULES:
        suggestion = suggestion or SUPPRESSION_RULES[f.rule][2]
    if suggestion:
        lines += ["", "**Write instead**", "", _md_escape(suggestion)]
    if rule is not None and rule.references:
        lines += ["", "**References**", ""]
        lines += [f"- [{_md_escape(r.title)}]({r.url})" if r.url else f"- {_md_escape(r.title)}"
                  for r in rule.references]
    if url:
        lines += ["", f"[Rule documentation]({url})"]
    return "\n".join(lines)
