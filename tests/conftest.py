import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE_RULES = REPO / "tests" / "data" / "rules"
SHARED = REPO.parent / "shared"


@pytest.fixture
def sample_rules():
    return SAMPLE_RULES


@pytest.fixture
def run_cli():
    """Run the exolint CLI in a subprocess: (exit code, stdout, stderr)."""

    def run(*args, input=None, env=None, cwd=None):
        full_env = dict(os.environ)
        full_env.pop("GITHUB_ACTIONS", None)
        full_env.update(env or {})
        proc = subprocess.run([sys.executable, "-m", "exolint", *map(str, args)], input=input,
                              capture_output=True, text=True, env=full_env, cwd=cwd)
        return proc.returncode, proc.stdout, proc.stderr

    return run
