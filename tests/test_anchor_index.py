"""The conjunctive prefilter: required word groups per pattern, and where a pattern may match."""
import regex

from exolint.ruleset.index import AnchorIndex, PatternRef
from exolint.ruleset.patterns import compile_pattern, pattern_reach, required_groups


def test_required_groups_are_a_conjunction_of_alternatives():
    assert set(required_groups("no (?:known )?side[- ]effects")) == {frozenset({"side"}), frozenset({"effects"})}
    groups = required_groups("better than (?:botox|prp|fillers?)")
    assert frozenset({"botox", "prp", "filler"}) in groups and frozenset({"better"}) in groups


def test_factored_prefixes_are_glued_back():
    # the parser turns "outperform|outdo" into "out" + (perform|do); the group must say so
    groups = required_groups(r"(?:outperform|outclass)\w*|outdo(?:es|ne)?")
    assert frozenset({"outperform", "outclass", "outdo"}) in groups


def test_short_words_only_still_give_a_group():
    assert required_groups(r"(?:via|by) (?-i:IV)\b") is not None


def test_reach_is_the_longest_match():
    assert pattern_reach("wound[- ]healing") == len("wound healing")  # one hyphen or space
    assert pattern_reach("wound healing") == len("woundhealing") + 12  # a whitespace run: up to 12
    assert pattern_reach(r"heal\w*") == 300  # unbounded: the window cap


def index_for(*patterns):
    refs = [PatternRef(0, i, required_groups(p), pattern_reach(p)) for i, p in enumerate(patterns)]
    return AnchorIndex(refs)


def test_pivots_need_every_group_close_together():
    idx = index_for("no (?:known )?side[- ]effects")
    assert idx.pivots("there are no known side effects.") != {}
    far = "side notes. " + "x " * 200 + "these effects are temporary."
    assert idx.pivots(far) == {}
    assert not idx.any_satisfied("side by side")


def test_every_match_lies_in_a_window_around_a_pivot():
    pattern = "(?:up to )?\\d+% more collagen"
    idx = index_for(pattern)
    text = "Filler text. Up to 600% more\ncollagen in weeks. And 300% more collagen."
    piv = idx.pivots(text.lower())[0]
    compiled = compile_pattern(pattern)
    reach = pattern_reach(pattern)
    for m in compiled.finditer(text):
        assert any(m.start() >= s - reach and m.end() <= e + reach for s, e in piv)
    assert len(list(regex.finditer("collagen", text))) == 2
