#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks.
#
#   scripts/postgres.sh          start it (install PostgreSQL from Debian's packages
#                                if missing), print its SQLAlchemy URL on stdout
#   scripts/postgres.sh url      print the URL of the running cluster (exit 1 if none)
#   scripts/postgres.sh stop     stop it (the data stays until `make clean`)
#   scripts/postgres.sh destroy  stop it and delete its directory (only with POSTGRES_DIR)
#
# Where: POSTGRES_DIR (default var/postgres, the one bench uses) holds data/,
# socket/, server.log and port. A test run points POSTGRES_DIR at a directory of
# its own (scripts/test_all.sh: var/test-runs/<pid>/postgres), so concurrent runs
# never share a server, a port or a socket.
# Port: a free port chosen at each start (kept in $POSTGRES_DIR/port; PGPORT
# overrides); if another process takes it before the server binds it, the next
# free one is tried (up to 5 times).
# Owner: with POSTGRES_OWNER_PID=<pid> at start, a small watcher stops the cluster
# once that process has ended (and deletes the directory when POSTGRES_DIR was
# given), so a test run that is killed leaves no server behind.
#
# The cluster listens on 127.0.0.1 only, trusts local connections (test data only)
# and has one database and role, both "digipoint". When run as root the server runs
# as the "postgres" system user, because PostgreSQL refuses to run as root.
# Start and stop of one directory are serialised with flock. Progress goes to
# stderr, so `URL=$(scripts/postgres.sh)` captures the URL only.
set -euo pipefail
SCRIPT="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
OWN_DIR="${POSTGRES_DIR:-}"
BASE="$(realpath -m "${POSTGRES_DIR:-$(dirname "$SCRIPT")/../var/postgres}")"
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
running() { [ -n "$BIN" ] && [ -f "$DATA/PG_VERSION" ] && as_server "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }
lock() { mkdir -p "$BASE"; exec 9>>"$BASE/.lock"; flock 9; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
stop_server() {
  if running; then as_server "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 9>&-; else log "not running ($BASE)"; fi
}

BIN="$(find_bindir || true)"
case "${1:-start}" in
  url)
    running && [ -f "$BASE/port" ] && { url; exit 0; }
    log "not running ($BASE)"; exit 1 ;;
  stop)
    [ -d "$BASE" ] || { log "not running ($BASE)"; exit 0; }
    lock; stop_server; exit 0 ;;
  destroy)
    [ -n "$OWN_DIR" ] || { log "destroy needs POSTGRES_DIR (it deletes that directory)"; exit 2; }
    [ -d "$BASE" ] || exit 0
    lock; stop_server; rm -rf "$BASE"; log "removed $BASE"
    parent="$(dirname "$BASE")"  # a test run's own directory goes with it when empty
    case "$parent" in "$(realpath -m "$(dirname "$SCRIPT")/../var/test-runs")"/*) rmdir "$parent" 2>/dev/null || true ;; esac
    exit 0 ;;
  start) ;;
  *) log "usage: $0 [start|url|stop|destroy]"; exit 2 ;;
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

lock
mkdir -p "$SOCK"
if [ "$(id -u)" = 0 ]; then
  chown postgres "$BASE" "$SOCK"
  runuser -u postgres -- test -w "$BASE" \
    || { log "the postgres user cannot write $BASE (a parent directory is not searchable)"; exit 1; }
fi
if [ ! -f "$DATA/PG_VERSION" ]; then
  log "creating a cluster in $DATA"
  as_server "$BIN/initdb" -D "$DATA" --no-sync -U digipoint --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if running; then
  url; exit 0
fi
for attempt in 1 2 3 4 5; do
  if [ -n "${PGPORT:-}" ]; then echo "$PGPORT" > "$BASE/port"; else free_port > "$BASE/port"; fi
  PORT="$(cat "$BASE/port")"
  lines_before="$( (wc -l < "$LOG") 2>/dev/null || echo 0)"
  if as_server "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
      -o "-p $PORT -k $SOCK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" \
      start >&2 9>&-; then
    break
  fi
  if [ -z "${PGPORT:-}" ] && tail -n "+$((lines_before + 1))" "$LOG" | grep -q "could not bind\|already in use"; then
    log "port $PORT was taken meanwhile (attempt $attempt); trying another"; continue
  fi
  log "server did not start; last log lines:"; tail -n 20 "$LOG" >&2; exit 1
done
running || { log "no free port after 5 attempts"; exit 1; }
if ! as_server "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U digipoint -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'digipoint'" | grep -q 1; then
  as_server "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U digipoint digipoint
fi
if [ -n "${POSTGRES_OWNER_PID:-}" ]; then
  # Watch the owner: once it has gone, stop (and with POSTGRES_DIR delete) this cluster.
  action=stop; [ -n "$OWN_DIR" ] && action=destroy
  POSTGRES_DIR="$OWN_DIR" setsid bash -c \
    'while kill -0 "$1" 2>/dev/null; do sleep 1; done; exec "$2" "$3"' postgres-owner-watch \
    "$POSTGRES_OWNER_PID" "$SCRIPT" "$action" </dev/null >/dev/null 2>&1 9>&- &
  log "will stop with process $POSTGRES_OWNER_PID"
fi
url
