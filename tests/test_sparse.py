"""Blanking quiet chunks before parsing: same offsets, same findings, less work."""
from conftest import SAMPLE_RULES

import pytest

from exolint.api import LintOptions, lint_file, lint_text
from exolint.ruleset import RuleSet
from exolint.match.sparse import MIN_SIZE, chunks, quiet_blocks_blanked


@pytest.fixture(scope="module")
def rules():
    return RuleSet.load([SAMPLE_RULES], include_bundled=False)


FILLER = "Helps skin feel softer and look brighter after a course of facials.\n" * 4


def page(*blocks: str) -> str:
    body = "\n\n".join(blocks) + "\n"
    while len(body) < MIN_SIZE:
        body = body + "\n" + FILLER
    return body


def test_blanked_text_keeps_length_and_line_breaks(rules):
    src = page("---\nmarket: UK\n---", "# Title", FILLER, "A miracle\r\nserum.", FILLER, "End\r")
    out = quiet_blocks_blanked(src, rules)
    assert out is not None and len(out) == len(src)
    assert [i for i, c in enumerate(out) if c in "\r\n"] == [i for i, c in enumerate(src) if c in "\r\n"]
    assert "A miracle\r\nserum." in out and "market: UK" in out  # anchor chunk and front matter kept
    # the block right above a kept chunk is kept as its possible lead-in (a list's "Ideal for:"),
    # every other quiet block is blanked
    before, after = out.split("A miracle", 1)
    assert before.count("Helps skin") == FILLER.count("Helps skin") and "Title" not in before
    assert "Helps skin" not in after


def test_no_cut_inside_fences_raw_html_or_indented_continuations():
    src = ("intro\n\n```\ncode\n\nmore code\n```\n\n<!-- a\n\ncomment -->\n\n- item\n\n  continued\n\n"
           "    indented code\n\nlast\n")
    spans = [src[s:e] for s, e, _ in chunks(src)]
    assert "```\ncode\n\nmore code\n```\n" in spans
    assert "<!-- a\n\ncomment -->\n" in spans
    assert any(s.startswith("- item") and "continued" in s and "indented code" in s for s in spans)


def test_unclosed_fence_runs_to_the_end():
    src = "para\n\n```\nopen fence\n\nnever closed\n"
    assert [src[s:e] for s, e, _ in chunks(src)][-1] == "```\nopen fence\n\nnever closed\n"


@pytest.mark.parametrize("ext", [".md", ".txt"])
def test_findings_identical_with_and_without_blanking(tmp_path, rules, ext):
    src = page("# Our *miracle* facial", FILLER, "- no known\n  side effects", FILLER,
               "> Zero side-effects, she said.", "```\nno side effects in code\n```", FILLER,
               "Made with **umbilical-cord derived** cells \u2014 a breakthrough.")
    path = tmp_path / f"page{ext}"
    path.write_text(src, encoding="utf-8")
    fast = lint_file(str(path), rules, LintOptions())
    full = lint_text(src, str(path), rules)
    assert [f.to_dict() for f in fast.findings] == [f.to_dict() for f in full]
    assert len(full) >= 4
    assert all(src[f.start:f.end] == f.match for f in fast.findings)


# -- keeping only chunks where a pattern matches, parsing only those ----------------------------
def _full_parse_findings(path, rules):
    from exolint.api import LintReport, lint_document
    from exolint.sources import document_for

    source = path.read_text(encoding="utf-8")
    doc = document_for(str(path), source)
    return [(f.line, f.column, f.end_line, f.end_column, f.rule)
            for f in lint_document(doc, rules, LintOptions(), LintReport())]


def test_chunks_with_anchor_words_but_no_match_are_blanked(rules):
    # "side" and "effects" both occur, but the pattern does not match: the chunk is not parsed
    src = page("# Title", "Our side room has effects lighting and no known issues.", FILLER)
    out = quiet_blocks_blanked(src, rules)
    assert out is not None and "side room" not in out


@pytest.mark.parametrize("risky", [
    "No **known** side effects.", "Try [our miracle](/serum/) serum.", "## A breakthrough\nfor skin",
    "- first\n- zero side\n  effects", "A `code` miracle", "exo**somes**: a miracle", "> quoted miracle",
    "| a | miracle |\n|---|---|", "A miracle &amp; more", "Our no side\n\neffects heading split",
])
def test_sparse_reading_finds_what_a_full_parse_finds(rules, tmp_path, risky):
    src = page("---\ntitle: A page\n---", "# Title", FILLER, risky, FILLER, "Last *words* here.")
    path = tmp_path / "page.md"
    path.write_text(src, encoding="utf-8")
    sparse = lint_file(str(path), rules, LintOptions())
    got = [(f.line, f.column, f.end_line, f.end_column, f.rule) for f in sparse.findings]
    assert got == _full_parse_findings(path, rules)
    assert got or "split" in risky  # no match runs across a blank line (a block boundary)


