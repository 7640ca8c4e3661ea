"""The loader refuses bad rule files, naming the file, line, rule id and field."""
import textwrap

import pytest

from exolint.ruleset import RuleFileError, load_rules
from exolint.ruleset.patterns import compile_pattern

GOOD_RULE = '''
[pack]
name = "t"

[[rule]]
id = "t-rule"
category = "hype"
severity = "warning"
markets = ["all"]
summary = "s"
message = "m {match}"
rationale = "r"
suggestion = "s"
patterns = ['miracle']
[[rule.references]]
title = "ref"
url = "https://example.org"
[rule.examples]
flag = ["a miracle", "miracle serum"]
pass = ["nothing", "plain"]
'''


def write(tmp_path, text, name="pack.toml"):
    (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def load(tmp_path):
    return load_rules([tmp_path], include_bundled=False)


def error_for(tmp_path, text) -> RuleFileError:
    write(tmp_path, text)
    with pytest.raises(RuleFileError) as info:
        load(tmp_path)
    return info.value


def test_good_rule_loads(tmp_path):
    [rule] = load(write(tmp_path, GOOD_RULE))
    assert rule.id == "t-rule" and rule.markets == frozenset()
    assert any("miracle" in s for group in rule.pattern_groups[0] for s in group)


def test_invalid_toml_names_line(tmp_path):
    err = error_for(tmp_path, GOOD_RULE.replace('severity = "warning"', 'severity = "warning'))
    assert err.line == 8
    assert "invalid TOML" in str(err) and "pack.toml:8" in str(err)


@pytest.mark.parametrize("old,new,field,reason", [
    ('category = "hype"', 'category = "hyped"', "category", "unknown category 'hyped'"),
    ('severity = "warning"', 'severity = "fatal"', "severity", "unknown severity"),
    ('markets = ["all"]', 'markets = ["FR"]', "markets", "unknown market 'FR'"),
    ('markets = ["all"]', 'markets = "UK"\ncolour = "red"', "colour", "unknown field"),
    ("patterns = ['miracle']", "patterns = []", "patterns", "non-empty list"),
    ("patterns = ['miracle']", "patterns = ['']", "patterns", "empty"),
    ("patterns = ['miracle']", "patterns = ['miracle (serum']", "patterns", "does not compile"),
    ("patterns = ['miracle']", "patterns = ['(?:miracle)?']", "patterns", "matches the empty string"),
    ("patterns = ['miracle']", "patterns = [42]", "patterns", "not a string"),
    ('summary = "s"', 'summary = 3', "summary", "non-empty string"),
    ('summary = "s"\n', '', "summary", "required field is missing"),
    ('flag = ["a miracle", "miracle serum"]', 'flag = ["a miracle"]', "examples.flag", "at least 2"),
    ('url = "https://example.org"', 'url = "example.org"', "references", "http"),
])
def test_field_errors_name_rule_field_and_line(tmp_path, old, new, field, reason):
    assert old in GOOD_RULE
    err = error_for(tmp_path, GOOD_RULE.replace(old, new))
    assert err.field == field
    assert err.rule_id == "t-rule"
    assert reason in err.reason
    assert err.line is not None
    assert str(tmp_path / "pack.toml") in str(err)


def test_pattern_error_names_position(tmp_path):
    err = error_for(tmp_path, GOOD_RULE.replace("patterns = ['miracle']", "patterns = ['ok', 'mir(acle']"))
    assert "pattern 2" in err.reason and "at position 8" in err.reason
    assert err.line == 14


def test_unknown_context_name(tmp_path):
    err = error_for(tmp_path, GOOD_RULE.replace("patterns = ['miracle']", "patterns = ['miracle']\nunless = ['nope']"))
    assert err.field == "unless" and "unknown context 'nope'" in err.reason


def test_bad_exception_regex(tmp_path):
    err = error_for(tmp_path, GOOD_RULE.replace("patterns = ['miracle']", "patterns = ['miracle']\nunless_before = ['(']"))
    assert err.field == "unless_before" and "does not compile" in err.reason


def test_duplicate_ids_across_packs(tmp_path):
    write(tmp_path, GOOD_RULE, "a.toml")
    write(tmp_path, GOOD_RULE, "b.toml")
    with pytest.raises(RuleFileError) as info:
        load(tmp_path)
    assert "duplicate rule id" in info.value.reason and "a.toml" in info.value.reason


def test_missing_pack_table(tmp_path):
    err = error_for(tmp_path, GOOD_RULE.replace('[pack]\nname = "t"\n', ""))
    assert err.field == "pack.name"


def test_bad_context_file(tmp_path):
    write(tmp_path, GOOD_RULE)
    write(tmp_path, "[context.neg]\nbefore = ['(']\n", "_contexts.toml")
    with pytest.raises(RuleFileError) as info:
        load(tmp_path)
    assert info.value.field == "context.neg.before"


def test_missing_rules_folder(tmp_path):
    with pytest.raises(RuleFileError) as info:
        load_rules([tmp_path / "nope"], include_bundled=False)
    assert "does not exist" in info.value.reason


def test_space_matches_any_whitespace_and_whole_words():
    p = compile_pattern("no known side effects")
    assert p.search("no known\n  side effects")
    assert not p.search("no knownside effects")
    q = compile_pattern("heal")
    assert q.search("It will heal.") and not q.search("healthy skin")


def test_required_strings_of_a_rule_pattern():
    from exolint.ruleset.literals import scan_text
    from exolint.ruleset.patterns import required_groups

    def found_in(text, groups):
        scanned = scan_text(text.lower())[0]
        return all(any(s in scanned for s in group) for group in groups)

    side = required_groups("no (?:known )?side[- ]effects")
    assert found_in("no known side effects", side) and found_in("No side-effects", side)
    assert not found_in("side by side, no effects", side)
    assert found_in("Botox in a bottle", required_groups("(?:botox|fillers) in a bottle"))
    injection = required_groups(r"(?:injection|infusion)s?")
    assert found_in("injections", injection) and found_in("infusion", injection)
    assert not found_in("injury", injection)
    assert any("0%" in group for group in required_groups(r"\d+%"))  # digit and symbol together
    assert required_groups(r"\d+ ?\w+") is None




def test_word_guard_shortcut_matches_exactly_what_the_lookbehind_guard_matches():
    """Patterns whose every match starts with an ASCII word character are guarded with \\b
    instead of (?<!\\w); the two must give the same matches everywhere."""
    import regex

    from exolint.ruleset import RuleSet
    from exolint.ruleset.patterns import _WRAP_HEAD, _WRAP_HEAD_WORD

    rules = RuleSet.load().rules
    texts = [t for r in rules for t in r.examples_flag + r.examples_pass]
    texts += ["\u00e9no side effects", "\u0663\u0663% more collagen", "_100% safe", "x100% safe",
              "a-100% safe", "(100% safe)", "\u00b2100% safe", "stem\u00adcell exosomes"]
    shortcut = 0
    for rule in rules:
        for lazy in rule.compiled:
            if not lazy.pattern.startswith(_WRAP_HEAD_WORD):
                continue
            shortcut += 1
            plain = regex.compile(_WRAP_HEAD + lazy.pattern[len(_WRAP_HEAD_WORD):], lazy.flags)
            for text in texts:
                assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)], (
                    rule.id, lazy.pattern, text)
    assert shortcut > 300
