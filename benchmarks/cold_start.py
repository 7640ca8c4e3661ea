"""Cold start as a fresh CI container sees it: a wheel installed in a fresh venv, no rule cache.

    python benchmarks/run.py --cold-start [--runs 10]

Builds a wheel of this checkout, installs it into a new virtual environment, then runs
``exolint check one.md`` (a 1 KB page) ``runs`` times, each with a new, empty cache folder
(``XDG_CACHE_HOME`` pointing at a folder that does not exist yet), interleaved with
``python -c pass`` from the same venv, so machine load affects both alike. For comparison in the
same run, the same install with its prebuilt rule set removed (how every first run went before
the wheel shipped it) is measured a few times too. Wall times and CPU (user + system) times.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                ".hypothesis", "venv*", ".venv", "benchmarks/corpus*", "node_modules",
                                "_prebuilt")
PAGE = ("Our hydrating facial suits most skin types and leaves skin looking fresher. "
        "A session takes about 45 minutes. ")


def _timed(cmd: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = os.times()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def install_fresh(tmp: Path) -> Path:
    src = tmp / "src"
    shutil.copytree(REPO, src, ignore=IGNORE)
    wheels = tmp / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(src)],
                   check=True)
    [wheel] = list(wheels.glob("exolint-*.whl"))
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True)
    return env_dir


def measure(env_dir: Path, runs: int, tmp: Path) -> dict:
    py, exolint = env_dir / "bin" / "python", env_dir / "bin" / "exolint"
    work = tmp / "work"
    work.mkdir(exist_ok=True)
    (work / "one.md").write_text(("# Hydrating facial\n\n" + PAGE * 12)[:1024], encoding="utf-8")
    base = {k: v for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "VIRTUAL_ENV", "EXOLINT_CACHE_DIR", "EXOLINT_NO_CACHE")}
    rows = {"exolint": [], "python": []}
    for i in range(runs):
        env = {**base, "XDG_CACHE_HOME": str(tmp / f"cache-{len(list(tmp.glob('cache-*')))}-{i}")}
        rows["exolint"].append(_timed([str(exolint), "check", "--jobs", "1", "one.md"], env, work))
        rows["python"].append(_timed([str(py), "-c", "pass"], env, work))
    out = {}
    for name, values in rows.items():
        out[name] = {"wall_median": statistics.median(v[0] for v in values),
                     "wall_min": min(v[0] for v in values),
                     "cpu_median": statistics.median(v[1] for v in values), "runs": len(values)}
    return out


def prebuilt_dirs(env_dir: Path) -> list[Path]:
    return list(env_dir.glob("lib/python*/site-packages/exolint/rules/_prebuilt"))


def bench_cold_start(runs: int = 10, before_runs: int = 3) -> dict:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env_dir = install_fresh(tmp)
        shipped = prebuilt_dirs(env_dir)
        result = {"prebuilt_shipped": bool(shipped and any(shipped[0].iterdir())),
                  "after": measure(env_dir, runs, tmp)}
        for d in shipped:
            shutil.rmtree(d)
        result["before"] = measure(env_dir, before_runs, tmp) if before_runs else None
        return result


def render(res: dict) -> str:
    def row(label: str, m: dict) -> str:
        return (f"| {label} | {m['runs']} | {m['wall_median']:.3f} s | {m['wall_min']:.3f} s | "
                f"{m['cpu_median']:.3f} s |")

    lines = ["| cold start (fresh venv, no cache folder, 1 KB page) | runs | wall median | wall min | CPU median |",
             "|---|---|---|---|---|",
             row("`exolint check one.md`, rule set prebuilt in the wheel", res["after"]["exolint"]),
             row("`python -c pass` (same venv, interleaved)", res["after"]["python"])]
    if res.get("before"):
        lines.append(row("`exolint check one.md` without the prebuilt rule set (before)",
                         res["before"]["exolint"]))
        lines.append(row("`python -c pass` (interleaved with the line above)", res["before"]["python"]))
    target = res["after"]["exolint"]["wall_median"] <= 0.3
    lines.append("")
    lines.append(f"prebuilt rule set shipped in the wheel: {res['prebuilt_shipped']}; "
                 f"target <= 0.3 s median: {'met' if target else 'NOT met'}")
    return "\n".join(lines)
