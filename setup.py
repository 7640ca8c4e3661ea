"""Wheel build hook: ship the bundled rule set prebuilt (see exolint/ruleset/prebuilt.py), so
the first run in a fresh environment does not spend seconds validating and compiling rules.
Everything else is configured in pyproject.toml."""
import os
import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithPrebuiltRules(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the source tree; its cache does the job
        out = os.path.join(self.build_lib, "exolint", "rules", "_prebuilt")
        # the child must see the build environment's packages (pip's isolated env puts them on
        # sys.path, not always on PYTHONPATH): the prebuilt key names the regex version it used
        path = os.pathsep.join([os.path.abspath(self.build_lib), *filter(None, sys.path)])
        env = {**os.environ, "PYTHONPATH": path, "EXOLINT_NO_CACHE": "1"}
        proc = subprocess.run([sys.executable, "-m", "exolint.ruleset.prebuilt", out], env=env,
                              capture_output=True, text=True)
        if proc.returncode:  # never fail the build: without it the first run is only slower
            print("warning: exolint rules not prebuilt (first run will build them):\n"
                  + proc.stderr[-2000:], file=sys.stderr)
        else:
            print(proc.stdout.strip())


setup(cmdclass={"build_py": BuildPyWithPrebuiltRules})
