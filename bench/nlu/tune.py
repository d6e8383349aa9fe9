"""Fast, offline pipeline sketches for choosing what to train in Rasa (not the measurement).

Emulates the Rasa pipeline with scikit-learn (word 1-2-gram and char_wb
2-5-gram counts, plus e5 embeddings times ``scale``, logistic regression
with balanced classes) and scores k-fold cross-validation of data/nlu per
language. Embeddings are cached on disk (var/nlu-embeddings.npz) so that
sweeps take seconds. The unseen test sets are only scored with ``--test``,
after the choice, never tuned on.

    PYTHONPATH=. .venv-rasa/bin/python -m bench.nlu.tune [--scales 0 1 2 4] [--test]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from bench.nlu_crossval import LANGUAGES, ROOT, folds_of, language_data, load_examples

CACHE = ROOT / "var" / "nlu-embeddings.npz"


def embeddings(texts: list[str]) -> np.ndarray:
    """e5 embeddings of ``texts``, from the disk cache where possible."""
    from rasa_addons.sentence_encoder import encoder, normalise

    known: dict[str, np.ndarray] = {}
    if CACHE.exists():
        data = np.load(CACHE, allow_pickle=False)
        known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    keys = [normalise(t) for t in texts]
    new = sorted({k for k in keys if k not in known})
    if new:
        vectors = encoder(cache_size=0).embed(new)
        known.update(zip(new, vectors, strict=True))
        CACHE.parent.mkdir(exist_ok=True)
        names = sorted(known)
        np.savez(CACHE, keys=np.array(names), vectors=np.stack([known[k] for k in names]))
    return np.stack([known[k] for k in keys])


def model(scale: float, c: float):
    """Count n-grams (+ scaled embeddings) -> balanced logistic regression."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    class Model:
        def fit(self, texts, vectors, y):
            self.word = CountVectorizer(analyzer="word", ngram_range=(1, 2), lowercase=True).fit(texts)
            self.char = CountVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=True).fit(texts)
            self.clf = LogisticRegression(max_iter=300, class_weight="balanced", C=c)
            self.clf.fit(self.x(texts, vectors), y)
            return self

        def x(self, texts, vectors):
            parts = [self.word.transform(texts), self.char.transform(texts)]
            if scale:
                parts.append(csr_matrix(vectors * scale))
            return hstack(parts).tocsr()

        def proba(self, texts, vectors):
            return self.clf.predict_proba(self.x(texts, vectors))

    return Model()


def main() -> None:
    from sklearn.metrics import f1_score

    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", type=float, nargs="+", default=[0, 1, 2, 4])
    parser.add_argument("--c", type=float, nargs="+", default=[1.0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--test", action="store_true")
    args = parser.parse_args()
    per_language, _ = language_data()
    data = {lang: load_examples(paths) for lang, paths in per_language.items()}
    folds = {lang: folds_of(data[lang], args.folds) for lang in LANGUAGES}
    every = [ex[0] for lang in LANGUAGES for ex in data[lang]]
    unseen = ROOT / "tests" / "nlu" / "unseen"
    tests = {lang: load_examples([unseen / f"test_{lang}.yml"]) for lang in LANGUAGES}
    if args.test:
        every += [ex[0] for lang in LANGUAGES for ex in tests[lang]]
    vec = dict(zip(every, embeddings(every), strict=True))
    for scale in args.scales:
        for c in args.c:
            scores = {lang: [] for lang in LANGUAGES}
            for k in range(args.folds):
                train = [ex for lang in LANGUAGES for f, part in enumerate(folds[lang]) if f != k
                         for ex in part]
                m = model(scale, c).fit([e[0] for e in train], np.stack([vec[e[0]] for e in train]),
                                        [e[1] for e in train])
                for lang in LANGUAGES:
                    part = folds[lang][k]
                    p = m.proba([e[0] for e in part], np.stack([vec[e[0]] for e in part]))
                    pred = m.clf.classes_[p.argmax(1)]
                    scores[lang].append(f1_score([e[1] for e in part], pred, average="macro"))
            line = f"scale {scale:4.1f} C {c:5.2f} cv " + " ".join(
                f"{lang} {np.mean(scores[lang]):.3f}" for lang in LANGUAGES)
            if args.test:
                train = [ex for lang in LANGUAGES for ex in data[lang]]
                m = model(scale, c).fit([e[0] for e in train], np.stack([vec[e[0]] for e in train]),
                                        [e[1] for e in train])
                for lang in LANGUAGES:
                    part = tests[lang]
                    p = m.proba([e[0] for e in part], np.stack([vec[e[0]] for e in part]))
                    pred = m.clf.classes_[p.argmax(1)]
                    line += f" | test {lang} {f1_score([e[1] for e in part], pred, average='macro'):.3f}"
            print(line, flush=True)


if __name__ == "__main__":
    Path(ROOT / "var").mkdir(exist_ok=True)
    main()
