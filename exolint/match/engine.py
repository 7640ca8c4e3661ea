"""Document x rules -> findings: prefilter, match, sentence context, exceptions, markets."""
from __future__ import annotations

from dataclasses import dataclass

from ..context.page_copy import page_copy, page_copy_pieces
from ..context.stage import judge
from ..context.structure import Structure
from ..document import Document
from ..findings import Finding
from ..lowercase import lower
from ..ruleset import Rule, RuleSet
from ..ruleset.model import SearchList
from ..sentences import sentence_begin, sentence_stop
from .timelimit import TimeBudget
from .windows import (MAX_MATCH, block_breaks, ends_inside_word, match_windows, odd_space,
                      split_at, start_hits, touching, without_blank)

MATCH_TIMEOUT = 1.0  # seconds one pattern may spend on one document


@dataclass
class RuleTimeout:
    rule: str
    path: str


def market_label(markets: frozenset[str] | None) -> str | None:
    return ",".join(sorted(markets)) if markets else None


def check_document(doc: Document, ruleset: RuleSet, markets: frozenset[str] | None = None,
                   timeouts: list[RuleTimeout] | None = None,
                   quieted: list[Finding] | None = None,
                   matched: list[tuple[int, int]] | None = None) -> list[Finding]:
    """All findings of ``ruleset`` in ``doc``, judged under ``markets`` (None: every market).
    Matches the context stage did not report (the page or sentence is not making the claim) go
    to ``quieted``, each with its reason in ``Finding.quieted_because``. ``matched`` receives the
    text span of every match, reported or quieted (the semantic stage reads only the rest)."""
    text = doc.text
    label = market_label(markets)
    breaks = block_breaks(text)
    barriers = sorted(set(breaks).union(doc.barriers)) if doc.barriers else breaks
    kept: list[tuple[int, str, int, Rule]] = []
    exceptions = _Exceptions(text, doc.cell_heads)
    lowered = lower(text)  # for the plan, and for start places
    starts_in = _lowered_for_starts(text, lowered)
    for rule, patterns in ruleset.plan(text, lowered, screen=True, breaks=breaks):
        if not rule.applies_to(markets):
            continue
        spans = _rule_spans(rule, text, doc.path, timeouts, patterns, barriers, starts_in)
        for start, end in exceptions.unexcepted(rule, spans, doc.path, timeouts):
            kept.append((start, rule.id, end, rule))
    # positions are made in text order (a rule's spans are in order, rules are not), so the
    # line of each is counted on from the one before it (see Document.line_col); the sort below
    # is by source offset, as always (the creation order only matters to equal keys, which one
    # rule cannot have twice in a different order)
    del lowered, starts_in  # (a copy of the text each: not kept while the context is judged)
    kept.sort(key=_place)
    if matched is not None:
        matched.extend((start, end) for start, _rid, end, _rule in kept)
    # (the spans one at a time: a list of them is a tuple a match again, on a dense page)
    report, reasons = judge(text, ((start, end) for start, _rid, end, _rule in kept),
                            lambda: page_copy(doc), lambda: page_copy_pieces(doc),
                            doc.voice) if kept else ([], [])
    if quieted is not None:
        for (start, _rid, end, rule), why in zip(kept, reasons):
            if why is not None:
                f = _make_finding(doc, rule, start, end, label)
                f.quieted_because = why
                quieted.append(f)
    kept = [k for k, ok in zip(kept, report) if ok]
    shared: dict = {}  # one string object per distinct message and matched text (a dense page
    # repeats them thousands of times)
    findings = [_make_finding(doc, rule, start, end, label, shared) for start, _rid, end, rule in kept]
    findings.sort(key=lambda f: (f.start, f.rule))
    return findings


def _place(item):
    return item[0], item[1]


