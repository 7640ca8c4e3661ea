"""What a run did not check, in one place for every reporter.

A file not checked (unreadable, not text, bad configuration) is an error; a file skipped on
purpose (a Word lock file) is a note whose file is not among those checked; a rule that ran out
of time leaves its file checked only in part. Every output format shows all three, so a run that
skipped something never looks like a clean one.
"""
from __future__ import annotations


def skipped(report) -> list:
    """Notes about files that were not checked (as opposed to notes about checked files)."""
    checked = set(getattr(report, "checked", ()) or ())
    return [n for n in getattr(report, "notes", ()) if n.path not in checked]


def not_checked(report) -> list:
    """FileErrors for every file not checked: errors first, then files skipped with a note."""
    return [*report.errors, *skipped(report)]


def timeouts(report) -> list:
    return list(getattr(report, "timeouts", ()) or ())


def timeout_message(t) -> str:
    return f"rule '{t.rule}' hit its time limit; this file was checked only in part (matches may be missing)"


def incomplete(report) -> bool:
    """Files were not checked, or not in full."""
    return bool(report.errors or timeouts(report))
