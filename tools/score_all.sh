#!/usr/bin/env bash
# Build the seed corpus and the dev set and score both with the referee (tests/gold/score.py).
# Usage: tools/score_all.sh [OUTDIR] [extra score.py flags, e.g. --show-errors --confusion]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/tmp/tipgraph-score-$$}"; shift || true
tipgraph build corpus --out "$out/seed" --jobs 2 --no-validate >/dev/null
tipgraph build tests/dev/corpus --out "$out/dev" --jobs 2 --no-validate >/dev/null
echo "== seed"; python tests/gold/score.py "$out/seed/graph.ttl" tests/gold "$@" | tail -n +1 > "$out/seed.txt"; grep '^{' "$out/seed.txt"
echo "== dev";  python tests/gold/score.py "$out/dev/graph.ttl" tests/dev/gold "$@" > "$out/dev.txt"; grep '^{' "$out/dev.txt"
if [ -n "${HOLDOUT:-}" ]; then  # measure only: never tune on the holdout sets (tests/holdout/README.md)
  for set in holdout holdout2; do
    [ -d "tests/$set/gold" ] || continue
    tipgraph build "tests/$set/corpus" --out "$out/$set" --jobs 2 --no-validate >/dev/null
    echo "== $set"; python tests/gold/score.py "$out/$set/graph.ttl" "tests/$set/gold" | grep '^{'
  done
fi
echo "(full reports: $out/seed.txt $out/dev.txt)"
