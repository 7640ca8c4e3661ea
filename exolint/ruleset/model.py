"""The Rule type: one risky phrasing, with its metadata, patterns, exceptions and examples."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

CATEGORIES = (
    "absolute_safety",
    "unqualified_percentage",
    "human_derived",
    "medicinal_claim",
    "structure_function",
    "non_cosmetic_route",
    "comparative_superiority",
    "vague_science",
    "regulator_claim",
    "hype",
    "testimonial_results",
    "cell_therapy",
)
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
MARKETS = ("UK", "EU", "US", "CA", "AU")


@dataclass(frozen=True)
class Reference:
    title: str
    url: str


@dataclass
class ContextCheck:
    """Regexes that neutralise a match: searched before it, after it, or in its whole sentence."""
    name: str
    before: tuple["regex.Pattern[str]", ...] = ()
    after: tuple["regex.Pattern[str]", ...] = ()
    sentence: tuple["regex.Pattern[str]", ...] = ()
    description: str = ""

    def applies(self, before: str, matched: str, after: str) -> bool:
        """Whether any ``before`` regex is found in ``before``, any ``after`` one in ``after``
        or any ``sentence`` one in the whole sentence."""
        searches = self.__dict__.get("_searches")
        if (searches is None or searches[0] is not self.before or searches[1] is not self.after
                or searches[2] is not self.sentence):
            searches = self._resolve()
        in_before, in_after, in_sentence = searches[3:]
        for search in in_before:
            if search(before):
                return True
        for search in in_after:
            if search(after):
                return True
        if in_sentence:
            whole = before + matched + after
            for search in in_sentence:
                if search(whole):
                    return True
        return False

    def _resolve(self) -> tuple:
        """The ``search`` methods of the compiled patterns, looked up once: a call through a
        ``LazyPattern`` proxy costs an attribute lookup in Python every time (about a third of
        the cost of checking the shared contexts). Kept with the lists they came from, so
        assigning a new list is seen; never pickled (see ``__getstate__``)."""
        lists = (self.before, self.after, self.sentence)
        searches = lists + tuple(tuple(_search_of(p) for p in ps) for ps in lists)
        self.__dict__["_searches"] = searches
        return searches

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_searches", None)
        return state


def _search_of(pattern):
    """The bound ``search`` of a pattern, or of the compiled pattern behind a LazyPattern."""
    compiled = getattr(pattern, "compiled", None)
    if callable(compiled):
        pattern = compiled()
    return pattern.search


@dataclass
class Rule:
    id: str
    category: str
    severity: str
    markets: frozenset[str]  # empty means every market
    summary: str
    message: str
    rationale: str
    suggestion: str
    patterns: tuple[str, ...]
    compiled: tuple["regex.Pattern[str]", ...]
    references: tuple[Reference, ...]
    examples_flag: tuple[str, ...]
    examples_pass: tuple[str, ...]
    exceptions: tuple[ContextCheck, ...] = ()
    unless: tuple[str, ...] = ()
    case_sensitive: bool = False
    pack: str = ""
    source_file: str = ""
    nested_quantifier_patterns: tuple[str, ...] = field(default=())
    # per pattern, the literal groups every match contains (see patterns.required_groups)
    pattern_groups: tuple[tuple[frozenset[str], ...] | None, ...] = field(default=())
    # per pattern, the longest match it can have (see patterns.pattern_reach)
    pattern_reach: tuple[int, ...] = field(default=())
    # per pattern, its relaxed form for the pre-parse check: (body or None, can match "*",
    # can match "_", strings every match starts with or None); see RuleSet.relaxed
    pattern_relaxed: tuple[tuple, ...] = field(default=())

    def applies_to(self, markets: frozenset[str] | None) -> bool:
        """Whether the rule applies to copy judged under ``markets`` (None: every market)."""
        if not self.markets or markets is None:
            return True
        return bool(self.markets & markets)

    def format_message(self, matched: str) -> str:
        shown = " ".join(matched.split())
        return self.message.replace("{match}", shown)
