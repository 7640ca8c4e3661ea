"""Which walked files to skip: .gitignore rules and the configuration's include/exclude globs.

.gitignore files are read from the walked folder up to the repository root (the folder holding
``.git``) and in every folder below; the deepest file with a matching pattern decides, as in git.
Patterns are matched with pathspec's gitignore implementation.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .settings import Config


class _LazyPathspec:
    """``pathspec``, imported on first use: most runs never need it, and start-up counts."""

    def __getattr__(self, name: str):
        import pathspec

        return getattr(pathspec, name)


pathspec = _LazyPathspec()


@lru_cache(maxsize=4096)
def _gitignore(folder: str) -> pathspec.GitIgnoreSpec | None:
    path = os.path.join(folder, ".gitignore")
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return pathspec.GitIgnoreSpec.from_lines(fh)
    except OSError:
        return None


@lru_cache(maxsize=4096)
def _repo_root(folder: str) -> str | None:
    for d in (Path(folder), *Path(folder).parents):
        try:
            if (d / ".git").exists():
                return str(d)
        except OSError:  # a folder we may not look into (permissions)
            continue
    return None


@lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    # resolve the folder, not the file: a symlink is ignored by its own name, and a symlink loop
    # must not raise (Path.resolve does)
    return os.path.realpath(folder)


@lru_cache(maxsize=4096)
def _ignore_chain(folder: str) -> tuple[tuple[Path, "pathspec.GitIgnoreSpec"], ...]:
    """The .gitignore specs that apply in ``folder`` (resolved): (folder, spec) from ``folder`` up
    to the repository root, deepest first. Worked out once per folder, not once per file."""
    root = _repo_root(folder)
    chain = []
    current = Path(folder)
    while True:
        spec = _gitignore(str(current))
        if spec is not None:
            chain.append((current, spec))
        if root is None or str(current) == root or current == current.parent:
            return tuple(chain)
        current = current.parent


def gitignored(path: str, is_dir: bool) -> bool:
    absolute = os.path.abspath(path)
    parent = _real_folder(os.path.dirname(absolute))
    chain = _ignore_chain(parent)
    if not chain:
        return False
    full = Path(parent) / os.path.basename(absolute)
    for folder, spec in chain:  # the deepest file with a matching pattern decides
        rel = full.relative_to(folder).as_posix() + ("/" if is_dir else "")
        decision = spec.check_file(rel).include
        if decision is not None:
            return bool(decision)
    return False


def make_skip(config: Config | None, respect_gitignore: bool = True):
    """skip(path, is_dir) for ``discovery.discover``."""
    def skip(path: str, is_dir: bool) -> bool:
        settings = config.for_path(path, is_dir) if config is not None else None
        if respect_gitignore and (settings is None or settings.respect_gitignore):
            if gitignored(path, is_dir):
                return True
        if settings is None:
            return False
        cfg = config.config_for(path, is_dir)
        rel = cfg.relative(path) if cfg is not None else None
        if rel is None:
            return False
        if settings.exclude and _spec(tuple(settings.exclude)).match_file(rel + ("/" if is_dir else "")):
            return True
        if settings.include and not is_dir and not _spec(tuple(settings.include)).match_file(rel):
            return True
        return False
    return skip


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)
