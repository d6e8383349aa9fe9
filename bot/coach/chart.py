"""A small inline SVG line chart of confidence scores (1-5) over sessions.

``confidence_svg(points, title, desc) -> markupsafe.Markup``: an accessible SVG
(``role="img"``, ``<title>``, ``<desc>`` listing every value with its date)
320x140 px. Every point is drawn; under the points the dates are written as
day and month ("1.12."), in Finnish time (:mod:`bot.resume.trend`), so the
coach sees the same days as the person. With many points only some dates
are written (first, last and evenly between) so that they never overlap; the
page also shows every value in a table for screen readers and keyboard users.
"""

from __future__ import annotations

from datetime import datetime

from markupsafe import Markup, escape

from bot.resume.trend import local_moment

WIDTH, HEIGHT, PAD, AXIS = 320, 140, 24, 20
MAX_LABELS = 7  # about 38 px per "30.12." label at 10 px


def _label_indexes(n: int) -> set[int]:
    """Which of ``n`` points get a date label: all when few, else first, last and evenly between."""
    if n <= MAX_LABELS:
        return set(range(n))
    step = (n - 1) / (MAX_LABELS - 1)
    return {round(i * step) for i in range(MAX_LABELS)}


def confidence_svg(points: list[tuple[datetime, float]], title: str, desc: str) -> Markup:
    """SVG markup for ``points`` (time, score 1-5), oldest first; empty Markup when there are none."""
    if not points:
        return Markup("")
    n = len(points)
    left, right = PAD + 8, WIDTH - PAD  # room for the 1 / 3 / 5 labels on the left
    top, bottom = PAD, HEIGHT - AXIS - 8  # room for the dates below
    step = (right - left) / max(n - 1, 1)

    def y(score: float) -> float:
        return bottom - (min(max(score, 1.0), 5.0) - 1.0) / 4.0 * (bottom - top)

    coords = [(left + i * step if n > 1 else WIDTH / 2, y(score)) for i, (_, score) in enumerate(points)]
    days = [local_moment(at) for at, _ in points]
    values = ", ".join(f"{day:%Y-%m-%d}: {score:.1f}" for day, (_, score) in zip(days, points, strict=True))
    grid = "".join(
        f'<line x1="{left}" x2="{right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#c8c8c8"/>'
        f'<text x="4" y="{y(v) + 4:.1f}" font-size="10" fill="#333">{v}</text>'
        for v in (1, 3, 5)
    )
    line = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in coords)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="4" fill="#0b5394"/>' for x, yy in coords)
    labels = "".join(
        f'<text class="trend-date" x="{coords[i][0]:.1f}" y="{HEIGHT - 6}" font-size="10" fill="#333" '
        f'text-anchor="middle">{days[i].day}.{days[i].month}.</text>'
        for i in sorted(_label_indexes(n))
    )
    svg = (
        f'<svg class="trend" role="img" aria-labelledby="trend-title trend-desc" width="{WIDTH}" '
        f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="trend-title">{escape(title)}</title><desc id="trend-desc">{escape(desc)}: '
        f"{escape(values)}</desc>{grid}"
        f'<polyline points="{line}" fill="none" stroke="#0b5394" stroke-width="2"/>{dots}{labels}</svg>'
    )
    return Markup(svg)  # noqa: S704  (built from numbers and escaped text only)
