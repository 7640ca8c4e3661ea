"""`exolint rules --format markdown|json` and the generated docs/rules.md."""
import json

from conftest import REPO, SAMPLE_RULES

from exolint.ruleset import RuleSet
from exolint.ruleset.reference import render_markdown

RULES = ["--no-bundled-rules", "--rules", str(SAMPLE_RULES)]


def test_json_lists_every_rule_with_its_guidance(run_cli):
    code, out, _ = run_cli("rules", *RULES, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["version"] == 1
    by_id = {r["id"]: r for r in data["rules"]}
    sample = RuleSet.load([SAMPLE_RULES], include_bundled=False)
    assert set(by_id) == set(sample.by_id)
    rule = by_id["sample-no-side-effects"]
    assert rule["category"] == "absolute_safety" and rule["severity"] == "error"
    assert rule["markets"] == ["all"]
    assert rule["suggestion"] == "Most clients notice only mild redness for a day."
    assert rule["rationale"] == "No treatment is free of side effects."
    assert rule["references"][0]["url"].startswith("https://www.tga.gov.au/")
    assert "There are no known side effects." in rule["examples"]["flag"]
    assert rule["file"] == "sample.toml"  # a file name, never a machine's absolute path
    assert by_id["sample-human-origin"]["markets"] == ["EU", "UK"]


def test_markdown_has_a_section_per_rule_grouped_by_category(run_cli):
    code, out, _ = run_cli("rules", *RULES, "--format", "markdown")
    assert code == 0
    assert out.startswith("# Rule reference\n")
    assert "## Absolute safety" in out and "## Hype" in out
    assert out.index("## Absolute safety") < out.index("## Human derived") < out.index("## Hype")
    assert "### `sample-no-side-effects`" in out
    assert "**Write instead.** Most clients notice only mild redness for a day." in out
    assert ("- [TGA, Rules about safety claims in advertising]"
            "(https://www.tga.gov.au/advertising-health-products-rules-about-safety-claims-advertising)"
            in out)
    assert "| [`sample-miracle`](#sample-miracle) | warning | all | Miracle hype |" in out
    assert str(SAMPLE_RULES) not in out


def test_category_filter_applies_to_the_reference(run_cli):
    code, out, _ = run_cli("rules", *RULES, "--format", "json", "--category", "hype")
    assert code == 0
    assert {r["category"] for r in json.loads(out)["rules"]} == {"hype"}


def test_markdown_escapes_markup_in_copy():
    rule = RuleSet.load([SAMPLE_RULES], include_bundled=False).by_id["sample-miracle"]
    rule.summary = "Uses *stars* | pipes and <tags>"
    out = render_markdown([rule])
    assert "Uses \\*stars\\* \\| pipes and \\<tags\\>" in out


def test_docs_rules_md_is_up_to_date():
    """docs/rules.md must match the bundled rules: run scripts/update-rules-doc.sh after editing rules/."""
    fresh = render_markdown(RuleSet.load().rules)
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == fresh, ("docs/rules.md is stale: run scripts/update-rules-doc.sh "
                                "(or `exolint rules --format markdown > docs/rules.md`)")
