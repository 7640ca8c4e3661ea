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

from dataclasses import dataclass

import regex

_F = regex.IGNORECASE | regex.VERSION0

_REGULATORS = (r"(?:FDA|TGA|MHRA|ASA|HPRA|FTC|EMA|AHPRA|CAP|Health\s+Canada|Food\s+and\s+Drug\s+Administration|"
               r"Advertising\s+Standards\s+Authority|Federal\s+Trade\s+Commission|Therapeutic\s+Goods\s+"
               r"Administration|regulators?|Trading\s+Standards|(?:European\s+)?Commission|courts?|judge|"
               r"competent\s+authorit(?:y|ies))")

# name -> (pattern, weight): what makes a page read as reporting on claims rather than making them
REPORTING_SIGNALS = {
    "a regulator or court acts": (
        rf"\b(?:the\s+)?{_REGULATORS}\s+(?:has\s+|have\s+|had\s+|also\s+)*(?:says?|said|warn\w*|caution\w*|stat\w*|"
        r"issu\w*|rul\w*|found|ban\w*|notes?|noted|requires?|required|considers?|prohibit\w*|classif\w*|took|"
        r"taken|lists?|advis\w*|approved\s+only|regulat\w*|announc\w*|sued|fined|ordered|settled|alleg\w*|"
        r"charg\w*|does\s+not|doesn\x27t|has\s+not|hasn\x27t)\b"
        rf"|\b(?:according\s+to|guidance\s+from|warning\s+from|rules\s+of|under)\s+(?:the\s+)?{_REGULATORS}\b"
        rf"|\b{_REGULATORS}\s+(?:guidance|warnings?|rules|regulations|complaint|settlement|order|ruling|letters?)\b",
        1.0),
    "critical vocabulary": (
        r"\b(?:unproven|unapproved|unlicensed|purported(?:ly)?|touted|so-called|bogus|scams?|misleading|"
        r"illegal(?:ly)?|banned|crackdown|enforcement|lawsuits?|deceptive|snake\s+oil|overhyped|"
        r"(?:the|this|all\s+the)\s+hype|hype\s+(?:vs|versus|or|and)|warning\s+letters?|consumer\s+protection|"
        r"not\s+(?:been\s+)?(?:approved|licensed|authori[sz]ed|proven)|(?:no|little|limited|insufficient|scant)\s+"
        r"(?:good\s+|solid\s+|robust\s+|reliable\s+|clinical\s+|scientific\s+|high-quality\s+)?evidence|"
        r"lack\s+of\s+(?:\w+\s+)?evidence|controvers(?:y|ial)|gimmicks?|wary|sceptic(?:al|ism)|skeptic(?:al|ism)|"
        r"untrue|inadequate|anecdotal|fancy-sounding|science-y|too\s+good\s+to\s+be\s+true|buyer\s+beware|"
        r"control\s+group|(?:funded|paid\s+for|sponsored)\s+by\s+(?:the\s+)?(?:manufacturer|brand|company|maker)s?|"
        r"we\s+(?:simply\s+|just\s+)?(?:don\x27t|do\s+not)\s+(?:yet\s+)?know|little\s+is\s+known|honest\s+answer|"
        r"(?:clever|slick|savvy)\s+marketing|marketing\s+(?:hype|spin|gimmicks?|buzzwords?|speak)|about\s+marketing|"
        r"red\s+flags?|"
        r"(?:no|little|limited)\s+(?:adequate\s+|good\s+|solid\s+|real\s+)?(?:science|data|research)\s+(?:to\s+"
        r"(?:suggest|support|show)|behind)|(?:don\x27t|do\s+not|doesn\x27t|does\s+not)\s+(?:really\s+|actually\s+)?"
        r"work\b|not\s+(?:\w+\s+)?(?:FDA|TGA|MHRA)[- ](?:approved|cleared|licensed)|without\s+(?:FDA|TGA|MHRA)\s+approval)\b",
        1.0),
    "third parties selling": (
        r"\b(?:clinics|companies|providers|sellers|brands|businesses|marketers|salons|influencers|spas)\b"
        r"(?:\s+\w+){0,2}\s+(?:offering|marketing|advertising|selling|claim\w*|promot\w*|tout\w*|market)\b"
        r"|\b(?:marketed|advertised|promoted|billed|sold|touted|hailed)\s+as\b"
        r"|\b(?:a|the|when\s+a|if\s+a)\s+(?:clinic|brand|company|seller|salon|provider|manufacturer|website)\s+"
        r"(?:says|claims|tells\s+you|promises|advertises|suggests)\b"
        r"|\b(?:saw|seen|see)\s+(?:it\s+|them\s+)?advertised\b",
        1.0),
    "rules about advertising": (
        r"\b(?:advertisers?|advertisements?|adverts?|ads|marketers|promoters)\s+(?:should|must|may|cannot|can\x27t|"
        r"are\s+(?:not\s+)?(?:allowed|permitted|required)|need\s+to|have\s+to)\b"
        r"|\b(?:must|should|may)\s+not\s+(?:state|imply|claim|suggest|say|describe|promise|present|advertise|"
        r"promote|play\s+down|exaggerate|mislead)\b"
        r"|\b(?:medicinal|physiological|therapeutic|drug|disease|health)\s+claims\b"
        r"|\b(?:presented|regarded|considered|treated)\s+as\s+(?:a\s+)?(?:medicine|medicinal\s+product|drug)\b"
        r"|\b(?:breach(?:es)?|in\s+breach\s+of)\s+(?:the\s+)?(?:rules|code|regulations?|law)\b",
        1.0),
    "experts quoted": (
        r"\b(?:experts?|researchers?|scientists|dermatologists|doctors|critics)\s+(?:say|said|warn\w*|caution\w*|"
        r"doubt\w*|question\w*|point\s+out|believe)\b",
        1.0),
    "reported speech": (
        r"\b(?:said|says|told|according\s+to|reportedly)\b(?<!%\s*said)",
        0.5),
}
SELLING_SIGNALS = {
    "first-person selling": (
        r"\bour\s+(?:clinic|team|treatments?|products?|serums?|practitioners?|experts?|patients|clients|salon|spa|"
        r"range|formula\w*|doctors?|nurses?|services?|exosomes?|facials?|skin\s*care|portfolio|brand|studio|"
        r"customers|results)\b|\bwe\s+(?:offer|provide|use|recommend|specialise|specialize|are\s+proud|perform|"
        r"also\s+offer|stock|sell|deliver|create|formulate|made|make)\b",
        1.0),
    "call to action": (
        r"\b(?:book\s+(?:now|your|a|online|today|in)|call\s+us|contact\s+us|get\s+in\s+touch|free\s+consultation|"
        r"enquire\s+(?:now|today)|shop\s+now|add\s+to\s+(?:cart|bag|basket)|buy\s+now|order\s+(?:now|today))\b",
        1.0),
}
MIN_REPORTING = 3.5  # weighted reporting signals a page needs ...
MIN_DENSITY = 1.5  # ... per 100 words ...
SELLING_RATIO = 2.0  # ... and at least this many times its selling signals

