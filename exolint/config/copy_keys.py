"""Configuration of structured copy: ``[tool.exolint.copy]`` and ``[[tool.exolint.suppress]]``.

    [tool.exolint.copy]
    walk = true                          # also check .json/.yaml/.yml/.csv/.po/.xml when walking
    profile = "auto"                     # auto | generic | contentful | sanity | i18n
    include = ["**.description"]         # key-path globs that are copy
    exclude = ["products[].vendor"]      # key-path globs that are not
    columns = ["Title", "Body (HTML)"]   # CSV columns read (replaces the defaults)

    [[tool.exolint.suppress]]            # where a file has no comments to carry a directive
    path = "data/products.csv"
    key = "/3/Body (HTML)"               # a glob over the finding's pointer (* crosses '/')
    rule = "no-side-effects"             # a rule id or a category
    reason = "Approved by regulatory, ticket 123"
"""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, replace

from ..sources.structured.keypaths import PROFILES, CopySettings

COPY_KEYS = ("walk", "profile", "include", "exclude", "columns")
SUPPRESS_KEYS = ("path", "key", "rule", "reason")


@dataclass(frozen=True)
class SuppressEntry:
    """One ``[[suppress]]`` entry: findings of ``rule`` at ``key`` in files matching ``path``."""
    path: str
    key: str
    rule: str
    reason: str
    config_file: str
    index: int

    def covers(self, finding) -> bool:
        if self.rule not in (finding.rule, finding.category):
            return False
        if self.key in ("", "*", "**"):
            return True
        return finding.pointer is not None and fnmatch.fnmatchcase(finding.pointer, self.key)


def parse_copy(value, where: str, error) -> dict:
    """The keys of a ``copy`` table, validated (``error(message)`` raises ConfigError)."""
    if not isinstance(value, dict):
        error(f"{where}: expected a table (walk, profile, include, exclude, columns)")
    out = {}
    for key, v in value.items():
        if key not in COPY_KEYS:
            error(f"{where}.{key}: unknown key; expected one of {', '.join(COPY_KEYS)}")
        if key == "walk":
            if not isinstance(v, bool):
                error(f"{where}.walk: expected true or false, got {v!r}")
        elif key == "profile":
            if v not in PROFILES:
                error(f"{where}.profile: expected one of {', '.join(PROFILES)}, got {v!r}")
        else:
            if isinstance(v, str):
                v = [v]
            if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
                error(f"{where}.{key}: expected a list of non-empty strings, got {v!r}")
            v = tuple(x.strip() for x in v)
        out[key] = v
    return out


def merged(base: CopySettings, values: dict) -> CopySettings:
    return replace(base, **values)


def parse_suppress(value, where: str, config_file: str, error) -> list[SuppressEntry]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        error(f"{where}: expected an array of tables ([[suppress]])")
    out = []
    for i, entry in enumerate(value):
        here = f"{where}[{i}]"
        for key in entry:
            if key not in SUPPRESS_KEYS:
                error(f"{here}.{key}: unknown key; expected one of {', '.join(SUPPRESS_KEYS)}")
        for key in ("path", "rule", "reason"):
            v = entry.get(key)
            if not isinstance(v, str) or not v.strip():
                error(f"{here}: '{key}' is required (a non-empty string)"
                      + (": compliance sign-off needs the reason" if key == "reason" else ""))
        key = entry.get("key", "*")
        if not isinstance(key, str):
            error(f"{here}.key: expected a pointer glob such as \"/entries/*/fields/body/*\"")
        out.append(SuppressEntry(entry["path"].strip(), key.strip(), entry["rule"].strip(),
                                 entry["reason"].strip(), config_file, i))
    return out
