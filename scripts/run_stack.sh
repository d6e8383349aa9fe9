#!/usr/bin/env bash
# Start the Rasa server, the action server and the web app; stop all three
# on Ctrl-C or when any of them dies. Expects built environments, a migrated
# database and a trained model (see `make run`).
#
# Settings come from the environment, then .env, then these defaults:
#   RASA_PORT=5005 ACTION_PORT=5055 WEB_PORT=8080
#   DATABASE_URL=sqlite:///<repo>/var/digipoint.db
#   TRACKER_DB_URL=sqlite:///<repo>/var/rasa_tracker.db
#   LOG_DIR=var/log
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
if [[ -f .env ]]; then set -a; source .env; set +a; fi

RASA_PORT="${RASA_PORT:-5005}"
ACTION_PORT="${ACTION_PORT:-5055}"
WEB_PORT="${WEB_PORT:-8080}"
LOG_DIR="${LOG_DIR:-var/log}"
mkdir -p var "$LOG_DIR"
export DATABASE_URL="${DATABASE_URL:-sqlite:///$ROOT/var/digipoint.db}"
export TRACKER_DB_URL="${TRACKER_DB_URL:-sqlite:///$ROOT/var/rasa_tracker.db}"
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://localhost:$ACTION_PORT/webhook}"
export RASA_URL="${RASA_URL:-http://localhost:$RASA_PORT}"
export ACTION_SERVER_URL="${ACTION_SERVER_URL:-http://localhost:$ACTION_PORT}"
export WEB_PORT
export ALLOWED_ORIGINS="${ALLOWED_ORIGINS:-http://localhost:$WEB_PORT,http://127.0.0.1:$WEB_PORT}"
if [[ -z "${RASA_TOKEN:-}" ]]; then
  [[ -s var/rasa_token ]] || .venv/bin/python -c "import secrets; print(secrets.token_urlsafe(32))" > var/rasa_token
  RASA_TOKEN="$(cat var/rasa_token)"
fi
export RASA_TOKEN
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
export SANIC_HOST=127.0.0.1
# No usage telemetry or error reports leave the machine.
export RASA_TELEMETRY_ENABLED=false

IFS=',' read -r -a origins <<< "$ALLOWED_ORIGINS"
pids=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "==> Stopping DigiPoint"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

.venv-rasa/bin/rasa run --model models/digipoint.tar.gz --port "$RASA_PORT" \
  --enable-api --auth-token "$RASA_TOKEN" --cors "${origins[@]}" \
  --credentials credentials.yml --endpoints endpoints.yml \
  --log-file "$LOG_DIR/rasa.log" >"$LOG_DIR/rasa.out" 2>&1 &
pids+=($!)
.venv/bin/python -m rasa_sdk --actions actions --port "$ACTION_PORT" \
  >"$LOG_DIR/actions.log" 2>&1 &
pids+=($!)
.venv/bin/uvicorn bot.web.app:create_app --factory --host 127.0.0.1 --port "$WEB_PORT" \
  >"$LOG_DIR/web.log" 2>&1 &
pids+=($!)

# Housekeeping: time out handoffs nobody took; purge personal data after
# RETENTION_DAYS of inactivity (at start, then daily).
.venv/bin/python -m bot.coach expire-handoffs --loop 15 >"$LOG_DIR/handoffs.log" 2>&1 &
pids+=($!)
( while true; do
    .venv/bin/python -m bot.coach purge >>"$LOG_DIR/purge.log" 2>&1 || true
    sleep 86400
  done ) &
pids+=($!)

wait_for() {  # wait_for <name> <url> <seconds>
  local name="$1" url="$2" limit="$3" waited=0
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    for pid in "${pids[@]}"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "!! $name could not start; see $LOG_DIR/" >&2; tail -n 20 "$LOG_DIR"/*.log "$LOG_DIR"/*.out >&2 || true
        exit 1
      fi
    done
    sleep 1; waited=$((waited + 1))
    if (( waited >= limit )); then echo "!! $name did not answer at $url within ${limit}s" >&2; exit 1; fi
  done
}
wait_for "action server" "http://localhost:$ACTION_PORT/health" 120
wait_for "web app" "http://localhost:$WEB_PORT/healthz" 120
wait_for "Rasa server" "http://localhost:$RASA_PORT/" 300

cat <<MSG

DigiPoint is running (Ctrl-C stops everything):
  Demo city page with the chat widget  http://localhost:$WEB_PORT/
$(curl -fsS -o /dev/null "http://localhost:$WEB_PORT/coach/" 2>/dev/null && echo "  Coach dashboard                      http://localhost:$WEB_PORT/coach/")
  Rasa server                          http://localhost:$RASA_PORT
      REST channel   POST http://localhost:$RASA_PORT/webhooks/rest/webhook
      socket.io      http://localhost:$RASA_PORT/socket.io
      HTTP API token in var/rasa_token (or RASA_TOKEN)
  Action server                        http://localhost:$ACTION_PORT
  Logs                                 $LOG_DIR/
MSG

# Stop everything as soon as one process ends.
wait -n "${pids[@]}"
echo "!! A DigiPoint process stopped; see $LOG_DIR/" >&2
exit 1
