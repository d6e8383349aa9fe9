"""A small inline SVG line chart of confidence scores (1-5) over sessions.

``confidence_svg(points, title, desc) -> markupsafe.Markup``: an accessible SVG
(``role="img"``, ``<title>``, ``<desc>`` listing every value) 320x120 px; the
page also shows the values in a table for screen readers and keyboard users.
"""

from __future__ import annotations

from datetime import datetime

from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD = 320, 120, 24


def confidence_svg(points: list[tuple[datetime, float]], title: str, desc: str) -> Markup:
    """SVG markup for ``points`` (time, score 1-5), oldest first; empty Markup when there are none."""
    if not points:
        return Markup("")
    n = len(points)
    step = (WIDTH - 2 * PAD) / max(n - 1, 1)

    def y(score: float) -> float:
        return HEIGHT - PAD - (min(max(score, 1.0), 5.0) - 1.0) / 4.0 * (HEIGHT - 2 * PAD)

    coords = [(PAD + i * step if n > 1 else WIDTH / 2, y(score)) for i, (_, score) in enumerate(points)]
    values = ", ".join(f"{at:%Y-%m-%d}: {score:.1f}" for at, score in points)
    grid = "".join(
        f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#c8c8c8"/>'
        f'<text x="4" y="{y(v) + 4:.1f}" font-size="10" fill="#333">{v}</text>'
        for v in (1, 3, 5)
    )
    line = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in coords)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{yy:.1f}" r="4" fill="#0b5394"/>' for x, yy in coords)
    svg = (
        f'<svg class="trend" role="img" aria-labelledby="trend-title trend-desc" width="{WIDTH}" '
        f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="trend-title">{escape(title)}</title><desc id="trend-desc">{escape(desc)}: '
        f"{escape(values)}</desc>{grid}"
        f'<polyline points="{line}" fill="none" stroke="#0b5394" stroke-width="2"/>{dots}</svg>'
    )
    return Markup(svg)  # noqa: S704  (built from numbers and escaped text only)
