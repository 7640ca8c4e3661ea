"""Compiled patterns that can be stored cheaply and compiled only when first used.

Compiling a hundred rules' patterns with ``regex`` takes most of a second, while checking one page
uses a handful of them. A ``LazyPattern`` behaves like the compiled ``regex.Pattern`` it stands for
(``finditer``, ``search``...) and compiles on first use.

It pickles (for the rule cache, ``exolint.ruleset.cache``, and for worker processes) as its source,
its flags and, once compiled, the compiled program as a blob in ``regex``'s own pickle format
(which rebuilds a pattern from its compiled code without parsing it again). Loading the cache
only reads bytes, so start-up stays at milliseconds; a pattern used later is rebuilt from its blob
in microseconds instead of being parsed and compiled again (about 1 ms per pattern, which every
worker process of a large run would otherwise pay for every pattern it uses).
"""
from __future__ import annotations

import pickle

import regex


class LazyPattern:
    __slots__ = ("pattern", "flags", "_compiled", "_program")

    def __init__(self, pattern: str, flags: int, compiled: "regex.Pattern[str] | None" = None):
        self.pattern = pattern
        self.flags = flags
        self._compiled = compiled
        self._program: bytes | None = None

    @classmethod
    def of(cls, compiled: "regex.Pattern[str]") -> "LazyPattern":
        return cls(compiled.pattern, compiled.flags, compiled)

    def compiled(self) -> "regex.Pattern[str]":
        if self._compiled is None:
            self._compiled = self._from_program() or regex.compile(self.pattern, self.flags)
        return self._compiled

    def _from_program(self) -> "regex.Pattern[str] | None":
        if self._program is None:
            return None
        try:
            rebuilt = pickle.loads(self._program)
        except Exception:  # a blob from another regex build: compile from the source instead
            return None
        if getattr(rebuilt, "pattern", None) != self.pattern:
            return None
        return rebuilt

    def __getattr__(self, name: str):  # finditer, search, match, fullmatch, sub...
        return getattr(self.compiled(), name)

    def __getstate__(self):
        if self._program is None and self._compiled is not None:
            try:
                self._program = pickle.dumps(self._compiled, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # cannot happen with regex patterns; the source is enough anyway
                self._program = None
        return (self.pattern, self.flags, self._program)

    def __setstate__(self, state) -> None:
        self.pattern, self.flags = state[0], state[1]
        self._program = state[2] if len(state) > 2 else None
        self._compiled = None

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, LazyPattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))