def test_directive_positions_are_those_of_the_source(rules, tmp_path):
    src = page("# Title", FILLER, "<!-- exolint-disable-next-line -->\nA miracle cream.", FILLER,
               "Another miracle.")
    path = tmp_path / "page.md"
    path.write_text(src, encoding="utf-8")
    got = [(f.line, f.rule) for f in lint_file(str(path), rules, LintOptions()).findings]
    assert got == [(f[0], f[4]) for f in _full_parse_findings(path, rules)]


def test_long_files_are_checked_in_batches_with_the_same_result(rules, tmp_path, monkeypatch):
    import exolint.match.sparse as sparse

    src = page(*(["No known side\neffects."] + [FILLER] * 30 + ["A miracle serum."] + [FILLER] * 30
                 + ["Zero side effects, a breakthrough."]))
    path = tmp_path / "long.md"
    path.write_text(src, encoding="utf-8")
    whole = sparse.matched_chunks(src, sparse.chunks(src), rules)
    monkeypatch.setattr(sparse, "BATCH", 500)
    assert sparse.matched_chunks(src, sparse.chunks(src), rules) == whole
    got = [(f.line, f.column, f.end_line, f.end_column, f.rule)
           for f in lint_file(str(path), rules, LintOptions()).findings]
    assert len(got) == 4 and got == _full_parse_findings(path, rules)


def test_no_match_joins_chunks_that_were_apart(rules, tmp_path):
    # the title ends in "no" and, far below, a kept paragraph starts with "side effects": with the
    # chunks between left out they are adjacent in the parsed text, but no match may join them
    src = page("---\ntitle: Our promise is no\n---", FILLER, FILLER,
               "side effects are rare with our miracle serum.", FILLER)
    path = tmp_path / "page.md"
    path.write_text(src, encoding="utf-8")
    got = [(f.line, f.column, f.end_line, f.end_column, f.rule)
           for f in lint_file(str(path), rules, LintOptions()).findings]
    assert got == _full_parse_findings(path, rules)
    assert [r for *_, r in got] == ["sample-miracle"]


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["word", "two words ", " ", "\t", "\n", "\n\n", "  \n", "- item", "# head",
                           "\u00a0", "\u2028", "x\n   y", "\n\t\n", "1. one", "```\n", "~~~~\n",
                           "```py `x`\n", "<!--", "-->", "<script>", "</script>", "<PRE>", "</pre>",
                           "    code\n", "<style>", "</style>\n", "\r\n", "\r"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join).filter(lambda s: not s.startswith(("---", "+++"))))
def test_fast_chunk_paths_cut_like_the_line_walk(source):
    """Pages are cut by one regex pass (no multi-line construct), by that pass plus a walk over
    the blocks that may open or close one, or (with CR line ends) line by line: all three must
    give the line walk's chunks."""
    from exolint.match import sparse

    assert sparse.chunks(source) == sparse._walk_lines(source, 0, [])


# -- property: sparse reading never changes a result ------------------------------------------
_BUNDLED = None


def _bundled():
    global _BUNDLED
    if _BUNDLED is None:
        _BUNDLED = RuleSet.load()
    return _BUNDLED


_PHRASES = ["no known side effects", "100% safe", "up to 600% more collagen", "heals eczema",
            "human umbilical cord exosomes", "injected into the dermis", "better than Botox",
            "clinically proven", "FDA approved", "a miracle serum", "IV drip", "3x more",
            "results after one session", "we do not use human-derived exosomes"]
_MARKS = ["\n", "\n\n", "# ", "## ", "- ", "1. ", "2) ", "+ ", "* ", "*", "**", "_", "`", "[", "](/x)",
          "][1]", "[^1]", "![", "<b>", "</b>", "&amp;", "\u2019", "\u00a0", "  ", "\t", "|", "> ",
          "===\n", "---\n", "\\", ". ", "\n   ", "  \n", "\n    code\n", "\u2014", "\u201cq\u201d"]
