"""scripts/rasa_launch.py: the encoder threads each Rasa process gets (issue 12, parse latency)."""

from __future__ import annotations

from scripts.rasa_launch import encoder_threads


def test_embedded_default_keeps_the_configured_threads() -> None:
    assert encoder_threads({}, cores=2) is None
    assert encoder_threads({"DIGIPOINT_PROFILE": "embedded"}, cores=8) is None


def test_production_shares_the_cores_between_the_rasa_processes() -> None:
    production = {"DIGIPOINT_PROFILE": "production"}
    assert encoder_threads(production, cores=2) == "1"  # two replicas by default
    assert encoder_threads({**production, "RASA_REPLICAS": "2"}, cores=8) == "4"
    assert encoder_threads({**production, "RASA_REPLICAS": "4"}, cores=2) == "1"  # never zero
    assert encoder_threads({**production, "RASA_REPLICAS": "lots"}, cores=4) == "2"
    assert encoder_threads(production, cores=None) == "1"


def test_an_operators_setting_wins() -> None:
    chosen = {"DIGIPOINT_PROFILE": "production", "DIGIPOINT_ENCODER_THREADS": "2"}
    assert encoder_threads(chosen, cores=2) is None
