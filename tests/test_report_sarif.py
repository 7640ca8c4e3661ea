"""SARIF 2.1.0 output: valid against the official schema, with the fields GitHub code scanning uses."""
import json
from pathlib import Path

import jsonschema
import pytest

from exolint.report import REPORTERS
from exolint.report.sarif import FINGERPRINT_KEY

from ci_helpers import RULES_ARGS, foreign_finding, lint_folder

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(doc):
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft7Validator(SCHEMA).iter_errors(doc), key=lambda e: e.path)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


@pytest.fixture
def report(tmp_path):
    (tmp_path / "page.md").write_text("Intro.\n\nOur serum has no known side effects.\n"
                                      "Made from umbilical-cord derived exosomes.\n", encoding="utf-8")
    return lint_folder([tmp_path / "page.md"])


def test_sarif_is_valid_and_complete(report):
    rep, ruleset = report
    doc = json.loads(REPORTERS["sarif"](rep, ruleset))
    validate(doc)
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "exolint" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert {"sample-no-side-effects", "sample-human-origin"} <= set(rules)
    r = rules["sample-no-side-effects"]
    assert r["name"] == "SampleNoSideEffects"
    assert r["shortDescription"]["text"] == "Claims there are no side effects"
    assert r["fullDescription"]["text"] == "No treatment is free of side effects."
    assert "No treatment is free of side effects." in r["help"]["text"]
    assert "TGA, Rules about safety claims in advertising" in r["help"]["text"]
    assert "Most clients notice only mild redness" in r["help"]["markdown"]
    assert r["helpUri"].startswith("https://www.tga.gov.au/")
    assert r["defaultConfiguration"]["level"] == "error"

    results = run["results"]
    assert [x["ruleId"] for x in results] == ["sample-no-side-effects", "sample-human-origin"]
    first = results[0]
    assert first["level"] == "error"
    assert driver["rules"][first["ruleIndex"]]["id"] == first["ruleId"]
    assert first["message"]["text"].startswith("'no known side effects' is an absolute safety claim.")
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("page.md")
    assert loc["region"] == {"startLine": 3, "startColumn": 15, "endLine": 3, "endColumn": 36,
                             "snippet": {"text": "no known side effects"}}
    assert len(first["partialFingerprints"][FINGERPRINT_KEY]) == 32
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_handles_rules_outside_the_ruleset_and_file_errors(report):
    from exolint.findings import FileError

    rep, ruleset = report
    rep.findings.append(foreign_finding(rep.findings[0].path, line=1))
    rep.errors.append(FileError("broken.md", "cannot read: permission denied"))
    doc = json.loads(REPORTERS["sarif"](rep, ruleset))
    validate(doc)
    run = doc["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids.count("unused-suppression") == 1
    foreign = run["results"][-1]
    assert foreign["ruleId"] == "unused-suppression" and foreign["level"] == "note"
    assert run["tool"]["driver"]["rules"][foreign["ruleIndex"]]["id"] == "unused-suppression"
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert inv["toolExecutionNotifications"][0]["message"]["text"] == "cannot read: permission denied"


def test_sarif_paths_are_relative_uris(tmp_path, run_cli):
    sub = tmp_path / "my pages"
    sub.mkdir()
    (sub / "a.md").write_text("No known side effects.\n", encoding="utf-8")
    code, out, _ = run_cli("check", *RULES_ARGS, "--format", "sarif", ".", cwd=tmp_path)
    assert code == 1
    doc = json.loads(out)
    validate(doc)
    assert doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] \
        == "my%20pages/a.md"


def test_sarif_with_no_findings_is_valid(tmp_path, run_cli):
    (tmp_path / "ok.md").write_text("Helps skin look smoother.\n", encoding="utf-8")
    code, out, _ = run_cli("check", *RULES_ARGS, "--format", "sarif", tmp_path)
    assert code == 0
    doc = json.loads(out)
    validate(doc)
    assert doc["runs"][0]["results"] == []
