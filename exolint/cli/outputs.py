"""Where ``exolint check`` writes its reports: one format on standard output (or ``-o FILE``)
and any number of ``--format FMT=PATH`` files, all from one run.

Files are written atomically: the report goes to a temporary file in the same folder, which is
then renamed over the target, so concurrent runs never interleave and a crash never leaves a
truncated or empty report. A report path that is one of the files being checked is refused.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass

import click

from ..report import REPORTERS


@dataclass(frozen=True)
class Output:
    fmt: str
    path: str | None  # None: standard output


class FormatSpec(click.ParamType):
    """``FMT`` (standard output, or the ``-o`` file) or ``FMT=PATH`` (also write FMT to PATH)."""
    name = "FMT[=PATH]"

    def convert(self, value, param, ctx):
        if isinstance(value, Output):
            return value
        fmt, sep, path = value.partition("=")
        fmt = fmt.strip().lower()
        if fmt not in REPORTERS:
            self.fail(f"unknown format '{fmt}' (expected one of {', '.join(sorted(REPORTERS))}, "
                      "optionally as FMT=PATH)", param, ctx)
        if sep and not path:
            self.fail(f"'{value}': no path after '=' (write FMT=PATH)", param, ctx)
        return Output(fmt, path if sep else None)


def plan_outputs(formats, output: str | None) -> list[Output]:
    """The reports to write: the main one first (stdout or ``-o``), then the FMT=PATH files."""
    bare = [o for o in formats if o.path is None]
    files = [o for o in formats if o.path is not None]
    if len(bare) > 1:
        raise click.UsageError(f"--format given {len(bare)} times without a path "
                               f"({', '.join(o.fmt for o in bare)}): one report goes to standard "
                               "output (or -o FILE); write the others with --format FMT=PATH")
    fmt = bare[0].fmt if bare else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    plan = [Output(fmt, output), *files]
    seen: dict[str, str] = {}
    for o in plan:
        if o.path is None:
            continue
        key = _identity(o.path)
        if key in seen:
            raise click.UsageError(f"two reports would be written to the same file: {seen[key]} "
                                   f"and {o.path}")
        seen[key] = o.path
    return plan


def _identity(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return _identity(a) == _identity(b)


def output_over_input(plan: list[Output], inputs) -> tuple[str, str] | None:
    """(report path, input path) for the first report that would overwrite an input file."""
    files = [p for p in inputs if p and p != "-" and not os.path.isdir(p)]
    for o in plan:
        if o.path is None:
            continue
        for p in files:
            if _same_file(o.path, p):
                return o.path, p
    return None


def batched(pieces, size: int = 1 << 18):
    """``pieces`` of text joined into strings of about ``size`` characters (fewer writes than
    pieces, never the whole text at once)."""
    batch: list[str] = []
    held = 0
    for piece in pieces:
        batch.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(batch)
            batch, held = [], 0
    if batch:
        yield "".join(batch)


def write_atomic(path: str, content) -> None:
    """Write ``content`` (a string, or an iterable of them: written as they come) to ``path``
    through a temporary file in the same folder and a rename.

    Devices and pipes (``-o /dev/stdout``) are written in place: they cannot be renamed over.
    """
    if isinstance(content, str):
        content = (content,)
    real = os.path.realpath(path)  # a symlinked report is updated where it points
    if os.path.exists(real) and not os.path.isfile(real):
        with open(real, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(content)
        return
    folder, name = os.path.split(real)
    try:
        mode = os.stat(real).st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
