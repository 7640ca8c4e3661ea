"""Copy nested past markdown-it's nesting limit is still checked, and deep nesting costs time
linear in the size of the page (issue 18)."""
import time

import pytest

from conftest import SAMPLE_RULES

from exolint.api import LintOptions, lint_source
from exolint.ruleset import RuleSet
from exolint.sources import document_for

RISKY = "Our serum is a miracle for tired skin."


@pytest.fixture(scope="module")
def rules():
    return RuleSet.load([SAMPLE_RULES], include_bundled=False)


def findings(text, rules, name="page.md"):
    return [(f.rule, f.line, f.column) for f in lint_source(name, text, rules, LintOptions(jobs=1))]


def nested_list(depth: int, last: str) -> str:
    lines = ["  " * i + f"- level {i}" for i in range(depth)]
    return "\n".join(lines) + "\n" + "  " * depth + f"- {last}\n"


@pytest.mark.parametrize("name", ["page.md", "page.mdx"])
@pytest.mark.parametrize("depth", [9, 10, 11, 30])
def test_risky_item_deep_in_a_list_is_flagged_where_it_is(rules, depth, name):
    col = 2 * depth + 2 + RISKY.index("miracle") + 1
    assert findings(nested_list(depth, RISKY), rules, name) == [("sample-miracle", depth + 1, col)]


@pytest.mark.parametrize("depth", [19, 20, 21, 30, 500])
def test_risky_sentence_deep_in_quotes_is_flagged(rules, depth):
    text = "> " * depth + RISKY + "\n"
    assert findings(text, rules) == [("sample-miracle", 1, 2 * depth + RISKY.index("miracle") + 1)]


def test_one_line_of_thirty_nested_list_markers(rules):
    text = "- " * 30 + RISKY + "\n"
    assert findings(text, rules) == [("sample-miracle", 1, 61 + RISKY.index("miracle"))]


@pytest.mark.parametrize("deep", [
    nested_list(30, "level 30"),
    "- " * 40 + "item\n",
    "\n\n".join("> " * d + f"quote {d}" for d in range(40)),
])
def test_copy_after_a_deeply_nested_block_is_still_read(rules, deep):
    """Past the limit the parser used to skip to the end of the enclosing block: the page's end."""
    text = deep + "\n\n# Results\n\n" + RISKY + "\n\nAnother miracle here.\n"
    lines = text.count("\n")
    got = findings(text, rules)
    assert [r for r, _, _ in got] == ["sample-miracle", "sample-miracle"]
    assert got[-1][1] == lines  # the last line


def test_every_item_of_a_deep_sawtooth_list_is_copy():
    text = "".join("  " * (i % 60) + f"- item{i}\n" for i in range(3000))
    doc = document_for("page.md", text)
    assert all(f"item{i}" in doc.text for i in range(3000))


def test_deep_quote_inside_deep_list_keeps_its_words():
    text = "".join("  " * i + "- level\n" for i in range(25)) + "  " * 25 + "> " * 25 + "last words\n"
    assert "last words" in document_for("page.md", text).text


def _parse_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):  # best of three: robust on a busy machine
        start = time.perf_counter()
        document_for("page.md", text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", [
    lambda n: "".join("  " * (i % 60) + "- item\n" for i in range(n)),  # items nested 60 deep
    lambda n: "- " * n + "item\n",  # one line of nested lists
    lambda n: "> " * n + "deep\n",  # one line of nested quotes
])
def test_deep_nesting_is_linear(shape):
    small, large = _parse_seconds(shape(2_000)), _parse_seconds(shape(8_000))
    # 4x the input: linear is ~4x, quadratic ~16x; a generous bound for a noisy machine
    assert large < max(10 * small, 0.5), (small, large)
