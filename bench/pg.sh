#!/usr/bin/env bash
# bench/pg.sh: the PostgreSQL figures of docs/scaling.md, from the programs of
# a normal build (default build/, RelWithDebInfo; IZIN_BUILD=DIR for another):
#   1. durable events/s through `izin serve` with 1, 2 and 3 nodes on one
#      PostgreSQL, and with one node on SQLite (tests/nodes/multinode_harness
#      --bench: clients POST events with idempotency keys to every node in turn);
#   2. database bytes per open case, `due` with nothing due and with 10,000
#      due, and a worklist page, at 10k, 100k and 1M open cases (tests/nodes/pg_scale).
# Each part starts a throw-away cluster of its own with scripts/pg.sh.
#   bench/pg.sh [--quick]   # --quick: 5 s runs and 100k cases only
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${IZIN_BUILD:-$root/build}"
seconds=20
sizes=10000,100000,1000000
if [[ "${1:-}" == --quick ]]; then seconds=5; sizes=10000,100000; fi
harness="$build/tests/multinode_harness"
scale="$build/tests/pg_scale"
izin="$build/tools/izin"
for program in "$harness" "$scale" "$izin"; do
  [[ -x "$program" ]] || { echo "bench/pg.sh: $program is missing; build first (cmake --build $build)" >&2; exit 1; }
done

echo "== durable events/s through izin serve (6 clients, ${seconds} s each)"
"$harness" --bench --sqlite --izin "$izin" --source "$root" --seconds "$seconds"
for nodes in 1 2 3; do
  "$harness" --bench --nodes "$nodes" --izin "$izin" --source "$root" --seconds "$seconds"
done

echo "== PostgreSQL store at $sizes open cases"
work=$(mktemp -d "${TMPDIR:-/tmp}/izin-pg-bench.XXXXXX")
export IZIN_PG_STATE="$work/pg.state"
trap 'bash "$root/scripts/pg.sh" stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
url=$(bash "$root/scripts/pg.sh" start)
"$scale" --db "$url" --procedures "$root/procedures" --sizes "$sizes"
