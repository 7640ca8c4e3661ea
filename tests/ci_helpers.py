"""Shared helpers for the CI-output, baseline and changed-lines tests."""
from __future__ import annotations

from exolint.api import LintOptions, lint_paths
from exolint.findings import Finding
from exolint.ruleset import RuleSet

from conftest import SAMPLE_RULES

RULES_ARGS = ["--no-bundled-rules", "--rules", str(SAMPLE_RULES)]


def sample_ruleset() -> RuleSet:
    return RuleSet.load([SAMPLE_RULES], include_bundled=False)


def lint_folder(paths, ruleset=None):
    ruleset = ruleset or sample_ruleset()
    report = lint_paths([str(p) for p in paths], ruleset, LintOptions(jobs=1))
    report.findings.sort(key=lambda f: f.sort_key())
    return report, ruleset


def foreign_finding(path: str, line: int = 1) -> Finding:
    """A finding from a rule outside the rule set (as suppression checks produce)."""
    return Finding(path=path, line=line, column=1, end_line=line, end_column=5,
                   rule="unused-suppression", category="suppression", severity="info",
                   message="This suppression comment matched nothing.", match="<!-- exolint-disable -->",
                   suggestion="")
