"""exolint benchmark: throughput, start-up, linearity and memory, against a naive baseline.

    python benchmarks/run.py [--corpus DIR] [--jobs N] [--write benchmarks/RESULTS.md]
    python benchmarks/run.py --accuracy-only [--accuracy-pages 200]
    python benchmarks/run.py --cold-start [--runs 10]

Generates the corpus (``generate_corpus.py``) when DIR does not exist yet, then measures, all
with the bundled rules and in this one run:

* exolint on the whole corpus with ``--jobs N`` (default: CPU count) and with ``--jobs 1``:
  MB/s, files/s, peak memory of the whole process tree (sampled from /proc);
* the naive baseline: every rule pattern run with ``regex`` over every whole file, no prefilter,
  no parsing, in one process;
* start-up: wall time of ``exolint check one.md`` on a 1 KB file (median of several runs, with a
  cold and a warm rule cache);
* linearity: a single 5 MB and 50 MB Markdown file, a single 1 MB and 10 MB line;
* accuracy, on a smaller corpus generated with the same generator: the share of findings that fall
  on the generator's compliant (NEUTRAL) sentences (target: under 5%), and how many of the inserted
  RISKY sentences get a finding. The generator writes a manifest of the sentences it drew next to
  the corpus; each finding is mapped to the sentence it falls in. ``--accuracy-only`` runs just this.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate_corpus import generate, manifest_path  # noqa: E402


CHECK_EXTRA: list[str] = []  # e.g. ["--semantic"] (--semantic): added to every `exolint check`


def exolint_cmd(*args: str) -> list[str]:
    extra = CHECK_EXTRA if args[:1] == ("check",) else []
    return [sys.executable, "-m", "exolint", *args, *extra]


# -- measuring a process tree -----------------------------------------------------------------
def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out.extend(int(c) for c in fh.read().split())
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss_kb(p)
        todo.extend(_children(p))
    return total


def _children_cpu() -> float:
    """User + system CPU seconds of this process's finished children (and theirs, once waited)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(cmd: list[str], env: dict | None = None) -> dict:
    """Run ``cmd``; wall time, CPU time of the process tree (its workers included), stdout, and
    peak RSS of the process tree (sampled every 20 ms)."""
    peak = [0]
    cpu_before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    return {"wall": wall, "cpu": _children_cpu() - cpu_before, "stdout": out, "stderr": err,
            "code": proc.returncode, "peak_mb": peak[0] / 1024}


def corpus_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".md", ".html"))


# -- the pieces -------------------------------------------------------------------------------
REPEATS = 3  # corpus runs per configuration; the median is reported (shared machines are noisy)


