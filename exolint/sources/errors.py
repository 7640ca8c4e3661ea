"""Errors a reader raises for input it cannot read (reported for that file, never a crash)."""


class ReaderError(Exception):
    """The file's markup is broken in a way that stops it being read; the message says where."""
