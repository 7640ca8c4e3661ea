"""GitHub Actions workflow commands: format, escaping, severities, automatic choice."""
import re

from exolint.findings import FileError
from exolint.report.github import command, escape_data, escape_property, render

from ci_helpers import RULES_ARGS, foreign_finding, lint_folder


def test_escaping_follows_the_actions_toolkit():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert command("error", "x,y: 5%", file="dir/a,b:c.md", line=3) == \
        "::error file=dir/a%2Cb%3Ac.md,line=3::x,y: 5%25"


def test_one_command_per_finding_with_positions_and_levels(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Intro.\n\nOur serum has no known side effects.\n", encoding="utf-8")
    report, ruleset = lint_folder([page])
    report.findings.append(foreign_finding(str(page), line=1))
    report.errors.append(FileError("gone.md", "no such file or directory"))
    lines = render(report, ruleset).splitlines()
    assert lines[0] == (f"::error file={escape_property(str(page))},line=3,col=15,endLine=3,endColumn=36,"
                        "title=exolint%3A sample-no-side-effects (absolute_safety)::"
                        "'no known side effects' is an absolute safety claim.%0A"
                        "Suggestion: Most clients notice only mild redness for a day.")
    assert lines[1].startswith("::notice file=") and "unused-suppression" in lines[1]
    assert lines[2] == "::error file=gone.md,title=exolint%3A file not checked::no such file or directory"
    assert lines[3].startswith("Found 2 problems")


def test_chosen_when_github_actions_is_true(tmp_path, run_cli):
    (tmp_path / "a.md").write_text("Zero side-effects!\n", encoding="utf-8")
    code, out, _ = run_cli("check", *RULES_ARGS, "a.md", cwd=tmp_path, env={"GITHUB_ACTIONS": "true"})
    assert code == 1
    assert re.match(r"::error file=a\.md,line=1,col=1,endLine=1,endColumn=18,title=", out)
    code, out, _ = run_cli("check", *RULES_ARGS, "a.md", cwd=tmp_path)
    assert code == 1 and out.startswith("a.md:1:1: error [sample-no-side-effects]")
    code, out, _ = run_cli("check", *RULES_ARGS, "--format", "text", "a.md", cwd=tmp_path,
                           env={"GITHUB_ACTIONS": "true"})
    assert out.startswith("a.md:1:1: error")
