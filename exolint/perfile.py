"""Per-file decisions: which settings, rules and market apply to one document, and the last
steps on its findings (suppressions, audit findings, severity overrides).

Called from ``api.lint_document``/``api.lint_file`` so each file is self-contained (files may be
checked in worker processes).
"""
from __future__ import annotations

from .config.settings import FileSettings, apply_severity
from .document import Document
from .findings import Finding
from .ruleset import RuleSet
from .semantic import is_semantic
from .filters.suppress import CATEGORY, apply_suppressions

_SUBSETS: dict[tuple, tuple[RuleSet, RuleSet]] = {}


def file_settings(options, path: str) -> FileSettings:
    config = getattr(options, "config", None)
    return config.for_path(path) if config is not None else FileSettings()


def ruleset_for(ruleset: RuleSet, settings: FileSettings) -> RuleSet:
    """The rules the file's select/ignore keep (cached: few distinct combinations per run)."""
    if not settings.select and not settings.ignore:
        return ruleset
    key = (id(ruleset), tuple(settings.select), tuple(settings.ignore))
    known = _SUBSETS.get(key)
    # the entry holds its rule set: a long-running process (the language server) reloads rule
    # sets, and a new one may get a dropped one's id
    if known is None or known[0] is not ruleset:
        known = _SUBSETS[key] = (ruleset, ruleset.subset(lambda r: settings.selects(r.id, r.category)))
    return known[1]


def forget_subsets() -> None:
    """Drop the cached rule subsets (a long-running process reloading its rule sets)."""
    _SUBSETS.clear()


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
    if settings.suppress:  # [[suppress]] entries: structured files have no comments
        found = [f for f in found if not any(e.covers(f) for e in settings.suppress)]
    # audit and semantic findings have no rule to drop from the rule set: select/ignore here
    found = [f for f in found if (f.category != CATEGORY and not is_semantic(f.rule))
             or settings.selects(f.rule, f.category)]
    return apply_severity(found, settings)
