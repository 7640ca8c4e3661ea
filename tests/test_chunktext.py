"""chunktext.render must give exactly the text the Markdown reader produces for a chunk it
accepts (emphasis characters aside, which it reports dropping), and refuse what it cannot model."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from exolint.match.chunktext import render
from exolint.sources import document_for

_DROPPED = re.compile(r"\*|(?<![^\W_])_|_(?![^\W_])")

LINES = [
    "No side effects at all.", "# A heading", "## Closed heading ##", "- an item", "* star item",
    "+ plus item", "1. first", "2. second", "2) paren", "   continued line", "    indented line",
    "***", "---", "===", "--", "-", "+", "foo_bar baz", "_emphasis_ here", "**bold** text",
    "exo**somes** work", "see [our page](/p/) today", "see [two\nlines](/x/)", "a `code` span",
    "`code` first", "ends with `code`", "trailing spaces  ", "#hashtag not heading", "5* rated",
    "[ref]: /url", "> quoted", "a | b", "&amp; entity", "back\\slash", "10x more results", "\tTabbed",
    "#", "1.", "3. third", "<b>html</b>", "![alt](img.png)", "~~gone~~", "  - nested item",
    "    - deep nested", "1986. A good year", "__strong__ words", "* * *", "_ _ _", "a_b_c", "x *",
    "word_", "10) ten", "0. zero", "- [link](/a/) item", "Ends with #", "### ", "-foo", "=foo",
]


def parsed_text(chunk: str) -> str:
    return document_for("x.md", "\n\n" + chunk).text.strip("\n")


def check(chunk: str) -> None:
    got = render(chunk)
    if got is None:
        return
    want = parsed_text(chunk)
    if got.dropped_star or got.dropped_underscore:
        want = _DROPPED.sub("", want)
    assert got.text == want, (chunk, got.text, want)


def test_simple_paragraph_heading_and_list():
    chunk = "# Title\nSome *copy* with [a link](/x/) and `code`\n- item one\n- item two\n"
    got = render(chunk)
    assert got is not None and got.dropped_star and not got.dropped_underscore
    assert got.text == "Title\n\nSome copy with a link and  \u2026 \n\nitem one\n\nitem two"
    check(chunk)


def test_refuses_what_it_cannot_model():
    for chunk in ("> quote", "a | b\n--|--", "&amp;", "x\\*y", "<span>x</span>", "![a](b)",
                  "[ref][1]", "para\n2. not an item", "~~x~~", "a\n\n    code", "    code"):
        assert render(chunk) is None, chunk


def test_intraword_underscore_kept():
    got = render("snake_case words")
    assert got is not None and got.text == "snake_case words" and not got.dropped_underscore


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=6))
def test_render_matches_the_markdown_reader(lines):
    check("\n".join(lines) + "\n")
