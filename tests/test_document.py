"""Positions: the normalised text rules see maps back exactly to the original file."""
import pytest

from exolint.document import Document, TextBuilder
from exolint.match.engine import check_document
from exolint.ruleset import RuleSet


@pytest.fixture(scope="module")
def rules():
    from conftest import SAMPLE_RULES
    return RuleSet.load([SAMPLE_RULES], include_bundled=False)


def findings(text, rules, markets=None):
    return check_document(Document.from_plain_text("t.txt", text), rules, markets)


def span(text, f):
    return text[f.start:f.end]


def test_match_across_line_break_reports_both_lines(rules):
    text = "Intro line.\nOur serum has no known\nside effects at all."
    [f] = findings(text, rules)
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 15, 3, 13)
    assert f.match == "no known\nside effects"
    assert span(text, f) == f.match


def test_nbsp_curly_and_soft_hyphen_do_not_hide_a_claim(rules):
    text = "It\u2019s gentle: no\u00a0known side ef\u00adfects."
    [f] = findings(text, rules)
    assert f.match == "no\u00a0known side ef\u00adfects"
    assert (f.line, f.column) == (1, 14)
    assert f.end_column == f.column + len(f.match)


def test_non_breaking_hyphen_and_zero_width_space(rules):
    text = "Made from umbilical\u2011cord\u200b derived exosomes."
    [f] = findings(text, rules)
    assert f.rule == "sample-human-origin"
    assert f.match == "umbilical\u2011cord\u200b derived"
    assert f.column == 11


def test_columns_count_characters_not_bytes(rules):
    text = "Ünïcödé — ✨ zero side effects ✨"
    [f] = findings(text, rules)
    assert f.column == text.index("zero") + 1
    assert f.match == "zero side effects"


def test_crlf_and_lone_cr_line_endings(rules):
    text = "line one\r\nline two\rthere are no known\r\nside effects"
    [f] = findings(text, rules)
    assert (f.line, f.column) == (3, 11)
    assert (f.end_line, f.end_column) == (4, 13)
    assert f.match == "no known\r\nside effects"


def test_negation_in_the_same_sentence_neutralises(rules):
    assert findings("We never claim zero side effects.", rules) == []
    # ...but not across a sentence boundary
    text = "We never lie. Zero side effects guaranteed."
    [f] = findings(text, rules)
    assert f.match == "Zero side effects"


def test_markets_restrict_rules(rules):
    text = "Serum of umbilical-cord derived exosomes."
    assert [f.rule for f in findings(text, rules)] == ["sample-human-origin"]
    assert findings(text, rules, frozenset({"US"})) == []
    [f] = findings(text, rules, frozenset({"UK"}))
    assert f.market == "UK"


def test_builder_decoded_entity_maps_to_whole_entity():
    source = "side&nbsp;effects"
    b = TextBuilder()
    b.add(0, "side")
    b.add_decoded(4, 10, "\u00a0")
    b.add(10, "effects")
    doc = b.build("x.html", source)
    assert doc.text == "side effects"
    assert doc.span_to_position(0, len(doc.text))[4:] == (0, len(source))
    assert doc.span_to_position(4, 5)[4:] == (4, 10)  # the space is the whole entity


def test_break_between_blocks_maps_to_no_source(rules):
    b = TextBuilder()
    b.add(0, "no known")
    b.add_break()
    b.add(20, "side effects")
    doc = b.build("x.md", "no known" + " " * 12 + "side effects")
    assert doc.text == "no known\n\nside effects"
    # a blank line is a sentence boundary, and \n\n is whitespace for patterns; the match
    # therefore spans the break but never maps outside the two pieces
    hits = check_document(doc, rules)
    for h in hits:
        assert doc.source[h.start:h.end] == h.match


def test_source_line():
    doc = Document.from_plain_text("t", "a\r\nb\rc\nd")
    assert [doc.source_line(i) for i in range(1, 5)] == ["a", "b", "c", "d"]
