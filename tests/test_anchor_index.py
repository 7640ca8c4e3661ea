"""The conjunctive prefilter: required word groups per pattern, and where a pattern may match."""
import pytest
import regex

from exolint.ruleset.index import AnchorIndex, PatternRef
from exolint.ruleset.patterns import compile_pattern, pattern_reach, required_groups


def test_required_groups_are_whole_phrases_in_the_scan_alphabet():
    # whitespace runs are one space and digits are "0" in the scan text, so phrases survive
    groups = required_groups("no (?:known )?side[- ]effects")
    assert frozenset({"no side effects", "no side-effects", "no known side effects",
                      "no known side-effects"}) in groups or any(
        {"no side effects", "no side-effects"} <= g for g in groups)
    groups = required_groups("better than (?:botox|prp|fillers?)")
    assert any({"better than botox", "better than prp"} <= g for g in groups)


def test_every_group_has_a_member_in_every_match():
    cases = {
        "no (?:known )?side[- ]effects": ["no side effects", "No known side-effects"],
        r"\d+(?:[.,]\d+)? ?(?:x|times|-fold) (?:more|better)": ["3x more", "2.5 times better",
                                                               "10 x more", "4-fold better"],
        r"(?:outperform|outclass)\w*|outdo(?:es|ne)?": ["outperforms", "outdone", "outclassing"],
        r"up to \d+ ?%": ["up to 600%", "Up to  95 %"],
    }
    from exolint.ruleset.literals import scan_text
    for pattern, matches in cases.items():
        groups = required_groups(pattern)
        assert groups, pattern
        for text in matches:
            assert regex.fullmatch(compile_pattern(pattern).pattern, text, regex.I), text
            scanned = scan_text(text.lower())[0]
            for group in groups:
                assert any(s in scanned for s in group), (pattern, text, group)


def test_digits_and_short_words_give_selective_groups():
    # "3x more": the digit and the x together, not "more" alone
    groups = required_groups(r"\d+ ?(?:x|times) more")
    assert any("0x more" in g or "0x" in g for g in groups)
    # "IV drip": "iv" is in "give"; "iv " with its space is not
    assert frozenset({"iv drip"}) in required_groups(r"(?-i:IV) drips?")  # "drips" holds "drip"
    assert required_groups(r"(?:via|by) (?-i:IV)\b") is not None


def _implies(a, b):
    return all(any(x in y for x in b) for y in a)


def test_a_group_implied_by_another_gives_its_place_to_an_independent_one():
    # "-derived " holds "-derived": the suffix group with its space implies the one without, so
    # keeping both narrows no more than one; the second place goes to the source words
    pattern = (r"(?:donor|plasma|blood|adipose|fat|bone[- ]marrow)[- ](?:\w+[- ]){0,2}?"
               r"(?:derived|sourced) (?:[\w-]+ )?(?:exosomes?|vesicles|stem cells)")
    groups = required_groups(pattern)
    assert len(groups) == 2
    assert not _implies(groups[0], groups[1]) and not _implies(groups[1], groups[0])
    assert any("plasma " in g and "bone marrow-" in g for g in groups)


def test_no_bundled_pattern_keeps_a_group_another_of_its_groups_implies():
    from exolint.api import default_ruleset

    checked = 0
    for ref in default_ruleset().index().refs:
        if ref.groups and len(ref.groups) == 2:
            a, b = ref.groups
            assert not _implies(a, b) and not _implies(b, a), (ref, sorted(a)[:3], sorted(b)[:3])
            checked += 1
    assert checked > 100


def test_collapsed_scan_offsets_map_back():
    from exolint.ruleset.literals import scan_text
    text = "a  b\n\n\nc 12\t d"
    scanned, back = scan_text(text)
    assert scanned == "a b c 00 d"
    assert [text[back(i)] for i in range(len(scanned)) if scanned[i] != " "] == list("abc12d")


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


