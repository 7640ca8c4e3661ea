"""Rule packs: loading, validation, compiled patterns and the prefilter index."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

from ..match.timelimit import TimeBudget
from ..match.windows import block_breaks, odd_space, single_spaced, start_hits
from .index import BLOCK_SEPARATOR, AnchorIndex, PatternRef
from .literals import scan_text
from .lazy import LazyPattern
from .loader import RuleFileError, bundled_rules_dir, load_built, load_rules
from .model import CATEGORIES, MARKETS, SEVERITIES, SEVERITY_RANK, Reference, Rule
from ..lowercase import lower

__all__ = [
    "CATEGORIES", "MARKETS", "SEVERITIES", "SEVERITY_RANK", "Reference", "Rule", "RuleFileError",
    "RuleSet", "bundled_rules_dir", "load_rules",
]


class RuleSet:
    """A list of rules plus the prefilter index of their patterns' required words.

    ``plan(text)`` scans the lower-cased text once (Aho-Corasick) and returns, per rule, only the
    patterns whose required word groups all occur close together, with the places to look; so
    most patterns never run on most text (see ``exolint.ruleset.index``).
    """

    def __init__(self, rules: list[Rule]):
        self.rules = list(rules)
        self.by_id = {r.id: r for r in self.rules}
        self._index: AnchorIndex | None = None
        self._relaxed: dict[int, tuple | None] = {}
        self._twins: list[int] | None = None
        self._markets: dict[str, frozenset[str]] | None = None

    def markets_by_rule(self) -> dict[str, frozenset[str]]:
        """Rule id -> the markets it applies in (empty: every market); built once."""
        markets = getattr(self, "_markets", None)  # (absent from a rule set pickled before it)
        if markets is None:
            markets = self._markets = {r.id: r.markets for r in self.rules}
        return markets

    @classmethod
    def load(cls, folders: list[Path] | None = None, include_bundled: bool = True) -> "RuleSet":
        """The rule set of the bundled packs and ``folders``, its prefilter index built; both
        come from the on-disk cache after the first load (a start-up would spend longer
        building the index over tens of thousands of strings than checking a page)."""
        return load_built(folders, include_bundled, cls._indexed, "ruleset")

    @classmethod
    def _indexed(cls, rules: list[Rule]) -> "RuleSet":
        ruleset = cls(rules)
        ruleset.index().prepare()
        return ruleset

    def index(self) -> AnchorIndex:
        if self._index is None:
            refs = []
            for ri, rule in enumerate(self.rules):
                groups = rule.pattern_groups or (None,) * len(rule.compiled)
                reaches = rule.pattern_reach or (300,) * len(rule.compiled)
                for pi in range(len(rule.compiled)):
                    refs.append(PatternRef(ri, pi, groups[pi] if pi < len(groups) else None,
                                           reaches[pi] if pi < len(reaches) else 300))
            self._index = AnchorIndex(refs)
        return self._index

    def __getstate__(self):  # automata do not pickle: a spawned worker rebuilds what it uses
        state = self.__dict__.copy()
        state["_relaxed"] = {}
        return state

    def relaxed(self, ref_index: int):
        """(relaxed compiled pattern, can match "*", can match "_", automaton of the lower-cased
        literals every match starts with or None, the same for strings through spaces or None)
        for an index pattern, or None when it has no relaxed form (see
        ``patterns.relaxed_pattern`` and ``patterns.leading_words``). Built once per pattern,
        on first use."""
        if ref_index not in self._relaxed:
            import regex

            from .patterns import relaxed_forms

            ref = self.index().refs[ref_index]
            rule = self.rules[ref.rule_index]
            compiled = rule.compiled[ref.pattern_index]
            forms = rule.pattern_relaxed
            body, star, underscore, starts, spaced = (forms[ref.pattern_index] if ref.pattern_index < len(forms)
                                                      else relaxed_forms(compiled))
            entry = None
            if body is not None:
                try:
                    program = _resolved(body) if isinstance(body, LazyPattern) \
                        else regex.compile(body, compiled.flags)
                    entry = (program, star, underscore, _start_automaton(starts),
                             _start_automaton(spaced) if spaced != starts else None)
                except regex.error:
                    entry = None
            self._relaxed[ref_index] = entry
        return self._relaxed[ref_index]

    def relaxed_match(self, ref_index: int, text: str, lowered: str | None, single: str,
                      budget: TimeBudget, relaxed: tuple | None = None) -> bool:
        """Whether index pattern ``ref_index``, relaxed (``relaxed``), matches ``text``; True when
        it has no relaxed form (cannot tell). ``lowered``: the lower-cased copy start strings are
        looked for in (same length as ``text``, no whitespace but spaces and line breaks), or
        None to search the whole text; ``single``: ``windows.single_spaced(lowered)``. The calls
        run under ``budget`` (a time-out raises ``TimeoutError``). ``relaxed``: ``relaxed(ref_index)``
        when the caller has looked it up."""
        if relaxed is None:
            relaxed = self.relaxed(ref_index)
        if relaxed is None:
            return True
        pattern, _star, _underscore, starts, spaced_starts = relaxed
        # the places where the pattern can start: its start strings through spaces where the
        # copy is single-spaced ("the best "), else those up to the first space ("the")
        places = start_hits(starts, spaced_starts, lowered, single) if lowered is not None else None
        if budget.timer:
            if places is not None:
                match = pattern.match
                for _word, start, _end in places:
                    if match(text, start):
                        return True
                return False
            return pattern.search(text) is not None
        if places is not None:
            for _word, start, _end in places:
                if pattern.match(text, start, timeout=budget.left()):
                    return True
            return False
        return pattern.search(text, timeout=budget.left()) is not None

    def relaxed_twins(self) -> list[int]:
        """Per index pattern, the first pattern with the same relaxed form (itself if none):
        rules share lexicon patterns, and a chunk needs each relaxed form tried only once."""
        if self._twins is None:
            first: dict[tuple, int] = {}
            twins = []
            for i, ref in enumerate(self.index().refs):
                rule = self.rules[ref.rule_index]
                forms = rule.pattern_relaxed
                body = forms[ref.pattern_index][0] if ref.pattern_index < len(forms) else None
                source = getattr(body, "pattern", body)
                key = (source, rule.compiled[ref.pattern_index].flags) if source is not None else i
                twins.append(first.setdefault(key, i))
            self._twins = twins
        return self._twins

    @property
    def always_run(self) -> list[Rule]:
        """Rules with a pattern that has no required word: it runs on every text."""
        idx = self.index()
        seen = sorted({ref.rule_index for ref in idx.unanchored})
        return [self.rules[i] for i in seen]

    def plan(self, text: str, lowered: str | None = None, screen: bool = False,
             breaks: list[int] | None = None) -> list[tuple[Rule, list[tuple]]]:
        """Candidate rules in rule order, each with its candidate patterns and, per pattern, the
        spans of ``text`` around which it must run (None: the whole text), how far from those
        spans a match can reach, and where it can start (``start_places`` or None).

        No match runs across a blank line (the engine cuts its windows there), so the text is
        taken block by block: a pattern runs in the blocks that hold all its required groups
        (``AnchorIndex.block_refs``, one automaton pass). Blocks longer than ``LONG_BLOCK`` (a
        10 MB line) are narrowed further, to the places around its rarest group's hits
        (``AnchorIndex.pivots``), so the cost stays linear. ``lowered``: ``text.lower()``, when
        the caller has it. ``screen``: a pattern runs only in the blocks where its relaxed form
        matches too (``screened``): a relaxed check costs a fraction of a windowed match, and on
        a whole page most blocks that hold a pattern's required strings do not match it.
        ``breaks``: ``windows.block_breaks(text)``, when the caller has it.
        """
        idx = self.index()
        if lowered is None:
            lowered = lower(text)
        exact = len(lowered) == len(text)
        found: dict[int, list[tuple[list[tuple[int, int]], int]]] = {}  # ref -> [(spans, reach)]
        by_blocks = exact and _SENTINEL not in text
        if by_blocks and breaks is None:
            breaks = block_breaks(text)
        # (the blocks are walked twice rather than listed: a dense page has one every few lines)
        short = _grouped((a, b) for a, b in text_blocks(text, breaks) if b - a <= LONG_BLOCK) \
            if by_blocks else []
        if short:
            per_ref: dict[int, list[tuple[int, int]]] = {}
            for part in _slices(short):  # a large page a slice at a time: bounded memory
                scanned = scan_text(_SENTINEL.join(lowered[a:b] for a, b in part))[0]
                candidates = idx.block_refs(scanned)
                del scanned
                if screen:
                    candidates = self.screened(text, lowered, part, candidates)
                for b, refs in sorted(candidates.items()):
                    for ref_i in refs:
                        per_ref.setdefault(ref_i, []).append(part[b])
            for ref_i, spans in per_ref.items():
                found[ref_i] = [(spans, 1)]  # the block is the window
        # without blocks (lower-casing changed the length, or the text holds the separator):
        # the whole lower-cased text, and each candidate pattern then runs on all of it
        rest = ([(a, b) for a, b in text_blocks(text, breaks) if b - a > LONG_BLOCK] if by_blocks
                else [(0, len(lowered))])
        for a, b in rest:
            for ref_i, spans in idx.pivots(lowered[a:b]).items():
                moved = [(s + a, e + a) for s, e in spans]
                found.setdefault(ref_i, []).append((moved, idx.refs[ref_i].reach))
        per_rule: dict[int, list[tuple]] = {}
        for ref_i in sorted(found):
            ref = idx.refs[ref_i]
            pattern = _resolved(self.rules[ref.rule_index].compiled[ref.pattern_index])
            places = self.start_places(ref_i) if exact else None
            for spans, reach in found[ref_i]:
                per_rule.setdefault(ref.rule_index, []).append(
                    (pattern, spans if exact else None, reach, places))
        for ref in idx.unanchored:
            pattern = self.rules[ref.rule_index].compiled[ref.pattern_index]
            per_rule.setdefault(ref.rule_index, []).append((pattern, None, ref.reach, None))
        return [(self.rules[i], per_rule[i]) for i in sorted(per_rule)]

    def screened(self, text: str, lowered: str, blocks: list[tuple[int, int]],
                 candidates: dict[int, list[int]]) -> dict[int, list[int]]:
        """``candidates`` (block index -> index patterns) without the patterns whose relaxed
        form does not match their block of ``text`` (``relaxed_match``: it matches wherever the
        pattern does), and without the blocks left with none. Patterns sharing a relaxed form
        are tried once a block. A check that runs out of time keeps its pattern (the engine
        then reports the time-out)."""
        twins = self.relaxed_twins()
        out: dict[int, list[int]] = {}
        pending = list(candidates.items())
        judged = 0  # blocks of ``pending`` done
        try:
            with TimeBudget(SCREEN_TIMEOUT + len(text) / 1e6) as budget:
                for b, refs in pending:
                    a, e = blocks[b]
                    piece, low = text[a:e], lowered[a:e]
                    starts_in = None if odd_space(piece) else low
                    single = single_spaced(low) if starts_in is not None else ""
                    verdicts: dict[int, bool] = {}
                    kept = []
                    for ref_i in refs:
                        twin = twins[ref_i]
                        found = verdicts.get(twin)
                        if found is None:
                            try:
                                found = self.relaxed_match(twin, piece, starts_in, single, budget)
                            except TimeoutError:
                                found = True
                                budget.restart()
                            verdicts[twin] = found
                        if found:
                            kept.append(ref_i)
                    if kept:
                        out[b] = kept
                    judged += 1
        except TimeoutError:  # the time ran out between two checks: the rest stays unscreened
            for b, refs in pending[judged:]:
                out[b] = refs
        return out

    def start_places(self, ref_index: int) -> tuple | None:
        """(automaton of the strings every match of the pattern starts with, the same through
        spaces; see ``relaxed``), or None when it has neither: where in a lower-cased text the
        pattern can start, so the engine tries it only there."""
        relaxed = self.relaxed(ref_index)
        if relaxed is None or (relaxed[3] is None and relaxed[4] is None):
            return None
        return relaxed[3], relaxed[4]

    def candidates(self, text: str) -> list[Rule]:
        """Rules that may match ``text`` (in rule order)."""
        return [rule for rule, _patterns in self.plan(text)]

    def may_match(self, normalised: str, lowered: str) -> bool:
        """Whether any rule could match text whose normalised form is ``normalised``
        (``lowered`` is its lower-case copy): all required words of some pattern occur close
        together, or a pattern without required words matches the text directly."""
        idx = self.index()
        if idx.any_satisfied(lowered):
            return True
        for ref in idx.unanchored:
            pattern = self.rules[ref.rule_index].compiled[ref.pattern_index]
            try:
                with TimeBudget(1.0) as budget:
                    found = (pattern.search(normalised) if budget.timer
                             else pattern.search(normalised, timeout=budget.left()))
                if found:
                    return True
            except TimeoutError:
                return True  # cannot tell: parse and let the engine report the time-out
        return False

    def subset(self, keep) -> "RuleSet":
        return RuleSet([r for r in self.rules if keep(r)])


SCREEN_TIMEOUT = 1.0  # seconds of relaxed checks per document, plus 1 s per MB (see ``screened``)
LONG_BLOCK = 4096  # characters: longer blocks are narrowed to the places around their hits
_SENTINEL = BLOCK_SEPARATOR  # "\x00": joins blocks for one scan (ASCII, so an ASCII text stays
# ASCII; a text holding it is planned without blocks)
def text_blocks(text: str, cuts: list[int] | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of the blocks of ``text``, one at a time: cut in the middle of every blank
    line, where the engine cuts its windows too (``cuts``: ``windows.block_breaks(text)``,
    computed if None)."""
    if cuts is None:
        cuts = block_breaks(text)
    return zip(chain((0,), cuts), chain(cuts, (len(text),)))


