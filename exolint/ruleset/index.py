"""Where in a text each rule pattern can match: one Aho-Corasick pass, then a conjunction check.

Every pattern has required literal groups (``patterns.required_groups``): a match contains one
word of each group, within the match itself, so within ``REACH`` characters of each other. One
pass of an Aho-Corasick automaton over the lower-cased text finds every group word; a pattern
is a candidate only around hits of its rarest group where every other group also has a hit close
by. On marketing copy that rules out almost every (pattern, place) pair before any regex runs.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass

import ahocorasick

from .literals import OffsetBack, scan_text

REACH = 300  # characters: the longest match a pattern may have (see exolint.windows.MAX_MATCH)


@dataclass(frozen=True)
class PatternRef:
    rule_index: int
    pattern_index: int
    groups: tuple[frozenset[str], ...] | None  # None: no literal group, runs everywhere
    reach: int = 300  # the longest match the pattern can have


class AnchorIndex:
    """All patterns' required groups, and one automaton over all their words."""

    def __init__(self, refs: list[PatternRef]):
        self.refs = refs
        self.unanchored = [r for r in refs if r.groups is None]
        words: dict[str, int] = {}
        # for each pattern: its groups as tuples of word ids
        self._groups: list[tuple[tuple[int, ...], ...]] = []
        for ref in refs:
            gids = []
            for group in ref.groups or ():
                gids.append(tuple(words.setdefault(w, len(words)) for w in sorted(group)))
            self._groups.append(tuple(gids))
        self.words = words
        self._lengths = [0] * len(words)
        for w, i in words.items():
            self._lengths[i] = len(w)
        # word id -> the (pattern, group) pairs it can satisfy
        self._word_refs: list[list[tuple[int, int]]] = [[] for _ in words]
        for ri, gids in enumerate(self._groups):
            for gi, group in enumerate(gids):
                for wid in group:
                    self._word_refs[wid].append((ri, gi))
        self._automaton = None
        if words:
            auto = ahocorasick.Automaton()
            for w, i in words.items():
                auto.add_word(w, (i, len(w)))
            auto.make_automaton()
            self._automaton = auto

    def word_hits(self, lowered: str) -> tuple[dict[int, list[int]], "OffsetBack | None"]:
        """word id -> sorted start offsets of its occurrences in the scan text of ``lowered``
        (see ``literals.scan_text``), and the map from those offsets back to ``lowered``."""
        if self._automaton is None:
            return {}, None
        text, back = scan_text(lowered)
        hits: defaultdict[int, list[int]] = defaultdict(list)
        for end, (wid, length) in self._automaton.iter(text):
            hits[wid].append(end + 1 - length)
        return dict(hits), back

    def pivots(self, lowered: str, reach: int = REACH, first_only: bool = False
               ) -> dict[int, list[tuple[int, int]]]:
        """ref index -> spans (start, end) in ``lowered`` of hits of its rarest group where all of
        its groups occur within ``reach`` characters. Patterns without groups are not included.
        With ``first_only``, stop at the first pattern found (a yes/no question)."""
        hits, back = self.word_hits(lowered)
        if not hits:
            return {}
        # which groups of which patterns have any hit at all
        satisfied: dict[int, set[int]] = {}
        for wid in hits:
            for ri, gi in self._word_refs[wid]:
                got = satisfied.get(ri)
                if got is None:
                    satisfied[ri] = {gi}
                else:
                    got.add(gi)
        out: dict[int, list[tuple[int, int]]] = {}
        lengths = self._lengths
        for ri in sorted(satisfied):
            groups = self._groups[ri]
            if len(satisfied[ri]) < len(groups):
                continue
            present = [[hits[w] for w in g if w in hits] for g in groups]
            # walk the group with the fewest hits; check the others around each of them
            order = sorted(range(len(groups)), key=lambda i: sum(len(x) for x in present[i]))
            pivot_i, others = order[0], [present[i] for i in order[1:]]
            spans: list[tuple[int, int]] = []
            near = min(reach, self.refs[ri].reach)
            for wid in groups[pivot_i]:
                positions = hits.get(wid)
                if not positions:
                    continue
                wlen = lengths[wid]
                for p in positions:
                    if all(_near(lists, p, near) for lists in others):
                        spans.append((p, p + wlen))
            if spans:
                if back is not None:  # offsets in the collapsed scan text -> ``lowered``
                    spans = [(back(a), back(b - 1) + 1) for a, b in spans]
                out[ri] = spans
                if first_only:
                    break
        return out

    def any_satisfied(self, lowered: str, reach: int = REACH) -> bool:
        return bool(self.pivots(lowered, reach, first_only=True))


def _near(lists: list[list[int]], p: int, reach: int) -> bool:
    lo, hi = p - reach, p + reach
    for positions in lists:
        i = bisect.bisect_left(positions, lo)
        if i < len(positions) and positions[i] <= hi:
            return True
    return False
