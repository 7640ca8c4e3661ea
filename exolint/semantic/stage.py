"""The semantic stage: sentences where the rules are silent, read by the example index.

Runs after matching and the context stage, on the copy the reader extracted; at the recorded
point only on pages where the rules reported a claim (``OperatingPoint.claimed_pages_only``). A
sentence is read only when no rule matched in it (reported or quieted), it holds a word of the
rules' claim vocabulary (the cheap screen), it has no negator, cautious stance or cosmetic framing
(embeddings see the topic, not the stance), and the context stage says the page is claiming there
(a reporting page, hearsay). The closest rule's own exceptions (``unless``: a regulator's
warning, an educational frame...) apply to the sentence too.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .blas import np

from ..context.stage import judge
from ..document import Document
from ..match.engine import Exceptions
from ..findings import Finding
from ..sentences import sentence_spans
from . import rule_id
from .classify import OperatingPoint, recorded_point, score
from .embedder import embedder
from .examples import index_for
from .vocabulary import words

MIN_WORDS, MAX_WORDS = 5, 60  # (shorter: a heading or a name, not a claim)
# scripts/tune-semantic.py sets a list here: every sentence scored is recorded in it
TRACE: list | None = None
# negators: embeddings see the topic, not the stance, so a negated sentence stays with the rules
_NEGATOR = (r"\b(?:not|never|no|nor|neither|without|cannot|(?:do|does|did|is|are|was|were|has|have|"
            r"had|ca|wo|should|would|could)nt)\b|(?<=\w)n[\x27\u2019]t\b")
# the stance of a sentence that talks about the evidence or the rules rather than claiming (an
# explainer's "still experimental", "more research is needed", a regulator's warning): like a
# negator, it turns a claim's topic into something else, which an embedding does not see
_CAUTION = (r"\b(?:experimental|unproven|preliminary|early[- ]stage|ongoing research|"
            r"(?:more|further) research|limited evidence|so far|yet to|remains? to be|"
            r"debated?|hype|buzz\w*|sceptic\w*|skeptic\w*|caution\w*|consult|warnings?|"
            r"uncertain\w*|unclear|open question|under investigation|marketing|"
            r"being (?:tested|studied|investigated|researched))\b")
# the cosmetic register: a sentence about how skin looks or feels ("the look of", "the appearance
# of", "looks brighter", "feels softer") is the framing the rules let through, not a claim on the body
_COSMETIC = r"\b(?:the (?:look|appearance) of|look(?:s|ing)? (?:\w+er|more \w+)|feel(?:s|ing)? (?:\w+er|more \w+))\b"
# one pass over the lower-cased sentence (cheaper than case-insensitive searches)
_STANCE = re.compile(_NEGATOR + "|" + _CAUTION + "|" + _COSMETIC)
_LEAD = re.compile(r"^[^\w\"\u201c(]+")
_SCREENED: dict[frozenset, dict[str, bool]] = {}
_SCREEN_LIMIT = 200_000  # sentences remembered per process (pages repeat menus, footers, blurbs)


def worth_reading(sentence: str, domain: frozenset[str]) -> bool:
    """The screens: a plausible length, not a question (it asks, it does not claim), no negator,
    cautious stance or cosmetic framing, and a word of ``domain`` (the rules' vocabulary)."""
    n = sentence.count(" ") + 1
    if n < MIN_WORDS or n > MAX_WORDS or sentence.endswith("?"):
        return False
    lower = sentence.lower()
    if "\n" in lower or "\t" in lower or "  " in lower:
        lower = " ".join(lower.split())  # (the stance phrases are matched with single spaces)
    return _STANCE.search(lower) is None and not domain.isdisjoint(words(lower))


def candidates(text: str, taken: list[tuple[int, int]], domain: frozenset[str]) -> list[tuple[int, int]]:
    """Sentences of ``text`` worth embedding: no rule span in them (``taken``: sorted text spans)
    and ``worth_reading`` (remembered per sentence: pages repeat their menus and footers)."""
    memo = _SCREENED.get(domain)
    if memo is None or len(memo) > _SCREEN_LIMIT:
        memo = _SCREENED[domain] = {}
    ends = [e for _s, e in taken]
    out = []
    for begin, stop in sentence_spans(text):
        lead = _LEAD.match(text, begin, stop)
        if lead:
            begin = lead.end()
        i = bisect_left(ends, begin + 1)  # the first rule span ending inside or after the sentence
        if i < len(taken) and taken[i][0] < stop:
            continue
        sentence = text[begin:stop]
        ok = memo.get(sentence)
        if ok is None:
            ok = memo[sentence] = worth_reading(sentence, domain)
        if ok:
            out.append((begin, stop))
    return out


_MEMO: dict[tuple, dict[str, tuple[int, float, float]]] = {}
_MEMO_LIMIT = 200_000  # sentences remembered per process (pages repeat menus, footers, blurbs)


def _memo(index, markets, k: int, floor: float) -> dict:
    """Scores already computed in this process, by sentence (whitespace normalised)."""
    key = (id(index), markets, k, floor)
    memo = _MEMO.get(key)
    if memo is None or len(memo) > _MEMO_LIMIT:
        memo = _MEMO[key] = {}
    return memo


def semantic_findings(doc: Document, ruleset, rule_spans: list[tuple[int, int]], markets,
                      market_label: str | None, page, point: OperatingPoint | None = None,
                      claimed: bool = True) -> list[Finding]:
    """Findings ``semantic-<category>`` for ``doc``; ``rule_spans``: the text spans the rules
    matched (reported or quieted); ``page()``: the whole page's copy, for its voice;
    ``claimed``: whether the rules reported a claim on the page."""
    point = point or recorded_point()
    if point.claimed_pages_only and not claimed and TRACE is None:
        return []  # (the tuning script traces every page and applies the gate itself)
    index = index_for(ruleset)
    if not index.flag_rules:
        return []
    text = doc.text
    spans = candidates(text, sorted(rule_spans), index.domain_words)
    if not spans:
        return []
    if TRACE is not None:  # the tuning script sees every sentence the context stage keeps
        keep, _why = judge(text, spans, page)
        spans = [span for span, ok in zip(spans, keep) if ok]
    floor = -np.inf if TRACE is not None else point.floor
    known = _memo(index, markets, point.k, floor)
    sentences = [" ".join(text[b:e].split()) for b, e in spans]
    todo = list(dict.fromkeys(s for s in sentences if s not in known))
    if todo:
        fresh = score(embedder().embed(todo), index.flag_vectors, index.pass_vectors, point.k,
                      index.flag_mask(markets), floor)
        for s, near, sim, margin in zip(todo, fresh.nearest, fresh.similarity, fresh.margin):
            known[s] = (int(near), float(sim), float(margin))
    scored = [known[s] for s in sentences]
    if TRACE is not None:  # (the nearest rule's exceptions do not depend on the operating point)
        exceptions = Exceptions(text, doc.cell_heads)
        for (begin, stop), (near, sim, margin) in zip(spans, scored):
            rule = index.flag_rules[near]
            TRACE.append((doc.path, doc.span_to_position(begin, stop), margin, sim, rule.category,
                          text[begin:stop], bool(exceptions.unexcepted(rule, [(begin, stop)], doc.path, None))))
    hits = [(span, got) for span, got in zip(spans, scored)
            if got[2] >= point.margin and got[1] >= point.floor]
    if not hits:
        return []
    # the context stage, only for the sentences the model flagged (its regexes cost more)
    keep, _why = judge(text, [span for span, _got in hits], page)
    hits = [h for h, ok in zip(hits, keep) if ok]
    exceptions = Exceptions(text, doc.cell_heads)
    out = []
    for (begin, stop), (near, sim, _margin) in hits:
        rule = index.flag_rules[near]
        if not exceptions.unexcepted(rule, [(begin, stop)], doc.path, None):
            continue  # e.g. the sentence reports a regulator's warning
        example = index.flag_texts[near]
        line, col, end_line, end_col, s, e = doc.span_to_position(begin, stop)
        label = rule.category.replace("_", "/" if rule.category == "structure_function" else " ")
        out.append(Finding(
            path=doc.path, line=line, column=col, end_line=end_line, end_column=end_col,
            rule=rule_id(rule.category), category=rule.category, severity="info",
            message=(f"reads like a {label} claim; closest example [{rule.id}]: "
                     f"'{example}' ({float(sim):.2f})"),
            match=doc.source[s:e], suggestion=rule.suggestion, market=market_label, start=s, end=e,
            closest=rule.id))
    return out
