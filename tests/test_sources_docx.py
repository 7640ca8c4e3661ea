"""Word drafts: what is read, and positions as paragraph (and table cell) and column."""
import json
import zipfile

import pytest

pytest.importorskip("docx", reason="python-docx is not installed")

from conftest import SAMPLE_RULES  # noqa: E402
from docx_builder import CELL_OF_PARAGRAPH, EXPECTED, build_draft  # noqa: E402

from exolint.api import LintOptions, lint_file, lint_paths  # noqa: E402
from exolint.ruleset import RuleSet  # noqa: E402
from exolint.sources import DEFAULT_EXTENSIONS, read_document  # noqa: E402

RULES = ["--no-bundled-rules", "--rules", str(SAMPLE_RULES)]


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.docx"
    build_draft(path)
    return path


@pytest.fixture
def ruleset():
    return RuleSet.load([SAMPLE_RULES], include_bundled=False)


def test_source_is_one_line_per_paragraph_with_text(draft):
    doc = read_document(str(draft))
    lines = doc.source.split("\n")
    assert lines[0] == "Exosome glow facial"
    assert lines[2] == "Our serum feels light. Our miracle serum."  # line break -> space
    assert lines[3:6] == ["Step", "Glow", "A breakthrough peel."]
    assert lines[6].strip() == "Tracked changes: zero side effects."
    assert doc.location_label == "paragraph"
    assert doc.line_notes == CELL_OF_PARAGRAPH


def test_headers_footers_comments_and_deletions_are_not_read(draft):
    doc = read_document(str(draft))
    assert "Header" not in doc.text and "Footer" not in doc.text
    assert "Comment" not in doc.text
    assert "at all" not in doc.text  # the tracked deletion
    # the draft really holds them, so the test would notice if they were read
    with zipfile.ZipFile(draft) as z:
        parts = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                         if n.endswith(".xml"))
    assert "Header: a miracle serum" in parts and "no side effects at all" in parts


def test_paragraphs_do_not_join_into_one_sentence(draft):
    doc = read_document(str(draft))
    assert "Step\n\nGlow" in doc.text  # a blank line: a hard sentence boundary


def test_positions_are_paragraph_and_column(draft, ruleset):
    result = lint_file(str(draft), ruleset, LintOptions())
    assert result.checked and not result.errors
    got = {f.match: (f.line, f.column, f.end_column) for f in result.findings}
    assert got == EXPECTED


def test_json_line_is_the_paragraph_number(run_cli, draft):
    code, out, _ = run_cli("check", *RULES, "--format", "json", draft)
    assert code == 1
    found = {f["match"]: (f["line"], f["column"], f["end_column"]) for f in json.loads(out)["findings"]}
    assert found == EXPECTED


def test_text_output_names_paragraph_and_table_cell(run_cli, draft):
    code, out, _ = run_cli("check", *RULES, draft)
    assert code == 1
    assert (f"{draft}: paragraph 6 (table 1, row 2, cell 2), column 3: info [sample-breakthrough]"
            in out)
    assert f"{draft}: paragraph 2, column 17: error [sample-no-side-effects]" in out
    assert "    6 | A breakthrough peel." in out


def test_docx_is_found_in_folders_by_default(draft, ruleset):
    assert ".docx" in DEFAULT_EXTENSIONS
    report = lint_paths([str(draft.parent)], ruleset, LintOptions(jobs=1))
    assert report.files_checked == 1
    assert len(report.findings) == len(EXPECTED)


def test_stdin_docx_by_filename(run_cli, draft):
    import subprocess
    import sys
    proc = subprocess.run([sys.executable, "-m", "exolint", "check", *RULES, "--format", "json",
                           "--stdin-filename", "draft.docx", "-"], input=draft.read_bytes(),
                          capture_output=True)
    assert proc.returncode == 1, proc.stderr
    assert len(json.loads(proc.stdout)["findings"]) == len(EXPECTED)


@pytest.mark.parametrize("content,expected", [
    (b"plain text pretending", "not a Word .docx file"),
    (b"PK\x03\x04 truncated zip", "not a readable Word .docx file"),
])
def test_broken_docx_is_a_clear_error_not_a_traceback(run_cli, tmp_path, content, expected):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(content)
    code, out, err = run_cli("check", *RULES, bad)
    assert code == 2
    assert "Traceback" not in out + err
    assert f"{bad}: error: {expected}" in out


def test_zip_without_word_document_is_a_clear_error(run_cli, tmp_path):
    bad = tmp_path / "notword.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("hello.txt", "hi")
    code, out, err = run_cli("check", *RULES, bad)
    assert code == 2 and "Traceback" not in err
    assert "not a readable Word .docx file" in out


def test_word_lock_file_is_skipped_with_a_note(run_cli, tmp_path, draft):
    lock = tmp_path / "~$draft.docx"
    lock.write_bytes(b"\x05Editor" + b"\x00" * 100)
    code, out, err = run_cli("check", *RULES, "--format", "json", tmp_path)
    data = json.loads(out)
    assert data["files_checked"] == 1 and not data["errors"]
    assert "Word lock file" in err
