"""The example index: every rule's ``flag`` examples (labelled with the rule) against its ``pass``
examples and the project's own compliant sentences, embedded once per rule set and process.

A user's ``--rules`` pack is part of the rule set, so its examples are embedded when it is
loaded: adding examples to a rule improves the stage with no training step.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .blas import np

from .embedder import embedder
from .vocabulary import COMPLIANT, _COMMON, compliant_sentences, vocabulary, words  # noqa: F401 (re-exported)



@dataclass
class ExampleIndex:
    flag_vectors: np.ndarray  # (n_flag, dims), unit rows
    flag_rules: list  # the Rule of each flag row
    flag_texts: list[str]
    pass_vectors: np.ndarray  # (n_pass, dims): pass examples and compliant sentences
    domain_words: frozenset[str]

    masks: dict = field(default_factory=dict)

    def flag_mask(self, markets) -> np.ndarray | None:
        """Rows whose rule applies under ``markets`` (None: every row), remembered per markets."""
        if markets is None:
            return None
        mask = self.masks.get(markets)
        if mask is None:
            mask = self.masks[markets] = np.array([r.applies_to(markets) for r in self.flag_rules],
                                                  dtype=bool)
        return mask


def build_index(rules, compliant: list[str] | None = None) -> ExampleIndex:
    flag_rules, flag_texts, passing = [], [], []
    for rule in rules:
        for text in rule.examples_flag:
            flag_rules.append(rule)
            flag_texts.append(text)
        passing.extend(rule.examples_pass)
    passing.extend(compliant_sentences() if compliant is None else compliant)
    embed = embedder().embed
    return ExampleIndex(embed(flag_texts), flag_rules, flag_texts, embed(passing),
                        vocabulary(flag_texts, passing))


_INDEXES: dict[tuple, ExampleIndex] = {}
_BY_OBJECT: dict[int, tuple[object, ExampleIndex]] = {}  # the same rule set object: no key to build


def _key(rules) -> tuple:
    return tuple((r.id, r.category, r.markets, r.suggestion, r.examples_flag, r.examples_pass)
                 for r in rules)


def index_for(ruleset) -> ExampleIndex:
    """The index of ``ruleset``'s examples, built on first use (cached by the examples themselves,
    so a rule set rebuilt with the same rules reuses it)."""
    known = _BY_OBJECT.get(id(ruleset))
    if known is not None and known[0] is ruleset:
        return known[1]
    rules = list(ruleset.rules)
    key = _key(rules)
    index = _INDEXES.get(key)
    if index is None:
        index = _INDEXES[key] = build_index(rules)
    _BY_OBJECT[id(ruleset)] = (ruleset, index)
    return index
