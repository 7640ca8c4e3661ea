"""exolint: a marketing-claim compliance linter for skincare and aesthetic-clinic copy.

Pipeline: read copy (``sources``) -> normalised text with an offset map (``document``) -> match
rules (``engine``, rules from ``ruleset``) -> filter -> report (``report``).
"""
__version__ = "0.1.0"

from .api import LintOptions, LintReport, lint_paths, lint_source, lint_text  # noqa: E402

__all__ = ["LintOptions", "LintReport", "__version__", "lint_paths", "lint_source", "lint_text"]