def bench_exolint(corpus: Path, jobs: int, ignore: list[str] | None = None) -> dict:
    extra = ["--ignore", ",".join(ignore)] if ignore else []
    runs = [run_measured(exolint_cmd("check", "--format", "json", "--fail-on", "never", "--jobs",
                                     str(jobs), *extra, str(corpus)))
            for _ in range(REPEATS)]
    walls = sorted(run["wall"] for run in runs)
    r = next(run for run in runs if run["wall"] == walls[len(walls) // 2])  # the median run
    r["walls"] = walls
    r["cpus"] = [run["cpu"] for run in sorted(runs, key=lambda run: run["wall"])]
    if r["code"] != 0:
        raise SystemExit(f"exolint failed ({r['code']}): {r['stderr'].decode()[-2000:]}")
    data = json.loads(r["stdout"])
    expected = len(corpus_files(corpus))
    if data["files_checked"] != expected:
        raise SystemExit(f"exolint checked {data['files_checked']} of {expected} files: is {corpus} ignored?")
    r.update(files=data["files_checked"], findings=len(data["findings"]), errors=len(data["errors"]))
    return r


def bench_naive(files: list[Path]) -> dict:
    """Every pattern of every bundled rule, ``finditer`` over every whole file: no prefilter."""
    from exolint.ruleset import RuleSet

    patterns = [p for rule in RuleSet.load().rules for p in rule.compiled]
    start = time.perf_counter()
    size = matches = 0
    for path in files:
        text = path.read_bytes().decode("utf-8")
        size += len(text.encode("utf-8"))
        for pat in patterns:
            for _m in pat.finditer(text):
                matches += 1
    wall = time.perf_counter() - start
    return {"wall": wall, "bytes": size, "matches": matches, "patterns": len(patterns)}


def bench_startup(runs: int = 9) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.md"
        para = ("Our hydrating facial suits most skin types and leaves skin looking fresher. "
                "A session takes about 45 minutes. ")
        one.write_text(("# Hydrating facial\n\n" + para * 12)[:1024], encoding="utf-8")
        cache = Path(tmp) / "cache"
        # as after any install: Python may keep the modules' bytecode (pip writes it when it
        # installs a wheel; a sandbox or CI image may set PYTHONDONTWRITEBYTECODE, measured apart)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["XDG_CACHE_HOME"] = str(cache)
        cold = run_measured(exolint_cmd("check", "--fail-on", "never", str(one)), env)["wall"]
        warm = [run_measured(exolint_cmd("check", "--fail-on", "never", str(one)), env)["wall"]
                for _ in range(runs)]
        python_only = [run_measured([sys.executable, "-c", "pass"])["wall"] for _ in range(runs)]
        return {"cold": cold, "warm_median": statistics.median(warm), "warm_min": min(warm),
                "python_median": statistics.median(python_only), "size": one.stat().st_size}


def bench_linear(files: list[Path]) -> dict:
    """Time single big files at two sizes: the ratio of times should match the ratio of sizes."""
    with tempfile.TemporaryDirectory() as tmp:
        pages = [p for p in files if p.suffix == ".md"]
        blob = "\n\n".join(p.read_text(encoding="utf-8") for p in pages[:400])
        body = blob.replace("---\n", "")  # one document, not many front matters
        flat = " ".join(body.split())
        out = {}
        cases = (("md_5mb", 5_000_000, body, ".md"), ("md_50mb", 50_000_000, body, ".md"),
                 ("line_1mb", 1_000_000, flat, ".txt"), ("line_10mb", 10_000_000, flat, ".txt"))
        for label, size, unit, suffix in cases:
            text = (unit * (size // len(unit) + 1))[:size]
            path = Path(tmp) / f"{label}{suffix}"
            path.write_text(text, encoding="utf-8")
            r = run_measured(exolint_cmd("check", "--format", "json", "--fail-on", "never", str(path)))
            out[label] = {"wall": r["wall"], "peak_mb": r["peak_mb"], "bytes": size, "code": r["code"],
                          "findings": len(json.loads(r["stdout"])["findings"]) if r["code"] == 0 else None}
            path.unlink()
        return out


def weak_anchor_rules(files: list[Path], share: float = 0.5) -> dict[str, list[str]]:
    """Rules with an anchor that occurs in more than ``share`` of the files -> those anchors.

    Such a rule can never be ruled out by the anchor test alone, so its patterns are tried on
    nearly every page: these are the rules whose patterns would gain most from a more
    distinctive literal word.
    """
    from exolint.match.prefilter import prefilter_text
    from exolint.ruleset import RuleSet
    from exolint.ruleset.literals import scan_text

    rs = RuleSet.load()
    idx = rs.index()
    rarest = {}  # (rule id, pattern) -> the pattern's rarest required group
    for ref in idx.refs:
        if ref.groups:
            rarest[(rs.rules[ref.rule_index].id, ref.pattern_index)] = ref.groups[0]
    from exolint.ruleset.index import overlapping_automaton

    words = sorted({w for group in rarest.values() for w in group})
    auto = overlapping_automaton(words)
    seen_in: dict[str, int] = {}
    for path in files:
        low = scan_text(prefilter_text(path.read_text(encoding="utf-8")))[0]
        for word in {words[i] for i, _s, _e in auto.find_matches_as_indexes(low, overlapping=True)}:
            seen_in[word] = seen_in.get(word, 0) + 1
    weak: dict[str, list[str]] = {}
    for (rule_id, _pi), group in rarest.items():
        common = sorted(w for w in group if seen_in.get(w, 0) > share * len(files))
        if common:
            weak.setdefault(rule_id, [])
            weak[rule_id] = sorted(set(weak[rule_id]) | set(common))
    return weak


def parsed_share(files: list[Path]) -> float:
    """The share of Markdown chunk text the sparse reader hands to markdown-it."""
    from exolint.ruleset import RuleSet
    from exolint.match.sparse import chunks, matched_chunks

    rs = RuleSet.load()
    total = kept = 0
    for path in files:
        if path.suffix != ".md":
            continue
        source = path.read_text(encoding="utf-8")
        spans = chunks(source)
        for (start, end, _always), keep in zip(spans, matched_chunks(source, spans, rs)):
            total += end - start
            kept += (end - start) if keep else 0
    return kept / total if total else 0.0


def rule_stats() -> dict:
    from exolint.ruleset import RuleSet

    rs = RuleSet.load()
    return {"rules": len(rs.rules), "patterns": sum(len(r.compiled) for r in rs.rules),
            "no_anchor": [r.id for r in rs.always_run],
            "anchors": len(rs.index().words)}


def cpu_check() -> float:
    """Seconds for a fixed pure-Python loop (best of 3): how fast this machine is right now.

    Shared machines change speed from minute to minute (by a third here); the same check before
    and after the runs shows in which phase the figures were taken."""
    import time

    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        sum(i * i for i in range(3_000_000))
        best = min(best, time.perf_counter() - start)
    return best


FAST_PHASE = 0.21  # seconds: a CPU check above this (about a quarter slower than this machine's
# usual 0.17 s) means the machine was in a slow phase, and the run's figures understate exolint


def wait_for_fast_phase(limit: float) -> None:
    """Wait (at most ``limit`` seconds) until two CPU checks in a row are below FAST_PHASE."""
    deadline = time.monotonic() + limit
    fast = 0
    while time.monotonic() < deadline:
        check = cpu_check()
        fast = fast + 1 if check < FAST_PHASE else 0
        print(f"CPU check {check:.3f} s", file=sys.stderr, flush=True)
        if fast >= 2:
            return
        time.sleep(10)
    print("no fast phase came: running anyway", file=sys.stderr, flush=True)


def machine() -> dict:
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for dist in ("regex", "ahocorasick-rs", "markdown-it-py", "click"):
        try:
            versions[dist] = version(dist)
        except PackageNotFoundError:
            versions[dist] = "not installed"
    mem = ""
    try:
        with open("/proc/meminfo") as fh:
            mem = f"{int(fh.readline().split()[1]) / 1024 / 1024:.1f} GB RAM"
    except OSError:
        pass
    return {"cpu": model, "cpus": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)),
            "python": platform.python_version(), "os": platform.platform(), "mem": mem, "versions": versions,
            "install": install_kind()}


def install_kind() -> str:
    """Which exolint the runs import, and how it is installed: an editable (development) install
    adds an import hook and .pth files to every start of that Python, which a user's install
    (``pip install .``) has not."""
    import sysconfig

    site_packages = Path(sysconfig.get_paths()["purelib"])
    used = subprocess.run([sys.executable, "-c", "import exolint; print(exolint.__file__)"],
                          capture_output=True, text=True).stdout.strip()
    if any(site_packages.glob("__editable__*exolint*")):
        kind = "editable install (`pip install -e .`)"
    elif (site_packages / "exolint").is_dir():
        kind = "regular install (`pip install .`, as the README's first command)"
    else:
        kind = "not installed"
    return f"{kind} in {sys.prefix}; `python -m exolint` imports {Path(used).parent}"


# -- accuracy on the generator's own sentences ---------------------------------------------------
ACCURACY_TARGET = 0.05  # share of findings allowed on the generator's compliant sentences


def _sentence_spans(text: str, drawn: list) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, sentence) of every occurrence of every drawn sentence in ``text``.

    Pages are line-wrapped by replacing single spaces with newlines, so the sentences are looked
    for in a copy with newlines read as spaces (same length, same offsets)."""
    flat = text.replace("\n", " ")
    spans, seen = [], set()
    for kind, sentence in drawn:
        if (kind, sentence) in seen:
            continue
        seen.add((kind, sentence))
        at = flat.find(sentence)
        while at != -1:
            spans.append((at, at + len(sentence), kind, sentence))
            at = flat.find(sentence, at + 1)
    spans.sort()
    return spans


def bench_accuracy(corpus: Path, jobs: int) -> dict:
    """Lint ``corpus`` (made by ``generate``) and map each finding to the drawn sentence it lies in."""
    import bisect

    manifest = json.loads(manifest_path(corpus).read_text(encoding="utf-8"))["files"]
    r = run_measured(exolint_cmd("check", "--format", "json", "--fail-on", "never", "--jobs", str(jobs),
                                 str(corpus)))
    if r["code"] != 0:
        raise SystemExit(f"exolint failed ({r['code']}): {r['stderr'].decode()[-2000:]}")
    findings = json.loads(r["stdout"])["findings"]
    by_file: dict[str, list] = {}
    for f in findings:
        rel = Path(f["path"]).resolve().relative_to(corpus.resolve()).as_posix()
        by_file.setdefault(rel, []).append(f)
    on = {"neutral": 0, "risky": 0, "other": 0}
    neutral_rules: dict[str, int] = {}
    neutral_examples: dict[tuple[str, str], int] = {}
    other_examples: dict[tuple[str, str], int] = {}
    inserted = found = unlocated = 0
    missed: dict[str, int] = {}
    for rel, drawn in manifest.items():
        text = (corpus / rel).read_text(encoding="utf-8")
        spans = _sentence_spans(text, drawn)
        starts = [sp[0] for sp in spans]
        line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        hit = set()
        for f in by_file.get(rel, []):
            off = line_starts[f["line"] - 1] + f["column"] - 1
            i = bisect.bisect_right(starts, off) - 1
            kind = "other"
            # the innermost span holding the offset (spans do not overlap in practice)
            while i >= 0 and spans[i][0] <= off:
                if off < spans[i][1]:
                    kind = spans[i][2]
                    hit.add(i)
                    break
                i -= 1
            on[kind] += 1
            if kind == "neutral":
                neutral_rules[f["rule"]] = neutral_rules.get(f["rule"], 0) + 1
                key = (f["rule"], spans[i][3])
                neutral_examples[key] = neutral_examples.get(key, 0) + 1
            elif kind == "other":
                key = (f["rule"], f["match"])
                other_examples[key] = other_examples.get(key, 0) + 1
        risky_drawn = sum(1 for kind, _ in drawn if kind == "risky")
        located = [i for i, sp in enumerate(spans) if sp[2] == "risky"]
        unlocated += max(0, risky_drawn - len(located))
        for i in located:
            inserted += 1
            if i in hit:
                found += 1
            else:
                missed[spans[i][3]] = missed.get(spans[i][3], 0) + 1
    total = len(findings)
    return {"files": len(manifest), "bytes": sum((corpus / rel).stat().st_size for rel in manifest),
            "findings": total, "on": on, "neutral_share": on["neutral"] / total if total else 0.0,
            "neutral_rules": neutral_rules,
            "neutral_examples": sorted(neutral_examples.items(), key=lambda kv: -kv[1])[:10],
            "other_examples": sorted(other_examples.items(), key=lambda kv: -kv[1])[:5],
            "inserted": inserted, "found": found, "unlocated": unlocated, "missed": missed,
            "wall": r["wall"]}


def accuracy_corpus(pages: int, seed: int = 6) -> Path:
    """A smaller corpus from the same generator (about one HTML page in ten), made once per size
    and generator version (the generator's sentence files are hashed into the folder name, so an
    edited sentence list never reuses a stale corpus)."""
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(HERE.glob("*.py"))
                                     if p.name != "run.py")).hexdigest()[:12]
    root = Path(tempfile.gettempdir()) / f"exolint-accuracy-corpus-{pages}-{seed}-{digest}"
    if not root.exists() or not manifest_path(root).exists():
        html = max(1, pages // 10)
        generate(root, pages=pages - html, html=html, seed=seed)
    return root


def render_accuracy(acc: dict) -> list[str]:
    ok_share = acc["neutral_share"] < ACCURACY_TARGET
    ok_found = acc["found"] == acc["inserted"] and acc["unlocated"] == 0
    lines = [
        "## Accuracy on the generator's own sentences",
        "",
        f"Corpus: {acc['files']} generated files ({acc['bytes'] / 1e6:.1f} MB), linted with `--format json`; "
        "each finding is mapped to the NEUTRAL (compliant) or RISKY sentence it falls in "
        "(from the generator's manifest).",
        "",
        "| check | measured | |",
        "|---|---|---|",
        f"| findings on compliant sentences < {ACCURACY_TARGET:.0%} | {acc['on']['neutral']} of {acc['findings']} "
        f"= {acc['neutral_share'] * 100:.1f}% ({acc['on']['risky']} on risky sentences, {acc['on']['other']} elsewhere: "
        f"titles, headings, front matter) | {'met' if ok_share else '**NOT met**'} |",
        f"| every inserted risky sentence found | {acc['found']}/{acc['inserted']}"
        + (f" ({acc['unlocated']} drawn but not located in their page)" if acc["unlocated"] else "")
        + f" | {'met' if ok_found else '**NOT met**'} |",
        "",
    ]
    if acc["neutral_rules"]:
        lines.append("Findings on compliant sentences, by rule: " + ", ".join(
            f"{rule} {n}" for rule, n in sorted(acc["neutral_rules"].items(), key=lambda kv: -kv[1])) + ".")
        lines.append("")
        lines += [f"- {n}x `{rule}` on: {sentence}" for (rule, sentence), n in acc["neutral_examples"]]
        lines.append("")
    if acc["missed"]:
        lines.append("Risky sentences with no finding:")
        lines += [f"- {n}x {sentence}" for sentence, n in sorted(acc["missed"].items(), key=lambda kv: -kv[1])]
        lines.append("")
    return lines


# -- report -----------------------------------------------------------------------------------
def render(res: dict, command: str) -> str:
    mb = res["corpus_bytes"] / 1e6
    par, ser, naive = res["parallel"], res["serial"], res["naive"]
    par_mbs, ser_mbs = mb / par["wall"], mb / ser["wall"]
    naive_mbs = naive["bytes"] / 1e6 / naive["wall"]
    st, lin, m, rs = res["startup"], res["linear"], res["machine"], res["rules"]

    def ok(cond: bool) -> str:
        return "met" if cond else "**NOT met**"

    ratio_md = lin["md_50mb"]["wall"] / lin["md_5mb"]["wall"]
    ratio_line = lin["line_10mb"]["wall"] / lin["line_1mb"]["wall"]
    lines = [
        "# exolint benchmark results",
        "",
        f"Generated by `{command}` on {time.strftime('%Y-%m-%d %H:%M')} (all figures from this one run).",
        "",
        "## Machine",
        "",
        f"- CPU: {m['cpu']}, {m['cpus']} CPUs ({m['affinity']} usable), {m['mem']}",
        f"- {m['os']}, Python {m['python']}",
        f"- " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        f"- exolint: {m.get('install', 'unknown install')}",
        f"- CPU check (a fixed pure-Python loop, best of 3; lower is faster): "
        f"{res['cpu_before']:.3f} s before the runs, {res['cpu_after']:.3f} s after"
        + ("" if max(res["cpu_before"], res["cpu_after"]) < FAST_PHASE else
           f". **Made in a slow phase** (a check above {FAST_PHASE} s): these figures understate "
           "exolint, and the run is to be repeated"),
        "",
        "## Corpus and rules",
        "",
        f"- `python benchmarks/generate_corpus.py {res['corpus']}` (seed 6): {res['corpus_files']} files "
        f"({res['corpus_md']} Markdown, {res['corpus_html']} HTML), {mb:.1f} MB; risky sentences about 1 in 200.",
        f"- Bundled rules: {rs['rules']} rules, {rs['patterns']} patterns, {rs['anchors']} required strings in the automaton; "
        f"rules without an anchor (always run): {len(rs['no_anchor'])}"
        + (f" ({', '.join(rs['no_anchor'])})" if rs["no_anchor"] else "") + ".",
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
        f"| whole corpus >= 10 MB/s (`--jobs {res['jobs']}`) | {par_mbs:.1f} MB/s, {par['files'] / par['wall']:.0f} files/s "
        f"({par['wall']:.2f} s) | {ok(par_mbs >= 10)} |",
        f"| >= 20x the naive baseline | {par_mbs / naive_mbs:.1f}x ({naive_mbs:.2f} MB/s naive, one core, "
        f"on every {res['naive_every']}th file: {naive['bytes'] / 1e6:.1f} MB) | "
        f"{ok(par_mbs / naive_mbs >= 20)} |",
        f"| start-up of `exolint check one.md` (1 KB) <= 0.25 s | {st['warm_median']:.3f} s median warm, "
        f"{st['cold']:.3f} s cold cache (bare `python -c pass`: {st['python_median']:.3f} s) | "
        f"{ok(st['warm_median'] <= 0.25)} (warm: rule cache on disk, as the issue allows) |",
        f"| peak memory on the corpus < 300 MB | {par['peak_mb']:.0f} MB (all processes, `--jobs {res['jobs']}`), "
        f"{ser['peak_mb']:.0f} MB (`--jobs 1`) | {ok(par['peak_mb'] < 300)} |",
        f"| linear: one 50 MB file vs 5 MB | {lin['md_50mb']['wall']:.2f} s vs {lin['md_5mb']['wall']:.2f} s "
        f"= {ratio_md:.1f}x for 10x the size; peak {lin['md_50mb']['peak_mb']:.0f} MB | {ok(ratio_md < 13)} |",
        f"| linear: one 10 MB line vs 1 MB | {lin['line_10mb']['wall']:.2f} s vs {lin['line_1mb']['wall']:.2f} s "
        f"= {ratio_line:.1f}x for 10x the size; peak {lin['line_10mb']['peak_mb']:.0f} MB | {ok(ratio_line < 13)} |",
        "",
        "## All figures",
        "",
        "| run | wall | MB/s | files/s | peak memory | findings |",
        "|---|---|---|---|---|---|",
        f"| exolint `--jobs {res['jobs']}` (median of {', '.join(f'{w:.2f}' for w in par['walls'])} s) | "
        f"{par['wall']:.2f} s | {par_mbs:.1f} | {par['files'] / par['wall']:.0f} | "
        f"{par['peak_mb']:.0f} MB | {par['findings']} |",
        f"| exolint `--jobs 1` (median of {', '.join(f'{w:.2f}' for w in ser['walls'])} s) | "
        f"{ser['wall']:.2f} s | {ser_mbs:.1f} | {ser['files'] / ser['wall']:.0f} | "
        f"{ser['peak_mb']:.0f} MB | {ser['findings']} |",
        f"| naive baseline (one process) | {naive['wall']:.2f} s | {naive_mbs:.2f} | "
        f"{res['corpus_files'] / naive['wall']:.0f} | – | {naive['matches']} raw matches |",
    ]
    for key in ("md_5mb", "md_50mb", "line_1mb", "line_10mb"):
        r = lin[key]
        lines.append(f"| single file `{key}` | {r['wall']:.2f} s | {r['bytes'] / 1e6 / r['wall']:.1f} | – | "
                     f"{r['peak_mb']:.0f} MB | {r['findings']} |")
    sel = res["selective"]
    sel_mbs = mb / sel["wall"]
    cpus = par["cpus"] + ser["cpus"]
    lines += [
        "",
        f"CPU time of those runs (user + system, all processes, in the order of their wall times): "
        f"`--jobs {res['jobs']}` {', '.join(f'{c:.2f}' for c in par['cpus'])} s; `--jobs 1` "
        f"{', '.join(f'{c:.2f}' for c in ser['cpus'])} s. Checking the same corpus took {min(cpus):.1f} to "
        f"{max(cpus):.1f} s of CPU (`--jobs {res['jobs']}` adds the main process and each worker's "
        f"start): how fast this machine runs changes from one minute to the next.",
        "",
        f"Per core, exolint (`--jobs 1`) runs at {ser_mbs / naive_mbs:.1f}x the naive baseline.",
        "",
        f"Markdown text handed to markdown-it after the sparse check (every 20th file): "
        f"{res['parsed_share'] * 100:.1f}% of the chunk text.",
        "",
        "## Rules whose rarest required strings are common",
        "",
        "Each pattern is looked for around the rarest group of strings every match must contain",
        "(exolint/ruleset/literals.py). For these rules, a string of that group occurs in more than",
        "half the corpus pages, so their patterns are tried (relaxed, on the chunk's copy) on almost",
        "every page. More distinctive phrasing in the pattern would make them cheaper (see",
        "docs/performance.md):",
        "",
        "| rule | rarest-group strings found in most pages (scan alphabet: digits are 0) |",
        "|---|---|",
        *[f"| {rid} | {', '.join(repr(a) for a in anchors)} |" for rid, anchors in sorted(res["weak"].items())],
        *[f"| {rid} | (no anchor: always runs) |" for rid in rs["no_anchor"]],
        "",
        f"The same run with those {len(res['weak']) + len(rs['no_anchor'])} rules left out "
        f"(`--ignore`): {sel['wall']:.2f} s, "
        f"**{sel_mbs:.1f} MB/s**, {sel['files'] / sel['wall']:.0f} files/s, peak {sel['peak_mb']:.0f} MB, "
        f"{sel['findings']} findings.",
        "",
        *(render_accuracy(res["accuracy"]) if "accuracy" in res else []),
        '## Reading these figures',
        '',
        '- Each pattern is reduced to groups of strings every match must contain (whole phrases where',
        '  the pattern allows: whitespace runs are one space and digits are 0 in the scanned text).',
        '  Each Markdown page is split into chunks at blank lines, screened as copy in one pass and',
        '  scanned once; only chunks holding all of some pattern\'s required strings are rendered, and',
        '  only those where the pattern (assertions removed) matches the copy go to markdown-it. What',
        '  remains is mostly Python work per chunk and per string hit.',
        '- HTML pages are parsed in full (no sparse reading yet).',
        '- Start-up runs may write Python bytecode, as any installed package has (this machine sets',
        '  PYTHONDONTWRITEBYTECODE=1; without bytecode every exolint module is compiled at each start).',
        '- Start-up: the warm figure uses the on-disk rule cache. The cold figure is the first run after a',
        '  rule file changes, when every pattern is validated and compiled once.',
        "",
        "## Exact commands",
        "",
        "```sh",
        command,
        f"# which ran, among others:",
        f"python benchmarks/generate_corpus.py {res['corpus']}",
        f"python -m exolint check --format json --fail-on never --jobs {res['jobs']} {res['corpus']}",
        f"python -m exolint check --format json --fail-on never --jobs 1 {res['corpus']}",
        "python -m exolint check --fail-on never one.md   # 1 KB, XDG_CACHE_HOME=<fresh dir>, then warm",
        "```",
        "",
        f"Each corpus run is made {REPEATS} times and the median reported: this shared machine's speed varies",
        "by a third from minute to minute. Wall times include process start-up. Peak memory is the summed",
        "RSS of exolint and its workers,",
        "sampled every 20 ms from /proc. The naive baseline runs the same compiled patterns in-process",
        "(no start-up, no JSON), so the comparison favours the baseline.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "exolint-bench-corpus",
                    help="corpus folder (outside any git repo: exolint honours .gitignore)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--naive-every", type=int, default=10,
                    help="run the (slow) naive baseline on every Nth file; it reports MB/s either way")
    ap.add_argument("--write", type=Path, help="write the Markdown report here (e.g. benchmarks/RESULTS.md)")
    ap.add_argument("--wait-fast", type=float, default=0, metavar="SECONDS",
                    help="first wait up to SECONDS for two CPU checks in a row below "
                         f"{FAST_PHASE} s (this machine's speed swings from minute to minute)")
    ap.add_argument("--accuracy-only", action="store_true",
                    help="only the accuracy check (findings on the generator's compliant and risky sentences), "
                         "on a generated corpus of --accuracy-pages files")
    ap.add_argument("--accuracy-pages", type=int, default=200,
                    help="files in the accuracy corpus (default 200; generated once under the temp folder)")
    ap.add_argument("--cold-start", action="store_true",
                    help="only the cold start: a wheel in a fresh venv, no cache folder, a 1 KB page, "
                         "--runs times beside `python -c pass` (see cold_start.py)")
    ap.add_argument("--runs", type=int, default=10, help="runs for --cold-start (default 10)")
    ap.add_argument("--semantic", action="store_true",
                    help="run every `exolint check` with the semantic second reader on (needs exolint[semantic])")
    args = ap.parse_args()
    if args.semantic:
        CHECK_EXTRA.append("--semantic")
    command = "python " + " ".join(shlex.quote(a) for a in sys.argv)
    if args.cold_start:
        from cold_start import bench_cold_start, render as render_cold

        print(render_cold(bench_cold_start(args.runs)))
        return
    if args.accuracy_only:
        acc = bench_accuracy(accuracy_corpus(args.accuracy_pages), args.jobs)
        print("\n".join(render_accuracy(acc)))
        ok = acc["neutral_share"] < ACCURACY_TARGET and acc["found"] == acc["inserted"] and not acc["unlocated"]
        raise SystemExit(0 if ok else 1)
    if not args.corpus.exists():
        print(f"generating corpus in {args.corpus} ...", file=sys.stderr)
        generate(args.corpus)
    files = corpus_files(args.corpus)
    res = {"corpus": str(args.corpus), "jobs": args.jobs, "naive_every": args.naive_every, "machine": machine(), "rules": rule_stats(),
           "corpus_files": len(files), "corpus_md": sum(p.suffix == ".md" for p in files),
           "corpus_html": sum(p.suffix == ".html" for p in files),
           "corpus_bytes": sum(p.stat().st_size for p in files)}
    res["weak"] = weak_anchor_rules(files[::20])
    res["parsed_share"] = parsed_share(files[::20])
    if args.wait_fast:
        wait_for_fast_phase(args.wait_fast)
    res["cpu_before"] = cpu_check()
    steps = [("startup", bench_startup), ("parallel", lambda: bench_exolint(args.corpus, args.jobs)),
             ("selective", lambda: bench_exolint(args.corpus, args.jobs, sorted(res["weak"]) + res["rules"]["no_anchor"])),
             ("serial", lambda: bench_exolint(args.corpus, 1)), ("naive", lambda: bench_naive(files[::args.naive_every])),
             ("linear", lambda: bench_linear(files)),
             ("accuracy", lambda: bench_accuracy(accuracy_corpus(args.accuracy_pages), args.jobs))]
    for name, step in steps:
        print(f"{name} ...", file=sys.stderr, flush=True)
        res[name] = step()
        for k in ("stdout", "stderr"):
            res[name].pop(k, None) if isinstance(res[name], dict) else None
    res["cpu_after"] = cpu_check()
    report = render(res, command)
    print(report)
    if args.write:
        args.write.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
