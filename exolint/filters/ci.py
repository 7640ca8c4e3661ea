"""The filters a CI run applies after linting: write/apply a baseline, keep changed lines only.

Order matters: the baseline is written from the full set of findings; it is then applied knowing
which lines changed (so findings on changed lines are the last to be taken as known: a new copy
of a baselined phrase is the one reported), and only then are findings narrowed to changed
lines. Baseline + --diff can so never hide a finding the baseline does not account for when it
sits on a changed line. The ``--fail-on`` decision is taken on what is left.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class FilterError(Exception):
    """A baseline or --diff problem the user must fix (exit code 2)."""


@dataclass
class FilterOutcome:
    messages: list[str] = field(default_factory=list)  # notes for standard error


def apply_ci_filters(report, *, baseline: str | None = None, write_to: str | None = None,
                     diff_ref: str | None = None, cwd: str | None = None) -> FilterOutcome:
    outcome = FilterOutcome()
    if not (baseline or write_to or diff_ref):
        return outcome  # the usual local run: nothing to import or do
    from .baseline import BaselineError, apply_baseline, read_baseline, write_baseline
    from .changed_lines import ChangedLinesError, changed_lines, keep_changed

    try:
        entries = read_baseline(baseline) if baseline else None
        changed = changed_lines(diff_ref, cwd) if diff_ref else None
        if write_to:
            n = write_baseline(report.findings, write_to)
            outcome.messages.append(f"exolint: wrote {n} finding{'s' if n != 1 else ''} to baseline {write_to}")
    except (BaselineError, ChangedLinesError) as exc:
        raise FilterError(str(exc)) from None
    if entries is not None:
        if entries.version < 2:
            outcome.messages.append(
                f"exolint: note: baseline {baseline} has format version {entries.version} (no context): "
                "known findings are matched by count; write it again with --write-baseline "
                "to record the copy around each one")
        result = apply_baseline(report, baseline, entries, changed)
        if result.suppressed:
            outcome.messages.append(f"exolint: {result.suppressed} finding{'s' if result.suppressed != 1 else ''} "
                                    f"already in baseline {baseline} not shown")
        for e in result.stale:
            outcome.messages.append(f"exolint: note: stale baseline entry: {e.path}: [{e.rule}] "
                                    f"'{e.match}' (was line {e.line}) is no longer found")
        if result.stale:
            outcome.messages.append(f"exolint: {len(result.stale)} stale baseline "
                                    f"entr{'ies' if len(result.stale) != 1 else 'y'}; prune them with "
                                    f"`exolint check --write-baseline {baseline}`")
    if changed is not None:
        dropped = keep_changed(report, changed)
        if dropped:
            outcome.messages.append(f"exolint: {dropped} finding{'s' if dropped != 1 else ''} on lines "
                                    f"unchanged since {diff_ref} not shown")
    return outcome
