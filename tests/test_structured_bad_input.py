"""Bad structured input: a one-line error with file, line and column, never a traceback, and
the other files still checked."""
import json

import pytest

from exolint.api import LintOptions, lint_paths
from sources_helpers import sample_ruleset

CASES = {
    "bad.json": ('{\n  "a": "x",\n  "b": tru\n}', "invalid JSON (line 3, column 8): Expecting value"),
    "bad.yaml": ("a: b\n  c: d: e\n", "invalid YAML (line 2, column 4): mapping values are not "
                 "allowed in this context"),
    "open.csv": ('Title,Body (HTML)\nx,"never closed\n', "invalid CSV (line 2, column 3): quoted "
                 "cell never closed"),
    "after.csv": ('Title,Body (HTML)\nx,"a"b\n', "invalid CSV (line 2, column 6): text after the "
                  "closing quote of a cell"),
    "bad.po": ('msgid "a"\nmsgstr "b\n', "invalid .po catalog (line 2, column 8): unterminated or "
               "malformed string"),
    "deep.json": ("[" * 100000 + "]" * 100000, "JSON nested too deeply to read"),
    # refused by the parser's own depth check or by exolint's node cap, depending on PyYAML's version
    "deep.yaml": ("a: " + "[" * 5000 + "]" * 5000, ("invalid YAML (line 1, column",
                                                    "YAML too large or nested too deeply")),
}


def lint_dir(tmp_path, files: dict):
    for name, text in files.items():
        (tmp_path / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return lint_paths([str(tmp_path / n) for n in files], sample_ruleset(), LintOptions(jobs=1))


def test_malformed_files_are_errors_and_the_rest_is_checked(tmp_path):
    files = {name: text for name, (text, _) in CASES.items()}
    files["ok.json"] = '{"title": "A miracle mask"}'
    report = lint_dir(tmp_path, files)
    errors = {e.path.rsplit("/", 1)[-1]: e.message for e in report.errors}
    for name, (_, message) in CASES.items():
        assert errors[name].startswith(message), (name, errors[name])
        assert "\n" not in errors[name] and "Traceback" not in errors[name]
    assert report.checked == [str(tmp_path / "ok.json")]
    assert [f.rule for f in report.findings] == ["sample-miracle"]


def test_yaml_alias_bomb_is_read_once(tmp_path):
    bomb = 'a: &a ["miracle", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    names = "abcdefghij"
    for prev, name in zip(names, names[1:]):
        bomb += f"{name}: &{name} [" + ", ".join(["*" + prev] * 9) + "]\n"
    report = lint_dir(tmp_path, {"bomb.yaml": bomb})
    assert not report.errors
    assert [(f.line, f.column, f.pointer) for f in report.findings] == [(1, 9, "/a/0")]


def test_xml_entity_expansion_is_refused(tmp_path):
    pytest.importorskip("defusedxml", reason="WXR needs defusedxml (pip install 'exolint[data]')")
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "miracle miracle">'
            '<!ENTITY b "&a;&a;&a;&a;">]>\n<rss><channel><item><title>&b;</title></item>'
            '</channel></rss>\n')
    external = ('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                '<rss><channel><item><title>&x;</title></item></channel></rss>\n')
    report = lint_dir(tmp_path, {"bomb.xml": bomb, "external.xml": external,
                                 "broken.xml": "<rss>\n<channel></rss>\n",
                                 "sitemap.xml": "<urlset><url><loc>x</loc></url></urlset>"})
    errors = {e.path.rsplit("/", 1)[-1]: e.message for e in report.errors}
    assert errors["bomb.xml"].startswith("XML refused: EntitiesForbidden")
    assert errors["external.xml"].startswith("XML refused: EntitiesForbidden")
    assert errors["broken.xml"] == "invalid XML (line 2, column 12): mismatched tag"
    assert errors["sitemap.xml"].startswith("not a WordPress export (WXR)")
    assert report.findings == []


def test_bom_crlf_and_windows_1252(tmp_path):
    report = lint_dir(tmp_path, {
        "bom.json": b'\xef\xbb\xbf{"t": "a miracle"}',
        "crlf.yaml": b"title: >\r\n  a quiet\r\n  miracle serum\r\n",
        "crlf.csv": b'Title,Body (HTML)\r\nSerum,"<p>One</p>\r\n<p>A miracle</p>"\r\n',
        "cp1252.json": '{"t": "caf\xe9 \u201cmiracle\u201d"}'.encode("cp1252"),
    })
    assert not report.errors
    got = {f.path.rsplit("/", 1)[-1]: (f.line, f.column, f.end_column) for f in report.findings}
    assert got == {"bom.json": (1, 10, 17), "crlf.yaml": (3, 3, 10), "crlf.csv": (3, 6, 13),
                   "cp1252.json": (1, 14, 21)}
    assert [n.message for n in report.notes] == ["not valid UTF-8 (byte 10); decoded as Windows-1252"]


def test_cli_reports_bad_files_without_traceback(run_cli, tmp_path):
    (tmp_path / "bad.json").write_text('{"a": }')
    (tmp_path / "ok.po").write_text('msgid "x"\nmsgstr "A miracle"\n')
    code, out, err = run_cli("check", "--format", "json", tmp_path / "bad.json", tmp_path / "ok.po")
    assert code == 2 and "Traceback" not in err
    data = json.loads(out)
    assert data["errors"] == [{"path": str(tmp_path / "bad.json"),
                               "message": "invalid JSON (line 1, column 7): Expecting value"}]
    assert data["files_checked"] == 1 and data["findings"][0]["pointer"] == "/x"
