"""The real pre-commit (from PyPI) runs exolint's hook from a clone of this checkout.

The hook repository is a fresh git repo holding this working tree's files (tracked and new, minus
ignored ones), so the test checks what is on disk; pre-commit clones it, builds a virtualenv and
installs exolint from it (rule packs included), exactly as users' machines do.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SAMPLE_RULES

pytestmark = pytest.mark.slow

GIT_ID = ["-c", "user.name=exolint-test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"]


def git(cwd, *args, check=True):
    return subprocess.run(["git", *GIT_ID, *args], cwd=cwd, check=check, capture_output=True, text=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    dest = tmp_path_factory.mktemp("hook-repo")
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, check=True,
                            capture_output=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = REPO / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "snapshot")
    rev = git(dest, "rev-parse", "HEAD").stdout.strip()
    return dest, rev


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")  # shared: the hook's venv is built once


@pytest.fixture
def content_repo(tmp_path, hook_repo, pre_commit_home):
    hook_path, rev = hook_repo
    config = {"repos": [{"repo": str(hook_path), "rev": rev,
                         "hooks": [{"id": "exolint", "args": ["--no-bundled-rules", "--rules", str(SAMPLE_RULES)]}]}]}
    (tmp_path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(tmp_path, "init", "-q")
    env = dict(os.environ, PRE_COMMIT_HOME=str(pre_commit_home))
    env.pop("GITHUB_ACTIONS", None)
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=tmp_path, env=env, check=True,
                   capture_output=True)
    git(tmp_path, "add", ".pre-commit-config.yaml")
    return tmp_path, env


def commit(repo: Path, env, name: str, text: str):
    (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", name)
    return subprocess.run(["git", *GIT_ID, "commit", "-m", f"add {name}"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)


def test_risky_page_fails_the_commit_and_prints_the_finding(content_repo):
    repo, env = content_repo
    proc = commit(repo, env, "treatment.md", "# Exosome facial\n\nThere are no known side effects.\n")
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "exolint" in output and "Failed" in output
    assert "treatment.md:3:11: error [sample-no-side-effects]" in output
    assert git(repo, "rev-parse", "--verify", "HEAD", check=False).returncode != 0  # nothing committed


def test_compliant_page_passes_and_other_file_types_are_skipped(content_repo):
    repo, env = content_repo
    (repo / "notes.py").write_text("# no known side effects\n", encoding="utf-8")  # not copy: skipped
    git(repo, "add", "notes.py")
    proc = commit(repo, env, "treatment.md", "# Exosome facial\n\nMost clients notice mild redness for a day.\n")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "exolint" in output and "Passed" in output
    assert git(repo, "rev-parse", "--verify", "HEAD").returncode == 0


def test_data_hook_checks_structured_files_by_key_path(hook_repo, pre_commit_home, tmp_path):
    hook_path, rev = hook_repo
    config = {"repos": [{"repo": str(hook_path), "rev": rev, "hooks": [{
        "id": "exolint-data", "files": "^content/",
        "args": ["--no-bundled-rules", "--rules", str(SAMPLE_RULES)]}]}]}
    (tmp_path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(tmp_path, "init", "-q")
    env = dict(os.environ, PRE_COMMIT_HOME=str(pre_commit_home))
    env.pop("GITHUB_ACTIONS", None)
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=tmp_path, env=env,
                   check=True, capture_output=True)
    (tmp_path / "content").mkdir()
    (tmp_path / "package.json").write_text('{"description": "no known side effects"}\n')
    git(tmp_path, "add", ".pre-commit-config.yaml", "package.json")
    proc = commit(tmp_path, env, "content/home.json",
                  '{"hero": {"title": "There are no known side effects."}}\n')
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert "content/home.json:1:31: error [sample-no-side-effects]" in output
    assert "= key: /hero/title" in output
    assert "package.json" not in output.replace(".pre-commit-config.yaml", "")
