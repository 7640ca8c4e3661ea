"""Required literal strings of a regular expression, for the Aho-Corasick prefilter.

For each pattern we want groups of strings such that every match contains one string of each
group (an AND of ORs). Words alone are weak for patterns such as ``\\d+ ?x more`` or
``(?-i:IV) drips?``: "more" and "drip" are everywhere, "IV" is two letters found in "give". So,
as in Russ Cox's trigram-index query construction ("Regular Expression Matching with a Trigram
Index", 2012), each node of the parsed pattern carries the set of strings it matches exactly
(when small), the strings its matches start and end with, and the groups it requires; joining two
nodes adds the group of every *suffix x prefix* pair across the join. ``\\d+ ?x`` then requires
one of ``0x``, ``0 x``; ``(?-i:IV)\\s+`` requires ``iv ``.

Strings live in the *scan alphabet* the index searches (``scan_text``): lower case, every
whitespace run one space, every decimal digit ``0``. That makes ``\\s+`` one string (" ") and
``\\d`` one string ("0") instead of sets too large to cross with anything, so whole phrases such
as ``side effects``, ``0 in 00`` or ``iv drip`` become required strings.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import regex

try:  # Python 3.11+
    import re._constants as _sre_c  # type: ignore[import-not-found]
except ImportError:  # Python 3.10
    import sre_constants as _sre_c  # type: ignore[no-redef]

MAX_SET = 200  # larger string sets are dropped (they narrow little and cost a lot to cross)
MAX_EXACT_LEN = 32  # longer exact strings become prefix/suffix sets
EDGE = 20  # prefix and suffix strings are cut to this many characters (longer ones are rarer:
# on the benchmark corpus, 16 -> 20 made 18% fewer candidate chunks, 22% fewer relaxed checks
# and 4% fewer instructions a Markdown page)
MAX_CLASS = 6  # a character class with more members is "any character"

# -- the scan alphabet --------------------------------------------------------------------------
_ASCII_TABLE = bytes.maketrans(b"\t\n\v\f\r\x1c\x1d\x1e\x1f" + b"123456789", b" " * 9 + b"0" * 9)
_SPACE_CHAR = regex.compile(r"(?! )\s")
_DIGIT_CHAR = regex.compile(r"(?!0)\d")
_OTHER_SPACE = re.compile(r"[^\S\x00-\x7f]")  # stdlib re: faster at scanning for one class
_OTHER_DIGIT = re.compile(r"[^\D\x00-\x7f]")
# two or more spaces, written with a literal start: re then jumps between spaces (" {2,}"
# tries every position, four times slower on a page)
_BYTES_RUN = re.compile(rb"  +")
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")


def _has_other_space_or_digit(text: str) -> bool:
    """Any non-ASCII whitespace or digit? Checked on the non-ASCII characters alone: a class
    search over a whole page costs a step per character, a run of ASCII costs one."""
    rest = _ASCII_RUNS.sub("", text)
    return bool(_OTHER_SPACE.search(rest) or _OTHER_DIGIT.search(rest))


def canonical_char(c: str) -> str:
    c = c.lower()
    if c.isspace():
        return " "
    if c.isdecimal():
        return "0"
    return c


_RUN = re.compile("  +")


def scan_text(lowered: str, delete: bytes = b"") -> tuple[str, "OffsetBack | None"]:
    """``lowered`` in the scan alphabet: whitespace -> " ", digits -> "0", and every run of
    spaces collapsed to one; with the map from its offsets back to ``lowered`` (None when no
    run was collapsed, so offsets are the same). ``delete``: ASCII characters to drop first
    (the offset map is then meaningless)."""
    # ASCII whitespace and digits by bytes.translate (UTF-8 keeps them single bytes); the rare
    # other Unicode spaces and digits by regex
    data = lowered.encode("utf-8", "surrogatepass").translate(_ASCII_TABLE, delete)
    if not data.isascii() and _has_other_space_or_digit(lowered):
        text = _DIGIT_CHAR.sub("0", _SPACE_CHAR.sub(" ", data.decode("utf-8", "surrogatepass")))
        data = text.encode("utf-8", "surrogatepass")
    if b"  " not in data:
        return data.decode("utf-8", "surrogatepass"), None
    return _BYTES_RUN.sub(b" ", data).decode("utf-8", "surrogatepass"), OffsetBack(data)


_ASCII_LOWER_TABLE = bytes.maketrans(bytes(range(ord("A"), ord("Z") + 1)), bytes(range(ord("a"), ord("z") + 1))
                                     ).translate(_ASCII_TABLE)


def scan_ascii(data: bytes, delete: bytes = b"") -> str:
    """``scan_text(data.decode().lower(), delete)[0]`` for ASCII ``data`` in one bytes pass (on
    ASCII, lower-casing is a byte table too): a page's scan text without ``str.lower`` and the
    copies between ``str`` and ``bytes``."""
    data = data.translate(_ASCII_LOWER_TABLE, delete)  # (with ``delete``, even empty, CPython
    # takes a loop twice as fast as its table-only one)
    if b"  " in data:
        data = _BYTES_RUN.sub(b" ", data)
    return data.decode("ascii")


class OffsetBack:
    """Collapsed scan-text offset -> offset in the text before whitespace runs were collapsed.
    Built on first use: most texts need no offset mapped back."""
    __slots__ = ("_text", "_starts", "_removed")

    def __init__(self, text: "str | bytes"):
        self._text = text  # the uncollapsed scan text (bytes: decoded when first needed)
        self._starts: list[int] | None = None
        self._removed: list[int] = []

    def _build(self) -> list[int]:
        if isinstance(self._text, bytes):
            self._text = self._text.decode("utf-8", "surrogatepass")
        starts: list[int] = []
        removed = 0
        for m in _RUN.finditer(self._text):
            removed += m.end() - m.start() - 1
            starts.append(m.end() - removed)  # first collapsed offset after this run
            self._removed.append(removed)
        self._starts = starts
        return starts

    def __call__(self, offset: int) -> int:
        starts = self._starts if self._starts is not None else self._build()
        i = bisect.bisect_right(starts, offset) - 1
        return offset if i < 0 else offset + self._removed[i]


# -- node information -------------------------------------------------------------------------
@dataclass
class Info:
    """What is known of the strings a pattern node matches.

    exact: every string it can match (with "" when it can match nothing), or None;
    pre/suf: strings every non-empty match starts/ends with, or None (unknown);
    empty: it can match the empty string; groups: required groups (each non-empty strings).
    """
    exact: frozenset[str] | None = None
    pre: frozenset[str] | None = None
    suf: frozenset[str] | None = None
    empty: bool = False
    groups: list[frozenset[str]] = field(default_factory=list)

    def prefixes(self) -> frozenset[str] | None:
        if self.exact is not None:
            return frozenset(s[:EDGE] for s in self.exact if s)
        return self.pre

    def suffixes(self) -> frozenset[str] | None:
        if self.exact is not None:
            return frozenset(s[-EDGE:] for s in self.exact if s)
        return self.suf


UNKNOWN_CHAR = Info()
NOTHING = Info(exact=frozenset({""}), empty=True)


def _cross(a, b) -> frozenset[str] | None:
    if a is None or b is None or len(a) * len(b) > MAX_SET:
        return None
    # the scan text has no two spaces in a row (whitespace runs are collapsed)
    return frozenset((x + y).replace("  ", " ") for x in a for y in b)


def _joint(suffixes, prefixes) -> frozenset[str] | None:
    """The strings across a join: each suffix of the left side followed by each prefix of the
    right side; when there are too many, the sides are cut shorter (a part of a required string
    is still required) until they fit."""
    if suffixes is None or prefixes is None:
        return None
    for keep in (EDGE, 10, 7, 5):
        left = frozenset(s[-keep:] for s in suffixes)
        right = frozenset(s[:keep] for s in prefixes)
        joint = _cross(left, right)
        if joint is not None:
            return joint
    return None


def _small(s: frozenset[str] | None) -> frozenset[str] | None:
    return s if s is not None and len(s) <= MAX_SET else None


def _exact(strings: frozenset[str], groups: list) -> Info:
    """An Info for a known set of strings, demoted to prefix/suffix sets when too big or long."""
    if len(strings) <= MAX_SET and all(len(s) <= MAX_EXACT_LEN for s in strings):
        return Info(exact=strings, empty="" in strings, groups=groups)
    nonempty = frozenset(s for s in strings if s)
    if "" not in strings and len(strings) <= MAX_SET:
        groups = groups + [strings]
    return Info(pre=_small(frozenset(s[:EDGE] for s in nonempty)),
                suf=_small(frozenset(s[-EDGE:] for s in nonempty)), empty="" in strings,
                groups=groups)


def concat(x: Info, y: Info) -> Info:
    groups = x.groups + y.groups
    if x.exact is not None and y.exact is not None:
        both = _cross(x.exact, y.exact)
        if both is not None:
            return _exact(both, groups)  # the exact strings say all the join could
        # too many combinations: each side's strings are still required
        groups += [s for s in (x.exact, y.exact) if "" not in s]
    if not x.empty and not y.empty:
        joint = _joint(x.suffixes(), y.prefixes())
        if joint:
            groups.append(joint)
    pre, suf = _join_edges(x, y, front=True), _join_edges(y, x, front=False)
    return Info(pre=_small(_trim(pre, front=True)), suf=_small(_trim(suf, front=False)),
                empty=x.empty and y.empty, groups=groups)


def _join_edges(near: Info, far: Info, front: bool) -> frozenset[str] | None:
    """The prefixes (``front``: ``near`` is the left side) or suffixes (``near`` is the right
    side) of a join: the near side's strings, extended into the far side's edges when the near
    side is known exactly, or the far side's edges too when the near side can be empty."""
    near_edges = near.prefixes() if front else near.suffixes()
    far_edges = far.prefixes() if front else far.suffixes()
    if near.exact is None:
        if near_edges is not None and near.empty:
            return None if far_edges is None else near_edges | far_edges
        return near_edges
    rest = frozenset((far_edges | ({""} if far.empty else set())) if far_edges is not None else {""})
    strings = frozenset(s for s in near.exact if s)
    edges = _cross(strings, rest) if front else _cross(rest, strings)
    if edges is None and "" not in near.exact:
        edges = near_edges
    if edges is not None and "" in near.exact:
        edges = None if far_edges is None else edges | far_edges
    return edges


