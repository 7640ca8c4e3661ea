"""Baselines: record today's findings once, then report only new ones.

A baseline is a JSON file listing, per finding, the file (relative to the baseline's folder, so
the baseline works from any working folder), the rule and its fingerprint (see
``exolint.fingerprint``: rule + normalised matched text + occurrence, no line numbers). Line and
match are stored too, for people reading the file and for stale-entry messages.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from ..fingerprint import fingerprint_findings

BASELINE_VERSION = 1


class BaselineError(Exception):
    """The baseline file is missing, unreadable or not an exolint baseline."""


@dataclass(frozen=True)
class BaselineEntry:
    path: str  # relative to the baseline file's folder, forward slashes
    rule: str
    fingerprint: str
    match: str = ""
    line: int = 0


@dataclass
class BaselineResult:
    suppressed: int = 0
    stale: list[BaselineEntry] = field(default_factory=list)


def _key_path(path: str, base_dir: str) -> str:
    rel = os.path.relpath(os.path.abspath(path), base_dir)
    return rel.replace(os.sep, "/")


def _base_dir(baseline_file: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_file))


def entries_for(findings, baseline_file: str) -> list[BaselineEntry]:
    base = _base_dir(baseline_file)
    fps = fingerprint_findings(findings)
    return [BaselineEntry(_key_path(f.path, base), f.rule, fps[id(f)], f.match, f.line)
            for f in sorted(findings, key=lambda f: f.sort_key()) if not f.path.startswith("<")]


def write_baseline(findings, baseline_file: str) -> int:
    """Write every finding to ``baseline_file``; returns how many were recorded."""
    entries = entries_for(findings, baseline_file)
    data = {
        "version": BASELINE_VERSION,
        "tool": "exolint",
        "findings": [{"path": e.path, "rule": e.rule, "fingerprint": e.fingerprint,
                      "line": e.line, "match": e.match} for e in entries],
    }
    try:
        with open(baseline_file, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    except OSError as exc:
        raise BaselineError(f"{baseline_file}: cannot write baseline: {exc.strerror or exc}") from exc
    return len(entries)


def read_baseline(baseline_file: str) -> list[BaselineEntry]:
    try:
        with open(baseline_file, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(f"{baseline_file}: baseline file not found "
                            "(create it with --write-baseline)") from None
    except OSError as exc:
        raise BaselineError(f"{baseline_file}: cannot read baseline: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = f" (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise BaselineError(f"{baseline_file}{line}: not valid JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{baseline_file}: not an exolint baseline (no 'findings' list)")
    if data.get("version") != BASELINE_VERSION:
        raise BaselineError(f"{baseline_file}: unsupported baseline version {data.get('version')!r} "
                            f"(expected {BASELINE_VERSION})")
    out = []
    for i, raw in enumerate(data["findings"]):
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("path", "rule", "fingerprint")):
            raise BaselineError(f"{baseline_file}: findings[{i}] needs string fields "
                                "'path', 'rule' and 'fingerprint'")
        line = raw.get("line")
        out.append(BaselineEntry(raw["path"], raw["rule"], raw["fingerprint"], str(raw.get("match", "")),
                                 line if isinstance(line, int) else 0))
    return out


def apply_baseline(report, baseline_file: str, entries: list[BaselineEntry]) -> BaselineResult:
    """Drop findings recorded in the baseline from ``report``; find entries no longer present.

    An entry is stale when its file was checked in this run and the finding is gone, or when
    its file no longer exists. Entries for files not checked this time are left alone.
    """
    base = _base_dir(baseline_file)
    known = {(e.path, e.fingerprint) for e in entries}
    fps = fingerprint_findings(report.findings)
    kept, seen = [], set()
    for f in report.findings:
        key = (_key_path(f.path, base), fps[id(f)])
        if key in known:
            seen.add(key)
        else:
            kept.append(f)
    result = BaselineResult(suppressed=len(report.findings) - len(kept))
    report.findings[:] = kept
    checked = {_key_path(p, base) for p in getattr(report, "checked", ())}
    for e in entries:
        if (e.path, e.fingerprint) in seen:
            continue
        if e.path in checked or not os.path.exists(os.path.join(base, e.path)):
            result.stale.append(e)
    return result
