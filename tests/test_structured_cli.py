"""Structured copy end to end: configuration, discovery, suppressions, key paths in every
report, baselines, and `exolint copy-keys` / `exolint config FILE`."""
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from conftest import SAMPLE_RULES

RULES = ["--no-bundled-rules", "--rules", str(SAMPLE_RULES)]
DATA = Path(__file__).resolve().parent / "data" / "structured"
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))


@pytest.fixture
def site(tmp_path):
    """A small repository: copy in JSON and CSV, plus a package.json that must be left alone."""
    (tmp_path / "content").mkdir()
    shutil.copy(DATA / "sanity-post.json", tmp_path / "content" / "post.json")
    shutil.copy(DATA / "shopify-products.csv", tmp_path / "content" / "products.csv")
    (tmp_path / "package.json").write_text(
        '{"name": "site", "description": "A miracle build with no side effects"}\n')
    (tmp_path / "page.md").write_text("A plain page.\n")
    return tmp_path


def test_walking_skips_structured_files_unless_the_config_enables_them(run_cli, site):
    code, out, _ = run_cli("check", *RULES, "--format", "json", ".", cwd=site)
    data = json.loads(out)
    assert code == 0 and data["files_checked"] == 1  # page.md only
    (site / "exolint.toml").write_text('[copy]\nwalk = true\n')
    code, out, _ = run_cli("check", *RULES, "--format", "json", ".", cwd=site)
    data = json.loads(out)
    assert code == 1 and data["files_checked"] == 3  # page.md and the two data files
    # package.json is tooling: not walked even with walk = true
    assert {f["path"] for f in data["findings"]} == {"./content/post.json", "./content/products.csv"}


def test_named_files_are_checked_without_config(run_cli, site):
    code, out, _ = run_cli("check", *RULES, "--format", "json", "package.json", cwd=site)
    data = json.loads(out)
    assert data["files_checked"] == 1
    assert [(f["rule"], f["pointer"]) for f in data["findings"]] == [
        ("sample-miracle", "/description"), ("sample-no-side-effects", "/description")]


def test_include_exclude_globs_and_columns(run_cli, site):
    (site / "exolint.toml").write_text(
        '[copy]\nexclude = ["**.alt", "body[].children[].text"]\ncolumns = ["SEO Title"]\n')
    code, out, _ = run_cli("check", *RULES, "--format", "json", "content/post.json",
                           "content/products.csv", cwd=site)
    found = [(f["path"], f["rule"], f["pointer"]) for f in json.loads(out)["findings"]]
    assert found == [("content/post.json", "sample-miracle", "/title"),
                     ("content/products.csv", "sample-breakthrough", "/2/SEO Title")]
    (site / "exolint.toml").write_text('[copy]\ninclude = ["slug.current"]\n')
    code, out, _ = run_cli("check", *RULES, "--format", "json", "content/post.json", cwd=site)
    pointers = [f["pointer"] for f in json.loads(out)["findings"]]
    assert "/slug/current" in pointers  # included: the key-path heuristics no longer skip it
    code, out, _ = run_cli("copy-keys", "content/post.json", cwd=site)
    assert "read  slug.current" in out and "included by config (slug.current)" in out


def test_per_path_override_of_copy(run_cli, site):
    (site / "exolint.toml").write_text(
        '[[overrides]]\npaths = ["content/*.csv"]\ncopy = {columns = ["Title"]}\n')
    code, out, _ = run_cli("check", *RULES, "--format", "json", "content/products.csv", cwd=site)
    assert code == 0 and json.loads(out)["findings"] == []
    code, out, _ = run_cli("config", "content/products.csv", cwd=site)
    assert 'columns = ["Title"]' in out and "overrides" in out
    assert '#   read  [].Title' in out and "#   skip  [].Body (HTML)" in out


def test_bad_copy_config_is_a_clear_error(run_cli, site):
    (site / "exolint.toml").write_text('[copy]\nprofile = "wordpress"\n')
    code, _, err = run_cli("check", *RULES, "content/post.json", cwd=site)
    assert code == 2 and "copy.profile: expected one of auto" in err
    (site / "exolint.toml").write_text('[[suppress]]\npath = "content/post.json"\nrule = "x"\n')
    code, _, err = run_cli("check", *RULES, "content/post.json", cwd=site)
    assert code == 2 and "'reason' is required" in err and "Traceback" not in err
    (site / "exolint.toml").write_text('[[suppress]]\npath = "content/post.json"\n'
                                       'rule = "no-such-rule"\nreason = "x"\n')
    code, _, err = run_cli("check", *RULES, "content/post.json", cwd=site)
    assert code == 2 and "suppress[0]: rule 'no-such-rule' is neither a rule id" in err


