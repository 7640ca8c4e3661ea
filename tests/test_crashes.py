"""No traceback, ever, and exit code 2 for what could not be done (issue 18, class 4).

Folders that cannot be read are reported as not checked (never a traceback in config discovery,
never exit code 1); an unexpected internal error is one line with where to report it, exit 2,
after the other files were checked and reported. CI runs as root, which reads every folder: the
permission cases are simulated (a ``sitecustomize`` that makes the folder unreadable to the child
process) and, where not root, also made real with chmod.
"""
import json
import os
import sys
import textwrap

import pytest

from exolint.api import LintOptions, lint_paths
from exolint.config.discovery import discover

from ci_helpers import RULES_ARGS, sample_ruleset

RISKY = "Our serum is a miracle.\n"

DENY = '''
import builtins, os, pathlib
LOCKED = os.environ["EXOLINT_TEST_LOCKED"]
def _inside(p):
    try:
        p = os.path.abspath(os.fsdecode(p))
    except TypeError:
        return False
    return p.startswith(LOCKED + os.sep)
def _denied(p):
    return PermissionError(13, "Permission denied", os.fsdecode(p))
_scandir, _stat, _lstat, _open, _listdir = os.scandir, os.stat, os.lstat, builtins.open, os.listdir
def scandir(p="."):
    if os.path.abspath(os.fsdecode(p)) == LOCKED or _inside(p):
        raise _denied(p)
    return _scandir(p)
def stat(p, *a, **k):
    if not isinstance(p, int) and _inside(p):
        raise _denied(p)
    return _stat(p, *a, **k)
def lstat(p, *a, **k):
    if _inside(p):
        raise _denied(p)
    return _lstat(p, *a, **k)
def open_(p, *a, **k):
    if not isinstance(p, int) and _inside(p):
        raise _denied(p)
    return _open(p, *a, **k)
os.scandir, os.stat, os.lstat, builtins.open = scandir, stat, lstat, open_
'''


@pytest.fixture
def site(tmp_path):
    (tmp_path / "site" / "locked").mkdir(parents=True)
    (tmp_path / "site" / "ok.md").write_text(RISKY, encoding="utf-8")
    (tmp_path / "site" / "locked" / "secret.md").write_text(RISKY, encoding="utf-8")
    (tmp_path / "site" / "locked" / ".exolint.toml").write_text('fail-on = "error"\n', encoding="utf-8")
    return tmp_path


def _sitecustomize(tmp_path, code):
    folder = tmp_path / "_site"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(textwrap.dedent(code), encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(folder), os.environ.get("PYTHONPATH", "")])}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_unreadable_folder_is_reported_and_the_rest_checked(site, run_cli, jobs):
    env = _sitecustomize(site, DENY)
    env["EXOLINT_TEST_LOCKED"] = str(site / "site" / "locked")
    code, out, err = run_cli("check", *RULES_ARGS, "--format", "json", "--jobs", jobs, "site",
                             cwd=site, env=env)
    assert "Traceback" not in err, err
    assert code == 2  # not 1: something was not checked
    data = json.loads(out)
    assert [f["path"] for f in data["findings"]] == ["site/ok.md"]
    [error] = data["errors"]
    assert error["path"] == "site/locked" and "permission denied" in error["message"]
    assert "not checked" in error["message"]


def test_file_named_inside_an_unreadable_folder(site, run_cli):
    env = _sitecustomize(site, DENY)
    env["EXOLINT_TEST_LOCKED"] = str(site / "site" / "locked")
    code, out, err = run_cli("check", *RULES_ARGS, "--format", "json", "site/locked/secret.md",
                             "site/ok.md", cwd=site, env=env)
    assert "Traceback" not in err and code == 2
    data = json.loads(out)
    assert [e["path"] for e in data["errors"]] == ["site/locked/secret.md"]
    assert "permission denied" in data["errors"][0]["message"]
    assert [f["path"] for f in data["findings"]] == ["site/ok.md"]


