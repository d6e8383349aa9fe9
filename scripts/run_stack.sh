#!/usr/bin/env bash
# Run DigiPoint under supervisord: Rasa, the action server, the web app, the
# worker and nginx (the one public entry). Expects built environments, a
# migrated database and a trained model (see `make run`).
#
#   scripts/run_stack.sh              start in the foreground; Ctrl-C stops all of it
#   scripts/run_stack.sh status       state of every program (make status)
#   scripts/run_stack.sh ctl ARGS...  any supervisorctl command, e.g. `ctl restart actions`
#
# A crashed program is restarted by supervisord (with back-off while it keeps
# failing to start); the others keep serving. Configuration is generated per
# run into RUN_DIR from deploy/*.j2 (deploy/render.py, deploy/topology.py).
#
# Profiles (DIGIPOINT_PROFILE):
#   embedded (default, make run): one Rasa process and one action server,
#     SQLite files, conversation locks in Rasa's memory (LOCK_STORE_URL=memory://).
#   production (make run-production): RASA_REPLICAS (2) Rasa processes rasa-1,
#     rasa-2, ... on RASA_INTERNAL_PORT, +1, ..., ACTION_REPLICAS (2) action
#     servers actions-1, ... on ACTION_PORT, +1, ..., nginx balancing them
#     (internal: ACTION_LB_PORT=5054 for Rasa's action calls, RASA_API_LB_PORT=5004
#     for the web app's RASA_URL). Data in PostgreSQL: without DATABASE_URL /
#     TRACKER_DB_URL the local cluster of scripts/postgres.sh (var/postgres,
#     databases digipoint and rasa_tracker) is started, migrated and given the
#     sample catalogue. Redis (LOCK_STORE_URL for Rasa's lock store,
#     SOCKETIO_REDIS_URL for socket.io rooms shared by the Rasa processes):
#     without them scripts/redis.sh (var/redis) is started. What this script
#     started stops when supervisord does (the scripts' owner watchers).
#
# Settings come from the environment, then .env, then these defaults:
#   PUBLIC_HOST=127.0.0.1  RASA_PORT=5005  WEB_PORT=8080        (public, nginx)
#   RASA_INTERNAL_PORT=5006 WEB_INTERNAL_PORT=8081 ACTION_PORT=5055 (127.0.0.1 only)
#   DATABASE_URL=sqlite:///<repo>/var/digipoint.db
#   TRACKER_DB_URL=sqlite:///<repo>/var/rasa_tracker.db
#   RUN_DIR=var/run  LOG_DIR=var/log  DIGIPOINT_ENV (production refuses ALLOWED_ORIGINS=*)
#   RASA_TOKEN, ACTION_SERVER_TOKEN: generated into var/ when unset; never on a command line
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
if [[ -f .env ]]; then
  # .env fills in what the environment does not set.
  saved_env="$(export -p)"
  set -a; source .env; set +a
  eval "$saved_env"
fi

