#!/usr/bin/env bash
# Train the Rasa model only when config, domain, training data or the Rasa
# add-ons changed since the last training. The fingerprint of those inputs
# is stored next to the model (models/digipoint.sha256).
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false

MODEL=models/digipoint.tar.gz
STAMP=models/digipoint.sha256
fingerprint="$(cat config.yml domain.yml requirements/rasa.txt \
  $(find data rasa_addons -type f \( -name '*.yml' -o -name '*.py' \) | sort) | sha256sum | cut -c1-64)"

if [[ -f "$MODEL" && -f "$STAMP" && "$(cat "$STAMP")" == "$fingerprint" ]]; then
  echo "==> Model is up to date ($MODEL)"
  exit 0
fi
echo "==> Training the Rasa model (about two minutes)"
start=$(date +%s)
PYTHONPATH="$PWD" .venv-rasa/bin/rasa train --config config.yml --domain domain.yml \
  --data data --out models --fixed-model-name digipoint --quiet
echo "$fingerprint" > "$STAMP"
mkdir -p var && echo "$(( $(date +%s) - start ))" > var/last_training_seconds
echo "==> Trained in $(cat var/last_training_seconds) s"
