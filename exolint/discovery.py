"""Find the files to check under the paths given on the command line."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

SKIP_DIRS = frozenset({".git", "node_modules", "__pycache__", ".hg", ".svn", ".venv", "venv"})


@dataclass
class Discovered:
    files: list[str] = field(default_factory=list)  # display paths, in a stable order
    missing: list[str] = field(default_factory=list)  # paths given that do not exist


def discover(paths: list[str], extensions: tuple[str, ...],
             skip: Callable[[str, bool], bool] | None = None) -> Discovered:
    """Files named explicitly are always checked; folders are walked for ``extensions``.

    ``skip(path, is_dir)`` prunes walked folders and files (.gitignore, config include/exclude;
    see ``exolint.pathfilter``).
    """
    out = Discovered()
    seen: set[str] = set()
    exts = tuple(e.lower() for e in extensions)

    def add(p: str) -> None:
        key = os.path.normpath(p)
        if key not in seen:
            seen.add(key)
            out.files.append(p)

    for given in paths:
        if os.path.isdir(given):
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                                 and not (skip and skip(os.path.join(root, d), True)))
                for name in sorted(files):
                    if name.lower().endswith(exts) and not name.startswith("."):
                        path = os.path.join(root, name)
                        if not (skip and skip(path, False)):
                            add(path)
        elif os.path.lexists(given):
            add(given)
        else:
            out.missing.append(given)
    return out
