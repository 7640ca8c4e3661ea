"""The anchor pre-check: files without any anchor are counted but never parsed."""
import pytest

from conftest import SAMPLE_RULES

from exolint import api
from exolint.api import LintOptions, lint_file
from exolint.match.prefilter import may_have_findings, prefilter_text
from exolint.ruleset import RuleSet


@pytest.fixture(scope="module")
def rules():
    return RuleSet.load([SAMPLE_RULES], include_bundled=False)


def test_file_without_anchor_is_checked_but_not_parsed(tmp_path, rules, monkeypatch):
    page = tmp_path / "calm.md"
    page.write_text("# Hydration\n\nHelps skin feel softer.\n", encoding="utf-8")

    def no_parse(*a, **k):
        raise AssertionError("parsed a file with no anchor")

    monkeypatch.setattr(api, "document_for", no_parse)
    result = lint_file(str(page), rules, LintOptions())
    assert result.checked and not result.findings and not result.errors


def test_skipped_file_keeps_its_decoding_note(tmp_path, rules):
    page = tmp_path / "word.txt"
    page.write_bytes("Helps skin feel softer \x93today\x94.".encode("latin-1"))
    result = lint_file(str(page), rules, LintOptions())
    assert result.checked
    assert any("Windows-1252" in n.message for n in result.notes)


@pytest.mark.parametrize("source", [
    "A MIRACLE serum",
    "a mira\u00adcle serum",          # soft hyphen inside the word
    "a mira\u200bcle serum",          # zero-width space
    "a mira&shy;cle serum",           # entity of an invisible character
    "a &#109;iracle serum",           # numeric entity
    "a mir**acle** serum",            # emphasis inside a word
    "a breakthrough\u2019s promise",   # smart apostrophe next to the word
])
def test_anchor_found_through_normalisation(source, rules):
    assert may_have_findings(source, rules)


def test_directive_forces_a_parse(rules):
    assert not may_have_findings("Helps skin feel softer.", rules)
    assert may_have_findings("<!-- exolint-disable -->\nHelps skin feel softer.", rules)


def test_rule_without_anchor_is_screened_by_its_own_pattern(tmp_path):
    pack = tmp_path / "p.toml"
    pack.write_text((SAMPLE_RULES / "sample.toml").read_text(encoding="utf-8").replace(
        "patterns = ['breakthrough']", "patterns = ['\\d{3,} (?-i:[A-Z]{2})', 'breakthrough']"),
        encoding="utf-8")
    rs = RuleSet.load([tmp_path], include_bundled=False)
    assert [r.id for r in rs.always_run] == ["sample-breakthrough"]
    assert not may_have_findings("nothing risky here, 123 times", rs)
    assert may_have_findings("now 4500 UK clinics", rs)  # the anchor-less pattern matches
    assert may_have_findings("a real break&shy;through", rs)  # its anchored pattern's word


def test_prefilter_text_is_lower_case_and_normalised():
    assert prefilter_text("Don\u2019t \u00a0SAFE") == "don't  safe"


def test_skip_gives_the_same_result_as_a_full_check(tmp_path, rules):
    """Over a mix of files, skipping never changes the findings."""
    texts = ["clean copy", "a miracle", "no side-effects at all", "Zero side effects", "umbilical cord derived",
             "mira\u00adcle"]
    for i, t in enumerate(texts):
        (tmp_path / f"{i}.txt").write_text(t, encoding="utf-8")
    for i, t in enumerate(texts):
        fast = lint_file(str(tmp_path / f"{i}.txt"), rules, LintOptions())
        full = api.lint_text(t, str(tmp_path / f"{i}.txt"), rules)
        assert [f.to_dict() for f in fast.findings] == [f.to_dict() for f in full]
