"""The workspace's configuration and rule packs as one open document sees them.

Each document gets the settings ``exolint check`` would use for its path (and a file the
configuration's ``include``/``exclude`` leave out of ``exolint check .`` gets no findings): the nearest
``.exolint.toml`` / ``exolint.toml`` / ``pyproject.toml`` ``[tool.exolint]``, its per-path
overrides, and the user rule packs it names. Nothing is remembered across a change: before each
check the config files above the document and the rule files it uses are stat-ed (a few dozen
``stat`` calls), and a changed size or mtime drops the cached configuration or rule set. The
server also drops everything when the client reports a watched file changed
(``workspace/didChangeWatchedFiles``), for clients that can tell.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..api import LintOptions, LintReport, lint_buffer
from ..cli.options import known_names
from ..config.settings import CONFIG_NAMES, Config, ConfigError
from ..findings import Finding
from ..config.pathfilter import make_skip
from ..perfile import forget_subsets
from ..ruleset import RuleFileError, RuleSet
from ..ruleset.loader import CONTEXTS_FILE, rule_files


@dataclass
class Checked:
    """One check of one document's text: its findings, or why it could not be checked."""
    path: str
    findings: list[Finding] = field(default_factory=list)
    ruleset: RuleSet | None = None
    problems: list[str] = field(default_factory=list)  # why the file was NOT checked
    warnings: list[str] = field(default_factory=list)  # checked, but perhaps not fully


def _stat(path: Path):
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def config_stamp(folder: Path) -> tuple:
    """What the config files at or above ``folder`` look like on disk now."""
    out = []
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            s = _stat(d / name)
            if s is not None:
                out.append((str(d / name), s))
    return tuple(out)


def rules_stamp(folders: list[str]) -> tuple:
    """What the rule and context files of ``folders`` look like on disk now."""
    out = []
    for f in folders:
        folder = Path(f)
        try:
            files = [*rule_files(folder), folder / CONTEXTS_FILE]
        except RuleFileError:
            out.append((f, None))
            continue
        out.extend((str(p), _stat(p)) for p in files)
    return tuple(out)


class Project:
    """Settings and rule sets for the documents of one server, kept while the files are unchanged.

    ``markets``: the markets to judge copy under, as ``exolint check --market`` (None: the
    configuration's and the page's own, as the command line does without --market).
    """

    def __init__(self, markets: frozenset[str] | None = None):
        self.markets = markets
        self.generation = 0  # bumped whenever something was dropped: results before are stale
        self._config: Config | None = None
        self._config_stamps: dict[str, tuple] = {}
        self._rulesets: dict[tuple[str, ...], tuple[tuple, RuleSet]] = {}
        self._forget_requested = False

    def request_forget(self) -> None:
        """Ask the checking thread to drop its caches before its next check (thread-safe)."""
        self._forget_requested = True

    def refresh(self, path: str) -> None:
        """Drop the caches if a forget was requested, or a config file above ``path`` or a
        cached rule file changed on disk since it was read."""
        if self._forget_requested:
            self._forget_requested = False
            self.forget()
            return
        folder = Path(path).resolve().parent
        known = self._config_stamps.get(str(folder))
        if known is not None and known != config_stamp(folder):
            self.forget()
            return
        if any(rules_stamp(list(key)) != stamp for key, (stamp, _) in self._rulesets.items()):
            self.forget()

    def forget(self) -> None:
        """Drop every cached configuration and rule set (a watched file changed)."""
        self._config = None
        self._config_stamps.clear()
        self._rulesets.clear()
        forget_subsets()
        self.generation += 1

    def _current_config(self, path: str) -> Config:
        folder = Path(path).resolve().parent
        stamp = config_stamp(folder)
        known = self._config_stamps.get(str(folder))
        if self._config is not None and known is not None and known != stamp:
            self.forget()
        self._config_stamps[str(folder)] = stamp
        if self._config is None:
            self._config = Config()
        return self._config

    def _ruleset(self, folders: list[str]) -> RuleSet:
        key = tuple(folders)
        stamp = rules_stamp(folders)
        cached = self._rulesets.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        if cached is not None:
            self.generation += 1
        ruleset = RuleSet.load([Path(f) for f in folders])
        self._rulesets[key] = (stamp, ruleset)
        return ruleset

    def warm_up(self, folder: str) -> None:
        """Load the configuration and rules a document in ``folder`` would use (errors are
        reported when a document is checked)."""
        try:
            self.check(os.path.join(folder, "warm-up.md"), "exolint")
        except Exception:  # noqa: BLE001 - a warm-up must never fail the server
            pass

    def check(self, path: str, text: str) -> Checked:
        """Check ``text`` as the content of ``path``: what ``exolint check`` reports for it."""
        out = Checked(path)
        try:
            config = self._current_config(path)
            settings = config.for_path(path)
            if make_skip(config, respect_gitignore=False)(path, False):
                return out  # the config's include/exclude leave it out: not copy to check
            ruleset = self._ruleset(settings.rules)
            config.validate_names(known_names(ruleset), [path])
        except ConfigError as exc:
            out.problems.append(f"bad configuration: {exc}")
            return out
        except RuleFileError as exc:
            out.problems.append(f"bad rule file: {exc}")
            return out
        out.ruleset = ruleset
        result: LintReport = lint_buffer(path, text, ruleset,
                                         LintOptions(markets=self.markets, config=config))
        out.findings = result.findings
        out.problems.extend(e.message for e in result.errors)
        if not result.files_checked and not result.errors:
            out.problems.append("not checked")
        out.warnings.extend(f"rule '{t.rule}' hit its time limit; some matches may be missing"
                            for t in result.timeouts)
        return out


def is_config_file(path: str) -> bool:
    return os.path.basename(path) in CONFIG_NAMES
