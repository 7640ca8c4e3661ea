"""The one place the server checks copy: ``exolint.api.lint_buffer`` with the rules and
configuration loaded at start-up, so a request gets exactly what ``exolint check`` gives."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from ..api import LintOptions, LintReport, lint_buffer
from ..config.settings import Config
from ..ruleset import RuleSet
from .inputs import CheckRequest


@dataclass
class Checker:
    ruleset: RuleSet
    config: Config | None = None
    # one check at a time: the engine's caches are shared, and one person types at a time
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def check(self, request: CheckRequest) -> LintReport:
        options = LintOptions(markets=request.markets, config=self.config, keep_sources=True)
        with self._lock:
            return lint_buffer(request.name, request.data, self.ruleset, options)
