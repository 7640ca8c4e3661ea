"""Typed arrays for maps of text offsets (line starts, segment and chunk bounds).

A large page holds a number every dozen characters or so in these maps. An ``array('I')``
costs 4 bytes a number (a list of ints about 36, an ``array('q')`` 8); offsets of 4 GiB and
more, which no real page reaches, need 8 bytes: ``offset_array`` picks the type from the
largest offset the map can hold, and ``widened`` copies a 4-byte map into an 8-byte one for
code that learns of a larger offset only while appending.
"""
from __future__ import annotations

from array import array

_NARROW = "I"
_WIDE = "q"
_NARROW_LIMIT = 1 << 32
if array(_NARROW).itemsize < 4:  # (a platform where unsigned int is smaller: use the wide type)
    _NARROW, _NARROW_LIMIT = _WIDE, 1 << 63


def offset_array(largest: int | None = None, values=()) -> "array[int]":
    """An array for offsets up to ``largest`` (None: not known yet; start narrow, and widen with
    ``widened`` on OverflowError)."""
    code = _NARROW if largest is None or largest < _NARROW_LIMIT else _WIDE
    return array(code, values)


def widened(offsets: "array[int]") -> "array[int]":
    """``offsets`` as 8-byte numbers."""
    return offsets if offsets.typecode == _WIDE else array(_WIDE, offsets)