def test_config_suppressions_by_path_key_and_rule(run_cli, site):
    (site / "exolint.toml").write_text(
        '[[suppress]]\npath = "content/products.csv"\nkey = "/2/Body (HTML)"\n'
        'rule = "sample-no-side-effects"\nreason = "Claim approved by regulatory (REG-12)"\n'
        '[[suppress]]\npath = "content/*.json"\nkey = "/body/*/children/*/text"\n'
        'rule = "absolute_safety"\nreason = "Quoted from a client review"\n')
    code, out, _ = run_cli("check", *RULES, "--format", "json", "content/products.csv",
                           "content/post.json", cwd=site)
    found = [(f["rule"], f["pointer"]) for f in json.loads(out)["findings"]]
    assert ("sample-no-side-effects", "/2/Body (HTML)") not in found
    assert ("sample-miracle", "/2/Body (HTML)") in found  # another rule, same key: kept
    assert ("sample-no-side-effects", "/body/0/children/1/text") not in found
    assert ("sample-miracle", "/title") in found
    code, out, _ = run_cli("suppressions", ".", cwd=site)
    assert code == 0
    assert ("content/products.csv /2/Body (HTML): config sample-no-side-effects -- "
            "Claim approved by regulatory (REG-12)") in out
    assert "2 config entries ([[suppress]])" in out


def test_key_path_in_text_html_and_sarif(run_cli, site):
    args = ("check", *RULES, "content/products.csv")
    _, out, _ = run_cli(*args, cwd=site)
    assert ('      = key: /2/Body (HTML)  (row 2 (Handle lumen-serum), column "Body (HTML)")'
            in out.splitlines())
    _, out, _ = run_cli(*args, "--format", "html", cwd=site)
    assert "Key <code>/2/Body (HTML)</code>" in out
    _, out, _ = run_cli(*args, "--format", "sarif", cwd=site)
    doc = json.loads(out)
    errors = list(jsonschema.Draft7Validator(SCHEMA).iter_errors(doc))
    assert not errors, errors[0].message
    result = doc["runs"][0]["results"][0]
    assert result["locations"][0]["logicalLocations"] == [{
        "fullyQualifiedName": "/2/Body (HTML)", "kind": "member",
        "name": 'row 2 (Handle lumen-serum), column "Body (HTML)"'}]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 2


def test_baseline_on_structured_files(run_cli, site):
    base = site / "baseline.json"
    code, _, _ = run_cli("check", *RULES, "content/post.json", "--write-baseline", base, cwd=site)
    assert code == 0
    code, out, _ = run_cli("check", *RULES, "content/post.json", "--baseline", base, cwd=site)
    assert code == 0, out
    post = site / "content" / "post.json"
    post.write_text(post.read_text().replace('" after the peel."', '" after the breakthrough peel."'))
    code, out, _ = run_cli("check", *RULES, "--format", "json", "content/post.json",
                           "--baseline", base, cwd=site)
    assert [(f["rule"], f["pointer"]) for f in json.loads(out)["findings"]] == [
        ("sample-breakthrough", "/body/0/children/2/text")]


def test_copy_keys_listing(run_cli):
    code, out, _ = run_cli("copy-keys", DATA / "contentful-export.json")
    assert code == 0
    lines = out.splitlines()
    assert any(l.startswith("skip  entries[].sys.id ") for l in lines)
    assert any(l.startswith("read  entries[].fields.description.en-GB ") for l in lines)
    assert any(l.startswith("skip  entries[].fields.slug.en-GB ") and "slug" in l for l in lines)
    assert lines[-1].endswith("read as copy.")
    code, out, _ = run_cli("copy-keys", "--format", "json", "--all", DATA / "messages.po")
    keys = {k["pointer"]: k["read"] for k in json.loads(out)["keys"]}
    assert keys["/Our peel has no side effects./msgid"] is False  # translated: msgstr is read
    assert keys["/A breakthrough serum./msgid"] is True
    code, _, err = run_cli("copy-keys", DATA.parent / "rules" / "sample.toml")
    assert code == 2 and "not a structured format" in err
