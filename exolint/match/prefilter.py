"""Decide, before any markup parsing, whether a file can hold a finding at all.

Most pages of a content repo contain no risky phrasing. Every rule match contains one of the
rule's literal anchors (see ``exolint.ruleset.patterns``), so if the raw source contains no anchor
of any rule, and no ``exolint`` directive, the file cannot produce a finding and parsing it would
be wasted work. The check runs over a cheaply normalised copy of the source (the same one-for-one
character mapping the Document applies, invisible characters removed, entities decoded) so it never
skips a file whose parsed text would have matched.
"""
from __future__ import annotations

import html
import re

from ..document import _REMOVE, normalise_chars
from ..ruleset import RuleSet
from ..lowercase import lower

_DELETE = {ord(c): None for c in _REMOVE}
# Markdown escapes and inline emphasis markers can sit inside a word ("exo**somes**",
# "side\-effects"); dropping them can only create anchor hits, never hide one.
_INLINE_MARKUP = {ord(c): None for c in "\\*_`"}
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_DIRECTIVE_WORD = "exolint"


def prefilter_text(source: str) -> str:
    """The source as the anchor check sees it: normalised, lower-cased, markup characters dropped."""
    return screen_text(source).lower()


def screen_text(source: str) -> str:
    """The source normalised like a Document's text, entities decoded, markup characters dropped."""
    text = normalise_chars(source)
    if any(c in text for c in _REMOVE):
        text = text.translate(_DELETE)
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
        text = normalise_chars(text).translate(_DELETE)
    return text.translate(_INLINE_MARKUP)


def may_have_findings(source: str, ruleset: RuleSet) -> bool:
    """False only when no rule of ``ruleset`` can match anywhere in ``source``.

    For rules without a derivable anchor, their anchor-less patterns are run on the text directly
    (``RuleSet.may_match``); an ``exolint`` directive (suppressions, market overrides) always
    leads to a full parse.
    """
    text = screen_text(source)
    lowered = lower(text)
    if _DIRECTIVE_WORD in lowered:
        return True
    return ruleset.may_match(text, lowered)
