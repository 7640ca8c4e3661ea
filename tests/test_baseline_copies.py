"""Baselines tell an old phrase from a new copy of it (issue 18, class 1).

A new copy of a baselined phrase must be the finding reported, wherever it is added; and
--baseline with --diff must never hide a finding on a changed line that the baseline does not
account for.
"""
import json
import subprocess

import pytest

from exolint.filters.changed_lines import parse_diff
from exolint.filters.baseline import (Baseline, BaselineEntry, apply_baseline, phrase_fingerprint,
                                     read_baseline)
from exolint.findings import Finding
from exolint.filters.fingerprint import fingerprint

from ci_helpers import RULES_ARGS

KNOWN = "There are no known side effects."
LEGACY = f"# Our serum\n\n{KNOWN}\n\nBook now.\n"


@pytest.fixture
def site(tmp_path, run_cli):
    (tmp_path / "content").mkdir()
    page = tmp_path / "content" / "page.md"
    page.write_text(LEGACY, encoding="utf-8")
    code, _, err = run_cli("check", *RULES_ARGS, "--write-baseline", "base.json", "content", cwd=tmp_path)
    assert code == 0, err
    return tmp_path, page


def reported(run_cli, root, *extra):
    code, out, err = run_cli("check", *RULES_ARGS, "--format", "json", "--baseline", "base.json",
                             *extra, "content", cwd=root)
    assert "Traceback" not in err
    return code, [(f["path"], f["line"]) for f in json.loads(out)["findings"]], err


def test_copy_above_the_heading_is_the_one_reported(site, run_cli):
    root, page = site
    page.write_text(f"{KNOWN}\n\n" + LEGACY, encoding="utf-8")
    code, found, err = reported(run_cli, root)
    assert code == 1
    assert found == [("content/page.md", 1)]  # not the old sentence, now on line 5
    assert "stale" not in err


def test_copy_just_above_is_the_one_reported_when_lines_are_told_apart(site, run_cli):
    root, page = site
    page.write_text(LEGACY.replace(KNOWN, f"{KNOWN} Honestly.\n\n{KNOWN}"), encoding="utf-8")
    code, found, _ = reported(run_cli, root)
    assert code == 1 and found == [("content/page.md", 3)]  # the new line; the old is on line 5


def test_copy_below_is_the_one_reported(site, run_cli):
    root, page = site
    page.write_text(LEGACY + f"\nP.S. {KNOWN}\n", encoding="utf-8")
    code, found, _ = reported(run_cli, root)
    assert code == 1 and found == [("content/page.md", 7)]


def test_identical_copy_right_below_is_the_one_reported(site, run_cli):
    root, page = site
    page.write_text(LEGACY.replace(KNOWN, f"{KNOWN}\n\n{KNOWN}"), encoding="utf-8")
    code, found, _ = reported(run_cli, root)
    assert code == 1 and found == [("content/page.md", 5)]


def test_copy_in_another_file_is_reported_and_the_original_stays_known(site, run_cli):
    root, _ = site
    (root / "content" / "other.md").write_text(LEGACY, encoding="utf-8")
    code, found, err = reported(run_cli, root)
    assert code == 1 and found == [("content/other.md", 3)]
    assert "stale" not in err


def test_moved_paragraph_stays_known(site, run_cli):
    root, page = site
    page.write_text(f"# Our serum\n\nBook now.\n\nA new paragraph.\n\n{KNOWN}\n", encoding="utf-8")
    code, found, err = reported(run_cli, root)
    assert code == 0 and found == []
    assert "stale" not in err


def test_edited_sentence_around_a_known_phrase_stays_known(site, run_cli):
    root, page = site
    page.write_text(LEGACY.replace(KNOWN, "We have seen, over ten years, no known side effects at all."),
                    encoding="utf-8")
    code, found, err = reported(run_cli, root)
    assert code == 0 and found == []
    assert "stale" not in err


def test_edited_sentence_and_a_new_copy_report_the_new_copy(site, run_cli):
    root, page = site
    edited = LEGACY.replace(KNOWN, "Over ten years: no known side effects.")
    page.write_text(edited + "\nOur promise: no known side effects.\n", encoding="utf-8")
    code, found, _ = reported(run_cli, root)
    assert code == 1 and found == [("content/page.md", 7)]


def test_two_known_copies_and_one_new_report_exactly_one(site, run_cli, tmp_path):
    root, page = site
    two = LEGACY + f"\nFooter: {KNOWN}\n"
    page.write_text(two, encoding="utf-8")
    assert run_cli("check", *RULES_ARGS, "--write-baseline", "base.json", "content", cwd=root)[0] == 0
    page.write_text(f"Header: {KNOWN}\n\n" + two, encoding="utf-8")
    code, found, err = reported(run_cli, root)
    assert code == 1 and found == [("content/page.md", 1)]
    assert "stale" not in err


# --- --baseline together with --diff, in a real git repository ---------------------------------

def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd,
                   check=True, capture_output=True)


@pytest.fixture
def repo(site):
    root, page = site
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "legacy copy and its baseline")
    return root, page


