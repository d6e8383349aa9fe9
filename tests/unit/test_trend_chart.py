"""The coach's confidence chart: every session's point with its date (bot/coach/chart.py)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bot.coach.chart import MAX_LABELS, confidence_svg


def test_two_sessions_give_two_points_each_with_its_date() -> None:
    points = [(datetime(2026, 12, 1, 9, tzinfo=UTC), 2.8), (datetime(2026, 12, 2, 22, 30, tzinfo=UTC), 3.4)]
    svg = str(confidence_svg(points, "Confidence", "Scores"))
    assert svg.count("<circle") == 2
    # Dates are Finnish days: 22:30 UTC on 2 Dec is 3 Dec in Finland.
    assert re.findall(r'class="trend-date"[^>]*>([^<]+)<', svg) == ["1.12.", "3.12."]
    assert "2026-12-01: 2.8, 2026-12-03: 3.4" in svg


def test_many_sessions_keep_every_point_but_label_only_some_dates() -> None:
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    points = [(start + timedelta(days=7 * i), 1.0 + (i % 5)) for i in range(20)]
    svg = str(confidence_svg(points, "Confidence", "Scores"))
    labels = re.findall(r'class="trend-date"[^>]*>([^<]+)<', svg)
    assert svg.count("<circle") == 20 and len(labels) == MAX_LABELS
    assert labels[0] == "5.1." and labels[-1] == "18.5."


def test_no_points_no_chart() -> None:
    assert str(confidence_svg([], "Confidence", "Scores")) == ""
