"""Configuration: find, read and validate settings (exolint.toml, pyproject, overrides, copy keys, paths)."""
