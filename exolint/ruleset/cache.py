"""An on-disk cache of loaded rule sets, so start-up does not re-validate and re-compile rules.

The key is a hash of everything the result depends on: the content and path of every rule and
context file, the folders asked for, and the code that builds rules (exolint version, Python and
``regex`` versions, the size and mtime of the ruleset modules). A changed rule file is a new key.
Stored in ``$XDG_CACHE_HOME/exolint`` (default ``~/.cache/exolint``; ``EXOLINT_CACHE_DIR``
overrides it, ``EXOLINT_NO_CACHE=1`` turns it off). The cache never creates the user's home: the
default folder is made only inside a home that exists, ``$XDG_CACHE_HOME`` only when its parent
exists (a relative one is ignored, as the XDG spec says); otherwise the run goes without a cache,
silently. Any problem -- unwritable folder, corrupt or
foreign file -- falls back to loading the rules normally; the cache can never break a run.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

FORMAT = b"exolint-rules-cache-6"
_KEEP = 8  # old entries beyond this many are removed


def cache_location() -> tuple[Path, Path | None] | None:
    """(the cache folder, the folder that must already exist before it may be made: None when
    any may be made), or None when caching is off."""
    if os.environ.get("EXOLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("EXOLINT_CACHE_DIR")
    if explicit:
        return Path(explicit), None  # asked for by name: made as needed
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "exolint", Path(xdg).parent
    home = os.path.expanduser("~")
    if home == "~" or not os.path.isabs(home):
        return None  # no home to speak of
    return Path(home) / ".cache" / "exolint", Path(home)


def cache_dir() -> Path | None:
    location = cache_location()
    return location[0] if location else None


def cache_key(dirs: list[Path], files: list[Path], kind: str = "rules") -> str:
    import regex

    from .. import __version__

    h = hashlib.sha256(FORMAT + b"|" + kind.encode())
    h.update(f"{__version__}|{sys.version}|{regex.__version__}".encode())
    here = Path(__file__).resolve().parent
    for module in sorted(here.glob("*.py")):
        st = module.stat()
        h.update(f"{module.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    for d in dirs:
        h.update(b"D" + os.fsencode(str(d.resolve())))
    for f in files:
        h.update(b"F" + os.fsencode(str(f)) + b"\0" + f.read_bytes())
    return h.hexdigest()


def cached(dirs: list[Path], files: list[Path], load: Callable[[], T], kind: str = "rules") -> T:
    """``load()``'s result, from the cache when the same inputs were loaded into the same
    ``kind`` of object before (a rule list, a rule set with its prefilter index built)."""
    if len(dirs) == 1:  # the bundled packs alone: built into the wheel (prebuilt.py)
        from .loader import bundled_rules_dir
        from .prebuilt import load_prebuilt

        rules_dir = bundled_rules_dir()
        if dirs[0] == rules_dir:
            built = load_prebuilt(kind, files, rules_dir)
            if built is not None:
                return built
    location = cache_location()
    if location is None:
        return load()
    folder, must_exist = location
    try:
        key = cache_key(dirs, files, kind)
    except OSError:
        return load()  # a file vanished or cannot be read: let the loader report it
    path = folder / f"rules-{key[:32]}.pickle"
    hit = _read(path)
    if hit is not None:
        return hit
    rules = load()
    if must_exist is None or must_exist.is_dir():  # never create the user's home
        _write(folder, path, rules)
    return rules


def _read(path: Path):
    try:
        st = path.stat()
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            return None  # never unpickle a file someone else wrote
        with open(path, "rb") as fh:
            data = fh.read()
        # without the cycle collector while the objects are made: unpickling a few hundred
        # thousand of them would trigger collections that walk them all, several times
        # (measured: 26 ms instead of 50 to 130 ms)
        collecting = gc.isenabled()
        gc.disable()
        try:
            return pickle.loads(data)
        finally:
            if collecting:
                gc.enable()
    except Exception:  # missing, unreadable, corrupt, from another version: load normally
        return None


def _write(folder: Path, path: Path, rules) -> None:
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".rules-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(rules, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        entries = sorted(folder.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[_KEEP:]:
            old.unlink()
    except Exception:  # read-only home, full disk, unpicklable rule: just do without the cache
        pass
