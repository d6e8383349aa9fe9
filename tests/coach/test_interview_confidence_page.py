"""The coach's summary page shows the interview item before and after a practice (issue 15)."""

from __future__ import annotations

from bot.i18n import t
from tests.coach.conftest import CoachEnv


def test_coach_sees_the_before_and_after_ratings_of_the_interview_practice(coach_env: CoachEnv) -> None:
    coach_env.account("coach@turku.fi")
    points = [
        {"at": "2026-12-02T10:00:00+02:00", "score": 2.0, "label": "before"},
        {"at": "2026-12-02T10:09:00+02:00", "score": 4.0, "label": "after"},
    ]
    sid = coach_env.summary("conv-interview", interview_confidence=points)
    coach_env.login("coach@turku.fi")
    page = coach_env.client.get(f"/coach/summaries/{sid}?lang=fi").text
    assert f"{t('interview.trend_before', 'fi')} 2 (2.12.)" in page
    assert f"{t('interview.trend_after', 'fi')} 4 (2.12.)" in page
    english = coach_env.client.get(f"/coach/summaries/{sid}?lang=en").text
    assert "before practice 2 (2 Dec) · after practice 4 (2 Dec)" in english
