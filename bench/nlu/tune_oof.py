"""Out-of-fold probabilities of the sklearn replica (bench/nlu/tune.py) for threshold tuning.

    PYTHONPATH=. .venv-rasa/bin/python -m bench.nlu.tune_oof --scale 15 [--folds 5]
writes var/nlu-oof.json: text, language, gold intent, ranking (top 5) per training example.
"""

from __future__ import annotations

import argparse
import json

import numpy as np

from bench.nlu.tune import embeddings, model
from bench.nlu_crossval import LANGUAGES, ROOT, folds_of, language_data, load_examples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=15.0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--use-folds", type=int, default=0, help="score only the first N folds (0: all)")
    args = parser.parse_args()
    per_language, _ = language_data()
    data = {lang: load_examples(paths) for lang, paths in per_language.items()}
    folds = {lang: folds_of(data[lang], args.folds) for lang in LANGUAGES}
    every = [ex[0] for lang in LANGUAGES for ex in data[lang]]
    vec = dict(zip(every, embeddings(every), strict=True))
    rows = []
    for k in range(args.use_folds or args.folds):
        train = [ex for lang in LANGUAGES for f, part in enumerate(folds[lang]) if f != k for ex in part]
        m = model(args.scale, 1.0).fit([e[0] for e in train], np.stack([vec[e[0]] for e in train]),
                                       [e[1] for e in train])
        for lang in LANGUAGES:
            part = folds[lang][k]
            proba = m.proba([e[0] for e in part], np.stack([vec[e[0]] for e in part]))
            for ex, p in zip(part, proba, strict=True):
                order = np.argsort(-p)[:5]
                rows.append({"text": ex[0], "lang": lang, "gold": ex[1],
                             "ranking": [[str(m.clf.classes_[i]), float(p[i])] for i in order]})
        print(f"fold {k + 1}/{args.folds}", flush=True)
    (ROOT / "var" / "nlu-oof.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
