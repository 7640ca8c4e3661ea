"""Changed lines: which lines were added or changed since a git ref (for pull-request checks).

Runs ``git diff --unified=0 REF`` (the ref against the working tree, so committed, staged and
unstaged edits all count) and reads the ``@@ -a,b +c,d @@`` hunk headers. Files git does not
track yet count as wholly new.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class ChangedLinesError(Exception):
    """Not in a git repository, git missing, or an unknown ref."""


@dataclass
class ChangedLines:
    root: str  # the repository's top folder (real path)
    lines: dict[str, set[int]] = field(default_factory=dict)  # real path -> changed line numbers
    new_files: set[str] = field(default_factory=set)  # real paths of untracked files

    def covers(self, path: str, first: int, last: int) -> bool:
        real = os.path.realpath(path)
        if real in self.new_files:
            return True
        changed = self.lines.get(real)
        return bool(changed) and any(n in changed for n in range(first, last + 1))


def _git(args: list[str], cwd: str | None) -> str:
    try:
        proc = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd,
                              capture_output=True, text=True, encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        raise ChangedLinesError("--diff needs git, and git was not found on PATH") from None
    if proc.returncode != 0:
        raise ChangedLinesError(proc.stderr.strip() or f"git {' '.join(args)} failed")
    return proc.stdout


def _unquote(path: str) -> str:
    """Undo git's C-style quoting of unusual file names ("a\\tb.md")."""
    if len(path) >= 2 and path[0] == path[-1] == '"':
        raw = path[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
        return raw.encode("latin-1").decode("utf-8", "replace")
    return path


def parse_diff(diff: str) -> dict[str, set[int]]:
    """Map each file (path relative to the repo root) to its added or changed lines."""
    out: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = _unquote(line[4:].rstrip("\t"))
            if target == "/dev/null":
                current = None
            else:
                current = out.setdefault(target[2:] if target.startswith("b/") else target, set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
                current.update(range(start, start + count))
    return out


def changed_lines(ref: str, cwd: str | None = None) -> ChangedLines:
    """Lines added or changed between ``ref`` and the working tree of the repository at ``cwd``."""
    try:
        root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    except ChangedLinesError as exc:
        raise ChangedLinesError(f"--diff needs a git repository: {exc}") from None
    if ref.startswith("-"):
        raise ChangedLinesError(f"unknown git ref '{ref}'")
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except ChangedLinesError:
        raise ChangedLinesError(f"unknown git ref '{ref}' (fetch it first, e.g. "
                                f"`git fetch origin {ref}`, or use a commit id)") from None
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--src-prefix=a/",
                 "--dst-prefix=b/", ref, "--"], root)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    real_root = os.path.realpath(root)
    result = ChangedLines(real_root)
    for rel, lines in parse_diff(diff).items():
        result.lines[os.path.realpath(os.path.join(root, rel))] = lines
    result.new_files = {os.path.realpath(os.path.join(root, p)) for p in untracked.split("\0") if p}
    return result


def keep_changed(report, changed: ChangedLines) -> int:
    """Keep only findings on changed lines; returns how many were dropped."""
    before = len(report.findings)
    report.findings[:] = [f for f in report.findings if changed.covers(f.path, f.line, f.end_line)]
    return before - len(report.findings)
