"""Time limits by interval timer (exolint.match.timelimit): a runaway match still stops, is reported,
and the run goes on; outside exolint's own process the per-call ``timeout=`` stays."""
import json
import signal
import threading

import pytest
import regex

from conftest import SAMPLE_RULES

from exolint.match import timelimit
from exolint.api import LintOptions, lint_paths
from exolint.ruleset import RuleSet
from exolint.match.timelimit import TimeBudget

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no interval timers here")

RUNAWAY = regex.compile(r"break(?:(?:a|aa)+)+c")  # exponential on "break" + "a" * n + "x"
STUCK = "break" + "a" * 40 + "x"


@pytest.fixture
def interval_timer():
    previous = signal.getsignal(signal.SIGVTALRM)
    assert timelimit.enable()
    yield
    timelimit._enabled = False
    signal.signal(signal.SIGVTALRM, previous)


def _idle_timer() -> bool:
    return signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0) and not timelimit._armed


def test_the_timer_stops_a_runaway_match_and_is_disarmed_after(interval_timer):
    with pytest.raises(TimeoutError):
        with TimeBudget(0.05) as budget:
            assert budget.timer
            RUNAWAY.search(STUCK)
    assert _idle_timer()
    with TimeBudget(0.05) as budget:  # an ordinary match is untouched
        assert RUNAWAY.search("break" + "a" * 5 + "c")
    assert _idle_timer()


def test_a_restarted_budget_guards_what_follows(interval_timer):
    stopped = 0
    with TimeBudget(0.05) as budget:
        for _ in range(2):
            try:
                RUNAWAY.search(STUCK)
            except TimeoutError:
                stopped += 1
                budget.restart()
    assert stopped == 2 and _idle_timer()


def test_budgets_do_not_nest(interval_timer):
    with TimeBudget(1.0) as outer:
        with TimeBudget(1.0) as inner:
            assert outer.timer and not inner.timer
            with pytest.raises(TimeoutError):
                RUNAWAY.search(STUCK, timeout=0.05)  # the inner one falls back to timeout=
    assert _idle_timer()


def test_other_threads_keep_per_call_timeouts(interval_timer):
    seen = {}

    def work():
        with TimeBudget(0.05) as budget:
            seen["timer"] = budget.timer
            try:
                RUNAWAY.search(STUCK, timeout=budget.left())
            except TimeoutError:
                seen["stopped"] = True

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == {"timer": False, "stopped": True}
    assert _idle_timer()


def test_not_enabled_means_per_call_timeouts():
    assert not timelimit.enabled()
    with TimeBudget(1.0) as budget:
        assert not budget.timer and 0.5 < budget.left() <= 1.0


