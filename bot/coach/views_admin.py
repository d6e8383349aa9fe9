"""City admin pages: the erasure log (``/coach/admin/erasures``).

The log comes from :mod:`bot.privacy.audit`: when, why, where and how many
rows were deleted, never whose. An admin sees their city's rows and those with
no city; a coach gets 403 (``require_admin``).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from bot.clock import as_utc
from bot.coach import accounts
from bot.coach.i18n import text
from bot.coach.web import get_session, language, render, require_admin
from bot.privacy import audit

router = APIRouter()


def _counts(counts: dict[str, int], t: dict[str, str]) -> list[str]:
    """``["12 chat events", "1 summaries"]`` in the page language (table name when no label)."""
    return [f"{n} {t.get('kind_' + kind, kind)}" for kind, n in sorted(counts.items(), key=lambda kv: -kv[1])]


@router.get("/admin/erasures", response_class=HTMLResponse, name="erasures")
def erasures_page(
    request: Request,
    principal: accounts.Principal = Depends(require_admin),
    session: Session = Depends(get_session),
) -> Response:
    """The erasure log of the admin's city, newest first (the latest 200)."""
    t = text(language(request))
    rows = [
        {
            "at": as_utc(row.at),
            "why": t.get(f"erasure_{row.trigger}", row.trigger),
            "city": row.city or t["erasure_no_city"],
            "conversations": row.conversations,
            "counts": _counts(row.counts or {}, t),
        }
        for row in audit.recent(session, principal.city)
    ]
    return render(request, "erasures.html", {"principal": principal, "rows": rows})
