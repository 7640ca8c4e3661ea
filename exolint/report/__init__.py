"""Reporters: one module per output format, each a function from a LintReport to text.

``REPORTERS`` maps a ``--format`` name to ``render(report, ruleset, **options) -> str``;
``render_pieces(name)`` to the same text as an iterable of strings, made as it is written where
the module can (``render_pieces`` in it; JSON does: a dense page's report is larger than the page).
Each module is imported when its format is first used: a pre-commit run needs only one of them,
and start-up time counts.
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


def render_pieces(name: str):
    """``render_pieces(report, ruleset, **options)`` for format ``name``: its text in pieces."""
    module = importlib.import_module(f"{__name__}.{_MODULES[name]}")
    pieces = getattr(module, "render_pieces", None)
    if pieces is not None:
        return pieces
    return lambda report, ruleset=None, **options: (module.render(report, ruleset, **options),)
