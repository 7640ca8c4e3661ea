"""JSON output: a stable contract other tools build on (version 1).

Laid out one finding (and one error) per line: readable, diff- and grep-friendly, and written
by the json module's C encoder (``indent`` would switch to its pure-Python encoder, about ten
times slower: a third of a second for a few thousand findings, after every worker is done).
"""
from __future__ import annotations

import json

from .unchecked import timeout_message

SCHEMA_VERSION = 1


def as_dict(report) -> dict:
    return {
        "version": SCHEMA_VERSION,
        "files_checked": report.files_checked,
        "findings": [f.to_dict() for f in report.findings],
        # files not checked (never counted as checked; exit code 2)
        "errors": [e.to_dict() for e in report.errors],
        # files skipped on purpose (e.g. a Word lock file) and warnings about checked files
        # (e.g. the encoding they were decoded as)
        "notes": [n.to_dict() for n in getattr(report, "notes", ())],
        # rules that ran out of time on a file: that file was checked only in part (exit code 2)
        "timeouts": [{"path": t.path, "rule": t.rule, "message": timeout_message(t)}
                     for t in getattr(report, "timeouts", ())],
        # matches the context stage did not report (the page or sentence is not making the
        # claim), each with the reason: for reviewers; never counted as findings
        "quieted": [dict(f.to_dict(), reason=f.quieted_because) for f in getattr(report, "quieted", [])],
    }


def render(report, ruleset=None, **_options) -> str:
    data = as_dict(report)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = ["{"]
    for key, value in data.items():
        if isinstance(value, list):
            items = ",\n".join("    " + encode(item) for item in value)
            lines.append(f"  {encode(key)}: [\n{items}\n  ]," if value else f"  {encode(key)}: [],")
        else:
            lines.append(f"  {encode(key)}: {encode(value)},")
    lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    return "\n".join(lines) + "\n"
