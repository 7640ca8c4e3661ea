"""Parse exolint's inline directives out of comment text.

Readers find the comments (HTML ``<!-- -->``, MDX ``{/* */}``, plain-text ``exolint:`` lines)
with their own tokenizer and hand the comment body here:

    exolint-disable-next-line hype, absolute_safety -- approved by legal, ticket 42
    exolint-disable RULE -- reason        ...        exolint-enable RULE
    exolint-disable-file RULE -- reason

In plain text the same directives are written ``exolint: disable-next-line RULE -- reason``.
"""
from __future__ import annotations

import re

from ..document import Directive

KINDS = ("disable-next-line", "disable-file", "disable", "enable")

_BODY = re.compile(
    r"""^\s*exolint(?:-|:\s*)(?P<kind>disable-next-line|disable-file|disable|enable)\b
        (?P<rest>.*)\Z""",
    re.VERBOSE | re.DOTALL,
)


def parse_directive(body: str, start: int, end: int, raw: str) -> Directive | None:
    """A Directive if ``body`` (a comment's inner text) is one of exolint's, else None.

    ``start``/``end`` are the source offsets of the whole comment; the Document turns them into
    lines.
    """
    m = _BODY.match(body)
    if not m:
        return None
    rest = m.group("rest")
    reason: str | None = None
    if "--" in rest:
        rest, _, why = rest.partition("--")
        reason = " ".join(why.split()) or None
    targets = tuple(t.strip() for t in re.split(r"[,\s]+", rest.strip()) if t.strip())
    return Directive(kind=m.group("kind"), targets=targets, reason=reason, start=start,
                     end=end, raw=" ".join(raw.split()))


def looks_like_directive(body: str) -> bool:
    return bool(_BODY.match(body))
