"""A compact list of (start, end, always_keep) chunks of a page (see ``exolint.match.sparse``).

A dense page has a chunk every few dozen characters; as a list of tuples each costs about 140
bytes (the tuple, two int objects, the list's pointer), several times the text it stands for.
``ChunkSpans`` holds them in typed arrays (17 bytes a chunk) and hands out tuples when read,
with the list operations the chunking code uses.
"""
from __future__ import annotations

from array import array


class ChunkSpans:
    __slots__ = ("starts", "ends", "always")

    def __init__(self, spans=()) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self.always = bytearray()
        for span in spans:
            self.append(span)

    def append(self, span: tuple[int, int, bool]) -> None:
        start, end, always = span
        self.starts.append(start)
        self.ends.append(end)
        self.always.append(always)

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
        self.starts[i], self.ends[i], self.always[i] = span[0], span[1], bool(span[2])

    def __iter__(self):
        return zip(self.starts, self.ends, map(bool, self.always))

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __repr__(self) -> str:
        return f"ChunkSpans({list(self)!r})"
