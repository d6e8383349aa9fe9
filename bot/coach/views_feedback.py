"""The feedback page (``/coach/feedback``): one-tap "was this useful?" answers counted per city.

A coach sees their own city; an admin sees every city with answers (their own
first, even without answers). Per city: useful / not useful per target kind
(suggestions, the whole chat, the coach's help after a handoff) and the
suggestions with the most "useful" answers, titled in the page language.
The answers are anonymous (:mod:`bot.feedback.models`), so the page writes no
audit row. ``?since=YYYY-MM-DD`` counts only answers from that day on; a
malformed date is ignored and said so on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from bot.catalogue.search import titles_of
from bot.coach import accounts
from bot.coach.i18n import text
from bot.coach.web import get_session, language, render, require_principal
from bot.feedback.store import CityCounts, Tally, city_counts
from bot.feedback.taps import TARGETS

router = APIRouter()


@dataclass(frozen=True)
class Row:
    """One table row as the template shows it."""

    label: str
    useful: int
    not_useful: int
    share: str


def share(tally: Tally) -> str:
    """The share of useful answers as a whole percent ("67 %"), "–" without answers."""
    return f"{round(100 * tally.useful / tally.total)} %" if tally.total else "–"


def _since(value: str | None) -> tuple[date | None, bool]:
    """(day, malformed) from the ``since`` query value."""
    if not value:
        return None, False
    try:
        return date.fromisoformat(value), False
    except ValueError:
        return None, True


def _cities(session: Session, principal: accounts.Principal, since: date | None) -> list[CityCounts]:
    if not principal.is_admin:
        return city_counts(session, [principal.city], since)
    counts = city_counts(session, None, since)
    if principal.city not in {c.city for c in counts}:
        counts.insert(0, CityCounts(principal.city))
    counts.sort(key=lambda c: c.city != principal.city)
    return counts


@router.get("/feedback", response_class=HTMLResponse, name="feedback")
def feedback_page(
    request: Request,
    principal: accounts.Principal = Depends(require_principal),
    session: Session = Depends(get_session),
) -> Response:
    """Counts per city for the coach's city (admins: every city); see the module docstring."""
    lang = language(request)
    t = text(lang)
    since, malformed = _since(request.query_params.get("since"))
    counts = _cities(session, principal, since)
    titles = titles_of(session, [item.item for city in counts for item in city.top])
    sections = []
    for city in counts:
        targets = [
            Row(
                t[f"feedback_{target}"],
                city.targets[target].useful,
                city.targets[target].not_useful,
                share(city.targets[target]),
            )
            for target in TARGETS
        ]
        top = [
            Row(
                (titles.get(item.item) or {}).get(lang)
                or (titles.get(item.item) or {}).get("en")
                or t["feedback_unknown_item"],
                item.useful,
                item.not_useful,
                share(item),
            )
            for item in city.top
        ]
        sections.append(
            {
                "slug": city.city.lower() or "none",
                "city": city.city or t["feedback_no_city"],
                "total": city.total,
                "targets": targets,
                "top": top,
            }
        )
    return render(
        request,
        "feedback.html",
        {
            "principal": principal,
            "sections": sections,
            "since": since.isoformat() if since else "",
            "malformed": malformed,
        },
    )
