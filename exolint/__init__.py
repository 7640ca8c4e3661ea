"""exolint: a marketing-claim compliance linter for skincare and aesthetic-clinic copy.

Pipeline, one folder per stage: read copy (``sources``) -> normalised text with an offset map
(``document``) -> match rules (``match``, rules from ``ruleset``) -> context (``context``,
optionally ``semantic``) -> filter (``filters``) -> report (``report``). Front ends (``cli``,
``server``, ``serve``) call ``api``; settings come from ``config``.
"""
__version__ = "0.1.0"

from .api import LintOptions, LintReport, lint_paths, lint_source, lint_text  # noqa: E402

__all__ = ["LintOptions", "LintReport", "__version__", "lint_paths", "lint_source", "lint_text"]
