"""numpy, imported with one BLAS thread unless the user chose otherwise.

The stage multiplies small matrices (a page's sentences x a few thousand examples) in each worker
process: OpenBLAS's thread pool makes that tens of times slower on a busy machine (its threads
spin while waiting), so exolint asks for one thread before numpy is first imported. A caller who
imported numpy already, or set these variables, keeps their own setting.
"""
import os
import sys

if "numpy" not in sys.modules:
    for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

__all__ = ["np"]
