"""A non-editable install in a fresh venv finds every bundled rule from any directory."""
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import REPO
from exolint.ruleset import RuleSet

pytestmark = pytest.mark.slow

IGNORE = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                ".hypothesis", "venv*", ".venv", "benchmarks/corpus*", "node_modules")


def run(cmd, **kw):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert proc.returncode == 0 or kw.get("check_ok") is False, (
        f"{cmd} exited {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc


def test_wheel_ships_rules_and_runs_from_elsewhere(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(REPO, src, ignore=IGNORE)
    wheels = tmp_path / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(src)])
    [wheel] = list(wheels.glob("exolint-*.whl"))

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    run([str(py), "-m", "pip", "install", "-q", str(wheel)])

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    exolint = env_dir / "bin" / "exolint"
    listed = run([str(exolint), "rules"], cwd=elsewhere, env=env).stdout.splitlines()
    bundled = RuleSet.load().rules
    assert len(listed) == len(bundled) > 0
    assert {line.split()[0] for line in listed} == {r.id for r in bundled}

    page = elsewhere / "page.md"
    page.write_text("# Exosome facial\n\nThere are no known side effects.\n")
    proc = subprocess.run([str(exolint), "check", "page.md"], cwd=elsewhere, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "page.md:3:" in proc.stdout

    # `exolint serve` ships in the wheel; the core install lacks its extra and says how to get it
    proc = subprocess.run([str(exolint), "serve", "--port", "8765"], cwd=elsewhere, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "exolint[serve]" in proc.stderr and "Traceback" not in proc.stderr

    # the bundled rule set ships prebuilt: a first run with no cache folder builds nothing
    import zipfile
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("exolint/rules/_prebuilt/ruleset-") for n in names), names
    fresh = {k: v for k, v in env.items() if k not in ("EXOLINT_CACHE_DIR", "EXOLINT_NO_CACHE")}
    fresh["XDG_CACHE_HOME"] = str(tmp_path / "fresh-cache")
    proc = subprocess.run([str(exolint), "check", "page.md"], cwd=elsewhere, env=fresh,
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "page.md:3:" in proc.stdout, proc.stderr
    assert not (tmp_path / "fresh-cache").exists()
