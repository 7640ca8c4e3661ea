"""Instructions per file, counted by valgrind (cachegrind): a figure that does not move with the
machine's speed, for comparing two versions of exolint on a shared, noisy machine.

    python benchmarks/instructions.py --corpus /tmp/bench-corpus [--tree PATH] [--files 40]

For each format it runs exolint in-process over ``WARM`` files (lazy one-time work: compiled
patterns, automata, imports), then over ``--files`` more, and again over none; the difference,
divided by the file count, is what one file costs. Wall time is still what the targets are about
(``run.py``); this is for telling a 2% change from noise. Needs valgrind on PATH.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

WARM = 60
_DRIVER = r"""
import glob, sys
sys.path.insert(0, sys.argv[1])
from exolint.api import LintOptions, default_ruleset, lint_file
rules = default_ruleset(); rules.index().build()
files = sorted(glob.glob(sys.argv[2] + "/**/*" + sys.argv[3], recursive=True))[::int(sys.argv[4])]
options = LintOptions()
for path in files[:{warm}]:
    lint_file(path, rules, options)
for path in files[{warm}:{warm} + int(sys.argv[5])]:
    lint_file(path, rules, options)
""".replace("{warm}", str(WARM))


def instructions(tree: Path, corpus: Path, ext: str, step: int, count: int) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", _DRIVER, str(tree), str(corpus), ext, str(step), str(count)],
        capture_output=True, text=True, check=True).stderr
    for line in out.splitlines():
        if "I   refs:" in line or "I refs:" in line:
            return int(line.split(":")[1].replace(",", "").strip())
    raise SystemExit("no instruction count in valgrind's output:\n" + out[-2000:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/bench-corpus"))
    ap.add_argument("--tree", type=Path, default=Path(__file__).resolve().parent.parent,
                    help="the exolint checkout to measure (default: this one)")
    ap.add_argument("--files", type=int, default=40)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    for ext, step in ((".md", 20), (".html", 2)):
        base = instructions(args.tree, args.corpus, ext, step, 0)
        total = instructions(args.tree, args.corpus, ext, step, args.files)
        print(f"{ext:6s} {(total - base) / args.files / 1e6:6.2f} M instructions a file "
              f"({args.files} files after {WARM} to warm up, every {step}th file of the corpus)")


if __name__ == "__main__":
    main()