def test_prefilter_never_hides_a_match_of_a_bundled_pattern():
    """Soundness of the literal groups: wherever a bundled pattern matches one of its rule's
    examples, the index offers that pattern a place within reach of the match."""
    from exolint.ruleset import RuleSet

    ruleset = RuleSet.load()
    idx = ruleset.index()
    refs = {(r.rule_index, r.pattern_index): i for i, r in enumerate(idx.refs)}
    checked = 0
    for ri, rule in enumerate(ruleset.rules):
        for text in rule.examples_flag + rule.examples_pass:
            pivots = idx.pivots(text.lower())
            for pi, pattern in enumerate(rule.compiled):
                for m in pattern.finditer(text):
                    ref_i = refs[(ri, pi)]
                    reach = idx.refs[ref_i].reach
                    places = pivots.get(ref_i, [])
                    assert any(m.start() - reach <= s and e <= m.end() + reach for s, e in places), (
                        rule.id, pi, text)
                    checked += 1
    assert checked > 500  # the test has looked at many matches


def test_small_texts_searched_without_the_automaton_give_the_same_hits():
    """A one-page run searches its first small texts string by string (building the automaton
    would cost more); the hits must be exactly the automaton's."""
    from exolint.ruleset import RuleSet
    from exolint.ruleset.literals import scan_text

    ruleset = RuleSet.load()
    texts = [scan_text(t.lower())[0] for rule in ruleset.rules for t in rule.examples_flag[:2]]
    fresh = ruleset.index()
    assert fresh._automaton is None  # nothing built until needed
    by_find = [fresh._find_each(t) for t in texts]
    fresh.build()
    assert by_find == [{w: list(at) for w, at in fresh.word_hits(t).items()} for t in texts]
    assert sum(len(h) for h in by_find) > 100


@pytest.mark.parametrize("piece", [1, 3, 16, 1000])
def test_word_hits_found_in_pieces_as_in_one_pass(monkeypatch, piece):
    """A long text is searched a piece at a time (issue 18: one list of every hit of a 20 MB
    line took 640 MB): every hit once, in order, also where a string crosses a piece's end."""
    from exolint.ruleset import RuleSet, index
    from exolint.ruleset.literals import scan_text

    idx = RuleSet.load().index()
    idx.build()
    text = scan_text(" ".join(t.lower() for rule in RuleSet.load().rules
                              for t in rule.examples_flag[:2]))[0]
    whole = {}
    for wid, start, _end in idx._automaton.find_matches_as_indexes(text, overlapping=True):
        whole.setdefault(wid, []).append(start)
    whole.pop(len(idx.words), None)
    assert sum(map(len, whole.values())) > 500
    monkeypatch.setattr(index, "_HITS_PIECE", piece)
    assert {w: list(at) for w, at in idx.word_hits(text).items()} == whole


def _block_oracle(idx, scanned, bounds):
    """block_refs by brute force: every pattern whose every group has a string in the block."""
    inv = {i: w for w, i in idx.words.items()}
    ends = bounds[1:] + [len(scanned)]
    out = {}
    for b, (lo, hi) in enumerate(zip(bounds, ends)):
        block = scanned[lo:hi]
        refs = [r for r, gids in enumerate(idx._groups)
                if gids and all(any(inv[w] in block for w in g) for g in gids)]
        if refs:
            out[b] = refs
    return out


def test_block_refs_is_the_conjunction_of_groups_within_each_block():
    """The page prefilter's block-grain conjunction (bit masks OR-ed in C) gives exactly the
    patterns a string-by-string check of each block gives, with and without the automaton."""
    from exolint.ruleset import RuleSet
    from exolint.ruleset.literals import scan_text

    ruleset = RuleSet.load()
    texts = [t for rule in ruleset.rules for t in rule.examples_flag[:2] + rule.examples_pass[:1]]
    blocks = [scan_text(t.lower())[0] for t in texts]
    sep = "\n\x00\n"
    scanned = scan_text(sep.join(t.lower() for t in texts))[0]
    bounds = [0] + [i + 1 for i, c in enumerate(scanned) if c == "\x00"]
    assert len(bounds) == len(blocks)
    fresh = ruleset.index()
    assert fresh._automaton is None
    small = scan_text(sep.join(t.lower() for t in texts[:12]))[0]
    small_bounds = [0] + [i + 1 for i, c in enumerate(small) if c == "\x00"]
    without_automaton = fresh.block_refs(small)
    assert fresh._automaton is None  # a small text is searched string by string
    assert without_automaton == _block_oracle(fresh, small, small_bounds)
    expected = _block_oracle(fresh, scanned, bounds)
    assert fresh.block_refs(scanned) == expected
    assert fresh._automaton is not None
    assert fresh.block_refs(small) == without_automaton
    assert len(expected) > len(texts) // 2  # most rule examples hold some pattern's groups


