"""Hostile input never crashes a run: each bad file is reported (or skipped with a note) and the
other files are still checked; exit code 2 when a file could not be read."""
import json
import os
import subprocess
import sys

import pytest

from conftest import SAMPLE_RULES

from exolint.api import LintOptions, lint_paths
from exolint.ruleset import RuleSet

RULES = ["--no-bundled-rules", "--rules", str(SAMPLE_RULES)]
RISKY = "Our serum is a miracle.\n"


@pytest.fixture(scope="module")
def rules():
    return RuleSet.load([SAMPLE_RULES], include_bundled=False)


def lint(paths, rules):
    return lint_paths([str(p) for p in paths], rules, LintOptions(jobs=1))


def check_json(run_cli, *paths):
    code, out, err = run_cli("check", *RULES, "--format", "json", *paths)
    assert "Traceback" not in err
    return code, json.loads(out), err


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.md"
    p.write_text(RISKY, encoding="utf-8")
    return p


def test_binary_file_is_an_error_and_the_rest_is_checked(tmp_path, good, run_cli):
    """Issue 18: a text file holding NUL bytes (and not UTF-16/32) was not checked: an error in
    the report (exit 2), never a silent skip."""
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00miracle")
    code, data, err = check_json(run_cli, binary, good)
    assert code == 2 and data["files_checked"] == 1
    [error] = data["errors"]
    assert error["path"] == str(binary) and "NUL" in error["message"] and "not checked" in error["message"]
    assert [f["path"] for f in data["findings"]] == [str(good)]


def test_invalid_utf8_and_windows_1252_decoded_with_a_warning(tmp_path, rules):
    word = tmp_path / "word.txt"
    word.write_bytes(b"It\x92s a \x93miracle\x94 \x96 really.")
    report = lint([word], rules)
    f, = report.findings
    assert f.match == "miracle" and (f.line, f.column) == (1, 9)
    assert any("Windows-1252" in n.message for n in report.notes)


@pytest.mark.parametrize("encoding,bom", [("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-16-be", b"\xfe\xff")])
def test_byte_order_marks(tmp_path, rules, encoding, bom):
    p = tmp_path / "bom.txt"
    p.write_bytes(bom + "Line one.\nA miracle!".encode(encoding))
    f, = lint([p], rules).findings
    assert (f.line, f.column, f.match) == (2, 3, "miracle")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_give_correct_columns(tmp_path, rules, newline):
    p = tmp_path / "eol.txt"
    p.write_bytes(newline.join(["first", "", "  a miracle", "zero side", "effects"]).encode())
    found = lint([p], rules).findings
    assert [(f.line, f.column, f.end_line, f.end_column) for f in found] == [(3, 5, 3, 12), (4, 1, 5, 8)]
    assert found[1].match == f"zero side{newline}effects"


def test_empty_file(tmp_path, rules):
    p = tmp_path / "empty.md"
    p.write_bytes(b"")
    report = lint([p], rules)
    assert report.files_checked == 1 and not report.findings and not report.errors


def test_ten_megabyte_single_line(tmp_path, rules):
    p = tmp_path / "line.txt"
    p.write_text("plain words " * 850_000 + "a miracle", encoding="utf-8")
    f, = lint([p], rules).findings
    assert f.line == 1 and f.column == 850_000 * 12 + 3


