"""The bundled rule set prebuilt into the wheel (exolint/ruleset/prebuilt.py): a first run with
no cache folder loads it instead of validating and compiling every pattern (issue 18)."""
import shutil

import pytest

from conftest import REPO, SAMPLE_RULES

from exolint.api import LintOptions, lint_source
from exolint.ruleset import RuleFileError, RuleSet, loader
from exolint.ruleset.prebuilt import FOLDER, load_prebuilt, write_prebuilt

RISKY = "Our exosome serum has no known side effects and is a miracle.\n"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """A copy of the bundled packs with the prebuilt rule set beside them, as in the wheel."""
    rules_dir = tmp_path_factory.mktemp("pkg") / "rules"
    shutil.copytree(REPO / "rules", rules_dir, ignore=shutil.ignore_patterns(FOLDER))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(loader, "bundled_rules_dir", lambda: rules_dir)
        [written] = write_prebuilt(rules_dir / FOLDER)
    return rules_dir, written


@pytest.fixture
def bundled_here(shipped, monkeypatch, tmp_path):
    rules_dir, _ = shipped
    monkeypatch.setattr(loader, "bundled_rules_dir", lambda: rules_dir)
    cache = tmp_path / "no-cache-yet"
    monkeypatch.setenv("EXOLINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("EXOLINT_NO_CACHE", raising=False)
    return rules_dir, cache


def test_a_fresh_run_loads_the_prebuilt_rule_set(bundled_here):
    rules_dir, cache = bundled_here
    ruleset = RuleSet.load()
    assert not cache.exists()  # nothing was built, so nothing was cached
    assert {r.id for r in ruleset.rules} == {r.id for r in RuleSet.load([], True).rules}
    assert all(r.source_file.startswith(str(rules_dir)) for r in ruleset.rules)
    found = {f.rule for f in lint_source("page.md", RISKY, ruleset, LintOptions(jobs=1))}
    assert {"no-side-effects", "miracle"} <= found


def test_prebuilt_findings_equal_a_normal_load(bundled_here, monkeypatch):
    text = (REPO / "examples").glob("*.md")
    prebuilt = RuleSet.load()
    monkeypatch.undo()  # the repository's packs, from the usual cache (warm in a test run)
    normal = RuleSet.load()
    assert normal is not prebuilt
    total = 0
    for page in text:
        source = page.read_text(encoding="utf-8")
        a = [(f.rule, f.line, f.column) for f in lint_source(page.name, source, prebuilt, LintOptions(jobs=1))]
        b = [(f.rule, f.line, f.column) for f in lint_source(page.name, source, normal, LintOptions(jobs=1))]
        assert a == b
        total += len(a)
    assert total > 10


def test_an_edited_rule_file_does_not_use_the_prebuilt_set(shipped, tmp_path, monkeypatch):
    rules_dir, _ = shipped
    edited = tmp_path / "rules"
    shutil.copytree(rules_dir, edited)
    monkeypatch.setattr(loader, "bundled_rules_dir", lambda: edited)
    files = loader.input_files([edited])
    assert load_prebuilt("ruleset", files, edited) is not None
    hype = edited / "hype.toml"
    hype.write_text(hype.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert load_prebuilt("ruleset", loader.input_files([edited]), edited) is None


def test_user_packs_are_still_validated_with_file_line_and_field(bundled_here, tmp_path):
    pack = tmp_path / "mine"
    pack.mkdir()
    sample = (SAMPLE_RULES / "sample.toml").read_text(encoding="utf-8")
    bad = sample.replace("patterns = ['breakthrough']", "patterns = ['(?:x)?']")
    assert bad != sample
    (pack / "sample.toml").write_text(bad, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        RuleSet.load([pack])
    err = caught.value
    assert err.path.endswith("sample.toml") and err.field == "patterns"
    assert bad.splitlines()[err.line - 1].startswith("patterns = ['(?:x)?']")


def test_a_corrupt_prebuilt_file_falls_back_to_a_normal_load(shipped, tmp_path, monkeypatch):
    rules_dir, written = shipped
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir, copy)
    monkeypatch.setattr(loader, "bundled_rules_dir", lambda: copy)
    (copy / FOLDER / written.name).write_bytes(b"not a pickle")
    assert load_prebuilt("ruleset", loader.input_files([copy]), copy) is None
