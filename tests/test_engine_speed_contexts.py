"""The engine's shortcuts answer as the plain definitions do.

* ``ContextCheck.applies`` calls the compiled patterns' ``search`` directly (resolved once);
  its answer must be the old ``any(p.search(...))`` one on every sentence we can think of.
* ``windows.touching`` drops the pieces of a window that overlap no pivot span; the engine's
  findings must not change (checked against running every piece).
"""
import pickle
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import exolint.match.engine as engine
from exolint.api import LintOptions, lint_file
from exolint.document import Document
from exolint.match.engine import check_document
from exolint.ruleset import RuleSet
from exolint.ruleset.lazy import LazyPattern
from exolint.ruleset.model import ContextCheck
from exolint.sentences import sentence_bounds
from exolint.match.windows import touching, without_blank

ROOT = Path(__file__).resolve().parent.parent
RULES = RuleSet.load()
CHECKS = list({id(c): c for r in RULES.rules for c in r.exceptions}.values())

CRAFTED = [
    "We do not use human stem cells.", "No treatment is risk-free.", "no", "", " ", "\n",
    "Regulators have warned about exosome facials.", "The FDA has warned clinics.",
    "Such claims are not permitted in the UK.", "Is it risk-free?", "Will it cure acne?",
    "Claims that exosomes regrow collagen have not been substantiated.",
    "In a 4-week study of 30 women, 82% said their skin felt firmer*.",
    "Nobody should tell you a facial can treat rosacea.", "there are no FDA-approved products",
    "We won't tell you this is a miracle.", "clinics that advertise it as \"better than Botox",
    "\u0130STANBUL REGULATORS", "K\u212aelvin", "ſide effects", "no\n", "NOT ONLY that",
]


def reference_applies(check: ContextCheck, before: str, matched: str, after: str) -> bool:
    """The definition: any before-regex in before, any after-regex in after, any sentence-regex
    in the whole sentence (through the LazyPattern proxies, as it always was)."""
    if any(p.search(before) for p in check.before):
        return True
    if any(p.search(after) for p in check.after):
        return True
    return any(p.search(before + matched + after) for p in check.sentence)


def _example_triples():
    """(before, matched, after) around every match of every rule in its own examples."""
    out = []
    for rule in RULES.rules:
        for text in rule.examples_flag + rule.examples_pass:
            for pat in rule.compiled:
                for m in pat.finditer(text):
                    b, s = sentence_bounds(text, m.start(), m.end())
                    out.append((text[b:m.start()], m.group(), text[m.end():s]))
    return out


TRIPLES = _example_triples()


def test_applies_equals_the_definition_on_rule_examples():
    assert len(TRIPLES) > 300 and len(CHECKS) > 10
    answers = set()
    for check in CHECKS:
        for before, matched, after in TRIPLES:
            got = check.applies(before, matched, after)
            assert got == reference_applies(check, before, matched, after), (check.name, before, after)
            answers.add(got)
    assert answers == {True, False}


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.name)
def test_applies_equals_the_definition_on_crafted_sentences(check):
    for text in CRAFTED:
        for cut in sorted({0, len(text) // 3, len(text) // 2, len(text)}):
            for width in (0, 1, 5):
                before, matched, after = text[:cut], text[cut:cut + width], text[cut + width:]
                assert check.applies(before, matched, after) == reference_applies(
                    check, before, matched, after), (check.name, text, cut, width)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ano tFDAregulators?,.\"'\n") + ["not ", "no ", "never "]),
               max_size=25).map("".join),
       st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=6))
def test_applies_equals_the_definition_on_random_text(text, cut, width):
    before, matched, after = text[:cut], text[cut:cut + width], text[cut + width:]
    for check in CHECKS:
        assert check.applies(before, matched, after) == reference_applies(check, before, matched, after)


def test_resolved_searches_follow_new_lists_and_are_not_pickled():
    check = ContextCheck("c", before=(LazyPattern.of(regex.compile(r"\bnot\s*$", regex.I)),))
    assert check.applies("we do not", "x", "") and not check.applies("we do", "x", "")
    check.before = (regex.compile(r"\bdo\s*$", regex.I),)  # a new list replaces the resolved one
    assert check.applies("we do", "x", "") and not check.applies("we do not", "x", "")
    check.sentence = (regex.compile("zzz"),)
    assert check.applies("", "zzz", "") and not check.applies("", "yyy", "")
    state = pickle.dumps(check)
    assert b"_searches" not in state
    copy = pickle.loads(state)
    assert copy.name == "c" and copy.applies("we do", "x", "") and copy.applies("", "zzz", "")


