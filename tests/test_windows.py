"""Rules run only in windows around their anchors; the findings are those of a whole-text scan."""
import pytest

from conftest import SAMPLE_RULES

from exolint.match import engine
from exolint.document import Document
from exolint.match.engine import check_document
from exolint.ruleset import RuleSet
from exolint.match.windows import MAX_MATCH, ends_inside_word, match_windows


def test_windows_merge_and_stay_linear():
    text = "word " * 10_000
    spans = [(i, i + 4) for i in range(0, len(text), 5)]  # an anchor on every word
    wins = match_windows(text, spans)
    assert wins == [(0, len(text))]
    far = match_windows(text, [(100, 104), (20_000, 20_004)])
    assert len(far) == 2 and far[0][0] == 0 and far[1][0] == 20_000 - MAX_MATCH


def test_window_end_moves_out_of_a_word():
    text = "a" * 330 + " tail"
    (start, end), = match_windows(text, [(0, 1)])
    assert end == 330  # moved past the word the window would have cut
    long_word = "a" * 2000
    (_, end), = match_windows(long_word, [(0, 1)])
    assert end < 2000  # bounded: never scans on through a giant "word"
    assert ends_inside_word("abc def", 2, 2) and not ends_inside_word("abc def", 3, 3)


@pytest.fixture(scope="module")
def rules():
    return RuleSet.load([SAMPLE_RULES], include_bundled=False)


@pytest.mark.parametrize("text", [
    "No side effects. " + "filler words here " * 200 + "Zero side effects and a miracle.",
    "nosideeffects miracles miracle-working no known side effects",
    "x" * 5000 + " miracle " + "y" * 5000,
    "\u0130stanbul miracle",  # lower() changes the length: whole-text fallback
])
def test_windowed_equals_whole_text(text, rules, monkeypatch):
    doc = Document.from_plain_text("t.txt", text)
    windowed = check_document(doc, rules)
    monkeypatch.setattr(engine, "match_windows", lambda t, spans, reach=0: [(0, len(t))])
    whole = check_document(Document.from_plain_text("t.txt", text), rules)
    assert [f.to_dict() for f in windowed] == [f.to_dict() for f in whole]
    assert windowed


def test_split_at_barriers():
    from exolint.match.windows import split_at

    assert list(split_at([(0, 10), (20, 30)], [5, 25, 40])) == [(0, 5), (5, 10), (20, 25), (25, 30)]
    assert list(split_at([(0, 10)], [])) == [(0, 10)] and list(split_at([(5, 10)], [5])) == [(5, 10)]