def _rule_spans(rule: Rule, text: str, path: str, timeouts,
                patterns=None, barriers=(), lowered: str | None = None) -> list[tuple[int, int]]:
    """Match spans of the rule's candidate ``patterns`` (pattern, pivot spans or None for the
    whole text, reach, start places or None: see ``RuleSet.plan``; default: every pattern on the
    whole text), each run only in windows around its pivots, and only where it can start when
    its start places are known (``lowered``: ``_lowered_for_starts(text)``, computed if None);
    overlapping spans merged. The rule gets MATCH_TIMEOUT seconds in all."""
    if patterns is None:
        patterns = [(p, None, None, None) for p in rule.compiled]
    spans: list[tuple[int, int]] = []
    whole = [(0, len(text))]
    try:
        with TimeBudget(MATCH_TIMEOUT) as budget:
            for pat, pivots, reach, places in patterns:
                if pivots is None:
                    windows = split_at(whole, barriers) if barriers else whole
                else:
                    windows = match_windows(text, pivots, reach or MAX_MATCH)
                    if barriers:
                        # a match contains one of its pivots, and some character that is not
                        # whitespace: pieces cut off from all pivots by a barrier, and blank
                        # ones, are skipped (each call costs a microsecond or more)
                        windows = without_blank(touching(split_at(windows, barriers), pivots, text), text)
                finditer = pat.finditer  # once, not per window (a LazyPattern looks it up each time)
                if places is not None and lowered is None:
                    lowered = _lowered_for_starts(text)
                for lo, hi in windows:
                    if places is not None and lowered:
                        found = _matches_at_starts(pat, text, lo, hi, budget, places, lowered)
                    elif budget.timer:
                        found = finditer(text, lo, hi)
                    else:
                        found = finditer(text, lo, hi, timeout=budget.left())
                    for m in found:
                        if m.end() > m.start() and not ends_inside_word(text, m.end(), hi):
                            spans.append((m.start(), m.end()))
    except TimeoutError:
        if timeouts is not None:
            timeouts.append(RuleTimeout(rule.id, path))
    if len(spans) < 2:
        return spans
    spans.sort()
    merged = [spans[0]]
    for s, e in spans[1:]:
        ls, le = merged[-1]
        if s < le:  # overlap: one finding per place
            merged[-1] = (ls, max(le, e))
        else:
            merged.append((s, e))
    return merged


def _lowered_for_starts(text: str, lowered: str | None = None) -> str:
    """``text`` lower-cased (``lowered``, when the caller has it), or "" when start strings
    cannot be looked for in it: lower-casing changed its length, or it holds whitespace other
    than spaces and line breaks (see ``patterns.leading_words``)."""
    if lowered is None:
        lowered = lower(text)
    return lowered if len(lowered) == len(text) and not odd_space(text) else ""


def _matches_at_starts(pat, text: str, lo: int, hi: int, budget: TimeBudget, places, lowered: str):
    """The matches ``pat.finditer(text, lo, hi)`` yields, found by trying the pattern only where
    one of the strings every match of it starts with occurs (``RuleSet.start_places``), left to
    right, each after the end of the match before (as finditer goes on). ``regex`` walks a
    pattern that opens with a long alternation through every position of the window itself."""
    hits = start_hits(*places, lowered[lo:hi])
    if hits is None:
        if budget.timer:
            return pat.finditer(text, lo, hi)
        return pat.finditer(text, lo, hi, timeout=budget.left())
    found = []
    last = lo
    match = pat.match
    for at in sorted({start for _word, start, _end in hits}):
        at += lo
        if at < last:
            continue
        m = match(text, at, hi) if budget.timer else match(text, at, hi, timeout=budget.left())
        if m is not None and m.end() > m.start():
            found.append(m)
            last = m.end()
    return found


