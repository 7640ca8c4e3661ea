"""The Rule type: one risky phrasing, with its metadata, patterns, exceptions and examples."""
from __future__ import annotations

import re
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
    # searched in the lead-in that governs the list item or table cell holding the match
    # ("Conditions we treat", "Works best for:"; see exolint.context.structure)
    lead_in: tuple["regex.Pattern[str]", ...] = ()
    # searched in the sentence before the match's, a line break, and the match's sentence up to
    # the match: "PRP is drawn from your blood.\nIt's injected into ..." (a pronoun's antecedent)
    previous: tuple["regex.Pattern[str]", ...] = ()

    def applies(self, before: str, matched: str, after: str, found=None, lead_in: str = "",
                previous: str = "") -> bool:
        """Whether any ``before`` regex is found in ``before``, any ``after`` one in ``after``,
        any ``sentence`` one in the whole sentence, or any ``lead_in`` one in ``lead_in``.
        ``found(search_list, string)`` answers each question (default ``SearchList.found``;
        the engine passes one that remembers)."""
        found = found or SearchList.found
        in_before, in_after, in_sentence, in_lead_in, in_previous = self.searches()
        if in_previous is not None and previous and found(in_previous, previous + "\n" + before):
            return True
        if in_before is not None and found(in_before, before):
            return True
        if in_after is not None and found(in_after, after):
            return True
        if in_lead_in is not None and lead_in and found(in_lead_in, lead_in):
            return True
        return in_sentence is not None and found(in_sentence, before + matched + after)

    def searches(self) -> tuple["SearchList | None", ...]:
        """The ``before``, ``after``, ``sentence`` and ``lead_in`` lists, ready to search (None:
        empty). Built once and kept with the lists they came from, so assigning a new list is
        seen; never pickled (see ``__getstate__``). The same objects are returned until a list
        changes (the engine remembers answers per object and string)."""
        cached = self.__dict__.get("_searches")
        lists = (self.before, self.after, self.sentence, self.lead_in, self.previous)
        if cached is None or any(a is not b for a, b in zip(cached[0], lists)):
            ready = tuple(SearchList(ps) if ps else None for ps in lists)
            cached = self.__dict__["_searches"] = (lists, ready)
        return cached[1]

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_searches", None)
        return state


class SearchList:
    """A list of compiled patterns, asked one question: is any of them found in a string?

    The answer is ``any(p.search(string) for p in patterns)``, got for less:

    * each pattern's ``search`` is looked up once (a call through a ``LazyPattern`` proxy costs
      an attribute lookup in Python every time: a third of the cost of the shared contexts);
    * most patterns of the shared contexts start with a word from a short list (``\\bregulators?``,
      ``\\b(?:not|never|cannot|...)``). Such a pattern can only be found where a word of the
      string starts with the first letters (up to four) of one of those words, so on an ASCII
      string only the patterns whose word starts occur in it run (``word_starts``; sound for
      ASCII text, where case-insensitive matching is ``str.lower`` and ``\\b`` and ``\\w`` mean
      the same to ``re`` and ``regex``). ``regulatory``'s 27 patterns cost 27 calls a sentence,
      a few this way.
    """

    __slots__ = ("searches", "_ungated", "_by_start")

    def __init__(self, patterns) -> None:
        self.searches = tuple(_search_of(p) for p in patterns)
        ungated: list = []
        by_start: dict[str, list] = {}
        for pattern, search in zip(patterns, self.searches):
            starts = word_starts(pattern)
            if starts is None:
                ungated.append(search)
            else:
                for key in starts:
                    by_start.setdefault(key[:2], []).append((key, search))
        self._ungated = tuple(ungated)
        # only worth a scan of the string's words when it spares several calls
        self._by_start = by_start if len(self.searches) - len(ungated) >= _MIN_GATED else None

    def found(self, string: str, timeout: float | None = None) -> bool:
        """Whether any pattern is found in ``string``; ``timeout``: seconds each search may take
        (None: no limit of its own, as under ``exolint.match.timelimit``'s interval timer)."""
        limit = {} if timeout is None else {"timeout": timeout}
        by_start = self._by_start
        if by_start is None or not string.isascii():
            for search in self.searches:
                if search(string, **limit):
                    return True
            return False
        for search in self._ungated:
            if search(string, **limit):
                return True
        tried = set()
        for word in set(_WORD.findall(string.lower())):
            for key, search in by_start.get(word[:2], ()):
                if word.startswith(key) and search not in tried:
                    if search(string, **limit):
                        return True
                    tried.add(search)
        return False


