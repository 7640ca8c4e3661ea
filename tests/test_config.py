"""Configuration: discovery (nearest wins), overrides, market precedence, include/exclude,
.gitignore, `exolint config`, and an exit-2 error naming file and key for every bad value."""
import json
from pathlib import Path

import pytest

from exolint.api import LintOptions, lint_paths
from exolint.config.settings import Config, ConfigError

from sources_helpers import SAMPLE_RULES, sample_ruleset

RISKY = "Umbilical-cord derived exosomes. No side effects.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(paths, **options):
    report = lint_paths([str(p) for p in paths], sample_ruleset(),
                        LintOptions(jobs=1, config=options.pop("config", Config()), **options))
    return report


def test_nearest_config_wins_and_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "exolint.toml", 'markets = ["US"]\n')
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path / "sub" / "deeper" / ".exolint.toml", 'markets = ["UK"]\n')
    assert Config().for_path(str(tmp_path / "sub" / "a.md")).markets == frozenset({"US"})
    settings = Config().for_path(str(tmp_path / "sub" / "deeper" / "a.md"))
    assert settings.markets == frozenset({"UK"})
    assert settings.origins["markets"] == str(tmp_path / "sub" / "deeper" / ".exolint.toml")


def test_pyproject_tool_exolint_table(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.exolint]\nignore = ["human_derived"]\n')
    page = write(tmp_path / "a.md", RISKY)
    assert [f.rule for f in run([page]).findings] == ["sample-no-side-effects"]


def test_market_precedence(tmp_path):
    write(tmp_path / "exolint.toml", 'markets = ["US"]\n\n[[overrides]]\npaths = ["eu/**"]\n'
                                     'markets = ["EU"]\n')
    plain = write(tmp_path / "plain.md", RISKY)  # config default: US
    uk_page = write(tmp_path / "uk.md", "---\nmarket: UK\n---\n" + RISKY)  # page's own beats it
    eu_page = write(tmp_path / "eu" / "p.md", "---\nmarket: US\n---\n" + RISKY)  # override wins
    report = run([plain, uk_page, eu_page])
    markets = {(Path(f.path).name, f.rule): f.market for f in report.findings}
    assert markets == {("plain.md", "sample-no-side-effects"): "US",
                       ("uk.md", "sample-human-origin"): "UK", ("uk.md", "sample-no-side-effects"): "UK",
                       ("p.md", "sample-human-origin"): "EU", ("p.md", "sample-no-side-effects"): "EU"}
    forced = run([eu_page], markets=frozenset({"CA"}))  # --market beats everything
    assert {f.market for f in forced.findings} == {"CA"}


def test_override_select_ignore_and_severity(tmp_path):
    write(tmp_path / "exolint.toml", '[severity]\nabsolute_safety = "info"\n\n'
                                     '[[overrides]]\npaths = ["legacy/"]\nignore = ["absolute_safety"]\n'
                                     'severity = { sample-human-origin = "warning" }\n')
    a = write(tmp_path / "a.md", RISKY)
    b = write(tmp_path / "legacy" / "b.md", RISKY)
    got = sorted((Path(f.path).name, f.rule, f.severity) for f in run([a, b]).findings)
    assert got == [("a.md", "sample-human-origin", "error"), ("a.md", "sample-no-side-effects", "info"),
                   ("b.md", "sample-human-origin", "warning")]


def test_front_matter_fields_setting(tmp_path):
    write(tmp_path / "exolint.toml", 'front-matter-fields = ["teaser"]\n')
    page = write(tmp_path / "a.md", "---\nteaser: No side effects\ntitle: No side effects\n---\n")
    assert [f.line for f in run([page]).findings] == [2]


def test_include_exclude_and_gitignore(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "build/\n*.draft.md\n")
    write(tmp_path / "exolint.toml", 'exclude = ["vendor/**"]\n')
    keep = write(tmp_path / "content" / "a.md", RISKY)
    for skipped in ("build/b.md", "content/c.draft.md", "vendor/d.md"):
        write(tmp_path / skipped, RISKY)
    assert {Path(f.path).name for f in run([tmp_path]).findings} == {keep.name}
    everything = run([tmp_path], respect_gitignore=False)
    assert {Path(f.path).name for f in everything.findings} == {"a.md", "b.md", "c.draft.md"}
    write(tmp_path / "exolint.toml", 'include = ["content/**"]\n')
    assert {Path(f.path).name for f in run([tmp_path], respect_gitignore=False).findings} == {
        "a.md", "c.draft.md"}


