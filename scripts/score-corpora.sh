#!/bin/sh
# Score exolint on every labelled corpus with ../shared/eval/score.py (as tests/test_accuracy.py
# does): one summary per corpus; pass -v to list every miss and false positive.
# The ../shared corpora are scored only when ../shared is beside the checkout.
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
SCORE=../shared/eval/score.py
if [ ! -f "$SCORE" ]; then
  echo "../shared/eval/score.py is not beside the checkout: nothing to score with" >&2
  exit 2
fi
for labels in ../shared/corpus/real/labels.json ../shared/corpus/seeds.labels.json \
              ../shared/corpus/dev.labels.json tests/data/holdout*/*.labels.json; do
  [ -f "$labels" ] || continue
  echo "== $labels"
  "$PYTHON" "$SCORE" "$labels" --cmd "$PYTHON -m exolint check --format json" "$@" | \
    grep -E "^(MISSED|FALSE|FLAGGED|  [a-z_]+ +[0-9]+/|findings:|recall)" || true
done
