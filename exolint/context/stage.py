"""The context stage: of the spans the rules matched, keep those the page is claiming.

Runs after matching and the rules' own sentence exceptions (``unless``), on text offsets. Each
span it quiets is kept with the reason, so ``--explain`` and the HTML report can say why a
phrase that matched a rule was not reported.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..sentences import sentence_begin, sentence_stop
from .structure import section_around


def judge(text: str, spans: Iterable[tuple[int, int]], page: Callable[[], str] | None = None,
          page_pieces: Callable[[], Iterable[str]] | None = None, voice=None
          ) -> tuple[list[bool], list[str | None]]:
    """For each (start, end) span of ``text``: whether to report it, and if not, why. ``page()``
    gives the whole page's copy for its voice, asked for only when needed (the text the rules
    see may hold only the parts of a big page where a rule could match; see exolint.match.sparse);
    ``page_pieces()`` the same copy in pieces (the whole is then made only when the page holds
    a reporting word: ``voice.page_voice_of``); ``voice``: the page's voice, when known."""
    if not spans:
        return [], []
    # imported here, on the first page with a match: compiling its regexes costs start-up time
    from .voice import (hearsay, page_voice, page_voice_of, section_sells, sells_in_first_person,
                        supposed)

    keep: list[bool] = []
    reasons: list[str | None] = []
    for start, end in spans:
        begin = sentence_begin(text, start)
        sentence = text[begin:sentence_stop(text, end)]
        reason = None
        if not sells_in_first_person(sentence):
            said = hearsay(sentence)
            supposition = None if said else supposed(text[begin:start])
            if said:
                reason = f"the sentence reports someone else's claim ('{said}')"
            elif supposition:
                reason = f"the sentence supposes rather than claims ('{supposition.strip()[:60]}')"
            else:
                if voice is None:
                    whole = page if page is not None else lambda: text
                    voice = (page_voice_of(page_pieces, whole) if page_pieces is not None
                             else page_voice(whole()))
                if voice.reporting_page and not section_sells(section_around(text, start)):
                    reason = voice.reason()
        keep.append(reason is None)
        reasons.append(reason)
    return keep, reasons
