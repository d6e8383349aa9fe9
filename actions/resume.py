"""Resume codes: ``action_resume_with_code`` and the code given at the end of a conversation.

``action_resume_with_code`` runs on the intent ``give_resume_code`` ("I have a
code", "minulla on koodi", "jag har en kod", with or without the code). It
reads the code from the message (:func:`bot.resume.codes.find_codes`):

- no code in the message: asks for it (the next message with a code comes
  back here through the same intent);
- a valid code: restores the earlier profile and plan into the slots (slots
  the page already set, such as the city, are kept): goals, Holland code and
  interest answers, rejected suggestions, next steps, the self-introduction
  when it was in the summary; continues the
  confidence trend and shows it with dates ("1 Dec: 2.8"), shows the plan
  and offers courses or jobs (inside
  goal_form, where the widget's welcome leaves the person, the form goes on
  instead, skipping what is known, and the confidence check shows the trend);
- the code keeps working until it expires (the bot says until when, so
  someone who closes the tab knows the same code brings them back);
- an unknown or expired code: says so kindly; after ``MAX_ATTEMPTS``
  unknown codes tried in one conversation (slot ``resume_code_attempts``) it stops
  checking codes (guessing protection).

When the person has open agreed steps (issue 15, ``actions/followup.py``),
the bot first asks about the first of them (done / not yet / change it)
instead of offering courses or jobs; ``next_steps`` then holds the open steps.

``give_code`` is called by ``action_record_summary_consent``: it issues a code
and returns the message that shows it.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from actions.common import language_of
from actions.followup import review_messages
from actions.interests import RI_ITEMS
from bot.db import session_scope
from bot.followup.store import open_steps
from bot.i18n import t
from bot.resume import codes
from bot.resume.trend import local_moment, short_date, trend_line
from bot.summaries.service import render_summary

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
GOAL_SLOTS = ("goal_type", "field", "city", "timeframe", "education_level", "background")


def give_code(session: Session, conversation_id: str, lang: str) -> str:
    """Issue a resume code for the conversation; the message that shows it (the caller commits)."""
    code = codes.issue(session, conversation_id)
    return t("resume.given", lang, code=code, days=codes.lifetime().days)


def rejected_in(summary: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """Suggestion ids rejected in ``summary`` or already in ``current["rejected_suggestions"]``."""
    ids = [sid for sid in current.get("rejected_suggestions") or [] if isinstance(sid, str)]
    for entry in summary.get("suggestions") or []:
        sid = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(sid, str) and entry.get("rejected") and sid not in ids:
            ids.append(sid)
    return ids


def restored_slots(
    summary: dict[str, Any],
    current: dict[str, Any],
    text: str = "",
    interests: dict[str, str] | None = None,
) -> list[EventType]:
    """``SlotSet`` events for the profile and plan in ``summary`` (the stored summary dictionary).

    Restores goals, skills, occupations, confidence score, Holland code, next
    steps and the rejected suggestions (``rejected_suggestions``: never
    offered again). ``interests`` are the earlier interest answers
    (``ri_1`` .. ``ri_12``): with them the interest questions are not asked
    again and the Holland code is kept (all 12 known: ``interests_restored``
    is set, and the interest intro says so). A self-introduction the person
    had added to the summary comes back too (``introduction_sentences``,
    ``introduction_in_summary``), so the next summary keeps it. Goal slots already set in
    ``current`` are kept (the page's city, say), except one holding the
    message ``text`` itself: inside goal_form the form's free-text mapping
    has put the code message there; it is replaced by the restored value or
    cleared.
    """
    taken = [name for name in GOAL_SLOTS if text and current.get(name) == text]
    current = {name: None if name in taken else value for name, value in current.items()}
    cleared = [SlotSet(name, None) for name in taken]
    goals = summary.get("goals") or {}
    values: dict[str, Any] = {name: goals.get(name) for name in GOAL_SLOTS if name != "city"}
    values["city"] = summary.get("city")
    values.update(
        skills=summary.get("skills") or None,
        occupations=summary.get("occupations") or None,
        confidence_score=summary.get("confidence_score"),
        holland_code=summary.get("holland_code"),
        next_steps=summary.get("next_steps") or None,
        rejected_suggestions=rejected_in(summary, current) or None,
    )
    values.update({item: answer for item, answer in (interests or {}).items() if not current.get(item)})
    introduction = [s for s in summary.get("introduction") or [] if isinstance(s, str) and s.strip()]
    if introduction and not current.get("introduction_sentences"):
        # Added to the summary last time: the next summary carries it again (bot.practice.introduction).
        values.update(introduction_sentences=introduction, introduction_in_summary=True)
    if interests and all(interests.get(item) for item in RI_ITEMS):
        values["interests_restored"] = True  # utter_interest_intro then says no questions follow
    restored = [
        SlotSet(name, value)
        for name, value in values.items()
        if value is not None and not (name in GOAL_SLOTS and current.get(name))
    ]
    names = {event["name"] for event in restored}
    return [event for event in cleared if event["name"] not in names] + restored


ATTEMPTS_SLOT = "resume_code_attempts"


def _attempts(tracker: Tracker) -> int:
    """Codes tried so far in this conversation, from the ``resume_code_attempts`` slot.

    A slot rather than a count of ``action_resume_with_code`` events: the
    tracker the action server receives holds only the latest events (the
    tracker window in rasa_addons/), so an event count would forget old tries.
    """
    value = tracker.get_slot(ATTEMPTS_SLOT)
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


class ActionResumeWithCode(Action):
    """Continue an earlier session from a resume code (see module docstring)."""

    def name(self) -> str:
        """Action name used in domain.yml."""
        return "action_resume_with_code"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Messages as in the module docstring; ``SlotSet`` events when a code worked."""
        lang = language_of(tracker)
        text = tracker.latest_message.get("text") or ""
        slots = dict(tracker.current_slot_values())
        in_form = bool((tracker.active_loop or {}).get("name"))
        # Inside a form the message went into the asked slot; take it out again.
        undo = [SlotSet(name, None) for name in GOAL_SLOTS if in_form and text and slots.get(name) == text]
        if not codes.find_codes(text):
            dispatcher.utter_message(text=t("resume.ask_code", lang))
            return undo
        attempts = _attempts(tracker)
        if attempts >= MAX_ATTEMPTS:
            dispatcher.utter_message(text=t("resume.too_many", lang))
            return undo
        counted = SlotSet(ATTEMPTS_SLOT, float(attempts + 1))
        review: list[dict[str, Any]] = []
        open_keys: list[str] = []
        try:
            with session_scope() as session:
                restored = codes.redeem(session, text, tracker.sender_id)
                if restored is not None:
                    review = review_messages(session, tracker.sender_id, lang)
                    open_keys = [s.step_key for s in open_steps(session, tracker.sender_id)]
        except SQLAlchemyError:
            logger.exception("action_resume_with_code: database not reachable")
            dispatcher.utter_message(text=t("resume.failed", lang))
            return undo
        if restored is None:
            dispatcher.utter_message(text=t("resume.not_found", lang))
            return [*undo, counted]
        if restored.summary:
            # The plan without its trend line: the next message shows the whole trend, today's too.
            plan = render_summary({**restored.summary, "confidence_trend": []}, lang).split("\n", 1)[-1]
            # Tagged like every message showing a summary: the coach's transcript hides it unless shared.
            dispatcher.utter_message(
                text=t("resume.welcome_back", lang) + "\n" + plan, summary_id=restored.summary_id
            )
        else:
            dispatcher.utter_message(text=t("resume.no_plan", lang))
        if restored.trend:
            line = trend_line(restored.trend, lang)
            dispatcher.utter_message(text=t("resume.trend_kept", lang, trend=line))
        if restored.expires_at is not None:  # closing the tab loses nothing: the same code works again
            until = short_date(local_moment(restored.expires_at).date(), lang)
            dispatcher.utter_message(text=t("resume.still_valid", lang, date=until))
        for message in review:  # open steps first: done, not yet or change it
            dispatcher.utter_message(**message)
        if not in_form and not review:  # inside goal_form the form simply goes on with the known answers
            dispatcher.utter_message(
                text=t("resume.go_on", lang),
                buttons=[
                    {"title": t("resume.courses_button", lang), "payload": "/ask_courses"},
                    {"title": t("resume.jobs_button", lang), "payload": "/ask_jobs"},
                ],
            )
        events = restored_slots(restored.summary, slots, text if in_form else "", restored.interest_answers)
        if open_keys:  # the plan's steps still open, so a new pick adds to them
            events = [e for e in events if e.get("name") != "next_steps"] + [SlotSet("next_steps", open_keys)]
        return events
