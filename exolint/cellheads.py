"""The table cells of a page and the header of each one's column, compactly.

A page with many tables has a body cell every few dozen characters; as a list of 4-tuples each
cost about 160 bytes (the tuple and its int objects). ``CellHeads`` holds them in typed arrays
(16 bytes a cell, see ``exolint.offsets``) and hands out tuples when read.
"""
from __future__ import annotations

from .offsets import offset_array, widened


class CellHeads:
    """(cell start, cell end, header start, header end) text offsets, one row per body cell, in
    the order the reader met them; ``ordered``: that is sorted order (as it is but for a table
    in a table's cell)."""

    __slots__ = ("starts", "ends", "head_starts", "head_ends", "ordered")

    def __init__(self, rows=()) -> None:
        self.starts = offset_array()
        self.ends = offset_array()
        self.head_starts = offset_array()
        self.head_ends = offset_array()
        self.ordered = True
        for row in rows:
            self.append(row)

    def append(self, row: tuple[int, int, int, int]) -> None:
        if self.ordered and self.head_ends and tuple(row) < self[-1]:
            self.ordered = False
        try:
            self._append(row)
        except OverflowError:  # an offset past 4 GiB
            rows = len(self.head_ends)
            for name in self.__slots__[:4]:
                setattr(self, name, widened(getattr(self, name)[:rows]))
            self._append(row)

    def _append(self, row: tuple[int, int, int, int]) -> None:
        self.starts.append(row[0])
        self.ends.append(row[1])
        self.head_starts.append(row[2])
        self.head_ends.append(row[3])

    def __len__(self) -> int:
        return len(self.head_ends)

    def __bool__(self) -> bool:
        return bool(self.head_ends)

    def __getitem__(self, i: int) -> tuple[int, int, int, int]:
        return self.starts[i], self.ends[i], self.head_starts[i], self.head_ends[i]

    def __iter__(self):
        return zip(self.starts, self.ends, self.head_starts, self.head_ends)

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __repr__(self) -> str:
        return f"CellHeads({list(self)!r})"
