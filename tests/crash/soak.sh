#!/bin/sh
# Long crash soak: many seeds, many kills each, in FULL and NORMAL modes.
# Usage: tests/crash/soak.sh [path/to/crash_harness] [kills per run] [runs]
set -eu
harness=${1:-build/tests/crash_harness}
kills=${2:-1000}
runs=${3:-5}
[ -x "$harness" ] || { echo "soak: build crash_harness first (or pass its path)" >&2; exit 2; }
i=1
while [ "$i" -le "$runs" ]; do
  echo "soak run $i/$runs (seed $i, FULL)"
  "$harness" --kills "$kills" --seed "$i"
  echo "soak run $i/$runs (seed $i, NORMAL)"
  "$harness" --kills "$kills" --seed "$i" --normal
  i=$((i + 1))
done
echo "soak: all runs passed"
