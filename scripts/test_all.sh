#!/usr/bin/env bash
# Every test, from nothing: environments, lint, unit and action tests, Rasa's
# data validation, training, test stories and NLU tests per language, then
# the live-server integration tests and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD"
export RASA_TELEMETRY_ENABLED=false
step() { echo; echo "==> $*"; }

step "Environments and test tools"
scripts/setup_env.sh --with-test-tools

step "Committed Rasa tests present (tests/stories, tests/nlu/test_nlu_<lang>.yml)"
# Rasa tests its training data instead when a test path is missing; stop now.
.venv/bin/python scripts/check_rasa_results.py --inputs-only --tests tests

step "Lint (ruff) and types (mypy)"
.venv/bin/ruff check bot actions tests scripts bench
.venv/bin/mypy

step "Unit and action tests (pytest)"
.venv/bin/python -m pytest -q tests --ignore=tests/live --ignore=tests/browser --ignore=tests/rasa_env

step "Rasa add-on tests (Rasa's Python 3.10 environment)"
.venv-rasa/bin/python -m pytest -q -p no:cacheprovider --noconftest tests/rasa_env

step "rasa data validate --fail-on-warnings"
.venv-rasa/bin/rasa data validate --fail-on-warnings --quiet

step "Train the model"
scripts/train_if_needed.sh

step "Rasa test stories (--fail-on-prediction-errors)"
rm -rf results && mkdir -p results
.venv-rasa/bin/rasa test core --model models/digipoint.tar.gz --stories tests/stories \
  --fail-on-prediction-errors --successes --out results/core --quiet

step "Rasa NLU tests per language (held-out examples)"
for lang in en fi sv; do
  .venv-rasa/bin/rasa test nlu --model models/digipoint.tar.gz \
    --nlu "tests/nlu/test_nlu_$lang.yml" --out "results/nlu_$lang" --quiet
done
# Every committed story and held-out example must have been evaluated, and passed.
.venv/bin/python scripts/check_rasa_results.py results --tests tests

step "Live servers: integration and browser tests"
.venv/bin/python -m pytest -q tests/live tests/browser

echo; echo "==> All tests passed"
