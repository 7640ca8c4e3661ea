"""The CLI's exit codes, options and both core output formats."""
import json

import pytest

from conftest import REPO, SAMPLE_RULES

RULES = ["--no-bundled-rules", "--rules", str(SAMPLE_RULES)]
RISKY = "Our serum has no known\nside effects.\nA breakthrough!\n"


@pytest.fixture
def page(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(RISKY, encoding="utf-8")
    return p


def test_findings_exit_1_and_text_format(run_cli, page):
    code, out, err = run_cli("check", *RULES, page)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (f"{page}:1:15: error [sample-no-side-effects] "
                        "'no known side effects' is an absolute safety claim.")
    assert lines[1] == "    1 | Our serum has no known"
    assert lines[2] == " " * 8 + " " * 14 + "^" * 8
    assert "= suggestion: Most clients notice only mild redness for a day." in out
    assert lines[-1] == "Found 2 problems (1 error, 1 info) in 1 of 1 file checked."
    assert "\033[" not in out  # not a TTY: no colour


def test_clean_file_exits_0(run_cli, tmp_path):
    p = tmp_path / "ok.md"
    p.write_text("Helps skin look smoother.\n")
    code, out, _ = run_cli("check", *RULES, p)
    assert code == 0
    assert out.strip() == "No problems found in 1 file."


@pytest.mark.parametrize("level,expected", [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_levels(run_cli, page, level, expected):
    assert run_cli("check", *RULES, "--fail-on", level, page)[0] == expected


def test_fail_on_ignores_lower_severities(run_cli, tmp_path):
    p = tmp_path / "info-only.txt"
    p.write_text("A breakthrough.\n")
    assert run_cli("check", *RULES, "--fail-on", "warning", p)[0] == 0
    assert run_cli("check", *RULES, "--fail-on", "info", p)[0] == 1


def test_json_contract(run_cli, page):
    code, out, _ = run_cli("check", *RULES, "--format", "json", page)
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 1 and data["files_checked"] == 1 and data["errors"] == []
    first = data["findings"][0]
    assert {k: first[k] for k in ("path", "line", "column", "end_line", "end_column", "rule",
                                  "category", "severity", "match")} == {
        "path": str(page), "line": 1, "column": 15, "end_line": 2, "end_column": 13,
        "rule": "sample-no-side-effects", "category": "absolute_safety", "severity": "error",
        "match": "no known\nside effects"}
    assert first["message"] and first["suggestion"]
    assert [f["rule"] for f in data["findings"]] == ["sample-no-side-effects", "sample-breakthrough"]


def test_unreadable_file_exits_2_but_others_are_reported(run_cli, page, tmp_path):
    code, out, _ = run_cli("check", *RULES, "--format", "json", page, tmp_path / "missing.txt")
    assert code == 2
    data = json.loads(out)
    assert len(data["findings"]) == 2
    assert data["errors"] == [{"path": str(tmp_path / "missing.txt"), "message": "no such file or directory"}]


def test_select_and_ignore_by_id_and_category(run_cli, page):
    def rules_of(*args):
        return [f["rule"] for f in json.loads(run_cli("check", *RULES, "--format", "json", *args, page)[1])["findings"]]

    assert rules_of("--select", "hype") == ["sample-breakthrough"]
    assert rules_of("--ignore", "hype") == ["sample-no-side-effects"]
    assert rules_of("--select", "sample-no-side-effects,sample-breakthrough", "--ignore", "sample-breakthrough") == [
        "sample-no-side-effects"]


def test_unknown_select_is_a_usage_error(run_cli, page):
    code, _, err = run_cli("check", *RULES, "--select", "nonsense", page)
    assert code == 2 and "'nonsense' is neither a rule id nor a category" in err


def test_market_option(run_cli, tmp_path):
    p = tmp_path / "uk.txt"
    p.write_text("Serum of umbilical-cord derived exosomes.\n")
    assert run_cli("check", *RULES, "--market", "US", p)[0] == 0
    code, out, _ = run_cli("check", *RULES, "--market", "US,UK", "--format", "json", p)
    assert code == 1 and json.loads(out)["findings"][0]["market"] == "UK,US"
    code, _, err = run_cli("check", *RULES, "--market", "FR", p)
    assert code == 2 and "unknown market 'FR'" in err


def test_stdin(run_cli):
    code, out, _ = run_cli("check", *RULES, "--stdin-filename", "draft.txt", "--format", "json", "-",
                           input="Zero side effects!\n")
    assert code == 1
    [f] = json.loads(out)["findings"]
    assert f["path"] == "draft.txt" and f["column"] == 1


def test_folder_walk_skips_hidden_and_node_modules(run_cli, tmp_path):
    (tmp_path / "a.md").write_text("A miracle.\n")
    (tmp_path / "notes.py").write_text("# a miracle\n")
    for d in (".git", "node_modules", ".cache"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "b.md").write_text("A miracle.\n")
    code, out, _ = run_cli("check", *RULES, "--format", "json", tmp_path)
    data = json.loads(out)
    assert data["files_checked"] == 1
    assert [f["path"] for f in data["findings"]] == [str(tmp_path / "a.md")]


def test_no_color_env_and_flag(run_cli, page):
    for args, env in ((("--no-color",), {}), ((), {"NO_COLOR": "1"})):
        _, out, _ = run_cli("check", *RULES, *args, page, env=env)
        assert "\033[" not in out


def test_bad_rule_file_exits_2_with_location(run_cli, tmp_path, page):
    bad = tmp_path / "rules"
    bad.mkdir()
    text = (SAMPLE_RULES / "sample.toml").read_text().replace('category = "hype"', 'category = "nope"', 1)
    (bad / "p.toml").write_text(text)
    (bad / "_contexts.toml").write_text((SAMPLE_RULES / "_contexts.toml").read_text())
    line = text.splitlines().index('category = "nope"') + 1
    code, out, err = run_cli("check", "--no-bundled-rules", "--rules", bad, page)
    assert code == 2 and out == ""
    assert f"{bad / 'p.toml'}:{line}: rule 'sample-miracle', field 'category': unknown category 'nope'" in err
    assert "Traceback" not in err


def test_rules_and_explain(run_cli):
    code, out, _ = run_cli("rules", *RULES)
    assert code == 0
    assert any(line.split()[:4] == ["sample-human-origin", "human_derived", "error", "EU,UK"]
               for line in out.splitlines())
    code, out, _ = run_cli("explain", *RULES, "sample-no-side-effects")
    assert code == 0
    for part in ("Why it is risky", "No treatment is free of side effects.", "Write instead",
                 "https://www.tga.gov.au/", "There are no known side effects."):
        assert part in out
    code, _, err = run_cli("explain", *RULES, "no-side")
    assert code == 2 and "sample-no-side-effects" in err


def test_test_rules_fails_on_a_broken_example(run_cli, tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    text = (SAMPLE_RULES / "sample.toml").read_text().replace(
        'pass = ["Side effects are mild.",', 'pass = ["Zero side effects.",')
    (folder / "sample.toml").write_text(text)
    (folder / "_contexts.toml").write_text((SAMPLE_RULES / "_contexts.toml").read_text())
    code, out, _ = run_cli("test-rules", folder)
    assert code == 1
    assert "FAIL sample-no-side-effects [pass] 'Zero side effects.'" in out
    code, out, _ = run_cli("test-rules", SAMPLE_RULES)
    assert code == 0 and "0 failed" in out


def test_a_missing_dependency_stops_the_run_with_a_clear_message(monkeypatch):
    """Libraries are imported on first use; a broken installation must not fail half-way."""
    import importlib.util

    from click.testing import CliRunner

    from exolint.cli.commands import main

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "ahocorasick_rs" else real(name, *a))
    result = CliRunner().invoke(main, ["check", "examples/"])
    assert result.exit_code == 2
    assert "missing required package: ahocorasick-rs" in result.output
    assert "Traceback" not in result.output


def test_standard_input_is_checked_as_the_file_would_be(tmp_path, run_cli):
    """'-' with --stdin-filename goes the way a file does: its settings, sparse reading and,
    for a page of 1 MB and more, sections; the report is the file's."""
    import random
    import sys as _sys

    _sys.path.insert(0, str(REPO / "benchmarks"))
    import generate_corpus

    writer = generate_corpus.Writer(random.Random(5), 8)
    pages = [generate_corpus.markdown_page(writer, i, 6000) for i in range(190)]
    text = pages[0] + "".join(p[p.index("\n---\n", 3) + 5:] for p in pages[1:])
    text += "\n<!-- exolint-disable-next-line -->\nOur serum is a miracle.\n"
    text = text.replace("---\n", "---\ntagline: The miracle serum\n", 1)  # copy by the config
    assert len(text) > 1 << 20
    (tmp_path / "page.md").write_text(text, encoding="utf-8")
    (tmp_path / "exolint.toml").write_text('front-matter-fields = ["title", "tagline"]\n', encoding="utf-8")
    code, out, err = run_cli("check", "--format", "json", "page.md", cwd=tmp_path)
    from_file = json.loads(out)
    code2, out2, err2 = run_cli("check", "--format", "json", "--stdin-filename", "page.md", "-",
                                input=text, cwd=tmp_path)
    from_stdin = json.loads(out2)
    assert code == code2 == 1 and from_file["findings"]
    assert from_stdin == from_file
    assert from_file["findings"][0]["line"] == 2 and from_file["findings"][0]["match"] == "miracle"
