"""Read a file's bytes into text without losing anything and without crashing.

Decoding order: a BOM (UTF-8, UTF-16, UTF-32) wins; then, for data holding NUL bytes, UTF-32 and
UTF-16 without a BOM (what some Windows exports write), told apart by where the zero bytes sit
and accepted only when the result is text (reported as a note); then strict UTF-8; then
Windows-1252, the encoding of text pasted from Word on Windows (smart quotes as \\x92...),
reported as a note. Data with NUL bytes that is none of these is an error: the file is not
checked, and every report says so.
"""
from __future__ import annotations

import codecs
import errno
import os
import stat

MAX_BYTES = 200 * 1024 * 1024  # larger files are refused with a clear error


class UnreadableFile(Exception):
    """The file cannot be checked; the message says why, in words for the user."""


class BinaryFile(UnreadableFile):
    """A file that is not copy at all (a Word lock file): skipped with a note, not an error."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """(text, notes). Raises BinaryFile for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), []
            except UnicodeDecodeError as exc:
                raise UnreadableFile(f"invalid {encoding.upper()} after its byte-order mark "
                                     f"(byte {exc.start + len(bom)})") from None
    if b"\x00" in data:
        return _decode_wide(data)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        return text, [f"not valid UTF-8 (byte {first_bad}); decoded as Latin-1"]
    return text, [f"not valid UTF-8 (byte {first_bad}); decoded as Windows-1252"]


_WIDE = (("utf-32-le", 4, (1, 2, 3)), ("utf-32-be", 4, (0, 1, 2)),
         ("utf-16-le", 2, (1,)), ("utf-16-be", 2, (0,)))
# characters that never occur in copy: C0 controls other than tab, line and page breaks, and DEL
_NOT_TEXT = frozenset(chr(c) for c in (*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F))


def _decode_wide(data: bytes) -> tuple[str, list[str]]:
    """UTF-32 or UTF-16 text without a byte-order mark, or UnreadableFile.

    The candidate whose high (zero) bytes sit where that encoding puts them for most characters
    is tried first; a decoding is accepted only when it is strict and yields no control
    characters (misread UTF-16 as UTF-32 gives code points above U+10FFFF, misread UTF-32 as
    UTF-16 gives NUL characters)."""
    def zero_share(width: int, places: tuple[int, ...]) -> float:
        units = len(data) // width
        zeros = sum(data[i::width].count(0) for i in places)
        return zeros / max(1, units * len(places))

    candidates = sorted((c for c in _WIDE if len(data) % c[1] == 0),
                        key=lambda c: -zero_share(c[1], c[2]))
    for encoding, width, places in candidates:
        if zero_share(width, places) < 0.1:
            continue  # too few zero bytes where this encoding puts them: not this one
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _NOT_TEXT.intersection(text) and not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
            return text, [f"no byte-order mark; decoded as {encoding.upper()}"]
    raise UnreadableFile("holds NUL bytes and is not UTF-16 or UTF-32 text (binary?): not checked")


def read_text(path: str) -> tuple[str, list[str]]:
    """Read and decode a file. Raises UnreadableFile with a user-facing reason."""
    return decode_bytes(read_bytes(path))


def read_bytes(path: str) -> bytes:
    """Read a file's bytes (at most MAX_BYTES). Raises UnreadableFile with a user-facing reason.

    Only regular files are opened: a FIFO, socket or device could block or never end.
    """
    try:
        st = os.stat(path)
        kind = st.st_mode
    except FileNotFoundError:
        raise UnreadableFile("no such file (or a broken symbolic link)") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile("symbolic link loop") from None
        raise UnreadableFile(exc.strerror or str(exc)) from None
    if stat.S_ISDIR(kind):
        raise UnreadableFile("is a directory")
    if not stat.S_ISREG(kind):
        what = "a FIFO (named pipe)" if stat.S_ISFIFO(kind) else "a socket" if stat.S_ISSOCK(kind) \
            else "a device" if stat.S_ISCHR(kind) or stat.S_ISBLK(kind) else "not a regular file"
        raise UnreadableFile(f"{what}, not read")
    try:
        with open(path, "rb") as fh:
            # ask for the size stat gave (+1 to see growth): read(n) allocates n bytes up front,
            # and MAX_BYTES for every small page cost a tenth of a millisecond each
            expected = st.st_size + 1 if 0 < st.st_size <= MAX_BYTES else MAX_BYTES + 1
            data = fh.read(expected)
            if len(data) == expected and expected <= MAX_BYTES:  # it grew since stat
                data += fh.read(MAX_BYTES + 1 - len(data))
    except IsADirectoryError:
        raise UnreadableFile("is a directory") from None
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from None
    if len(data) > MAX_BYTES:
        raise UnreadableFile(f"larger than {MAX_BYTES // (1024 * 1024)} MB, skipped")
    return data