abs() { [[ "$1" == /* ]] && echo "$1" || echo "$ROOT/$1"; }
RUN_DIR="$(abs "${RUN_DIR:-var/run}")"
LOG_DIR="$(abs "${LOG_DIR:-var/log}")"
export RUN_DIR LOG_DIR
CONF="$RUN_DIR/supervisord.conf"
ctl() { "$ROOT/.venv/bin/supervisorctl" -c "$CONF" "$@"; }

case "${1:-start}" in
  status|ctl)
    if [[ ! -S "$RUN_DIR/supervisor.sock" ]]; then
      echo "DigiPoint is not running here (no $RUN_DIR/supervisor.sock); start it with make run." >&2
      exit 1
    fi
    if [[ "$1" == status ]]; then ctl status; else shift; ctl "$@"; fi
    exit $?
    ;;
  start) ;;
  *) echo "usage: $0 [start|status|ctl ARGS...]" >&2; exit 2 ;;
esac

export PUBLIC_HOST="${PUBLIC_HOST:-127.0.0.1}"
export RASA_PORT="${RASA_PORT:-5005}" RASA_INTERNAL_PORT="${RASA_INTERNAL_PORT:-5006}"
export WEB_PORT="${WEB_PORT:-8080}" WEB_INTERNAL_PORT="${WEB_INTERNAL_PORT:-8081}"
export ACTION_PORT="${ACTION_PORT:-5055}"
export DIGIPOINT_PROFILE="${DIGIPOINT_PROFILE:-embedded}"
if [[ "$DIGIPOINT_PROFILE" == production ]]; then
  export RASA_REPLICAS="${RASA_REPLICAS:-2}" ACTION_REPLICAS="${ACTION_REPLICAS:-2}"
  export ACTION_LB_PORT="${ACTION_LB_PORT:-5054}" RASA_API_LB_PORT="${RASA_API_LB_PORT:-5004}"
fi
mkdir -p var "$RUN_DIR" "$LOG_DIR"
# name port: every internal server of this profile (deploy/topology.py checks the settings).
topology="$(.venv/bin/python deploy/topology.py)" || exit 2
if [[ "$DIGIPOINT_PROFILE" == production ]]; then
  export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://127.0.0.1:$ACTION_LB_PORT/webhook}"
  default_rasa_url="http://127.0.0.1:$RASA_API_LB_PORT"
else
  export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://127.0.0.1:$ACTION_PORT/webhook}"
  default_rasa_url="http://127.0.0.1:$RASA_INTERNAL_PORT"
fi
public_name="$PUBLIC_HOST"; [[ "$PUBLIC_HOST" == 127.0.0.1 ]] && public_name=localhost
# RASA_URL: Rasa's HTTP API for the coach dashboard (internal; the balancer in production);
# RASA_PUBLIC_URL: what the widget in the browser connects to (through nginx).
export RASA_URL="${RASA_URL:-$default_rasa_url}"
export RASA_PUBLIC_URL="${RASA_PUBLIC_URL:-http://$public_name:$RASA_PORT}"
export ACTION_SERVER_URL="${ACTION_SERVER_URL:-${ACTION_ENDPOINT_URL%/webhook}}"
export ALLOWED_ORIGINS="${ALLOWED_ORIGINS-http://$public_name:$WEB_PORT,http://127.0.0.1:$WEB_PORT}"

if [[ "${DIGIPOINT_ENV:-}" == production ]]; then
  if [[ -z "${ALLOWED_ORIGINS//[ ,]/}" || ",${ALLOWED_ORIGINS// /}," == *",*,"* ]]; then
    echo "!! DigiPoint refuses to start: DIGIPOINT_ENV=production needs ALLOWED_ORIGINS to list" \
      "the city pages' origins (e.g. https://www.espoo.fi); '*' or an empty list lets any web site use the chat." >&2
    exit 2
  fi
fi

secret() {  # secret <file>: the file's token, generated on first use (mode 0600)
  if [[ ! -s "$1" ]]; then
    (umask 077; .venv/bin/python -c "import secrets; print(secrets.token_urlsafe(32))" > "$1")
  fi
  cat "$1"
}
[[ -n "${RASA_TOKEN:-}" ]] || RASA_TOKEN="$(secret var/rasa_token)"
[[ -n "${ACTION_SERVER_TOKEN:-}" ]] || ACTION_SERVER_TOKEN="$(secret var/action_server_token)"
export RASA_TOKEN ACTION_SERVER_TOKEN
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
export SANIC_HOST=127.0.0.1
# No usage telemetry or error reports leave the machine.
export RASA_TELEMETRY_ENABLED=false

if [[ -S "$RUN_DIR/supervisor.sock" ]] && ctl pid >/dev/null 2>&1; then
  echo "!! DigiPoint is already running from $RUN_DIR; see: make status" >&2
  exit 1
fi
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for name in RASA_PORT WEB_PORT WEB_INTERNAL_PORT; do
  if port_in_use "${!name}"; then
    echo "!! Port ${!name} ($name) is already in use: is another DigiPoint (or other server) running?" >&2
    exit 1
  fi
done
while read -r name port; do
  if port_in_use "$port"; then
    echo "!! Port $port (${name//_/ }) is already in use: is another DigiPoint (or other server) running?" >&2
    exit 1
  fi
done <<< "$topology"

# production: PostgreSQL and Redis (started here when no URL is given), migrations
source scripts/production_services.sh
export DATABASE_URL="${DATABASE_URL:-sqlite:///$ROOT/var/digipoint.db}"
export TRACKER_DB_URL="${TRACKER_DB_URL:-sqlite:///$ROOT/var/rasa_tracker.db}"
# One Rasa process: conversation locks in its memory (rasa_addons.lock_store).
export LOCK_STORE_URL="${LOCK_STORE_URL:-memory://}"

.venv/bin/python deploy/render.py >/dev/null
nginx_bin="$(sed -n 's/^command=\(.*nginx\) -c .*/\1/p' "$CONF")"
if ! nginx_check="$("$nginx_bin" -t -q -c "$RUN_DIR/nginx.conf" 2>&1)"; then
  echo "!! nginx refuses its configuration ($RUN_DIR/nginx.conf):" >&2
  echo "$nginx_check" >&2
  exit 1
fi


# name|url|seconds since start|log|check it depends on: what must answer 200
# before the stack is up (nginx is judged only when what it proxies is healthy).
checks=()
while read -r name port; do
  case "$name" in
    actions) checks+=("action server|http://127.0.0.1:$port/health|120|$LOG_DIR/actions.log|") ;;
    actions-*) checks+=("action server $name|http://127.0.0.1:$port/health|120|$LOG_DIR/$name.log|") ;;
  esac
done <<< "$topology"
checks+=("web app|http://127.0.0.1:$WEB_INTERNAL_PORT/healthz|120|$LOG_DIR/web.log|")
while read -r name port; do
  case "$name" in
    rasa) checks+=("Rasa server|http://127.0.0.1:$port/webhooks/health/|300|$LOG_DIR/rasa.log|") ;;
    rasa-*) checks+=("Rasa server $name|http://127.0.0.1:$port/webhooks/health/|300|$LOG_DIR/$name.log|") ;;
  esac
