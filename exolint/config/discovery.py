"""Find the files to check under the paths given on the command line.

Nothing is left out silently: a folder that cannot be read (permissions) and a path whose
configuration cannot be worked out are returned in ``unreadable`` with the reason, so the run
reports them as files not checked.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

SKIP_DIRS = frozenset({".git", "node_modules", "__pycache__", ".hg", ".svn", ".venv", "venv"})


@dataclass
class Discovered:
    files: list[str] = field(default_factory=list)  # display paths, in a stable order
    missing: list[str] = field(default_factory=list)  # paths given that do not exist
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, why) not walked


def _reason(exc: OSError) -> str:
    what = exc.strerror.lower() if exc.strerror else str(exc)
    return f"cannot read folder: {what}; the files in it were not checked"


def discover(paths: list[str], extensions: tuple[str, ...],
             skip: Callable[[str, bool], bool] | None = None) -> Discovered:
    """Files named explicitly are always checked; folders are walked for ``extensions``.

    ``skip(path, is_dir)`` prunes walked folders and files (.gitignore, config include/exclude;
    see ``exolint.config.pathfilter``).
    """
    out = Discovered()
    seen: set[str] = set()
    exts = tuple(e.lower() for e in extensions)

    def add(p: str) -> None:
        key = os.path.normpath(p)
        if key not in seen:
            seen.add(key)
            out.files.append(p)

    def skipped(path: str, is_dir: bool) -> bool:
        if skip is None:
            return False
        try:
            return skip(path, is_dir)
        except Exception as exc:  # noqa: BLE001 - e.g. a broken config file in a subfolder
            out.unreadable.append((path, _skip_reason(exc)))
            return True

    def walk_error(exc: OSError) -> None:
        out.unreadable.append((exc.filename if isinstance(exc.filename, str) else str(exc.filename),
                               _reason(exc)))

    for given in paths:
        if os.path.isdir(given):
            for root, dirs, files in os.walk(given, onerror=walk_error):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                                 and not skipped(os.path.join(root, d), True))
                for name in sorted(files):
                    if name.lower().endswith(exts) and not name.startswith("."):
                        path = os.path.join(root, name)
                        if not skipped(path, False):
                            add(path)
        elif os.path.lexists(given):
            add(given)
        else:
            try:
                os.lstat(given)
            except FileNotFoundError:
                out.missing.append(given)
            except OSError as exc:  # e.g. inside a folder we may not look into
                out.unreadable.append((given, f"cannot read: {(exc.strerror or str(exc)).lower()}"))
            else:
                out.missing.append(given)
    return out


def _skip_reason(exc: Exception) -> str:
    from .settings import ConfigError

    if isinstance(exc, ConfigError):
        return f"bad configuration: {exc}"
    if isinstance(exc, OSError):
        return _reason(exc)
    return f"cannot tell whether to check it: {type(exc).__name__}: {' '.join(str(exc).split())}"
