"""On track or not: the trajectory of an indicator towards its target, beside the outcome.

In the years before the target year the question is not "was the target met"
but "are we on track".  Four methods, each a small function on exact numbers:

``linear``
    The latest value against the pro-rated path, the straight line from the
    baseline to the target (健康日本21's B / B* line; Tama City's 20% a year):
    the share of the change required by that year that was made.
``cagr``
    Observed compound annual growth over the required growth,
    ``R = d x CAGR_obs / |CAGR_req|`` with cut-offs 0.95 / 0.6 / 0, as
    Eurostat's SDG monitoring report and Statistics Canada's Open SDG progress
    measure use; without a numeric target (増加, 減少) the observed CAGR in the
    desired direction against Open SDG's 1.5% / 0.5% / 0.
``weather``
    The German Sustainability Strategy's rule (Destatis "weather symbols"):
    the average annual change over the last five years (six points) carried
    to the target year; the share of the present gap to the target that the
    projection still misses: under 5% on track, 5-20% needs acceleration,
    more off track; moving the wrong way, deteriorating.
``pace``
    The final-year value projected by the straight line (least squares) through
    the years so far, as Japanese library and prefectural reviews grade their
    first to third years ("will the final target be met at this pace"); the
    projected degree ``(P - baseline) / (target - baseline)`` is graded
    1 / 0.6 / 0 and is the ``pace`` basis of grading schemes.

Decided edge cases, the same for every method (see the docs' table):

- fewer than one value after the baseline year, or a baseline, target or
  value that is not a number comparable with the others: not assessable;
- the latest value on or past the target: target met, whatever the trend
  (Open SDG checks this first);
- a target equal to the baseline, or already met at the baseline, and the
  latest value short of it: deteriorating (the target was held, and lost);
- lower is better: every method works on the values mirrored (``-x``), so a
  lower-is-better indicator is judged exactly as its mirror image;
- ``cagr`` needs positive values: a zero or negative baseline, target or
  latest value is not assessable (Open SDG's substitution of 0.001 makes the
  ratio depend on the substitute; use ``linear``); a value on or past the
  pro-rated straight line counts as on track under ``cagr`` too, since the
  plan's own path is the commitment (the geometric path runs below the
  straight one for a falling target).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from pydantic import Field

from achievement._evaluator import infer_direction
from achievement._model import (
    Direction,
    DirectionWord,
    Frozen,
    Indicator,
    LocalizedText,
    Period,
    Quantity,
    RunningTotal,
    Trend,
)
from achievement._series import amount_of, as_decimal, observed, prorate, target_in_force
from achievement._trajectory_text import EXPLAIN as _EXPLAIN

__all__ = [
    "Method",
    "Path",
    "Reading",
    "Trajectory",
    "TrajectoryStatus",
    "assess",
    "cagr",
    "linear",
    "pace",
    "projected_degree",
    "required_share",
    "statuses",
    "weather",
]


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

LABELS = {
    TrajectoryStatus.TARGET_MET: ("目標達成済み", "target met"),
    TrajectoryStatus.ON_TRACK: ("順調", "on track"),
    TrajectoryStatus.NEEDS_ACCELERATION: ("加速が必要", "needs acceleration"),
    TrajectoryStatus.OFF_TRACK: ("遅れ", "off track"),
    TrajectoryStatus.DETERIORATING: ("悪化", "deteriorating"),
    TrajectoryStatus.NOT_ASSESSABLE: ("評価不能", "not assessable"),
}
"""The label of each status, Japanese then English."""


class Method(StrEnum):
    """How the trajectory is assessed."""

    LINEAR = "linear"
    CAGR = "cagr"
    WEATHER = "weather"
    PACE = "pace"


class Trajectory(Frozen):
    """The trajectory of one indicator as of a year: status, method, figures, message.

    ``figures`` are the numbers the method computed, as decimal text
    (``ratio``, ``prorated``, ``projected``, ...); ``code`` says which rule
    decided (``linear.ratio``, ``cagr.nonpositive``, ``any.target_met``...).
    """

    status: TrajectoryStatus
    method: Method
    code: str
    as_of: int | None = None
    figures: dict[str, str] = Field(default_factory=dict)
    message: LocalizedText


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


METHODS: dict[Method, Callable[[Path], Reading]] = {
    Method.LINEAR: linear,
    Method.CAGR: cagr,
    Method.WEATHER: weather,
    Method.PACE: pace,
}


def path_of(indicator: Indicator, as_of: int | None = None) -> Path | tuple[str, str, str]:
    """The path of ``indicator`` up to ``as_of`` (its actual's year by default), or why
    there is none: a code and the reason in Japanese and English."""
    year = as_of if as_of is not None else indicator.actual.fiscal_year
    first = indicator.baseline_year
    if year is None or first is None:
        return (
            "input.no_year",
            "実績か計画策定時の年度がない",
            "no year for the actual or the baseline",
        )
    target, _ = target_in_force(indicator, year)
    goal = target.value
    cumulative = isinstance(goal, Quantity) and goal.period is Period.CUMULATIVE
    base = Fraction(0) if cumulative else amount_of(indicator.baseline)
    if isinstance(goal, DirectionWord) and goal.trend is not Trend.MAINTAIN:
        end, last = None, target.fiscal_year or year
        direction = Direction.HIGHER if goal.trend is Trend.INCREASE else Direction.LOWER
    else:
        end = amount_of(goal, cumulative=cumulative)
        last = target.fiscal_year or 0
        if end is None or target.fiscal_year is None:
            return (
                "input.no_target",
                "数値の目標と目標年度がない",
                "no numeric target and target year",
            )
        bound = goal.bound if isinstance(goal, Quantity) else None
        direction = infer_direction(
            indicator.direction,
            bound=bound,
            baseline=None if base is None else Decimal(base.numerator) / base.denominator,
            target=Decimal(end.numerator) / end.denominator,
        )[0]
    if base is None:
        return ("input.no_baseline", "数値の計画策定時の値がない", "no numeric baseline")
    units = {
        v.unit
        for v in (indicator.baseline, goal)
        if isinstance(v, Quantity) and not (cumulative and v is indicator.baseline)
    }
    points: list[tuple[int, Fraction]] = []
    total = Fraction(0)
    published = observed(indicator)
    for fy in range(first + 1, year + 1):
        actual = published.get(fy)
        value = None if actual is None else actual.value
        amount = None if value is None else amount_of(value, cumulative=cumulative)
        if actual is None or value is None or amount is None:
            if cumulative:
                break  # a running total cannot pass a missing year
            continue
        if isinstance(value, Quantity):
            units.add(value.unit)
        elif isinstance(value, RunningTotal):
            units.add(value.total.unit)
        summed = not (
            isinstance(value, RunningTotal) or getattr(value, "period", None) is Period.CUMULATIVE
        )
        if cumulative and summed:
            total += amount
            amount = total
        points.append((fy, amount))
    known = units - {None}
    if len(known) > 1:
        return ("input.units", "単位が揃わない", "the units differ")
    unit = next(iter(known), None) or ""
    return Path(first, base, last, end, tuple(points), direction, unit)


def _figure(value: Fraction | float) -> str:
    if isinstance(value, float):
        return f"{Decimal(repr(value)).quantize(Decimal('0.0001')).normalize():f}"
    return f"{as_decimal(value):f}"


def assess(
    indicator: Indicator, method: Method | str = Method.LINEAR, *, as_of: int | None = None
) -> Trajectory:
    """The trajectory of ``indicator`` as of ``as_of`` (its actual's year by default).

    >>> from achievement import parse_value, Target, Actual
    >>> ind = Indicator(baseline=parse_value("100冊"), baseline_year=2020,
    ...     target=Target(value=parse_value("150冊"), fiscal_year=2025),
    ...     actual=Actual(value=parse_value("120冊"), fiscal_year=2022))
    >>> assess(ind).status
    <TrajectoryStatus.ON_TRACK: 'on_track'>
    """
    chosen = Method(method)
    path = path_of(indicator, as_of)
    year = as_of if as_of is not None else indicator.actual.fiscal_year
    if isinstance(path, tuple):
        code, ja, en = path
        return _trajectory(
            Reading(TrajectoryStatus.NOT_ASSESSABLE, code, {}), chosen, year, (ja, en), ""
        )
    return _trajectory(METHODS[chosen](path), chosen, year, None, path.unit)


_AMOUNTS = frozenset({"latest", "prorated", "projected", "slope"})
"""Figures in the unit of the values, shown with separators and the unit."""


def _trajectory(
    reading: Reading,
    method: Method,
    year: int | None,
    why: tuple[str, str] | None,
    unit: str,
) -> Trajectory:
    figures = {key: _figure(value) for key, value in reading.figures.items()}
    shown = {
        key: f"{Decimal(text):,f}{unit}" if key in _AMOUNTS else text
        for key, text in figures.items()
    }
    label_ja, label_en = LABELS[reading.status]
    if why is None:
        ja, en = (t.format_map(shown) for t in _EXPLAIN[reading.code])
    else:
        ja, en = why
    return Trajectory(
        status=reading.status,
        method=method,
        code=reading.code,
        as_of=year,
        figures=figures,
        message=LocalizedText(
            ja=f"{label_ja}({method.value}: {ja})", en=f"{label_en} ({method.value}: {en})"
        ),
    )


def statuses(indicator: Indicator, as_of: int | None = None) -> Sequence[Trajectory]:
    """The trajectory under every method, in the order of :class:`Method`."""
    return [assess(indicator, method, as_of=as_of) for method in Method]
