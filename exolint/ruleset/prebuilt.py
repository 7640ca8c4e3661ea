"""The bundled rule set, built when the wheel is built and shipped inside it.

Loading and validating the bundled packs (parsing, compiling and analysing a thousand patterns,
building the prefilter index) takes seconds, and every fresh CI container used to pay it on its
first run, before the on-disk cache (``cache.py``) existed. The wheel build (``setup.py``) runs
``python -m exolint.ruleset.prebuilt DIR``, which stores the built objects in
``exolint/rules/_prebuilt/`` exactly as the cache would; a run that uses only the bundled packs
loads them from there in milliseconds.

A prebuilt file is used only when its key matches: the exolint version, the Python
implementation and minor version, the ``regex`` version, the content of the ruleset modules and
of every bundled rule file. Anything else (an edited rule, another ``regex``) falls back to the
normal load and cache. User rule packs (``--rules``) never come from here: they are always
validated, with file, line and field in every error.
"""
from __future__ import annotations

import gc
import hashlib
import pickle
import sys
from pathlib import Path

FOLDER = "_prebuilt"
_KINDS = ("ruleset",)  # what `exolint check` loads; load_rules() lists use the cache


def prebuilt_key(kind: str, files: list[Path], rules_dir: Path) -> str:
    import regex

    from .. import __version__
    from .cache import FORMAT

    h = hashlib.sha256(FORMAT + b"|prebuilt|" + kind.encode())
    h.update(f"{__version__}|{sys.implementation.name}|{sys.version_info[:2]}|"
             f"{regex.__version__}".encode())
    here = Path(__file__).resolve().parent
    for module in sorted(here.glob("*.py")):
        h.update(module.name.encode() + b"\0" + module.read_bytes())
    for f in files:
        h.update(b"F" + f.relative_to(rules_dir).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def _path(kind: str, files: list[Path], rules_dir: Path) -> Path:
    return rules_dir / FOLDER / f"{kind}-{prebuilt_key(kind, files, rules_dir)[:32]}.pickle"


def load_prebuilt(kind: str, files: list[Path], rules_dir: Path):
    """The prebuilt object for exactly these bundled ``files``, or None."""
    try:
        path = _path(kind, files, rules_dir)
        if not path.is_file():
            return None
        data = path.read_bytes()
        collecting = gc.isenabled()
        gc.disable()  # as in cache._read: no cycle collections while the objects are made
        try:
            built = pickle.loads(data)
        finally:
            if collecting:
                gc.enable()
    except Exception:  # unreadable, from another build: load normally
        return None
    for rule in getattr(built, "rules", built):  # stored relative to the rules folder
        rule.source_file = str(rules_dir / rule.source_file)
    return built


def write_prebuilt(out_dir: Path) -> list[Path]:
    """Build the bundled rule set and store it in ``out_dir`` for each kind."""
    from . import RuleSet
    from .loader import _load_rules, bundled_rules_dir, input_files

    rules_dir = bundled_rules_dir()
    files = input_files([rules_dir])
    rules = _load_rules([rules_dir])
    for rule in rules:
        rule.source_file = Path(rule.source_file).relative_to(rules_dir).as_posix()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in _KINDS:
        built = RuleSet._indexed(rules) if kind == "ruleset" else list(rules)
        path = out_dir / _path(kind, files, rules_dir).name
        path.write_bytes(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    """``python -m exolint.ruleset.prebuilt OUT_DIR``: prebuild the bundled packs (wheel build)."""
    from .loader import bundled_rules_dir

    rules_dir = bundled_rules_dir()
    out_dir = Path(argv[0]) if argv else rules_dir / FOLDER
    for path in write_prebuilt(out_dir):
        print(f"prebuilt {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
