"""Sweep the crisis guard's keep_threshold and FallbackClassifier's threshold on the
out-of-fold rankings of bench/nlu/tune_oof.py (cross-validation of data/nlu only).

    PYTHONPATH=. .venv-rasa/bin/python -m bench.nlu.thresholds
"""

from __future__ import annotations

import json

from bench.nlu_crossval import CRISIS, DISCOURAGED, LANGUAGES, OOS, ROOT
from rasa_addons.crisis_guard import crisis_signal


def decide(row: dict, keep: float, fallback: float, ambiguity: float = 0.05) -> str:
    """The intent after CrisisGuard and FallbackClassifier, as config.yml chains them."""
    ranking = row["ranking"]
    if crisis_signal(row["text"]):
        return CRISIS
    if ranking[0][0] == CRISIS and ranking[0][1] < keep:
        ranking = ranking[1:]
    top = ranking[0]
    if top[1] < fallback or (len(ranking) > 1 and top[1] - ranking[1][1] < ambiguity):
        return OOS
    return top[0]


def main() -> None:
    rows = json.loads((ROOT / "var" / "nlu-oof.json").read_text(encoding="utf-8"))
    print("keep  fallback | crisis recall | false crisis (oos) | other->crisis | sad->crisis | "
          "oos recall | in-scope rejected (per language en/fi/sv)")
    for keep in (0.3, 0.4, 0.5, 0.6, 0.7):
        for fallback in (0.2, 0.3, 0.4, 0.5):
            cells = []
            for key in ("crisis", "false", "other", "sad", "oos", "rej"):
                per = []
                for lang in LANGUAGES:
                    mine = [r for r in rows if r["lang"] == lang]
                    got = [(r["gold"], decide(r, keep, fallback)) for r in mine]
                    if key == "crisis":
                        sel = [p == CRISIS for g, p in got if g == CRISIS]
                    elif key == "false":
                        sel = [p == CRISIS for g, p in got if g == OOS]
                    elif key == "other":
                        sel = [p == CRISIS for g, p in got if g not in (CRISIS, OOS)]
                    elif key == "sad":
                        sel = [p == CRISIS for g, p in got if g == DISCOURAGED]
                    elif key == "oos":
                        sel = [p == OOS for g, p in got if g == OOS]
                    else:
                        sel = [p == OOS for g, p in got if g != OOS]
                    per.append(f"{sum(sel)}/{len(sel)}" if key in ("false", "other", "sad", "crisis")
                               else f"{sum(sel) / max(1, len(sel)):.3f}")
                cells.append(" ".join(per))
            print(f"{keep:.1f}   {fallback:.1f}      | " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
