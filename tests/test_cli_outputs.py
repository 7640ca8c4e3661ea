"""One run, several reports (--format FMT=PATH), written atomically, never over an input
(issue 18)."""
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from exolint.cli.outputs import write_atomic

from ci_helpers import RULES_ARGS
from conftest import REPO

RISKY = "Our serum has no known side effects.\n"


@pytest.fixture
def site(tmp_path):
    (tmp_path / "page.md").write_text(RISKY, encoding="utf-8")
    return tmp_path


def test_one_run_writes_stdout_and_several_files(site, run_cli):
    (site / "out").mkdir()
    code, out, err = run_cli("check", *RULES_ARGS, "--format", "github", "--format",
                             "sarif=out/x.sarif", "--format", "json=report.json", "page.md",
                             cwd=site)
    assert code == 1, err
    assert out.startswith("::error file=page.md,line=1")
    sarif = json.loads((site / "out" / "x.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"][0]["ruleId"] == "sample-no-side-effects"
    data = json.loads((site / "report.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in data["findings"]] == ["sample-no-side-effects"]
    assert "sarif report written to out/x.sarif" in err and "json report written to report.json" in err


def test_file_reports_with_the_default_format_on_stdout(site, run_cli):
    code, out, _ = run_cli("check", *RULES_ARGS, "--format", "junit=j.xml", "page.md", cwd=site)
    assert code == 1 and "page.md:1:15: error [sample-no-side-effects]" in out
    assert "<testsuite" in (site / "j.xml").read_text(encoding="utf-8")
    code, out, _ = run_cli("check", *RULES_ARGS, "--format", "junit=j.xml", "page.md", cwd=site,
                           env={"GITHUB_ACTIONS": "true"})
    assert out.startswith("::error ")


def test_main_report_to_a_file_and_another_format_beside_it(site, run_cli):
    code, out, _ = run_cli("check", *RULES_ARGS, "--format", "sarif", "-o", "a.sarif",
                           "--format", "gitlab=gl.json", "page.md", cwd=site)
    assert code == 1 and out == "Found 1 problem (1 error) in 1 of 1 file checked.\n"
    json.loads((site / "a.sarif").read_text(encoding="utf-8"))
    assert json.loads((site / "gl.json").read_text(encoding="utf-8"))[0]["check_name"]


def test_html_file_report_gets_the_page_source(site, run_cli):
    code, _, _ = run_cli("check", *RULES_ARGS, "--format", "html=r.html", "page.md", cwd=site)
    assert code == 1 and "no known side effects" in (site / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("args,message", [
    (["--format", "text", "--format", "json"], "one report goes to standard output"),
    (["--format", "json=r.json", "--format", "sarif=./r.json"], "same file"),
    (["--format", "json", "-o", "r.json", "--format", "sarif=r.json"], "same file"),
    (["--format", "yaml=r.yaml"], "unknown format 'yaml'"),
    (["--format", "json="], "no path after '='"),
])
def test_bad_format_combinations_are_usage_errors(site, run_cli, args, message):
    code, _, err = run_cli("check", *RULES_ARGS, *args, "page.md", cwd=site)
    assert code == 2 and message in err and "Traceback" not in err
    assert not (site / "r.json").exists()


@pytest.mark.parametrize("args", [
    ["-o", "page.md"],
    ["-o", "./sub/../page.md"],
    ["--format", "sarif=page.md"],
    ["--format", "json", "-o", "link.md"],  # a symlink to the page
    ["-o", "PAGE"],  # a hard link to the page
    ["-o", "baseline.json", "--baseline", "baseline.json"],
])
def test_a_report_is_never_written_over_an_input(site, run_cli, args):
    (site / "sub").mkdir()
    (site / "link.md").symlink_to(site / "page.md")
    os.link(site / "page.md", site / "PAGE")
    (site / "baseline.json").write_text('{"version": 1, "findings": []}', encoding="utf-8")
    before = (site / "baseline.json").read_bytes()
    code, _, err = run_cli("check", *RULES_ARGS, *args, "page.md", cwd=site)
    assert code == 2 and "refusing to write the report" in err and "Traceback" not in err
    assert (site / "page.md").read_text(encoding="utf-8") == RISKY
    assert (site / "baseline.json").read_bytes() == before


def test_a_report_over_a_file_found_in_a_folder_is_refused(site, run_cli):
    (site / "docs").mkdir()
    (site / "docs" / "notes.md").write_text("Plain words.\n", encoding="utf-8")
    code, _, err = run_cli("check", *RULES_ARGS, "-o", "docs/notes.md", ".", cwd=site)
    assert code == 2 and "refusing to write the report to docs/notes.md" in err
    assert (site / "docs" / "notes.md").read_text(encoding="utf-8") == "Plain words.\n"


def test_write_atomic_replaces_and_keeps_the_mode(tmp_path):
    target = tmp_path / "r.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(str(target), "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert (target.stat().st_mode & 0o777) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]  # no temporary file left


def test_write_atomic_new_file_honours_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomic(str(tmp_path / "r.txt"), "x")
    finally:
        os.umask(old)
    assert ((tmp_path / "r.txt").stat().st_mode & 0o777) == 0o640


def test_a_failed_write_leaves_the_old_report_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    target.write_text("previous report", encoding="utf-8")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(str(target), "x" * 100_000)
    assert target.read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


def test_a_report_is_written_piece_by_piece(tmp_path):
    """Reports are written as they are made (a dense page's JSON is larger than the page): a
    stream of pieces lands whole; a reporter that fails half-way leaves the old report."""
    from exolint.cli.outputs import batched

    target = tmp_path / "r.json"
    write_atomic(str(target), (f"piece {i}\n" for i in range(5000)))
    assert target.read_text(encoding="utf-8") == "".join(f"piece {i}\n" for i in range(5000))

    def failing():
        yield "half a report"
        raise KeyError("reporter bug")

    with pytest.raises(KeyError):
        write_atomic(str(target), failing())
    assert target.read_text(encoding="utf-8").startswith("piece 0\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]
    assert list(batched(["ab", "cd", "e", "", "fgh"], size=3)) == ["abcd", "efgh"]
    assert list(batched([])) == []


def test_json_pieces_make_the_json_report(site):
    from exolint.api import LintOptions, lint_paths
    from exolint.report import render_pieces
    from exolint.report.json_format import render

    report = lint_paths([str(site)], options=LintOptions(jobs=1))
    assert report.findings
    text = "".join(render_pieces("json")(report))
    assert text == render(report) and json.loads(text)["findings"]
    assert "".join(render_pieces("text")(report, color=False)).startswith(str(site))


def test_lines_are_kept_only_for_the_text_report(site):
    from exolint.api import LintOptions, lint_paths

    kept = lint_paths([str(site)], options=LintOptions(jobs=1))
    assert kept.lines and all(isinstance(v, str) for v in kept.lines.values())
    assert lint_paths([str(site)], options=LintOptions(jobs=1, keep_lines=False)).lines == {}


def test_write_atomic_through_a_symlink_updates_its_target(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(real)
    write_atomic(str(tmp_path / "link.json"), "new")
    assert (tmp_path / "link.json").is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_run_killed_while_writing_leaves_no_empty_report(tmp_path):
    """A process killed mid-write: the report holds the previous run's text, never a truncated one."""
    target = tmp_path / "r.json"
    target.write_text('{"previous": true}', encoding="utf-8")
    script = ("import os, sys\nfrom exolint.cli.outputs import write_atomic\n"
              "real_fsync = os.fsync\n"
              "def die(fd):\n    os._exit(9)\n"
              "os.fsync = die\n"
              f"write_atomic({str(target)!r}, 'x' * 1_000_000)\n")
    proc = subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 9
    assert json.loads(target.read_text(encoding="utf-8")) == {"previous": True}


def test_concurrent_runs_never_corrupt_the_report(site):
    for i in range(12):
        (site / f"p{i}.md").write_text(RISKY * (i + 1), encoding="utf-8")
    exe = [sys.executable, "-m", "exolint", "check", *RULES_ARGS, "--jobs", "1", "--format", "json",
           "-o", "shared.json"]
    for _round in range(3):
        procs = [subprocess.Popen([*exe, *[f"p{j}.md" for j in range(i + 1)]], cwd=site,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                 for i in range(6)]
        for p in procs:
            p.wait()
            assert p.returncode == 1, p.stderr.read()
        data = json.loads((site / "shared.json").read_text(encoding="utf-8"))  # whole, valid JSON
        assert data["files_checked"] in range(1, 7)
        assert len(data["findings"]) == sum(range(1, data["files_checked"] + 1))
    assert not [p for p in site.iterdir() if p.name.endswith(".tmp")]


def _action_check_step():
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    [step] = [s for s in action["runs"]["steps"] if "exolint check" in s.get("run", "")]
    return step


@pytest.mark.parametrize("sarif_on", [True, False])
def test_the_action_lints_once_for_annotations_and_sarif(site, sarif_on):
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    step = _action_check_step()
    env = {**os.environ, "PYTHONPATH": str(REPO), "EXOLINT_PATHS": "page.md",
           "EXOLINT_ARGS": " ".join(RULES_ARGS), "EXOLINT_SARIF": "code.sarif" if sarif_on else ""}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    proc = subprocess.run(["bash", "-c", step["run"]], cwd=site, env=env, capture_output=True,
                          text=True)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("::error file=page.md")
    if sarif_on:
        sarif = json.loads((site / "code.sarif").read_text(encoding="utf-8"))
        assert len(sarif["runs"][0]["results"]) == 1
    else:
        assert not (site / "code.sarif").exists()
