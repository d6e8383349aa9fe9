#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks, under var/postgres/.
#
#   scripts/postgres.sh          start it (install PostgreSQL from Debian's packages
#                                if missing), print its SQLAlchemy URL on stdout
#   scripts/postgres.sh url      print the URL of the running cluster (exit 1 if none)
#   scripts/postgres.sh stop     stop it (the data stays until `make clean`)
#
# The cluster listens on 127.0.0.1 on a spare port (kept in var/postgres/port;
# PGPORT overrides), trusts local connections (test data only) and has one
# database and role, both "digipoint". When run as root the server runs as the
# "postgres" system user, because PostgreSQL refuses to run as root.
# Progress goes to stderr, so `URL=$(scripts/postgres.sh)` captures the URL only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
BASE="$ROOT/var/postgres"
DATA="$BASE/data"
LOG="$BASE/server.log"
SOCK="$BASE/socket"
log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

as_server() {  # run a server binary as the postgres user when we are root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() { echo "postgresql+psycopg://digipoint@127.0.0.1:$(cat "$BASE/port")/digipoint"; }

BIN="$(find_bindir || true)"
case "${1:-start}" in
  url)
    [ -n "$BIN" ] && [ -f "$BASE/port" ] && as_server "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 \
      && { url; exit 0; }
    log "not running"; exit 1 ;;
  stop)
    if [ -n "$BIN" ] && [ -d "$DATA" ] && as_server "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_server "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
    else
      log "not running"
    fi
    exit 0 ;;
  start) ;;
  *) log "usage: $0 [start|url|stop]"; exit 2 ;;
esac

if [ -z "$BIN" ]; then
  if [ "$(id -u)" != 0 ]; then
    log "PostgreSQL is not installed and installing needs root: apt-get install postgresql"; exit 1
  fi
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends postgresql >&2
  BIN="$(find_bindir)" || { log "initdb not found after installing postgresql"; exit 1; }
fi

mkdir -p "$BASE" "$SOCK"
if [ "$(id -u)" = 0 ]; then chown postgres "$BASE" "$SOCK"; fi
if [ ! -f "$DATA/PG_VERSION" ]; then
  log "creating a cluster in $DATA"
  as_server "$BIN/initdb" -D "$DATA" -U digipoint --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if as_server "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  url; exit 0
fi
if [ -n "${PGPORT:-}" ]; then
  echo "$PGPORT" > "$BASE/port"
else
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
    > "$BASE/port"
fi
PORT="$(cat "$BASE/port")"
as_server "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
  -o "-p $PORT -k $SOCK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start >&2 \
  || { log "server did not start; last log lines:"; tail -n 20 "$LOG" >&2; exit 1; }
if ! as_server "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U digipoint -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'digipoint'" | grep -q 1; then
  as_server "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U digipoint digipoint
fi
url
