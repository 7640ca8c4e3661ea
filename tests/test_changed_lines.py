"""--diff REF: only findings on lines added or changed since a git ref."""
import json
import subprocess

import pytest

from exolint.filters.changed_lines import parse_diff

from ci_helpers import RULES_ARGS

OLD = "Intro.\n\nThere are no known side effects.\n\nBook now.\n"


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd,
                   check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "page.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "site" / "other.md").write_text("Zero side-effects!\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "legacy copy")
    return tmp_path


def findings(run_cli, cwd, *args):
    code, out, err = run_cli("check", *RULES_ARGS, "--format", "json", *args, cwd=cwd)
    return code, json.loads(out)["findings"] if out.strip() else None, err


def test_parse_diff_reads_added_and_changed_lines():
    diff = ("diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -3 +3 @@\n-a\n+b\n"
            "@@ -10,0 +11,2 @@\n+c\n+d\n@@ -20,2 +22,0 @@\n-e\n-f\n"
            "diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
            "diff --git a/n.md b/n.md\n--- /dev/null\n+++ \"b/caf\\303\\251 a.md\"\n@@ -0,0 +1 @@\n+y\n")
    assert parse_diff(diff) == {"x.md": {3, 11, 12}, "café a.md": {1}}


def test_only_findings_on_changed_lines_are_reported(repo, run_cli):
    page = repo / "site" / "page.md"
    page.write_text("New first line, zero side-effects.\n" + OLD + "\nAnd no side effects at all.\n",
                    encoding="utf-8")
    git(repo, "commit", "-qam", "edit")
    code, found, err = findings(run_cli, repo, "--diff", "HEAD~1", "site")
    assert code == 1
    assert [(f["path"], f["line"]) for f in found] == [("site/page.md", 1), ("site/page.md", 8)]
    assert "2 findings on lines unchanged since HEAD~1 not shown" in err


def test_uncommitted_and_untracked_changes_count(repo, run_cli):
    (repo / "site" / "page.md").write_text(OLD.replace("Book now.", "Book now: no side effects."),
                                           encoding="utf-8")
    (repo / "site" / "new.md").write_text("Zero side-effects!\n", encoding="utf-8")
    code, found, _ = findings(run_cli, repo, "--diff", "HEAD", "site")
    assert code == 1
    assert sorted((f["path"], f["line"]) for f in found) == [("site/new.md", 1), ("site/page.md", 5)]


def test_no_changes_means_nothing_to_report_and_exit_0(repo, run_cli):
    code, found, _ = findings(run_cli, repo / "site", "--diff", "HEAD", ".")
    assert code == 0 and found == []


def test_fail_on_applies_after_diff_filtering(repo, run_cli):
    (repo / "site" / "page.md").write_text(OLD + "A breakthrough!\n", encoding="utf-8")  # info only
    assert findings(run_cli, repo, "--diff", "HEAD", "--fail-on", "warning", "site")[0] == 0
    assert findings(run_cli, repo, "--diff", "HEAD", "--fail-on", "info", "site")[0] == 1


def test_unknown_ref_is_a_clear_error(repo, run_cli):
    code, out, err = run_cli("check", *RULES_ARGS, "--diff", "no-such-branch", "site", cwd=repo)
    assert code == 2
    assert "unknown git ref 'no-such-branch'" in err
    assert "Traceback" not in err


def test_outside_a_git_repo_is_a_clear_error(tmp_path, run_cli):
    (tmp_path / "a.md").write_text("Zero side-effects!\n", encoding="utf-8")
    code, _, err = run_cli("check", *RULES_ARGS, "--diff", "main", "a.md", cwd=tmp_path,
                           env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert code == 2
    assert "--diff needs a git repository" in err
    assert "Traceback" not in err