MIN_GROUP = 256  # characters: consecutive blocks are scanned together up to this length


SLICE = 1 << 18  # characters of copy scanned at a time by ``plan`` (its scan text's making
# holds several times that: 16 MB for 1 MB of dense copy)


def _slices(blocks: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Consecutive runs of ``blocks`` holding about ``SLICE`` characters each (one on a page)."""
    out: list[list[tuple[int, int]]] = [[]]
    size = 0
    for a, b in blocks:
        if size >= SLICE:
            out.append([])
            size = 0
        out[-1].append((a, b))
        size += b - a
    return out


def _grouped(blocks: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Consecutive short blocks (menu items, buttons, table cells) joined into spans of about
    ``MIN_GROUP`` characters: fewer, larger blocks cost less to look at, and a span holding
    several whole blocks still holds any match within one of them (a coarser cut only lets a
    pattern run in more places)."""
    out: list[tuple[int, int]] = []
    for a, b in blocks:
        if out and out[-1][1] == a and b - out[-1][0] <= MIN_GROUP:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _resolved(pattern):
    """The compiled pattern behind a LazyPattern (calls through the proxy cost a lookup each)."""
    return pattern.compiled() if isinstance(pattern, LazyPattern) else pattern


def _start_automaton(words):
    """``_automaton`` of a pattern's start strings, or None when one holds the ellipsis: the
    relaxed check looks for them in copy where inline code's placeholder ellipsis stands as a
    control character (``sparse._CODE_MARK``)."""
    if words and any("\u2026" in w for w in words):
        return None
    return _automaton(words)


def _automaton(words):
    """An automaton finding every occurrence of ``words`` (see ``index.overlapping_automaton``),
    or None for no words."""
    if not words:
        return None
    from .index import overlapping_automaton

    return overlapping_automaton(sorted(words))
