"""JUnit XML for GitLab and Jenkins: a suite per file, a failed case per finding."""
import xml.etree.ElementTree as ET

from exolint.findings import FileError
from exolint.report.junit import render

from ci_helpers import lint_folder


def test_junit_suites_cases_and_counts(tmp_path):
    risky, clean = tmp_path / "risky.md", tmp_path / "clean.md"
    risky.write_text("No known side effects.\nZero side-effects & <more>.\n", encoding="utf-8")
    clean.write_text("Helps skin look smoother.\n", encoding="utf-8")
    report, ruleset = lint_folder([risky, clean])
    report.errors.append(FileError("bad.docx", "not a Word file"))
    root = ET.fromstring(render(report, ruleset).encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "1")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {str(risky), str(clean), "bad.docx"}
    cases = suites[str(risky)].findall("testcase")
    assert [c.get("name") for c in cases] == ["sample-no-side-effects at 1:1", "sample-no-side-effects at 2:1"]
    failure = cases[0].find("failure")
    assert failure.get("type") == "error"
    assert failure.get("message") == "'No known side effects' is an absolute safety claim."
    assert "why: No treatment is free of side effects." in failure.text
    assert suites[str(clean)].get("failures") == "0"
    assert suites[str(clean)].find("testcase").find("failure") is None
    assert suites["bad.docx"].find("testcase/error").get("message") == "not a Word file"
