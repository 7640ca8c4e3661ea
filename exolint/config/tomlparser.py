"""The TOML parser (``tomllib``, or ``tomli`` before Python 3.11), imported on first use.

A warm run with no config file never parses TOML (rules come from the cache), and importing the
parser costs several milliseconds of start-up.
"""
from __future__ import annotations

import sys


class _LazyToml:
    def __getattr__(self, name: str):
        if sys.version_info >= (3, 11):
            import tomllib as module
        else:  # pragma: no cover
            import tomli as module
        return getattr(module, name)


tomllib = _LazyToml()  # tomllib.loads, tomllib.load, tomllib.TOMLDecodeError
