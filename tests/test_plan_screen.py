"""The screened plan: a pattern runs only in the blocks where its relaxed form matches too.

A whole page (HTML, plain text, a Markdown page read in full) has many blocks that hold all of
some pattern's required strings without matching it ("not human cells" holds "human" and
"cells"). ``RuleSet.plan(..., screen=True)`` drops those (block, pattern) pairs after a relaxed
check; the findings must stay exactly those of the unscreened plan.
"""
import pytest

import exolint.match.sparse as sparse
from exolint import api
from exolint.ruleset import RuleSet
from exolint.match.windows import block_breaks

PAGE = "\n\n".join([
    "Exosome serums used in our clinic come from rose stem cell cultures, not human cells.",
    "Our plant-derived ingredients were chosen for their texture and feel.",
    "A healthy routine, good sleep and plenty of water all show in your skin.",
    "We recommend a course of three sessions, spaced four weeks apart.",
    "Human stem cell exosomes give you no known side effects and 600% more collagen.",
    "The best clinic in town? Our clients say so, and the best facials are the ones that fit you.",
]) + "\n"


@pytest.fixture(scope="module")
def ruleset():
    return RuleSet.load()


def _pairs(plan):
    """(rule, pattern, block) for every block a pattern is to run in."""
    return {(rule.id, pattern.pattern, span)
            for rule, patterns in plan for pattern, spans, _reach, _places in patterns
            for span in spans}


def test_screening_drops_pairs_that_cannot_match_and_keeps_the_findings(ruleset, monkeypatch):
    full = _pairs(ruleset.plan(PAGE))
    screened = _pairs(ruleset.plan(PAGE, screen=True))
    assert screened < full  # some (pattern, block) pairs dropped, none added
    found = sorted((f.rule, f.start, f.end) for f in api.lint_text(PAGE, "page.txt", ruleset))
    unscreened = RuleSet.plan
    monkeypatch.setattr(RuleSet, "plan", lambda self, text, lowered=None, screen=False, breaks=None:
                        unscreened(self, text, lowered, False, breaks))
    assert found == sorted((f.rule, f.start, f.end) for f in api.lint_text(PAGE, "page.txt", RuleSet.load()))
    # (the US/AU cell-therapy-lexicon finding on the same phrase is merged into the UK/EU one)
    assert {"human-source-lexicon", "no-side-effects", "superlative-claim"} <= {rule for rule, _s, _e in found}


def test_block_breaks_passed_in_give_the_same_plan(ruleset):
    assert _pairs(ruleset.plan(PAGE, screen=True, breaks=block_breaks(PAGE))) == \
        _pairs(ruleset.plan(PAGE, screen=True))


def test_a_relaxed_check_that_runs_out_of_time_keeps_its_pattern(ruleset, monkeypatch):
    def out_of_time(*_args):
        raise TimeoutError

    full = _pairs(ruleset.plan(PAGE))
    monkeypatch.setattr(RuleSet, "relaxed_match", out_of_time)
    assert _pairs(ruleset.plan(PAGE, screen=True)) == full


class _RestartRunsOut:
    """A time budget whose clock runs out again as soon as it is restarted: the time-out then
    arrives between two checks, outside the one that is being handled."""
    timer = True

    def __init__(self, _seconds):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def left(self):
        return 1.0

    def restart(self):
        raise TimeoutError


def test_a_time_out_between_checks_leaves_the_other_blocks_unscreened(ruleset, monkeypatch):
    import exolint.ruleset as ruleset_module

    calls = []

    def first_runs_out(self, *_args):
        calls.append(1)
        raise TimeoutError

    full = _pairs(ruleset.plan(PAGE))
    monkeypatch.setattr(ruleset_module, "TimeBudget", _RestartRunsOut)
    monkeypatch.setattr(RuleSet, "relaxed_match", first_runs_out)
    assert _pairs(ruleset.plan(PAGE, screen=True)) == full
    assert len(calls) == 1


def test_a_time_out_between_chunk_checks_parses_the_chunks_not_yet_answered(ruleset, monkeypatch):
    source = "\n\n".join(["Human stem cell exosomes, no known side effects."] * 6) + "\n"
    spans = sparse.chunks(source)
    assert len(spans) == 6

    def first_runs_out(*_args):
        raise TimeoutError

    monkeypatch.setattr(sparse, "TimeBudget", _RestartRunsOut)
    monkeypatch.setattr(sparse, "_chunk_matches", first_runs_out)
    assert sparse.matched_chunks(source, spans, ruleset) == [True] * 6
