#!/bin/sh
# Regenerate docs/rules.md from the bundled rule packs in rules/.
# tests/test_rules_reference.py fails while docs/rules.md is stale.
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
"$PYTHON" -m exolint rules --format markdown > docs/rules.md.tmp
mv docs/rules.md.tmp docs/rules.md
echo "docs/rules.md regenerated ($(grep -c '^### ' docs/rules.md) rules)"
