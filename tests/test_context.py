"""The context stage: list lead-ins, `requires`, page voice, hearsay, comparators, and one
finding per phrase across markets. Examples are written for these tests."""
import json

import pytest
from click.testing import CliRunner

from exolint.api import LintOptions, LintReport, lint_document, lint_text
from exolint.cli.commands import main
from exolint.context.structure import Structure, is_item
from exolint.context.voice import hearsay, page_voice
from exolint.ruleset.loader import RuleFileError, load_pack
from exolint.sources import document_for


def rules_of(text, path="page.md", **options):
    return [f.rule for f in lint_text(text, path, options=LintOptions(**options))]


def categories_of(text, path="page.md"):
    return {f.category for f in lint_text(text, path)}


# -- structure --------------------------------------------------------------------------------
def test_item_shape():
    assert is_item("- Rosacea")
    assert is_item("Conditions we treat")
    assert not is_item("Our facial leaves skin looking brighter.")
    assert not is_item("Who can have it:")


def test_lead_in_of_list_items():
    text = "Intro paragraph that runs on. It works best for people with:\n\n- acne\n\n- dull skin\n"
    s = Structure(text)
    assert s.lead_in(text.index("dull")) == "It works best for people with:"
    assert s.lead_in(text.index("Intro")) == ""  # running text is not an item


def test_wrapped_paragraph_lines_are_not_items():
    text = ("Ideal for:\n\nWe recommend a course of three sessions. Pinpoint marks or slight swelling\n"
            "can appear after needling and usually fade.\n\nThe facial is one of our\n"
            "most requested treatments for clients with acne scarring. Some redness is common\n")
    s = Structure(text)
    assert s.lead_in(text.index("swelling")) == ""
    assert s.lead_in(text.index("acne scarring")) == ""


def test_plain_text_list_lines_are_items():
    text = "Works best for:\n- acne\n- rosacea\n"
    assert Structure(text).lead_in(text.index("rosacea")) == "Works best for:"


def test_heading_governs_list_below_it():
    text = "Some words about us here.\n\nConditions we treat\n\nRosacea\n\nEczema\n"
    assert Structure(text).lead_in(text.index("Eczema")) == "Conditions we treat"


@pytest.mark.parametrize("page", [
    "Conditions we treat\n\nRosacea\n\nFine lines\n",
    "Our LED room is open late on Thursdays. It can help clients with:\n\n* eczema\n* dullness\n",
    "The peel may help with congestion, uneven tone, rosacea and dullness.",
])
def test_condition_under_claim_lead_in_is_flagged(page):
    assert "medicinal_claim" in categories_of(page)


@pytest.mark.parametrize("page", [
    "Not suitable if you have:\n\n- rosacea\n\n- eczema\n",
    "Contraindications\n\nPregnancy\n\nPsoriasis\n",
    "Our treatments\n\nHydrafacial\n\nDermaplaning\n\nRosacea consultation with a GP\n",
    "Rosacea\n\nEczema\n",  # a bare list with no lead-in claims nothing
    "Tell us at your consultation if you have rosacea or eczema.",
])
def test_condition_outside_claim_lead_in_is_quiet(page):
    assert "medicinal_claim" not in categories_of(page)


def write_pack(folder, rule_id: str, fields: str):
    """A one-rule pack in ``folder``; ``fields`` are the TOML lines that make the test's point
    (patterns, the field under test, the [rule.examples] table)."""
    pack = folder / "p.toml"
    pack.write_text(f"""[pack]
name = "p"
[[rule]]
id = "{rule_id}"
category = "hype"
severity = "info"
markets = ["all"]
summary = "s"
message = "m"
rationale = "r"
suggestion = "s"
references = [{{title = "t", url = "https://example.org"}}]
{fields}
""")
    return pack