# -- touching: pieces of windows that no pivot reaches --------------------------------------
def reference_touching(windows, spans, text):
    def end(s, e):
        if e <= s:
            return s + 1
        if text[s:e].isspace():  # an all-whitespace anchor: the whole run
            while e < len(text) and text[e].isspace():
                e += 1
        return e
    return [(lo, hi) for lo, hi in windows if any(s < hi and end(s, e) > lo for s, e in spans)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\t")), min_size=1, max_size=40),
       st.lists(st.tuples(st.integers(0, 40), st.integers(0, 5)), min_size=1, max_size=5),
       st.lists(st.integers(0, 41), max_size=8))
def test_touching_keeps_exactly_the_pieces_that_overlap_a_span(text, raw_spans, cuts):
    n = len(text)
    spans = [(min(s, n), min(s + w, n)) for s, w in raw_spans]
    bounds = sorted({0, n, *(min(c, n) for c in cuts)})
    windows = [(a, b) for a, b in zip(bounds, bounds[1:])]
    assert list(touching(windows, spans, text)) == reference_touching(windows, spans, text)


def test_touching_widens_whitespace_anchors_only():
    text = "ab   \n  \ncd"
    assert list(touching([(0, 5), (5, 9), (9, 11)], [(2, 3)], text)) == [(0, 5), (5, 9)]
    assert list(touching([(0, 5), (5, 9), (9, 11)], [(0, 2)], text)) == [(0, 5)]
    assert list(touching([(0, 5), (5, 9), (9, 11)], [(1, 3)], text)) == [(0, 5)]


def test_without_blank_drops_short_whitespace_pieces_only():
    text = "a\n\n\t \n" + " " * 20 + "b"
    pieces = [(0, 1), (1, 2), (2, 3), (3, 6), (6, 26), (26, 27), (5, 5)]
    assert list(without_blank(pieces, text)) == [(0, 1), (6, 26), (26, 27)]


def test_every_anchor_string_has_a_character_that_is_not_a_space():
    # the ground without_blank stands on: each required string of each anchored pattern
    idx = RULES.index()
    anchored = [ref for ref in idx.refs if ref.groups is not None]
    assert anchored
    for ref in anchored:
        for group in ref.groups:
            assert group and all(s.strip() for s in group), (ref, group)


def _findings(check):
    out = {}
    files = sorted(p for folder in (ROOT / "examples", ROOT / "tests" / "data")
                   for p in folder.rglob("*") if p.suffix in (".md", ".mdx", ".html", ".txt"))
    for path in files:
        out[path.name] = sorted((f.rule, f.start, f.end) for f in check(path))
    return out


def test_engine_findings_equal_running_every_piece(monkeypatch):
    fast = _findings(lambda p: lint_file(str(p), RULES, LintOptions()).findings)
    assert sum(map(len, fast.values())) > 200
    monkeypatch.setattr(engine, "touching", lambda windows, spans, text: windows)
    monkeypatch.setattr(engine, "without_blank", lambda windows, text: windows)
    every = _findings(lambda p: lint_file(str(p), RULES, LintOptions()).findings)
    assert fast == every


@pytest.mark.parametrize("text", [
    "Intro.\n\nNo side effects at all.\n\n   \n\nZero side effects and a miracle.\n",
    "miracle\n\nmiracle\n \nmiracle cure " + "filler words\n\n" * 50 + "a miracle",
    "side\n\neffects, no side effects\n\n\n\nguaranteed results",
])
def test_engine_on_blocks_equals_running_every_piece(text, monkeypatch):
    windowed = check_document(Document.from_plain_text("t.txt", text), RULES)
    monkeypatch.setattr(engine, "touching", lambda windows, spans, text: windows)
    monkeypatch.setattr(engine, "without_blank", lambda windows, text: windows)
    every = check_document(Document.from_plain_text("t.txt", text), RULES)
    assert [f.to_dict() for f in windowed] == [f.to_dict() for f in every]


# -- SearchList: only the patterns whose leading words occur run ------------------------------
from exolint.ruleset.model import SearchList, word_starts  # noqa: E402

