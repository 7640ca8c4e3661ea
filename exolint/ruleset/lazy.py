"""Compiled patterns that can be stored cheaply and compiled only when first used.

Compiling a hundred rules' patterns with ``regex`` takes most of a second, while checking one page
uses a handful of them. A ``LazyPattern`` behaves like the compiled ``regex.Pattern`` it stands for
(``finditer``, ``search``...), compiles on first use, and pickles as its source and flags only, so
the rule cache (``exolint.ruleset.cache``) loads in milliseconds.
"""
from __future__ import annotations

import regex


class LazyPattern:
    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int, compiled: "regex.Pattern[str] | None" = None):
        self.pattern = pattern
        self.flags = flags
        self._compiled = compiled

    @classmethod
    def of(cls, compiled: "regex.Pattern[str]") -> "LazyPattern":
        return cls(compiled.pattern, compiled.flags, compiled)

    def compiled(self) -> "regex.Pattern[str]":
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str):  # finditer, search, match, fullmatch, sub...
        return getattr(self.compiled(), name)

    def __getstate__(self):
        return (self.pattern, self.flags)

    def __setstate__(self, state) -> None:
        self.pattern, self.flags = state
        self._compiled = None

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, LazyPattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))
