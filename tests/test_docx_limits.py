"""Hostile .docx files (zip bombs, millions of empty paragraphs) are refused quickly and in
bounded memory, each as an error of its own (exit 2), while the other files are still checked
(issue 18)."""
import io
import json
import os
import subprocess
import sys
import time
import zipfile

import pytest
from docx import Document

from exolint.api import LintOptions, lint_paths
from exolint.sources import docx_limits

from conftest import REPO, SAMPLE_RULES

RULES = ["--no-bundled-rules", "--rules", str(SAMPLE_RULES)]
PARA = b"<w:p><w:r><w:t>A miracle serum.</w:t></w:r></w:p>"


def make_docx(path, body: bytes = PARA, extra: dict | None = None, stream_body=None) -> None:
    """A real Word package (python-docx's template) whose body is ``body`` (or the chunks
    ``stream_body`` yields, written without holding them all), plus ``extra`` entries."""
    buf = io.BytesIO()
    Document().save(buf)
    template = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in template.infolist():
            data = template.read(info.filename)
            if info.filename == "word/document.xml":
                head = data.partition(b"<w:body>")[0] + b"<w:body>"
                with out.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(head)
                    for chunk in (stream_body() if stream_body else [body]):
                        fh.write(chunk)
                    fh.write(b"</w:body></w:document>")
            else:
                out.writestr(info, data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)


def check(run_cli, *paths):
    code, out, err = run_cli("check", *RULES, "--jobs", "1", "--format", "json", *paths)
    assert "Traceback" not in err
    return code, json.loads(out)


@pytest.fixture
def good(tmp_path):
    page = tmp_path / "good.md"
    page.write_text("Our serum is a miracle.\n", encoding="utf-8")
    return page


def test_a_docx_within_the_limits_is_read(tmp_path, run_cli):
    ok = tmp_path / "ok.docx"
    make_docx(ok, PARA * 5_000)
    code, data = check(run_cli, ok)
    assert code == 1 and len(data["findings"]) == 5_000 and not data["errors"]


def _refused(data, name):
    [error] = [e for e in data["errors"] if e["path"].endswith(name)]
    assert "too large to check safely" in error["message"]
    return error["message"]


def test_too_many_empty_paragraphs_is_refused_and_the_rest_checked(tmp_path, run_cli, good):
    bomb = tmp_path / "empty.docx"
    make_docx(bomb, b"<w:p/>" * 150_000)
    start = time.monotonic()
    code, data = check(run_cli, bomb, good)
    assert time.monotonic() - start < 20
    assert code == 2
    assert "100,000 paragraphs" in _refused(data, "empty.docx")
    assert data["files_checked"] == 1 and [f["path"] for f in data["findings"]] == [str(good)]


def test_zip_bomb_is_refused_by_its_declared_size(tmp_path, run_cli, good):
    bomb = tmp_path / "bomb.docx"
    make_docx(bomb, stream_body=lambda: (b"<w:p/>" + b" " * (1 << 20) for _ in range(80)))
    assert bomb.stat().st_size < 1 << 20  # a small file that unpacks to 80 MB
    code, data = check(run_cli, bomb, good)
    assert code == 2 and "64 MB" in _refused(data, "bomb.docx")
    assert data["files_checked"] == 1


def test_too_many_elements_in_one_paragraph(tmp_path, run_cli):
    bomb = tmp_path / "runs.docx"
    make_docx(bomb, b"<w:p>" + b"<w:r/>" * 2_100_000 + b"</w:p>")
    code, data = check(run_cli, bomb)
    assert code == 2 and "2,000,000 elements" in _refused(data, "runs.docx")


def test_paragraphs_in_other_parts_count_too(tmp_path, run_cli):
    bomb = tmp_path / "header.docx"
    make_docx(bomb, extra={"word/header9.xml": b"<w:hdr>" + b"<w:p/>" * 120_000 + b"</w:hdr>"})
    code, data = check(run_cli, bomb)
    assert code == 2 and "paragraphs" in _refused(data, "header.docx")


def test_an_entry_that_lies_about_its_size_is_unreadable(tmp_path, run_cli):
    """zipfile never inflates past the declared size: a lie ends in a CRC error, not a bomb."""
    good_doc = tmp_path / "lie.docx"
    make_docx(good_doc, PARA * 2_000)
    raw = bytearray(good_doc.read_bytes())
    with zipfile.ZipFile(good_doc) as zf:
        info = zf.getinfo("word/document.xml")
    # shrink the declared size in the central directory and the local header
    for sig, size_at in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = raw.find(sig + b"", 0)
        while at >= 0:
            name_len = int.from_bytes(raw[at + (28 if sig == b"PK\x01\x02" else 26):][:2], "little")
            name_at = at + (46 if sig == b"PK\x01\x02" else 30)
            if bytes(raw[name_at:name_at + name_len]) == b"word/document.xml":
                raw[at + size_at:at + size_at + 4] = (100).to_bytes(4, "little")
            at = raw.find(sig, at + 4)
    good_doc.write_bytes(bytes(raw))
    assert info.file_size > 100
    code, data = check(run_cli, good_doc)
    assert code == 2
    assert "not a readable Word .docx file" in data["errors"][0]["message"]


@pytest.mark.parametrize("limit,value,expected", [
    ("MAX_ENTRIES", 5, "files (limit 5)"),
    ("MAX_PACKAGE_BYTES", 10_000, "unpacks to"),
])
def test_package_limits(tmp_path, monkeypatch, limit, value, expected):
    doc = tmp_path / "pkg.docx"
    make_docx(doc, extra={f"word/media/image{i}.png": b"\x89PNG" + b"x" * 5_000 for i in range(3)})
    monkeypatch.setattr(docx_limits, limit, value)
    from exolint.ruleset import RuleSet
    report = lint_paths([str(doc)], RuleSet.load([SAMPLE_RULES], include_bundled=False),
                        LintOptions(jobs=1))
    [error] = report.errors
    assert expected in error.message and not report.files_checked


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="peak memory read from /proc (Linux)")
def test_peak_memory_on_a_hostile_docx_stays_small(tmp_path):
    """200 MB of empty paragraphs in a small file: refused within a small memory budget."""
    bomb = tmp_path / "huge.docx"
    make_docx(bomb, stream_body=lambda: (b"<w:p/>" * 174_763 for _ in range(200)))
    script = ("import sys\nfrom exolint.cli.commands import main\n"
              "def peak():\n    for line in open('/proc/self/status'):\n"
              "        if line.startswith('VmHWM:'):\n            return int(line.split()[1])\n"
              "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
              "print(code, peak(), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", script, "check", *RULES, "--jobs", "1",
                           str(bomb)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    code, peak_kb = map(int, proc.stderr.split()[-2:])
    assert code == 2 and "too large to check safely" in proc.stdout
    assert peak_kb < 250_000, f"peak {peak_kb} KB"
