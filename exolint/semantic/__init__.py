"""The optional second reader (``pip install 'exolint[semantic]'``): sentences no rule matched,
compared with the rules' own examples by a small static embedding model.

Importing this package costs nothing: numpy and the model are loaded only when the stage runs
(``exolint.semantic.stage``), and ``installed()`` only looks for the packages.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache

PREFIX = "semantic-"
RUNTIME_PACKAGES = ("numpy", "tokenizers", "safetensors")
HOW_TO_ENABLE = ("The semantic second reader (findings 'semantic-<category>', severity info) "
                 "needs the optional extra: pip install 'exolint[semantic]'.")


@lru_cache(maxsize=1)
def installed() -> bool:
    """Whether the extra's packages are importable (found, not imported)."""
    try:
        return all(importlib.util.find_spec(name) is not None for name in RUNTIME_PACKAGES)
    except (ImportError, ValueError):  # a broken or blocked package counts as missing
        return False


def rule_id(category: str) -> str:
    return PREFIX + category


def is_semantic(rule: str) -> bool:
    return rule.startswith(PREFIX)
