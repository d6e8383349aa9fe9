"""Where an NLU parse's time goes: the whole parse, the sentence encoder, and the intent classifier.

``make parse-cost`` (or ``PYTHONPATH=. .venv-rasa/bin/python -m bench.nlu_parse_cost
[--model models/digipoint.tar.gz] [--every 3]``) loads the trained model once
(``Agent.load``), then parses every ``--every``-th message of the unseen test
sets (tests/nlu/unseen/test_<lang>.yml) one at a time through
``Agent.parse_message``, every pipeline component included, each text parsed
once (so the encoder's cache never answers).

Prints, in milliseconds of wall time (p50 / p95 / mean):

- the whole parse;
- the sentence encoder's ``process`` (rasa_addons/sentence_encoder.py);
- the intent classifier, side by side in the same process on the same
  messages: Rasa 3.6's ``LogisticRegressionClassifier.process`` (stacks the
  features, ``_create_X``) and ours (``LinearIntentClassifier.process``,
  block by block), with the number of messages whose intent or confidence
  differ between the two (should be 0).

Run it on a quiet machine: on 2 shared cores another process moves p95 by
several milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def unseen_texts(every: int) -> list[str]:
    """Every ``every``-th example text of tests/nlu/unseen/test_{en,fi,sv}.yml, in file order.

    Read with bench/nlu_crossval.py's ``load_examples`` (Rasa's own loader), so
    both benchmarks parse exactly the same texts.
    """
    from bench.nlu_crossval import LANGUAGES, UNSEEN, load_examples

    texts = [text for text, _, _, _ in load_examples([UNSEEN / f"test_{lang}.yml" for lang in LANGUAGES])]
    return texts[::max(1, every)]


def summary(values: list[float]) -> str:
    """``p50 / p95 / mean`` in ms, one decimal (two below 1 ms)."""
    ordered = np.sort(np.asarray(values))
    p50, p95 = ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.95)]
    digits = 2 if p95 < 1 else 1
    return f"{p50:.{digits}f} / {p95:.{digits}f} / {ordered.mean():.{digits}f}"


def measure(model: Path, texts: list[str]) -> dict[str, Any]:
    """Times of the whole parse and of the two components, plus the classifier A/B difference count."""
    from rasa.core.agent import Agent
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
    from rasa.shared.nlu.training_data.message import Message

    import rasa_addons.linear_intent as linear
    import rasa_addons.sentence_encoder as encoder

    times: dict[str, list[float]] = {"parse": [], "encoder": [], "rasa": [], "ours": []}
    differ = 0
    ours_process = linear.LinearIntentClassifier.process
    encoder_process = encoder.E5SentenceFeaturizer.process

    def timed_encoder(self: Any, messages: list[Any]) -> list[Any]:
        start = time.perf_counter()
        result = encoder_process(self, messages)
        times["encoder"].append((time.perf_counter() - start) * 1000)
        return result

    def side_by_side(self: Any, messages: list[Any]) -> list[Any]:
        nonlocal differ
        copies = [Message(data=dict(m.data), features=list(m.features)) for m in messages]
        start = time.perf_counter()
        LogisticRegressionClassifier.process(self, copies)
        times["rasa"].append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        result = ours_process(self, messages)
        times["ours"].append((time.perf_counter() - start) * 1000)
        for a, b in zip(messages, copies, strict=True):
            if a.get("intent")["name"] != b.get("intent")["name"] or abs(
                a.get("intent")["confidence"] - b.get("intent")["confidence"]
            ) > 1e-9:
                differ += 1
        return result

    async def run() -> None:
        agent = Agent.load(str(model))
        for text in texts[:10]:
            await agent.parse_message(text + " (warm-up)")
        for key in times:
            times[key].clear()
        for text in texts:
            start = time.perf_counter()
            await agent.parse_message(text)
            times["parse"].append((time.perf_counter() - start) * 1000)

    encoder.E5SentenceFeaturizer.process = timed_encoder  # type: ignore[method-assign]
    linear.LinearIntentClassifier.process = side_by_side  # type: ignore[method-assign]
    try:
        asyncio.run(run())
    finally:
        encoder.E5SentenceFeaturizer.process = encoder_process  # type: ignore[method-assign]
        linear.LinearIntentClassifier.process = ours_process  # type: ignore[method-assign]
    return {"times": times, "differ": differ}


def main() -> None:
    """Parses the arguments, measures, prints the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "digipoint.tar.gz")
    parser.add_argument("--every", type=int, default=3, help="take every n-th unseen message (default 3)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    texts = unseen_texts(args.every)
    result = measure(args.model, texts)
    times = result["times"]
    # The classifier runs twice per parse here (Rasa's path, then ours): the
    # whole-parse figure includes Rasa's path as well, so subtract it.
    parse = [p - r for p, r in zip(times["parse"], times["rasa"], strict=True)]
    print(f"NLU parse cost, {len(texts)} unseen messages, ms p50 / p95 / mean")
    print(f"  whole parse (our classifier)      {summary(parse)}")
    print(f"  sentence encoder (e5-small)       {summary(times['encoder'])}")
    print(f"  intent classifier, Rasa's path    {summary(times['rasa'])}")
    print(f"  intent classifier, block by block {summary(times['ours'])}")
    print(f"  messages whose intent or confidence differ between the two: {result['differ']}")


if __name__ == "__main__":
    main()
