"""The four methods of :mod:`achievement.trajectory`, each a small function on exact numbers.

A :class:`Path` holds the numbers a method reads, a :class:`Reading` what it
found; the edge cases every method decides alike are settled first (see the
public module's docstring).  Import them from :mod:`achievement.trajectory`,
which re-exports them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from achievement._model import Direction
from achievement._series import prorate


class TrajectoryStatus(StrEnum):
    """Where an indicator stands on its way to the target."""

    TARGET_MET = "target_met"
    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    OFF_TRACK = "off_track"
    DETERIORATING = "deteriorating"
    NOT_ASSESSABLE = "not_assessable"

    @property
    def rank(self) -> int | None:
        """Better is higher: deteriorating 0 ... target met 4; ``None`` when not assessable."""
        return _RANKS.get(self)


_RANKS = {
    TrajectoryStatus.DETERIORATING: 0,
    TrajectoryStatus.OFF_TRACK: 1,
    TrajectoryStatus.NEEDS_ACCELERATION: 2,
    TrajectoryStatus.ON_TRACK: 3,
    TrajectoryStatus.TARGET_MET: 4,
}


@dataclass(frozen=True, slots=True)
class Path:
    """The numbers a method reads, oriented as published (not yet mirrored).

    ``points`` are ``(fiscal year, value)`` after the baseline year, oldest
    first, up to the year assessed; ``target`` is ``None`` for a target with
    a way and no number (増加, 減少).
    """

    first: int
    baseline: Fraction
    last: int
    target: Fraction | None
    points: tuple[tuple[int, Fraction], ...]
    direction: Direction = Direction.HIGHER
    unit: str = ""
    """The unit of the values, shown in messages."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What a method found: the status, the rule that decided, and its figures."""

    status: TrajectoryStatus
    code: str
    figures: dict[str, Fraction | float]


def _mirror(path: Path) -> tuple[Fraction, Fraction | None, list[tuple[int, Fraction]]]:
    """Baseline, target and points with higher better: mirrored when lower is better."""
    s = 1 if path.direction is Direction.HIGHER else -1
    target = None if path.target is None else s * path.target
    return s * path.baseline, target, [(year, s * value) for year, value in path.points]


def _grade(value: Fraction | float, high: float, medium: float, low: float) -> TrajectoryStatus:
    if value >= high:
        return TrajectoryStatus.ON_TRACK
    if value >= medium:
        return TrajectoryStatus.NEEDS_ACCELERATION
    if value >= low:
        return TrajectoryStatus.OFF_TRACK
    return TrajectoryStatus.DETERIORATING


def _settled(path: Path) -> Reading | None:
    """The cases every method decides alike: no point, target met, target held and lost."""
    baseline, target, points = _mirror(path)
    if not points:
        return Reading(TrajectoryStatus.NOT_ASSESSABLE, "any.too_few", {})
    if target is None:
        return None
    latest = points[-1][1]
    if latest >= target:
        return Reading(TrajectoryStatus.TARGET_MET, "any.target_met", {"latest": latest})
    if target <= baseline:
        return Reading(TrajectoryStatus.DETERIORATING, "any.target_lost", {"latest": latest})
    return None


def linear(path: Path) -> Reading:
    """The share of the change required by the latest year that was made (1 / 0.6 / 0).

    Source: 健康日本21 (第二次) final evaluation (latest value above or below the
    line from the baseline to the target) and Tama City's pro-rated targets.

    >>> linear(Path(2020, Fraction(100), 2025, Fraction(150), ((2022, Fraction(118)),))).status
    <TrajectoryStatus.NEEDS_ACCELERATION: 'needs_acceleration'>
    """
    settled = _settled(path)
    if settled is not None:
        return settled
    baseline, target, points = _mirror(path)
    if target is None:
        return Reading(TrajectoryStatus.NOT_ASSESSABLE, "linear.no_target", {})
    year, latest = points[-1]
    due = prorate(baseline, target, path.first, path.last, min(year, path.last))
    ratio = (latest - baseline) / (due - baseline)
    s = 1 if path.direction is Direction.HIGHER else -1
    return Reading(
        _grade(ratio, 1, 0.6, 0),
        "linear.ratio",
        {"ratio": ratio, "prorated": s * due, "latest": s * latest, "year": Fraction(year)},
    )


def _growth(start: Fraction, end: Fraction, years: int) -> float:
    growth: float = float(end / start) ** (1 / years) - 1
    return growth


