"""Configuration: find, validate and resolve exolint settings for each checked file.

Sources, nearest first: ``.exolint.toml``, ``exolint.toml`` or ``pyproject.toml`` (with a
``[tool.exolint]`` table) in the file's folder or the nearest folder above it; ``--config FILE``
replaces discovery. One file's settings are its config's top-level values, then every
``[[overrides]]`` whose ``paths`` globs match the file (later overrides win), then the command
line. ``FileSettings.origins`` records where each value came from (``exolint config`` prints it).
Globs are gitignore-style (pathspec), relative to the folder of the config file.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..ruleset import MARKETS, SEVERITIES
from ..sources.frontmatter import DEFAULT_COPY_FIELDS
from ..sources.structured.keypaths import CopySettings
from . import copy_keys as copy_config

from .tomlparser import tomllib


def _pathspec():
    """pathspec, imported on first use (only configs with overrides need it): faster start-up."""
    import pathspec

    return pathspec


CONFIG_NAMES = (".exolint.toml", "exolint.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_FAIL_ON = "warning"


class ConfigError(Exception):
    """A configuration file is invalid; the message names the file, the key and what was expected."""


# -- validation ----------------------------------------------------------------------------------
def _where(file: Path, table: str, key: str) -> str:
    """``file:line: table.key`` (the line where the key is set, when it can be found)."""
    line = key_line(file, table, key)
    return f"{file}{f':{line}' if line else ''}: {table}{'.' if table else ''}{key}"


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def key_line(file: Path, table: str, key: str) -> int | None:
    """The 1-based line of ``key`` inside ``table`` ("tool.exolint", "overrides[2]", "" for the
    top level) of a TOML file, found in its text; None when it cannot be told."""
    try:
        lines = Path(file).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    m = re.fullmatch(r"(.*?)\.?overrides\[(\d+)\]", table)
    header, nth = (((m.group(1) + ".") if m.group(1) else "") + "overrides", int(m.group(2))) if m \
        else (table, 0)
    seen = -1
    inside = header == ""
    key_re = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*=")
    for number, text in enumerate(lines, 1):
        h = _HEADER.match(text)
        if h:
            name = h.group(1).replace('"', "").replace("'", "").replace(" ", "")
            if name == header:
                seen += 1
                inside = seen == nth
            else:
                inside = False
            if inside and key == header.rsplit(".", 1)[-1]:
                return number
            continue
        if inside and key_re.match(text):
            return number
    return None


def _str_list(value, file, table, key) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{_where(file, table, key)}: expected a list of non-empty strings, "
                          f"got {value!r}")
    return [v.strip() for v in value]


def market_set(names, unknown) -> frozenset[str] | None:
    """Market names as users write them ('GB' is UK; 'all' is every market, None) -> a set.
    ``unknown(name)`` makes the exception raised for a name that is not a market."""
    out = set()
    for n in names:
        up = "UK" if n.upper() == "GB" else n.upper()
        if up == "ALL":
            return None
        if up not in MARKETS:
            raise unknown(n)
        out.add(up)
    return frozenset(out)


def _markets(value, file, table, key) -> frozenset[str] | None:
    return market_set(_str_list(value, file, table, key), lambda n: ConfigError(
        f"{_where(file, table, key)}: unknown market {n!r} (expected one of {', '.join(MARKETS)} or all)"))


def _globs(value, file, table, key) -> list[str]:
    pats = _str_list(value, file, table, key)
    for p in pats:
        if p.count("[") > p.count("]"):
            raise ConfigError(f"{_where(file, table, key)}: bad glob {p!r}: unclosed '['")
        try:
            _pathspec().GitIgnoreSpec.from_lines([p])
        except Exception as exc:  # pathspec raises its own pattern errors
            raise ConfigError(f"{_where(file, table, key)}: bad glob {p!r}: {exc}") from None
    return pats


def _severity(value, file, table, key) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{_where(file, table, key)}: expected a table of RULE = \"error\"|"
                          f"\"warning\"|\"info\", got {value!r}")
    for name, sev in value.items():
        if sev not in SEVERITIES:
            raise ConfigError(f"{_where(file, table, key)}.{name}: expected one of "
                              f"{', '.join(SEVERITIES)}, got {sev!r}")
    return dict(value)


def _fail_on(value, file, table, key) -> str:
    if value not in FAIL_ON:
        raise ConfigError(f"{_where(file, table, key)}: expected one of {', '.join(FAIL_ON)}, "
                          f"got {value!r}")
    return value


def _bool(value, file, table, key) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{_where(file, table, key)}: expected true or false, got {value!r}")
    return value


def _threshold(value, file, table, key) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -1.0 <= value <= 1.0:
        raise ConfigError(f"{_where(file, table, key)}: expected a number between -1 and 1 (the "
                          f"margin by which the nearest flag examples must win), got {value!r}")
    return float(value)


def _pages(value, file, table, key) -> str:
    if value not in ("claimed", "all"):
        raise ConfigError(f"{_where(file, table, key)}: expected \"claimed\" (only pages where the "
                          f"rules reported a claim) or \"all\", got {value!r}")
    return value


def _folders(value, file, table, key) -> list[str]:
    folders = _str_list(value, file, table, key)
    for f in folders:
        if not (file.parent / f).is_dir():
            raise ConfigError(f"{_where(file, table, key)}: rules folder {f!r} does not exist "
                              f"(relative to {file.parent})")
    return [str((file.parent / f).resolve()) for f in folders]


TOP_KEYS = {
    "markets": _markets, "select": _str_list, "ignore": _str_list, "severity": _severity,
    "rules": _folders, "include": _globs, "exclude": _globs, "fail-on": _fail_on,
    "front-matter-fields": _str_list, "respect-gitignore": _bool,
    "copy": lambda v, f, t, k: _copy(v, f, t, k), "suppress": lambda v, f, t, k: _suppress(v, f, t, k),
    "semantic": _bool, "semantic-threshold": _threshold, "semantic-pages": _pages,
}
OVERRIDE_KEYS = {
    "paths": _globs, "markets": _markets, "select": _str_list, "ignore": _str_list,
    "severity": _severity, "front-matter-fields": _str_list,
    "copy": lambda v, f, t, k: _copy(v, f, t, k),
    "semantic": _bool, "semantic-threshold": _threshold, "semantic-pages": _pages,
}


def _raise(message: str):
    raise ConfigError(message)


def _copy(value, file, table, key) -> dict:
    """A ``copy`` table (structured files: see exolint.config.copy_keys)."""
    return copy_config.parse_copy(value, _where(file, table, key), _raise)


def _suppress(value, file, table, key) -> list:
    entries = copy_config.parse_suppress(value, _where(file, table, key), str(file), _raise)
    for e in entries:
        _globs(e.path, file, table, key)
    return entries


def _check_keys(data: dict, allowed, file: Path, table: str) -> None:
    for key in data:
        if key not in allowed:
            hint = ""
            alt = key.replace("_", "-")
            if alt in allowed:
                hint = f" (did you mean '{alt}'?)"
            raise ConfigError(f"{_where(file, table, key)}: unknown key{hint}; expected one of "
                              f"{', '.join(sorted(allowed))}")


# -- model ---------------------------------------------------------------------------------------
@dataclass
class Override:
    index: int
    paths: list[str]
    spec: "pathspec.PathSpec"
    values: dict


@dataclass
class ConfigFile:
    path: Path
    table: str  # "" for exolint.toml, "tool.exolint" for pyproject.toml
    values: dict
    overrides: list[Override] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.path.parent

    def relative(self, file: str) -> str | None:
        """``file`` relative to the config's folder (posix), or None if outside it."""
        try:
            return Path(file).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None


