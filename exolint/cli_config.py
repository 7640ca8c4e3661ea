"""Command-line glue for configuration and suppressions: loading the config for ``check``
(errors exit 2 naming file and key), ``exolint config [PATH]`` and ``exolint suppressions``."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .semantic import rule_id as semantic_rule_id

from .config import Config, ConfigError
from .discovery import discover
from .pathfilter import make_skip
from .ruleset import CATEGORIES
from .sources import BinaryFile, ReaderError, UnreadableFile, document_for, read_text
from .sources import DEFAULT_EXTENSIONS
from .suppress import CATEGORY as SUPPRESSION_CATEGORY
from .suppress import SUPPRESSION_RULES, list_suppressions

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
    click.echo("# market precedence: --market > per-path override > the page's front matter or "
               "lang > default > all markets")


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
        try:
            source, _notes = read_text(path)
            fields = config.for_path(path).front_matter_fields
            rows.extend(list_suppressions(document_for(path, source, copy_fields=fields)))
        except BinaryFile:
            continue
        except (UnreadableFile, ReaderError, ConfigError) as exc:
            errors.append(f"{path}: {exc}")
    if fmt == "json":
        click.echo(json.dumps({"suppressions": rows, "errors": errors}, indent=2))
    else:
        for r in rows:
            targets = ",".join(r["targets"]) or "(every rule)"
            reason = r["reason"] or "(NO REASON GIVEN)"
            click.echo(f"{r['path']}:{r['line']}:{r['column']}: {r['kind']} {targets} -- {reason}")
        missing = sum(1 for r in rows if not r["reason"] and r["kind"] != "enable")
        click.echo(f"{len(rows)} suppression comment{'s' if len(rows) != 1 else ''}, "
                   f"{missing} without a reason.")
        for e in errors:
            click.echo(f"exolint: error: {e}", err=True)
    sys.exit(EXIT_ERROR if errors else 0)