_REPORTING = {name: (regex.compile(p, _F), w) for name, (p, w) in REPORTING_SIGNALS.items()}
_SELLING = {name: (regex.compile(p, _F), w) for name, (p, w) in SELLING_SIGNALS.items()}
_FIRST_PERSON_SELLING = _SELLING["first-person selling"][0]

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


def page_voice(text: str) -> PageVoice:
    words = len(text.split())
    reporting = 0.0
    seen: list[str] = []
    for name, (pattern, weight) in _REPORTING.items():
        n = len(pattern.findall(text))
        if n:
            reporting += n * weight
            seen.append(f"{name} x{n}")
    selling = sum(len(p.findall(text)) * w for p, w in _SELLING.values())
    density = 100 * reporting / max(words, 1)
    is_reporting = (reporting >= MIN_REPORTING and density >= MIN_DENSITY
                    and reporting >= SELLING_RATIO * selling)
    return PageVoice("reporting" if is_reporting else "selling/unknown", reporting, selling, words,
                     tuple(seen))


def section_sells(section: str) -> bool:
    """Whether a section of a reporting page is itself selling ("## Our range ... available to
    clinics through our portal"): a brand's page about the rules that ends with its own pitch."""
    selling = sum(len(p.findall(section)) * w for p, w in _SELLING.values())
    if not selling:
        return False
    reporting = sum(len(p.findall(section)) * w for p, w in _REPORTING.values())
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
