"""The filter stage a CI run applies after linting: baseline, changed lines (``--diff``)."""