_MIN_GATED = 4
_WORD = re.compile(r"\b\w+")  # the words of a string (on ASCII text, as regex's \b and \w)
_FLAGS_KNOWN = regex.IGNORECASE | regex.UNICODE | regex.ASCII | regex.VERSION0
_KEY = 4  # word starts are compared on up to this many characters
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def word_starts(pattern) -> frozenset[str] | None:
    """Lower-cased word starts (two to four letters) one of which starts every match of
    ``pattern`` (a compiled pattern), at a word boundary; None when that is not plain from its
    source.

    Only one shape is read: ``\\b`` then a run of ASCII letters or digits, or ``\\b`` then a
    non-capturing group (not optional) of alternatives that each start with such a run, as in
    ``\\bwarn(?:s|ed)?\\s+`` or ``\\b(?:not|never(?!...)|can\\x27t)\\b``. A run ends before the
    first other character; a letter that a quantifier follows is left out of it (``regulators?``
    gives ``regulator``); its first four characters are kept, and it must keep two. Patterns
    with flags other than IGNORECASE (e.g. an inline ``(?x)``, which changes what a space
    means, or fuzzy-matching flags) are not read.
    """
    source = getattr(pattern, "pattern", None)
    flags = getattr(pattern, "flags", None)
    if not isinstance(source, str) or not isinstance(flags, int) or flags & ~_FLAGS_KNOWN:
        return None
    if not source.startswith("\\b"):
        return None
    rest = source[2:]
    if rest.startswith("(?:"):
        group = _group_body(rest)
        if group is None:
            return None
        body, after = group
        if after[:1] in ("?", "*", "{"):
            return None  # the group may be left out
        alternatives = _alternatives(body)
        if alternatives is None:
            return None
    else:
        alternatives = [rest]
    keys = set()
    for alt in alternatives:
        n = 0
        while n < len(alt) and alt[n] in _WORD_CHARS:
            n += 1
        if alt[n:n + 1] in ("?", "*", "{"):
            n -= 1  # the quantifier is on the last character alone
        if n < 2:
            return None
        keys.add(alt[:min(n, _KEY)].lower())
    return frozenset(keys)


def _scan(source: str):
    """(index, character, depth) of the characters of ``source`` outside escapes and classes,
    depth counting open parentheses; None at the end when ``source`` does not scan cleanly."""
    depth = 0
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: up to its closing bracket (one right after [ or [^ is literal)
            j = i + 1
            if j < n and source[j] == "^":
                j += 1
            if j < n and source[j] == "]":
                j += 1
            while j < n and source[j] != "]":
                if source[j] == "\\":
                    j += 1
                elif source[j] == "[":
                    yield None  # a nested set (V1 set operations, POSIX classes): not read
                    return
                j += 1
            if j >= n:
                yield None
                return
            i = j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        yield i, c, depth
        i += 1


def _group_body(source: str) -> tuple[str, str] | None:
    """(body, rest) of ``source`` that starts with a group: what is inside its parentheses and
    what follows the closing one."""
    for item in _scan(source):
        if item is None:
            return None
        i, c, depth = item
        if c == ")" and depth == 0:
            return source[3:i], source[i + 1:]
    return None


def _alternatives(body: str) -> list[str] | None:
    """``body`` split at its top-level ``|``."""
    out, last = [], 0
    for item in _scan(body):
        if item is None:
            return None
        i, c, depth = item
        if depth < 0:
            return None
        if c == "|" and depth == 0:
            out.append(body[last:i])
            last = i + 1
    out.append(body[last:])
    return out


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
    # contexts one of which must apply for a match to count (``requires = [...]``): a bare
    # condition word is a claim only under a lead-in such as "Conditions we treat"
    requirements: tuple[ContextCheck, ...] = ()
    requires: tuple[str, ...] = ()
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
