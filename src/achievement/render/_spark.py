"""A small inline SVG line per indicator with years: values, target and pro-rated path.

No JavaScript: the line is drawn by the browser from the SVG alone, and its
title (read aloud and shown on hover) says the on-track status in words.
"""

from __future__ import annotations

from fractions import Fraction
from html import escape

from achievement._model import Indicator

__all__ = ["HEIGHT", "WIDTH", "sparkline"]

WIDTH, HEIGHT, PAD = 120, 36, 4


def sparkline(indicator: Indicator, lang: str, as_of: int | None = None) -> str | None:
    """The SVG of ``indicator``'s series up to ``as_of`` (its actual's year by default),
    or ``None`` when it has no years to draw."""
    if indicator.baseline_year is None or not indicator.series:
        return None
    from achievement.trajectory import LABELS, assess, path_of

    path = path_of(indicator, as_of)
    if isinstance(path, tuple) or path.target is None or not path.points:
        return None
    values = [(path.first, path.baseline), *path.points]
    years = [year for year, _ in values] + [path.last]
    numbers = [value for _, value in values] + [path.target]
    low_x, high_x = min(years), max(years)
    low_y, high_y = min(numbers), max(numbers)

    def x(year: int) -> float:
        span = high_x - low_x or 1
        return PAD + (WIDTH - 2 * PAD) * (year - low_x) / span

    def y(value: Fraction) -> float:
        span = high_y - low_y or 1
        return HEIGHT - PAD - float((HEIGHT - 2 * PAD) * (value - low_y) / span)

    line = " ".join(f"{x(year):.1f},{y(value):.1f}" for year, value in values)
    trajectory = assess(indicator, as_of=as_of)
    words = escape(trajectory.message.get(lang), quote=True)
    status = trajectory.status.value
    ja, en = LABELS[trajectory.status]
    shown = escape(ja if lang == "ja" else en)
    return (
        f'<svg class="spark {status}" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{words}">'
        f"<title>{words}</title>"
        f'<line class="path" x1="{x(path.first):.1f}" y1="{y(path.baseline):.1f}" '
        f'x2="{x(path.last):.1f}" y2="{y(path.target):.1f}" stroke="#999" '
        'stroke-dasharray="3,2" stroke-width="1"/>'
        f'<polyline class="values" points="{line}" fill="none" stroke="#1f4e79" '
        'stroke-width="1.5"/>'
        f'<circle class="target" cx="{x(path.last):.1f}" cy="{y(path.target):.1f}" r="2.5" '
        'fill="#c00000"/></svg>'
        f'<br><span class="trajectory {status}">{shown}</span>'
    )
