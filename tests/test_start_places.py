"""Trying a pattern only where it can start gives what running it over the whole window gives.

The relaxed check (``sparse``) and the engine (``engine._matches_at_starts``) look for the strings
every match of a pattern starts with (``patterns.leading_words``) and try the pattern only there:
on the strings up to the first space in a lower-cased text ("the"), or on the strings through
spaces ("the best ") in a single-spaced one. Missing a place would silently lose a finding.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from exolint.match.engine import _lowered_for_starts, _matches_at_starts
from exolint.match.timelimit import TimeBudget
from exolint.ruleset import RuleSet
from exolint.ruleset.patterns import leading_words

_RULES = None


def _rules() -> RuleSet:
    global _RULES
    if _RULES is None:
        _RULES = RuleSet.load()
    return _RULES


def _with_places(rs: RuleSet):
    out = []
    for i, ref in enumerate(rs.index().refs):
        places = rs.start_places(i)
        if places is not None:
            out.append((rs.rules[ref.rule_index].compiled[ref.pattern_index], places))
    return out


def test_leading_words_through_spaces():
    assert leading_words(r"the\s+(?:very\s+)?best\s+[\w-]+") == frozenset({"the"})
    assert leading_words(r"the\s+(?:very\s+)?best\s+[\w-]+", through_spaces=True) == frozenset(
        {"the best ", "the very best "})
    assert leading_words(r"(?-i:IV)\s+drips", through_spaces=True) == frozenset({"iv drips"})
    # a literal line break reads as the space the text has there
    assert leading_words("no\nside", through_spaces=True) == frozenset({"no side"})
    assert leading_words(r"\s+x", through_spaces=True) is None


def test_most_bundled_patterns_have_start_places():
    rs = _rules()
    refs = rs.index().refs
    assert len(_with_places(rs)) > 0.8 * len(refs)


_EXAMPLES = sorted({text for rule in _rules().rules for text in rule.examples_flag + rule.examples_pass})
_GLUE = st.sampled_from([" ", "  ", "\n", " \n", "\t", ". ", ", ", "\n\n", "", "-", "\u00a0"])
_TEXTS = st.lists(st.tuples(st.sampled_from(_EXAMPLES), _GLUE, st.booleans()), min_size=1, max_size=4).map(
    lambda parts: "".join((t.upper() if up else t) + glue for t, glue, up in parts))


@settings(max_examples=150, deadline=None)
@given(_TEXTS, st.data())
def test_matches_at_starts_equal_finditer(text, data):
    lowered = _lowered_for_starts(text)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    for pattern, places in _with_places(_rules()):
        expected = [m.span() for m in pattern.finditer(text, lo, hi)]
        if not lowered:
            continue  # (the engine runs finditer itself on such a text)
        with TimeBudget(5.0) as budget:
            got = [m.span() for m in _matches_at_starts(pattern, text, lo, hi, budget, places, lowered)]
        assert got == expected, (pattern.pattern, text, lo, hi)


def test_every_flag_example_is_found_at_its_start_places():
    rs = _rules()
    checked = 0
    for pattern, places in _with_places(rs):
        for rule in rs.rules:
            for text in rule.examples_flag:
                lowered = _lowered_for_starts(text)
                if not lowered or not pattern.search(text):
                    continue
                with TimeBudget(5.0) as budget:
                    got = [m.span() for m in _matches_at_starts(pattern, text, 0, len(text), budget,
                                                                places, lowered)]
                assert got == [m.span() for m in pattern.finditer(text)]
                checked += 1
    assert checked > 500
