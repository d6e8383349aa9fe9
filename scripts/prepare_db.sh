#!/usr/bin/env bash
# Migrate the product database to the newest schema (Alembic) and load the
# shipped sample catalogue (re-running changes nothing).
#
# DATABASE_URL: the environment, then .env, then the SQLite file var/digipoint.db
# (PostgreSQL: postgresql+psycopg://...; make run-production passes its cluster's).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -f .env ]]; then
  # .env fills in what the environment does not set (as in run_stack.sh).
  saved_env="$(export -p)"
  set -a; source .env; set +a
  eval "$saved_env"
fi
mkdir -p var
export DATABASE_URL="${DATABASE_URL:-sqlite:///$PWD/var/digipoint.db}"
.venv/bin/alembic upgrade head
.venv/bin/python -m bot.catalogue load-sample --quiet
