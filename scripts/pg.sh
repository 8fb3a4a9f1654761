#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for izin's tests, under a temporary directory.
#   scripts/pg.sh start   # initdb + pg_ctl start; prints the URL
#   scripts/pg.sh url     # the running cluster's URL (database izin)
#   scripts/pg.sh schema NAME  # a new empty schema; prints the URL that writes into it
#   scripts/pg.sh stop    # stops the cluster and removes its directory
#   scripts/pg.sh down    # stops the server only, keeping its data (an outage)
#   scripts/pg.sh up      # starts it again after down, on the same port
# IZIN_PG_STATE names the file that remembers the cluster (default: in $TMPDIR).
# As root (CI), the cluster runs as the unprivileged `postgres` user that
# Debian's postgresql package creates, since initdb refuses root.
set -euo pipefail
state=${IZIN_PG_STATE:-${TMPDIR:-/tmp}/izin-pg-$(id -u).state}

fail() { echo "pg.sh: $*" >&2; exit 1; }

bindir() {
  local dir
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] ||
    fail "PostgreSQL server programs (initdb, pg_ctl) are not installed; install postgresql-15 (scripts/deps.sh)"
  echo "$dir"
}

# as_owner CMD...: runs CMD as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || fail "running as root needs the 'postgres' system user (package postgresql-15)"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# A localhost port nobody listens on.
free_port() {
  local port
  for _ in $(seq 50); do
    port=$(( 20000 + RANDOM % 12000 ))  # below Linux's ephemeral ports (32768 up), which clients hold
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  fail "found no free localhost port"
}

# run_server BIN DIR PORT: pg_ctl start on the cluster in DIR.
run_server() {
  as_owner "$1/pg_ctl" -D "$2/data" -l "$2/server.log" -w -t 60 \
    -o "-k $2 -p $3 -c listen_addresses=localhost -c max_connections=200" start >/dev/null
}

start() {
  [ ! -f "$state" ] || fail "a cluster is already running (state in $state); run 'scripts/pg.sh stop' first"
  local bin dir port url
  bin=$(bindir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/izin-pg.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" != 0 ] || chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; rm -rf "$dir"; fail "initdb failed"; }
  # A port free when probed may be taken before the server binds it: try another.
  for attempt in 1 2 3; do
    port=$(free_port)
    url="postgresql://postgres@localhost:$port/izin"
    printf '%s\n%s\n%s\n' "$dir" "$url" "$bin" >"$state"  # from here on, stop cleans up
    run_server "$bin" "$dir" "$port" && break
    [ "$attempt" -lt 3 ] || { cat "$dir/server.log" >&2; stop; fail "the server did not start"; }
  done
  as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -qAt -c "CREATE DATABASE izin" >/dev/null ||
    { stop; fail "could not create the database izin"; }
  echo "$url"
}

stop() {
  [ -f "$state" ] || { echo "pg.sh: no cluster is running" >&2; return 0; }
  local dir bin
  dir=$(sed -n 1p "$state")
  bin=$(sed -n 3p "$state")
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$state"
}

down() {
  [ -f "$state" ] || fail "no cluster is running; run 'scripts/pg.sh start'"
  as_owner "$(sed -n 3p "$state")/pg_ctl" -D "$(sed -n 1p "$state")/data" -m fast -w stop >/dev/null
}

up() {
  [ -f "$state" ] || fail "no cluster to start again; run 'scripts/pg.sh start'"
  local port
  port=$(sed -n 2p "$state" | sed -E 's|.*:([0-9]+)/.*|\1|')
  run_server "$(sed -n 3p "$state")" "$(sed -n 1p "$state")" "$port" || fail "the server did not start again"
}

url() {
  [ -f "$state" ] || fail "no cluster is running; run 'scripts/pg.sh start'"
  sed -n 2p "$state"
}

# A new, empty schema NAME (dropped first if it exists); prints the URL that writes into it.
schema() {
  local name=$1 base
  [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || fail "a schema name is lower-case letters, digits and _"
  base=$(url)
  "$(sed -n 3p "$state")/psql" "$base" -qAt -c "SET client_min_messages = warning" \
    -c "DROP SCHEMA IF EXISTS $name CASCADE" -c "CREATE SCHEMA $name" >/dev/null
  echo "$base?options=-csearch_path%3D$name"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  down) down ;;
  up) up ;;
  url) url ;;
  schema) schema "${2:?usage: scripts/pg.sh schema NAME}" ;;
  *) fail "usage: scripts/pg.sh start|stop|down|up|url|schema NAME" ;;
esac
