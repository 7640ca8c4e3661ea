"""Compile rule patterns and derive what the prefilter needs from them.

Pattern semantics (see docs/rule-format.md): case-insensitive by default, whole words, and a
literal space outside ``[...]`` matches any run of whitespace (so phrases match across line
wraps). For each pattern: the groups of strings every match contains (``required_groups``, from
``exolint.ruleset.literals``), its reach, and its relaxed form for the pre-parse check.
"""
from __future__ import annotations

import functools

import regex

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    import re._constants as _sre_c  # type: ignore[import-not-found]
except ImportError:  # Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]
    import sre_constants as _sre_c  # type: ignore[no-redef]



@functools.lru_cache(maxsize=4096)
def parse(pattern: str, flags: int = 0):
    """``re``'s parse tree of a pattern, shared by the analyses below (rules load once per rule
    change, but each pattern used to be parsed six times). Callers only read the tree."""
    return _sre_parse.parse(pattern, flags)


class PatternError(ValueError):
    """A pattern that cannot be used; ``position`` is an offset into the pattern as written."""

    def __init__(self, message: str, position: int | None = None):
        super().__init__(message)
        self.position = position


def expand_spaces(pattern: str) -> str:
    """Turn literal spaces into whitespace matchers (``\\s+`` outside a class, ``\\s`` inside)."""
    out = []
    in_class = False
    escaped = False
    verbose = False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            out.append(ch)
            escaped = True
            continue
        if in_class:
            if ch == "]" and out and out[-1] != "[" and not (len(out) > 1 and out[-2:] == ["[", "^"]):
                in_class = False
            out.append("\\s" if ch == " " else ch)
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            continue
        if ch in "?*+{" and out and out[-1] == r"\s+":
            out[-1] = r"(?:\s+)"  # "a ?b": the quantifier applies to the whole whitespace run
        if ch == " " and not verbose:
            if out and out[-1] == r"\s+":
                continue
            out.append(r"\s+")
            continue
        out.append(ch)
    return "".join(out)


def compile_pattern(pattern: str, case_sensitive: bool = False) -> "regex.Pattern[str]":
    if not isinstance(pattern, str) or not pattern.strip():
        raise PatternError("pattern is empty")
    body = expand_spaces(pattern)
    flags = 0
    if not case_sensitive:
        flags |= regex.IGNORECASE
    try:
        compiled = regex.compile(_word_guard_head(body) + body + _WRAP_TAIL, flags)
    except regex.error:
        try:
            regex.compile(pattern, flags)  # report the error against the pattern as written
        except regex.error as exc:
            raise PatternError(f"does not compile: {exc.msg}", exc.pos) from None
        raise PatternError("does not compile") from None
    # the whole-word guards are zero-width, so this is the body matching the empty string
    if compiled.fullmatch(""):
        raise PatternError("matches the empty string")
    return compiled


def has_nested_unbounded_quantifier(pattern: str) -> bool:
    """True for shapes like ``(a+)+`` or ``(\\w*\\s*)*`` that can backtrack catastrophically."""
    try:
        parsed = parse(pattern, 0)
    except Exception:
        return False
    return _nested(list(parsed), inside_unbounded=False)


# -- internals ---------------------------------------------------------------------------------
_MAXREPEAT = _sre_c.MAXREPEAT
_LITERAL = _sre_c.LITERAL
_SUBPATTERN = _sre_c.SUBPATTERN
_BRANCH = _sre_c.BRANCH
_MAX_REPEAT = _sre_c.MAX_REPEAT
_MIN_REPEAT = _sre_c.MIN_REPEAT
_POSSESSIVE_REPEAT = getattr(_sre_c, "POSSESSIVE_REPEAT", None)
_ATOMIC_GROUP = getattr(_sre_c, "ATOMIC_GROUP", None)
_ZERO_WIDTH = {_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT}
_REPEATS = {_MAX_REPEAT, _MIN_REPEAT} | ({_POSSESSIVE_REPEAT} if _POSSESSIVE_REPEAT else set())


from .literals import required_literal_groups  # noqa: E402


def _nested(items: list, inside_unbounded: bool) -> bool:
    for op, av in items:
        if op in _REPEATS:
            lo, hi, body = av
            unbounded = hi == _MAXREPEAT
            if unbounded and inside_unbounded and _can_repeat_more_than_once(list(body)):
                return True
            if _nested(list(body), inside_unbounded or unbounded):
                return True
        elif op == _SUBPATTERN:
            if _nested(list(av[-1]), inside_unbounded):
                return True
        elif op == _BRANCH:
            if any(_nested(list(b), inside_unbounded) for b in av[1]):
                return True
        elif _ATOMIC_GROUP is not None and op == _ATOMIC_GROUP:
            if _nested(list(av), inside_unbounded):
                return True
    return False


