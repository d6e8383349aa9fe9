"""One questionnaire base for the confidence check and the interest profiler.

A :class:`Questionnaire` holds what both checks share: the items (slot
names), the answer scale and its buttons, the "Question n of N" line, the
skip rules and the step from stored slot values to a scored result. The
Rasa actions (actions/questionnaire.py) read it; each check only adds how a
typed answer is read and what the result message says.

Skip rules (docs/conversation.md): "Skip this part" (``/skip``) fills the
item being asked and every later empty item with ``"skipped"``
(:meth:`Questionnaire.section_rest`); "I don't know" answers this item only,
with :attr:`Questionnaire.dont_know` (``"skipped"`` for a rating,
``"unsure"`` for an interest).

The two shipped instances are :data:`CONFIDENCE` and :data:`INTERESTS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from bot.guidance import riasec, self_efficacy
from bot.guidance.store import AssessmentKind
from bot.i18n import t

SKIPPED = "skipped"
Result = TypeVar("Result")
SlotReader = Callable[[str], Any]
"""Reads a slot by name (``tracker.get_slot``)."""


@dataclass(frozen=True)
class Questionnaire(Generic[Result]):
    """Items, scale, scoring and skip rules of one check.

    Attributes:
        key: message topic in bot/i18n/messages (``"confidence"``): its
            ``progress``, ``skip_button`` and ``section_skipped`` keys are used.
        result_kind: kind stored in ``assessment_results`` (``"self_efficacy"``).
        item_ids: the items, in asking order; each is also its slot's name.
        item_text: ``(item id, language) -> question text``.
        options: ``language -> [(stored value, button title), ...]``, scale order.
        clean: stored slot value -> scoring input, or None (skipped, empty, unknown).
        score: the instrument's scoring of ``{item id: cleaned value}``.
        dont_know: value stored when the answer is "I don't know".
        question_key: message key of a line shown between progress and item, if any.
    """

    key: str
    result_kind: AssessmentKind
    item_ids: tuple[str, ...]
    item_text: Callable[[str, str], str]
    options: Callable[[str], list[tuple[str, str]]]
    clean: Callable[[object], Any]
    score: Callable[[dict[str, Any]], Result]
    dont_know: str
    question_key: str | None = None

    def values(self) -> tuple[str, ...]:
        """The stored values of the scale (``"1"``..``"5"``, ``"like"``, ...)."""
        return tuple(value for value, _title in self.options("en"))

    def progress(self, item_id: str, lang: str) -> str:
        """"Question 2 of 5" for ``item_id``.

        Raises:
            ValueError: ``item_id`` is not one of :attr:`item_ids`.
        """
        return t(f"{self.key}.progress", lang, n=self.item_ids.index(item_id) + 1, total=len(self.item_ids))

    def prompt(self, item_id: str, lang: str) -> str:
        """The whole question: progress line, the optional question line, the item text."""
        lines = [self.progress(item_id, lang)]
        if self.question_key:
            lines.append(t(self.question_key, lang))
        lines.append(self.item_text(item_id, lang))
        return "\n".join(lines)

    def buttons(self, lang: str) -> list[dict[str, str]]:
        """A button per scale point (``/inform{"answer":"<value>"}``), then "Skip this part" (``/skip``)."""
        options = self.options(lang)
        buttons = [{"title": title, "payload": f'/inform{{"answer":"{value}"}}'} for value, title in options]
        buttons.append({"title": t(f"{self.key}.skip_button", lang), "payload": "/skip"})
        return buttons

    def section_skipped_text(self, lang: str) -> str:
        """What the bot says when the rest of the section is skipped."""
        return t(f"{self.key}.section_skipped", lang)

    def section_rest(self, slot: str, get_slot: SlotReader) -> dict[str, str]:
        """``{slot: "skipped"}`` plus every later item whose slot is still empty.

        Raises:
            ValueError: ``slot`` is not one of :attr:`item_ids`.
        """
        start = self.item_ids.index(slot)
        rest = [name for name in self.item_ids[start + 1 :] if get_slot(name) is None]
        return {name: SKIPPED for name in [slot, *rest]}

    def answers(self, get_slot: SlotReader) -> dict[str, Any]:
        """``{item id: cleaned value or None}`` read from the slots."""
        return {item: self.clean(get_slot(item)) for item in self.item_ids}

    def result(self, get_slot: SlotReader) -> Result:
        """The scored result of the answers in the slots (skips and blanks count as unanswered)."""
        return self.score(self.answers(get_slot))


def _rating(value: object) -> int | None:
    """``"4"`` -> 4; anything but "1".."5" (``"skipped"``, None) -> None."""
    if isinstance(value, str) and value.strip() in {"1", "2", "3", "4", "5"}:
        return int(value.strip())
    return None


def _preference(value: object) -> str | None:
    """``"like"``, ``"unsure"`` or ``"dislike"``; anything else -> None."""
    return value if isinstance(value, str) and value in riasec.POINTS else None


def _texts(items: Callable[[], list[Any]]) -> Callable[[str, str], str]:
    def text(item_id: str, lang: str) -> str:
        item = next(i for i in items() if i.id == item_id)
        return str(item.text[lang])

    return text


def _rating_options(lang: str) -> list[tuple[str, str]]:
    labels = sorted(self_efficacy.scale_labels(lang).items())
    return [(str(point), f"{point} · {label}") for point, label in labels]


def _preference_options(lang: str) -> list[tuple[str, str]]:
    return [(value, t(f"interests.{value}", lang)) for value in ("like", "unsure", "dislike")]


CONFIDENCE: Questionnaire[self_efficacy.SelfEfficacyResult] = Questionnaire(
    key="confidence",
    result_kind="self_efficacy",
    item_ids=tuple(self_efficacy.item_ids()),
    item_text=_texts(self_efficacy.items),
    options=_rating_options,
    clean=_rating,
    score=self_efficacy.score_self_efficacy,
    dont_know=SKIPPED,
)
"""The confidence check: five self-efficacy items rated 1-5."""

INTERESTS: Questionnaire[riasec.RiasecResult] = Questionnaire(
    key="interests",
    result_kind="riasec",
    item_ids=tuple(riasec.item_ids()),
    item_text=_texts(riasec.items),
    options=_preference_options,
    clean=_preference,
    score=riasec.score_riasec,
    dont_know="unsure",
    question_key="interests.question",
)
"""The interest profiler: twelve RIASEC activities, like / not sure / dislike."""