@pytest.mark.parametrize("name,text", [
    ("nested.html", "<div>" * 20_000 + "a miracle" + "</div>" * 5),
    ("unterminated.html", "<p>a miracle <b><i><a href='x"),
    ("comment.html", "<p>a miracle</p><!-- never closed <p>miracle"),
    ("quotes.md", "a miracle\n\n" + "> " * 5_000 + "deep"),
    ("lists.md", "".join("  " * i + "- item\n" for i in range(2_000)) + "\na miracle\n"),
    ("fence.md", "a miracle\n\n```\nno side effects\n"),
    ("brackets.md", "[" * 50_000 + "a miracle" + "](" * 10_000),
    ("emphasis.md", "*_" * 50_000 + " a miracle"),
])
def test_deeply_nested_or_unterminated_markup(tmp_path, rules, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    report = lint([p], rules)
    assert report.files_checked == 1 and not report.errors
    assert report.findings and report.findings[0].rule == "sample-miracle"
    assert all(f.rule == "sample-miracle" for f in report.findings)


def test_broken_symlink_and_symlink_loop(tmp_path, good, run_cli):
    (tmp_path / "broken.md").symlink_to(tmp_path / "missing.md")
    (tmp_path / "loop-a.md").symlink_to(tmp_path / "loop-b.md")
    (tmp_path / "loop-b.md").symlink_to(tmp_path / "loop-a.md")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)  # a directory loop
    code, data, _ = check_json(run_cli, tmp_path)
    assert code == 2
    errors = {os.path.basename(e["path"]): e["message"] for e in data["errors"]}
    assert "broken.md" in errors and "broken" in errors["broken.md"]
    assert "loop" in errors["loop-a.md"] and "loop" in errors["loop-b.md"]
    assert [f["path"] for f in data["findings"]] == [str(good)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path, good, run_cli):
    secret = tmp_path / "secret.md"
    secret.write_text(RISKY)
    secret.chmod(0)
    code, data, _ = check_json(run_cli, tmp_path)
    assert code == 2 and data["errors"] == [{"path": str(secret), "message": "permission denied"}]
    assert data["files_checked"] == 1


def test_unreadable_file_even_as_root(tmp_path, good, monkeypatch):
    """The same case without relying on file modes (CI runs as root): opening fails with EACCES."""
    from exolint.sources import reading

    secret = tmp_path / "secret.md"
    secret.write_text(RISKY)
    real_open = open

    def guarded_open(path, *args, **kwargs):
        if os.fspath(path) == str(secret):
            raise PermissionError(13, "Permission denied", str(secret))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(reading, "open", guarded_open, raising=False)
    rules = RuleSet.load([SAMPLE_RULES], include_bundled=False)
    report = lint_paths([str(tmp_path)], rules, LintOptions(jobs=1))
    assert [(e.path, e.message) for e in report.errors] == [(str(secret), "permission denied")]
    assert report.files_checked == 1 and [f.path for f in report.findings] == [str(good)]


def test_fifo_is_never_opened(tmp_path, good, run_cli):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    code, data, _ = check_json(run_cli, tmp_path)  # would hang forever if the FIFO were opened
    assert code == 2
    assert data["errors"] == [{"path": str(fifo), "message": "a FIFO (named pipe), not read"}]
    assert data["files_checked"] == 1


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_non_utf8_file_name(tmp_path, run_cli, fmt):
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9.md"
    with open(name, "wb") as fh:
        fh.write(RISKY.encode())
    proc = subprocess.run([sys.executable, "-m", "exolint", "check", *RULES, "--format", fmt, str(tmp_path)],
                          capture_output=True)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    assert b"caf" in proc.stdout and b"miracle" in proc.stdout
    proc.stdout.decode("utf-8")  # valid UTF-8 (issue 18): the undecodable byte is escaped
    if fmt == "json":
        data = json.loads(proc.stdout.decode("utf-8"))
        assert data["findings"][0]["path"] == str(tmp_path) + "/caf\\xe9.md"


def test_missing_folder_is_an_error_and_the_rest_is_checked(tmp_path, good, run_cli):
    code, data, _ = check_json(run_cli, tmp_path / "nope", good)
    assert code == 2
    assert data["errors"][0]["path"] == str(tmp_path / "nope")
    assert data["files_checked"] == 1 and data["findings"]


