"""The server's options: from the command line (``exolint server --market UK``) and from the
client's ``initializationOptions`` (which win), all optional:

    {"markets": ["UK"],          # as --market; "all" or [] for every market
     "diagnosticMode": "auto",   # "push", "pull" or "auto" (pull when the client can pull)
     "ruleUrl": "https://.../rules.md#{rule}",   # where codeDescription links for bundled rules
     "debounceMs": 300}          # pause after typing before checking (push mode)
"""
from __future__ import annotations

from dataclasses import dataclass

from ..config.settings import market_set
from ..ruleset import MARKETS
from .links import DEFAULT_RULE_URL

MODES = ("auto", "push", "pull")


class OptionError(ValueError):
    """An option the client sent cannot be used; the message says which and why."""


@dataclass
class ServerOptions:
    markets: frozenset[str] | None = None
    diagnostic_mode: str = "auto"
    rule_url: str = DEFAULT_RULE_URL
    debounce: float = 0.3


def parse_markets(values) -> frozenset[str] | None:
    if isinstance(values, str):
        values = [values]
    names = [p.strip() for v in values or () for p in str(v).split(",") if p.strip()]
    return market_set(names, lambda n: OptionError(
        f"unknown market {n!r} (expected {', '.join(MARKETS)} or all)")) or None


def merge_initialization(options: ServerOptions, init) -> tuple[ServerOptions, list[str]]:
    """``options`` updated from the client's initializationOptions; bad values are reported
    (one message each) and leave the option as it was."""
    errors: list[str] = []
    if not isinstance(init, dict):
        return options, errors
    if "markets" in init:
        try:
            options.markets = parse_markets(init["markets"])
        except OptionError as exc:
            errors.append(f"initializationOptions.markets: {exc}")
    mode = init.get("diagnosticMode")
    if mode is not None:
        if mode in MODES:
            options.diagnostic_mode = mode
        else:
            errors.append(f"initializationOptions.diagnosticMode: expected one of "
                          f"{', '.join(MODES)}, got {mode!r}")
    url = init.get("ruleUrl")
    if url is not None:
        if isinstance(url, str) and "{rule}" in url:
            options.rule_url = url
        else:
            errors.append("initializationOptions.ruleUrl: expected a URL containing {rule}")
    delay = init.get("debounceMs")
    if delay is not None:
        if isinstance(delay, (int, float)) and not isinstance(delay, bool) and 0 <= delay <= 10000:
            options.debounce = delay / 1000
        else:
            errors.append("initializationOptions.debounceMs: expected milliseconds, 0 to 10000")
    return options, errors
