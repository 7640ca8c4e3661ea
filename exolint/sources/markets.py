"""Read a page's market from front matter values or a language tag (en-GB -> UK, de-DE -> EU)."""
from __future__ import annotations

import re

from ..ruleset import MARKETS

EU_COUNTRIES = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
_REGION_MARKET = {"GB": "UK", "UK": "UK", "US": "US", "CA": "CA", "AU": "AU", "EU": "EU"}


def market_of(value: str) -> str | None:
    """The market a market name or locale stands for ("uk", "GB", "en-GB", "de_DE"), or None."""
    v = value.strip()
    upper = v.upper()
    if upper == "GB":
        return "UK"
    if upper in MARKETS:
        return upper
    parts = re.split(r"[-_]", v)
    if len(parts) < 2:
        return None
    region = parts[-1].upper()
    if region in EU_COUNTRIES:
        return "EU"
    return _REGION_MARKET.get(region)


def markets_from_locale(value) -> frozenset[str] | None:
    """Markets from one value or a list of values; None when none is recognised."""
    values = value if isinstance(value, (list, tuple)) else [value]
    found = {m for v in values if isinstance(v, str) for m in [market_of(v)] if m}
    return frozenset(found) or None
