"""Helpers for the sources / suppression / config tests (sample rule pack only)."""
from pathlib import Path

from exolint.api import LintOptions, LintReport, lint_source
from exolint.ruleset import RuleSet

SAMPLE_RULES = Path(__file__).resolve().parent / "data" / "rules"
_RULES = None


def sample_ruleset() -> RuleSet:
    global _RULES
    if _RULES is None:
        _RULES = RuleSet.load([SAMPLE_RULES], include_bundled=False)
    return _RULES


def lint(name: str, source: str, **options):
    return lint_source(name, source, sample_ruleset(), LintOptions(**options), LintReport())


def spots(findings):
    """(rule, line, column, end_line, end_column, match) of each finding."""
    return [(f.rule, f.line, f.column, f.end_line, f.end_column, f.match) for f in findings]
