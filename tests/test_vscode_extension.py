"""The VS Code extension in editors/vscode builds from its lock file: ``npm ci && npm run
compile``, in a copy of the folder (the working tree gets no node_modules or out/).

Skips when npm is missing, unless EXOLINT_REQUIRE_NPM=1 (CI) makes that a failure.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parent.parent / "editors" / "vscode"


def _npm() -> str:
    npm = shutil.which("npm")
    if npm is None:
        message = "npm is not installed: the VS Code extension build (npm ci && npm run compile) cannot run"
        if os.environ.get("EXOLINT_REQUIRE_NPM") == "1":
            pytest.fail(message + " (EXOLINT_REQUIRE_NPM=1)", pytrace=False)
        pytest.skip(message)
    return npm


def test_extension_files_are_committed_and_build_output_is_not():
    for name in ("package.json", "package-lock.json", "tsconfig.json", "README.md",
                 "src/extension.ts", ".gitignore"):
        assert (EXTENSION / name).is_file(), name
    ignored = (EXTENSION / ".gitignore").read_text(encoding="utf-8").split()
    assert "node_modules/" in ignored and "out/" in ignored
    package = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    assert "vscode-languageclient" in package["dependencies"]
    assert package["scripts"]["compile"].startswith("tsc")


def test_npm_ci_and_compile_build_the_extension(tmp_path):
    npm = _npm()
    work = tmp_path / "vscode"
    shutil.copytree(EXTENSION, work, ignore=shutil.ignore_patterns("node_modules", "out"))
    for step in (["ci", "--no-audit", "--no-fund"], ["run", "compile"]):
        done = subprocess.run([npm, *step], cwd=work, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"npm {' '.join(step)} failed:\n{done.stdout}\n{done.stderr}"
    built = (work / "out" / "extension.js").read_text(encoding="utf-8")
    assert '"server"' in built and "exolint.copySuggestion" in built
    assert "vscode-languageclient/node" in built
