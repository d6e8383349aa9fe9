"""Score trained models on the unseen test sets only: the figures of ``make crossval``'s test rows.

Run in the Rasa environment (``make nlu-unseen``, about 2 minutes per model
on 2 cores; train first)::

    PYTHONPATH=. .venv-rasa/bin/python -m bench.nlu_unseen [MODEL.tar.gz ...]

Each model (default ``models/digipoint.tar.gz``) parses every message of
``tests/nlu/unseen/test_<lang>.yml`` one at a time (``Agent.parse_message``:
every pipeline component, the crisis guard and the fallback included) and
the scores are those of ``bench.nlu_crossval.scores``: intent macro-F1,
out-of-scope recall, in-scope rejected, crisis recall, false crisis on the
off-topic messages, ``feel_discouraged`` taken as crisis. Only these
aggregate figures are printed, never a test message, so that a data pass
can be compared with and without it without anyone reading the test sets.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.nlu_crossval import (
    LANGUAGES,
    ROOT,
    UNSEEN,
    RasaModel,
    load_examples,
    parse_all,
    quiet_rasa,
    scores,
)


def report(model_path: Path) -> list[str]:
    """One line per language and a total of false crisis alarms, for the model at ``model_path``."""
    model = RasaModel(model_path)
    lines, false_crisis, off_topic = [], 0, 0
    for lang in LANGUAGES:
        tests = load_examples([UNSEEN / f"test_{lang}.yml"])
        predicted, _, _ = parse_all(model, tests)
        s = scores([ex[1] for ex in tests], predicted)
        false_crisis, off_topic = false_crisis + int(s["false_crisis"]), off_topic + int(s["n_oos"])
        lines.append(
            f"{lang}: macro-F1 {s['f1']:.3f}, out-of-scope recall {s['oos_recall']:.3f}, "
            f"in-scope rejected {s['rejected']:.3f}, crisis recall {s['crisis_recall']:.3f}, "
            f"false crisis {s['false_crisis']}/{s['n_oos']}, "
            f"feel_discouraged as crisis {s['sad_as_crisis']}/{s['n_sad']}"
        )
    lines.append(f"all: false crisis {false_crisis}/{off_topic}")
    return lines


def main() -> None:
    """Print the figures of each model given (default: models/digipoint.tar.gz)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("models", nargs="*", type=Path, default=[ROOT / "models" / "digipoint.tar.gz"])
    args = parser.parse_args()
    quiet_rasa()
    for path in args.models:
        print(f"== {path}", flush=True)
        for line in report(path):
            print(line, flush=True)


if __name__ == "__main__":
    main()
