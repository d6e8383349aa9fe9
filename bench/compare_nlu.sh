#!/usr/bin/env bash
# Compare NLU pipelines on the held-out sets: config.yml (linear) against
# bench/nlu/config_diet.yml (DIET). For each: `rasa train nlu` wall time and
# peak RSS (/usr/bin/time -v), then `rasa test nlu` per language (intent
# macro-F1, entity F1) and the peak RSS of the process that loaded the model.
# Usage: bench/compare_nlu.sh [config ...]   (results under results/compare_nlu/)
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD" RASA_TELEMETRY_ENABLED=false
out=results/compare_nlu
mkdir -p "$out"
configs=("$@")
[[ ${#configs[@]} -gt 0 ]] || configs=(config.yml bench/nlu/config_diet.yml)
for config in "${configs[@]}"; do
  name="$(basename "$config" .yml)"
  /usr/bin/time -v -o "$out/$name.train.time" .venv-rasa/bin/rasa train nlu --config "$config" \
    --nlu data/nlu --out "$out/models" --fixed-model-name "$name" --quiet >/dev/null
  for lang in en fi sv; do
    /usr/bin/time -v -o "$out/$name.test_$lang.time" .venv-rasa/bin/rasa test nlu \
      --model "$out/models/$name.tar.gz" --nlu "tests/nlu/test_nlu_$lang.yml" \
      --out "$out/$name-$lang" --quiet >/dev/null
  done
done
.venv/bin/python - "$out" "${configs[@]}" <<'PY'
import json, re, sys
from pathlib import Path
out = Path(sys.argv[1])
def time_of(p):
    t = p.read_text()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (.*)", t).group(1)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) // 1024
    return wall, rss
print(f"{'pipeline':<14}{'train wall':>11}{'train MiB':>10}{'test MiB':>9}  intent macro-F1 en/fi/sv   entity F1 en/fi/sv")
for config in sys.argv[2:]:
    name = Path(config).stem
    wall, rss = time_of(out / f"{name}.train.time")
    f1s, ents, test_rss = [], [], []
    for lang in ("en", "fi", "sv"):
        d = out / f"{name}-{lang}"
        f1s.append(json.loads((d / "intent_report.json").read_text())["macro avg"]["f1-score"])
        reps = sorted(d.glob("*_report.json"))
        ent = [json.loads(r.read_text()).get("micro avg", {}).get("f1-score") for r in reps if "intent" not in r.name and "response" not in r.name]
        ents.append(next((e for e in ent if e is not None), float("nan")))
        test_rss.append(time_of(out / f"{name}.test_{lang}.time")[1])
    print(f"{name:<14}{wall:>11}{rss:>10}{max(test_rss):>9}  " + " / ".join(f"{x:.3f}" for x in f1s) + "   " + " / ".join(f"{x:.2f}" for x in ents))
PY
