"""One reply's generation, side by side: Rasa's templated generator vs the catalogue's.

``make bench`` runs it, or ``PYTHONPATH=. .venv-rasa/bin/python -m bench.nlg_generate
[--count 2000]`` (it needs Rasa, so .venv-rasa).

- before: ``TemplatedNaturalLanguageGenerator`` (Rasa 3.6) on the domain
  responses as they were before issue 14 (bench/fixtures/
  domain_responses_before_nlg.yml: English default + fi/sv conditional
  variations, slot filling over every slot);
- now: ``rasa_addons.nlg.CatalogueNLG`` (Fluent catalogue + bot/locale/
  responses.yml), what endpoints.yml makes Rasa use.

Both get the same calls: every response name, in en/fi/sv in turn, with the
domain's slots at their initial values, through ``generate_from_slots`` (the
part of ``generate`` after ``tracker.current_slot_values()``, which is the
same for both). Prints p50/p95/mean microseconds per generation over
``--count`` generations after a warm-up (so the catalogue's first load of a
language's bundle is printed apart, as the cold first call), and checks that
both give the same text and buttons.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BEFORE = ROOT / "bench" / "fixtures" / "domain_responses_before_nlg.yml"
LANGS = ("en", "fi", "sv")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _time(generate: Callable[[str, dict[str, Any]], Any], calls: list[tuple], count: int) -> list[float]:
    """Microseconds of each of ``count`` generations, cycling through ``calls``."""
    spent: list[float] = []
    for index in range(count):
        name, slots = calls[index % len(calls)]
        start = time.perf_counter_ns()
        generate(name, dict(slots))
        spent.append((time.perf_counter_ns() - start) / 1000)
    return spent


def main(argv: list[str] | None = None) -> int:
    """Print the two generators' figures; exit 1 when they disagree on a reply."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="generations per generator (default 2000)")
    args = parser.parse_args(argv)

    import logging

    logging.disable(logging.WARNING)
    from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain

    domain = Domain.load(str(ROOT / "domain.yml"))
    before_responses = Domain.load(str(BEFORE)).responses
    templated = TemplatedNaturalLanguageGenerator(before_responses)

    from bot.locale import catalogue
    from rasa_addons.nlg import CatalogueNLG

    started = time.perf_counter_ns()
    catalogue_nlg = CatalogueNLG(endpoint_config=None, domain=domain)
    first = catalogue_nlg.generate_from_slots("utter_welcome", {"language": "fi"}, "rest")
    cold_ms = (time.perf_counter_ns() - started) / 1e6

    initial = {slot.name: slot.initial_value for slot in domain.slots}
    calls = [(name, {**initial, "language": lang}) for name in domain.responses for lang in LANGS]
    disagree = 0
    for name, slots in calls:
        old = templated.generate_from_slots(name, dict(slots), "rest") or {}
        new = catalogue_nlg.generate_from_slots(name, dict(slots), "rest") or {}
        if {k: old.get(k) for k in ("text", "buttons")} != {k: new.get(k) for k in ("text", "buttons")}:
            disagree += 1

    def run_templated(name: str, slots: dict[str, Any]) -> Any:
        return templated.generate_from_slots(name, slots, "rest")

    def run_catalogue(name: str, slots: dict[str, Any]) -> Any:
        return catalogue_nlg.generate_from_slots(name, slots, "rest")

    _time(run_templated, calls, 200)  # warm-up
    _time(run_catalogue, calls, 200)
    rows = [
        ("Rasa templated (domain variations)", _time(run_templated, calls, args.count)),
        ("CatalogueNLG (Fluent catalogue)", _time(run_catalogue, calls, args.count)),
    ]

    print(
        f"One reply's generation, {args.count} generations each over {len(calls)} (response, language) pairs"
    )
    print(f"{'generator':38} {'p50 µs':>8} {'p95 µs':>8} {'mean µs':>8}")
    for label, spent in rows:
        print(
            f"{label:38} {_percentile(spent, 0.5):8.1f} {_percentile(spent, 0.95):8.1f} "
            f"{statistics.fmean(spent):8.1f}"
        )
    print(f"CatalogueNLG cold start (build + first reply, loads the bundles): {cold_ms:.1f} ms")
    print(f"replies that differ (text or buttons): {disagree} of {len(calls)}")
    del first, catalogue
    return 1 if disagree else 0


if __name__ == "__main__":
    raise SystemExit(main())
