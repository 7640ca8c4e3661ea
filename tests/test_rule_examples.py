"""Every bundled rule is complete and its own examples hold: flag examples flagged, passes not."""
import pytest

from exolint.ruleset import CATEGORIES, RuleSet
from exolint.ruleset.selftest import run_examples

BUNDLED = RuleSet.load()
REQUIRED_CATEGORIES = set(CATEGORIES) - {"testimonial_results"}


def test_bundled_packs_cover_every_category():
    assert len(BUNDLED.rules) >= 40
    assert REQUIRED_CATEGORIES <= {r.category for r in BUNDLED.rules}


def test_human_derived_rules_apply_to_uk_eu_and_canada_only():
    # UK/EU: banned in cosmetics; Canada: Health Canada's 2025 notice classifies topical
    # human-derived exosome and conditioned-media products as drugs. US/AU are cell_therapy's.
    human = [r for r in BUNDLED.rules if r.category == "human_derived"]
    assert human and all(r.markets == frozenset({"UK", "EU", "CA"}) for r in human)


def test_canadian_copy_is_judged_by_the_human_derived_rules():
    from exolint import LintOptions, lint_text
    text = "Our serum contains human umbilical cord stem cell exosomes.\n"
    canada = lint_text(text, options=LintOptions(markets=frozenset({"CA"})))
    assert "human_derived" in {f.category for f in canada}
    us = lint_text(text, options=LintOptions(markets=frozenset({"US"})))
    assert us and "human_derived" not in {f.category for f in us}


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
