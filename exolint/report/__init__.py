"""Reporters: one module per output format, each a function from a LintReport to text.

``REPORTERS`` maps a ``--format`` name to ``render(report, ruleset, **options) -> str``. Each
module is imported when its format is first used: a pre-commit run needs only one of them, and
start-up time counts.
"""
from __future__ import annotations

import importlib
from collections.abc import Mapping

_MODULES = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "gitlab": "gitlab",
    "html": "html",
}


class _Reporters(Mapping):
    def __getitem__(self, name: str):
        return importlib.import_module(f"{__name__}.{_MODULES[name]}").render

    def __iter__(self):
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


REPORTERS: Mapping = _Reporters()
