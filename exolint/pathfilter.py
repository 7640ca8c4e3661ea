"""Which walked files to skip: .gitignore rules and the configuration's include/exclude globs.

.gitignore files are read from the walked folder up to the repository root (the folder holding
``.git``) and in every folder below; the deepest file with a matching pattern decides, as in git.
Patterns are matched with pathspec's gitignore implementation.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .config import Config


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
        if (d / ".git").exists():
            return str(d)
    return None


def gitignored(path: str, is_dir: bool) -> bool:
    # resolve the folder, not the file: a symlink is ignored by its own name, and a symlink loop
    # must not raise (Path.resolve does)
    absolute = os.path.abspath(path)
    full = Path(os.path.realpath(os.path.dirname(absolute))) / os.path.basename(absolute)
    root = _repo_root(str(full.parent))
    folder = full.parent
    while True:
        spec = _gitignore(str(folder))
        if spec is not None:
            rel = full.relative_to(folder).as_posix() + ("/" if is_dir else "")
            decision = spec.check_file(rel).include
            if decision is not None:
                return bool(decision)
        if root is None or str(folder) == root or folder == folder.parent:
            return False
        folder = folder.parent


def make_skip(config: Config | None, respect_gitignore: bool = True):
    """skip(path, is_dir) for ``discovery.discover``."""
    def skip(path: str, is_dir: bool) -> bool:
        settings = config.for_path(path) if config is not None else None
        if respect_gitignore and (settings is None or settings.respect_gitignore):
            if gitignored(path, is_dir):
                return True
        if settings is None:
            return False
        cfg = config.config_for(path)
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
