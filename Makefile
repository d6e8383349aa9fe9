# DigiPoint: `make run` starts the product, `make test` runs every test.
# Both build what they need from nothing (environments, database, model).
.DEFAULT_GOAL := help
.PHONY: help setup prepare train run run-production status test lint generate validate test-unit test-rasa test-live bench bench-load profile parse-cost nlu-unseen crossval clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

setup:  ## Create or update both Python environments (.venv, .venv-rasa)
	@scripts/setup_env.sh

prepare: setup  ## Migrate the database and load the sample catalogue
	@scripts/prepare_db.sh

train: setup  ## Train the Rasa model if config, domain or data changed
	@scripts/train_if_needed.sh

run: prepare train  ## Start everything under supervisord, nginx in front (Ctrl-C stops)
	@scripts/run_stack.sh

run-production: setup train  ## Production shape here: PostgreSQL, Redis, 2 Rasa + 2 action servers behind nginx (Ctrl-C stops)
	@DIGIPOINT_PROFILE=production scripts/run_stack.sh

status:  ## State of each program of a running `make run` (supervisorctl status)
	@scripts/run_stack.sh status

test:  ## Run every test: lint, unit, Rasa validate/train/test, live servers, browser
	@scripts/test_all.sh

lint: setup  ## ruff and mypy
	@.venv/bin/ruff check bot actions rasa_addons tests scripts bench
	@.venv/bin/mypy

generate:  ## Regenerate the Rasa files from bot/contract
	@.venv/bin/python scripts/generate_contract.py

validate: setup  ## rasa data validate --fail-on-warnings
	@PYTHONPATH=$(CURDIR) .venv-rasa/bin/rasa data validate --fail-on-warnings --quiet

bench: prepare train  ## Benchmarks: latency, throughput, training time, memory; catalogue at 100k rows
	@.venv/bin/python -m bench
	@.venv/bin/python -m bench.catalogue_scale
	@PYTHONPATH=$(CURDIR) .venv-rasa/bin/python -m bench.nlg_generate

bench-load: prepare train  ## Load: moodbot vs DigiPoint embedded and production side by side (closed/open loop, RSS)
	@.venv/bin/python -m bench --load-only

profile: prepare train  ## Where a turn's time goes: CPU per program per message, Rasa's CPU by part (py-spy)
	@.venv/bin/python -m bench.profile_turn

parse-cost: setup train  ## NLU parse cost: whole parse, encoder, classifier (Rasa's path vs ours), ms p50/p95
	@PYTHONPATH=$(CURDIR) RASA_TELEMETRY_ENABLED=false .venv-rasa/bin/python -m bench.nlu_parse_cost

nlu-unseen: setup train  ## NLU: the trained model's scores on the unseen test sets only (macro-F1, out of scope, crisis)
	@PYTHONPATH=$(CURDIR) RASA_TELEMETRY_ENABLED=false .venv-rasa/bin/python -m bench.nlu_unseen

crossval: setup  ## NLU per language: k-fold cross-validation, multilingual vs per-language models (docs table)
	@PYTHONPATH=$(CURDIR) RASA_TELEMETRY_ENABLED=false nice .venv-rasa/bin/python -m bench.nlu_crossval --update-docs

clean:  ## Remove environments, database, models and results
	rm -rf .venv .venv-rasa var models/*.tar.gz models/*.sha256 results test-results
