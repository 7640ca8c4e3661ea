"""Shortcuts in finding sentence edges and match windows give the plain computation's answers."""
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from exolint import sentences
from exolint.match import windows
from exolint.sentences import MAX_REACH, sentence_begin, sentence_bounds, sentence_stop


def reference_begin(text: str, start: int) -> int:
    """sentence_begin as it was: the end of the last boundary in the whole window before."""
    lo = max(0, start - MAX_REACH)
    begin = lo
    for m in sentences._BOUNDARY.finditer(text, lo, start):
        begin = m.end()
    if begin == lo and lo > 0:
        space = text.find(" ", lo, start)
        if space >= 0:
            begin = space + 1
    return begin


PIECES = ["a", "b", "word", "Cap", " ", "  ", ".", "!", "?", '"', "'", ")", "]", ":", ";", "\t", "\n",
          "\n\n", " \n", "\n \n", "- ", "* ", "1. ", "2) ", "\u2022", "\u00c9", "e.g.", "x.y", "3.5"]
texts = st.lists(st.sampled_from(PIECES), max_size=200).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=6))
def test_sentence_begin_equals_the_whole_window_scan(text, starts):
    for start in starts:
        start = min(start, len(text))
        assert sentence_begin(text, start) == reference_begin(text, start), (text, start)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=3), st.sampled_from(PIECES), st.sampled_from(PIECES))
def test_long_texts_with_few_boundaries(tries, filler, sep):
    # many core characters that are no boundary ("3.5", "x.y"): the restarts run out
    text = ("x.y " * 150 + sep + filler * 40 + " claim here") * (tries + 1)
    for start in range(0, len(text), 37):
        assert sentence_begin(text, start) == reference_begin(text, start)


def test_bounds_are_begin_and_stop():
    text = "Intro. We do not claim it cures acne! Next one."
    s = text.index("cures")
    assert sentence_bounds(text, s, s + 5) == (sentence_begin(text, s), sentence_stop(text, s + 5))
    assert text[slice(*sentence_bounds(text, s, s + 5))] == " We do not claim it cures acne!"


def reference_windows(text, spans, reach):
    n = len(text)
    merged = []
    for s, e in sorted(spans):
        a, b = max(0, s - reach), min(n, e + reach)
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out = []
    for a, b in merged:
        limit = min(n, b + windows._SNAP)
        while b < limit and (text[b].isalnum() or text[b] == "_"):
            b += 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab_1 .\n\u00e9\u0663\u2163")), max_size=120),
       st.lists(st.tuples(st.integers(0, 120), st.integers(0, 6)), min_size=1, max_size=4),
       st.integers(min_value=1, max_value=40))
def test_match_windows_equal_the_plain_loops(text, raw, reach):
    n = len(text)
    spans = [(min(s, n), min(s + w, n)) for s, w in raw]
    assert windows.match_windows(text, spans, reach) == reference_windows(text, spans, reach)
    assert windows.match_windows(text, spans[:1], reach) == reference_windows(text, spans[:1], reach)


def test_word_run_is_isalnum_or_underscore():
    word = windows._WORD_RUN
    for code in range(0, sys.maxunicode + 1, 7):  # every 7th code point (all of them: 2 s)
        c = chr(code)
        assert bool(word.fullmatch(c)) == (c.isalnum() or c == "_"), hex(code)