_PAGE_PIECES = st.one_of(st.sampled_from(_PHRASES), st.sampled_from(_MARKS),
                         st.sampled_from(["skin", "serum", "side", "effects", "our", "exosome"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(_PAGE_PIECES, min_size=1, max_size=40).map("".join))
def test_sparse_reading_equals_a_full_parse_on_random_pages(tmp_path_factory, body):
    src = page("# A page", FILLER, body, FILLER, body.upper(), FILLER)
    path = tmp_path_factory.mktemp("sparse") / "page.md"
    path.write_text(src, encoding="utf-8")
    rules = _bundled()
    got = [(f.line, f.column, f.end_line, f.end_column, f.rule)
           for f in lint_file(str(path), rules, LintOptions()).findings]
    assert got == _full_parse_findings(path, rules)


def test_no_match_runs_across_a_blank_line(rules):
    # the phrase is split over two paragraphs: two blocks, no claim, in every mode
    assert lint_text("Our serum has no known side\n\neffects on the budget.", "p.md", rules) == []
    assert lint_text("Our serum has no known side\neffects.", "p.md", rules)  # a wrapped line: a claim


def test_relaxed_twins_point_to_a_pattern_with_the_same_relaxed_form():
    from exolint.ruleset import RuleSet

    rs = RuleSet.load()
    twins = rs.relaxed_twins()
    refs = rs.index().refs
    assert len(twins) == len(refs)
    shared = 0
    for i, t in enumerate(twins):
        assert t <= i and twins[t] == t
        if t != i:
            shared += 1
            a, b = rs.relaxed(i), rs.relaxed(t)
            assert a is not None and b is not None
            assert a[0].pattern == b[0].pattern and a[0].flags == b[0].flags and a[1:3] == b[1:3]
    assert shared > 0  # the bundled lexicons share patterns between rules


def test_a_page_holding_the_screen_sentinel_is_parsed_whole(tmp_path):
    """The page screen joins chunks around a NUL line; a page that holds NUL itself (only
    possible through the API: files with NUL bytes are skipped as binary) is parsed in full."""
    from exolint.api import lint_text
    from exolint.match.sparse import candidate_chunks

    page = ("Calm intro paragraph about our clinic.\n\n" * 60) + "No known side effects\x00 here.\n"
    ruleset = RuleSet.load()
    assert candidate_chunks(page, chunks(page), ruleset) is None
    assert any(f.rule == "no-side-effects" for f in lint_text(page, "page.md", ruleset))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab [!^]&<>|~\\\r\t\n \x0b\x0c\x1c\x85\xa0\u200b\u00ad\ufeff\x00")),
               max_size=12))
def test_fast_character_checks_equal_their_regexes(text):
    import exolint.match.sparse as sp
    from exolint.match import windows

    if "\x00" not in text:  # (chunks never hold NUL: a page that does is parsed whole)
        assert sp._screen_unsafe(text) == bool(sp._SCREEN_UNSAFE.search(text))
    if text.isascii():
        assert sp._screen_unsafe(text) == bool(sp._SCREEN_UNSAFE.search(text))
    assert windows.odd_space(text) == bool(windows._ODD_SPACE.search(text))


_PIECE_CHARS = list("ab [!^]&<>|~`\\\r\t \x0b\x1c\x85\u200b\u00ad*_0")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_PIECE_CHARS), min_size=1, max_size=10),
                min_size=1, max_size=8))
def test_page_wide_unsafe_check_flags_the_chunks_a_check_per_chunk_flags(pieces):
    """``_unsafe_chunks`` searches a page once; it must flag exactly the chunks ``_screen_unsafe``
    flags one at a time (pages of ASCII and not)."""
    import exolint.match.sparse as sp

    spans, at = [], 0
    for piece in pieces:
        spans.append((at, at + len(piece), False))
        at += len(piece) + 2
    source = "\n\n".join(pieces)
    page = sp._SEPARATOR_LINE.join(source[a:b] for a, b, _ in spans)
    assert sp._unsafe_chunks(page, spans) == {i for i, p in enumerate(pieces) if sp._screen_unsafe(p)}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZq09 \t\n\r\x0b\x1c*_`[]\\.-\x00")), max_size=30))
def test_one_pass_ascii_scan_equals_the_str_scan(text):
    from exolint.ruleset.literals import scan_ascii, scan_text
    from exolint.match.sparse import MARKUP_BYTES

    deleted = text.encode().translate(None, MARKUP_BYTES).decode()
    assert scan_ascii(text.encode(), MARKUP_BYTES) == scan_text(deleted.lower())[0]
    assert scan_ascii(text.encode()) == scan_text(text.lower())[0]


def test_blocks_with_construct_characters_are_found_without_slicing_each():
    import exolint.match.sparse as sp

    source = "intro\n\n```\ncode\n\nmore code\n```\n\nplain\n\na <b>tag</b>\n\nx ~ y\n"
    blocks = sp._blank_line_chunks(source, 0, [])
    starts = [a for a, _b, _always in blocks]
    assert sp._pieces_holding(source, starts, sp._CONSTRUCT_CHARS) == {1, 2, 4, 5}
    assert sp.chunks(source) == sp._walk_lines(source, 0, [])
