# Sourced by scripts/run_stack.sh (not run on its own), after .env is read:
# the data services of the production profile (DIGIPOINT_PROFILE=production).
#
# - PostgreSQL: DATABASE_URL and TRACKER_DB_URL as given (postgresql URLs
#   only); when either is unset, the local cluster of scripts/postgres.sh in
#   var/postgres (started when it is not running; databases digipoint for the
#   product tables and rasa_tracker for Rasa's events). The product database
#   is migrated and given the sample catalogue (scripts/prepare_db.sh; re-running
#   changes nothing).
# - Redis: LOCK_STORE_URL (Rasa's lock store, rasa_addons.lock_store) and
#   SOCKETIO_REDIS_URL (socket.io rooms shared by the Rasa processes) as given;
#   when either is unset, scripts/redis.sh in var/redis (started when it is not
#   running). LOCK_STORE_URL=memory:// with several Rasa processes is allowed
#   with a warning (one conversation's messages may then be handled at once).
# - Connection budget: warns when the pools of all processes together could
#   open more connections than PostgreSQL's max_connections.
#
# What this starts is stopped by the scripts' owner watchers once this shell's
# process (supervisord after the exec) has ended: Ctrl-C stops it all. A server
# that was already running is used and left running.

production_notes=()  # lines for the start-up summary

production_summary() {
  local line
  echo "  Production profile: $RASA_REPLICAS Rasa processes, $ACTION_REPLICAS action servers"
  for line in "${production_notes[@]}"; do echo "  $line"; done
}

# PostgreSQL URL with another database name.
with_database() { echo "${1%/*}/$2"; }

start_postgres() {
  local url was_running=0
  # var/postgres always: with POSTGRES_DIR set, the owner watcher would delete the data.
  env -u POSTGRES_DIR "$ROOT/scripts/postgres.sh" url >/dev/null 2>&1 && was_running=1
  echo "==> PostgreSQL: the local cluster in var/postgres (scripts/postgres.sh)"
  if ! url="$(env -u POSTGRES_DIR POSTGRES_OWNER_PID=$$ "$ROOT/scripts/postgres.sh" start | tail -n 1)"; then
    echo "!! PostgreSQL did not start (see above; log: var/postgres/server.log)" >&2
    exit 1
  fi
  export DATABASE_URL="${DATABASE_URL:-$url}"
  export TRACKER_DB_URL="${TRACKER_DB_URL:-$(with_database "$url" rasa_tracker)}"
  # Rasa refuses a missing tracker database: create it in the local cluster.
  "$ROOT/.venv/bin/python" - "$url" <<'PY'
import sys

import sqlalchemy as sa

admin = sa.create_engine(sa.engine.make_url(sys.argv[1]).set(database="postgres"), isolation_level="AUTOCOMMIT")
with admin.connect() as connection:
    if connection.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = 'rasa_tracker'")).scalar() is None:
        connection.execute(sa.text("CREATE DATABASE rasa_tracker"))
admin.dispose()
PY
  local port="${url##*:}"; port="${port%%/*}"
  if (( was_running )); then
    production_notes+=("PostgreSQL  127.0.0.1:$port (var/postgres, already running: left running)")
  else
    production_notes+=("PostgreSQL  127.0.0.1:$port (var/postgres; log var/postgres/server.log; stops with DigiPoint)")
  fi
}

start_redis() {
  local url was_running=0
  env -u REDIS_DIR "$ROOT/scripts/redis.sh" url >/dev/null 2>&1 && was_running=1
  echo "==> Redis: var/redis (scripts/redis.sh)"
  if ! url="$(env -u REDIS_DIR REDIS_OWNER_PID=$$ "$ROOT/scripts/redis.sh" start | tail -n 1)"; then
    echo "!! Redis did not start (see above; log: var/redis/server.log)" >&2
    exit 1
  fi
  export LOCK_STORE_URL="${LOCK_STORE_URL:-$url}" SOCKETIO_REDIS_URL="${SOCKETIO_REDIS_URL:-$url}"
  local port="${url##*:}"; port="${port%%/*}"
  if (( was_running )); then
    production_notes+=("Redis       127.0.0.1:$port (var/redis, already running: left running)")
  else
    production_notes+=("Redis       127.0.0.1:$port (var/redis; log var/redis/server.log; stops with DigiPoint)")
  fi
}

# Worst case of open connections: per process SQLAlchemy's QueuePool default
# (pool_size 5 + max_overflow 10; Rasa's store and bot/db.py both use it).
check_connection_budget() {
  "$ROOT/.venv/bin/python" - <<'PY' || true
import os

import sqlalchemy as sa

per_process = 15
urls = {os.environ["DATABASE_URL"], os.environ["TRACKER_DB_URL"]}
worst = per_process * (int(os.environ["RASA_REPLICAS"]) + int(os.environ["ACTION_REPLICAS"]) + 2)
try:
    engine = sa.create_engine(os.environ["DATABASE_URL"])
    with engine.connect() as connection:
        limit = int(connection.execute(sa.text("SHOW max_connections")).scalar())
    engine.dispose()
except Exception as error:  # noqa: BLE001  (a warning only; the health checks will tell)
    print(f"!! could not read PostgreSQL's max_connections ({type(error).__name__})")
    raise SystemExit(0)
if len(urls) == 2 and worst > limit - 3:
    print(f"!! The pools of all processes may open {worst} connections; PostgreSQL allows {limit}"
          " (raise max_connections or lower RASA_REPLICAS / ACTION_REPLICAS)")
PY
}

if [[ "$DIGIPOINT_PROFILE" == production ]]; then
  for name in DATABASE_URL TRACKER_DB_URL; do
    if [[ -n "${!name:-}" && "${!name}" != postgresql* ]]; then
      echo "!! The production profile keeps its data in PostgreSQL, but $name is ${!name%%:*}:...;" \
        "unset it (the local cluster in var/postgres is used) or give a postgresql+psycopg:// URL." >&2
      exit 2
    fi
  done
  if [[ -z "${DATABASE_URL:-}" || -z "${TRACKER_DB_URL:-}" ]]; then
    start_postgres
  else
    production_notes+=("PostgreSQL  as given in DATABASE_URL and TRACKER_DB_URL")
  fi
  if [[ -z "${LOCK_STORE_URL:-}" || -z "${SOCKETIO_REDIS_URL:-}" ]]; then
    start_redis
  else
    production_notes+=("Redis       as given in LOCK_STORE_URL and SOCKETIO_REDIS_URL")
  fi
  if [[ "$LOCK_STORE_URL" == memory://* ]] && (( RASA_REPLICAS > 1 )); then
    echo "!! LOCK_STORE_URL=memory:// with $RASA_REPLICAS Rasa processes: two messages of one" \
      "conversation may be handled at once (events lost or out of order). Use a redis:// URL." >&2
  fi
  # Pools: SQLAlchemy's defaults (5 + 10 overflow per process) cover the
  # action server's ACTION_WORKER_THREADS (8) and Rasa's worker threads.
  check_connection_budget
  echo "==> Product database: migrations and the sample catalogue (scripts/prepare_db.sh)"
  "$ROOT/scripts/prepare_db.sh"
  production_notes+=("Conversation locks: rasa_addons.lock_store (LOCK_STORE_URL); socket.io rooms shared through Redis")
fi
