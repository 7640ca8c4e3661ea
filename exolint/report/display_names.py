"""File names that are not valid UTF-8, written the same way in every output format.

On POSIX a file name is bytes; Python keeps the bytes that are not UTF-8 as lone surrogates
(``os.fsdecode``, "surrogateescape"), which no UTF-8 output can hold. Every report, the baseline
file and the messages on standard error write each such byte as ``\\xNN`` (two lower-case hex
digits): ``caf\\xe9.md`` for the Latin-1 name ``caf<E9>.md``. ``unescape_name`` turns it back.
A name that really contains a backslash, ``x`` and two hex digits is shown as it is (and reads
back as the byte); that is the one ambiguity, and it needs such a name.
"""
from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPE = re.compile(r"\\x([89a-f][0-9a-f])")


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def escape_name(text: str) -> str:
    """``text`` with each undecodable byte (a lone surrogate) written as ``\\xNN``."""
    return _SURROGATE.sub(_escape, text) if isinstance(text, str) and _SURROGATE.search(text) else text


def unescape_name(text: str) -> str:
    """The file name ``escape_name`` wrote, back as ``os.fsdecode`` gives it."""
    return _ESCAPE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), text) if "\\x" in text else text


def escape_report(report) -> None:
    """Rewrite every path and message of ``report`` (a LintReport) with ``escape_name``, in place:
    called once before reporting, so every format and every stderr message shows the same name."""
    if not any(_SURROGATE.search(p) for p in _all_paths(report)):
        return
    for f in [*report.findings, *getattr(report, "quieted", ())]:
        f.path = escape_name(f.path)
    for e in [*report.errors, *report.notes]:
        e.path, e.message = escape_name(e.path), escape_name(e.message)
    for t in report.timeouts:
        t.path = escape_name(t.path)
    report.checked[:] = [escape_name(p) for p in report.checked]
    report.lines = {(escape_name(p), n): text for (p, n), text in report.lines.items()}
    report.sources = {escape_name(p): view for p, view in report.sources.items()}
    for view in report.sources.values():
        view.path = escape_name(view.path)


def _all_paths(report):
    yield from (f.path for f in report.findings)
    yield from (f.path for f in getattr(report, "quieted", ()))
    yield from (e.path for e in report.errors)
    yield from (e.message for e in report.errors)
    yield from (n.path for n in report.notes)
    yield from (n.message for n in report.notes)
    yield from (t.path for t in report.timeouts)
    yield from report.checked
