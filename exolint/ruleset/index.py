"""Where in a text each rule pattern can match: one Aho-Corasick pass, then a conjunction check.

Every pattern has required literal groups (``patterns.required_groups``): a match contains one
string of each group, within the match itself. One pass of an Aho-Corasick automaton over the
text in the scan alphabet finds every group string. Then either

* ``block_refs``: per block of the text (no match crosses a blank line), the patterns all of
  whose groups occur in the block, computed with bit masks in C; used for pages and documents;
* ``pivots``: the places around hits of a pattern's rarest group where every other group also
  has a hit within the pattern's reach; used inside blocks too long for block grain.

On marketing copy that rules out almost every (pattern, place) pair before any regex runs.
"""
from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass
from functools import reduce
from operator import or_

from ..offsets import offset_array
from .literals import scan_text

SMALL_TEXT = 8192  # characters: texts this short may be searched without the automaton
SMALL_SCANS = 4  # ... the first few of them; then building it pays
BLOCK_SEPARATOR = "\x00"  # between the blocks of a text given to ``block_refs``
_PIECE = 4096  # characters of a text ``any_satisfied`` searches at a time
_HITS_PIECE = 1 << 16  # characters of a long text ``word_hits`` searches at a time
_PREFIX = 6  # characters of a string that index it for ``_find_each`` (measured: 3 -> 6 ms, 6 -> 2 ms
# on a 1 KB page)
REACH = 300  # characters: the longest match a pattern may have (see exolint.match.windows.MAX_MATCH)


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
        # word id -> bit mask over (pattern, group) pairs: bit 2*r for pattern r's first group,
        # bit 2*r + 1 for its second (see ``block_refs``)
        masks = [0] * len(words)
        self._single_group = 0  # bit 2*r for patterns with a single group
        for ri, gids in enumerate(self._groups):
            if len(gids) > 2:
                raise ValueError("block_refs handles at most two groups per pattern (KEEP_GROUPS)")
            if len(gids) == 1:
                self._single_group |= 1 << (2 * ri)
            for gi, group in enumerate(gids):
                for wid in group:
                    masks[wid] |= 1 << (2 * ri + gi)
        self._masks = masks
        self._word_refs: list[list[tuple[int, int]]] | None = None
        self._lengths: list[int] = []
        self._automaton = None
        self._mask_of: dict[str, int] = {}
        self._even_bits: int | None = None
        self._small_scans = 0
        self._by_prefix: dict[str, tuple[int, ...]] | None = None
        self._word_list: list[str] | None = None
        self._short_prefixes: list[str] = []
        self._chars_held: dict[str, bool] = {}
        self._longest = max(map(len, words), default=0)  # characters in the longest string

    def build(self) -> None:
        """Build the Aho-Corasick automaton now (before worker processes copy the index)."""
        if self._automaton is None and self.words:
            words = sorted(self.words, key=self.words.__getitem__)
            # the separator is a string of its own: word id len(words), no mask
            self._automaton = overlapping_automaton(words + [BLOCK_SEPARATOR])
            self._mask_of = dict(zip(words, self._masks))

    def __getstate__(self):  # the automaton does not pickle: a spawned worker builds its own
        state = self.__dict__.copy()
        state["_automaton"] = None
        state["_word_list"] = None  # (rebuilt from ``words`` in a moment)
        return state

    def word_hits(self, scanned: str) -> "dict[int, list[int] | array[int]]":
        """word id -> sorted start offsets of its occurrences in ``scanned`` (scan alphabet).

        A long text is searched ``_HITS_PIECE`` characters at a time (each piece running on by
        the longest string's length, its hits that start in it kept) into arrays of offsets:
        the automaton returns a piece's hits as one list of tuples, about 80 bytes a hit (a 20
        MB line has millions of hits).

        The automaton over all required strings takes tens of milliseconds to build, more than
        a pre-commit run on one small page spends on anything else: the first few small texts
        are searched string by string instead (``str.find``), and the automaton is built when
        a larger text, or a longer run, comes.
        """
        if not self.words:
            return {}
        if self._search_small(scanned):
            return self._find_each(scanned)
        self.build()
        find = self._automaton.find_matches_as_indexes
        hits: dict[int, array[int]] = {}
        n, over = len(scanned), self._longest - 1
        for lo in range(0, n, _HITS_PIECE) if n > _HITS_PIECE else (0,):
            piece = scanned if n <= _HITS_PIECE else scanned[lo:lo + _HITS_PIECE + over]
            for wid, start, _end in find(piece, overlapping=True):
                if start >= _HITS_PIECE:
                    continue  # (the next piece's)
                positions = hits.get(wid)
                if positions is None:
                    positions = hits[wid] = offset_array(n)
                positions.append(lo + start)
        hits.pop(len(self.words), None)  # the block separator
        return hits

    def prepare(self) -> None:
        """Build the table ``_find_each`` searches small texts with (kept in the rule cache)."""
        if self._by_prefix is None:
            by_prefix: dict[str, list[int]] = {}
            for word, wid in self.words.items():
                by_prefix.setdefault(word[:_PREFIX], []).append(wid)
            # word ids only (small ints): they pickle and load much faster than (word, id) pairs
            self._by_prefix = {prefix: tuple(wids) for prefix, wids in by_prefix.items()}
            self._short_prefixes = [p for p in by_prefix if len(p) < _PREFIX]

    def _find_each(self, scanned: str) -> dict[int, list[int]]:
        """``word_hits`` without the automaton: only the strings whose first ``_PREFIX``
        characters occur in the text are looked for, one ``str.find`` at a time."""
        self.prepare()
        present = {scanned[i:i + _PREFIX] for i in range(len(scanned))}
        present.update(p for p in self._short_prefixes if p in scanned)
        hits: dict[int, list[int]] = {}
        if self._word_list is None:
            self._word_list = list(self.words)  # (the dict is in id order)
        words = self._word_list
        for prefix in present:
            for wid in self._by_prefix.get(prefix, ()):
                positions = occurrences(scanned, words[wid])
                if positions:
                    hits[wid] = positions
        return hits

    def pivots(self, lowered: str, reach: int = REACH) -> dict[int, list[tuple[int, int]]]:
        """ref index -> spans (start, end) in ``lowered`` of hits of its rarest group where all of
        its groups occur within ``reach`` characters. Patterns without groups are not included."""
        if not self.words:
            return {}
        scanned, back = scan_text(lowered)
        out = self.scan_pivots(scanned, reach)
        if back is not None:  # offsets in the collapsed scan text -> ``lowered``
            for ri, spans in out.items():
                out[ri] = [(back(a), back(b - 1) + 1) for a, b in spans]
        return out

    def scan_pivots(self, scanned: str, reach: int = REACH) -> dict[int, list[tuple[int, int]]]:
        """``pivots`` of a text already in the scan alphabet, with offsets in ``scanned``."""
        hits = self.word_hits(scanned)
        if not hits:
            return {}
        word_refs, lengths = self._positional_tables()
        # pattern -> group -> hit lists of that group's words
        found: dict[int, dict[int, list[tuple[int, list[int]]]]] = {}
        for wid, positions in hits.items():
            for ri, gi in word_refs[wid]:
                groups = found.get(ri)
                if groups is None:
                    found[ri] = {gi: [(wid, positions)]}
                elif gi in groups:
                    groups[gi].append((wid, positions))
                else:
                    groups[gi] = [(wid, positions)]
        out: dict[int, list[tuple[int, int]]] = {}
        for ri in sorted(found):
            present = found[ri]
            if len(present) < len(self._groups[ri]):
                continue  # some group has no hit at all
            # walk the group with the fewest hits; check the others around each of them
            order = sorted(present.values(), key=lambda lists: sum(len(p) for _w, p in lists))
            walk, others = order[0], [[p for _w, p in lists] for lists in order[1:]]
            spans: list[tuple[int, int]] = []
            near = min(reach, self.refs[ri].reach)
            for wid, positions in walk:
                wlen = lengths[wid]
                for p in positions:
                    if all(_near(lists, p, near) for lists in others):
                        spans.append((p, p + wlen))
            if spans:
                out[ri] = spans
        return out

    def _positional_tables(self) -> tuple[list[list[tuple[int, int]]], list[int]]:
        """word id -> the (pattern, group) pairs it can satisfy, and word id -> length: for
        ``scan_pivots`` only (long blocks), so built on first need, not at every start-up."""
        if self._word_refs is None:
            word_refs: list[list[tuple[int, int]]] = [[] for _ in self.words]
            for ri, gids in enumerate(self._groups):
                for gi, group in enumerate(gids):
                    for wid in group:
                        word_refs[wid].append((ri, gi))
            self._word_refs = word_refs
            self._lengths = [len(w) for w in sorted(self.words, key=self.words.__getitem__)]
        return self._word_refs, self._lengths

    def holds_char(self, char: str) -> bool:
        """Whether some required string holds ``char``."""
        if char not in self._chars_held:
            self._chars_held[char] = any(char in w for w in self.words)
        return self._chars_held[char]

    def block_refs(self, scanned: str) -> dict[int, list[int]]:
        """block index -> the patterns (ref indexes) all of whose groups occur in that block, for
        the blocks of ``scanned`` (a text in the scan alphabet) between ``BLOCK_SEPARATOR``
        characters; blocks without one are left out.

        For text where no match crosses a block's edge (a page's chunks: no match runs across a
        blank line), this is ``scan_pivots`` at block grain, and much cheaper: one automaton
        pass returns the matched strings themselves (the stored objects: nothing is allocated
        per hit), the list is cut at the separators and each block's word masks are OR-ed
        together in C (``functools.reduce``), with no Python step per hit. Bit 2*r of a mask
        says pattern r's first group occurred, bit 2*r + 1 its second.
        """
        out: dict[int, list[int]] = {}
        if not self.words:
            return out
        if self._search_small(scanned):
            bounds = [0]
            at = scanned.find(BLOCK_SEPARATOR)
            while at >= 0:
                bounds.append(at + 1)
                at = scanned.find(BLOCK_SEPARATOR, at + 1)
            found = [0] * len(bounds)
            for wid, positions in self._find_each(scanned).items():
                for p in positions:
                    found[bisect.bisect_right(bounds, p) - 1] |= self._masks[wid]
            per_block = enumerate(found)
        else:
            self.build()
            per_block = self._relevant_block_masks(
                self._automaton.find_matches_as_strings(scanned, overlapping=True))
        for i, present in per_block:
            satisfied = self._satisfied(present)
            if satisfied:
                refs = []
                while satisfied:
                    low = satisfied & -satisfied
                    refs.append(low.bit_length() >> 1)
                    satisfied ^= low
                out[i] = refs
        return out

    def _relevant_block_masks(self, strings: list[str]):
        """``_block_masks`` of ``strings`` (one automaton pass: hits and separators) restricted to
        the patterns all of whose groups occur somewhere in the whole text. Most hits are of
        common strings whose patterns lack another group there; the text's distinct strings
        (a few per cent of its hits) tell which, and the others' hits are dropped before the
        per-block OR, which costs a big-integer operation per hit."""
        mask_of = self._mask_of
        distinct = set(strings)
        distinct.discard(BLOCK_SEPARATOR)
        if not distinct:
            return ()
        satisfiable = self._satisfied(reduce(or_, map(mask_of.__getitem__, distinct)))
        if not satisfiable:
            return ()
        bits = satisfiable | (satisfiable << 1)
        relevant = {BLOCK_SEPARATOR: 0}
        for string in distinct:
            mask = mask_of[string] & bits
            if mask:
                relevant[string] = mask
        return _block_masks(list(filter(relevant.__contains__, strings)), relevant.__getitem__)

    @property
    def _even(self) -> int:
        if self._even_bits is None:
            self._even_bits = int("01" * len(self.refs), 2) if self.refs else 0
        return self._even_bits

    def any_satisfied(self, lowered: str) -> bool:
        """Whether all required groups of some pattern occur somewhere in ``lowered``: the
        whole-file yes/no pre-check, taken as one block (the places are not needed).

        The text is searched a piece of ``_PIECE`` characters at a time, each piece running on
        by the longest string's length (so no string is cut), and the answer is known as soon as
        the strings found so far satisfy a pattern: a page that will be parsed anyway usually
        says so in its first piece, where a full search cost it as much as the engine's."""
        if not self.words:
            return False
        scanned = scan_text(lowered.replace(BLOCK_SEPARATOR, " "))[0]
        if self._small(scanned):
            return bool(self.block_refs(scanned))  # (searched string by string there)
        self.build()
        search, mask_of = self._automaton.find_matches_as_strings, self._mask_of.__getitem__
        present = 0
        for start in range(0, len(scanned), _PIECE):
            strings = search(scanned[start:start + _PIECE + self._longest - 1], overlapping=True)
            if strings:
                present |= reduce(or_, map(mask_of, strings))
                if self._satisfied(present):
                    return True
        return False

    def _satisfied(self, present: int) -> int:
        """The bits 2*r of the patterns r all of whose groups are in ``present`` (an OR of word
        masks): the first group's bit, and the second's or the pattern has only one."""
        return present & ((present >> 1) | self._single_group) & self._even

    def _small(self, scanned: str) -> bool:
        """Whether ``scanned`` is one of the first few small texts, searched string by string
        (``_find_each``) rather than with an automaton built for it (see ``word_hits``)."""
        return self._automaton is None and len(scanned) <= SMALL_TEXT and self._small_scans < SMALL_SCANS

    def _search_small(self, scanned: str) -> bool:
        """``_small``, counting the text as one of those few if so."""
        if self._small(scanned):
            self._small_scans += 1
            return True
        return False


