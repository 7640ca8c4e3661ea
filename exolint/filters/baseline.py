"""Baselines: record today's findings once, then report only new ones.

A baseline is a JSON file listing, per finding, the file (relative to the baseline's folder, so
the baseline works from any working folder), the rule, a fingerprint of the rule and the
normalised matched text, and the hashes of the copy around it (``context``: its own line and the
non-blank lines above and below; see ``exolint.filters.surroundings``). Line and match are stored
too, for people reading the file and for stale-entry messages.

Matching pairs each entry with one finding of the same file, rule and phrase: first the findings
on lines unchanged since the ``--diff`` ref (when there is one), then the others; within that,
the finding whose surroundings are most like the entry's, then the nearest to the line recorded.
A phrase found more often than the baseline knows is reported, and it is the new copy that is:
the one on a changed line, or, without ``--diff``, the one whose surroundings differ. Version 1
baselines (fingerprints counted by occurrence, no context) are still read: their entries are
matched by count, on the same order of preference.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field

from .fingerprint import _digest, fingerprint, normalise_match
from ..report.display_names import escape_name, unescape_name
from .surroundings import likeness

BASELINE_VERSION = 2
READABLE_VERSIONS = (1, 2)
_MAX_PAIRS = 20000  # above this many (entry, finding) pairs in one group, pair in order


class BaselineError(Exception):
    """The baseline file is missing, unreadable or not an exolint baseline."""


@dataclass(frozen=True)
class BaselineEntry:
    path: str  # relative to the baseline file's folder, forward slashes
    rule: str
    fingerprint: str  # version 2: rule + normalised match; version 1: with the occurrence
    match: str = ""
    line: int = 0
    context: tuple[str, str, str] | None = None  # (near, before, after) hashes


@dataclass
class Baseline:
    entries: list[BaselineEntry]
    version: int = BASELINE_VERSION


@dataclass
class BaselineResult:
    suppressed: int = 0
    stale: list[BaselineEntry] = field(default_factory=list)


def phrase_fingerprint(rule: str, match: str) -> str:
    """A finding's identity in a version 2 baseline: its rule and normalised text."""
    return _digest("baseline-v2", rule, normalise_match(match))


def key_path(path: str, base_dir: str) -> str:
    """The path as the baseline stores it: relative, forward slashes, undecodable bytes as \\xNN."""
    rel = os.path.relpath(os.path.abspath(path), base_dir)
    return escape_name(rel.replace(os.sep, "/"))


def _base_dir(baseline_file: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_file))


def entries_for(findings, baseline_file: str) -> list[BaselineEntry]:
    base = _base_dir(baseline_file)
    return [BaselineEntry(key_path(f.path, base), f.rule, phrase_fingerprint(f.rule, f.match), f.match,
                          f.line, getattr(f, "surroundings", None))
            for f in sorted(findings, key=lambda f: f.sort_key()) if not f.path.startswith("<")]


def write_baseline(findings, baseline_file: str) -> int:
    """Write every finding to ``baseline_file``; returns how many were recorded."""
    entries = entries_for(findings, baseline_file)
    data = {
        "version": BASELINE_VERSION,
        "tool": "exolint",
        "findings": [{"path": e.path, "rule": e.rule, "fingerprint": e.fingerprint,
                      "context": list(e.context) if e.context else None,
                      "line": e.line, "match": e.match} for e in entries],
    }
    try:
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        with open(baseline_file, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        raise BaselineError(f"{baseline_file}: cannot write baseline: {exc.strerror or exc}") from exc
    return len(entries)


def _context(raw) -> tuple[str, str, str] | None:
    if isinstance(raw, list) and len(raw) == 3 and all(isinstance(h, str) for h in raw):
        return tuple(raw)
    return None


def read_baseline(baseline_file: str) -> Baseline:
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
    version = data.get("version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise BaselineError(f"{baseline_file}: unsupported baseline version {version!r} "
                            f"(expected {' or '.join(map(str, READABLE_VERSIONS))})")
    out = []
    for i, raw in enumerate(data["findings"]):
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in ("path", "rule", "fingerprint")):
            raise BaselineError(f"{baseline_file}: findings[{i}] needs string fields "
                                "'path', 'rule' and 'fingerprint'")
        line = raw.get("line")
        out.append(BaselineEntry(raw["path"], raw["rule"], raw["fingerprint"], str(raw.get("match", "")),
                                 line if isinstance(line, int) else 0,
                                 _context(raw.get("context")) if version >= 2 else None))
    return Baseline(out, version)