def test_requires_names_a_known_context(tmp_path):
    pack = write_pack(tmp_path, "x-rule", '''patterns = ["zap"]
requires = ["no_such_context"]
[rule.examples]
flag = ["zap", "zap zap"]
pass = ["a", "b"]''')
    with pytest.raises(RuleFileError) as err:
        load_pack(pack, {})
    assert "requires" in str(err.value) and "no_such_context" in str(err.value)
    line = pack.read_text().splitlines().index('requires = ["no_such_context"]') + 1
    assert f":{line}" in str(err.value)  # the line of the field


# -- voice ------------------------------------------------------------------------------------
NEWS = """Regulators move against cell-based facials

The MHRA has warned that some salons are offering facials made with human stem cell exosomes,
which are banned in cosmetics. Experts say the evidence behind the treatment is thin, and the
regulator said clinics marketing unproven stem cell therapies face enforcement. Consumers are
told to be wary of anything marketed as a miracle.

"It is misleading," said one dermatologist, who added that stem cell exosome facials have no
place in a beauty salon.
"""


def test_reporting_page_is_quiet_and_says_why():
    doc = document_for("news.md", NEWS)
    report = LintReport()
    found = lint_document(doc, _ruleset(), LintOptions(), report)
    assert found == []
    assert report.quieted, "the matches are kept for --explain"
    assert all("reporting" in f.quieted_because for f in report.quieted)


def test_same_sentence_on_a_clinic_page_is_flagged():
    page = "Book your glow facial today. Our facials use stem cell exosome serum from human donors."
    assert rules_of(page)


def test_first_person_selling_inside_a_reporting_page_is_flagged():
    page = NEWS + "\nOur clinic offers a human stem cell exosome facial from £150.\n"
    found = lint_text(page, "news.md")
    line = page[:page.index("Our clinic")].count("\n") + 1
    assert found and {f.line for f in found} == {line}


def test_page_voice_signals():
    assert page_voice(NEWS).reporting_page
    clinic = "Our clinic offers exosome facials. Book now for a free consultation. We use plant exosomes."
    assert not page_voice(clinic).reporting_page


def test_hearsay_quiets_a_sentence_but_not_a_concession():
    assert hearsay("The facial is said to heal eczema overnight.")
    assert lint_text("The facial is said to cure eczema overnight.", "a.txt") == []
    assert hearsay("Although it is described as the next big thing, it heals eczema.") is None
    assert lint_text("Although it is described as the next big thing, our balm cures eczema.", "a.txt")


def test_counterfactual_supposes_rather_than_claims():
    assert lint_text("Even if the cream were made from human stem cells, they could not reach the dermis.",
                     "a.txt") == []
    assert lint_text("Our cream is made from human stem cells.", "a.txt")


def test_explain_lists_what_context_quieted(tmp_path):
    page = tmp_path / "news.md"
    page.write_text(NEWS)
    result = CliRunner().invoke(main, ["check", "--explain", "--no-color", str(page)])
    assert result.exit_code == 0, result.output
    assert "Not reported:" in result.output and "reads as reporting" in result.output
    result = CliRunner().invoke(main, ["check", "--format", "json", str(page)])
    data = json.loads(result.output)
    assert data["findings"] == [] and data["quieted"] and data["quieted"][0]["reason"]


# -- comparators and markets ------------------------------------------------------------------
def test_comparator_is_not_the_ingredient():
    assert rules_of("Compared with stem cell treatments, this rose extract facial is gentle.", "a.txt") == []
    assert rules_of("This facial uses exosomes from human stem cells.", "a.txt")


def test_one_finding_per_phrase_across_markets():
    text = "This facial uses exosomes from human stem cells."
    every = lint_text(text, "a.txt")
    spans = [(f.start, f.end) for f in every]
    assert len(spans) == len(set(spans))  # no span reported twice
    merged = [f for f in every if "Markets:" in f.message]
    assert merged and "UK" in merged[0].message and "US" in merged[0].message
    uk = lint_text(text, "a.txt", options=LintOptions(markets=frozenset({"UK"})))
    assert uk and all("Markets:" not in f.message for f in uk)


