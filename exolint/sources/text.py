"""Plain text: every character is copy. Directives are lines starting with ``exolint:``."""
from __future__ import annotations

from ..document import Document


def read_plain(path: str, source: str) -> Document:
    return Document.from_plain_text(path, source)