def _groups_v1(findings, keys) -> dict[tuple[str, str], tuple[str, str]]:
    """Version 1 fingerprints count occurrences: map each (path, v1 fingerprint) a finding of this
    run could have to the finding's (path, phrase) group."""
    sizes: dict[tuple[str, str, str], int] = defaultdict(int)
    rep: dict[tuple[str, str, str], tuple[str, str]] = {}
    for f, path in zip(findings, keys):
        norm = (path, f.rule, normalise_match(f.match))
        sizes[norm] += 1
        rep[norm] = (f.rule, f.match)
    out = {}
    for (path, rule, norm), n in sizes.items():
        rule_id, match = rep[(path, rule, norm)]
        for occurrence in range(n):
            out[(path, fingerprint(rule_id, match, occurrence))] = (path, phrase_fingerprint(rule_id, match))
    return out


def _pair(entries: list[BaselineEntry], findings: list, changed) -> list:
    """The findings of one (file, phrase) group that no entry accounts for (see the module doc)."""
    tiers = [findings]
    if changed is not None:
        tiers = [[f for f in findings if not changed.covers(f.path, f.line, f.end_line)],
                 [f for f in findings if changed.covers(f.path, f.line, f.end_line)]]
    left = list(entries)
    new = []
    for tier in tiers:
        if not left:
            new.extend(tier)
            continue
        if len(left) * len(tier) > _MAX_PAIRS:
            taken = min(len(left), len(tier))
            left, new = left[taken:], new + tier[taken:]
            continue
        pairs = sorted((-likeness(e.context, getattr(f, "surroundings", None)), abs(e.line - f.line), fi, ei)
                       for fi, f in enumerate(tier) for ei, e in enumerate(left))
        used_f, used_e = set(), set()
        for _score, _dist, fi, ei in pairs:
            if fi not in used_f and ei not in used_e:
                used_f.add(fi)
                used_e.add(ei)
        new.extend(f for fi, f in enumerate(tier) if fi not in used_f)
        left = [e for ei, e in enumerate(left) if ei not in used_e]
    return new, left


def apply_baseline(report, baseline_file: str, baseline: Baseline, changed=None) -> BaselineResult:
    """Drop findings recorded in the baseline from ``report``; find entries no longer present.

    ``changed`` (a ChangedLines, for --diff) makes findings on changed lines the last to be
    taken as known. An entry is stale when its file was checked in this run and the finding is
    gone, or when its file no longer exists. Entries for files not checked this time are left alone.
    """
    if isinstance(baseline, list):  # a plain entry list (library callers of version 1)
        baseline = Baseline(baseline, 2 if any(e.context for e in baseline) else 1)
    base = _base_dir(baseline_file)
    keys = [key_path(f.path, base) for f in report.findings]
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for f, path in zip(report.findings, keys):
        if not f.path.startswith("<"):
            groups[(path, phrase_fingerprint(f.rule, f.match))].append(f)
    v1 = _groups_v1(report.findings, keys) if baseline.version == 1 else {}
    known: dict[tuple[str, str], list[BaselineEntry]] = defaultdict(list)
    unplaced = []
    for e in baseline.entries:
        group = v1.get((e.path, e.fingerprint)) if baseline.version == 1 else (e.path, e.fingerprint)
        (known[group] if group in groups else unplaced).append(e)
    reported = set()
    stale_candidates = list(unplaced)
    for group, found in groups.items():
        new, left = _pair(known.get(group, []), found, changed)
        reported.update(id(f) for f in new)
        stale_candidates.extend(left)
    kept = [f for f in report.findings if f.path.startswith("<") or id(f) in reported]
    result = BaselineResult(suppressed=len(report.findings) - len(kept))
    report.findings[:] = kept
    checked = {key_path(p, base) for p in getattr(report, "checked", ())}
    order = {id(e): i for i, e in enumerate(baseline.entries)}
    for e in sorted(stale_candidates, key=lambda e: order[id(e)]):
        if e.path in checked or not os.path.exists(os.path.join(base, unescape_name(e.path))):
            result.stale.append(e)
    return result
