"""``exolint serve``'s HTTP API, on a real uvicorn server: the JSON contract, uploads, size
limits, bad requests, and the same findings as ``exolint check --format json``.

Skips, saying why, when the serve extra is not installed, unless EXOLINT_REQUIRE_SERVE=1.
"""
import http.client
import json
import subprocess
import sys
import time
from urllib.parse import urlparse

import pytest
from click.testing import CliRunner

from serve_helpers import Server, post_file, post_json, request, serve_skip_mark

pytestmark = serve_skip_mark()

RISKY = ("Our serum carries exosomes from umbilical cord stem cells.\n"
         "It has no side effects and cures acne in a week.\n")
CONFIG = """markets = ["EU"]
ignore = ["hype"]

[severity]
medicinal_claim = "warning"

[[overrides]]
paths = ["us/**"]
markets = ["US"]
"""


@pytest.fixture(scope="module")
def server():
    from exolint.api import default_ruleset
    from exolint.serve.checker import Checker

    s = Server(Checker(default_ruleset()))
    yield s
    s.stop()


def _bad(answer, status=400, says=""):
    assert answer.status == status, answer.text
    data = answer.json()
    assert set(data) == {"error"} and data["error"], data
    assert says.lower() in data["error"].lower()
    assert "Traceback" not in answer.text


def test_check_answers_the_json_contract(server):
    answer = post_json(server.url + "/api/check", {"text": RISKY, "filename": "draft.md",
                                                   "market": "UK"})
    assert answer.status == 200
    assert answer.headers["Content-Type"].startswith("application/json")
    data = answer.json()
    assert set(data) == {"version", "files_checked", "findings", "errors", "notes", "timeouts", "quieted"}
    assert data["version"] == 1 and data["files_checked"] == 1 and data["errors"] == []
    rules = {f["rule"] for f in data["findings"]}
    assert {"human-origin-ingredient", "no-side-effects"} <= rules
    side = next(f for f in data["findings"] if f["rule"] == "no-side-effects")
    assert (side["path"], side["line"], side["column"], side["match"], side["market"]) == \
        ("draft.md", 2, 8, "no side effects", "UK")


def test_market_changes_the_findings(server):
    uk = post_json(server.url + "/api/check", {"text": RISKY, "market": "UK"}).json()
    us = post_json(server.url + "/api/check", {"text": RISKY, "market": ["us"]}).json()
    assert "human-origin-ingredient" in {f["rule"] for f in uk["findings"]}
    assert "human-origin-ingredient" not in {f["rule"] for f in us["findings"]}
    assert "human-cell-product" in {f["rule"] for f in us["findings"]}
    assert {f["path"] for f in uk["findings"]} == {"<text>"}  # no file name: plain text


def test_clean_copy_has_no_findings(server):
    data = post_json(server.url + "/api/check", {"text": "A calm facial with a cooling mask.",
                                                 "filename": "calm.txt"}).json()
    assert data["files_checked"] == 1 and data["findings"] == []


@pytest.mark.parametrize("payload,says", [
    (b"{not json", "not valid JSON"),
    (b"", "not valid JSON"),
    (b"\xff\xfe\x00", "not UTF-8"),
    (b'["text"]', "JSON object"),
    (b'{"filename": "a.md"}', 'missing field "text"'),
    (b'{"text": 42}', '"text" must be a string'),
    (b'{"text": ["a"]}', '"text" must be a string'),
    (b'{"text": "a", "market": 5}', '"market" must be'),
    (b'{"text": "a", "market": "Mars"}', "unknown market 'Mars'"),
    (b'{"text": "a", "market": ["UK", "XX"]}', "unknown market 'XX'"),
    (b'{"text": "a", "filename": 7}', '"filename" must be a string'),
    (b'{"text": "a", "filename": "notes.pdf"}', "cannot read '.pdf'"),
    (b'{"text": "a", "filename": "draft.docx"}', "/api/check-file"),
    (b'{"text": "a", "colour": "red"}', "unknown field 'colour'"),
    (b'{"text": "a\\u0000b"}', "NUL"),
])
def test_malformed_requests_get_400_with_a_message(server, payload, says):
    _bad(post_json(server.url + "/api/check", payload), 400, says)


