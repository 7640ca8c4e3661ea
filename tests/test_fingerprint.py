"""Fingerprints: rule + normalised match + occurrence, independent of line numbers."""
from exolint.findings import Finding
from exolint.filters.fingerprint import fingerprint, fingerprint_findings, normalise_match, path_fingerprint


def _f(line, match, rule="r1", path="a.md", column=1):
    return Finding(path, line, column, line, column + len(match), rule, "hype", "error", "m", match, "")


def test_normalise_match_ignores_case_whitespace_and_typography():
    assert normalise_match("No  known\nSide\u2011Effects") == "no known side-effects"


def test_same_text_same_fingerprint_whatever_the_line():
    a = fingerprint_findings([f1 := _f(3, "no side effects")])
    b = fingerprint_findings([f2 := _f(40, "No side  effects", column=9)])
    assert a[id(f1)] == b[id(f2)]


def test_occurrences_are_counted_per_file_rule_and_text_in_position_order():
    first, second, other_rule, other_file = (_f(2, "cure"), _f(9, "cure"), _f(5, "cure", rule="r2"),
                                             _f(1, "cure", path="b.md"))
    fps = fingerprint_findings([second, other_file, first, other_rule])
    assert fps[id(first)] == fingerprint("r1", "cure", 0)
    assert fps[id(second)] == fingerprint("r1", "cure", 1)
    assert fps[id(other_rule)] == fingerprint("r2", "cure", 0)
    assert fps[id(other_file)] == fingerprint("r1", "cure", 0)
    assert len({fps[id(first)], fps[id(second)], fps[id(other_rule)]}) == 3


def test_path_fingerprint_differs_per_file_and_ignores_separators():
    fp = fingerprint("r1", "cure", 0)
    assert path_fingerprint("a/b.md", fp) == path_fingerprint("a\\b.md", fp)
    assert path_fingerprint("a/b.md", fp) != path_fingerprint("a/c.md", fp)