I = regex.IGNORECASE


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"\bregulators?\b", I, {"regu"}),
    (r"\bwarn(?:s|ed)?\s+", I, {"warn"}),
    (r"\b(?:FDA|MHRA|Health\s+Canada)\s+(?:has|have)", I, {"fda", "mhra", "heal"}),
    (r"\b(?:not|never(?!\s+been)|can\x27t|no\s+longer)\b", I, {"not", "neve", "can", "no"}),
    (r"\bin\s+breach", I, {"in"}),
    (r"\b510\s*\(k\)", I, {"510"}),
    (r"\bab?c", I, None),  # "a" is all that is sure
    (r"\bab{0,2}", I, None),
    (r"\ba*bc", I, None),
    (r"\b(?:no|not)?\s*x", I, None),  # the group may be left out
    (r"\b(?:no|not)*x", I, None),
    (r"\b(?:no|not){0,1}x", I, None),
    (r"\b(?:no|[ab]x)", I, None),  # an alternative without a leading run
    (r"\b(?:no|(?:x|y)z)", I, None),
    (r"\b(no|not)", I, None),  # capturing groups are not read
    (r"\b(?:no|nx[|]o)", I, {"no", "nx"}),  # a | inside a class is no alternative
    (r"\b(?:no|n\|o)", I, None),  # an escaped | neither: "n" is too short
    (r"\b(?:no|[[:alpha:]]x)", I, None),
    (r"no\b", I, None),  # no leading \b: the word may start anywhere
    (r"^\s*(?:is|are)", I, None),
    (r"(?x)\b no", I, None),  # verbose: spaces mean nothing
    (r"\bno(?x)", I, None),
    (r"\bnot", I | regex.WORD, None),
    (r"\bnot", 0, {"not"}),
    (r"\b(?:No|NOT)\b", 0, {"no", "not"}),
    (r"\bno{e<=1}", I, None),  # fuzzy: the last letter may be anything
    (r"\b(?:no|not){e<=1}", I, None),
])
def test_word_starts(pattern, flags, expected):
    got = word_starts(regex.compile(pattern, flags))
    assert got == (frozenset(expected) if expected is not None else None)


def _reference_found(patterns, string):
    return any(p.search(string) for p in patterns)


def _all_lists():
    lists = {}
    for rule in RULES.rules:
        for check in rule.exceptions:
            for patterns in (check.before, check.after, check.sentence):
                if patterns:
                    lists[id(patterns)] = (patterns, SearchList(patterns))
    return list(lists.values())


LISTS = _all_lists()


def test_search_lists_equal_any_on_rule_examples():
    assert any(ready._by_start for _ps, ready in LISTS)  # gating is in use
    strings = {s for b, m, a in TRIPLES for s in (b, a, b + m + a)} | set(CRAFTED)
    for patterns, ready in LISTS:
        for s in strings:
            assert ready.found(s) == _reference_found(patterns, s), (patterns, s)


WORDS = ["no", "not", "No", "NOT", "never", "cannot", "can't", "is", "are", "be", "warn", "warned",
         "regulators", "Regulator", "FDA", "ask", "in", "breach", "of", "x", "_no", "5no", "xno",
         "noted", "banned", "illegal", "claims", "that", "have", "been", "substantiated", "\u00e9no"]
SEPS = [" ", "  ", ", ", ".", "\n", "-", "'", '"', "?", ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), max_size=12))
def test_search_lists_equal_any_on_random_sentences(pieces):
    string = "".join(w + s for w, s in pieces)
    for patterns, ready in LISTS:
        assert ready.found(string) == _reference_found(patterns, string), (patterns, string)


ALTS = ["no", "not", "never", "can", "cannot", "is", "are", "warn", "regulator", "in", "ab"]
QUANT = ["", "", "?", "*", "+", "{0,1}", "{1,2}"]
TAILS = ["", r"\b", r"\s+x", r"\s*$", r"(?!\w)", r"s?\b", r"(?:\s+\w+){0,2}\s*$"]


@st.composite
def gated_patterns(draw):
    alts = draw(st.lists(st.tuples(st.sampled_from(ALTS), st.sampled_from(QUANT)), min_size=1, max_size=3))
    body = "|".join(a + q for a, q in alts)
    group = draw(st.booleans()) or len(alts) > 1
    head = "(?:" + body + ")" + draw(st.sampled_from(QUANT)) if group else body
    return r"\b" + head + draw(st.sampled_from(TAILS))  # compiled in the test (regex's cache
    # uses the random module, which strategies must not)


@settings(max_examples=300, deadline=None)
@given(st.lists(gated_patterns(), min_size=4, max_size=7),
       st.lists(st.tuples(st.sampled_from(ALTS + ["x", "s", "nox", "Not", "IS", "abs", "_is"]),
                          st.sampled_from(SEPS)), max_size=8))
def test_gated_search_equals_any_on_generated_patterns(sources, pieces):
    patterns = [regex.compile(p, regex.IGNORECASE) for p in sources]
    string = "".join(w + s for w, s in pieces)
    assert SearchList(patterns).found(string) == _reference_found(patterns, string), (
        [p.pattern for p in patterns], string)
