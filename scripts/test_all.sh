#!/usr/bin/env bash
# Every test, from nothing: environments, lint, unit and action tests, Rasa's
# data validation, training, test stories and NLU tests per language, then
# the live-server integration tests and the browser tests, and last the live
# conversation tests once more on the production profile (2 Rasa processes,
# 2 action servers, PostgreSQL, Redis; bench/stack.py).
#
# Concurrent runs on one machine do not meet: each run has its own directory
# var/test-runs/<pid>/ with its own PostgreSQL cluster (scripts/postgres.sh on a
# free port; DIGIPOINT_TEST_POSTGRES_DIR for tests/conftest.py), its own Redis
# (scripts/redis.sh, started by the first production stack;
# DIGIPOINT_TEST_REDIS_DIR) and its own Rasa results (copied to results/ at the
# end). The live stack picks a free port offset itself (bench/stack.py) unless
# DIGIPOINT_TEST_PORT_OFFSET is set.
# When the run ends, however it ends (pass, failure, Ctrl-C, TERM), it stops
# every process it started: the cluster and Redis, then any process still
# carrying this run's DIGIPOINT_TEST_RUN (a live stack left behind). If the run
# itself is killed, the owner watchers stop the cluster and Redis
# (POSTGRES_OWNER_PID, REDIS_OWNER_PID).
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD"
export RASA_TELEMETRY_ENABLED=false
step() { echo; echo "==> $*"; }

RUN_DIR="$PWD/var/test-runs/$$"
RESULTS="$RUN_DIR/results"
export DIGIPOINT_TEST_RUN="$$"
export POSTGRES_DIR="$RUN_DIR/postgres" POSTGRES_OWNER_PID="$$"
export DIGIPOINT_TEST_POSTGRES_DIR="$POSTGRES_DIR"
export REDIS_DIR="$RUN_DIR/redis" REDIS_OWNER_PID="$$"
export DIGIPOINT_TEST_REDIS_DIR="$REDIS_DIR"

run_processes() {  # pids of processes started by this run (they carry DIGIPOINT_TEST_RUN), but this shell
  local self="$BASHPID" proc pid
  for proc in /proc/[0-9]*; do
    pid="${proc#/proc/}"
    { [ "$pid" = "$$" ] || [ "$pid" = "$self" ]; } && continue
    grep -qxzs "DIGIPOINT_TEST_RUN=$DIGIPOINT_TEST_RUN" "$proc/environ" && echo "$pid"
  done
  return 0
}

cleanup() {
  local status=$? pids
  trap - EXIT INT TERM
  scripts/postgres.sh destroy 2>&1 | sed 's/^/cleanup: /' || true
  scripts/redis.sh destroy 2>&1 | sed 's/^/cleanup: /' || true
  pids="$(run_processes)"
  if [ -n "$pids" ]; then
    echo "cleanup: stopping processes left by this run: $(echo $pids)"
    kill -TERM $pids 2>/dev/null || true
    for _ in $(seq 20); do pids="$(run_processes)"; [ -z "$pids" ] && break; sleep 0.5; done
    [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
  fi
  if [ -d "$RESULTS" ]; then rm -rf results && mv "$RESULTS" results; fi
  rm -rf "$RUN_DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Directories of earlier runs that were killed (their process is gone).
for stale in var/test-runs/[0-9]*; do
  [ -d "$stale" ] && ! kill -0 "${stale##*/}" 2>/dev/null || continue
  POSTGRES_DIR="$PWD/$stale/postgres" scripts/postgres.sh destroy 2>/dev/null || true
  REDIS_DIR="$PWD/$stale/redis" scripts/redis.sh destroy 2>/dev/null || true
  rm -rf "$stale"
done
mkdir -p "$RUN_DIR"

step "Environments and test tools"
scripts/setup_env.sh --with-test-tools

step "Committed Rasa tests present (tests/stories, tests/nlu/test_nlu_<lang>.yml)"
# Rasa tests its training data instead when a test path is missing; stop now.
.venv/bin/python scripts/check_rasa_results.py --inputs-only --tests tests

step "Lint (ruff) and types (mypy)"
.venv/bin/ruff check bot actions rasa_addons tests scripts bench
.venv/bin/mypy

step "Unit and action tests (pytest)"
.venv/bin/python -m pytest -q tests --ignore=tests/live --ignore=tests/browser --ignore=tests/rasa_env

step "rasa data validate --fail-on-warnings"
.venv-rasa/bin/rasa data validate --fail-on-warnings --quiet

step "Train the model"
scripts/train_if_needed.sh

# After training: some add-on tests parse with the trained model.
step "Rasa add-on tests (Rasa's Python 3.10 environment)"
.venv-rasa/bin/python -m pytest -q -p no:cacheprovider --noconftest tests/rasa_env

step "Rasa test stories (--fail-on-prediction-errors)"
mkdir -p "$RESULTS"
.venv-rasa/bin/rasa test core --model models/digipoint.tar.gz --stories tests/stories \
  --fail-on-prediction-errors --successes --out "$RESULTS/core" --quiet

step "Rasa NLU tests per language (held-out examples)"
for lang in en fi sv; do
  .venv-rasa/bin/rasa test nlu --model models/digipoint.tar.gz \
    --nlu "tests/nlu/test_nlu_$lang.yml" --out "$RESULTS/nlu_$lang" --quiet
done
# Every committed story and held-out example must have been evaluated, and passed.
.venv/bin/python scripts/check_rasa_results.py "$RESULTS" --tests tests

# The production-shape tests run in the last step, on its stack.
production_only=(tests/live/test_production_profile.py tests/live/test_ordering.py)
step "Live servers: integration and browser tests"
.venv/bin/python -m pytest -q tests/live tests/browser "${production_only[@]/#/--ignore=}"

# Whole conversations over REST and in the widget (socket.io through nginx),
# the coach's handoff round trip (dashboard -> Rasa API balancer -> the socket
# another process may hold), then the production-only tests. ~4 min here.
step "Live conversations again on the production profile (2 Rasa + 2 action servers, PostgreSQL, Redis)"
DIGIPOINT_TEST_PROFILE=production .venv/bin/python -m pytest -q \
  tests/live/test_conversation_rest.py tests/browser/test_conversation.py tests/browser/test_handoff_live.py \
  "${production_only[@]}"

echo; echo "==> All tests passed"
