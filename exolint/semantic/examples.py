"""The example index: every rule's ``flag`` examples (labelled with the rule) against its ``pass``
examples and the project's own compliant sentences, embedded once per rule set and process.

A user's ``--rules`` pack is part of the rule set, so its examples are embedded when it is
loaded: adding examples to a rule improves the stage with no training step.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .embedder import embedder

COMPLIANT = Path(__file__).resolve().parent / "compliant.txt"
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
# common words that say nothing about the domain: a sentence needs a word of the rules' own
# vocabulary beyond these to be embedded at all (the cheap screen that keeps the stage fast)
_COMMON = frozenset("""
about after again also always another back been before being best better both came come could
day days does doing done down each even every first from full give gives good great have here
home how into just keep know last like little look looks made make makes many more most much
must need needs never next only other our ours over same should since some still such take than
that their them then there these they thing things this those through time times today very want
was way ways week weeks well were what when where which while will with within without work
works would year years you your yours feel feels get gets just new now one two three can may
""".split())


def compliant_sentences() -> list[str]:
    lines = COMPLIANT.read_text(encoding="utf-8").splitlines()
    return [s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#")]


@dataclass
class ExampleIndex:
    flag_vectors: np.ndarray  # (n_flag, dims), unit rows
    flag_rules: list  # the Rule of each flag row
    flag_texts: list[str]
    pass_vectors: np.ndarray  # (n_pass, dims): pass examples and compliant sentences
    domain_words: frozenset[str]

    def flag_mask(self, markets) -> np.ndarray | None:
        """Rows whose rule applies under ``markets`` (None: every row)."""
        if markets is None:
            return None
        return np.array([r.applies_to(markets) for r in self.flag_rules], dtype=bool)


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def build_index(rules, compliant: list[str] | None = None) -> ExampleIndex:
    flag_rules, flag_texts, passing = [], [], []
    for rule in rules:
        for text in rule.examples_flag:
            flag_rules.append(rule)
            flag_texts.append(text)
        passing.extend(rule.examples_pass)
    passing.extend(compliant_sentences() if compliant is None else compliant)
    embed = embedder().embed
    domain: dict[str, int] = {}
    for text in flag_texts:
        for w in words(text):
            domain[w] = domain.get(w, 0) + 1
    vocab = frozenset(w for w, n in domain.items() if n >= 2 and w not in _COMMON)
    return ExampleIndex(embed(flag_texts), flag_rules, flag_texts, embed(passing), vocab)


_INDEXES: dict[tuple, ExampleIndex] = {}


def index_for(ruleset) -> ExampleIndex:
    """The index of ``ruleset``'s examples, built on first use (cached by the examples themselves,
    so a rule set rebuilt with the same rules reuses it)."""
    rules = list(ruleset.rules)
    key = tuple((r.id, r.category, r.examples_flag, r.examples_pass) for r in rules)
    index = _INDEXES.get(key)
    if index is None:
        index = _INDEXES[key] = build_index(rules)
    return index
