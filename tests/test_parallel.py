"""--jobs: results independent of the number of worker processes, in file order."""
from pathlib import Path

from conftest import SAMPLE_RULES

from exolint import api
from exolint.api import LintOptions, lint_paths
from exolint.parallel import TerminalProgress, lint_files, resolve_jobs
from exolint.ruleset import RuleSet


def sample_ruleset() -> RuleSet:
    return RuleSet.load([SAMPLE_RULES], include_bundled=False)


def make_tree(root: Path, count: int) -> None:
    for i in range(count):
        sub = root / f"d{i % 3}"
        sub.mkdir(exist_ok=True)
        body = "Plain copy about hydration.\n" * 20
        if i % 4 == 0:
            body += f"Page {i}: a miracle serum with no side effects.\n"
        (sub / f"page{i:03}.md").write_text(body, encoding="utf-8")
    (root / "d0" / "broken.md").write_bytes(b"\x00\x01binary")


def summary(report):
    return ([f.to_dict() for f in report.findings], [e.to_dict() for e in report.errors],
            [n.to_dict() for n in report.notes], report.files_checked)


def test_parallel_report_equals_serial(tmp_path):
    make_tree(tmp_path, 60)
    rules = sample_ruleset()
    serial = lint_paths([str(tmp_path)], rules, LintOptions(jobs=1))
    parallel = lint_paths([str(tmp_path)], rules, LintOptions(jobs=2))
    assert summary(parallel) == summary(serial)
    assert serial.files_checked == 60
    assert len(serial.findings) == 30  # 15 pages x (miracle + no side effects)
    paths = [f.path for f in parallel.findings]
    assert paths == sorted(paths)  # merged in discovery order


def test_lint_files_keeps_order_and_reports_progress(tmp_path):
    make_tree(tmp_path, 40)
    files = sorted(str(p) for p in tmp_path.rglob("*.md"))
    seen = []
    results = list(lint_files(files, sample_ruleset(), LintOptions(), jobs=2,
                              progress=lambda done, total: seen.append((done, total))))
    assert [r.path for r in results] == files
    assert seen[-1] == (len(files), len(files))
    assert [d for d, _ in seen] == list(range(1, len(files) + 1))


def test_unexpected_exception_is_an_error_for_that_file_only(tmp_path, monkeypatch):
    make_tree(tmp_path, 8)
    boom = str(tmp_path / "d1" / "page001.md")
    real = api.document_for

    def exploding(path, source, notes=None, **options):
        if path == boom:
            raise RuntimeError("reader bug")
        return real(path, source, notes, **options)

    monkeypatch.setattr(api, "document_for", exploding)
    (tmp_path / "d1" / "page001.md").write_text("a miracle", encoding="utf-8")
    report = lint_paths([str(tmp_path)], sample_ruleset(), LintOptions(jobs=1))
    broken = str(tmp_path / "d0" / "broken.md")  # NUL bytes: not checked, an error too (issue 18)
    assert [e.path for e in report.errors] == [broken, boom]
    assert "internal error" in report.errors[1].message and "reader bug" in report.errors[1].message
    assert "please report it" in report.errors[1].message
    assert report.files_checked == 7  # the other pages still checked


def test_resolve_jobs_defaults_to_cpus():
    assert resolve_jobs(None) >= 1
    assert resolve_jobs(0) == resolve_jobs(None)
    assert resolve_jobs(3) == 3


class FakeTTY:
    def __init__(self, tty):
        self.tty, self.written = tty, []

    def isatty(self):
        return self.tty

    def write(self, s):
        self.written.append(s)

    def flush(self):
        pass


def test_progress_only_on_a_terminal_and_for_many_files():
    quiet = FakeTTY(False)
    TerminalProgress(quiet)(1, 1000)
    assert quiet.written == []
    few = FakeTTY(True)
    TerminalProgress(few)(1, 5)
    assert few.written == []
    tty = FakeTTY(True)
    bar = TerminalProgress(tty)
    for i in range(1, 1001):
        bar(i, 1000)
    assert "checked 1000/1000 files" in "".join(tty.written)
    assert len(tty.written) < 250  # redrawn once per percent, not per file
    assert tty.written[-1].endswith("\033[K")  # erased at the end