def cagr(path: Path) -> Reading:
    """Observed over required compound annual growth, 0.95 / 0.6 / 0; without a number,
    the observed growth in the desired direction, 1.5% / 0.5% / 0.

    Source: Eurostat, EU SDG monitoring report (formulas); Statistics Canada /
    Open SDG ``sdg/ProgressMeasure.py`` (cut-offs, ``|CAGR_req|``, target met first).
    """
    settled = _settled(path)
    if settled is not None:
        return settled
    d = 1 if path.direction is Direction.HIGHER else -1
    year, latest = path.points[-1]
    values = [path.baseline, latest] + ([] if path.target is None else [path.target])
    baseline, target, points = _mirror(path)
    if target is not None:
        due = prorate(baseline, target, path.first, path.last, min(year, path.last))
        if points[-1][1] >= due:
            return Reading(TrajectoryStatus.ON_TRACK, "cagr.on_path", {"prorated": d * due})
    if any(v <= 0 for v in values):
        return Reading(TrajectoryStatus.NOT_ASSESSABLE, "cagr.nonpositive", {})
    observed_ = _growth(path.baseline, latest, year - path.first)
    if path.target is None:
        value = d * observed_
        return Reading(_grade(value, 0.015, 0.005, 0), "cagr.no_target", {"observed": value})
    required = _growth(path.baseline, path.target, path.last - path.first)
    ratio = d * observed_ / abs(required)
    return Reading(
        _grade(ratio, 0.95, 0.6, 0),
        "cagr.ratio",
        {"ratio": ratio, "observed": observed_, "required": required},
    )


WEATHER_POINTS = 6
"""Destatis averages the change over the last five years: six points at most."""


def weather(path: Path) -> Reading:
    """The average annual change over the last five years carried to the target year:
    the share of the present gap still missed, under 5% / 5-20% / more, or the wrong way.

    Source: Destatis, German Sustainability Strategy indicator status ("weather
    symbols", dns-indikatoren.de).  Destatis asks for at least four points; a
    municipal plan publishes one to four years, so any two points (the baseline
    and one year) are used here, and the figures give how many.
    """
    settled = _settled(path)
    if settled is not None:
        return settled
    baseline, target, points = _mirror(path)
    series = [(path.first, baseline), *points][-WEATHER_POINTS:]
    (start_year, start), (year, latest) = series[0], series[-1]
    slope = (latest - start) / (year - start_year)
    s = 1 if path.direction is Direction.HIGHER else -1
    figures: dict[str, Fraction | float] = {"slope": s * slope, "points": Fraction(len(series))}
    if slope < 0:
        return Reading(TrajectoryStatus.DETERIORATING, "weather.wrong_way", figures)
    if target is None:
        status = TrajectoryStatus.ON_TRACK if slope > 0 else TrajectoryStatus.OFF_TRACK
        return Reading(status, "weather.no_target", figures)
    projected = latest + slope * max(path.last - year, 0)
    shortfall = (target - projected) / (target - latest)
    figures |= {"projected": s * projected, "shortfall": shortfall}
    if shortfall < Fraction(5, 100):
        status = TrajectoryStatus.ON_TRACK
    elif shortfall <= Fraction(20, 100):
        status = TrajectoryStatus.NEEDS_ACCELERATION
    else:
        status = TrajectoryStatus.OFF_TRACK
    return Reading(status, "weather.projected", figures)


def required_share(path: Path) -> Fraction | None:
    """The ``linear`` ratio, the share of the change due by the latest year that was made;
    ``None`` without a value after the baseline or a target on the better side of it.

    It is the ``trajectory`` basis of grading schemes (more is better).
    """
    baseline, target, points = _mirror(path)
    if not points or target is None or target <= baseline:
        return None
    year, latest = points[-1]
    due = prorate(baseline, target, path.first, path.last, min(year, path.last))
    return (latest - baseline) / (due - baseline)


def projected_degree(path: Path) -> Fraction | None:
    """The ``pace`` degree, ``(P - baseline) / (target - baseline)`` for the target-year value
    ``P`` on the least-squares line; ``None`` as for :func:`required_share`.

    It is the ``pace`` basis of grading schemes (more is better).
    """
    baseline, target, points = _mirror(path)
    if not points or target is None or target <= baseline:
        return None
    return (_projection(path.first, baseline, points, path.last) - baseline) / (target - baseline)


def _projection(
    first: int, baseline: Fraction, points: Sequence[tuple[int, Fraction]], last: int
) -> Fraction:
    """The value in ``last`` on the least-squares line through the baseline and ``points``."""
    series = [(Fraction(first), baseline), *((Fraction(y), v) for y, v in points)]
    n = len(series)
    mean_t = sum((t for t, _ in series), Fraction(0)) / n
    mean_v = sum((v for _, v in series), Fraction(0)) / n
    sxx = sum(((t - mean_t) ** 2 for t, _ in series), Fraction(0))
    slope = sum(((t - mean_t) * (v - mean_v) for t, v in series), Fraction(0)) / sxx
    return mean_v + slope * (last - mean_t)


def pace(path: Path) -> Reading:
    """The target-year value projected by the least-squares line through the years so far,
    as a degree of the way from the baseline to the target, 1 / 0.6 / 0.

    Source: Japanese library and prefectural plan reviews ("この進捗で最終目標を
    達成できるか", 大阪府立図書館's C/D for the interim years), with the straight
    line fitted to every published year including the baseline.
    """
    settled = _settled(path)
    if settled is not None:
        return settled
    baseline, target, points = _mirror(path)
    if target is None:
        return Reading(TrajectoryStatus.NOT_ASSESSABLE, "pace.no_target", {})
    projected = _projection(path.first, baseline, points, path.last)
    degree = (projected - baseline) / (target - baseline)
    s = 1 if path.direction is Direction.HIGHER else -1
    return Reading(
        _grade(degree, 1, 0.6, 0),
        "pace.projected",
        {"degree": degree, "projected": s * projected},
    )