@pytest.mark.parametrize("edit", [
    lambda s: s.replace(KNOWN, f"{KNOWN}\n\n{KNOWN}"),  # an identical copy next to it: only git tells
    lambda s: f"{KNOWN}\n\n" + s,  # above everything
    lambda s: s + f"\n{KNOWN}\n",  # below everything
    lambda s: s.replace("Book now.", f"Book now.\n\n{KNOWN}\n\nCall us."),
], ids=["adjacent", "top", "bottom", "middle"])
def test_baseline_and_diff_report_the_added_copy(repo, run_cli, edit):
    root, page = repo
    page.write_text(edit(LEGACY), encoding="utf-8")
    diff = subprocess.run(["git", "diff", "--unified=0", "HEAD"], cwd=root, capture_output=True,
                          text=True).stdout
    added = parse_diff(diff)["content/page.md"]
    code, found, err = reported(run_cli, root, "--diff", "HEAD")
    assert code == 1, err
    [(path, line)] = found
    assert path == "content/page.md" and line in added
    assert "stale" not in err


def test_baseline_and_diff_never_hide_a_new_finding_on_a_changed_line(repo, run_cli):
    root, page = repo
    # the legacy sentence is edited (a changed line) and a copy is added: the baseline knows one
    page.write_text(LEGACY.replace(KNOWN, f"Truly: {KNOWN}") + f"\nAlso: {KNOWN}\n", encoding="utf-8")
    code, found, _ = reported(run_cli, root, "--diff", "HEAD")
    assert code == 1 and len(found) == 1


def test_baseline_and_diff_keep_a_moved_known_phrase_quiet(repo, run_cli):
    root, page = repo
    page.write_text(f"# Our serum\n\nBook now.\n\n{KNOWN}\n", encoding="utf-8")
    code, found, _ = reported(run_cli, root, "--diff", "HEAD")
    assert code == 0 and found == []


def test_version_1_baseline_is_read_and_a_new_copy_on_a_changed_line_is_reported(repo, run_cli):
    root, page = repo
    legacy = {"version": 1, "tool": "exolint", "findings": [{
        "path": "content/page.md", "rule": "sample-no-side-effects",
        "fingerprint": fingerprint("sample-no-side-effects", "no known side effects", 0),
        "line": 3, "match": "no known side effects"}]}
    (root / "base.json").write_text(json.dumps(legacy), encoding="utf-8")
    git(root, "commit", "-qam", "old baseline")
    code, found, err = reported(run_cli, root)
    assert code == 0 and found == []
    assert "format version 1" in err and "--write-baseline" in err
    page.write_text(f"{KNOWN}\n\n" + LEGACY, encoding="utf-8")  # a copy above: occurrence 0 before
    code, found, _ = reported(run_cli, root, "--diff", "HEAD")
    assert code == 1 and found == [("content/page.md", 1)]


# --- the pairing itself ---------------------------------------------------------------------

def _finding(path, line, context=None):
    f = Finding(path=path, line=line, column=1, end_line=line, end_column=5, rule="r", category="c",
                severity="error", message="m", match="no known side effects", suggestion="")
    f.surroundings = context
    return f


class _Report:
    def __init__(self, findings, checked):
        self.findings = findings
        self.checked = checked


class _Changed:
    def __init__(self, lines):
        self.lines = lines

    def covers(self, path, first, last):
        return any(n in self.lines for n in range(first, last + 1))


def test_pairing_prefers_unchanged_lines_over_likeness(tmp_path):

    path = str(tmp_path / "p.md")
    (tmp_path / "p.md").write_text("x\n")
    entry = BaselineEntry("p.md", "r", phrase_fingerprint("r", "no known side effects"), "", 10,
                          ("a", "b", "c"))
    same_context_changed = _finding(path, 10, ("a", "b", "c"))
    other_context_unchanged = _finding(path, 20, ("z", "y", "x"))
    report = _Report([same_context_changed, other_context_unchanged], [path])
    result = apply_baseline(report, str(tmp_path / "base.json"), Baseline([entry]), _Changed({10}))
    assert report.findings == [same_context_changed] and result.suppressed == 1
    # without --diff, the likeness of surroundings decides
    report = _Report([same_context_changed, other_context_unchanged], [path])
    apply_baseline(report, str(tmp_path / "base.json"), Baseline([entry]))
    assert report.findings == [other_context_unchanged]


def test_many_copies_of_one_phrase_are_paired_quickly(tmp_path):

    path = str(tmp_path / "p.md")
    (tmp_path / "p.md").write_text("x\n")
    fp = phrase_fingerprint("r", "no known side effects")
    entries = [BaselineEntry("p.md", "r", fp, "", n, (str(n), "b", "c")) for n in range(400)]
    findings = [_finding(path, n, (str(n), "b", "c")) for n in range(401)]
    report = _Report(findings, [path])
    result = apply_baseline(report, str(tmp_path / "base.json"), Baseline(entries))
    assert result.suppressed == 400 and [f.line for f in report.findings] == [400]


def test_read_baseline_keeps_context_and_version(site):
    root, _ = site
    baseline = read_baseline(str(root / "base.json"))
    assert baseline.version == 2
    [entry] = baseline.entries
    assert entry.context is not None and len(entry.context) == 3
