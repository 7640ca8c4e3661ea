"""Markdown and front matter: what is copy, and exact positions of matches in it."""
import pytest

from exolint.sources import ReaderError, document_for

from sources_helpers import lint, spots

NSE = "sample-no-side-effects"


def test_match_across_emphasis_and_line_wrap_points_at_the_source():
    src = "Intro line.\n\nOur serum has no *known* side\neffects at all.\n"
    assert spots(lint("a.md", src)) == [(NSE, 3, 15, 4, 8, "no *known* side\neffects")]


def test_match_after_yaml_front_matter_and_in_its_title():
    src = ("---\ntitle: Zero side effects serum\nauthor: no side effects here\nmarket: UK\n---\n\n"
           "# Heading\n\nThere are no side effects.\n")
    found = lint("a.md", src)
    assert spots(found) == [
        (NSE, 2, 8, 2, 25, "Zero side effects"),
        (NSE, 9, 11, 9, 26, "no side effects"),
    ]  # author is not a copy field
    assert {f.market for f in found} == {"UK"}


def test_toml_front_matter_fields_and_market():
    src = '+++\ntitle = "Zero side effects"\nlocale = "de-DE"\n+++\nBody.\n'
    found = lint("a.md", src)
    assert spots(found) == [(NSE, 2, 10, 2, 27, "Zero side effects")]
    assert found[0].market == "EU"


def test_og_and_twitter_fields_are_copy_and_configurable():
    src = "---\nog_description: zero side effects\nteaser: zero side effects\n---\n"
    assert [f.line for f in lint("a.md", src)] == [2]
    doc = document_for("a.md", src, copy_fields=["teaser"])
    assert "zero side effects" in doc.text and doc.text.count("zero side effects") == 1


def test_image_alt_text_heading_list_table_quote_link_and_footnote():
    src = ("# No side effects\n\n"
           "![Zero side effects, promised](img/no-side-effects.png)\n\n"
           "- item: no side effects\n\n"
           "| a | b |\n|---|---|\n| x | zero side-effects |\n\n"
           "> no side effects, says Jane\n\n"
           "[no side effects](https://example.com/no-side-effects)\n\n"
           "Text.[^1]\n\n[^1]: Zero side effects in trials.\n")
    assert [(f.line, f.column, f.match) for f in lint("a.md", src)] == [
        (1, 3, "No side effects"),
        (3, 3, "Zero side effects"),
        (5, 9, "no side effects"),
        (9, 7, "zero side-effects"),
        (11, 3, "no side effects"),
        (13, 2, "no side effects"),
        (17, 7, "Zero side effects"),
    ]


def test_code_urls_html_and_comments_are_not_copy():
    src = ("```\nno side effects\n```\n\n"
           "    no side effects (indented code)\n\n"
           "Inline `no side effects` code and <https://x.test/no-side-effects>.\n\n"
           "<!-- no side effects -->\n\n"
           "<div data-note=\"no side effects\"></div>\n")
    assert lint("a.md", src) == []


def test_inline_code_does_not_join_the_words_around_it():
    doc = document_for("a.md", "no `x` side effects\n")
    assert "no side effects" not in " ".join(doc.text.split())


def test_raw_html_block_text_is_copy():
    src = "<p>Zero <b>side</b> effects</p>\n"
    assert spots(lint("a.md", src)) == [(NSE, 1, 4, 1, 28, "Zero <b>side</b> effects")]


def test_blocks_never_join_into_one_sentence():
    src = "# Zero side\n\neffects of nothing\n"
    assert lint("a.md", src) == []


def test_crlf_file_positions():
    src = "---\r\ntitle: Hi\r\n---\r\n\r\nSome text with\r\nno *known* side\r\neffects.\r\n"
    assert spots(lint("a.md", src)) == [(NSE, 6, 1, 7, 8, "no *known* side\r\neffects")]


def test_entity_and_escape_in_markdown():
    src = "Truly no side&nbsp;effects. Also: zero side\\-effects.\n"
    assert [(f.column, f.end_column, f.match) for f in lint("a.md", src)] == [
        (7, 27, "no side&nbsp;effects"), (35, 53, "zero side\\-effects")]


@pytest.mark.parametrize("src, where", [
    ("---\ntitle: [unclosed\n---\nbody\n", "line 2"),
    ("---\ntitle: ok\n", "never closed"),
    ("+++\ntitle = \n+++\n", "line 2"),
    ("---\n- a list\n---\n", "mapping"),
])
def test_broken_front_matter_is_a_reader_error(src, where):
    with pytest.raises(ReaderError, match=where):
        document_for("a.md", src)


def test_broken_front_matter_is_an_error_for_that_file_only(tmp_path, run_cli, sample_rules):
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nNo side effects.\n")
    (tmp_path / "good.md").write_text("No side effects.\n")
    code, out, err = run_cli("check", "--no-bundled-rules", "--rules", sample_rules, tmp_path)
    assert code == 2
    assert "bad.md" in out and "invalid YAML front matter (line 2)" in out
    assert "good.md:1:1" in out
    assert "Traceback" not in err
