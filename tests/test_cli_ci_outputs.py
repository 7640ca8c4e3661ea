"""--output, and exit codes 0/1/2 in every output format."""
import json

import pytest

from exolint.report import REPORTERS

from ci_helpers import RULES_ARGS

FORMATS = sorted(REPORTERS)


def test_every_ci_format_is_registered():
    assert {"text", "json", "sarif", "github", "junit", "gitlab"} <= set(FORMATS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_exit_codes_are_the_same_in_every_format(fmt, tmp_path, run_cli):
    (tmp_path / "risky.md").write_text("No known side effects.\n", encoding="utf-8")
    (tmp_path / "ok.md").write_text("Helps skin look smoother.\n", encoding="utf-8")
    assert run_cli("check", *RULES_ARGS, "--format", fmt, "risky.md", cwd=tmp_path)[0] == 1
    assert run_cli("check", *RULES_ARGS, "--format", fmt, "ok.md", cwd=tmp_path)[0] == 0
    assert run_cli("check", *RULES_ARGS, "--format", fmt, "--fail-on", "never", "risky.md", cwd=tmp_path)[0] == 0
    assert run_cli("check", *RULES_ARGS, "--format", fmt, "missing.md", cwd=tmp_path)[0] == 2


@pytest.mark.parametrize("fmt", ["sarif", "gitlab", "junit", "text"])
def test_output_file_gets_the_report_and_terminal_the_summary(fmt, tmp_path, run_cli):
    (tmp_path / "risky.md").write_text("No known side effects.\n", encoding="utf-8")
    code, out, err = run_cli("check", *RULES_ARGS, "--format", fmt, "--output", "report.out", "risky.md",
                             cwd=tmp_path)
    assert code == 1
    assert out == "Found 1 problem (1 error) in 1 of 1 file checked.\n"
    assert f"{fmt} report written to report.out" in err
    written = (tmp_path / "report.out").read_text(encoding="utf-8")
    if fmt in ("sarif", "gitlab"):
        json.loads(written)
    assert "sample-no-side-effects" in written


def test_unwritable_output_is_a_clear_error(tmp_path, run_cli):
    (tmp_path / "risky.md").write_text("No known side effects.\n", encoding="utf-8")
    code, _, err = run_cli("check", *RULES_ARGS, "--format", "sarif", "--output", "no/such/dir/r.sarif",
                           "risky.md", cwd=tmp_path)
    assert code == 2
    assert "no/such/dir/r.sarif: cannot write report" in err
    assert "Traceback" not in err
