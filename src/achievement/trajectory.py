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
from achievement._series import amount_of, as_decimal, observed, target_in_force
from achievement._trajectory_methods import (  # re-exported as before, outside __all__
    WEATHER_POINTS as WEATHER_POINTS,
)
from achievement._trajectory_methods import (
    Path,
    Reading,
    TrajectoryStatus,
    cagr,
    linear,
    pace,
    projected_degree,
    required_share,
    weather,
)
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
