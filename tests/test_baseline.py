"""Baselines: legacy findings stay quiet, new ones are reported, fixed ones show up as stale."""
import json

import pytest

from ci_helpers import RULES_ARGS

LEGACY = "# Our serum\n\nThere are no known side effects.\n\nBook now.\n"


@pytest.fixture
def site(tmp_path, run_cli):
    (tmp_path / "content").mkdir()
    page = tmp_path / "content" / "page.md"
    page.write_text(LEGACY, encoding="utf-8")
    code, out, err = run_cli("check", *RULES_ARGS, "--write-baseline", "exolint-baseline.json", "content",
                             cwd=tmp_path)
    assert code == 0, err  # writing a baseline is not a failure
    assert "wrote 1 finding to baseline exolint-baseline.json" in err
    return tmp_path, page


def check(run_cli, cwd, *extra):
    return run_cli("check", *RULES_ARGS, "--format", "json", "--baseline", "exolint-baseline.json",
                   *extra, "content", cwd=cwd)


def test_baseline_file_records_rule_fingerprint_and_relative_path(site):
    root, _ = site
    data = json.loads((root / "exolint-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 2
    [entry] = data["findings"]
    assert len(entry["context"]) == 3 and all(len(h) == 16 for h in entry["context"])
    assert entry["path"] == "content/page.md"
    assert entry["rule"] == "sample-no-side-effects"
    assert entry["match"] == "no known side effects" and entry["line"] == 3
    assert len(entry["fingerprint"]) == 32


def test_unchanged_copy_is_suppressed(site, run_cli):
    root, _ = site
    code, out, err = check(run_cli, root)
    assert code == 0
    assert json.loads(out)["findings"] == []
    assert "1 finding already in baseline" in err


def test_lines_inserted_above_keep_the_finding_suppressed(site, run_cli):
    root, page = site
    page.write_text("New intro.\n\nMore words here.\n\n" + LEGACY.replace("There are", "There  are"),
                    encoding="utf-8")
    code, out, _ = check(run_cli, root)
    assert code == 0
    assert json.loads(out)["findings"] == []


def test_baseline_works_from_another_working_folder(site, run_cli):
    root, _ = site
    code, out, _ = run_cli("check", *RULES_ARGS, "--format", "json", "--baseline",
                           str(root / "exolint-baseline.json"), "page.md", cwd=root / "content")
    assert code == 0 and json.loads(out)["findings"] == []


def test_new_risky_sentence_is_reported(site, run_cli):
    root, page = site
    page.write_text(LEGACY + "\nZero side-effects, guaranteed.\n", encoding="utf-8")
    code, out, _ = check(run_cli, root)
    assert code == 1
    [finding] = json.loads(out)["findings"]
    assert finding["match"] == "Zero side-effects" and finding["line"] == 7


def test_a_second_occurrence_of_a_baselined_phrase_is_new(site, run_cli):
    root, page = site
    page.write_text(LEGACY + "\nAgain: no known side effects.\n", encoding="utf-8")
    code, out, _ = check(run_cli, root)
    assert code == 1
    assert len(json.loads(out)["findings"]) == 1


def test_fixed_finding_is_reported_as_stale(site, run_cli):
    root, page = site
    page.write_text(LEGACY.replace("There are no known side effects.", "Side effects are mild."),
                    encoding="utf-8")
    code, out, err = check(run_cli, root)
    assert code == 0
    assert ("stale baseline entry: content/page.md: [sample-no-side-effects] "
            "'no known side effects' (was line 3) is no longer found") in err
    assert "1 stale baseline entry; prune them with `exolint check --write-baseline exolint-baseline.json`" in err


def test_entries_for_files_not_checked_this_run_are_not_stale(site, run_cli):
    root, _ = site
    (root / "content" / "other.md").write_text("Helps skin look smoother.\n", encoding="utf-8")
    code, _, err = run_cli("check", *RULES_ARGS, "--baseline", "exolint-baseline.json",
                           "content/other.md", cwd=root)
    assert code == 0
    assert "stale" not in err


def test_deleted_file_entries_are_stale(site, run_cli):
    root, page = site
    page.unlink()
    (root / "content" / "other.md").write_text("Fine copy.\n", encoding="utf-8")
    _, _, err = check(run_cli, root)
    assert "stale baseline entry: content/page.md" in err


def test_fail_on_applies_after_the_baseline(site, run_cli):
    root, page = site
    page.write_text(LEGACY + "\nA breakthrough!\n", encoding="utf-8")  # an info finding in the sample pack
    code, out, _ = check(run_cli, root, "--fail-on", "error")
    assert code == 0  # the error is baselined, the new finding is only info
    assert [f["severity"] for f in json.loads(out)["findings"]] == ["info"]
    assert check(run_cli, root, "--fail-on", "info")[0] == 1


@pytest.mark.parametrize("content,message", [
    (None, "baseline file not found (create it with --write-baseline)"),
    ("{not json", "not valid JSON"),
    ('{"version": 1}', "not an exolint baseline"),
    ('{"version": 7, "findings": []}', "unsupported baseline version 7"),
    ('{"version": 1, "findings": [{"path": "a.md"}]}', "findings[0] needs string fields"),
])
def test_bad_baseline_files_are_clear_errors(tmp_path, run_cli, content, message):
    (tmp_path / "a.md").write_text("No known side effects.\n", encoding="utf-8")
    if content is not None:
        (tmp_path / "b.json").write_text(content, encoding="utf-8")
    code, _, err = run_cli("check", *RULES_ARGS, "--baseline", "b.json", "a.md", cwd=tmp_path)
    assert code == 2
    assert message in err and "b.json" in err
    assert "Traceback" not in err
