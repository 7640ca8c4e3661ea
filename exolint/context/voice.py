"""Who is speaking: the voice of a page and of a sentence.

A finding is a claim only when the page makes it. Regulator guidance, journalism, legal
commentary and critical explainers *mention* risky phrases while reporting, warning or
explaining; a seller's page *makes* them. Two judgements, both explainable:

* **page voice**: counts of reporting signals (a regulator or court acting, critical vocabulary
  such as "unproven" or "purported", third parties marketing something, experts saying) against
  selling signals (our clinic, we offer, book now, prices). A page whose reporting signals are
  many, dense and well ahead of its selling ones reads as *reporting*.
* **sentence voice**: hearsay attribution in the sentence of a match ("is said to", "touted as",
  "purportedly", "marketed as"): the writer reports someone else's claim.

On a reporting page, or in a hearsay sentence, a finding is quieted unless its sentence sells in
the first person ("our serum", "we offer"): the seller's own claim inside an article still counts.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex
from ..lowercase import lower

_F = regex.IGNORECASE | regex.VERSION0

_REGULATORS = (r"(?:FDA|TGA|MHRA|ASA|HPRA|FTC|EMA|AHPRA|CAP|Health\s+Canada|Food\s+and\s+Drug\s+Administration|"
               r"Advertising\s+Standards\s+Authority|Federal\s+Trade\s+Commission|Therapeutic\s+Goods\s+"
               r"Administration|regulators?|Trading\s+Standards|(?:European\s+)?Commission|courts?|judge|"
               r"competent\s+authorit(?:y|ies))")

# What makes a page read as reporting on claims rather than making them, and what makes it sell.
# Each signal is a weight and parts; a part is a regex and its triggers: word starts one of which
# every match of the regex holds ("=" at the end: the whole word). A page runs a part's regex only
# when a trigger occurs in it (one Aho-Corasick pass finds them all), so a clinic page that never
# names a regulator costs no regulator regex: without the gate the signals cost about 10 ms on
# a 23 KB page. tests/test_voice_gate.py checks that the gate changes no count.
_ACRONYMS = ("fda=", "tga=", "mhra=", "asa=", "hpra=", "ftc=", "ema=", "ahpra=", "cap=")
REPORTING_SIGNALS = {
    "a regulator or court acts": (1.0, [(
        rf"\b(?:the\s+)?{_REGULATORS}\s+(?:has\s+|have\s+|had\s+|also\s+)*(?:says?|said|warn\w*|caution\w*|stat\w*|"
        r"issu\w*|rul\w*|found|ban\w*|notes?|noted|requires?|required|considers?|prohibit\w*|classif\w*|took|"
        r"taken|lists?|advis\w*|approved\s+only|regulat\w*|announc\w*|sued|fined|ordered|settled|alleg\w*|"
        r"charg\w*|does\s+not|doesn\x27t|has\s+not|hasn\x27t)\b"
        rf"|\b(?:according\s+to|guidance\s+from|warning\s+from|rules\s+of|under)\s+(?:the\s+)?{_REGULATORS}\b"
        rf"|\b{_REGULATORS}\s+(?:guidance|warnings?|rules|regulations|complaint|settlement|order|ruling|letters?)\b",
        _ACRONYMS + ("canada=", "food", "advertising", "federal", "therapeutic", "regulator", "trading",
                     "commission", "european", "court", "judge", "competent"))]),
    "critical vocabulary": (1.0, [
        (r"\b(?:unproven|unapproved|unlicensed|purported(?:ly)?|touted|so-called|bogus|scams?|misleading|"
         r"illegal(?:ly)?|banned|crackdown|enforcement|lawsuits?|deceptive|overhyped|controvers(?:y|ial)|"
         r"gimmicks?|wary|sceptic(?:al|ism)|skeptic(?:al|ism)|untrue|inadequate|anecdotal|fancy-sounding|"
         r"science-y)\b",
         ("unproven", "unapproved", "unlicensed", "purported", "touted", "so-called", "bogus", "scam",
          "misleading", "illegal", "banned", "crackdown", "enforcement", "lawsuit", "deceptive", "overhyped",
          "controvers", "gimmick", "wary", "sceptic", "skeptic", "untrue", "inadequate", "anecdotal",
          "fancy-sounding", "science-y")),
        (r"\b(?:snake\s+oil|(?:the|this|all\s+the)\s+hype|hype\s+(?:vs|versus|or|and)|buyer\s+beware)\b",
         ("snake", "hype=", "beware")),
        (r"\b(?:warning\s+letters?|consumer\s+protection|too\s+good\s+to\s+be\s+true|control\s+group|red\s+flags?)\b",
         ("warning letter", "consumer protection", "to be true", "control group", "red flag")),
        (r"\b(?:funded|paid\s+for|sponsored)\s+by\s+(?:the\s+)?(?:manufacturer|brand|company|maker)s?\b",
         ("funded", "paid for", "sponsored")),
        (r"\b(?:we\s+(?:simply\s+|just\s+)?(?:don\x27t|do\s+not)\s+(?:yet\s+)?know|little\s+is\s+known|honest\s+answer)\b",
         ("don't know", "do not know", "don't yet know", "simply don't", "just don't", "simply do not",
          "just do not", "is known", "honest answer")),
        (r"\b(?:(?:clever|slick|savvy)\s+marketing|marketing\s+(?:hype|spin|gimmicks?|buzzwords?|speak)|"
         r"about\s+marketing)\b",
         ("marketing",)),
        (r"\b(?:(?:no|little|limited|insufficient|scant)\s+(?:good\s+|solid\s+|robust\s+|reliable\s+|clinical\s+|"
         r"scientific\s+|high-quality\s+)?evidence|lack\s+of\s+(?:\w+\s+)?evidence|not\s+(?:been\s+)?(?:approved|"
         r"licensed|authori[sz]ed|proven)|(?:no|little|limited)\s+(?:adequate\s+|good\s+|solid\s+|real\s+)?"
         r"(?:science|data|research)\s+(?:to\s+(?:suggest|support|show)|behind))\b",
         ("evidence", "approved", "licensed", "authorised", "authorized", "proven", "science", "data=",
          "research")),
        (r"\b(?:(?:don\x27t|do\s+not|doesn\x27t|does\s+not)\s+(?:really\s+|actually\s+)?work|not\s+(?:\w+\s+)?"
         r"(?:FDA|TGA|MHRA)[- ](?:approved|cleared|licensed)|without\s+(?:FDA|TGA|MHRA)\s+approval)\b",
         ("work=", "fda=", "tga=", "mhra=")),
    ]),
    "third parties selling": (1.0, [
        (r"\b(?:clinics|companies|providers|sellers|brands|businesses|marketers|salons|influencers|spas)\b"
         r"(?:\s+\w+){0,2}\s+(?:offering|marketing|advertising|selling|claim\w*|promot\w*|tout\w*|market)\b",
         ("clinics=", "companies=", "providers=", "sellers=", "brands=", "businesses=", "marketers=", "salons=",
          "influencers=", "spas=")),
        (r"\b(?:(?:marketed|advertised|promoted|billed|sold|touted|hailed)\s+as|(?:saw|seen|see)\s+(?:it\s+|"
         r"them\s+)?advertised)\b",
         ("marketed", "advertised", "promoted", "billed", "sold=", "touted", "hailed")),
        (r"\b(?:a|the|when\s+a|if\s+a)\s+(?:clinic|brand|company|seller|salon|provider|manufacturer|website)\s+"
         r"(?:says|claims|tells\s+you|promises|advertises|suggests)\b",
         ("says=", "claims=", "tells=", "promises=", "advertises=", "suggests=")),
    ]),
    "rules about advertising": (1.0, [
        (r"\b(?:advertisers?|advertisements?|adverts?|ads|marketers|promoters|members|practitioners)\s+(?:should|"
         r"must|may|cannot|can\x27t|are\s+(?:not\s+)?(?:allowed|permitted|required)|need\s+to|have\s+to)\b",
         ("advert", "ads=", "marketers=", "promoters=", "members=", "practitioners=")),
        (r"(?:^|[.!?:]\s+)(?:do\s+not|don\x27t|never|avoid)\s+(?:describing|describe|saying|say|claiming|claim|"
         r"calling|call|stating|state|advertising|advertise|promising|promise|implying|imply|suggesting|suggest|"
         r"presenting|present|using\s+(?:the\s+)?(?:words?|terms?|phrases?)|words?\s+like|\")"
         r"|\b(?:words|phrases|terms|claims|wording)\s+to\s+avoid\b"
         r"|\b(?:this|the|our)\s+(?:guidance|note|code|standard)\s+(?:sets\s+out|applies|explains|replaces|covers)\b",
         ("do not", "don't", "never=", "avoid=", "to avoid", "guidance", "note=", "code=", "standard=")),
        (r"\b(?:must|should|may)\s+not\s+(?:state|imply|claim|suggest|say|describe|promise|present|advertise|"
         r"promote|play\s+down|exaggerate|mislead)\b",
         ("must not", "should not", "may not")),
        (r"\b(?:(?:medicinal|physiological|therapeutic|drug|disease|health)\s+claims|(?:presented|regarded|"
         r"considered|treated)\s+as\s+(?:a\s+)?(?:medicine|medicinal\s+product|drug)|(?:breach(?:es)?|in\s+breach\s+"
         r"of)\s+(?:the\s+)?(?:rules|code|regulations?|law))\b",
         ("claims=", "medicin", "drug", "breach")),
    ]),
    "talk about the law": (0.5, [(
        r"\b(?:legal(?:ly)?|lawful(?:ly)?|unlawful(?:ly)?|legislation|Annex\s+(?:II|III|V)|not\s+allowed|"
        r"not\s+permitted|cosmetics?\s+(?:regulation|law|directive)s?|the\s+law|regulated\s+as|must\s+be\s+"
        r"(?:authori[sz]ed|approved|licensed|registered))\b",
        ("legal", "lawful", "unlawful", "legislation", "annex=", "allowed=", "permitted=", "regulation",
         "law=", "laws=", "directive", "regulated", "must be"))]),
    "consumer advice": (1.0, [(
        r"\b(?:before\s+you\s+book|warning\s+signs|red\s+flags?|what\s+to\s+(?:check|ask|look\s+for)|"
        r"report\s+(?:suspected\s+)?(?:side\s+effects|reactions|problems)|consumer\s+(?:safety|health|advice|"
        r"protection|rights)|be\s+(?:very\s+)?(?:wary|cautious|sceptical|skeptical)\s+(?:of|if|about|when))\b",
        ("before you book", "warning sign", "red flag", "what to", "report", "consumer", "be wary", "be cautious",
         "be very", "be sceptical", "be skeptical"))]),
    "experts quoted": (1.0, [(
        r"\b(?:experts?|researchers?|scientists|dermatologists|doctors|critics)\s+(?:say|said|warn\w*|caution\w*|"
        r"doubt\w*|question\w*|point\s+out|believe)\b",
        ("expert", "researcher", "scientists=", "dermatologists=", "doctors=", "critics="))]),
    "reported speech": (0.5, [(
        r"\b(?:said|says|told|according\s+to|reportedly)\b(?<!%\s*said)",
        ("said=", "says=", "told=", "according=", "reportedly="))]),
}
SELLING_SIGNALS = {
    "first-person selling": (1.0, [(
        r"\bour\s+(?:clinic|team|treatments?|products?|serums?|practitioners?|experts?|patients|clients|salon|spa|"
        r"range|formula\w*|doctors?|nurses?|services?|exosomes?|facials?|skin\s*care|portfolio|brand|studio|"
        r"customers|results)\b|\bwe\s+(?:offer|provide|use|recommend|specialise|specialize|are\s+proud|perform|"
        r"also\s+offer|stock|sell|deliver|create|formulate|made|make)\b",
        ("our=", "we="))]),
    "call to action": (1.0, [(
        r"\b(?:book\s+(?:now|your|a|online|today|in)|call\s+us|contact\s+us|get\s+in\s+touch|free\s+consultation|"
        r"enquire\s+(?:now|today)|shop\s+now|add\s+to\s+(?:cart|bag|basket)|buy\s+now|order\s+(?:now|today))\b",
        ("book=", "call=", "contact=", "get=", "free=", "enquire=", "shop=", "add=", "buy=", "order="))]),
}
MIN_REPORTING = 3.5  # weighted reporting signals a page needs ...
MIN_DENSITY = 1.5  # ... per 100 words ...
SELLING_RATIO = 2.0  # ... and at least this many times its selling signals


_SCAN_PIECE = 1 << 16  # characters scanned for trigger words at a time


def _windows(pieces: Iterable[str], size: int, reach: int) -> Iterator[tuple[str, int]]:
    """The text ``pieces`` make up, ``size`` characters at a time, each as (window, where its
    piece starts in the window): the window holds the character before the piece and runs on
    ``reach`` + 1 characters past it (or to the text's end). A short text is one window."""
    held: list[tuple[int, str]] = []  # (offset, piece): the pieces a later window may need
    end = lo = 0
    for piece in pieces:
        if not piece:
            continue
        held.append((end, piece))
        end += len(piece)
        while lo + size + reach + 1 <= end:
            start = max(lo - 1, 0)
            yield _cut(held, start, lo + size + reach + 1), lo - start
            lo += size
            while held and held[0][0] + len(held[0][1]) < lo:
                held.pop(0)
    while lo < end or lo == 0:
        start = max(lo - 1, 0)
        yield _cut(held, start, end), lo - start
        lo += size


def _cut(held: list[tuple[int, str]], start: int, stop: int) -> str:
    """The text from ``start`` to ``stop`` of the ``held`` pieces."""
    return "".join(piece[max(start - at, 0):stop - at] for at, piece in held
                   if at < stop and at + len(piece) > start)


class _Signals:
    """Compiled signals and the automaton of their triggers."""

    def __init__(self, signals: dict):
        self.parts: list[tuple[str, "regex.Pattern[str]", tuple[int, ...]]] = []
        self.weights = {name: weight for name, (weight, _parts) in signals.items()}
        self.words: list[str] = []
        self.whole: list[bool] = []
        index: dict[tuple[str, bool], int] = {}
        for name, (weight, parts) in signals.items():
            for pattern, triggers in parts:
                ids = []
                for t in triggers:
                    key = (t.rstrip("="), t.endswith("="))
                    if key not in index:
                        index[key] = len(self.words)
                        self.words.append(key[0])
                        self.whole.append(key[1])
                    ids.append(index[key])
                self.parts.append((name, regex.compile(pattern, _F), tuple(ids)))
        self._automaton = None

    def fired(self, text: str) -> set[int]:
        """Ids of the triggers that occur at a word start in ``text`` lower-cased."""
        found = self.fired_in_pieces((text,))
        return found if found is not None else self.fired_in_lowered(lower(text))

    def fired_in_pieces(self, pieces: Iterable[str]) -> set[int] | None:
        """``fired`` of the text ``pieces`` make up, or None when it must be lowered whole.

        A window at a time (``_windows``), each lower-cased on its own: a whole lower-cased
        copy of a large page, and the automaton's list of every match in it (70 MB for a dense
        10 MB page), are never held. A window lowers as the same stretch of the whole text
        does, but for a final sigma at its edges (no trigger holds a sigma, and both forms are
        letters) and for the few characters that lower to two (None: offsets would move)."""
        self._build()
        if self._sigma:
            return None
        out: set[int] = set()
        for window, lo in _windows(pieces, _SCAN_PIECE, self._reach):
            lowered = window.lower()
            if len(lowered) != len(window):
                return None
            self._scan(lowered, lo, out)
        return out

    def fired_in_lowered(self, lowered: str) -> set[int]:
        """``fired`` of a text already lower-cased."""
        self._build()
        out: set[int] = set()
        for window, lo in _windows((lowered,), _SCAN_PIECE, self._reach):
            self._scan(window, lo, out)
        return out

    def _build(self) -> None:
        if self._automaton is None:
            import ahocorasick_rs
            self._automaton = ahocorasick_rs.AhoCorasick(self.words, matchkind=ahocorasick_rs.MatchKind.Standard)
            self._reach = max(map(len, self.words), default=0)
            self._sigma = any("\u03c3" in w or "\u03c2" in w for w in self.words)

    def _scan(self, window: str, lo: int, out: set[int]) -> None:
        """Add to ``out`` the triggers at a word start in ``window`` (lower-cased) that start in
        its piece, from ``lo`` on for ``_SCAN_PIECE`` characters. ``window`` runs on by the
        longest word's reach and one character past the piece (or to the text's end), and
        holds the character before it (or starts the text)."""
        whole = self.whole
        n = len(window)
        for i, s, e in self._automaton.find_matches_as_indexes(
                window[lo:lo + _SCAN_PIECE + self._reach], overlapping=True):
            if i in out or s >= _SCAN_PIECE:
                continue  # (a match of the next piece: seen there, whole)
            s += lo
            e += lo
            if s and (window[s - 1].isalnum() or window[s - 1] == "_"):
                continue
            if whole[i] and e < n and (window[e].isalnum() or window[e] == "_"):
                continue
            out.add(i)

    def counts(self, text: str, gated: bool = True) -> dict[str, int]:
        fired = self.fired(text) if gated else None
        out: dict[str, int] = {}
        for name, pattern, ids in self.parts:
            if fired is not None and not any(i in fired for i in ids):
                continue
            n = sum(1 for _m in pattern.finditer(text))  # (counted: no list of every match)
            if n:
                out[name] = out.get(name, 0) + n
        return out

    def score(self, text: str, gated: bool = True) -> tuple[float, dict[str, int]]:
        """The weighted sum of the signals found in ``text``, and the count of each."""
        counts = self.counts(text, gated)
        return sum(n * self.weights[name] for name, n in counts.items()), counts


_REPORTING = _Signals(REPORTING_SIGNALS)
_SELLING = _Signals(SELLING_SIGNALS)
_FIRST_PERSON_SELLING = regex.compile(SELLING_SIGNALS["first-person selling"][1][0][0], _F)

HEARSAY = regex.compile(
    r"(?<!\b(?:although|though|while|whilst|even\s+if|even\s+though)\b[^,;.]{0,80})\b(?:(?:is|are|was|were|being)\s+(?:often\s+|widely\s+|frequently\s+)?(?:said|claimed|touted|purported|"
    r"reported|alleged|rumou?red|hailed|billed|marketed|promoted|advertised|sold|pitched|"
    r"described|presented)\s+(?:to|as)|reportedly|supposedly|purportedly|allegedly|so-called|(?:marketed|promoted|"
    r"advertised|billed|touted|hailed|sold|pitched)\s+as|(?:clinics|companies|brands|sellers|providers|"
    r"marketers|salons|influencers|ads|adverts|advertisements|websites)\s+(?:often\s+|may\s+|that\s+|which\s+|"
    r"who\s+)?(?:claim|promise|say|suggest|tout|advertise|boast|describe|market|pitch)|marketing\s+(?:materials?|"
    r"copy|claims)\s+(?:promise|claim|say|suggest|tout))\b",
    _F)


@dataclass(frozen=True)
class PageVoice:
    kind: str  # "reporting" or "selling/unknown"
    reporting: float
    selling: float
    words: int
    signals: tuple[str, ...]  # the reporting signals seen, for --explain

    @property
    def reporting_page(self) -> bool:
        return self.kind == "reporting"

    def reason(self) -> str:
        seen = ", ".join(self.signals) or "none"
        return (f"the page reads as reporting on claims, not making them ({self.reporting:g} reporting "
                f"signals in {self.words} words: {seen}; {self.selling:g} selling signals)")


_LAST: tuple = (None, None, None)  # (text, gated, voice) of the last page asked about (one tuple:
# replaced whole, so a thread never sees half of it)
_REMEMBERED = 1 << 20  # characters: a larger page's copy is not kept for the memo (its size
# again in memory; a large page's voice is judged once, see api._check_source)


def page_voice(text: str, gated: bool = True) -> PageVoice:
    """The page's voice (``gated=False`` runs every signal's regex: for tests of the gate).
    The last page's answer is remembered: the context stage and the semantic stage both ask."""
    global _LAST
    last_text, last_gated, voice = _LAST
    if last_gated is gated and (last_text is text or last_text == text):
        return voice
    voice = _page_voice(text, gated)
    _LAST = (text, gated, voice) if len(text) < _REMEMBERED else (None, None, None)
    return voice


def _page_voice(text: str, gated: bool) -> PageVoice:
    reporting, counts = _REPORTING.score(text, gated)
    seen = tuple(f"{name} x{n}" for name, n in counts.items())
    if reporting < MIN_REPORTING:
        return PageVoice("selling/unknown", reporting, 0.0, 0, seen)  # (words not counted)
    words = count_words(text)
    density = 100 * reporting / max(words, 1)
    if density < MIN_DENSITY:
        return PageVoice("selling/unknown", reporting, 0.0, words, seen)  # selling cannot change that
    selling, _counts = _SELLING.score(text, gated)
    is_reporting = reporting >= SELLING_RATIO * selling
    return PageVoice("reporting" if is_reporting else "selling/unknown", reporting, selling, words, seen)


def page_voice_of(pieces: Callable[[], Iterable[str]], whole: Callable[[], str]) -> PageVoice:
    """``page_voice(whole())``, where ``pieces()`` yields the same text in pieces: a page where
    no reporting trigger occurs (most pages) reads as selling/unknown without its whole copy
    being made (its size again on a large page)."""
    found = _REPORTING.fired_in_pieces(pieces())
    if found is not None and not found:
        return PageVoice("selling/unknown", 0, 0.0, 0, ())  # (what page_voice finds: no signal)
    return page_voice(whole())


def count_words(text: str, piece: int = 1 << 20) -> int:
    """``len(text.split())`` without the list of every word of a large page (50 MB for 5 MB)."""
    if len(text) <= piece:
        return len(text.split())
    total = 0
    for at in range(0, len(text), piece):
        total += len(text[at:at + piece].split())
        if at and not text[at - 1].isspace() and not text[at].isspace():
            total -= 1  # a word cut in two by the slicing
    return total


def section_sells(section: str) -> bool:
    """Whether a section of a reporting page is itself selling ("## Our range ... available to
    clinics through our portal"): a brand's page about the rules that ends with its own pitch."""
    selling, _counts = _SELLING.score(section)
    if not selling:
        return False
    reporting, _counts = _REPORTING.score(section)
    return reporting < SELLING_RATIO * selling


def sells_in_first_person(sentence: str) -> bool:
    return _FIRST_PERSON_SELLING.search(sentence) is not None


def hearsay(sentence: str) -> str | None:
    """The attribution in ``sentence`` that marks it as someone else's claim, if any."""
    m = HEARSAY.search(sentence)
    return m.group(0) if m else None


# a counterfactual clause governs the match: "if stem cells were human-based and could reach the
# dermis, ...", "even if they were derived from people": the writer supposes, not claims
COUNTERFACTUAL = regex.compile(
    r"\b(?:if|even\s+if|as\s+if|as\s+though|suppose|supposing|imagine|assuming)\b[^.!?;]{0,80}?\b(?:were|"
    r"weren\x27t)\b[^.!?;]{0,80}$",
    _F)


def supposed(before: str) -> str | None:
    """The counterfactual clause opening in ``before`` (the sentence up to a match), if any."""
    m = COUNTERFACTUAL.search(before)
    return m.group(0) if m else None