def _can_repeat_more_than_once(items: list) -> bool:
    return bool(items)


# -- required literal groups (the conjunctive prefilter) -------------------------------------
def required_groups(pattern: str) -> tuple[frozenset[str], ...] | None:
    """Every literal group a match must contain: each group is a set of alternatives, one of
    which occurs in every match, and every group is required (a conjunction).

    ``no (?:known )?side[- ]effects`` gives ({"effects"}, {"side"}); a rule then runs only where
    all its groups occur close together, not wherever its rarest word does. None when the
    pattern yields no group (it runs everywhere).
    """
    # rarest first: the engine walks the first group's hits and checks the others around them.
    # Further groups hardly narrow the places down any more (measured on the benchmark corpus:
    # the same candidate chunks), while their strings' hits cost time: keep the two rarest
    if has_fuzzy_constraint(pattern):
        return None  # the literals are not required: "(?:miracle){e<=1}" matches "miracxe"
    groups = required_literal_groups(expand_spaces(pattern), limit=KEEP_GROUPS)
    return tuple(groups) if groups else None


# a fuzzy-matching constraint of the regex module: {e<=1}, {i<=1,d<=2}, {1<=e<=2}, {2i+2d+1s<=4}
_FUZZY = regex.compile(r"(?<!\\)\{[\s\d+*<=,eisd]*[eisd][\s\d+*<=,eisd]*\}")


def has_fuzzy_constraint(pattern: str) -> bool:
    """Whether ``pattern`` uses ``regex``'s fuzzy matching. The parse-tree analyses here read a
    pattern with ``re``'s parser, which takes ``{e<=1}`` for literal text: such a pattern gets
    no required strings and no relaxed form (it runs everywhere, as it must)."""
    return bool(_FUZZY.search(pattern))


KEEP_GROUPS = 2  # how many of a pattern's groups are looked for


WHITESPACE_ESTIMATE = r"\s{1,12}"  # a space in a pattern, for width estimates: up to 12 characters
MAX_REACH = 300  # the longest match a pattern may have (see exolint.match.windows.MAX_MATCH)


def pattern_reach(pattern: str) -> int:
    """How far from one of its required words a match can extend: the pattern's longest match,
    with each whitespace run counted as up to 12 characters; ``MAX_REACH`` when unbounded."""
    try:
        body = expand_spaces(pattern).replace(r"\s+", WHITESPACE_ESTIMATE)
        width = _sre_parse.parse(body, 0).getwidth()[1]
    except Exception:
        return MAX_REACH
    return max(1, min(MAX_REACH, width))


# -- relaxed patterns (the pre-parse match check in exolint.match.sparse) --------------------------
_WRAP_HEAD, _WRAP_TAIL = r"(?<!\w)(?:", r")(?!\w)"
_WRAP_HEAD_WORD = r"\b(?:"  # the same guard where every match starts with a word character


def _word_guard_head(body: str) -> str:
    r"""The start of the whole-word wrapper: ``(?<!\w)``, or ```` where every match starts
    with an ASCII letter, digit or underscore (then the two are the same test, and ``regex``
    runs ```` about a third faster on the costliest bundled patterns)."""
    starts = leading_words(body)
    if starts and all(s[:1].isascii() and (s[:1].isalnum() or s[:1] == "_") for s in starts):
        return _WRAP_HEAD_WORD
    return _WRAP_HEAD


def relaxed_forms(compiled) -> tuple:
    """(relaxed body or None, can it match "*", can it match "_", strings every match of it
    starts with or None, the same through spaces or None: see ``leading_words``) for a compiled
    pattern: computed once when rules load, and cached."""
    body = None if has_fuzzy_constraint(compiled.pattern) else relaxed_pattern(compiled.pattern)
    if body is None:
        return (None, True, True, None, None)
    return (body, can_match_char(body, "*"), can_match_char(body, "_"), leading_words(body),
            leading_words(body, through_spaces=True))


