"""Figurative death idioms: the classifier's crisis guess is demoted; crisis words still win."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from rasa_addons.crisis_guard import CrisisGuard, crisis_signal, fold_text
from rasa_addons.crisis_idioms import figurative_death

ROOT = Path(__file__).resolve().parents[2]

IDIOMS = [
    "this traffic is killing me", "i absolutely killed it at karaoke", "i nearly died laughing",
    "i'm dying of boredom at home", "dying to see the new film", "bored to death today", "dead tired",
    "my phone died", "killing time before the bus",
    "mä kuolin nauruun", "nauroin itseni kuoliaaksi", "olin kuolemanväsyny treenien jälkeen",
    "odotan kuollakseni sitä leffaa", "tappava helle tänään", "kone sammui ja kuoli", "tapan aikaa",
    "jag dör av tristess", "jag längtar ihjäl efter filmen", "skrattade ihjäl", "jag är dödstrött",
    "mobilen dog", "bara döda tiden",
    "det här jobbet tar livet av mig", "pendlingen kommer att ta livet av mig", "hellre dö än jobba där",
    "i'd rather die than work there", "meinasin kuolla tylsyyteen", "kuolen häpeään",
]
NOT_IDIOMS = [
    "i want to die", "i don't want to live anymore", "haluun kuolla", "mietin kuolemaa", "jag vill dö",
    "I feel hopeless about finding a job", "en jaksa enää", "book me a table",
    "jag tar livet av mig", "jag vill hellre dö än leva", "i'd rather die than live like this",
]


def message(text: str, ranking: list[tuple[str, float]]) -> Message:
    items = [{"name": n, "confidence": c} for n, c in ranking]
    return Message(data={TEXT: text, INTENT: items[0], INTENT_RANKING_KEY: items})


@pytest.mark.parametrize("text", IDIOMS)
def test_figurative_idioms_are_found(text: str) -> None:
    assert figurative_death(fold_text(text)), text


@pytest.mark.parametrize("text", NOT_IDIOMS)
def test_crisis_and_sad_messages_are_not_idioms(text: str) -> None:
    assert not figurative_death(fold_text(text)), text


def test_confident_crisis_guess_on_an_idiom_gets_the_next_intent() -> None:
    """'I killed it at karaoke' at 0.9 express_distress gets out_of_scope's polite reply, not 112."""
    guard = CrisisGuard({"intent": "express_distress", "keep_threshold": 0.6})
    m = message("i absolutely killed it at karaoke", [("express_distress", 0.9), ("out_of_scope", 0.08)])
    assert guard.decide(m) == "demoted"
    assert m.get(INTENT)["name"] == "out_of_scope"


def test_crisis_words_win_over_an_idiom() -> None:
    guard = CrisisGuard({"intent": "express_distress", "keep_threshold": 0.6})
    m = message("im dead tired and i want to kill myself",
                [("feel_discouraged", 0.7), ("express_distress", 0.3)])
    assert guard.decide(m) == "forced"
    assert m.get(INTENT) == {"name": "express_distress", "confidence": 1.0}


def test_no_crisis_example_of_the_training_data_reads_as_an_idiom() -> None:
    """Otherwise a crisis message without a crisis pattern could be demoted by an idiom."""
    from rasa.shared.nlu.training_data.loading import load_data

    found = [m.get(TEXT) for m in load_data(str(ROOT / "data" / "nlu")).intent_examples
             if m.get(INTENT) == "express_distress" and not crisis_signal(m.get(TEXT))
             and figurative_death(fold_text(m.get(TEXT)))]
    assert not found
