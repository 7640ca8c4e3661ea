"""Time limits on pattern matching that cost nothing per match.

Every regex call that may meet a pattern which backtracks catastrophically needs a time limit.
``regex``'s own (``timeout=``) reads the process's CPU clock when a call starts and again within
its first steps: two system calls, which cost about 3.5 microseconds a call on this project's
virtual machines, for matches that mostly take 1 to 3. A Markdown page makes about 50 such calls.

Where exolint owns the process (the command line and its worker processes; POSIX; main thread),
``enable()`` turns on the cheaper way: a CPU-time interval timer (``ITIMER_VIRTUAL``) armed once
for a stretch of matching (one rule on one document, one batch of relaxed checks). Its signal
handler raises ``TimeoutError`` inside whatever is running when the time is up; ``regex`` checks
for signals every 256 steps, so a runaway match stops there, as with ``timeout=``. Elsewhere (a
library caller's own process or thread, Windows) each call gets ``timeout=`` as before: exolint
never installs a signal handler in a process it was only imported into.

    with TimeBudget(1.0) as budget:
        try:
            m = pat.match(text) if budget.timer else pat.match(text, timeout=budget.left())
        except TimeoutError:
            ...
            budget.restart()  # the timer fires once: re-arm it to guard what follows
"""
from __future__ import annotations

import signal
import threading
import time

_TIMER = getattr(signal, "ITIMER_VIRTUAL", None)
_SIGNAL = getattr(signal, "SIGVTALRM", None)
_enabled = False  # enable() was called in this process (inherited by forked workers)
_armed = False  # a TimeBudget's timer is running: only then does its signal raise


def enable() -> bool:
    """Guard matches with the interval timer in this process from now on; False (and nothing
    changed) where that is not possible: no ``setitimer``, or not the main thread."""
    global _enabled
    if _TIMER is None or _SIGNAL is None or threading.current_thread() is not threading.main_thread():
        return False
    signal.signal(_SIGNAL, _on_alarm)
    _enabled = True
    return True


def enabled() -> bool:
    return _enabled


def _on_alarm(signum, frame) -> None:
    if _armed:
        raise TimeoutError("pattern match time limit")


class TimeBudget:
    """``seconds`` of CPU time for a stretch of matching (see the module doc).

    ``timer``: the interval timer guards the calls (make them without ``timeout=``); else pass
    ``timeout=left()``. Budgets do not nest: one inside another falls back to ``timeout=``."""

    __slots__ = ("seconds", "timer", "deadline")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.timer = False
        self.deadline = 0.0

    def __enter__(self) -> "TimeBudget":
        global _armed
        self.timer = _enabled and not _armed and threading.current_thread() is threading.main_thread()
        if self.timer:
            _armed = True
            signal.setitimer(_TIMER, self.seconds)
        else:
            self.deadline = time.monotonic() + self.seconds
        return self

    def left(self) -> float:
        """The ``timeout=`` for the next call when the timer does not guard it."""
        return max(self.deadline - time.monotonic(), 0.001)

    def restart(self) -> None:
        """A full budget again (after a time-out was handled and the work goes on)."""
        if self.timer:
            signal.setitimer(_TIMER, self.seconds)
        else:
            self.deadline = time.monotonic() + self.seconds

    def __exit__(self, *exc) -> None:
        global _armed
        if self.timer:
            # a signal arriving from here on raises nothing; one that arrived just before
            # raises here, and the caller takes it as the time-out it is (the timer fires once)
            try:
                _armed = False
            finally:
                _armed = False
                signal.setitimer(_TIMER, 0)
