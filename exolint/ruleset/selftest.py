"""Run every rule's own examples: each `flag` example must be flagged, each `pass` must not."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from ..match.engine import check_document
from . import Rule, RuleSet


@dataclass
class ExampleFailure:
    rule: str
    kind: str  # "flag" or "pass"
    example: str
    detail: str


@dataclass
class SelfTestResult:
    rules: int = 0
    examples: int = 0
    failures: list[ExampleFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def run_examples(ruleset: RuleSet, only: list[Rule] | None = None) -> SelfTestResult:
    result = SelfTestResult()
    single_sets: dict[str, RuleSet] = {}
    for rule in only if only is not None else ruleset.rules:
        result.rules += 1
        rs = single_sets.setdefault(rule.id, RuleSet([rule]))
        for pat in rule.nested_quantifier_patterns:
            result.warnings.append(f"{rule.id}: pattern {pat!r} nests unbounded quantifiers and may "
                                   "backtrack catastrophically")
        for kind, examples in (("flag", rule.examples_flag), ("pass", rule.examples_pass)):
            for ex in examples:
                result.examples += 1
                doc = Document.from_plain_text("<example>", ex)
                hits = check_document(doc, rs, rule.markets or None)
                if kind == "flag" and not hits:
                    result.failures.append(ExampleFailure(rule.id, kind, ex, "expected a finding, got none"))
                elif kind == "pass" and hits:
                    spans = ", ".join(repr(h.match) for h in hits)
                    result.failures.append(ExampleFailure(rule.id, kind, ex, f"unexpectedly flagged {spans}"))
    return result
