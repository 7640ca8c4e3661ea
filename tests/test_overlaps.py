"""One finding per phrase per category: the most severe, then longest, overlapping finding stays."""
from exolint.findings import Finding
from exolint.overlaps import one_per_place


def finding(rule, category, severity, start, end):
    return Finding(path="p", line=1, column=start + 1, end_line=1, end_column=end + 1, rule=rule,
                   category=category, severity=severity, message="m", match="x" * (end - start),
                   suggestion="s", start=start, end=end)


def test_same_category_overlap_keeps_the_most_severe():
    a = finding("scar-treatment", "medicinal_claim", "warning", 0, 17)
    b = finding("treats-condition", "medicinal_claim", "error", 0, 11)
    assert [f.rule for f in one_per_place([a, b])] == ["treats-condition"]


def test_equal_severity_keeps_the_longest():
    a = finding("human-origin", "human_derived", "error", 0, 40)
    b = finding("cord-source", "human_derived", "error", 20, 40)
    assert [f.rule for f in one_per_place([b, a])] == ["human-origin"]


def test_other_categories_and_separate_places_are_kept():
    a = finding("deep-penetration", "structure_function", "warning", 0, 30)
    b = finding("needle-depth", "non_cosmetic_route", "error", 10, 30)
    c = finding("cell-regeneration", "structure_function", "error", 40, 60)
    assert [f.rule for f in one_per_place([a, b, c])] == ["deep-penetration", "needle-depth", "cell-regeneration"]
