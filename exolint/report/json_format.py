"""JSON output: a stable contract other tools build on (version 1)."""
from __future__ import annotations

import json

SCHEMA_VERSION = 1


def as_dict(report) -> dict:
    return {
        "version": SCHEMA_VERSION,
        "files_checked": report.files_checked,
        "findings": [f.to_dict() for f in report.findings],
        "errors": [e.to_dict() for e in report.errors],
    }


def render(report, ruleset=None, **_options) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"