done <<< "$topology"
rasa_check="$(printf '%s\n' "${checks[@]}" | awk -F'|' '/^Rasa server/ {print $1; exit}')"
checks+=(
  "nginx (pages)|http://$PUBLIC_HOST:$WEB_PORT/healthz|330|$LOG_DIR/nginx-error.log|web app"
  "nginx (chat)|http://$PUBLIC_HOST:$RASA_PORT/webhooks/rest/|330|$LOG_DIR/nginx-error.log|$rasa_check"
)
if [[ "$DIGIPOINT_PROFILE" == production ]]; then
  checks+=(
    "nginx (action balancer)|http://127.0.0.1:$ACTION_LB_PORT/health|330|$LOG_DIR/nginx-error.log|"
    "nginx (Rasa API balancer)|http://127.0.0.1:$RASA_API_LB_PORT/webhooks/health/|330|$LOG_DIR/nginx-error.log|"
  )
fi

wait_healthy() {  # runs beside supervisord; tells which server is not healthy
  local supervisord_pid="$1" started=$SECONDS failed=0 tries=0 check name url limit log needs state
  local unhealthy="|"
  for check in "${checks[@]}"; do
    IFS='|' read -r name url limit log needs <<< "$check"
    [[ -n "$needs" && "$unhealthy" == *"|$needs|"* ]] && continue
    until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
      kill -0 "$supervisord_pid" 2>/dev/null || return 0
      state=""
      (( tries++ % 5 == 4 )) && state="$(ctl status 2>/dev/null | awk '$2 == "FATAL" {print $1}' | paste -sd' ' || true)"
      if [[ -n "$state" ]]; then
        echo "!! DigiPoint could not start: $state gave up after repeated crashes (FATAL);" \
          "see $LOG_DIR/<program>.log (Rasa: rasa.out and rasa.log)" >&2
        return 1
      fi
      if (( SECONDS - started >= limit )); then
        echo "!! $name is not healthy: $url did not answer 200 within ${limit}s; see $log" >&2
        tail -n 15 "$log" >&2 2>/dev/null || true
        failed=1 unhealthy+="$name|"
        break
      fi
      sleep 2
    done
  done
  (( failed == 0 )) || { echo "   The other programs keep running; status: make status" >&2; return 1; }
  cat <<MSG

DigiPoint is running (Ctrl-C stops everything):
  Demo city page with the chat widget  http://$public_name:$WEB_PORT/
  Coach dashboard                      http://$public_name:$WEB_PORT/coach/
  Chat channels (nginx -> Rasa)        http://$public_name:$RASA_PORT
      REST channel   POST http://$public_name:$RASA_PORT/webhooks/rest/webhook
      socket.io      http://$public_name:$RASA_PORT/socket.io
  Internal only (127.0.0.1)
$(internal_lines)
      Web app        http://127.0.0.1:$WEB_INTERNAL_PORT
  Status                               make status   (restart one: scripts/run_stack.sh ctl restart $(first_action))
  Logs                                 $LOG_DIR/   (one file per program: $(log_names))
MSG
  [[ "$DIGIPOINT_PROFILE" == production ]] && production_summary
  return 0
}
first_action() { awk '$1 ~ /^actions/ {print $1; exit}' <<< "$topology"; }
log_names() {
  awk '$1 ~ /^rasa/ {printf "%s.log %s.out ", $1, $1} $1 ~ /^actions/ {printf "%s.log ", $1}' <<< "$topology"
  printf 'web.log worker.log nginx-*.log'
}
internal_lines() {
  local name port
  while read -r name port; do
    case "$name" in
      rasa) echo "      Rasa HTTP API  http://127.0.0.1:$port (token: RASA_TOKEN or var/rasa_token)" ;;
      rasa-*) echo "      Rasa HTTP API  http://127.0.0.1:$port ($name; token: RASA_TOKEN or var/rasa_token)" ;;
      actions) echo "      Action server  http://127.0.0.1:$port" ;;
      actions-*) echo "      Action server  http://127.0.0.1:$port ($name)" ;;
      action_balancer) echo "      Action servers, balanced (Rasa's action endpoint)  http://127.0.0.1:$port" ;;
      Rasa_API_balancer) echo "      Rasa HTTP APIs, balanced (RASA_URL of the web app)  http://127.0.0.1:$port" ;;
    esac
  done <<< "$topology"
}

echo "==> Starting DigiPoint ($DIGIPOINT_PROFILE profile) under supervisord ($CONF);" \
  "programs: $(sed -n 's/^\[program:\(.*\)\]$/\1/p' "$CONF" | paste -sd' '); state of each: make status"
wait_healthy $$ &
# supervisord replaces this shell (same pid): Ctrl-C or SIGTERM stops every program.
exec "$ROOT/.venv/bin/supervisord" -n -c "$CONF"