def _ruleset():
    from exolint.api import default_ruleset
    return default_ruleset()


def test_big_page_read_sparsely_keeps_the_lead_in(tmp_path):
    filler = "\n\n".join(f"Paragraph {i} about opening hours, parking and gift vouchers for the team."
                         for i in range(120))
    page = tmp_path / "big.md"
    page.write_text(filler + "\n\n## Conditions we treat\n\n- Rosacea\n\n- Fine lines\n\n" + filler)
    assert len(page.read_text()) > 8192  # read sparsely (see exolint.match.sparse.MIN_SIZE)
    result = CliRunner().invoke(main, ["check", "--format", "json", str(page)])
    data = json.loads(result.output)
    assert [f["match"] for f in data["findings"]] == ["Rosacea"]


def test_regulation_guidance_voice_is_quiet():
    page = ("Advertising note for clinics\n\nAdvertisers must not state or imply that a facial is "
            "completely safe or has no side effects. Statements that a serum repairs DNA or "
            "stimulates collagen describe physiological effects, and such medicinal claims breach "
            "the rules unless the product is authorised.\n\nAn advert that says a cream heals eczema "
            "presents it as a medicine.\n")
    assert lint_text(page, "note.md") == []


def test_selling_section_of_a_reporting_page_is_still_judged():
    page = NEWS + "\n## Our range\n\nOur facials use stem cell exosome serum, available to book now.\n"
    found = lint_text(page, "news.md")
    line = page[:page.index("Our facials")].count("\n") + 1
    assert found and {f.line for f in found} == {line}


@pytest.mark.parametrize("path,page", [
    ("menu.md", "| Treatment | Good for | Price |\n|---|---|---|\n| Glow facial | Rosacea, dull skin | £90 |\n"),
    ("menu.html", "<table><tr><th>Treatment</th><th>Good for</th></tr>"
                  "<tr><td>Glow facial</td><td>Rosacea, dull skin</td></tr></table>"),
])
def test_table_cell_is_governed_by_its_column_header(path, page):
    doc = document_for(path, page)
    cell = doc.text.index("Rosacea")
    assert Structure(doc.text, doc.cell_heads).lead_in(cell) == "Good for"
    assert "medicinal_claim" in categories_of(page, path)
    quiet = page.replace("Good for", "Aftercare")
    assert "medicinal_claim" not in categories_of(quiet, path)


def test_previous_sentence_gives_the_pronoun_its_antecedent():
    quiet = "Your PRP is made from a small sample of your own blood. It's injected into the scalp."
    assert "non_cosmetic_route" not in categories_of(quiet, "a.txt")
    risky = "Our exosomes are grown in the lab. They are injected into the scalp every month."
    assert "non_cosmetic_route" in categories_of(risky, "a.txt")
    apart = "Your PRP is made from your own blood.\n\nOur exosome serum. It's injected into the scalp."
    assert "non_cosmetic_route" in categories_of(apart, "a.txt")  # another paragraph governs nothing


def test_rule_can_be_quiet_under_a_lead_in(tmp_path):
    write_pack(tmp_path, "glow-word", '''patterns = ["glowing"]
unless_lead_in = ['\\bpanel\\b']
[rule.examples]
flag = ["Results:\\n- glowing", "It is glowing."]
pass = ["In a panel of 30 women:\\n- glowing", "Our panel said:\\n- glowing skin"]''')
    from exolint.api import lint_text
    from exolint.ruleset import RuleSet
    rules = RuleSet.load([tmp_path], include_bundled=False)
    assert [f.rule for f in lint_text("Results:\n- glowing\n", "a.txt", rules)] == ["glow-word"]
    assert lint_text("In a panel of 30 women:\n- glowing\n", "a.txt", rules) == []
