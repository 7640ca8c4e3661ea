"""File names that are not valid UTF-8 (issue 18, class 5): every format, on stdout and with -o,
stays valid UTF-8 and writes each undecodable byte as ``\\xNN``; baselines too."""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from exolint.report.display_names import escape_name, unescape_name

from ci_helpers import RULES_ARGS

pytestmark = pytest.mark.skipif(sys.platform in ("darwin", "win32"),
                                reason="this file system refuses non-UTF-8 file names")

RISKY = b"Our serum is a miracle.\n"
FORMATS = ["text", "json", "sarif", "github", "junit", "gitlab", "html"]


@pytest.fixture
def odd_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    base = os.fsencode(str(site))
    for raw in (b"caf\xe9.md", b"\xff\xfe-page.md", "naïve.md".encode()):
        with open(base + b"/" + raw, "wb") as fh:
            fh.write(RISKY)
    with open(base + b"/bad\xe9.md", "wb") as fh:  # an undecodable name on a file not checked
        fh.write(b"\x00\x01\x02")
    return tmp_path


def run(cwd, *args):
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run([sys.executable, "-m", "exolint", "check", *RULES_ARGS, *args],
                          capture_output=True, cwd=cwd, env=env)


def _check_output(fmt: str, text: str) -> None:
    wanted = {"sarif": ["caf%5Cxe9.md", "%5Cxff%5Cxfe-page.md", "na%C3%AFve.md", "bad%5Cxe9.md"]}.get(
        fmt, ["caf\\xe9.md", "\\xff\\xfe-page.md", "naïve.md", "bad\\xe9.md"])
    if fmt in ("json", "sarif", "gitlab"):
        text_in_json = json.dumps(json.loads(text), ensure_ascii=False)
        for name in wanted:
            assert name.replace("\\", "\\\\") in text_in_json, (fmt, name)
        return
    if fmt == "junit":
        ET.fromstring(text)
    for name in wanted:
        assert name in text, (fmt, name)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_on_stdout(odd_site, fmt):
    proc = run(odd_site, "--format", fmt, "site")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr  # 2: bad\xe9.md not checked
    text = proc.stdout.decode("utf-8")  # strict: valid UTF-8
    proc.stderr.decode("utf-8")
    _check_output(fmt, text)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_with_output_file(odd_site, fmt):
    out = odd_site / f"report.{fmt}"
    proc = run(odd_site, "--format", fmt, "-o", str(out), "site")
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    _check_output(fmt, out.read_bytes().decode("utf-8"))


def test_baseline_round_trip_with_undecodable_names(odd_site):
    proc = run(odd_site, "--write-baseline", "base.json", "site")
    assert b"Traceback" not in proc.stderr
    data = json.loads((odd_site / "base.json").read_bytes().decode("utf-8"))
    assert "site/caf\\xe9.md" in {e["path"] for e in data["findings"]}
    proc = run(odd_site, "--format", "json", "--baseline", "base.json", "site")
    assert json.loads(proc.stdout.decode("utf-8"))["findings"] == []
    assert b"stale" not in proc.stderr


def test_stdin_filename_with_undecodable_bytes(tmp_path):
    name = os.fsdecode(b"caf\xe9.md")
    proc = subprocess.run([sys.executable, "-m", "exolint", "check", *RULES_ARGS, "--format", "sarif",
                           "--stdin-filename", name, "-"], input=RISKY, capture_output=True, cwd=tmp_path)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    assert "caf%5Cxe9.md" in proc.stdout.decode("utf-8")


@pytest.mark.parametrize("raw", [b"caf\xe9.md", b"\x80\xff", b"plain.md", "café.md".encode()])
def test_escape_round_trip(raw):
    name = os.fsdecode(raw)
    shown = escape_name(name)
    shown.encode("utf-8")  # always encodable
    assert unescape_name(shown) == name
    assert os.fsencode(unescape_name(shown)) == raw


def test_escape_form():
    assert escape_name(os.fsdecode(b"caf\xe9.md")) == "caf\\xe9.md"
    assert escape_name("naïve.md") == "naïve.md"
    assert escape_name("\ud800x") == "\\ud800x"  # a lone surrogate not from a byte
