"""Every bundled rule is complete and its own examples hold: flag examples flagged, passes not."""
import pytest

from exolint.ruleset import CATEGORIES, RuleSet
from exolint.selftest import run_examples

BUNDLED = RuleSet.load()
REQUIRED_CATEGORIES = set(CATEGORIES) - {"testimonial_results"}


def test_bundled_packs_cover_every_category():
    assert len(BUNDLED.rules) >= 40
    assert REQUIRED_CATEGORIES <= {r.category for r in BUNDLED.rules}


def test_human_derived_rules_apply_to_uk_and_eu_only():
    human = [r for r in BUNDLED.rules if r.category == "human_derived"]
    assert human and all(r.markets == frozenset({"UK", "EU"}) for r in human)


@pytest.mark.parametrize("rule", BUNDLED.rules, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    assert len(rule.examples_flag) >= 3 and len(rule.examples_pass) >= 3
    assert rule.references and all(ref.url.startswith("https://") for ref in rule.references)
    assert len(rule.rationale) > 40 and rule.suggestion


@pytest.mark.parametrize("rule", BUNDLED.rules, ids=lambda r: r.id)
def test_rule_examples(rule):
    result = run_examples(BUNDLED, only=[rule])
    assert result.failures == [], "\n".join(f"[{f.kind}] {f.example!r}: {f.detail}" for f in result.failures)


def test_no_bundled_pattern_nests_unbounded_quantifiers():
    assert [r.id for r in BUNDLED.rules if r.nested_quantifier_patterns] == []