def load_config_file(path: Path) -> ConfigFile:
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"at line (\d+)", str(exc))
        raise ConfigError(f"{path}{':' + at.group(1) if at else ''}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    table = ""
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("exolint", {})
        table = "tool.exolint"
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: {table or 'top level'}: expected a table")
    raw_overrides = data.pop("overrides", [])
    _check_keys(data, TOP_KEYS, path, table)
    values = {k: TOP_KEYS[k](v, path, table, k) for k, v in data.items()}
    cfg = ConfigFile(path, table, values)
    if not isinstance(raw_overrides, list) or not all(isinstance(o, dict) for o in raw_overrides):
        raise ConfigError(f"{_where(path, table, 'overrides')}: expected an array of tables "
                          "([[overrides]])")
    for i, o in enumerate(raw_overrides):
        where = f"{table + '.' if table else ''}overrides[{i}]"
        _check_keys(o, OVERRIDE_KEYS, path, where)
        if "paths" not in o:
            line = key_line(path, where, "overrides")
            raise ConfigError(f"{path}{f':{line}' if line else ''}: {where}: missing key 'paths' "
                              "(a list of globs)")
        vals = {k: OVERRIDE_KEYS[k](v, path, where, k) for k, v in o.items()}
        paths = vals.pop("paths")
        cfg.overrides.append(Override(i, paths, _pathspec().GitIgnoreSpec.from_lines(paths), vals))
    return cfg


def _has_exolint_table(pyproject: Path) -> bool:
    try:
        with open(pyproject, "rb") as fh:
            return "exolint" in tomllib.load(fh).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        # a broken pyproject.toml is only our business if it mentions exolint
        try:
            return "[tool.exolint" in pyproject.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False


def find_config_path(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a folder)."""
    folder = start.resolve()
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            try:
                found = candidate.is_file()
            except OSError:  # a folder we may not look into (permissions): no config we can use
                continue
            if found:
                if name == "pyproject.toml" and not _has_exolint_table(candidate):
                    continue
                return candidate
    return None


# -- resolved settings ---------------------------------------------------------------------------
@dataclass
class FileSettings:
    """The settings that apply to one file, and where each came from."""
    config_file: str | None = None
    markets: frozenset[str] | None = None  # top-level: the default when the page names none
    override_markets: frozenset[str] | None = None  # from [[overrides]]: beats the page's own
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rules: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str = DEFAULT_FAIL_ON
    front_matter_fields: list[str] = field(default_factory=lambda: list(DEFAULT_COPY_FIELDS))
    respect_gitignore: bool = True
    copy: CopySettings = field(default_factory=CopySettings)  # structured files ([copy])
    suppress: list = field(default_factory=list)  # [[suppress]] entries matching this path
    semantic: bool | None = None  # the semantic stage; None: off (opt-in)
    semantic_threshold: float | None = None  # its margin; None: the recorded operating point
    semantic_pages: str | None = None  # "claimed" | "all"; None: the recorded operating point
    origins: dict[str, str] = field(default_factory=dict)

    def selects(self, rule_id: str, category: str) -> bool:
        if self.select and rule_id not in self.select and category not in self.select:
            return False
        return rule_id not in self.ignore and category not in self.ignore

    def severity_for(self, rule_id: str, category: str, default: str) -> str:
        return self.severity.get(rule_id) or self.severity.get(category) or default


_ATTR = {"markets": "markets", "select": "select", "ignore": "ignore", "severity": "severity",
         "rules": "rules", "include": "include", "exclude": "exclude", "fail-on": "fail_on",
         "front-matter-fields": "front_matter_fields", "respect-gitignore": "respect_gitignore",
         "copy": "copy", "suppress": "suppress",
         "semantic": "semantic", "semantic-threshold": "semantic_threshold",
         "semantic-pages": "semantic_pages"}


class Config:
    """Settings for any path: discovery (or one forced file), cached per folder and per file."""

    def __init__(self, forced: Path | None = None, cli: dict | None = None):
        self.forced = load_config_file(forced) if forced else None
        self.cli = {k: v for k, v in (cli or {}).items() if v not in (None, [], ())}
        self._by_dir: dict[str, ConfigFile | None] = {}
        self._folder_keys: dict[str, str] = {}  # a path as given -> its resolved folder
        self._shared: dict[str, FileSettings] = {}  # resolved folder -> its files' settings

    def config_for(self, path: str, is_dir: bool | None = None) -> ConfigFile | None:
        """The configuration file that governs ``path`` (``is_dir``: whether it is a folder,
        when the caller knows: discovery does, and a stat per file is then saved)."""
        if self.forced is not None:
            return self.forced
        folder_key = self._folder_keys.get(path)  # resolving a folder costs a stat per part
        if folder_key is None:
            if is_dir is None:
                is_dir = os.path.isdir(path)
            raw = path if is_dir else (os.path.dirname(path) or ".")
            folder_key = self._folder_keys.get(raw) or str(Path(raw).resolve())
            self._folder_keys[raw] = self._folder_keys[path] = folder_key
        key = folder_key
        if key not in self._by_dir:
            folder = Path(key)
            found = find_config_path(folder)
            self._by_dir[key] = load_config_file(found) if found else None
        return self._by_dir[key]

    def for_path(self, path: str, is_dir: bool | None = None) -> FileSettings:
        """The settings of ``path`` (shared between the files of a folder when no per-path
        override can apply: treat the result as read-only)."""
        cfg = self.config_for(path, is_dir)
        if cfg is None or not (cfg.overrides or "suppress" in cfg.values):
            key = self._folder_keys.get(path)
            shared = self._shared.get(key) if key is not None else None
            if shared is None:
                shared = self._settings_for(path, cfg)
                if key is not None:
                    self._shared[key] = shared
            return shared
        return self._settings_for(path, cfg)

    def _settings_for(self, path: str, cfg: "ConfigFile | None") -> FileSettings:
        s = FileSettings()
        for attr in ("markets", "select", "ignore", "severity", "rules", "include", "exclude",
                     "fail_on", "front_matter_fields", "respect_gitignore", "copy"):
            s.origins[attr] = "default"
        if cfg is not None:
            s.config_file = str(cfg.path)
            where = f"{cfg.path}" + (f" [{cfg.table}]" if cfg.table else "")
            rel = cfg.relative(path)
            for key, value in cfg.values.items():
                if key == "copy":
                    s.copy = copy_config.merged(s.copy, value)
                elif key == "suppress":
                    s.suppress = [e for e in value if rel is not None and _pathspec()
                                  .GitIgnoreSpec.from_lines([e.path]).match_file(rel)]
                    continue
                else:
                    setattr(s, _ATTR[key], value)
                s.origins[_ATTR[key]] = where
            if rel is not None:
                for o in cfg.overrides:
                    if o.spec.match_file(rel) or (Path(path).is_dir() and o.spec.match_file(rel + "/")):
                        o_where = (f"{cfg.path} [[{cfg.table + '.' if cfg.table else ''}overrides]]"
                                   f" #{o.index + 1} (paths = {o.paths})")
                        for key, value in o.values.items():
                            if key == "markets":
                                s.override_markets = value
                                s.origins["override_markets"] = o_where
                            elif key == "severity":
                                s.severity = {**s.severity, **value}
                                s.origins["severity"] = o_where
                            elif key == "ignore":
                                s.ignore = [*s.ignore, *value]
                                s.origins["ignore"] = o_where
                            elif key == "copy":
                                s.copy = copy_config.merged(s.copy, value)
                                s.origins["copy"] = o_where
                            else:
                                setattr(s, _ATTR[key], value)
                                s.origins[_ATTR[key]] = o_where
        for key, value in self.cli.items():
            if key == "ignore":
                s.ignore = [*s.ignore, *value]
            else:
                setattr(s, key, value)
            s.origins[key] = "command line"
        return s

    def validate_names(self, known: set[str], paths: list[str]) -> None:
        """Rule ids / categories named in select, ignore and severity must exist."""
        files = {str(c.path): c for c in map(self.config_for, paths) if c is not None}
        for cfg in files.values():
            tables = [(cfg.table, cfg.values)] + [
                (f"{cfg.table + '.' if cfg.table else ''}overrides[{o.index}]", o.values)
                for o in cfg.overrides]
            for entry in cfg.values.get("suppress", ()):
                if entry.rule not in known:
                    raise ConfigError(f"{_where(cfg.path, cfg.table, 'suppress')}[{entry.index}]: "
                                      f"rule {entry.rule!r} is neither a rule id nor a category "
                                      "(see `exolint rules`)")
            for table, values in tables:
                for key in ("select", "ignore", "severity"):
                    for name in values.get(key, ()):
                        if name not in known:
                            raise ConfigError(f"{_where(cfg.path, table, key)}: {name!r} is neither "
                                              "a rule id nor a category (see `exolint rules`)")


def apply_severity(findings, settings: FileSettings):
    if not settings.severity:
        return findings
    return [replace(f, severity=settings.severity_for(f.rule, f.category, f.severity))
            if (f.rule in settings.severity or f.category in settings.severity) else f
            for f in findings]
