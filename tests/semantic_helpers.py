"""Skip semantic-stage tests when the extra is missing, unless CI demands it."""
import os

import pytest

from exolint import semantic

REQUIRED = os.environ.get("EXOLINT_REQUIRE_SEMANTIC") == "1"
MISSING = ("the semantic extra is not installed (pip install -e '.[test,semantic]'); "
           "set EXOLINT_REQUIRE_SEMANTIC=1 to make this a failure")


def require_semantic():
    """Skip the calling test when the extra is missing (fail when EXOLINT_REQUIRE_SEMANTIC=1)."""
    if semantic.installed():
        return
    if REQUIRED:
        pytest.fail("EXOLINT_REQUIRE_SEMANTIC=1 but " + MISSING.split(" (")[0])
    pytest.skip(MISSING)
