#!/usr/bin/env bash
# A throwaway Redis server for the lock store of several Rasa processes (tests,
# benchmarks, the production profile on one machine).
#
#   scripts/redis.sh          start it (install Debian's redis-server if missing),
#                             print its URL on stdout: redis://:<password>@127.0.0.1:<port>/0
#   scripts/redis.sh url      print the URL of the running server (exit 1 if none)
#   scripts/redis.sh status   one line: running (port, pid) or not running (exit 1)
#   scripts/redis.sh stop     stop it (nothing is kept: no persistence)
#   scripts/redis.sh destroy  stop it and delete its directory (only with REDIS_DIR)
#
# Where: REDIS_DIR (default var/redis) holds redis.conf, password, port,
# redis.pid and server.log. A test run points REDIS_DIR at a directory of its
# own, so concurrent runs never share a server or a port.
# Port: a free port chosen at each start (kept in $REDIS_DIR/port; REDIS_PORT
# overrides); if another process takes it before the server binds it, the next
# free one is tried (up to 5 times).
# Password: generated at the first start (48 hex digits, so the URL needs no
# escaping) and kept in $REDIS_DIR/password, mode 0600, across restarts;
# redis.conf (requirepass) is 0600 too. The password never appears on a command
# line (redis-cli reads it from REDISCLI_AUTH).
# Owner: with REDIS_OWNER_PID=<pid> at start, a small watcher stops the server
# once that process has ended (and deletes the directory when REDIS_DIR was
# given), so a test run that is killed leaves no server behind.
#
# The server listens on 127.0.0.1 only, saves nothing to disk (save "",
# appendonly no: lock tickets are worthless after a restart) and runs as a
# daemon as the calling user. Start and stop of one directory are serialised
# with flock. Progress goes to stderr, so `URL=$(scripts/redis.sh)` captures
# the URL only.
set -euo pipefail
SCRIPT="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
OWN_DIR="${REDIS_DIR:-}"
BASE="$(realpath -m "${REDIS_DIR:-$(dirname "$SCRIPT")/../var/redis}")"
CONF="$BASE/redis.conf"
LOG="$BASE/server.log"
PIDFILE="$BASE/redis.pid"
log() { echo "redis.sh: $*" >&2; }

url() { echo "redis://:$(cat "$BASE/password")@127.0.0.1:$(cat "$BASE/port")/0"; }
cli() {  # cli <command...>: redis-cli against this directory's server
  REDISCLI_AUTH="$(cat "$BASE/password")" redis-cli -h 127.0.0.1 -p "$(cat "$BASE/port")" "$@"
}
server_pid() { [ -f "$PIDFILE" ] && cat "$PIDFILE"; }
running() {
  [ -f "$BASE/port" ] && [ -f "$BASE/password" ] && command -v redis-cli >/dev/null 2>&1 \
    && [ "$(cli ping 2>/dev/null)" = PONG ]
}
lock() { mkdir -p "$BASE"; exec 9>>"$BASE/.lock"; flock 9; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
stop_server() {
  local pid
  pid="$(server_pid || true)"
  if running; then
    cli shutdown nosave >/dev/null 2>&1 || true
  elif [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true  # alive but not answering
  else
    log "not running ($BASE)"; return 0
  fi
  for _ in $(seq 1 100); do  # up to 10 s, then SIGKILL
    { [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; } || { rm -f "$PIDFILE"; log "stopped ($BASE)"; return 0; }
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"; log "killed process $pid ($BASE)"
}
install_redis() {
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null \
      || { log "redis-server is not installed and installing needs root: apt-get install redis-server"; exit 1; }
    sudo=(sudo -n)
  fi
  log "installing redis-server from Debian's packages"
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq >&2 \
    && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends redis-server >&2 \
    || { log "installing redis-server failed (apt-get above); install it and try again"; exit 1; }
  # Debian's package may start its own service on port 6379; ours does not need it.
  if command -v service >/dev/null 2>&1; then "${sudo[@]}" service redis-server stop >/dev/null 2>&1 || true; fi
}

case "${1:-start}" in
  url)
    running && { url; exit 0; }
    log "not running ($BASE)"; exit 1 ;;
  status)
    running && { echo "running on 127.0.0.1:$(cat "$BASE/port") (pid $(server_pid || echo '?'), $BASE)"; exit 0; }
    echo "not running ($BASE)"; exit 1 ;;
  stop)
    [ -d "$BASE" ] || { log "not running ($BASE)"; exit 0; }
    lock; stop_server; exit 0 ;;
  destroy)
    [ -n "$OWN_DIR" ] || { log "destroy needs REDIS_DIR (it deletes that directory)"; exit 2; }
    [ -d "$BASE" ] || exit 0
    lock; stop_server; rm -rf "$BASE"; log "removed $BASE"
    exit 0 ;;
  start) ;;
  *) log "usage: $0 [start|url|status|stop|destroy]"; exit 2 ;;
esac

command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 || install_redis
command -v redis-server >/dev/null 2>&1 || { log "redis-server not found after installing it"; exit 1; }

lock
if running; then url; exit 0; fi
umask 077
[ -s "$BASE/password" ] || od -An -tx1 -N24 /dev/urandom | tr -d ' \n' > "$BASE/password"
chmod 600 "$BASE/password"
for attempt in 1 2 3 4 5; do
  if [ -n "${REDIS_PORT:-}" ]; then echo "$REDIS_PORT" > "$BASE/port"; else free_port > "$BASE/port"; fi
  PORT="$(cat "$BASE/port")"
  cat > "$CONF" <<EOF
bind 127.0.0.1
protected-mode yes
port $PORT
daemonize yes
pidfile $PIDFILE
logfile $LOG
dir $BASE
save ""
appendonly no
requirepass $(cat "$BASE/password")
EOF
  chmod 600 "$CONF"
  lines_before="$( (wc -l < "$LOG") 2>/dev/null || echo 0)"
  redis-server "$CONF" >&2 9>&- || true
  for _ in $(seq 1 100); do  # up to 10 s for the first PONG
    running && break
    sleep 0.1
  done
  if running; then break; fi
  if [ -z "${REDIS_PORT:-}" ] && tail -n "+$((lines_before + 1))" "$LOG" 2>/dev/null | grep -q "already in use\|Could not create server TCP"; then
    log "port $PORT was taken meanwhile (attempt $attempt); trying another"; continue
  fi
  log "server did not start; last log lines:"; tail -n 20 "$LOG" >&2 2>/dev/null || true; exit 1
done
running || { log "no free port after 5 attempts"; exit 1; }
log "running on 127.0.0.1:$PORT (pid $(server_pid || echo '?'))"
if [ -n "${REDIS_OWNER_PID:-}" ]; then
  # Watch the owner: once it has gone, stop (and with REDIS_DIR delete) this server.
  action=stop; [ -n "$OWN_DIR" ] && action=destroy
  REDIS_DIR="$OWN_DIR" setsid bash -c \
    'while kill -0 "$1" 2>/dev/null; do sleep 1; done; exec "$2" "$3"' redis-owner-watch \
    "$REDIS_OWNER_PID" "$SCRIPT" "$action" </dev/null >/dev/null 2>&1 9>&- &
  log "will stop with process $REDIS_OWNER_PID"
fi
url
