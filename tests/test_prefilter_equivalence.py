"""The fast path finds exactly what brute force finds.

exolint skips most of a page before any regex runs: required strings per pattern (Aho-Corasick
over a scan alphabet), a page-wide screen that picks candidate chunks, relaxed patterns on their
copy, then parsing only the kept chunks. None of that may change a result. The reference here
parses every file in full and runs every pattern of every rule over the whole text.
"""
from pathlib import Path

import pytest

import exolint.api as api
import exolint.match.sparse as sparse
from exolint.api import LintOptions, lint_file
from exolint.ruleset import RuleSet

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(p for folder in (ROOT / "examples", ROOT / "tests" / "data")
               for p in folder.rglob("*") if p.suffix in (".md", ".mdx", ".html", ".txt"))


def _findings(paths, ruleset):
    out = {}
    for path in paths:
        result = lint_file(str(path), ruleset, LintOptions())
        out[path.name] = sorted((f.rule, f.start, f.end) for f in result.findings)
    return out


def test_fast_path_equals_brute_force(monkeypatch):
    assert len(FILES) > 30
    ruleset = RuleSet.load()
    fast = _findings(FILES, ruleset)
    assert sum(map(len, fast.values())) > 200  # the files hold many findings to compare

    monkeypatch.setattr(sparse, "MIN_SIZE", 10 ** 12)  # no sparse reading
    monkeypatch.setattr(api, "parses_sparsely", lambda path, source: False)
    monkeypatch.setattr(api, "may_have_findings", lambda source, ruleset: True)  # no pre-check
    monkeypatch.setattr(RuleSet, "plan", _whole_text_plan)  # every pattern, whole text
    reference = _findings(FILES, RuleSet.load())
    assert fast == reference


@pytest.mark.parametrize("copy", [
    "Up to  600 %\nmore collagen.",  # a whitespace run and a digit inside a required phrase
    "Our IV\tdrips are safe. Give it a go.",  # a two-letter word with its space
    "No [side effects](/faq) at **all**.",  # link and emphasis inside a phrase
    "Results in 3\u00a0x   more glow after one session.",
    "Our `serum` has no known side effects \u2014 a miracle.",  # inline code, then a claim
    "`Serum` miracle cure for acne, with `zero` downtime.",  # inline code at the line's start
    "A control \x01 character, then no known side effects.",  # the scan's code-span stand-in
])
def test_markup_and_spacing_never_hide_a_finding(tmp_path, copy):
    page = tmp_path / "page.md"
    page.write_text(("Plain intro paragraph about our clinic.\n\n" * 80) + copy + "\n", encoding="utf-8")
    ruleset = RuleSet.load()
    fast = lint_file(str(page), ruleset, LintOptions()).findings
    full = api.lint_text(page.read_text(encoding="utf-8"), str(page), ruleset)
    assert sorted((f.rule, f.start) for f in fast) == sorted((f.rule, f.start) for f in full)
    assert fast, copy


def _whole_text_plan(self, text, lowered=None, screen=False, breaks=None):
    return [(rule, [(p, None, 300, None) for p in rule.compiled]) for rule in self.rules]


@pytest.mark.parametrize("name,text", [
    # one block far longer than LONG_BLOCK: narrowed to the places around its hits
    ("long-line.txt", ("Our clinic offers calm facials with gentle care. " * 120)
     + "It has no known side effects and gives 600% more collagen. "
     + ("Book a consultation with our team today. " * 60)),
    # long and short blocks mixed, claims in both
    ("mixed.txt", "A miracle cure for acne.\n\n" + ("Gentle, calm care for your skin. " * 150)
     + "Zero downtime and FDA approved exosomes.\n\nHuman stem cell exosomes, 100% safe.\n"),
    # the character the block scan joins blocks with: blocks are not used then
    ("sentinel.txt", "No known side effects \x00 at all.\n\nA miracle cure for eczema.\n"),
    # lower-casing that changes the length (the dotted capital I): every pattern on the whole text
    ("dotted-i.txt", "\u0130stanbul clinic: no known side effects.\n\nA miracle cure for acne.\n"),
    ("dotted-i-end.txt", "\u0130\u0130 clinic: zero downtime, a miracle"),  # a claim at the very end
    # many tiny blocks, as in HTML menus, grouped before the scan
    ("menu.txt", "\n\n".join(["Home", "Shop", "No known", "side effects", "Blog"] * 40)
     + "\n\nNo known side effects, guaranteed results.\n"),
])
def test_block_plan_equals_every_pattern_on_the_whole_text(monkeypatch, name, text):
    ruleset = RuleSet.load()
    fast = sorted((f.rule, f.start, f.end) for f in api.lint_text(text, name, ruleset))
    monkeypatch.setattr(RuleSet, "plan", _whole_text_plan)
    full = sorted((f.rule, f.start, f.end) for f in api.lint_text(text, name, RuleSet.load()))
    assert fast == full
    assert fast, name


FUZZY_RULE = """
[pack]
name = "fuzzy"
description = "A rule that uses the regex module's fuzzy matching"

[[rule]]
id = "fuzzy-miracle"
category = "hype"
severity = "warning"
markets = ["all"]
summary = "A miracle, even misspelt"
message = "'{match}' is hype."
rationale = "Miracle claims are hype."
suggestion = "Describe the result."
patterns = ['(?:miracle){e<=1} cure']

[[rule.references]]
title = "ASA"
url = "https://www.asa.org.uk/"

[rule.examples]
flag = ["A miracle cure.", "A miracxe cure."]
pass = ["A cure.", "A mxrxcle cure."]
"""


@pytest.mark.parametrize("repeat", [1, 120])  # a small page, and one read sparsely
def test_fuzzy_patterns_are_never_ruled_out_by_the_prefilter(tmp_path, repeat):
    """The literal analyses read patterns with re's parser, which takes {e<=1} for text: a
    fuzzy pattern gets no required strings and no relaxed form, so it runs everywhere."""
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "fuzzy.toml").write_text(FUZZY_RULE, encoding="utf-8")
    ruleset = RuleSet.load([folder], include_bundled=False)
    assert ruleset.index().unanchored
    page = tmp_path / "page.md"
    page.write_text("Calm copy about our clinic.\n\n" * repeat + "A miracxe cure for dull skin.\n",
                    encoding="utf-8")
    found = lint_file(str(page), ruleset, LintOptions()).findings
    assert [f.match for f in found] == ["miracxe cure"]
