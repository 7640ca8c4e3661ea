"""Where a rule's documentation lives, for a diagnostic's ``codeDescription`` and the hover.

Bundled rules link to their anchor in ``docs/rules.md`` (each rule has ``<a id="RULE">``); the
base is ``DEFAULT_RULE_URL`` unless the client sets ``ruleUrl`` in its initialization options
(``{rule}`` stands for the rule id), e.g. a copy of the docs on an intranet. A rule from a
user's own pack links to its TOML file (``file://``), which is the only documentation it has.
The suppression audit findings link to the suppression-comment docs.
"""
from __future__ import annotations

from pathlib import Path

from ..ruleset import RuleSet, bundled_rules_dir
from ..filters.suppress import SUPPRESSION_RULES

DEFAULT_RULE_URL = "https://github.com/exolint/exolint/blob/main/docs/rules.md#{rule}"
SUPPRESSION_DOCS_URL = ("https://github.com/exolint/exolint/blob/main/docs/"
                        "sources-and-config.md#suppression-comments")


def rule_url(rule_id: str, ruleset: RuleSet | None, template: str = DEFAULT_RULE_URL) -> str | None:
    if rule_id in SUPPRESSION_RULES:
        return SUPPRESSION_DOCS_URL
    rule = ruleset.by_id.get(rule_id) if ruleset is not None else None
    if rule is None:
        return None
    source = Path(rule.source_file) if rule.source_file else None
    if source is not None and source.parent.resolve() != bundled_rules_dir().resolve():
        return source.resolve().as_uri()
    return template.replace("{rule}", rule_id)
