"""Helpers the reporters share: report paths, rule metadata lookups, repeated findings."""
from __future__ import annotations

import os
from urllib.parse import quote


def report_path(path: str) -> str:
    """A path as CI tools expect it: forward slashes, relative to the working folder when inside it."""
    if os.path.isabs(path):
        rel = os.path.relpath(path)
        if not rel.startswith(".."):
            path = rel
    if os.sep != "/":  # on POSIX a backslash is part of a name (and of the \\xNN escape)
        path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def path_uri(path: str) -> str:
    """A relative URI reference for a report path (SARIF artifactLocation.uri)."""
    return quote(report_path(path), safe="/")


def rule_for(ruleset, rule_id: str, finding=None):
    """The Rule behind a finding, or None (findings may come from outside the rule set). A
    semantic finding's is the rule of its closest flag example (``finding.closest``)."""
    if ruleset is None:
        return None
    closest = getattr(finding, "closest", None)
    return getattr(ruleset, "by_id", {}).get(closest or rule_id)


def one_line(text: str) -> str:
    return " ".join((text or "").split())


def repeat_key(f) -> tuple[str, str, str]:
    """Findings with one key are the same issue repeated on a page: same rule, same phrase (the
    text and HTML reports show it once in full)."""
    return f.path, f.rule, " ".join(f.match.lower().split())
