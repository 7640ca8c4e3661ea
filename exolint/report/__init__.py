"""Reporters: one module per output format, each a function from a LintReport to text.

``REPORTERS`` maps a ``--format`` name to ``render(report, ruleset, **options) -> str``.
"""
from __future__ import annotations

from . import github, gitlab, html, json_format, junit, sarif, text

REPORTERS = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
    "gitlab": gitlab.render,
    "html": html.render,
}
