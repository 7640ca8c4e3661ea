"""Inline suppressions: scopes, targets, and the audit findings (missing reason, unused)."""
import pytest
from sources_helpers import lint

NSE, HUMAN = "sample-no-side-effects", "sample-human-origin"


def rules_lines(findings):
    return [(f.rule, f.line) for f in findings]


def test_disable_next_line_by_rule_id_only_covers_the_next_line():
    src = ("<!-- exolint-disable-next-line sample-no-side-effects -- legal ok -->\n"
           "No side effects.\n\nNo side effects.\n")
    assert rules_lines(lint("a.md", src)) == [(NSE, 4)]


def test_block_disable_enable_by_category():
    src = ("<!-- exolint-disable absolute_safety -- quoting a regulator -->\n\nNo side effects.\n\n"
           "Zero side effects.\n\n<!-- exolint-enable absolute_safety -->\n\nNo side effects.\n")
    assert rules_lines(lint("a.md", src)) == [(NSE, 9)]


def test_disable_without_enable_runs_to_the_end_and_other_rules_still_fire():
    src = ("<!-- exolint-disable absolute_safety -- reviewed -->\n\nNo side effects.\n\n"
           "Umbilical-cord derived exosomes.\n")
    assert rules_lines(lint("a.md", src)) == [(HUMAN, 5)]


def test_disable_file_with_several_targets():
    src = ("Umbilical-cord derived exosomes. No side effects.\n\n"
           "<!-- exolint-disable-file human_derived, sample-no-side-effects -- archive page -->\n")
    assert lint("a.md", src) == []


def test_missing_reason_is_reported_and_the_suppression_still_applies():
    src = "<!-- exolint-disable-next-line absolute_safety -->\nNo side effects.\n"
    [f] = lint("a.md", src)
    assert (f.rule, f.category, f.severity, f.line, f.column) == (
        "suppression-missing-reason", "exolint", "warning", 1, 1)
    assert f.match == "<!-- exolint-disable-next-line absolute_safety -->"


def test_unused_suppression_is_reported_per_target():
    src = ("<!-- exolint-disable-next-line absolute_safety, human_derived -- ok -->\n"
           "No side effects.\n")
    [f] = lint("a.md", src)
    assert f.rule == "unused-suppression" and "'human_derived'" in f.message and f.line == 1


def test_unknown_target_is_reported():
    [f] = lint("a.md", "<!-- exolint-disable-file hyp -- typo -->\nHello.\n")
    assert f.rule == "unused-suppression" and "neither a rule id nor a category" in f.message


def test_suppression_for_a_rule_that_does_not_run_on_this_market_is_not_unused():
    src = ("---\nmarket: US\n---\n<!-- exolint-disable-next-line human_derived -- US page -->\n"
           "Umbilical-cord derived exosomes.\n")
    assert lint("a.md", src) == []


def test_plain_text_directive_lines_are_not_copy():
    src = ("exolint: disable-next-line absolute_safety -- no side effects claim approved\n"
           "No side effects.\nNo side effects.\n")
    assert rules_lines(lint("a.txt", src)) == [(NSE, 3)]


def test_crlf_next_line():
    src = "<!-- exolint-disable-next-line absolute_safety -- ok -->\r\nNo side effects.\r\n"
    assert lint("a.md", src) == []


def test_audit_findings_can_be_ignored_like_any_rule(tmp_path, run_cli, sample_rules):
    page = tmp_path / "a.md"
    page.write_text("<!-- exolint-disable-file absolute_safety -->\nHello.\n")
    base = ("check", "--no-bundled-rules", "--rules", sample_rules, "--format", "json")
    code, out, _ = run_cli(*base, page)
    assert code == 1 and "suppression-missing-reason" in out and "unused-suppression" in out
    code, out, _ = run_cli(*base, "--ignore", "exolint", page)
    assert code == 0, out


def test_suppressions_command_lists_every_directive_with_its_reason(tmp_path, run_cli):
    (tmp_path / "a.md").write_text(
        "<!-- exolint-disable-next-line hype -- brand name -->\nx\n")
    (tmp_path / "b.html").write_text("<p>x</p><!-- exolint-disable-file absolute_safety -->")
    (tmp_path / "c.mdx").write_text("{/* exolint-disable human_derived -- archive */}\n")
    code, out, _ = run_cli("suppressions", tmp_path)
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].endswith("a.md:1:1: disable-next-line hype -- brand name")
    assert lines[1].endswith("b.html:1:9: disable-file absolute_safety -- (NO REASON GIVEN)")
    assert lines[2].endswith("c.mdx:1:1: disable human_derived -- archive")
    assert lines[3] == "3 suppression comments, 1 without a reason."


@pytest.mark.parametrize("path", ["page.md", "page.txt"])
def test_directives_hold_on_a_page_read_sparsely(path):
    """A page of 4 KB and more is parsed only where a rule could match (exolint.match.sparse):
    the chunks holding a directive are parsed too, though the screen that picks chunks sees
    copy only (a directive sits in a comment, or on an ``exolint:`` line in plain text)."""
    from exolint.api import lint_buffer

    filler = "".join(f"Gentle facials for tired skin, booked online ({i}).\n\n" for i in range(60))
    risky = "Our serum is a miracle for tired skin.\n\n"
    if path.endswith(".md"):
        disable, enable = "<!-- exolint-disable miracle -->", "<!-- exolint-enable miracle -->"
        unused = "<!-- exolint-disable breakthrough -- kept for the spring page -->"
    else:
        disable, enable = "exolint: disable miracle", "exolint: enable miracle"
        unused = "exolint: disable breakthrough -- kept for the spring page"
    text = (filler + risky + disable + "\n\n" + filler + risky + filler + enable + "\n\n" + risky
            + filler + unused + "\n\n" + filler)
    assert len(text) > 4096
    found = [(f.rule, f.line) for f in lint_buffer(path, text).findings]
    lines = text.split("\n")
    risky_lines = [i + 1 for i, line in enumerate(lines) if "miracle for" in line]
    assert [line for rule, line in found if rule == "miracle"] == [risky_lines[0], risky_lines[2]]
    assert ("suppression-missing-reason", lines.index(disable) + 1) in found
    assert ("unused-suppression", lines.index(unused) + 1) in found