def _runaway_rules(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    pack = (SAMPLE_RULES / "sample.toml").read_text(encoding="utf-8")
    pack = pack.replace("patterns = ['breakthrough']", "patterns = ['break(?:(?:a|aa)+)+c']")
    (rules / "sample.toml").write_text(pack, encoding="utf-8")
    (rules / "_contexts.toml").write_text((SAMPLE_RULES / "_contexts.toml").read_text(encoding="utf-8"))
    return RuleSet.load([rules], include_bundled=False)


@pytest.mark.parametrize("name", ["page.md", "page.txt", "page.html"])
def test_a_runaway_rule_is_reported_and_the_other_rules_still_run(tmp_path, interval_timer, monkeypatch,
                                                                  name):
    """Through the sparse reader's relaxed checks (Markdown and text, padded past its minimum
    size) and the engine, with the timer guarding both (no call pays for ``timeout=``)."""
    monkeypatch.setattr(TimeBudget, "left", lambda self: pytest.fail("timeout= used under the timer"))
    ruleset = _runaway_rules(tmp_path)
    calm = "Our clinic is a short walk from the station.\n\n" * 120
    body = calm + STUCK + " and a miracle.\n\n" + calm + STUCK + " again.\n"
    page = tmp_path / name
    page.write_text(f"<p>{body}</p>" if name.endswith(".html") else body, encoding="utf-8")
    report = lint_paths([str(page)], ruleset, LintOptions(jobs=1))
    assert [(t.rule, t.path) for t in report.timeouts] == [("sample-breakthrough", str(page))]
    assert [f.rule for f in report.findings] == ["sample-miracle"]
    assert _idle_timer()


def test_workers_guard_their_matches_too(tmp_path, run_cli):
    """The command line enables the timer; its worker processes inherit it (and would enable it
    again where they are spawned)."""
    rules = tmp_path / "rules"
    rules.mkdir()
    pack = (SAMPLE_RULES / "sample.toml").read_text(encoding="utf-8")
    (rules / "sample.toml").write_text(pack.replace("patterns = ['breakthrough']",
                                                    "patterns = ['break(?:(?:a|aa)+)+c']"), encoding="utf-8")
    (rules / "_contexts.toml").write_text((SAMPLE_RULES / "_contexts.toml").read_text(encoding="utf-8"))
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(10):
        (pages / f"p{i}.md").write_text(f"# Page {i}\n\n{STUCK} and a miracle.\n", encoding="utf-8")
    code, out, err = run_cli("check", "--no-bundled-rules", "--rules", rules, "--format", "json",
                             "--jobs", "2", pages)
    assert "Traceback" not in err
    assert err.count("'sample-breakthrough' hit its time limit") == 10
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["sample-miracle"] * 10


def _runaway_context_rules(tmp_path):
    """sample-miracle with a context whose regex backtracks catastrophically on "aaa...x"."""
    rules = tmp_path / "ctx-rules"
    rules.mkdir()
    pack = (SAMPLE_RULES / "sample.toml").read_text(encoding="utf-8")
    assert "patterns = ['miracle(?:-working)?']" in pack
    pack = pack.replace("patterns = ['miracle(?:-working)?']",
                        "patterns = ['miracle(?:-working)?']\nunless = ['runaway']")
    (rules / "sample.toml").write_text(pack, encoding="utf-8")
    contexts = (SAMPLE_RULES / "_contexts.toml").read_text(encoding="utf-8")
    contexts += '\n[context.runaway]\nsentence = ["(?:(?:a|aa)+)+z"]\n'
    (rules / "_contexts.toml").write_text(contexts, encoding="utf-8")
    return RuleSet.load([rules], include_bundled=False)


@pytest.mark.parametrize("timer", [True, False], ids=["interval timer", "timeout="])
def test_a_runaway_context_regex_is_time_limited_and_the_match_kept(tmp_path, timer, request):
    """Context regexes come from rule files as patterns do: a catastrophic one cannot hang the
    run either. The rule is reported and the match it could not judge is kept as a finding."""
    if timer:
        request.getfixturevalue("interval_timer")
    ruleset = _runaway_context_rules(tmp_path)
    page = tmp_path / "page.txt"
    page.write_text(f"A miracle {'a' * 40}x. A miracle cure, plainly said.\n", encoding="utf-8")
    report = lint_paths([str(page)], ruleset, LintOptions(jobs=1))
    assert [(t.rule, t.path) for t in report.timeouts] == [("sample-miracle", str(page))]
    assert [f.match for f in report.findings if f.rule == "sample-miracle"] == ["miracle", "miracle"]
    assert _idle_timer()



def test_a_rule_out_of_time_twice_in_one_document_is_reported_once(tmp_path):
    from exolint.match.engine import RuleTimeout, _Exceptions

    rule = _runaway_context_rules(tmp_path).by_id["sample-miracle"]
    text = f"A miracle {'a' * 40}x. A miracle cure."
    spans = [(2, 9), (text.rindex("miracle"), text.rindex("miracle") + 7)]
    timeouts = [RuleTimeout(rule.id, "p.txt")]  # its matching ran out of time already
    kept = _Exceptions(text).unexcepted(rule, spans, "p.txt", timeouts)
    assert kept == spans  # the first could not be judged, the second is not excepted either
    assert timeouts == [RuleTimeout(rule.id, "p.txt")]