class _Exceptions:
    """Whether a match's sentence context neutralises it (``ContextCheck.applies`` of the rule's
    exceptions), for the matches of one text. Several rules often match in one sentence (facets
    of one claim), so each list of regexes is searched once per string, and each sentence edge
    is found once per match edge."""

    def __init__(self, text: str, cell_heads=()):
        self.text = text
        self._cell_heads = cell_heads
        self._begins: dict[int, int] = {}
        self._stops: dict[int, int] = {}
        # (id of a SearchList, string) -> (that list, whether one of it is found there)
        self._found: dict[tuple[int, str], tuple[SearchList, bool]] = {}
        self._budget: TimeBudget | None = None  # the time limit the searches run under
        self._structure: Structure | None = None  # list items and their lead-ins, when asked

    def unexcepted(self, rule: Rule, spans: list[tuple[int, int]], path: str,
                   timeouts: list[RuleTimeout] | None) -> list[tuple[int, int]]:
        """The ``spans`` of ``rule`` that no context of it neutralises. The context regexes
        run under the rule's time limit too (they come from rule files as its patterns do):
        when it runs out, the rule is reported, and the spans not yet judged are kept (a
        finding to look at rather than a claim let through unseen)."""
        if not spans or not (rule.exceptions or rule.requirements):
            return spans
        out: list[tuple[int, int]] = []
        i = 0  # the span being judged
        try:
            with TimeBudget(MATCH_TIMEOUT) as self._budget:
                for i, (start, end) in enumerate(spans):
                    if self.required(rule, start, end) and not self.excepted(rule, start, end):
                        out.append((start, end))
                i = len(spans)
        except TimeoutError:
            if timeouts is not None and RuleTimeout(rule.id, path) not in timeouts[-1:]:
                timeouts.append(RuleTimeout(rule.id, path))  # (once, if its matching ran out too)
            rest = spans[i:]
            if rest and out and out[-1] == rest[0]:  # judged and kept just as the time ran out
                rest = rest[1:]
            out.extend(rest)
        finally:
            self._budget = None
        return out

    def excepted(self, rule: Rule, start: int, end: int) -> bool:
        return bool(rule.exceptions) and self._any_applies(rule.exceptions, start, end)

    def required(self, rule: Rule, start: int, end: int) -> bool:
        """Whether one of the rule's ``requires`` contexts applies (True when it has none)."""
        return not rule.requirements or self._any_applies(rule.requirements, start, end)

    def _any_applies(self, checks, start: int, end: int) -> bool:
        text = self.text
        begin = self._begins.get(start)
        if begin is None:
            begin = self._begins[start] = sentence_begin(text, start)
        stop = self._stops.get(end)
        if stop is None:
            stop = self._stops[end] = sentence_stop(text, end)
        before, matched, after = text[begin:start], text[start:end], text[end:stop]
        lead_in = ""
        if any(check.lead_in for check in checks):
            if self._structure is None:
                self._structure = Structure(text, self._cell_heads)
            lead_in = self._structure.lead_in(start)
        previous = ""
        if begin > 0 and any(check.previous for check in checks):
            stop_before = begin
            while stop_before > 0 and text[stop_before - 1].isspace():
                stop_before -= 1
            if stop_before > 0 and "\n\n" not in text[stop_before:begin]:  # same block only
                previous = text[sentence_begin(text, stop_before - 1):stop_before]
        return any(check.applies(before, matched, after, self._found_in, lead_in, previous)
                   for check in checks)

    def _found_in(self, searches: SearchList, string: str) -> bool:
        key = (id(searches), string)
        known = self._found.get(key)
        if known is not None and known[0] is searches:  # (the entry keeps its list alive)
            return known[1]
        budget = self._budget
        found = searches.found(string, None if budget is None or budget.timer else budget.left())
        self._found[key] = (searches, found)
        return found


Exceptions = _Exceptions  # the semantic stage applies its closest rule's exceptions to a sentence


def _make_finding(doc: Document, rule: Rule, start: int, end: int, market: str | None,
                  shared: dict | None = None) -> Finding:
    line, col, end_line, end_col, s, e = doc.span_to_position(start, end)
    original = doc.source[s:e]
    matched = doc.text[start:end]
    if shared is None:
        message = rule.format_message(matched)
    else:
        original = shared.setdefault(original, original)
        message = shared.get((rule.id, matched))
        if message is None:
            message = shared[(rule.id, matched)] = rule.format_message(matched)
    return Finding(
        path=doc.path, line=line, column=col, end_line=end_line, end_column=end_col,
        rule=rule.id, category=rule.category, severity=rule.severity,
        message=message, match=original,
        suggestion=rule.suggestion, market=market, start=s, end=e,
    )
