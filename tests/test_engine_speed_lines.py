"""Lines and columns counted from the source (few lookups) equal the whole-source line index."""
import bisect
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from exolint import document
from exolint.document import Document

_BREAK = re.compile(r"\r\n|\r|\n")


def reference_starts(source: str) -> list[int]:
    """The line index as it always was: a line starts after each \\r\\n, \\r or \\n."""
    return [0] + [m.end() for m in _BREAK.finditer(source)]


def reference_line_col(source: str, offset: int) -> tuple[int, int]:
    starts = reference_starts(source)
    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def reference_line(source: str, line: int) -> str:
    starts = reference_starts(source)
    if line < 1 or line > len(starts):
        return ""
    stop = starts[line] if line < len(starts) else len(source)
    return source[starts[line - 1]:stop].rstrip("\r\n")


def doc_of(source: str) -> Document:
    return Document(path="x", source=source, text=source, segments=[])


sources = st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "\r", "\u00e9", "\u2028"]),
                  max_size=60)
# mostly CR-free or CRLF text (the counted path), sometimes with lone CRs (the index path)
crlf_sources = st.lists(st.sampled_from(["ab", "c", " ", "\n", "\r\n", "\n\n", "\u00e9"]),
                        max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(sources, crlf_sources), st.lists(st.integers(min_value=0, max_value=70), max_size=12),
       st.lists(st.integers(min_value=-1, max_value=40), max_size=8))
def test_line_col_and_source_line_equal_the_index(source, offsets, lines):
    doc = doc_of(source)
    for o in offsets:  # any order: forwards, backwards, past the end
        assert doc.line_col(o) == reference_line_col(source, o), (source, o)
    for n in lines:
        assert doc.source_line(n) == reference_line(source, n), (source, n)
    assert list(document._line_starts(source)) == reference_starts(source)


@settings(max_examples=100, deadline=None)
@given(st.one_of(sources, crlf_sources), st.lists(st.integers(min_value=0, max_value=70), max_size=8))
def test_in_order_lookups_then_lines(source, offsets):
    doc = doc_of(source)
    for o in sorted(offsets):
        line, col = doc.line_col(o)
        assert (line, col) == reference_line_col(source, o)
        for n in range(line, line + 5):
            assert doc.source_line(n) == reference_line(source, n)


def test_many_lookups_switch_to_the_index():
    source = "".join(f"line {i}\r\n" for i in range(300))
    doc = doc_of(source)
    for o in range(0, len(source), 7):
        assert doc.line_col(o) == reference_line_col(source, o)
    assert list(doc._line_starts) == reference_starts(source)  # built after the counted lookups
    for n in (0, 1, 150, 300, 301, 302):
        assert doc.source_line(n) == reference_line(source, n)


def test_far_lines_and_lone_cr():
    source = "\n".join(f"l{i}" for i in range(100)) + "\n"
    doc = doc_of(source)
    assert doc.line_col(3) == reference_line_col(source, 3)
    assert doc.source_line(90) == "l89"  # far from any counted line: the index is built
    assert doc.source_line(101) == "" and doc.source_line(100) == "l99"
    lone = "a\rb\r\nc\nd\r"
    doc = doc_of(lone)
    for o in range(len(lone) + 2):
        assert doc.line_col(o) == reference_line_col(lone, o)
    for n in range(7):
        assert doc.source_line(n) == reference_line(lone, n)


def test_a_new_source_is_counted_again():
    doc = doc_of("a\nb\nc")
    assert doc.line_col(4) == (3, 1)
    doc.source = "a\n\n\nb\nc"  # e.g. sparse reading swaps the source and resets the index
    doc._line_starts = None
    assert doc.line_col(5) == (4, 2) == reference_line_col(doc.source, 5)
    assert doc.source_line(4) == "b"
