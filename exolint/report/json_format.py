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
    return {key: list(value) if lazy else value for key, value, lazy in _sections(report)}


def _sections(report):
    """(key, value, whether value is an iterable of dicts made one at a time) in output order."""
    return [
        ("version", SCHEMA_VERSION, False),
        ("files_checked", report.files_checked, False),
        ("findings", map(_finding_dict, report.findings), True),
        # files not checked (never counted as checked; exit code 2)
        ("errors", map(_finding_dict, report.errors), True),
        # files skipped on purpose (e.g. a Word lock file) and warnings about checked files
        # (e.g. the encoding they were decoded as)
        ("notes", map(_finding_dict, getattr(report, "notes", ())), True),
        # rules that ran out of time on a file: that file was checked only in part (exit code 2)
        ("timeouts", ({"path": t.path, "rule": t.rule, "message": timeout_message(t)}
                      for t in getattr(report, "timeouts", ())), True),
        # matches the context stage did not report (the page or sentence is not making the
        # claim), each with the reason: for reviewers; never counted as findings
        ("quieted", (dict(f.to_dict(), reason=f.quieted_because)
                     for f in getattr(report, "quieted", [])), True),
    ]


def _finding_dict(item) -> dict:
    return item.to_dict()


def render(report, ruleset=None, **options) -> str:
    """The JSON text (``render_pieces`` joined)."""
    return "".join(render_pieces(report, ruleset, **options))


def render_pieces(report, ruleset=None, **_options):
    """The JSON text in pieces, each item encoded as its dict is made: written as they come
    (``exolint check`` does), a page with a hundred thousand findings never holds all their
    dicts, nor the report's text, at once."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    yield "{\n"
    sections = _sections(report)
    for n, (key, value, lazy) in enumerate(sections):
        comma = "," if n < len(sections) - 1 else ""
        if not lazy:
            yield f"  {encode(key)}: {encode(value)}{comma}\n"
            continue
        yield f"  {encode(key)}: ["
        first = True
        for item in value:
            yield ("\n    " if first else ",\n    ") + encode(item)
            first = False
        yield f"]{comma}\n" if first else f"\n  ]{comma}\n"
    yield "}\n"