def test_text_over_the_limit_gets_413(server):
    from exolint.serve.limits import MAX_TEXT_BYTES

    # refused on its Content-Length, before the body is read (the body is not even sent here:
    # a client sending a megabyte the server refuses may see the connection reset)
    parsed = urlparse(server.url)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    conn.putrequest("POST", "/api/check")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(MAX_TEXT_BYTES + 1))
    conn.endheaders()
    resp = conn.getresponse()
    assert resp.status == 413
    assert f"the limit is {MAX_TEXT_BYTES} bytes" in json.loads(resp.read())["error"]
    conn.close()
    just_under = "Gentle facial. " * ((MAX_TEXT_BYTES - 100) // 15)
    assert post_json(server.url + "/api/check", {"text": just_under}).status == 200


def test_chunked_body_over_the_limit_gets_413(server, monkeypatch):
    """No Content-Length to refuse up front: the body is counted as it arrives."""
    MAX_TEXT_BYTES = 256 * 1024
    monkeypatch.setattr("exolint.serve.app.MAX_TEXT_BYTES", MAX_TEXT_BYTES)

    parsed = urlparse(server.url)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    conn.putrequest("POST", "/api/check")
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    chunk = b"x" * 65536
    try:
        for _ in range(MAX_TEXT_BYTES // len(chunk) + 2):
            conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        conn.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server may answer and close before the whole body is sent
    resp = conn.getresponse()
    assert resp.status == 413
    assert "limit" in json.loads(resp.read())["error"]
    conn.close()


def test_upload_over_the_limit_gets_413(server, monkeypatch):
    """(A smaller limit than the real one: a client sending megabytes the server refuses to
    read may see the connection reset before it reads the answer.)"""
    monkeypatch.setattr("exolint.serve.app.MAX_UPLOAD_BYTES", 64 * 1024)
    _bad(post_file(server.url + "/api/check-file", "big.txt", b"a" * (64 * 1024 + 1)),
         413, "limit is 65536 bytes")
    assert post_file(server.url + "/api/check-file", "ok.txt", b"a" * 60000).status == 200


def test_docx_upload(server, tmp_path):
    from docx_builder import build_draft

    build_draft(tmp_path / "draft.docx")
    answer = post_file(server.url + "/api/check-file", "draft.docx",
                       (tmp_path / "draft.docx").read_bytes(), market="UK")
    assert answer.status == 200, answer.text
    data = answer.json()
    assert data["files_checked"] == 1
    found = {(f["match"], f["line"]) for f in data["findings"]}
    assert ("No known side effects", 2) in found  # paragraph 2 of the draft
    assert all(f["path"] == "draft.docx" and f["market"] == "UK" for f in data["findings"])


def test_text_file_upload_and_name_override(server):
    data = post_file(server.url + "/api/check-file", "page.html",
                     b"<p>Our peel has <b>no side effects</b>.</p>", filename="landing.html").json()
    assert [(f["path"], f["rule"], f["match"]) for f in data["findings"]] == \
        [("landing.html", "no-side-effects", "no side effects")]


def test_unreadable_upload_is_never_reported_clean(server):
    for name, data in (("broken.docx", b"PK\x03\x04 not really a zip"),
                       ("binary.txt", b"abc\x00def")):
        answer = post_file(server.url + "/api/check-file", name, data)
        assert answer.status == 422, answer.text
        result = answer.json()
        assert result["files_checked"] == 0 and result["findings"] == []
        assert result["errors"][0]["path"] == name and result["errors"][0]["message"]


@pytest.mark.parametrize("build,says", [
    (lambda: (b"text=hello", "application/x-www-form-urlencoded"), "multipart/form-data"),
    (lambda: (b"--x\r\nbroken", "multipart/form-data; boundary=x"), ""),
    (lambda: _form({"market": "UK"}, {}), 'form field "file"'),
    (lambda: _form({}, {"file": ("notes.pdf", b"%PDF")}), "cannot read '.pdf'"),
    (lambda: _form({"market": "Narnia"}, {"file": ("a.txt", b"hi")}), "unknown market"),
    (lambda: _form({"colour": "red"}, {"file": ("a.txt", b"hi")}), "unknown form field"),
    (lambda: _form({}, {"file": ("", b"hi")}), ""),
])
def test_malformed_uploads_get_400(server, build, says):
    body, ctype = build()
    _bad(request(server.url + "/api/check-file", body, {"Content-Type": ctype}), 400, says)


def _form(fields, files):
    from serve_helpers import multipart

    return multipart(fields, files)


def test_report_download_is_the_self_contained_html_report(server):
    answer = post_json(server.url + "/api/report", {"text": RISKY, "filename": "draft.md",
                                                    "market": "UK"})
    assert answer.status == 200
    assert answer.headers["Content-Type"].startswith("text/html")
    assert "attachment" in answer.headers["Content-Disposition"]
    page = answer.text
    assert "<title>exolint report</title>" in page and "Content-Security-Policy" in page
    assert 'id="mark-1"' in page and "Why it is risky" in page and "draft.md" in page


def test_view_offsets_count_utf16_units_like_the_browser(server):
    text = "\U0001F600\U0001F600 no side effects here"
    data = post_json(server.url + "/api/view", {"text": text, "market": "UK"}).json()
    (r,) = [r for r in data["ranges"] if data["result"]["findings"][r["n"] - 1]["rule"] == "no-side-effects"]
    js_index = len(text.encode("utf-16-le")) // 2 - len(" here") - len("no side effects")
    assert (r["start"], r["end"]) == (js_index, js_index + len("no side effects"))
    assert 'data-finding="1"' in data["backdrop"] and 'tabindex="-1"' in data["backdrop"]
    assert "Why it is risky" in data["cards"]["error"][0]


def test_other_host_names_are_refused(server):
    """Bound to loopback, the server answers only to loopback names (no DNS rebinding)."""
    answer = request(server.url + "/", headers={"Host": "attacker.example"})
    assert answer.status == 400
    assert request(server.url + "/", headers={"Host": "localhost:8765"}).status == 200


def test_page_loads_nothing_from_elsewhere(server):
    answer = request(server.url + "/")
    assert answer.status == 200
    csp = answer.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    page = answer.text
    assert " src=" not in page and "<link" not in page and "@import" not in page
    assert 'id="editor"' in page and 'id="market"' in page and 'id="popover"' in page


def test_unknown_route_and_method(server):
    assert request(server.url + "/api/nope", b"{}").status == 404
    assert request(server.url + "/api/check").status == 405


# --- the same findings as `exolint check --format json` --------------------------------------

def _cli_json(args, cwd, monkeypatch, input=None):
    from exolint.cli.commands import main

    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--jobs", "1", *args], input=input)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder with a configuration (default market, ignore, severity, per-path override) and
    a server started in it, as `exolint serve` run there would be."""
    from exolint.api import default_ruleset
    from exolint.config.settings import Config
    from exolint.serve.checker import Checker

    (tmp_path / "exolint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "us").mkdir()
    monkeypatch.chdir(tmp_path)
    s = Server(Checker(default_ruleset(), Config()))
    yield tmp_path, s
    s.stop()


COPY = {
    "draft.md": "---\ntitle: A miracle glow\n---\n# Glow\n\n" + RISKY +
                "\nA breakthrough, clinically proven serum.\n",
    "page.html": "<html lang='en-GB'><body><h1>Glow</h1><p>" + RISKY.replace("\n", " ") +
                 "</p></body></html>",
    "notes.txt": RISKY + "Guaranteed results, 100% safe.\n",
    "us/offer.md": RISKY,
}


@pytest.mark.parametrize("name", sorted(COPY))
@pytest.mark.parametrize("market", [None, "UK", "US,AU"])
def test_same_findings_as_exolint_check(project, monkeypatch, name, market):
    folder, s = project
    (folder / name).write_text(COPY[name], encoding="utf-8")
    args = ["--market", market] if market else []
    expected = _cli_json([*args, name], folder, monkeypatch)
    assert expected["findings"], "the copy should have findings"
    answer = post_json(s.url + "/api/check", {"text": COPY[name], "filename": name, "market": market})
    assert answer.status == 200
    assert answer.json() == expected
    upload = post_file(s.url + "/api/check-file", name.split("/")[-1], COPY[name].encode(),
                       filename=name, **({"market": market} if market else {}))
    assert upload.json() == expected


def test_same_findings_as_exolint_check_for_a_docx(project, monkeypatch):
    from docx_builder import build_draft

    folder, s = project
    build_draft(folder / "draft.docx")
    expected = _cli_json(["--market", "UK", "draft.docx"], folder, monkeypatch)
    assert expected["findings"]
    answer = post_file(s.url + "/api/check-file", "draft.docx", (folder / "draft.docx").read_bytes(),
                       market="UK")
    assert answer.json() == expected


# --- the command -------------------------------------------------------------------------------

def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, proc, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"exolint serve exited: {proc.stderr.read()}")
        try:
            return request(url)
        except OSError:
            time.sleep(0.2)
    raise AssertionError("exolint serve did not answer")


@pytest.mark.parametrize("host", [None, "0.0.0.0"])
def test_exolint_serve_command(tmp_path, host):
    port = _free_port()
    args = [sys.executable, "-m", "exolint", "serve", "--port", str(port)]
    if host:
        args += ["--host", host]
    proc = subprocess.Popen(args, cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    try:
        answer = _wait_for(f"http://127.0.0.1:{port}/", proc)
        assert answer.status == 200 and "exolint" in answer.text
        check = post_json(f"http://127.0.0.1:{port}/api/check", {"text": "No side effects."})
        assert check.json()["findings"][0]["rule"] == "no-side-effects"
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=20)
    assert f"127.0.0.1:{port}" in err
    assert ("warning: serving on 0.0.0.0" in err) == (host is not None)


def test_loopback_detection():
    from exolint.serve.command import is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.5", "example.com", "::"))


def test_an_unexpected_failure_is_a_500_with_a_message_not_a_traceback():
    class Broken:
        ruleset = None

        def check(self, _request):
            raise RuntimeError("boom in the engine")

    s = Server(Broken())
    try:
        answer = post_json(s.url + "/api/check", {"text": "hello"})
    finally:
        s.stop()
    assert answer.status == 500
    assert answer.json() == {"error": "internal error (RuntimeError); the server's terminal has "
                                      "the details"}
    assert "boom" not in answer.text and "Traceback" not in answer.text


def test_a_taken_port_is_a_one_line_error(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "exolint", "serve", "--port", str(port)],
                              cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert f"cannot serve on 127.0.0.1:{port}" in proc.stderr and "Traceback" not in proc.stderr
