"""Rule packs: loading, validation, compiled patterns and the prefilter index."""
from __future__ import annotations

from pathlib import Path

import ahocorasick

from .loader import RuleFileError, bundled_rules_dir, load_rules
from .model import CATEGORIES, MARKETS, SEVERITIES, SEVERITY_RANK, Reference, Rule

__all__ = [
    "CATEGORIES", "MARKETS", "SEVERITIES", "SEVERITY_RANK", "Reference", "Rule", "RuleFileError",
    "RuleSet", "bundled_rules_dir", "load_rules",
]


class RuleSet:
    """A list of rules plus an Aho-Corasick index of their anchor words.

    ``candidates(text)`` scans the lower-cased text once and returns only the rules whose anchors
    occur (plus rules that have no anchor), so most rules never run on most text.
    """

    def __init__(self, rules: list[Rule]):
        self.rules = list(rules)
        self.by_id = {r.id: r for r in self.rules}
        self._always = [r for r in self.rules if r.anchors is None]
        self._automaton = None

    @classmethod
    def load(cls, folders: list[Path] | None = None, include_bundled: bool = True) -> "RuleSet":
        return cls(load_rules(folders, include_bundled))

    def _index(self):
        if self._automaton is None:
            auto = ahocorasick.Automaton()
            owners: dict[str, list[int]] = {}
            for i, rule in enumerate(self.rules):
                for anchor in rule.anchors or ():
                    owners.setdefault(anchor, []).append(i)
            for anchor, idx in owners.items():
                auto.add_word(anchor, tuple(idx))
            if owners:
                auto.make_automaton()
            self._automaton = auto if owners else False
        return self._automaton

    @property
    def always_run(self) -> list[Rule]:
        """Rules with no derivable anchor: the prefilter cannot rule them out, so they always run."""
        return self._always

    def any_anchor(self, lowered: str) -> bool:
        """Whether any rule's anchor occurs in ``lowered`` (already lower-cased text)."""
        auto = self._index()
        if not auto:
            return False
        for _hit in auto.iter(lowered):
            return True
        return False

    def candidates(self, text: str) -> list[Rule]:
        """Rules that may match ``text`` (in rule order)."""
        auto = self._index()
        hit: set[int] = set()
        if auto:
            lowered = text.lower()
            for _end, idx in auto.iter(lowered):
                hit.update(idx)
        chosen = [self.rules[i] for i in sorted(hit)]
        if self._always:
            chosen_ids = {id(r) for r in chosen}
            chosen.extend(r for r in self._always if id(r) not in chosen_ids)
        return chosen

    def subset(self, keep) -> "RuleSet":
        return RuleSet([r for r in self.rules if keep(r)])
