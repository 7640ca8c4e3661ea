"""A compact list of (start, end, always_keep) chunks of a page (see ``exolint.match.sparse``).

A dense page has a chunk every few dozen characters; as a list of tuples each costs about 140
bytes (the tuple, two int objects, the list's pointer), several times the text it stands for.
``ChunkSpans`` holds them in typed arrays (9 bytes a chunk, see ``exolint.offsets``) and hands
out tuples when read,
with the list operations the chunking code uses.
"""
from __future__ import annotations

from ..offsets import offset_array, widened


class ChunkSpans:
    __slots__ = ("starts", "ends", "always")

    def __init__(self, spans=()) -> None:
        self.starts = offset_array()
        self.ends = offset_array()
        self.always = bytearray()
        for span in spans:
            self.append(span)

    def append(self, span: tuple[int, int, bool]) -> None:
        start, end, always = span
        try:
            self.starts.append(start)
            self.ends.append(end)
        except OverflowError:  # an offset past 4 GiB
            self._widen()
            self.starts.append(start)
            self.ends.append(end)
        self.always.append(always)

    def _widen(self) -> None:
        rows = len(self.always)
        self.starts, self.ends = widened(self.starts[:rows]), widened(self.ends[:rows])

    def pop(self) -> tuple[int, int, bool]:
        return self.starts.pop(), self.ends.pop(), bool(self.always.pop())

    def __len__(self) -> int:
        return len(self.always)

    def __bool__(self) -> bool:
        return bool(self.always)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(zip(self.starts[i], self.ends[i], map(bool, self.always[i])))
        return self.starts[i], self.ends[i], bool(self.always[i])

    def __setitem__(self, i: int, span: tuple[int, int, bool]) -> None:
        try:
            self.starts[i], self.ends[i] = span[0], span[1]
        except OverflowError:
            self._widen()
            self.starts[i], self.ends[i] = span[0], span[1]
        self.always[i] = bool(span[2])

    def __iter__(self):
        return zip(self.starts, self.ends, map(bool, self.always))

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __repr__(self) -> str:
        return f"ChunkSpans({list(self)!r})"
