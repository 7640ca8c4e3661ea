"""The rule cache never creates the user's home folder (issue 18, class 6)."""
import os
import sys
import subprocess

from conftest import SAMPLE_RULES
from exolint.ruleset import RuleSet
from exolint.ruleset.cache import cache_location

RULES = ["--no-bundled-rules", "--rules", str(SAMPLE_RULES)]


def _env(**values):
    env = {k: v for k, v in os.environ.items()
           if k not in ("EXOLINT_CACHE_DIR", "EXOLINT_NO_CACHE", "XDG_CACHE_HOME", "GITHUB_ACTIONS")}
    env.update(values)
    return env


def _check(tmp_path, env, *extra):
    page = tmp_path / "page.md"
    page.write_text("No known side effects.\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "exolint", "check", *extra, str(page)],
                          capture_output=True, text=True, env=env, cwd=tmp_path)


def test_missing_home_is_not_created(tmp_path):
    home = tmp_path / "no" / "such" / "home"
    proc = _check(tmp_path, _env(HOME=str(home)), *RULES)
    assert proc.returncode == 1, proc.stderr  # the run itself works, without a cache
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "no").exists()


def test_missing_home_with_bundled_rules_is_not_created(tmp_path):
    home = tmp_path / "gone"
    proc = _check(tmp_path, _env(HOME=str(home)))
    assert proc.returncode in (0, 1), proc.stderr
    assert not home.exists()


def test_existing_home_gets_its_cache_folder(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    proc = _check(tmp_path, _env(HOME=str(home)), *RULES)
    assert proc.returncode == 1, proc.stderr
    assert list((home / ".cache" / "exolint").glob("rules-*.pickle"))


def test_xdg_cache_home_is_respected_and_made_when_its_parent_exists(tmp_path):
    home = tmp_path / "missing-home"
    xdg = tmp_path / "xdg-cache"  # does not exist yet; its parent does
    proc = _check(tmp_path, _env(HOME=str(home), XDG_CACHE_HOME=str(xdg)), *RULES)
    assert proc.returncode == 1, proc.stderr
    assert list((xdg / "exolint").glob("rules-*.pickle"))
    assert not home.exists()


def test_xdg_cache_home_inside_a_missing_home_is_not_made(tmp_path):
    home = tmp_path / "missing-home"
    proc = _check(tmp_path, _env(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache")), *RULES)
    assert proc.returncode == 1, proc.stderr
    assert not home.exists()


def test_relative_xdg_cache_home_is_ignored(tmp_path, monkeypatch):
    monkeypatch.delenv("EXOLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("EXOLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    folder, must_exist = cache_location()
    assert folder == tmp_path / ".cache" / "exolint" and must_exist == tmp_path


def test_library_load_with_missing_home_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv("EXOLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("EXOLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "nohome"))
    assert RuleSet.load([SAMPLE_RULES], include_bundled=False).rules
    assert not (tmp_path / "nohome").exists()
