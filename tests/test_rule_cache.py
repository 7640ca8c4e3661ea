"""The on-disk rule cache: same rules back, never a failure when the cache is unusable."""
import gc
import os
import pickle
import shutil

import pytest

from conftest import SAMPLE_RULES

from exolint.ruleset import RuleSet
from exolint.ruleset.lazy import LazyPattern


def load():
    return RuleSet.load([SAMPLE_RULES], include_bundled=False)


def describe(rs):
    return [(r.id, r.patterns, r.pattern_groups, [p.pattern for p in r.compiled]) for r in rs.rules]


def test_second_load_comes_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EXOLINT_CACHE_DIR", str(tmp_path / "c"))
    first = load()
    entries = list((tmp_path / "c").glob("rules-*.pickle"))
    assert len(entries) == 1
    second = load()
    assert describe(second) == describe(first)
    assert all(isinstance(p, LazyPattern) and p._compiled is None for r in second.rules for p in r.compiled)
    assert [f.match for f in _check(second)] == [f.match for f in _check(first)]


def _check(rs):
    from exolint.api import lint_text
    return lint_text("A miracle with no known side effects.", "x.txt", rs)


def test_changed_rule_file_is_a_new_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("EXOLINT_CACHE_DIR", str(tmp_path / "c"))
    rules = tmp_path / "rules"
    shutil.copytree(SAMPLE_RULES, rules)
    RuleSet.load([rules], include_bundled=False)
    pack = rules / "sample.toml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("'breakthrough'", "'breakthroughs?'"),
                    encoding="utf-8")
    rs = RuleSet.load([rules], include_bundled=False)
    assert rs.by_id["sample-breakthrough"].patterns == ("breakthroughs?",)
    assert len(list((tmp_path / "c").glob("rules-*.pickle"))) == 2


def test_corrupt_cache_falls_back(tmp_path, monkeypatch):
    monkeypatch.setenv("EXOLINT_CACHE_DIR", str(tmp_path))
    load()
    entry, = tmp_path.glob("rules-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert describe(load()) == describe(RuleSet.load([SAMPLE_RULES], include_bundled=False))


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root can write to read-only folders")
def test_unwritable_cache_dir_falls_back(tmp_path, monkeypatch):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    monkeypatch.setenv("EXOLINT_CACHE_DIR", str(ro / "exolint"))
    assert load().rules


def test_cache_dir_that_is_a_file_falls_back(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("EXOLINT_CACHE_DIR", str(blocker / "exolint"))
    assert load().rules


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("EXOLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("EXOLINT_NO_CACHE", "1")
    load()
    assert not list(tmp_path.iterdir())


def test_lazy_pattern_compiles_on_first_use_and_pickles_small():
    import regex
    lazy = LazyPattern("mir(a)cle", regex.IGNORECASE)
    assert lazy._compiled is None
    assert lazy.search("A MIRACLE").group(1) == "A"
    assert lazy._compiled is not None
    back = pickle.loads(pickle.dumps(lazy))
    assert back._compiled is None and back == lazy


def test_cached_patterns_are_rebuilt_from_their_compiled_program_not_recompiled(tmp_path, monkeypatch):
    """The cache stores each compiled pattern's program (regex's pickle format): a later run
    rebuilds it without parsing, and it matches exactly as a fresh compile does."""
    import regex

    monkeypatch.setenv("EXOLINT_CACHE_DIR", str(tmp_path / "c"))
    first = load()
    second = load()
    compiled_calls = []
    real_compile = regex.compile
    monkeypatch.setattr(regex, "compile", lambda *a, **k: compiled_calls.append(a) or real_compile(*a, **k))
    text = "A miracle cure with no known side effects, 600% more collagen."
    for rule in second.rules:
        for lazy in rule.compiled:
            assert lazy._program is not None
            fresh = real_compile(lazy.pattern, lazy.flags)
            assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in fresh.finditer(text)]
    rs = second
    for i in range(len(rs.index().refs)):  # relaxed forms come from the cache too
        rs.relaxed(i)
    assert compiled_calls == []
    assert [f.match for f in _check(second)] == [f.match for f in _check(first)]


def test_a_program_blob_that_does_not_load_falls_back_to_compiling_the_source():
    import regex
    lazy = LazyPattern.of(regex.compile("mir(a)cle", regex.IGNORECASE))
    state = lazy.__getstate__()
    broken = LazyPattern.__new__(LazyPattern)
    broken.__setstate__((state[0], state[1], b"not a pickle"))
    assert broken.search("A MIRACLE").group(1) == "A"
    foreign = LazyPattern.__new__(LazyPattern)  # a program for another pattern is not trusted
    foreign.__setstate__((state[0], state[1], pickle.dumps(regex.compile("other"))))
    assert foreign.search("a miracle").group() == "miracle"
    old = LazyPattern.__new__(LazyPattern)  # a cache entry from before programs were stored
    old.__setstate__((state[0], state[1]))
    assert old.search("miracle")


def test_rule_set_comes_back_with_its_prefilter_index(tmp_path, monkeypatch):
    """The index over all required strings is built once and stored with the rules: a start-up
    would otherwise rebuild it (tens of milliseconds for the bundled packs)."""
    monkeypatch.setenv("EXOLINT_CACHE_DIR", str(tmp_path / "c"))
    first = load()
    second = load()
    assert second._index is not None and second._index._by_prefix is not None
    assert second.index().words == first.index().words
    assert second.index()._masks == first.index()._masks
    assert second.index()._automaton is None  # not picklable: built where a long run needs it
    assert [f.match for f in _check(second)] == [f.match for f in _check(first)]
    assert gc.isenabled()  # switched off only while the cache entry is read


def test_rule_list_and_rule_set_are_separate_entries(tmp_path, monkeypatch):
    from exolint.ruleset import load_rules

    monkeypatch.setenv("EXOLINT_CACHE_DIR", str(tmp_path / "c"))
    rules = load_rules([SAMPLE_RULES], include_bundled=False)
    ruleset = load()
    assert isinstance(rules, list) and isinstance(load_rules([SAMPLE_RULES], include_bundled=False), list)
    assert isinstance(load(), RuleSet)
    assert [r.id for r in rules] == [r.id for r in ruleset.rules]
    assert len(list((tmp_path / "c").glob("rules-*.pickle"))) == 2
