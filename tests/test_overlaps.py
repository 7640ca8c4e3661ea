"""One finding per phrase per category: the most severe, then longest, overlapping finding stays."""
from exolint.findings import Finding
from exolint.filters.overlaps import one_per_place


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


def _one_per_place_by_pairs(findings):
    """The definition: strongest first, each kept unless it overlaps one already kept."""
    from exolint.ruleset import SEVERITY_RANK

    by_category = {}
    for f in findings:
        by_category.setdefault(f.category, []).append(f)
    kept = []
    for group in by_category.values():
        ranked = sorted(group, key=lambda f: (-SEVERITY_RANK.get(f.severity, 0), -(f.end - f.start),
                                              f.start, f.rule))
        chosen = []
        for f in ranked:
            if not any(f.start < c.end and c.start < f.end for c in chosen):
                chosen.append(f)
        kept.extend(chosen)
    return sorted(kept, key=lambda f: (f.start, f.rule))


def test_interval_search_equals_testing_every_pair():
    import random

    random.seed(7)
    for _ in range(2000):
        findings = []
        for i in range(random.randint(0, 14)):
            start = random.randint(0, 50)
            findings.append(finding(f"r{i}", random.choice(["hype", "absolute_safety"]),
                                    random.choice(["error", "warning", "info"]), start,
                                    start + random.randint(1, 12)))
        assert one_per_place(findings) == _one_per_place_by_pairs(findings)
