"""exolint's SARIF passes Microsoft's SARIF validator with the rules GitHub code scanning applies
(``sarif-multitool validate --rule-kind "Gh;Sarif"``), with files named by relative and absolute
paths (issue 18). The validator runs through npx; without npx the validator tests skip, unless
EXOLINT_REQUIRE_SARIF_VALIDATOR=1 (CI) makes a missing validator a failure."""
import json
import os
import shlex
import shutil
import subprocess
import sys

import pytest

from exolint.report.sarif import artifact_location, rule_name
from exolint.ruleset import RuleSet

from conftest import REPO, SAMPLE_RULES

PACKAGE = "@microsoft/sarif-multitool"
RISKY = "Our serum has no known side effects.\nA miracle, made from umbilical-cord derived exosomes.\n"


def _validator_or_skip() -> str:
    npx = shutil.which("npx")
    required = os.environ.get("EXOLINT_REQUIRE_SARIF_VALIDATOR") == "1"
    if npx is None:
        if required:
            pytest.fail("EXOLINT_REQUIRE_SARIF_VALIDATOR=1 but npx (Node.js) is not installed")
        pytest.skip("npx (Node.js) is not installed: Microsoft's SARIF validator cannot run")
    return npx


def validate(sarif_file, tmp_path) -> list[dict]:
    """The validator's findings on ``sarif_file`` (errors and warnings)."""
    npx = _validator_or_skip()
    out = tmp_path / f"validation-{sarif_file.stem}.sarif"
    # the package's launcher runs the native tool through a shell: quote the ';' for it
    cmd = [npx, "-y", PACKAGE, "validate", "--rule-kind", shlex.quote("Gh;Sarif"),
           "-o", shlex.quote(str(out)), shlex.quote(str(sarif_file))]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        proc = None
    if proc is None or not out.exists():
        detail = "timed out" if proc is None else (proc.stdout + proc.stderr)[-800:]
        if os.environ.get("EXOLINT_REQUIRE_SARIF_VALIDATOR") == "1":
            pytest.fail(f"SARIF validator did not run: {detail}")
        pytest.skip(f"SARIF validator could not be installed or run (npm registry?): {detail}")
    return json.loads(out.read_text(encoding="utf-8"))["runs"][0].get("results", [])


def exolint_sarif(args, cwd, out) -> None:
    proc = subprocess.run([sys.executable, "-m", "exolint", "check", "--no-bundled-rules",
                           "--rules", str(SAMPLE_RULES), "--format", "sarif", "-o", str(out),
                           *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode in (1, 2) and "Traceback" not in proc.stderr, proc.stderr


def summary(results) -> list[tuple[str, str]]:
    return [(r["ruleId"], json.dumps(r["message"])) for r in results]


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "repo"
    (root / "content" / "sub dir").mkdir(parents=True)
    (root / "content" / "page.md").write_text(RISKY, encoding="utf-8")
    (root / "content" / "sub dir" / "caf\u00e9 #1.md").write_text(RISKY, encoding="utf-8")
    return root


def test_validator_finds_the_problems_this_test_guards_against(tmp_path):
    """The validator is alive: it reports an absolute path under %SRCROOT% and a name equal to
    the id (what exolint wrote before issue 18)."""
    bad = {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
           "runs": [{"tool": {"driver": {"name": "exolint", "rules": [
               {"id": "miracle", "name": "miracle", "shortDescription": {"text": "Hype."},
                "fullDescription": {"text": "Hype."}, "help": {"text": "Hype."}}]}},
               "results": [{"ruleId": "miracle", "ruleIndex": 0, "message": {"text": "Hype."},
                            "locations": [{"physicalLocation": {
                                "artifactLocation": {"uri": "/abs/page.md", "uriBaseId": "%SRCROOT%"},
                                "region": {"startLine": 1}}}]}]}]}
    path = tmp_path / "bad.sarif"
    path.write_text(json.dumps(bad), encoding="utf-8")
    found = {r["ruleId"] for r in validate(path, tmp_path)}
    assert {"SARIF1001", "SARIF1004"} <= found


def test_sarif_with_relative_paths_passes_github_rules(site, tmp_path):
    out = tmp_path / "relative.sarif"
    exolint_sarif(["content", "missing.md"], site, out)
    assert summary(validate(out, tmp_path)) == []


def test_sarif_with_absolute_paths_passes_github_rules(site, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "absolute.sarif"
    exolint_sarif([site / "content", site / "missing.md"], elsewhere, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in doc["runs"][0]["results"]]
    assert uris and all(u.startswith("file:///") for u in uris)
    assert summary(validate(out, tmp_path)) == []


def test_sarif_with_bundled_rules_passes_github_rules(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(RISKY + "A revolutionary breakthrough.\n", encoding="utf-8")
    out = tmp_path / "bundled.sarif"
    proc = subprocess.run([sys.executable, "-m", "exolint", "check", "--format", "sarif", "-o",
                           str(out), str(page)], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 1, proc.stderr
    assert summary(validate(out, tmp_path)) == []


def test_rule_names_are_pascal_case_and_never_the_id():
    rules = RuleSet.load().rules
    for rule in rules:
        name = rule_name(rule.id)
        assert name[0].isupper() and name.isalnum(), name
        assert name.lower() != rule.id.lower(), rule.id
    assert rule_name("miracle") == "MiracleClaim"
    assert rule_name("no-side-effects") == "NoSideEffects"
    assert rule_name("Miracle") == "MiracleClaim"
    assert rule_name("600-percent") == "Rule600Percent"


@pytest.mark.parametrize("path,expected", [
    ("content/page.md", {"uri": "content/page.md", "uriBaseId": "%SRCROOT%"}),
    ("content/caf\u00e9 #1.md", {"uri": "content/caf%C3%A9%20%231.md", "uriBaseId": "%SRCROOT%"}),
    ("/srv/site/page.md", {"uri": "file:///srv/site/page.md"}),
    pytest.param("C:\\site\\page.md", {"uri": "file:///C:/site/page.md"},
                 marks=pytest.mark.skipif(os.sep != "\\", reason="a Windows path: on POSIX a "
                                          "backslash is part of a file name (docs: file names)")),
])
def test_artifact_locations(path, expected, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert artifact_location(path) == expected
