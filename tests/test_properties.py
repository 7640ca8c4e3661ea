"""Property-based tests: over random Unicode, Markdown and HTML, linting never raises, every
finding points at real text of the file, suppressions hide only their own rule, and the checked
files are never modified."""
import os

from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import SAMPLE_RULES

from exolint.api import LintOptions, lint_file, lint_text
from exolint.ruleset import RuleSet
from exolint.sources import ReaderError

RULES = RuleSet.load([SAMPLE_RULES], include_bundled=False)
RISKY = ["a miracle", "no known side effects", "zero side-effects", "breakthrough",
         "umbilical-cord derived", "human adipose stem cells", "MIRACLE-working"]
MARKUP = ["\n", "\n\n", "\r\n", "\r", "# ", "## ", "- ", "1. ", "> ", "*", "**", "_", "`", "```\n",
          "~~~\n", "[", "](http://x)", "<p>", "</p>", "<div>", "</div>", "<!--", "-->", "<br/>",
          "&amp;", "&nbsp;", "&#8217;", "&shy;", "\u00ad", "\u200b", "\ufeff", "\u2019", "---\n",
          "market: UK\n", "|", " | ", "\t", "    ", "<script>", "</script>", "{", "}", "\\"]
WORDS = st.sampled_from(RISKY + ["copy", "skin", "serum", "side", "effects", "no", "known"])
PIECES = st.one_of(WORDS, st.sampled_from(MARKUP), st.text(max_size=8))
DOCS = st.lists(PIECES, max_size=60).map("".join)
# text around a directive: markup that cannot swallow or close a comment or code block
SAFE_PIECES = st.one_of(WORDS, st.sampled_from(["\n", "\n\n", "# ", "- ", "*", "**", ". ", " "]))
SAFE_DOCS = st.lists(SAFE_PIECES, max_size=30).map("".join)
EXTENSIONS = st.sampled_from([".md", ".html", ".txt", ".mdx", ".htm"])
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                         HealthCheck.function_scoped_fixture])


def lint_or_reader_error(source, path):
    """lint_text; a ReaderError (e.g. unclosed front matter) is a clear, expected refusal."""
    try:
        return lint_text(source, path, RULES)
    except ReaderError:
        return []


def assert_sound(findings, source):
    for f in findings:
        assert 0 <= f.start < f.end <= len(source)
        assert source[f.start:f.end] == f.match
        assert f.line >= 1 and f.column >= 1
        assert (f.end_line, f.end_column) >= (f.line, f.column)


@SETTINGS
@given(source=st.text(max_size=400), ext=EXTENSIONS)
def test_random_unicode_never_raises_and_spans_are_real(source, ext):
    assert_sound(lint_or_reader_error(source, "page" + ext), source)


@SETTINGS
@given(source=DOCS, ext=EXTENSIONS)
@example(source="\x00a miracle", ext=".md")  # markdown-it turns NUL into U+FFFD
def test_random_markup_never_raises_and_spans_are_real(source, ext):
    assert_sound(lint_or_reader_error(source, "page" + ext), source)


@SETTINGS
@given(before=SAFE_DOCS, after=SAFE_DOCS, ext=st.sampled_from([".md", ".html", ".txt"]))
def test_suppression_hides_only_its_own_rule(before, after, ext):
    line = "A miracle with no known side effects."
    directive = {".md": "<!-- exolint-disable-next-line sample-miracle -- quoting a review -->",
                 ".html": "<!-- exolint-disable-next-line sample-miracle -- quoting a review -->",
                 ".txt": "exolint: disable-next-line sample-miracle -- quoting a review"}[ext]
    source = f"{before}\n\n{directive}\n{line}\n\n{after}"
    plain = f"{before}\n\n\n{line}\n\n{after}"
    with_directive = lint_text(source, "p" + ext, RULES)
    without = lint_text(plain, "p" + ext, RULES)
    offset = len(directive)  # the two sources differ only by the directive's text
    moved = {(f.rule, f.start + offset if f.start >= len(before) + 2 else f.start) for f in without
             if f.rule != "sample-miracle"}
    kept = {(f.rule, f.start) for f in with_directive if f.rule != "sample-miracle"}
    assert kept == moved  # other rules' findings are never hidden
    assert not any(f.rule == "sample-miracle" and f.line == source[:f.start].count("\n") + 1
                   and source.splitlines()[f.line - 1] == line for f in with_directive)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300) | DOCS.map(lambda s: s.encode("utf-8", "surrogatepass")),
       ext=EXTENSIONS)
def test_checked_files_are_never_modified(tmp_path_factory, data, ext):
    path = tmp_path_factory.mktemp("p") / ("page" + ext)
    path.write_bytes(data)
    past = 1_000_000_000
    os.utime(path, ns=(past * 10**9, past * 10**9))
    result = lint_file(str(path), RULES, LintOptions())
    assert path.read_bytes() == data
    assert os.stat(path).st_mtime_ns == past * 10**9
    assert result.checked or result.errors or result.notes
