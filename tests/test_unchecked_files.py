"""Files that were not checked never look like success (issue 18, class 2).

UTF-16/UTF-32 without a byte-order mark is decoded; other text holding NUL bytes is an error;
every file not checked, or skipped, appears in every machine-readable format, and the text
summary never reads as a clean run.
"""
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from exolint.report import REPORTERS
from exolint.report.text import summary_line
from exolint.sources import UnreadableFile, decode_bytes

from ci_helpers import RULES_ARGS, lint_folder

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
COPY = "Our serum, a miracle.\r\nCafé crème — naïve ✓ 日本 😀\nZero side effects.\n"
NUL_TEXT = b"A miracle\x00 serum with a stray NUL byte.\n"


# --- decoding ---------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_bom_are_decoded_with_a_note(encoding):
    text, notes = decode_bytes(COPY.encode(encoding))
    assert text == COPY
    assert notes == [f"no byte-order mark; decoded as {encoding.upper()}"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_wide_encoding_of_mostly_non_latin_copy(encoding):
    copy = "Сыворотка-чудо, никаких побочных эффектов.\n"
    assert decode_bytes(copy.encode(encoding))[0] == copy


@pytest.mark.parametrize("data", [
    NUL_TEXT,  # text with a NUL inside
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # an image renamed .md
    b"a\x00b",  # odd length: no wide encoding fits
    bytes(range(256)) * 3,  # every byte
    "A miracle".encode("utf-16-le") + b"\x00\x00\x01\x00",  # UTF-16 with a control character
    b"\x00" * 64,  # only NULs
])
def test_nul_holding_data_that_is_not_wide_text_is_an_error(data):
    with pytest.raises(UnreadableFile, match="NUL bytes.*not checked"):
        decode_bytes(data)


def test_utf16_without_bom_is_checked_end_to_end(tmp_path, run_cli):
    page = tmp_path / "export.md"
    page.write_bytes(COPY.encode("utf-16-le"))
    code, out, err = run_cli("check", *RULES_ARGS, "--format", "json", page)
    data = json.loads(out)
    assert code == 1 and data["errors"] == [] and data["files_checked"] == 1
    assert [(f["rule"], f["line"], f["column"]) for f in data["findings"]] == [
        ("sample-miracle", 1, 14), ("sample-no-side-effects", 3, 1)]
    assert data["notes"] == [{"path": str(page), "message": "no byte-order mark; decoded as UTF-16-LE"}]


# --- every format shows a file that was not checked -------------------------------------------

@pytest.fixture
def mixed(tmp_path):
    """One page with NUL bytes (not checked) and one clean page (checked)."""
    (tmp_path / "broken.md").write_bytes(NUL_TEXT)
    (tmp_path / "fine.md").write_text("Gentle care for every skin.\n", encoding="utf-8")
    return tmp_path


def test_json_lists_the_file_and_exits_2(mixed, run_cli):
    code, out, err = run_cli("check", *RULES_ARGS, "--format", "json", mixed)
    data = json.loads(out)
    assert code == 2 and "Traceback" not in err
    assert data["files_checked"] == 1 and data["findings"] == []
    assert [e["path"] for e in data["errors"]] == [str(mixed / "broken.md")]


def test_stdin_and_files_give_the_same_error(mixed, run_cli):
    _, out, _ = run_cli("check", *RULES_ARGS, "--format", "json", mixed / "broken.md")
    code, out_stdin, _ = run_cli("check", *RULES_ARGS, "--format", "json", "-", input=NUL_TEXT.decode())
    assert code == 2
    assert json.loads(out_stdin)["errors"][0]["message"] == json.loads(out)["errors"][0]["message"]


def test_text_summary_never_reads_as_clean(mixed, run_cli):
    code, out, _ = run_cli("check", *RULES_ARGS, mixed / "broken.md")
    assert code == 2
    assert "No problems found in 0 files" not in out
    assert out.strip().splitlines()[-1] == "Nothing was checked. 1 file could not be read."
    code, out, _ = run_cli("check", *RULES_ARGS, mixed)
    assert out.strip().splitlines()[-1] == "No problems found in the 1 file checked. 1 file could not be read."


def test_sarif_notification_and_unsuccessful_execution(mixed):
    report, ruleset = lint_folder([mixed])
    doc = json.loads(REPORTERS["sarif"](report, ruleset))
    jsonschema.Draft7Validator(SCHEMA).validate(doc)
    invocation = doc["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "NUL" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("broken.md")


def test_junit_gitlab_and_github_show_it(mixed):
    report, ruleset = lint_folder([mixed])
    root = ET.fromstring(REPORTERS["junit"](report, ruleset))
    assert root.get("errors") == "1"
    [error] = root.iter("error")
    assert "NUL" in error.get("message")
    issues = json.loads(REPORTERS["gitlab"](report, ruleset))
    [issue] = issues
    assert issue["check_name"] == "exolint-file-not-checked" and issue["severity"] == "critical"
    assert issue["location"]["path"].endswith("broken.md")
    github = REPORTERS["github"](report, ruleset)
    assert "::error file=" in github and "broken.md" in github and "title=exolint%3A file not checked" in github


def test_a_skipped_word_lock_file_is_in_every_format(tmp_path, run_cli):
    (tmp_path / "~$draft.docx").write_bytes(b"\x05Editor" + b"\x00" * 100)
    (tmp_path / "page.md").write_text("Gentle care.\n", encoding="utf-8")
    code, out, _ = run_cli("check", *RULES_ARGS, "--format", "json", tmp_path)
    data = json.loads(out)
    assert code == 0  # a lock file is not a draft: skipped on purpose, not an error
    assert [n["path"] for n in data["notes"]] == [str(tmp_path / "~$draft.docx")]
    report, ruleset = lint_folder([tmp_path])
    notes = json.loads(REPORTERS["sarif"](report, ruleset))["runs"][0]["invocations"][0]
    assert [n["level"] for n in notes["toolExecutionNotifications"]] == ["note"]
    assert notes["executionSuccessful"] is True
    root = ET.fromstring(REPORTERS["junit"](report, ruleset))
    assert root.get("skipped") == "1" and len(list(root.iter("skipped"))) == 1
    assert [i["check_name"] for i in json.loads(REPORTERS["gitlab"](report, ruleset))] == ["exolint-file-skipped"]
    assert "::warning file=" in REPORTERS["github"](report, ruleset)
    assert summary_line(report) == "No problems found in the 1 file checked. 1 file skipped."


def test_decoding_notes_about_checked_files_are_not_skips(tmp_path):
    (tmp_path / "word.txt").write_bytes(b"It\x92s gentle.")
    report, ruleset = lint_folder([tmp_path])
    assert report.notes and summary_line(report) == "No problems found in 1 file."
    root = ET.fromstring(REPORTERS["junit"](report, ruleset))
    assert root.get("skipped") == "0"