def occurrences(text: str, word: str) -> list[int]:
    """Start offsets of every occurrence of ``word`` in ``text``, overlapping ones included."""
    positions = []
    at = text.find(word)
    while at >= 0:
        positions.append(at)
        at = text.find(word, at + 1)
    return positions


def overlapping_automaton(words: list[str]):
    """An Aho-Corasick automaton (``ahocorasick_rs``) reporting every occurrence of every word,
    overlapping ones included: as (word index, start, end) in characters, ordered by end
    (``find_matches_as_indexes``), or as the word objects themselves
    (``find_matches_as_strings``)."""
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard,
                                      store_patterns=True)


def _block_masks(strings: list[str], mask_of):
    """(block index, OR of the masks of its strings) for each block with a hit, the blocks being
    the runs of ``strings`` between ``BLOCK_SEPARATOR`` entries (``list.index`` and the OR in C)."""
    lo, block, n = 0, 0, len(strings)
    index = strings.index
    while lo <= n:
        try:
            hi = index(BLOCK_SEPARATOR, lo)
        except ValueError:
            hi = n
        if hi > lo:
            yield block, reduce(or_, map(mask_of, strings[lo:hi]))
        lo, block = hi + 1, block + 1


def _near(lists: list[list[int]], p: int, reach: int) -> bool:
    lo, hi = p - reach, p + reach
    for positions in lists:
        i = bisect.bisect_left(positions, lo)
        if i < len(positions) and positions[i] <= hi:
            return True
    return False
