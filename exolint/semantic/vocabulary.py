"""The cheap domain screen: the rules' own vocabulary, without numpy.

A word counts when at least two flag examples use it and it is not a common English word; a
sentence (or a file) holding none of them is never embedded.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_COMMON = frozenset("""
about after again also always another back been before being best better both came come could
day days does doing done down each even every first from full give gives good great have here
home how into just keep know last like little look looks made make makes many more most much
must need needs never next only other our ours over same should since some still such take than
that their them then there these they thing things this those through time times today very want
was way ways week weeks well were what when where which while will with within without work
works would year years you your yours feel feels get gets just new now one two three can may
""".split())


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def vocabulary(flag_texts) -> frozenset[str]:
    counts: dict[str, int] = {}
    for text in flag_texts:
        for w in words(text):
            counts[w] = counts.get(w, 0) + 1
    return frozenset(w for w, n in counts.items() if n >= 2 and w not in _COMMON)


_BY_RULESET: dict[int, tuple[object, frozenset[str]]] = {}


def ruleset_vocabulary(ruleset) -> frozenset[str]:
    """``vocabulary`` of a rule set's flag examples (cached per rule set object)."""
    known = _BY_RULESET.get(id(ruleset))
    if known is None or known[0] is not ruleset:
        known = _BY_RULESET[id(ruleset)] = (
            ruleset, vocabulary([t for r in ruleset.rules for t in r.examples_flag]))
    return known[1]


def mentions(source: str, vocab: frozenset[str]) -> bool:
    """Whether ``source`` holds a word of ``vocab`` (the whole file, before reading it)."""
    return not vocab.isdisjoint(_WORD.findall(source.lower()))
