"""The language server's pure parts: positions in UTF-16, suppression comments per format,
suggested wording, options, and lint_buffer against lint_file (no server process here)."""
from __future__ import annotations

import pytest

from exolint.api import LintOptions, lint_buffer, lint_file, lint_text
from exolint.config.settings import Config
from exolint.server.positions import UTF8, UTF16, UTF32, LineIndex
from exolint.server.suppression import REASON_PLACEHOLDER, suppression_for


def test_utf16_positions_count_astral_characters_as_two_units():
    text = "a\U0001F600b\r\n\U0001F600\U0001F600 no side effects\rlast \u00e9 line\n"
    index = LineIndex(text, UTF16)
    phrase = text.index("no side effects")
    assert index.position(phrase) == (1, 5)  # two surrogate pairs and a space
    assert index.position(text.index("b")) == (0, 3)
    assert index.position(text.index("last")) == (2, 0)  # a lone CR ends a line too
    assert index.position(text.index("line")) == (2, 7)  # U+00E9 is one unit
    assert index.offset(1, 5) == phrase
    assert LineIndex(text, UTF32).position(phrase) == (1, 3)
    assert LineIndex(text, UTF8).position(phrase) == (1, 9)


def test_only_lsp_line_breaks_start_lines():
    # str.splitlines would also break at U+2028 and a form feed; LSP does not
    text = "one\u2028two\x0cthree\nfour"
    index = LineIndex(text)
    assert index.position(text.index("three")) == (0, 8)
    assert index.position(text.index("four")) == (1, 0)
    assert index.line_text(0) == "one\u2028two\x0cthree"


def _apply(text: str, line: int, column: int, insert: str) -> str:
    index = LineIndex(text)
    at = index.starts[line] + column
    return text[:at] + insert + text[at:]


@pytest.mark.parametrize("path, text, comment_start", [
    ("page.md", "# Title\n\nOur serum has no side effects.\n", "<!-- exolint-disable-next-line"),
    ("page.md", "Intro line of a paragraph\nthat goes on: no side effects here.\n", "<!--"),
    ("page.md", "- first item\n  - nested: no side effects at all\n", "  <!--"),
    ("page.md", "# T\r\n\r\nOur serum has no side effects.\r\n", "<!--"),
    ("page.html", "<main>\n  <p>Our serum has no side effects.</p>\n</main>\n", "  <!--"),
    ("page.mdx", "import X from './x'\n\n# T\n\nOur serum has no side effects.\n", "{/*"),
    ("notes.txt", "Our serum has no side effects.\n", "exolint: disable-next-line"),
    ("page.md", "---\ntitle: No side effects serum\n---\n\nBody copy.\n", "<!-- exolint-disable-file"),
    ("page.md", "---\ntitle: No side effects serum\n---", "<!-- exolint-disable-file"),
])
def test_suppression_comment_silences_exactly_that_finding(path, text, comment_start):
    before = [f for f in lint_text(text, path) if f.rule == "no-side-effects"]
    assert before, "the example must have the finding to suppress"
    index = LineIndex(text)
    line = index.position(before[0].start)[0]
    ins = suppression_for(path, index, line, "no-side-effects")
    assert ins.text.strip().startswith(comment_start.strip())
    assert REASON_PLACEHOLDER in ins.text and "no-side-effects" in ins.text
    if "\r\n" in text:
        assert ins.text.endswith("\r\n")
    after = lint_text(_apply(text, ins.line, ins.column, ins.text), path)
    assert not [f for f in after if f.rule == "no-side-effects"]
    # the placeholder is a reason: no "suppression without a reason" finding, nothing unused
    assert not [f for f in after if f.category == "exolint"]


def test_suggested_wording_is_the_quoted_example():
    pytest.importorskip("lsprotocol", reason="the lsp extra (lsprotocol) is not installed")
    from exolint.server.actions import suggested_wording

    assert suggested_wording("Qualify it: 'Applied to the skin's surface after your facial.'") == \
        "Applied to the skin's surface after your facial."
    assert suggested_wording("Say what the study measured, and in how many people.") == \
        "Say what the study measured, and in how many people."


def test_initialization_options_are_checked():
    from exolint.server.options import ServerOptions, merge_initialization

    opts, errors = merge_initialization(ServerOptions(), {"markets": "uk,GB", "debounceMs": 50})
    assert opts.markets == frozenset({"UK"}) and opts.debounce == 0.05 and not errors
    opts, errors = merge_initialization(ServerOptions(), {"markets": ["XX"], "diagnosticMode": "x",
                                                          "ruleUrl": "http://no-placeholder"})
    assert opts.markets is None and opts.diagnostic_mode == "auto"
    assert len(errors) == 3 and "unknown market 'XX'" in errors[0]


def test_lint_buffer_equals_lint_file(tmp_path):
    (tmp_path / "exolint.toml").write_text(
        'markets = ["UK"]\n[[overrides]]\npaths = ["blog/**"]\nseverity = { absolute_safety = "info" }\n',
        encoding="utf-8")
    (tmp_path / "blog").mkdir()
    page = tmp_path / "blog" / "post.md"
    text = ("---\ntitle: Our clinic\n---\n\n# Results \U0001F600\n\nOur serum has no side effects "
            "and is clinically proven to reverse ageing.\n\n<!-- exolint-disable-next-line hype -->\n"
            "Revolutionary miracle glow.\n")
    page.write_text(text, encoding="utf-8")
    options = LintOptions(config=Config())
    from_file = lint_file(str(page), __import__("exolint.api").api.default_ruleset(), options)
    from_buffer = lint_buffer(str(page), text, None, options)
    assert from_file.findings and from_buffer.findings == sorted(from_file.findings, key=lambda f: f.sort_key())
    assert {f.severity for f in from_buffer.findings if f.category == "absolute_safety"} == {"info"}


def test_lint_buffer_reports_a_bad_config_instead_of_nothing(tmp_path):
    (tmp_path / "exolint.toml").write_text('markets = ["Mars"]\n', encoding="utf-8")
    result = lint_buffer(str(tmp_path / "a.md"), "no side effects", None,
                         LintOptions(config=Config()))
    assert result.files_checked == 0 and "unknown market 'Mars'" in result.errors[0].message


def test_rule_subsets_follow_a_reloaded_rule_set():
    """A long-running server reloads rule sets; a new one may get a dropped one's id."""
    from exolint import perfile
    from exolint.config.settings import FileSettings
    from exolint.ruleset import RuleSet

    new = RuleSet.load()
    old = RuleSet(new.rules[:1])
    settings = FileSettings(select=["absolute_safety"])
    key = (id(new), ("absolute_safety",), ())
    perfile._SUBSETS[key] = (old, old.subset(lambda r: False))  # as if `old` had had new's id
    try:
        sub = perfile.ruleset_for(new, settings)
        assert len(sub.rules) > 1 and {r.category for r in sub.rules} == {"absolute_safety"}
    finally:
        perfile.forget_subsets()