def _trim(strings, front: bool):
    if strings is None:
        return None
    return frozenset(s[:EDGE] if front else s[-EDGE:] for s in strings if s) or None


def alternate(branches: list[Info]) -> Info:
    empty = any(b.empty for b in branches)
    if all(b.exact is not None for b in branches):
        return _exact(frozenset().union(*(b.exact for b in branches)), _either(branches))
    pres = [b.prefixes() for b in branches]
    sufs = [b.suffixes() for b in branches]
    pre = None if any(p is None for p in pres) else _small(frozenset().union(*pres))
    suf = None if any(s is None for s in sufs) else _small(frozenset().union(*sufs))
    return Info(pre=pre, suf=suf, empty=empty, groups=_either(branches))


def _either(branches: list[Info]) -> list[frozenset[str]]:
    """One group for an alternation: each branch's best required group, united."""
    union: set[str] = set()
    for b in branches:
        options = list(b.groups)
        if not b.empty:
            options += [s for s in (b.prefixes(), b.suffixes()) if s]
        options = [g for g in options if valid_group(g)]
        if not options:
            return []
        union |= max(options, key=group_score)
    return [frozenset(union)] if union and len(union) <= MAX_SET else []


_SPACE = frozenset({" "})


def repeat(lo: int, hi: int, body: Info) -> Info:
    if body.exact == _SPACE:  # a whitespace run is one space in the scan text
        return Info(exact=_SPACE | ({""} if lo == 0 else set()), empty=lo == 0)
    if lo == 0:
        if hi == 1 and body.exact is not None:
            return _exact(body.exact | {""}, [])
        return Info(pre=body.prefixes(), suf=body.suffixes(), empty=True)
    if lo == hi == 1:
        return body
    return Info(pre=body.prefixes(), suf=body.suffixes(), empty=body.empty, groups=list(body.groups))


