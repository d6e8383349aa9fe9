#!/usr/bin/env bash
# Migrate the product database to the newest schema (Alembic) and load the
# shipped sample catalogue (re-running changes nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -f .env ]]; then set -a; source .env; set +a; fi
mkdir -p var
export DATABASE_URL="${DATABASE_URL:-sqlite:///$PWD/var/digipoint.db}"
.venv/bin/alembic upgrade head
.venv/bin/python -m bot.catalogue load-sample --quiet
