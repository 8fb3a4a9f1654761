#!/usr/bin/env bash
# bench/http.sh: the HTTP figures of docs/benchmarks.md. Builds izin in
# Release into build-bench, starts `izin serve` on a temporary database and
# measures with wrk: (a) GET /api/v1/cases/{id} at 64 connections, (b) POST
# events at 32 connections, each with a new Idempotency-Key; then runs
# izin_bench's durable part and prints the ratio of (b) to its in-process
# one-event-per-transaction figure (each HTTP event is one transaction too).
# IZIN_HTTP_SECONDS (default 10) sets each wrk run's length.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jobs="${IZIN_BENCH_JOBS:-2}"
seconds="${IZIN_HTTP_SECONDS:-10}"
threads=2

command -v wrk >/dev/null || { echo "bench/http.sh: needs wrk (apt-get install wrk)" >&2; exit 2; }
# IZIN_BUILD_DIR=DIR measures DIR's izin as it is (no build; a smoke run of this script).
build="${IZIN_BUILD_DIR:-}"
if [[ -z "$build" ]]; then
  echo "== izin: Release build in build-bench" >&2
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DIZIN_BUILD_BENCH=ON -DIZIN_BUILD_TESTS=OFF \
        -DIZIN_BUILD_TOOLS=ON >/dev/null
  make -C build-bench -j"$jobs" izin_cli izin_bench >/dev/null
  build=build-bench
fi
build="$(cd "$build" && pwd)"
izin="$build/tools/izin"

work="$(mktemp -d)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port/api/v1"
"$izin" serve --listen "127.0.0.1:$port" --db "$work/izin.db" --procedures procedures 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do curl -sf "$base/openapi.json" >/dev/null && break; sleep 0.1; done
echo "rahasia-bench" | "$izin" user add bench --role front_office --password-stdin --db "$work/izin.db" \
  --procedures procedures >/dev/null
token=$("$izin" user token bench --db "$work/izin.db" | tail -n 1)
auth="Authorization: Bearer $token"

# Answered-with-2xx requests per second, the 99% latency and the non-2xx count of a wrk --latency report.
figures() { awk '/requests in/ {total=$1; secs=$4; sub(/s,?$/, "", secs)} /^ *99%/ {p99=$2} /Non-2xx/ {bad=$5}
                 END {printf "%.0f %s %d\n", (total - bad) / secs, p99, bad}'; }

echo "== opening cases over HTTP (32 connections, $(( seconds * 2 )) s), for the events to fire on" >&2
wrk -t"$threads" -c32 -d"$(( seconds * 2 ))s" --latency -s bench/http/open.lua -H "$auth" "$base/cases" \
  >"$work/open.txt"
read -r open_rps open_p99 open_bad < <(figures <"$work/open.txt")
python3 - "$base" "$token" >"$work/ids.txt" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
cursor = ""
while True:
    req = urllib.request.Request(f"{base}/cases?procedure=legalisir&limit=500&cursor={cursor}",
                                 headers={"Authorization": f"Bearer {token}"})
    page = json.load(urllib.request.urlopen(req))
    for c in page["cases"]:
        print(c["id"])
    cursor = page.get("next_cursor") or ""
    if not cursor:
        break
PY
cases=$(wc -l <"$work/ids.txt")
first=$(head -n 1 "$work/ids.txt")

echo "== (a) GET /cases/{id}, 64 connections, ${seconds} s" >&2
wrk -t"$threads" -c64 -d"${seconds}s" --latency -H "$auth" "$base/cases/$first" >"$work/get.txt"
read -r get_rps get_p99 get_bad < <(figures <"$work/get.txt")

echo "== (b) POST events with Idempotency-Key, 32 connections, ${seconds} s, over $cases cases" >&2
IZIN_BENCH_IDS="$work/ids.txt" IZIN_BENCH_THREADS="$threads" \
  wrk -t"$threads" -c32 -d"${seconds}s" --latency -s bench/http/events.lua -H "$auth" "$base/cases" \
  >"$work/events.txt"
read -r ev_rps ev_p99 ev_bad < <(figures <"$work/events.txt")

kill -TERM "$server"; wait "$server" || true; server=""

durable=""
if [[ -x "$build/bench/izin_bench" ]]; then
  echo "== izin_bench: durable, in-process" >&2
  durable=$("$build/bench/izin_bench" --only durable |
            awk -F'|' '/one event per transaction \(/ {gsub(/[ ,]|ev\/s/, "", $3); print $3; exit}')
fi

printf '\n%-58s | %12s | %9s | %s\n' "HTTP figure" "requests/s" "p99" "non-2xx"
printf '%-58s | %12s | %9s | %s\n' "open cases, POST /cases, 32 connections" "$open_rps" "$open_p99" "$open_bad"
printf '%-58s | %12s | %9s | %s\n' "(a) GET /api/v1/cases/{id}, 64 connections" "$get_rps" "$get_p99" "$get_bad"
printf '%-58s | %12s | %9s | %s\n' "(b) POST events + Idempotency-Key, 32 connections" "$ev_rps" "$ev_p99" "$ev_bad"
if [[ -n "$durable" ]]; then
  printf '%-58s | %12s |\n' "in-process durable, one event per transaction (events/s)" "$durable"
  python3 -c "import sys; print(f'ratio (b) / in-process durable: {float(sys.argv[1]) / float(sys.argv[2]):.2f}')" \
    "$ev_rps" "$durable"
else
  echo "(no izin_bench in $build: no in-process durable figure, no ratio)"
fi
