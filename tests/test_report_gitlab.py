"""GitLab Code Quality JSON: the fields GitLab reads, severities, unique fingerprints."""
import json

from exolint.report.gitlab import render

from ci_helpers import RULES_ARGS, foreign_finding, lint_folder


def test_gitlab_issues(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("No known side effects.\n\nNo known side effects, really.\n", encoding="utf-8")
    b.write_text("No known side effects.\n", encoding="utf-8")
    report, ruleset = lint_folder([a, b])
    report.findings.append(foreign_finding(str(b), line=1))
    issues = json.loads(render(report, ruleset))
    assert len(issues) == 4
    first = issues[0]
    assert first["check_name"] == "sample-no-side-effects"
    assert first["description"].startswith("'No known side effects' is an absolute safety claim.")
    assert first["severity"] == "critical"
    assert first["location"] == {"path": str(a).replace("\\", "/"), "lines": {"begin": 1, "end": 1}}
    assert issues[1]["location"]["lines"]["begin"] == 3
    assert "No treatment is free of side effects." in first["content"]["body"]
    assert len({i["fingerprint"] for i in issues}) == 4  # same text, other occurrence or file
    assert issues[3]["severity"] == "info" and issues[3]["check_name"] == "unused-suppression"
    assert "content" not in issues[3]
    for issue in issues:
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}


def test_gitlab_relative_paths_from_cli(tmp_path, run_cli):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("Zero side-effects!\n", encoding="utf-8")
    code, out, _ = run_cli("check", *RULES_ARGS, "--format", "gitlab", "./docs", cwd=tmp_path)
    assert code == 1
    assert json.loads(out)[0]["location"]["path"] == "docs/a.md"