# -- the parse tree walk ----------------------------------------------------------------------
_LITERAL = _sre_c.LITERAL
_REPEATS = {_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT} | (
    {_sre_c.POSSESSIVE_REPEAT} if hasattr(_sre_c, "POSSESSIVE_REPEAT") else set())
_ATOMIC = getattr(_sre_c, "ATOMIC_GROUP", None)
_ZERO_WIDTH = {_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT}


def sequence(items) -> Info:
    info = NOTHING
    run = ""  # consecutive literal characters, joined as one string before they are added
    for op, av in items:
        if op == _LITERAL:
            run = (run + canonical_char(chr(av))).replace("  ", " ")
            continue
        if run:
            info = concat(info, Info(exact=frozenset({run})))
            run = ""
        info = concat(info, node(op, av))
    if run:
        info = concat(info, Info(exact=frozenset({run})))
    return info


def node(op, av) -> Info:
    if op == _LITERAL:
        return Info(exact=frozenset({canonical_char(chr(av))}))
    if op in _ZERO_WIDTH:
        return NOTHING
    if op == _sre_c.SUBPATTERN:
        return sequence(av[-1])
    if _ATOMIC is not None and op == _ATOMIC:
        return sequence(av)
    if op == _sre_c.BRANCH:
        return alternate([sequence(b) for b in av[1]])
    if op in _REPEATS:
        lo, hi, body = av
        return repeat(lo, hi, sequence(body))
    if op in (_sre_c.IN, _sre_c.CATEGORY):
        members = _class_members(op, av)
        return Info(exact=members) if members else UNKNOWN_CHAR
    if op in (_sre_c.NOT_LITERAL, _sre_c.ANY):
        return UNKNOWN_CHAR
    return Info(empty=True)  # back-references and anything else: could be anything, even ""


