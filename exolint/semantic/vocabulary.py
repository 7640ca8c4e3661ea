"""The cheap domain screen: the rules' own claim vocabulary, without numpy.

A word counts when at least two flag examples use it, it is not a common English word, and it is
at least as common (relatively) among the flag examples as among the compliant ones (the rules'
pass examples and exolint's compliant sentences): words that compliant copy uses as much as claims
do ("skin", "treatment", "session") say nothing about a claim. A sentence (or a chunk of a page)
holding none of them is never embedded (nor parsed for the stage).
"""
from __future__ import annotations

import re
from pathlib import Path

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


COMPLIANT = Path(__file__).resolve().parent / "compliant.txt"


def compliant_sentences() -> list[str]:
    """exolint's own compliant sentences (the "no" side of the stage's vote), one a line."""
    lines = COMPLIANT.read_text(encoding="utf-8").splitlines()
    return [s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#")]


def _counts(texts) -> dict[str, int]:
    counts: dict[str, int] = {}
    for text in texts:
        for w in words(text):
            counts[w] = counts.get(w, 0) + 1
    return counts


def vocabulary(flag_texts, pass_texts=()) -> frozenset[str]:
    """Words of two or more ``flag_texts``, not common English, and no rarer (per text, smoothed)
    among ``flag_texts`` than among ``pass_texts``."""
    flag_texts, pass_texts = list(flag_texts), list(pass_texts)
    flag, passing = _counts(flag_texts), _counts(pass_texts)
    n_flag, n_pass = max(len(flag_texts), 1), max(len(pass_texts), 1)
    return frozenset(w for w, n in flag.items() if n >= 2 and w not in _COMMON
                     and n / n_flag >= (passing.get(w, 0) + 0.5) / n_pass)


_BY_RULESET: dict[int, tuple[object, frozenset[str]]] = {}


def ruleset_vocabulary(ruleset) -> frozenset[str]:
    """``vocabulary`` of a rule set's flag examples (cached per rule set object)."""
    known = _BY_RULESET.get(id(ruleset))
    if known is None or known[0] is not ruleset:
        known = _BY_RULESET[id(ruleset)] = (
            ruleset, vocabulary([t for r in ruleset.rules for t in r.examples_flag],
                                [t for r in ruleset.rules for t in r.examples_pass] + compliant_sentences()))
    return known[1]


def mentions(source: str, vocab: frozenset[str]) -> bool:
    """Whether ``source`` holds a word of ``vocab`` (the whole file, before reading it)."""
    return not vocab.isdisjoint(_WORD.findall(source.lower()))
