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
        self._screens = None

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
                auto.add_word(anchor, (tuple(idx), len(anchor)))
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
        if auto:
            for _hit in auto.iter(lowered):
                return True
        screen = self._screen()
        return bool(screen[0]) and any(a in lowered for a in screen[0])

    def _screen(self):
        """For rules without an anchor (they always run): the anchors of their anchored patterns,
        and their anchor-less patterns. ``may_match`` uses them to tell whether such a rule can
        match a piece of text without parsing it."""
        if self._screens is None:
            from .patterns import anchors_for

            words: set[str] = set()
            patterns = []
            for rule in self._always:
                for raw, compiled in zip(rule.patterns, rule.compiled):
                    found = anchors_for(raw, rule.case_sensitive)
                    if found is None:
                        patterns.append(compiled)
                    else:
                        words |= {a.lower() for a in found}
            self._screens = (tuple(sorted(words)), tuple(patterns))
        return self._screens

    def may_match(self, normalised: str, lowered: str) -> bool:
        """Whether any rule could match text whose normalised form is ``normalised``
        (``lowered`` is its lower-case copy): an anchor occurs, or an anchor-less pattern of a
        rule without anchors matches the raw text directly."""
        if self.any_anchor(lowered):
            return True
        for pattern in self._screen()[1]:
            try:
                if pattern.search(normalised, timeout=1.0):
                    return True
            except TimeoutError:
                return True  # cannot tell: parse and let the engine report the time-out
        return False

    def candidates(self, text: str) -> list[Rule]:
        """Rules that may match ``text`` (in rule order)."""
        auto = self._index()
        hit: set[int] = set()
        if auto:
            lowered = text.lower()
            for _end, (idx, _len) in auto.iter(lowered):
                hit.update(idx)
        chosen = [self.rules[i] for i in sorted(hit)]
        if self._always:
            chosen_ids = {id(r) for r in chosen}
            chosen.extend(r for r in self._always if id(r) not in chosen_ids)
        return chosen

    def candidate_hits(self, text: str) -> list[tuple[Rule, list[tuple[int, int]] | None]]:
        """Candidate rules (in rule order), each with the spans of ``text`` where one of its
        anchors occurs; None for a rule that must see the whole text (no anchor, or lower-casing
        changed the text's length so positions would not line up)."""
        auto = self._index()
        spans: dict[int, list[tuple[int, int]]] = {}
        exact = True
        if auto:
            lowered = text.lower()
            exact = len(lowered) == len(text)
            for end, (idx, length) in auto.iter(lowered):
                span = (end + 1 - length, end + 1)
                for i in idx:
                    spans.setdefault(i, []).append(span)
        chosen: list[tuple[Rule, list[tuple[int, int]] | None]] = [
            (self.rules[i], spans[i] if exact else None) for i in sorted(spans)]
        chosen.extend((r, None) for r in self._always)
        return chosen

    def subset(self, keep) -> "RuleSet":
        return RuleSet([r for r in self.rules if keep(r)])