_CATEGORY = {"CATEGORY_DIGIT": "0", "CATEGORY_SPACE": " "}


def _class_members(op, av) -> frozenset[str] | None:
    """The scan-alphabet characters a small class matches, or None."""
    if op == _sre_c.CATEGORY:
        c = _CATEGORY.get(str(av))
        return frozenset({c}) if c else None
    out: set[str] = set()
    for sop, sav in av:
        if sop == _LITERAL:
            out.add(canonical_char(chr(sav)))
        elif sop == _sre_c.RANGE:
            lo, hi = sav
            if hi - lo > 10:
                return None
            out |= {canonical_char(chr(c)) for c in range(lo, hi + 1)}
        elif sop == _sre_c.CATEGORY and str(sav) in _CATEGORY:
            out.add(_CATEGORY[str(sav)])
        else:  # negation, \w, other categories
            return None
    return frozenset(out) if 0 < len(out) <= MAX_CLASS else None


# -- choosing groups --------------------------------------------------------------------------
_RARE_LETTERS = frozenset("jqxz")


def valid_string(s: str) -> bool:
    """Specific enough to narrow anything down: three characters of a word, or a digit or symbol
    beside something, or a short word with a word edge ("iv ")."""
    core = s.strip()
    if len(core) >= 3 and not set(core) <= {"0", " "}:
        return True
    if core in _RARE_LETTERS and core != s:  # " x": a word starting with x
        return True
    if len(core) >= 2 and (core != s or not core.isalpha()) and not set(core) <= {"0"}:
        return True
    return bool(core) and not core.isalnum() and not core.isspace() and core not in {"-", "'", "."}


def valid_group(group) -> bool:
    return bool(group) and all(valid_string(s) for s in group)


def quality(s: str, common: frozenset[str] = frozenset()) -> int:
    """Higher is rarer: length, symbols count for more, common words for less."""
    core = s.strip()
    symbols = sum(1 for c in core if not c.isalnum() and not c.isspace())
    q = len(core) + 3 * symbols + (1 if core != s else 0)
    return q - 6 if core in common else q


# Words so frequent in skincare copy that a group holding one narrows little; groups are still
# sound, this only ranks the alternatives a pattern offers.
COMMON_WORDS = frozenset("""
a about after all also always an and any are as at back based be been before best better but by
can cut day days does each even every few first for free from get give good great had has have
help her his how in into is it its just like look looks made make many may more most much new no
not now of off on one only or our out over per see session sessions she skin so some such than
that the their them then there these they this those time to too treatment treatments two up us
use very was way we well were what when which while who will with without you your result results
face facial facials serum exosome exosomes clinic product products cell cells care
""".split())


def group_score(group) -> int:
    return min(quality(s, COMMON_WORDS) for s in group)


def _minimal(group: frozenset[str]) -> frozenset[str]:
    """The group without strings that hold another of its strings: wherever "stem cell derived"
    occurs, "stem cell" does, so the longer one adds nothing to the search."""
    ordered = sorted(group, key=len)
    kept: list[str] = []
    for s in ordered:
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def required_literal_groups(expanded_pattern: str, limit: int | None = None
                            ) -> list[frozenset[str]] | None:
    """The valid required groups of a pattern whose literal spaces are already ``\\s+``, rarest
    first (at most ``limit`` of them); None when ``re``'s parser cannot read it (``regex``-only
    syntax)."""
    try:
        from .patterns import parse

        parsed = parse(expanded_pattern, 0)
    except Exception:
        return None
    info = sequence(list(parsed))
    groups = list(info.groups)
    if info.exact is not None and "" not in info.exact:
        groups.append(info.exact)
    if not info.empty:
        groups += [g for g in (info.prefixes(), info.suffixes()) if g]
    out: set[frozenset[str]] = set()
    for g in groups:
        g = _minimal(frozenset(g))
        if valid_group(g):
            out.add(g)
    # a group every string of which holds a string of another group implies that one, which then
    # narrows nothing more (the prefixes of a phrase and the phrase itself): of two such groups
    # only the implying one is kept, and the slot goes to a group that narrows independently
    kept: list[frozenset[str]] = []
    for a in sorted(out, key=lambda g: (-group_score(g), sorted(g))):
        if any(_implies(b, a) for b in kept):
            continue
        implied = [i for i, b in enumerate(kept) if _implies(a, b)]
        if implied:
            kept[implied[0]] = a
            kept = [b for i, b in enumerate(kept) if i not in implied[1:]]
        elif limit is None or len(kept) < limit:
            kept.append(a)
    return kept


def _implies(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether text holding a string of group ``a`` always holds one of group ``b``."""
    return all(any(x in y for x in b) for y in a)
