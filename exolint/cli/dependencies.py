"""The libraries exolint needs, checked before any work.

Most of them are imported on first use (start-up time counts), so an installation missing one
would otherwise fail half-way through a run, after some files were already reported. The CLI
asks first (``importlib.util.find_spec``: no import) and stops with a clear message.
"""
from __future__ import annotations

import importlib.util
import sys

# import name -> the package to install
REQUIRED = {
    "regex": "regex",
    "ahocorasick_rs": "ahocorasick-rs",
    "markdown_it": "markdown-it-py",
    "mdit_py_plugins": "mdit-py-plugins",
    "yaml": "PyYAML",
    "pathspec": "pathspec",
    "docx": "python-docx",
}
if sys.version_info < (3, 11):
    REQUIRED["tomli"] = "tomli"


def missing_packages() -> list[str]:
    """The required packages that cannot be imported in this environment."""
    return [package for module, package in REQUIRED.items() if importlib.util.find_spec(module) is None]