def test_whole_file_pre_check_needs_every_group_somewhere_in_the_file():
    from exolint.ruleset import RuleSet

    idx = RuleSet.load().index()
    assert idx.any_satisfied("there are no known side effects.")
    assert not idx.any_satisfied("side by side")
    assert not idx.any_satisfied("helps skin feel softer and calmer.")


def test_prefix_indexed_search_finds_what_searching_every_string_finds():
    """Small texts are searched only for the strings whose first characters occur in them;
    the result must be that of trying every required string."""
    from exolint.ruleset import RuleSet
    from exolint.ruleset.literals import scan_text

    idx = RuleSet.load().index()
    rules = RuleSet.load().rules
    texts = [scan_text(t.lower())[0] for r in rules for t in r.examples_flag[:2] + r.examples_pass[:1]]
    texts += ["", "a", "iv", " iv drip 0% 00 x more ", "no side effects" * 3]
    from exolint.ruleset.index import occurrences

    for text in texts:
        every = {wid: occurrences(text, word) for word, wid in idx.words.items()}
        assert idx._find_each(text) == {wid: p for wid, p in every.items() if p}, text


def test_whole_file_pre_check_searched_in_pieces_finds_what_one_search_finds():
    """``any_satisfied`` searches long texts a piece at a time and stops at the first yes: a
    string cut by a piece's end, or a pattern whose groups lie pieces apart, is still seen."""
    import random

    from exolint.ruleset import index as index_module

    idx = AnchorIndex([PatternRef(0, 0, (frozenset({"side effects"}), frozenset({"no known "}))),
                       PatternRef(0, 1, (frozenset({"miracle cure"}),))])
    idx.build()
    piece = index_module._PIECE
    filler = "calm copy about our clinic and its friendly team. "
    rng = random.Random(7)
    for _ in range(200):
        words = [("no known ", 0), ("side effects", 0), ("miracle cure", 1)]
        placed = rng.sample(words, rng.randint(0, 3))
        text = list((filler * (4 * piece // len(filler) + 1))[:4 * piece])
        for word, _pattern in placed:
            at = rng.choice([piece - len(word) // 2, 2 * piece - 3, rng.randrange(len(text) - len(word))])
            text[at:at + len(word)] = word
        text = "".join(text)
        one_search = bool(idx.block_refs(text.replace("\x00", " ")))
        assert idx.any_satisfied(text) == one_search, placed
    straddling = ("x" * (piece - 4)) + "miracle cure" + ("y" * piece)
    assert idx.any_satisfied(straddling)
    apart = "no known " + ("z " * piece) + "side effects"
    assert idx.any_satisfied(apart) and not idx.any_satisfied(apart.replace("side effects", "side-kick"))


def test_block_refs_with_the_automaton_drops_hits_no_pattern_can_use_on_the_page():
    """Hits of strings whose patterns lack another group anywhere on the text are dropped before
    the per-block OR: the answer is still the per-block conjunction."""
    idx = index_for(r"human stem cells?\b.{0,40}\bderived", r"better than botox", r"skin\b.{0,20}\bglow")
    idx.build()
    sep = "\x00"
    blocks = ["human stem cells derived here", "derived skin", "human stem cells", "skin glow", "plain"]
    assert idx.block_refs(sep.join(blocks)) == {0: [0], 3: [2]}
    # each group of pattern 0 somewhere, never both in one block: nothing
    assert idx.block_refs(sep.join(["human stem cells", "skin", "derived"])) == {}
    assert idx.block_refs(sep.join(["skin skin skin", "nothing here"])) == {}  # nothing satisfiable
    assert idx.block_refs("") == {}
