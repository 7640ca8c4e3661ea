"""Every string of a structured file with the decision on it, for ``exolint copy-keys`` and
``exolint config FILE``: the key paths found, and whether (and why) each is read as copy."""
from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import ReaderError
from .keypaths import CopySettings
from .strings import CopyString


def all_strings(path: str, source: str, settings: CopySettings) -> list[CopyString]:
    ext = os.path.splitext(path)[1].lower()
    if ext == ".json":
        from .json_reader import json_strings
        return json_strings(source, settings)
    if ext in (".yaml", ".yml"):
        from .yaml_reader import yaml_strings
        return yaml_strings(source, settings)[0]
    if ext == ".csv":
        from .csv_reader import csv_strings
        return csv_strings(source, settings)
    if ext in (".po", ".pot"):
        from .po_reader import po_strings
        return po_strings(source, settings)[0]
    if ext == ".xml":
        from .wxr_reader import wxr_strings
        return wxr_strings(source, settings)[0]
    raise ReaderError(f"not a structured format (expected .json, .yaml, .yml, .csv, .po or "
                      f".xml): {path}")


@dataclass
class KeyRow:
    shape: str
    read: bool
    reason: str
    count: int
    example: str  # the first pointer with this shape


def key_rows(strings: list[CopyString]) -> list[KeyRow]:
    """One row per (shape, decision), in file order, with how many strings it covers."""
    rows: dict[tuple[str, bool, str], KeyRow] = {}
    for s in strings:
        reason = s.reason if not s.reason.startswith("value is") else "value is not prose"
        key = (s.shape, s.read, reason)
        row = rows.get(key)
        if row is None:
            rows[key] = KeyRow(s.shape, s.read, reason, 1, s.pointer)
        else:
            row.count += 1
    return list(rows.values())
