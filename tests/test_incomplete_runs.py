"""A rule that hits its time limit leaves the check incomplete (issue 18, class 3): every report
says so and the exit code is 2, unless ``--on-timeout findings`` lets findings make it 1."""
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from exolint.api import LintReport
from exolint.cli.commands import exit_code
from exolint.match.engine import RuleTimeout
from exolint.findings import Finding
from exolint.report import REPORTERS
from exolint.report.text import summary_line

from conftest import SAMPLE_RULES

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
STUCK = "break" + "a" * 40 + "x"


@pytest.fixture(scope="module")
def runaway_rules(tmp_path_factory):
    rules = tmp_path_factory.mktemp("rules")
    pack = (SAMPLE_RULES / "sample.toml").read_text(encoding="utf-8")
    (rules / "sample.toml").write_text(pack.replace("patterns = ['breakthrough']",
                                                    "patterns = ['break(?:(?:a|aa)+)+c']"), encoding="utf-8")
    (rules / "_contexts.toml").write_text((SAMPLE_RULES / "_contexts.toml").read_text(encoding="utf-8"))
    return rules


def run(run_cli, rules, page, *extra):
    return run_cli("check", "--no-bundled-rules", "--rules", rules, *extra, page)


def test_json_lists_the_time_out_and_the_exit_code_is_2(tmp_path, run_cli, runaway_rules):
    page = tmp_path / "page.txt"
    page.write_text(f"{STUCK} and a miracle", encoding="utf-8")
    code, out, err = run(run_cli, runaway_rules, page, "--format", "json")
    assert "Traceback" not in err
    data = json.loads(out)
    assert code == 2  # incomplete, although a finding alone would make it 1
    assert [f["rule"] for f in data["findings"]] == ["sample-miracle"]
    [t] = data["timeouts"]
    assert t["path"] == str(page) and t["rule"] == "sample-breakthrough" and "time limit" in t["message"]


def test_on_timeout_findings_lets_findings_decide(tmp_path, run_cli, runaway_rules):
    page = tmp_path / "page.txt"
    page.write_text(f"{STUCK} and a miracle", encoding="utf-8")
    assert run(run_cli, runaway_rules, page, "--on-timeout", "findings")[0] == 1
    calm = tmp_path / "calm.txt"
    calm.write_text(f"{STUCK} and gentle care", encoding="utf-8")
    assert run(run_cli, runaway_rules, calm, "--on-timeout", "findings")[0] == 2  # no findings: still incomplete
    assert run(run_cli, runaway_rules, calm)[0] == 2


def test_sarif_reports_the_time_out_from_the_command_line(tmp_path, run_cli, runaway_rules):
    page = tmp_path / "page.txt"
    page.write_text(f"{STUCK} and gentle care", encoding="utf-8")
    code, out, _ = run(run_cli, runaway_rules, page, "--format", "sarif")
    assert code == 2
    doc = json.loads(out)
    jsonschema.Draft7Validator(SCHEMA).validate(doc)
    invocation = doc["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "warning" and note["associatedRule"] == {"id": "sample-breakthrough"}
    assert "time limit" in note["message"]["text"]


def _report_with_time_out():
    report = LintReport(files_checked=1, checked=["a.md"])
    report.timeouts.append(RuleTimeout("slow-rule", "a.md"))
    return report


def test_other_formats_and_the_summary_show_it():
    report = _report_with_time_out()
    root = ET.fromstring(REPORTERS["junit"](report))
    assert root.get("errors") == "1" and [e.get("type") for e in root.iter("error")] == ["rule-time-limit"]
    assert root.find("testsuite/testcase").get("name") == "slow-rule time limit"
    [issue] = json.loads(REPORTERS["gitlab"](report))
    assert issue["check_name"] == "exolint-rule-time-limit" and issue["location"]["path"] == "a.md"
    assert "::error file=a.md,title=exolint%3A file checked only in part::rule 'slow-rule'" in REPORTERS["github"](report)
    assert summary_line(report) == ("No problems found in 1 file. Incomplete: 1 rule time limit hit in 1 file.")
    assert "Incomplete" in REPORTERS["text"](report)


@pytest.mark.parametrize("errors, timeouts, findings, on_timeout, write_baseline, expected", [
    (0, 0, 0, "incomplete", False, 0),
    (0, 0, 1, "incomplete", False, 1),
    (0, 1, 0, "incomplete", False, 2),
    (0, 1, 1, "incomplete", False, 2),
    (0, 1, 1, "findings", False, 1),
    (0, 1, 0, "findings", False, 2),
    (1, 0, 1, "findings", False, 2),
    (1, 1, 1, "findings", False, 2),
    (0, 1, 1, "findings", True, 2),  # writing a baseline: findings do not count, the time-out does
    (0, 0, 1, "incomplete", True, 0),
])
def test_exit_code_table(errors, timeouts, findings, on_timeout, write_baseline, expected):
    from exolint.findings import FileError

    report = LintReport(files_checked=1)
    report.errors = [FileError("b.md", "unreadable")] * errors
    report.timeouts = [RuleTimeout("r", "a.md")] * timeouts
    report.findings = [Finding("a.md", 1, 1, 1, 2, "r", "c", "warning", "m", "x", "")] * findings
    assert exit_code(report, "warning", write_baseline=write_baseline, on_timeout=on_timeout) == expected
