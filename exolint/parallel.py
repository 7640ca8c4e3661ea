"""Check many files on several cores, results in file order (so output is deterministic).

Files are mapped over a process pool in chunks; each worker gets the rule set once (inherited
through ``fork`` where the platform has it, pickled once per worker otherwise). Small runs and
``jobs=1`` stay in-process: starting workers costs more than it saves below a few dozen files.
A worker that dies (killed, out of memory) never hangs the run: the files whose results were lost
are checked again in this process.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Callable, Iterator

from .findings import FileError, internal_error

if TYPE_CHECKING:  # pragma: no cover
    from .api import FileResult, LintOptions
    from .ruleset import RuleSet

MIN_FILES_PER_JOB = 4  # below this many files per worker, run serially

_worker_state: tuple["RuleSet", "LintOptions"] | None = None


def default_jobs() -> int:
    """The CPUs this process may run on (respects affinity / container limits where visible)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int | None) -> int:
    return default_jobs() if not jobs or jobs < 1 else jobs


def safe_lint_file(path: str, ruleset: "RuleSet", options: "LintOptions") -> "FileResult":
    """``lint_file`` that turns an unexpected exception into an error for that file alone."""
    from .api import FileResult, lint_file

    try:
        return lint_file(path, ruleset, options)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - one bad file must not end the run
        result = FileResult(path)
        result.errors.append(FileError(path, internal_error(exc)))
        return result


def _init_worker(ruleset: "RuleSet", options: "LintOptions", timer: bool = False) -> None:
    global _worker_state
    _worker_state = (ruleset, options)
    if timer:  # the parent guards matches with the interval timer: so does each worker
        from .match import timelimit

        timelimit.enable()


def _lint_in_worker(path: str) -> "FileResult":
    assert _worker_state is not None
    return safe_lint_file(path, *_worker_state)


def _context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def lint_files(paths: list[str], ruleset: "RuleSet", options: "LintOptions", jobs: int | None = None,
               progress: Callable[[int, int], None] | None = None) -> Iterator["FileResult"]:
    """Yield one FileResult per path, in the order of ``paths``."""
    jobs = min(resolve_jobs(jobs), max(1, len(paths) // MIN_FILES_PER_JOB))
    total = len(paths)
    done = 0
    if jobs <= 1:
        for path in paths:
            yield safe_lint_file(path, ruleset, options)
            done += 1
            if progress:
                progress(done, total)
        return
    from concurrent.futures import ProcessPoolExecutor  # imported here: a one-file run never pays for it
    from concurrent.futures.process import BrokenProcessPool

    from .match import timelimit

    ruleset.index().build()  # build the prefilter index once, before the workers copy it
    # small batches: a batch costs a few hundred microseconds to send and collect, while the
    # last batches decide how long one core waits for the other at the end
    chunksize = max(1, min(8, total // (jobs * 8)))
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_init_worker,
                                 initargs=(ruleset, options, timelimit.enabled())) as pool:
            for result in pool.map(_lint_in_worker, paths, chunksize=chunksize):
                yield result
                done += 1
                if progress:
                    progress(done, total)
    except BrokenProcessPool:
        for path in paths[done:]:
            yield safe_lint_file(path, ruleset, options)
            done += 1
            if progress:
                progress(done, total)


class TerminalProgress:
    """A one-line ``checked N/M files`` counter on a terminal's stderr, erased when done.

    Silent unless the stream is a terminal and the run has many files, so it never mixes into
    piped or machine-readable output.
    """

    MIN_FILES = 200

    def __init__(self, stream) -> None:
        self.stream = stream
        self.enabled = hasattr(stream, "isatty") and stream.isatty()
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.MIN_FILES:
            return
        percent = done * 100 // total
        if percent == self._last and done != total:
            return
        self._last = percent
        self.stream.write(f"\rexolint: checked {done}/{total} files ({percent}%)")
        if done == total:
            self.stream.write("\r\033[K")
        self.stream.flush()
