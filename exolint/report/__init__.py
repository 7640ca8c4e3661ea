"""Reporters: one module per output format, each a function from a LintReport to text.

``REPORTERS`` maps a ``--format`` name to ``render(report, ruleset, **options) -> str``.
"""
from __future__ import annotations

from . import json_format, text

REPORTERS = {
    "text": text.render,
    "json": json_format.render,
}