def relaxed_pattern(compiled_source: str) -> str | None:
    """The compiled pattern's body with every zero-width assertion removed (lookarounds, ``\\b``,
    ``^``, ``$``, and the whole-word wrapper ``compile_pattern`` adds).

    Removing an assertion only lets a pattern match more, so any string the pattern matches
    somewhere, the relaxed pattern matches too, in any context. None when the pattern has a
    construct this cannot rewrite safely (back-references, conditionals, inline flags groups
    other than scoped ones).
    """
    body = compiled_source
    for head in (_WRAP_HEAD, _WRAP_HEAD_WORD):
        if body.startswith(head) and body.endswith(_WRAP_TAIL):
            body = body[len(head):-len(_WRAP_TAIL)]
            break
    out: list[str] = []
    i, n = 0, len(body)
    in_class = False
    while i < n:
        ch = body[i]
        if ch == "\\":
            if i + 1 >= n:
                return None
            nxt = body[i + 1]
            if not in_class and nxt in "bBAZzGK":
                i += 2  # zero-width escape: drop it
                continue
            if not in_class and (nxt.isdigit() or nxt in "gk"):
                return None  # back-reference
            out.append(body[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            if i < n and body[i] == "^":
                out.append("^")
                i += 1
            if i < n and body[i] == "]":  # a literal ] first in a class
                out.append("]")
                i += 1
            continue
        if ch in "^$":
            i += 1
            continue
        if ch == "(" and body.startswith("(?", i):
            if body.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
                end = _group_end(body, i)
                if end is None:
                    return None
                i = end
                if i < n and body[i] in "?*+{":
                    return None  # a quantified assertion: leave such patterns alone
                continue
            if body.startswith(("(?:", "(?>", "(?-i:", "(?i:", "(?P<", "(?<"), i):
                out.append(ch)
                i += 1
                continue
            return None  # conditionals, global flags, comments...
        out.append(ch)
        i += 1
    return "".join(out)


def _group_end(body: str, start: int) -> int | None:
    """Index just past the group opening at ``start``."""
    depth = 0
    i, n = start, len(body)
    in_class = False
    while i < n:
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if i + 1 < n and body[i + 1] == "^":
                i += 1
            if i + 1 < n and body[i + 1] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def can_match_char(pattern: str, char: str, flags: int = 0) -> bool:
    """Whether some single-character element of ``pattern`` accepts ``char`` (True when unsure)."""
    try:
        parsed = parse(pattern, flags & ~regex.VERSION1 & 0xFF)
    except Exception:
        return True
    return _accepts(list(parsed), char)


def _accepts(items: list, char: str) -> bool:
    for op, av in items:
        if op == _LITERAL:
            if chr(av) == char:
                return True
        elif op in (_sre_c.NOT_LITERAL, _sre_c.ANY):
            if op == _sre_c.ANY or chr(av) != char:
                return True
        elif op == _sre_c.IN or op == _sre_c.CATEGORY:
            if _class_accepts(op, av, char):
                return True
        elif op == _SUBPATTERN:
            if _accepts(list(av[-1]), char):
                return True
        elif op == _BRANCH:
            if any(_accepts(list(b), char) for b in av[1]):
                return True
        elif op in _REPEATS:
            if _accepts(list(av[2]), char):
                return True
        elif _ATOMIC_GROUP is not None and op == _ATOMIC_GROUP:
            if _accepts(list(av), char):
                return True
        elif op in _ZERO_WIDTH:
            continue
        elif op == _sre_c.GROUPREF or op == getattr(_sre_c, "GROUPREF_EXISTS", None):
            return True
        else:
            return True  # unknown: assume it can
    return False


_CATEGORY_TEST = {
    "CATEGORY_DIGIT": str.isdigit, "CATEGORY_NOT_DIGIT": lambda c: not c.isdigit(),
    "CATEGORY_SPACE": str.isspace, "CATEGORY_NOT_SPACE": lambda c: not c.isspace(),
    "CATEGORY_WORD": lambda c: c.isalnum() or c == "_",
    "CATEGORY_NOT_WORD": lambda c: not (c.isalnum() or c == "_"),
}


def _class_accepts(op, av, char: str) -> bool:
    if op == _sre_c.CATEGORY:
        test = _CATEGORY_TEST.get(str(av))
        return True if test is None else test(char)
    negate = False
    hit = False
    for sop, sav in av:
        if sop == _sre_c.NEGATE:
            negate = True
        elif sop == _LITERAL:
            hit = hit or chr(sav) == char
        elif sop == _sre_c.RANGE:
            hit = hit or sav[0] <= ord(char) <= sav[1]
        elif sop == _sre_c.CATEGORY:
            test = _CATEGORY_TEST.get(str(sav))
            hit = hit or (True if test is None else test(char))
        else:
            return True
    return hit != negate


def leading_words(pattern: str, through_spaces: bool = False) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of ``pattern`` starts with, or None when
    that cannot be told (a class other than digits, an optional start, ``re``-incompatible syntax).

    A literal start shorter than 3 characters is kept only when whitespace follows it, as the two
    strings ``"iv "`` and ``"iv\\n"`` (callers must then make sure the text has no other whitespace
    character); a digit class start gives the ten digits.

    ``through_spaces``: the strings run on across whitespace items as one space ("the best "
    rather than "the"), and hold no line break. They are then the starts in the text lower-cased
    with line breaks as spaces, for a text whose whitespace is single spaces and line breaks,
    never two in a row (``single_spaced``): there each whitespace item matches one character.
    """
    try:
        parsed = parse(pattern, 0)
    except Exception:
        return None
    starts = _starts(list(parsed), through_spaces)
    if not starts:
        return None
    lowered = {x.lower().replace("\n", " ") if through_spaces else x.lower() for x in starts}
    # "result" covers "results": keep only strings no other one is a prefix of
    return frozenset(x for x in lowered if not any(y != x and x.startswith(y) for y in lowered))


_DIGITS = frozenset("0123456789")


def _is_class(op, av, test) -> bool:
    """A one-character class every member of which passes ``test`` (checked on ASCII)."""
    if op not in (_sre_c.IN, _sre_c.CATEGORY):
        return False
    members = [chr(c) for c in range(128) if _class_accepts(op, av, chr(c))]
    return bool(members) and all(test(c) for c in members) and not (
        op == _sre_c.IN and any(sop == _sre_c.NEGATE for sop, _ in av))


_MAX_STARTS = 400


class _NoStarts(Exception):
    pass


def _starts(items: list, through_spaces: bool = False) -> set[str] | None:
    try:
        found = _seq_starts(items, {("", True)}, through_spaces)
    except _NoStarts:
        return None
    out = set()
    for text, open_ in found:
        if open_ and len(text) < 3:
            return None
        out.add(text)
    return out


def _close(text: str) -> tuple[str, bool]:
    """End a prefix before an element it cannot describe."""
    if len(text) >= 3:
        return text, False
    raise _NoStarts


def _seq_starts(items: list, starts: set[tuple[str, bool]], through_spaces: bool = False
                ) -> set[tuple[str, bool]]:
    """Extend each open prefix in ``starts`` by the sequence ``items``."""
    for op, av in items:
        if all(not o for _t, o in starts):
            return starts
        done = {(t, o) for t, o in starts if not o}
        todo = {t for t, o in starts if o}
        new: set[tuple[str, bool]] = set(done)
        if op == _LITERAL:
            new |= {(t + chr(av), True) for t in todo}
        elif op in _ZERO_WIDTH:
            new |= {(t, True) for t in todo}
        elif op == _SUBPATTERN:
            new |= _seq_starts(list(av[-1]), {(t, True) for t in todo}, through_spaces)
        elif _ATOMIC_GROUP is not None and op == _ATOMIC_GROUP:
            new |= _seq_starts(list(av), {(t, True) for t in todo}, through_spaces)
        elif op == _BRANCH:
            for branch in av[1]:
                new |= _seq_starts(list(branch), {(t, True) for t in todo}, through_spaces)
        elif _is_space_item(op, av):
            for t in todo:
                if through_spaces and t and not t[-1].isspace():
                    new.add((t + " ", True))  # one character in a single-spaced text
                elif len(t) >= 3:
                    new.add((t, False))
                elif t and not t[-1].isspace():
                    new |= {(t + " ", False), (t + "\n", False)}
                else:
                    raise _NoStarts
        elif _is_class(op, av, str.isdigit):
            for t in todo:
                new |= {(t, False)} if len(t) >= 3 else {(t + d, False) for d in _DIGITS}
        elif (members := _small_class(op, av)) is not None:
            # a few characters ("[$£€]", "[- ]" after a word): each one extends the prefix, so a
            # pattern opening with a currency sign starts at prices, not at every position
            new |= {(t + c, True) for t in todo for c in members}
        elif op in _REPEATS:
            lo, hi, body = av
            if lo == 0 and hi == 1:  # optional: with and without it
                new |= {(t, True) for t in todo}
                new |= _seq_starts(list(body), {(t, True) for t in todo}, through_spaces)
            elif lo >= 1:
                once = _seq_starts(list(body), {(t, True) for t in todo}, through_spaces)
                new |= {(t, True) if hi == 1 else _close(t) if o else (t, o) for t, o in once}
            else:
                new |= {_close(t) for t in todo}
        else:
            new |= {_close(t) for t in todo}
        if len(new) > _MAX_STARTS:
            raise _NoStarts
        starts = new
    return starts


_SMALL_CLASS = 6  # members: a larger class ends a start string


def _small_class(op, av) -> list[str] | None:
    """The members of a class of a few listed characters (literals and short ranges, not
    negated, no category, no whitespace), or None."""
    if op != _sre_c.IN:
        return None
    members: list[str] = []
    for sop, sav in av:
        if sop == _LITERAL:
            members.append(chr(sav))
        elif sop == _sre_c.RANGE and sav[1] - sav[0] < _SMALL_CLASS:
            members.extend(map(chr, range(sav[0], sav[1] + 1)))
        else:  # negation, categories, long ranges
            return None
    if not members or len(members) > _SMALL_CLASS or any(c.isspace() for c in members):
        return None
    return members


def _is_space_item(op, av) -> bool:
    """Whitespace: a space class, or a repeat (at least once) of one."""
    if op in _REPEATS and av[0] >= 1 and len(av[2]) == 1:
        op, av = list(av[2])[0]
    return _is_class(op, av, str.isspace)