def test_unreadable_folder_in_process(site, monkeypatch):
    """The same through the library, with the walk failing as it does on a mode-000 folder."""
    locked = str(site / "site" / "locked")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.path.abspath(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover([str(site / "site")], (".md",))
    assert found.files == [str(site / "site" / "ok.md")]
    assert [p for p, _ in found.unreadable] == [locked]
    report = lint_paths([str(site / "site")], sample_ruleset(), LintOptions(jobs=1))
    assert [e.path for e in report.errors] == [locked] and report.files_checked == 1


def test_config_discovery_never_raises_on_permissions(site, monkeypatch):
    from pathlib import Path

    from exolint.config.settings import find_config_path

    locked = site / "site" / "locked"
    real_is_file = Path.is_file

    def is_file(self):
        if self.parent == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_file(self)

    monkeypatch.setattr(Path, "is_file", is_file)
    assert find_config_path(locked) is None  # nothing readable above it either


def test_a_broken_config_in_a_subfolder_is_an_error_not_a_traceback(tmp_path, run_cli):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.md").write_text(RISKY, encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "page.md").write_text(RISKY, encoding="utf-8")
    (tmp_path / "b" / ".exolint.toml").write_text("fail-on = [broken\n", encoding="utf-8")
    code, out, err = run_cli("check", *RULES_ARGS, "--format", "json", ".", cwd=tmp_path)
    assert "Traceback" not in err and code == 2
    data = json.loads(out)
    assert [f["path"] for f in data["findings"]] == ["./a/page.md"]
    assert [e["path"] for e in data["errors"]] == ["./b"]
    assert "bad configuration" in data["errors"][0]["message"] and "invalid TOML" in data["errors"][0]["message"]
    # named on the command line, the broken config stops the run up front: one line, exit 2
    code, out, err = run_cli("check", *RULES_ARGS, "a", "b", cwd=tmp_path)
    assert code == 2 and "Traceback" not in err and "invalid TOML" in err


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_for_real(site, run_cli):
    locked = site / "site" / "locked"
    locked.chmod(0)
    try:
        code, out, err = run_cli("check", *RULES_ARGS, "--format", "json", "site", cwd=site)
    finally:
        locked.chmod(0o755)
    assert "Traceback" not in err and code == 2
    assert [e["path"] for e in json.loads(out)["errors"]] == ["site/locked"]


CRASH_ONE_FILE = '''
import exolint.api as api
_real = api.document_for
def document_for(path, source, *a, **k):
    if path.endswith("boom.md"):
        raise RuntimeError("a reader bug\\nover two lines")
    return _real(path, source, *a, **k)
api.document_for = document_for
'''


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_files_crash_keeps_the_others(tmp_path, run_cli, jobs):
    for i in range(9):
        (tmp_path / f"page{i}.md").write_text(RISKY, encoding="utf-8")
    (tmp_path / "boom.md").write_text(RISKY, encoding="utf-8")
    env = _sitecustomize(tmp_path, CRASH_ONE_FILE)
    code, out, err = run_cli("check", *RULES_ARGS, "--format", "json", "--jobs", jobs, ".",
                             cwd=tmp_path, env=env)
    assert "Traceback" not in err and code == 2
    data = json.loads(out)
    assert len(data["findings"]) == 9 and data["files_checked"] == 9
    [error] = data["errors"]
    assert error["path"] == "./boom.md"
    assert error["message"].startswith("internal error: RuntimeError: a reader bug over two lines")
    assert "please report it at https://" in error["message"] and "\n" not in error["message"]


def test_a_crash_outside_any_file_is_one_line_and_exit_2(tmp_path, run_cli):
    (tmp_path / "page.md").write_text(RISKY, encoding="utf-8")
    env = _sitecustomize(tmp_path, '''
        import exolint.report.json_format as j
        def render(*a, **k):
            raise KeyError("reporter bug")
        j.render = j.render_pieces = render
    ''')
    code, out, err = run_cli("check", *RULES_ARGS, "--format", "json", "page.md", cwd=tmp_path, env=env)
    assert code == 2 and "Traceback" not in err
    [line] = [line for line in err.splitlines() if "internal error" in line]
    assert line.startswith("exolint: internal error: KeyError: 'reporter bug'")
    assert "please report it" in line and "EXOLINT_DEBUG=1" in line
    code, _, err = run_cli("check", *RULES_ARGS, "--format", "json", "page.md", cwd=tmp_path,
                           env={**env, "EXOLINT_DEBUG": "1"})
    assert code != 0 and "Traceback" in err  # on request only


def test_a_crash_on_stdin_is_an_error_for_stdin(tmp_path, run_cli):
    env = _sitecustomize(tmp_path, CRASH_ONE_FILE)  # (standard input is read as a file is)
    code, out, err = run_cli("check", *RULES_ARGS, "--format", "json", "--stdin-filename", "boom.md", "-",
                             input=RISKY, cwd=tmp_path, env=env)
    assert code == 2 and "Traceback" not in err
    assert json.loads(out)["errors"][0]["message"].startswith("internal error: RuntimeError")
