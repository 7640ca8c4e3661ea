"""Relaxed patterns (assertions removed) match wherever the pattern does; leading words."""
import regex

from exolint.ruleset.patterns import (can_match_char, compile_pattern, leading_words,
                                      relaxed_pattern)


def test_relaxed_pattern_drops_every_assertion():
    compiled = compile_pattern(r"(?<!not )no\b side[- ]effects(?= here)$")
    body = relaxed_pattern(compiled.pattern)
    assert body is not None
    assert regex.fullmatch(body, "no side effects", compiled.flags)
    assert regex.search(body, "xno side-effectsy", compiled.flags)  # no word boundaries either


def test_relaxed_pattern_keeps_classes_and_escapes():
    body = relaxed_pattern(compile_pattern(r"[\^$b\]]\$ \b(a)").pattern)
    assert body is not None and regex.fullmatch(body, "]$ a", regex.IGNORECASE)


def test_relaxed_pattern_refuses_back_references():
    assert relaxed_pattern(compile_pattern(r"(a) \1").pattern) is None


def test_relaxed_matches_whatever_the_pattern_matches():
    texts = ["not no side effects here", "no side effects", "No side-effects, ever", "xno side effects"]
    for source in (r"no side[- ]effects", r"(?<!not )no side effects", r"no side effects(?!,)"):
        compiled = compile_pattern(source)
        relaxed = regex.compile(relaxed_pattern(compiled.pattern), compiled.flags)
        for text in texts:
            for m in compiled.finditer(text):
                assert relaxed.search(m.group()), (source, text)


def test_can_match_char():
    assert can_match_char(r"a\w+", "_") and not can_match_char(r"a\w+", "*")
    assert can_match_char(r"a.b", "*") and can_match_char(r"[^a]", "*")
    assert not can_match_char(r"[a-z-]+ \d", "*")


def test_leading_words():
    assert leading_words(r"(?:results?|changes)\s+after") == frozenset({"result", "changes"})
    assert leading_words(r"re-?build") == frozenset({"rebuild", "re-build"})
    assert leading_words(r"(?:one|a)[a-z]* session") is None  # "a" alone is too short
    assert leading_words(r"(?-i:IV)\s+drips") == frozenset({"iv ", "iv\n"})  # then whitespace
    assert leading_words(r"\d+\s+times|twice") == frozenset("0123456789") | {"twice"}
    assert leading_words(r"[a-z]+ times") is None and leading_words(r"(?:x)?yz") is None


def test_leading_words_small_classes():
    # a pattern opening with a currency sign starts at prices, not at every position of a block
    starts = leading_words(r"A?[$£€](?:\s+)?\d+ off")
    assert starts is not None and {"$0", "£9", "€ ", "a$0", "a£ "} <= starts
    assert all(s[-1] in "0123456789 \n" for s in starts)
    assert leading_words(r"[$£€](?:\s+)?\d+", through_spaces=True) >= {"£ 0", "£0", "$9"}
    assert leading_words(r"half[-–]price") == frozenset({"half-price", "half–price"})
    # large, negated or whitespace-holding classes still end the start string (or give none)
    assert leading_words(r"[a-z]\d off") is None and leading_words(r"[^x]yz") is None
    assert leading_words(r"half[- ]price") == frozenset({"half"})
