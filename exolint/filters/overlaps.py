"""One finding per phrase per category.

Rules of one category are facets of the same kind of claim ("made from human umbilical cord stem
cells" is both a human-origin ingredient and a birth-tissue source). When findings of the same
category overlap, only the most severe is kept (then the longest, then the first), so a phrase
is reported once for each kind of risk it carries, not once per rule that saw it.
"""
from __future__ import annotations

import bisect

from ..findings import Finding
from ..ruleset import SEVERITY_RANK

# exolint's own audit findings about a suppression comment are separate facts, never merged
UNMERGED = frozenset({"exolint"})


def one_per_place(findings: list[Finding]) -> list[Finding]:
    if _in_order_apart(findings):
        return findings
    by_category: dict[str, list[Finding]] = {}
    kept: list[Finding] = []
    for f in findings:
        if f.category in UNMERGED:
            kept.append(f)
        else:
            by_category.setdefault(f.category, []).append(f)
    for group in by_category.values():
        if len(group) == 1:
            kept.extend(group)
            continue
        # strongest first; each finding survives unless it overlaps one already kept
        ranked = sorted(group, key=lambda f: (-SEVERITY_RANK.get(f.severity, 0), -(f.end - f.start),
                                              f.start, f.rule))
        chosen: list[Finding] = []
        spans: list[tuple[int, int]] = []  # the chosen spans, disjoint, sorted
        for f in ranked:
            # among disjoint sorted spans, only the last one starting before f ends can overlap
            # f (linear in a 50 MB file's thousands of findings, where testing all was not)
            i = bisect.bisect_left(spans, (f.end,)) - 1
            if i >= 0 and spans[i][1] > f.start:
                continue
            bisect.insort(spans, (f.start, f.end))
            chosen.append(f)
        kept.extend(chosen)
    kept.sort(key=lambda f: (f.start, f.rule))
    return kept


def _in_order_apart(findings: list[Finding]) -> bool:
    """Whether ``findings`` are already in (start, rule) order with no two of one merged
    category overlapping: then ``one_per_place`` keeps them all, as they are (checked in one
    pass, without the sort keys and span lists a dense page's findings would cost)."""
    reach: dict[str, int] = {}  # category -> the furthest end of its findings so far
    last = None
    for f in findings:
        place = (f.start, f.rule)
        if last is not None and place < last:
            return False
        last = place
        category = f.category
        if category in UNMERGED:
            continue
        if f.start < reach.get(category, -1):
            return False
        if f.end > reach.get(category, -1):
            reach[category] = f.end
    return True


def one_across_markets(findings: list[Finding], rule_markets: dict[str, frozenset[str]]) -> list[Finding]:
    """With no market chosen, the same phrase is often caught twice: by a UK/EU rule and by its
    US/AU counterpart ("human stem cell exosomes" is a banned human-origin ingredient in one and
    an unapproved cell product in the other). Findings whose spans overlap and whose rules cover
    disjoint markets are reported once: the most severe (then longest) finding, its message
    naming the other rules and the markets each applies in. ``rule_markets``: rule id -> its
    markets (empty: all markets; such rules are never merged)."""
    def markets_of(f: Finding) -> frozenset[str]:
        return rule_markets.get(f.rule, frozenset())

    restricted = [f for f in findings if markets_of(f) and f.category not in UNMERGED]
    if len(restricted) < 2:
        return findings
    ranked = sorted(restricted, key=lambda f: (-SEVERITY_RANK.get(f.severity, 0), -(f.end - f.start),
                                               f.start, f.rule))
    # each kept finding -> the markets its phrase is already reported for (its own and merged ones')
    covered: dict[int, frozenset[str]] = {}
    kept: list[Finding] = []
    dropped: set[int] = set()
    for f in ranked:
        host = next((k for k in kept if k.start < f.end and f.start < k.end
                     and not (covered[id(k)] & markets_of(f))), None)
        if host is None:
            kept.append(f)
            covered[id(f)] = markets_of(f)
            continue
        dropped.add(id(f))
        if covered[id(host)] == markets_of(host):  # the first rule merged into it
            host.message += f" Markets: {', '.join(sorted(markets_of(host)))} ({host.rule})"
        else:
            host.message = host.message[:-1]
        host.message += f"; {', '.join(sorted(markets_of(f)))} ({f.rule})."
        covered[id(host)] |= markets_of(f)
    return [f for f in findings if id(f) not in dropped]