def test_catastrophic_pattern_times_out_and_the_run_goes_on(tmp_path, run_cli):
    rules = tmp_path / "rules"
    rules.mkdir()
    pack = (SAMPLE_RULES / "sample.toml").read_text(encoding="utf-8")
    pack = pack.replace("patterns = ['breakthrough']", "patterns = ['break(?:(?:a|aa)+)+c']")
    (rules / "sample.toml").write_text(pack, encoding="utf-8")
    (rules / "_contexts.toml").write_text((SAMPLE_RULES / "_contexts.toml").read_text())
    page = tmp_path / "page.txt"
    page.write_text("break" + "a" * 40 + "x and a miracle", encoding="utf-8")
    code, out, err = run_cli("check", "--no-bundled-rules", "--rules", rules, "--format", "json", page)
    assert "Traceback" not in err
    assert "sample-breakthrough" in err and str(page) in err and "time limit" in err
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["sample-miracle"]
    code, out, err = run_cli("test-rules", rules)
    assert "nests unbounded quantifiers" in err and "sample-breakthrough" in err


@pytest.mark.parametrize("old,new,expected", [
    ("patterns = ['breakthrough']", "patterns = ['breakthrough'", "invalid TOML"),
    ("patterns = ['breakthrough']", "patterns = ['(?:x)?']", "field 'patterns': pattern 1 '(?:x)?' matches the empty string"),
    ("patterns = ['breakthrough']", "patterns = ['']", "field 'patterns'"),
    ("patterns = ['breakthrough']", "patterns = 'x'\nspeed = 3", "field 'speed': unknown field"),
    ('severity = "info"', "severity = 3", "field 'severity'"),
])
def test_malformed_rule_files_are_refused_with_file_line_and_field(tmp_path, run_cli, good, old, new, expected):
    rules = tmp_path / "rules"
    rules.mkdir()
    pack = (SAMPLE_RULES / "sample.toml").read_text(encoding="utf-8")
    assert old in pack
    (rules / "sample.toml").write_text(pack.replace(old, new), encoding="utf-8")
    code, out, err = run_cli("check", "--no-bundled-rules", "--rules", rules, good)
    assert code == 2 and "Traceback" not in err
    assert f"{rules / 'sample.toml'}:" in err and expected in err
    line = int(err.split(f"{rules / 'sample.toml'}:")[1].split(":")[0])
    assert 1 <= line <= pack.count("\n") + 2


@pytest.mark.parametrize("reported_size", [0, 5, 40])
def test_a_file_larger_than_stat_said_is_read_whole(tmp_path, monkeypatch, reported_size):
    """The reader asks for the size stat gave; a file that grew since (or a size of 0, as
    /proc files report) is still read to its end."""
    from exolint.sources import reading

    page = tmp_path / "grown.md"
    text = "Intro.\n\n" + "Calm copy. " * 50 + "\n\nNo known side effects.\n"
    page.write_text(text, encoding="utf-8")
    real_stat = os.stat

    class Shrunk:
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, reported_size

    monkeypatch.setattr(reading.os, "stat", lambda p, *a, **k: Shrunk(real_stat(p, *a, **k)))
    assert reading.read_text(str(page))[0] == text


def test_read_never_asks_for_more_than_the_file_holds(tmp_path, monkeypatch):
    """A small page is read with one buffer of its own size (read(MAX_BYTES) would allocate
    MAX_BYTES up front for every file)."""
    import io

    from exolint.sources import reading

    page = tmp_path / "small.md"
    page.write_text("No known side effects.\n", encoding="utf-8")
    asked = []
    real_read = io.BufferedReader.read

    class Spy(io.BufferedReader):
        def read(self, n=-1):
            asked.append(n)
            return real_read(self, n)

    real_open = open
    monkeypatch.setattr(reading, "open", lambda p, mode="r", *a, **k: Spy(real_open(p, "rb", buffering=0)),
                        raising=False)
    assert reading.read_text(str(page))[0] == "No known side effects.\n"
    assert asked and max(asked) <= page.stat().st_size + 1