def test_config_command_prints_values_and_origins(tmp_path, run_cli):
    cfg = write(tmp_path / "exolint.toml", 'markets = ["UK"]\nfail-on = "error"\n\n'
                                           '[[overrides]]\npaths = ["blog/**"]\nselect = ["hype"]\n')
    code, out, _ = run_cli("config", tmp_path / "blog" / "post.md")
    assert code == 0
    assert f"# config file: {cfg}" in out
    assert f'markets (default when the page names none) = ["UK"]    # from {cfg}' in out
    assert f'fail-on = "error"    # from {cfg}' in out
    assert 'select = ["hype"]    # from ' in out and "overrides]] #1" in out
    assert "ignore = []    # from default" in out


def test_config_fail_on_and_rules_folder_are_used_by_check(tmp_path, run_cli):
    write(tmp_path / "exolint.toml", f'fail-on = "never"\nrules = ["{SAMPLE_RULES.as_posix()}"]\n')
    page = write(tmp_path / "a.md", RISKY)
    code, out, _ = run_cli("check", "--no-bundled-rules", "--format", "json", page)
    assert code == 0 and len(json.loads(out)["findings"]) == 2
    code, _, _ = run_cli("check", "--no-bundled-rules", "--fail-on", "error", page)
    assert code == 1


@pytest.mark.parametrize("text, line, expected", [
    ('colour = "red"\n', 1, "colour: unknown key"),
    ('# settings\nfail_on = "error"\n', 2, "fail_on: unknown key (did you mean 'fail-on'?)"),
    ('markets = "Mars"\n', 1, "markets: unknown market 'Mars'"),
    ("select = 3\n", 1, "select: expected a list of non-empty strings, got 3"),
    ('\n\nfail-on = "sometimes"\n', 3, "fail-on: expected one of error, warning, info, never"),
    ('severity = { hype = "loud" }\n', 1, "severity.hype: expected one of error, warning, info"),
    ('exclude = ["[abc"]\n', 1, "exclude: bad glob '[abc': unclosed '['"),
    ('include = ["foo\\\\"]\n', 1, "include: bad glob 'foo\\\\'"),
    ('rules = ["nowhere"]\n', 1, "rules: rules folder 'nowhere' does not exist"),
    ("respect-gitignore = 1\n", 1, "respect-gitignore: expected true or false, got 1"),
    ('[[overrides]]\nmarkets = ["UK"]\n', 1, "overrides[0]: missing key 'paths'"),
    ('[[overrides]]\npaths = ["a/**"]\n\n[[overrides]]\npaths = ["b/**"]\nfail-on = "error"\n', 6,
     "overrides[1].fail-on: unknown key"),
    ('select = ["no-such-rule"]\n', 1, "select: 'no-such-rule' is neither a rule id nor a category"),
    ('fail-on = "error"\nmarkets = [\n', None, "invalid TOML"),
    ('fail-on = "error"\nmarkets = ["UK" "EU"]\n', 2, "invalid TOML"),
])
def test_every_config_error_exits_2_naming_file_line_and_key(tmp_path, run_cli, text, line, expected):
    write(tmp_path / "exolint.toml", text)
    page = write(tmp_path / "a.md", "Hello.\n")
    code, out, err = run_cli("check", "--no-bundled-rules", "--rules", SAMPLE_RULES, page)
    assert code == 2, (out, err)
    where = str(tmp_path / "exolint.toml") + (f":{line}" if line else "")
    assert f"{where}: {expected}" in err, err
    assert "Traceback" not in err


def test_pyproject_errors_name_the_table(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n\n[tool.exolint]\nmarket = ['UK']\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml:5: tool.exolint.market: unknown key"):
        Config().for_path(str(tmp_path / "a.md"))


def test_explicit_config_file_replaces_discovery(tmp_path, run_cli):
    write(tmp_path / "exolint.toml", 'colour = "broken, but not used"\n')
    other = write(tmp_path / "ci" / "exolint-ci.toml", 'ignore = ["absolute_safety"]\n')
    page = write(tmp_path / "a.md", RISKY)
    code, out, err = run_cli("check", "--no-bundled-rules", "--rules", SAMPLE_RULES,
                             "--config", other, "--format", "json", page)
    assert code == 1, err
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["sample-human-origin"]
    code, _, err = run_cli("check", "--config", tmp_path / "missing.toml", page)
    assert code == 2 and "missing.toml: no such file" in err
