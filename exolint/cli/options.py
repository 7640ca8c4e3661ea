"""Command-line glue for configuration and suppressions: loading the config for ``check``
(errors exit 2 naming file and key), ``exolint config [PATH]`` and ``exolint suppressions``."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from ..semantic import rule_id as semantic_rule_id

from ..config.settings import Config, ConfigError
from ..config.discovery import discover
from ..config.pathfilter import make_skip
from ..ruleset import CATEGORIES
from ..sources import BinaryFile, ReaderError, UnreadableFile, document_for, read_text
from ..sources import DEFAULT_EXTENSIONS, STRUCTURED_EXTENSIONS
from ..filters.suppress import CATEGORY as SUPPRESSION_CATEGORY
from ..filters.suppress import SUPPRESSION_RULES, list_suppressions

EXIT_ERROR = 2


def known_names(ruleset) -> set[str]:
    """Names select/ignore/severity may use: rule ids, categories, the suppression audit rules."""
    return (set(ruleset.by_id) | set(CATEGORIES) | set(SUPPRESSION_RULES) | {SUPPRESSION_CATEGORY}
            | {semantic_rule_id(c) for c in CATEGORIES})


def config_error(exc: Exception):
    click.echo(f"exolint: bad configuration: {exc}", err=True)
    sys.exit(EXIT_ERROR)


def load_config(config_file: str | None, cli: dict | None = None) -> Config:
    try:
        return Config(Path(config_file) if config_file else None, cli)
    except ConfigError as exc:
        config_error(exc)


def config_rule_dirs(config: Config, paths: list[str]) -> list[str]:
    """Extra rule folders named by the configurations of the paths given."""
    out: list[str] = []
    try:
        for p in paths:
            for folder in config.for_path(p).rules:
                if folder not in out:
                    out.append(folder)
    except ConfigError as exc:
        config_error(exc)
    return out


def validate_config_names(config: Config, ruleset, paths: list[str]) -> None:
    try:
        config.validate_names(known_names(ruleset), paths)
    except ConfigError as exc:
        config_error(exc)


def fail_level(config: Config, paths: list[str], given: str | None) -> str:
    if given:
        return given
    try:
        return config.for_path(paths[0] if paths else ".").fail_on
    except ConfigError as exc:
        config_error(exc)


_SHOWN = ("config_file", "markets", "override_markets", "select", "ignore", "severity", "rules",
          "include", "exclude", "fail_on", "front_matter_fields", "respect_gitignore")


@click.command("config")
@click.argument("path", default=".", type=click.Path())
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Use this configuration file instead of searching for one.")
def show_config(path, config_file):
    """Print the effective configuration for PATH and where each value came from."""
    config = load_config(config_file)
    try:
        settings = config.for_path(path)
    except ConfigError as exc:
        config_error(exc)
    click.echo(f"# effective exolint configuration for {path}")
    click.echo(f"# config file: {settings.config_file or '(none found; defaults)'}")
    for attr in _SHOWN[1:]:
        value = getattr(settings, attr)
        if isinstance(value, frozenset):
            value = sorted(value)
        origin = settings.origins.get(attr, "default")
        key = attr.replace("_", "-")
        if attr == "markets":
            key = "markets (default when the page names none)"
        if attr == "override_markets":
            key = "markets (per-path, beats the page's own)"
        shown = "all" if value is None and "markets" in attr else json.dumps(value)
        click.echo(f"{key} = {shown}    # from {origin}")
    copy = settings.copy
    click.echo(f"copy = {{walk = {json.dumps(copy.walk)}, profile = {json.dumps(copy.profile)}, "
               f"include = {json.dumps(list(copy.include))}, exclude = {json.dumps(list(copy.exclude))}, "
               f"columns = {json.dumps(list(copy.columns))}}}    # from {settings.origins.get('copy', 'default')}")
    for entry in settings.suppress:
        click.echo(f"suppress = {{key = {json.dumps(entry.key)}, rule = {json.dumps(entry.rule)}, "
                   f"reason = {json.dumps(entry.reason)}}}    # from {entry.config_file}")
    click.echo("# market precedence: --market > per-path override > the page's front matter or "
               "lang > default > all markets")
    if os.path.isfile(path) and path.lower().endswith(STRUCTURED_EXTENSIONS):
        _show_copy_keys(path, copy)


def _show_copy_keys(path: str, copy) -> None:
    """`exolint config FILE` on a structured file: which of its keys count as copy."""
    from ..sources.structured.listing import all_strings, key_rows

    try:
        source, _notes = read_text(path)
        rows = key_rows(all_strings(path, source, copy))
    except (UnreadableFile, ReaderError) as exc:
        click.echo(f"# {path}: cannot list its keys: {exc}")
        return
    click.echo(f"# keys of {path} (see `exolint copy-keys {path}`):")
    for r in rows:
        click.echo(f"#   {'read' if r.read else 'skip'}  {r.shape}  ({r.count}: {r.reason})")


@click.command("suppressions")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Use this configuration file instead of searching for one.")
@click.option("--no-respect-gitignore", is_flag=True, help="Also list files .gitignore ignores.")
def list_all_suppressions(paths, fmt, config_file, no_respect_gitignore):
    """List every inline suppression under PATHS with its reason, for compliance sign-off."""
    config = load_config(config_file)
    found = discover(list(paths) or ["."], DEFAULT_EXTENSIONS,
                     make_skip(config, not no_respect_gitignore))
    rows: list[dict] = []
    errors = [f"{m}: no such file or directory" for m in found.missing]
    for path in found.files:
        if path.lower().endswith(STRUCTURED_EXTENSIONS):
            continue  # no comments there: their suppressions are config entries (below)
        try:
            source, _notes = read_text(path)
            fields = config.for_path(path).front_matter_fields
            rows.extend(list_suppressions(document_for(path, source, copy_fields=fields)))
        except BinaryFile:
            continue
        except (UnreadableFile, ReaderError, ConfigError) as exc:
            errors.append(f"{path}: {exc}")
    try:
        rows.extend(_config_suppressions(config, list(paths) or ["."]))
    except ConfigError as exc:
        errors.append(str(exc))
    if fmt == "json":
        click.echo(json.dumps({"suppressions": rows, "errors": errors}, indent=2))
    else:
        for r in rows:
            targets = ",".join(r["targets"]) or "(every rule)"
            reason = r["reason"] or "(NO REASON GIVEN)"
            if r["kind"] == "config":
                click.echo(f"{r['path']} {r['key']}: config {targets} -- {reason}  "
                           f"(entry {r['entry']} of {r['config_file']})")
                continue
            click.echo(f"{r['path']}:{r['line']}:{r['column']}: {r['kind']} {targets} -- {reason}")
        missing = sum(1 for r in rows if not r["reason"] and r["kind"] != "enable")
        comments = sum(1 for r in rows if r["kind"] != "config")
        entries = len(rows) - comments
        click.echo(f"{comments} suppression comment{'s' if comments != 1 else ''}, "
                   f"{missing} without a reason."
                   + (f" {entries} config entr{'ies' if entries != 1 else 'y'} ([[suppress]])."
                      if entries else ""))
        for e in errors:
            click.echo(f"exolint: error: {e}", err=True)
    sys.exit(EXIT_ERROR if errors else 0)


def _config_suppressions(config: Config, paths: list[str]) -> list[dict]:
    """The [[suppress]] entries of the configurations governing ``paths`` (each file once)."""
    rows: list[dict] = []
    seen: set[str] = set()
    for p in paths:
        cfg = config.config_for(p)
        if cfg is None or str(cfg.path) in seen:
            continue
        seen.add(str(cfg.path))
        for e in cfg.values.get("suppress", ()):
            rows.append({"path": e.path, "key": e.key, "kind": "config", "targets": [e.rule],
                         "reason": e.reason, "config_file": e.config_file, "entry": e.index + 1,
                         "line": 0, "column": 0})
    return rows


@click.command("copy-keys")
@click.argument("path", type=click.Path())
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Use this configuration file instead of searching for one.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--all", "every", is_flag=True, help="One line per string (with its pointer), "
              "not one per key path.")
def copy_keys(path, config_file, fmt, every):
    """List the key paths of a JSON, YAML, CSV, .po or WXR file and whether each is read as copy
    (so you can write [copy] include/exclude globs)."""
    from ..sources.structured.listing import all_strings, key_rows

    config = load_config(config_file)
    try:
        settings = config.for_path(path).copy
        source, _notes = read_text(path)
        strings = all_strings(path, source, settings)
    except ConfigError as exc:
        config_error(exc)
    except (UnreadableFile, ReaderError) as exc:
        click.echo(f"exolint: {path}: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    if fmt == "json":
        if every:
            data = [{"pointer": s.pointer, "key_path": s.shape, "read": s.read,
                     "reason": s.reason, "place": s.label} for s in strings]
        else:
            data = [{"key_path": r.shape, "read": r.read, "reason": r.reason, "strings": r.count,
                     "example": r.example} for r in key_rows(strings)]
        click.echo(json.dumps({"path": path, "keys": data}, indent=2, ensure_ascii=False))
        return
    if every:
        for s in strings:
            click.echo(f"{'read' if s.read else 'skip'}  {s.pointer}  # {s.reason}")
    else:
        rows = key_rows(strings)
        width = min(max((len(r.shape) for r in rows), default=10), 70)
        for r in rows:
            click.echo(f"{'read' if r.read else 'skip'}  {r.shape:<{width}}  {r.count:>5}  # {r.reason}")
    read = sum(1 for s in strings if s.read)
    click.echo(f"{len(strings)} strings, {read} read as copy.")
