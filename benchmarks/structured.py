"""Structured copy speed: a 20 MB Contentful-style JSON export against Markdown of the same size.

    python benchmarks/structured.py [--mb 20] [--out /tmp/exolint-structured]

Both corpora are written from the same sentence generator (benchmarks/generate_corpus.py), so
they hold the same kind of copy at the same density of risky phrases; each is checked by
``exolint check --jobs 1`` (one process: the export is a single file) and timed by wall clock.
The issue's target: the JSON export at no less than half the Markdown MB/s.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import PRODUCTS, TREATMENTS, Writer, generate  # noqa: E402


def contentful_export(path: Path, target: int, seed: int = 6) -> dict:
    rng = random.Random(seed)
    w = Writer(rng, 200)
    entries = []
    size = 0
    n = 0
    while size < target:
        n += 1
        name = f"{rng.choice(PRODUCTS)} {n}"
        fields = {
            "title": {"en-GB": name, "en-US": name},
            "slug": {"en-GB": f"{rng.choice(TREATMENTS).replace(' ', '-')}-{n}"},
            "sku": {"en-GB": f"EXO-{n:06}"},
            "heroImage": {"en-GB": f"https://images.example.com/{n}.jpg"},
            "description": {"en-GB": w.paragraph(), "en-US": w.paragraph()},
            "body": {"en-GB": {"nodeType": "document", "data": {}, "content": [
                {"nodeType": "paragraph", "data": {}, "content": [
                    {"nodeType": "text", "value": w.paragraph(), "marks": [], "data": {}}]}
                for _ in range(rng.randint(2, 4))]}},
        }
        entry = {"sys": {"id": f"{n:022x}", "type": "Entry", "createdAt": "2025-03-02T10:15:00Z",
                         "contentType": {"sys": {"type": "Link", "linkType": "ContentType",
                                                 "id": "product"}}},
                 "fields": fields}
        entries.append(entry)
        size += len(json.dumps(entry, indent=2, ensure_ascii=False))
    text = json.dumps({"entries": entries, "locales": [{"code": "en-GB"}, {"code": "en-US"}]},
                      indent=2, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return {"bytes": len(text.encode("utf-8")), "entries": n}


def timed(args: list[str]) -> tuple[float, float, dict]:
    """(wall seconds, CPU seconds of the exolint process, its JSON report). The machine is shared:
    CPU time is the fairer comparison, wall time is printed too."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "exolint", "check", "--jobs", "1",
                           "--format", "json", *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"exolint failed: {proc.stderr}")
    return elapsed, cpu, json.loads(proc.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--out", type=Path, default=Path("/tmp/exolint-structured"))
    args = ap.parse_args()
    target = int(args.mb * 1024 * 1024)
    args.out.mkdir(parents=True, exist_ok=True)
    export = args.out / "export.json"
    info = contentful_export(export, target)
    md = args.out / "markdown"
    if not md.exists():
        generate(md, pages=int(target / (23 * 1024)), html=0)
    md_bytes = sum(p.stat().st_size for p in md.rglob("*.md"))
    rows = []
    for label, size, run in (("JSON export", info["bytes"], [str(export)]),
                             ("Markdown", md_bytes, ["--no-respect-gitignore", str(md)])):
        wall, cpu, report = timed(run)
        rows.append((label, size, wall, cpu, report))
        print(f"{label:<12} {size / 1e6:5.1f} MB, {report['files_checked']:>4} files: "
              f"{wall:6.2f} s wall ({size / 1e6 / wall:5.2f} MB/s), {cpu:6.2f} s CPU "
              f"({size / 1e6 / cpu:5.2f} MB/s), {len(report['findings'])} findings")
    (_, js, jw, jc, _), (_, ms, mw, mc, _) = rows
    print(f"ratio JSON/Markdown MB/s: {(js / jc) / (ms / mc):.2f} by CPU time, "
          f"{(js / jw) / (ms / mw):.2f} by wall time (target >= 0.5)")


if __name__ == "__main__":
    main()
