"""Per-file decisions: which settings, rules and market apply to one document, and the last
steps on its findings (suppressions, audit findings, severity overrides).

Called from ``api.lint_document``/``api.lint_file`` so each file is self-contained (files may be
checked in worker processes).
"""
from __future__ import annotations

from .config import FileSettings, apply_severity
from .document import Document
from .findings import Finding
from .ruleset import RuleSet
from .semantic import is_semantic
from .suppress import CATEGORY, apply_suppressions

_SUBSETS: dict[tuple, RuleSet] = {}


def file_settings(options, path: str) -> FileSettings:
    config = getattr(options, "config", None)
    return config.for_path(path) if config is not None else FileSettings()


def ruleset_for(ruleset: RuleSet, settings: FileSettings) -> RuleSet:
    """The rules the file's select/ignore keep (cached: few distinct combinations per run)."""
    if not settings.select and not settings.ignore:
        return ruleset
    key = (id(ruleset), tuple(settings.select), tuple(settings.ignore))
    if key not in _SUBSETS:
        _SUBSETS[key] = ruleset.subset(lambda r: settings.selects(r.id, r.category))
    return _SUBSETS[key]


def page_markets(options, settings: FileSettings, doc: Document) -> frozenset[str] | None:
    """--market > per-path override > the page's own front matter/lang > config default > all."""
    if options.markets is not None:
        return options.markets
    if settings.override_markets is not None:
        return settings.override_markets
    if doc.markets:
        return doc.markets
    return settings.markets


def finish(doc: Document, findings: list[Finding], ruleset: RuleSet,
           markets: frozenset[str] | None, settings: FileSettings) -> list[Finding]:
    found = apply_suppressions(doc, findings, ruleset, markets)
    # audit and semantic findings have no rule to drop from the rule set: select/ignore here
    found = [f for f in found if (f.category != CATEGORY and not is_semantic(f.rule))
             or settings.selects(f.rule, f.category)]
    return apply_severity(found, settings)
