"""What a grading scheme reads: the measurements of one judged indicator.

Every measurement is computed exactly, in :class:`~decimal.Decimal`, from the
parsed values and the judgment's direction, and is ``None`` where it is not
defined.  A measurement is always oriented so that more is better.

- ``met``: the judgment's outcome; ``None`` when the indicator is not evaluable.
- ``degree`` (達成度): ``actual / target``, or ``target / actual`` when lower is
  better.  A negative target gives ``None`` (the ratio means nothing there).
  Where the divisor is zero or the signs differ, the degree is the limit the
  ratio tends to, so that a better actual never has a smaller degree: exactly
  on a zero target it is ``1``; past a zero target, or at or below zero when
  lower is better and the target is above zero, it is ``Infinity``; below a
  zero target when higher is better it is ``-Infinity``.
- ``progress`` (進捗率): ``(actual - baseline) / (target - baseline)``.  Defined
  only when the target lies on the better side of the baseline: a missing
  baseline, a target equal to the baseline, or a baseline already past the
  target gives ``None``.
- ``pace`` and ``trajectory``: for an indicator with years (a baseline year,
  a target year and values after the baseline), the degree of the way to the
  target projected for the target year at the pace so far, and the share of
  the change due by the latest year that was made (see
  :mod:`achievement.trajectory`); ``None`` otherwise.
- ``change`` (計画策定時比): the improvement over the baseline relative to its
  size, ``(actual - baseline) / |baseline|`` (sign flipped when lower is
  better).  From a zero baseline it is the sign of the move (``1``, ``0`` or
  ``-1``): any move away from zero counts as large.  For status words on a
  scale it is the sign of the step between the baseline's stage and the
  actual's.

Labelled components (``証明書交付 18分 異動届 45分``) are measured one by one and
the worst component counts; a measurement is defined only when it is defined
for every component.  For running totals (``年5件(累計31件)``) the figure the
judgment compared counts: the totals when the target names a 累計, otherwise
the annual figures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import StrEnum

from pydantic import Field

from achievement._evaluator import infer_direction
from achievement._model import (
    Components,
    Direction,
    Frozen,
    Indicator,
    Judgment,
    Outcome,
    Period,
    Quantity,
    RunningTotal,
    StatusWord,
    Value,
)
from achievement._series import compared
from achievement.rules._compare import compatible
from achievement.rules.ordinal import DEFAULT_SCALE

__all__ = ["Basis", "Measurements", "measure"]


class Basis(StrEnum):
    """The measurement a grade reads."""

    MET = "met"
    """Met or not: read as ``1`` when met and ``0`` when not."""
    DEGREE = "degree"
    """Achievement degree (達成度): actual against target."""
    PROGRESS = "progress"
    """Progress (進捗率): how far the actual went from the baseline to the target."""
    CHANGE = "change"
    """Change against the baseline (計画策定時比), relative to the baseline."""
    PACE = "pace"
    """The target-year value projected at the pace so far, as a degree of the way."""
    TRAJECTORY = "trajectory"
    """The share of the change due by the latest year (pro-rated path) that was made."""


class Measurements(Frozen):
    """The measurements of one judged indicator, each ``None`` where undefined.

    >>> Measurements(met=True, degree=Decimal("1.5")).get(Basis.MET)
    Decimal('1')
    """

    met: bool | None
    degree: Decimal | None = Field(default=None, allow_inf_nan=True)
    progress: Decimal | None = None
    change: Decimal | None = None
    pace: Decimal | None = None
    trajectory: Decimal | None = None

    @property
    def evaluable(self) -> bool:
        """Whether the indicator was judged achieved or not achieved."""
        return self.met is not None

    def get(self, basis: Basis) -> Decimal | None:
        """The measurement ``basis`` reads, ``met`` as ``1`` or ``0``."""
        if basis is Basis.MET:
            return None if self.met is None else Decimal(1 if self.met else 0)
        value: Decimal | None = getattr(self, basis.value)
        return value


def degree(target: Decimal, actual: Decimal, direction: Direction) -> Decimal | None:
    """``actual / target`` (``target / actual`` when lower is better), or ``None``.

    >>> degree(Decimal(60), Decimal(20), Direction.HIGHER)
    Decimal('0.3333333333333333333333333333')
    >>> degree(Decimal(0), Decimal(1), Direction.LOWER)
    Decimal('0')
    >>> degree(Decimal(0), Decimal(0), Direction.LOWER)
    Decimal('1')
    """
    if target < 0:
        return None
    if direction is Direction.HIGHER:
        if target > 0:
            return actual / target
        return _sign(actual) * _INFINITY if actual != 0 else Decimal(1)
    if actual > 0:
        return target / actual
    if actual == 0 and target == 0:
        return Decimal(1)
    return _INFINITY


_INFINITY = Decimal("Infinity")


def _sign(value: Decimal) -> Decimal:
    return Decimal(value > 0) - Decimal(value < 0)


def progress(
    baseline: Decimal, target: Decimal, actual: Decimal, direction: Direction
) -> Decimal | None:
    """``(actual - baseline) / (target - baseline)``, or ``None`` without a way forward.

    >>> progress(Decimal(10), Decimal(60), Decimal(20), Direction.HIGHER)
    Decimal('0.2')
    """
    gap = target - baseline
    if gap == 0 or (gap < 0) != (direction is Direction.LOWER):
        return None
    return (actual - baseline) / gap


def change(baseline: Decimal, actual: Decimal, direction: Direction) -> Decimal:
    """The improvement over ``baseline`` relative to its size; from zero, the sign of the move.

    >>> change(Decimal(3), Decimal(1), Direction.LOWER)
    Decimal('0.6666666666666666666666666667')
    >>> change(Decimal(0), Decimal(5), Direction.HIGHER)
    Decimal('1')
    """
    better = actual - baseline if direction is Direction.HIGHER else baseline - actual
    if baseline == 0:
        return _sign(better)
    return better / abs(baseline)


def _period(indicator: Indicator) -> Period | None:
    """Which figure of a running total the judgment compared."""
    target = indicator.target.value
    if isinstance(target, RunningTotal) or (
        isinstance(target, Quantity) and target.period is Period.CUMULATIVE
    ):
        return Period.CUMULATIVE
    values = (target, indicator.actual.value, indicator.baseline)
    if any(isinstance(value, RunningTotal) for value in values):
        return Period.ANNUAL
    return None


def _figures(value: Value, period: Period | None) -> dict[str, Quantity] | None:
    """The numbers of ``value`` by component label (``""`` for a single number)."""
    if isinstance(value, RunningTotal):
        return {"": value.total if period is Period.CUMULATIVE else value.annual}
    if isinstance(value, Quantity):
        if period is not None and value.period not in (None, period):
            return None
        return {"": value}
    if isinstance(value, Components):
        return {item.label: item.value for item in value.items}
    return None


def _worst(
    actual: Mapping[str, Quantity],
    other: Mapping[str, Quantity] | None,
    compute: Callable[[str, Quantity, Quantity], Decimal | None],
) -> Decimal | None:
    """The least of ``compute`` over the components, ``None`` unless defined for all."""
    if other is None or set(other) != set(actual):
        return None
    results: list[Decimal] = []
    for label, figure in actual.items():
        paired = other[label]
        if not compatible(paired, figure):
            return None
        result = compute(label, paired, figure)
        if result is None:
            return None
        results.append(result)
    return min(results) if results else None


def measure(indicator: Indicator, judgment: Judgment) -> Measurements:
    """The measurements of ``indicator`` as judged by ``judgment``.

    >>> from achievement import judge, Judge, parse_value, Target, Actual
    >>> ind = Indicator(baseline=parse_value("10%"), target=Target(value=parse_value("60%")),
    ...                 actual=Actual(value=parse_value("20%")))
    >>> m = measure(ind, Judge(autoload=False).judge(ind))
    >>> (m.met, m.progress, m.change)
    (False, Decimal('0.2'), Decimal('1'))
    """
    met = {Outcome.ACHIEVED: True, Outcome.NOT_ACHIEVED: False}.get(judgment.outcome)
    if met is None:
        return Measurements(met=None)
    years = _years(indicator, judgment)
    indicator = compared(indicator, judgment)  # the target the judgment used
    period = _period(indicator)
    actual = _figures(indicator.actual.value, period)
    target = _figures(indicator.target.value, period)
    baseline = _figures(indicator.baseline, period)
    targets = target or {}
    bases = baseline or {}

    def direction(label: str) -> Direction:
        if judgment.direction is not None:
            return judgment.direction
        goal, base = targets.get(label), bases.get(label)
        return infer_direction(
            indicator.direction,
            bound=None if goal is None else goal.bound,
            baseline=None
            if base is None or goal is None or not compatible(base, goal)
            else base.amount,
            target=None if goal is None else goal.amount,
        )[0]

    if actual is None:
        return Measurements(
            met=met, change=_stage_change(indicator, judgment), pace=years[0], trajectory=years[1]
        )
    return Measurements(
        pace=years[0],
        trajectory=years[1],
        met=met,
        degree=_worst(
            actual, target, lambda label, t, a: degree(t.amount, a.amount, direction(label))
        ),
        progress=_worst(
            actual,
            target
            if baseline is not None
            and target is not None
            and set(target) == set(baseline)
            and all(compatible(baseline[k], target[k]) for k in target)
            else None,
            lambda label, t, a: progress(bases[label].amount, t.amount, a.amount, direction(label)),
        ),
        change=_worst(
            actual, baseline, lambda label, b, a: change(b.amount, a.amount, direction(label))
        ),
    )


def _years(indicator: Indicator, judgment: Judgment) -> tuple[Decimal | None, Decimal | None]:
    """The ``pace`` and ``trajectory`` measurements: defined only for an indicator with
    a baseline year, a target year and values after the baseline.  They read the way to
    the final target (the revised one in force), as of the year the judgment judged."""
    if indicator.baseline_year is None:
        return None, None
    from achievement.trajectory import path_of, projected_degree, required_share

    found = judgment.comparison
    path = path_of(indicator, None if found is None else found.actual.fiscal_year)
    if isinstance(path, tuple):
        return None, None
    pace, share = projected_degree(path), required_share(path)
    return (
        None if pace is None else Decimal(pace.numerator) / pace.denominator,
        None if share is None else Decimal(share.numerator) / share.denominator,
    )


def _stage_change(indicator: Indicator, judgment: Judgment) -> Decimal | None:
    """The sign of the step from the baseline's stage to the actual's, for status words."""
    baseline, actual = indicator.baseline, indicator.actual.value
    if not isinstance(baseline, StatusWord) or not isinstance(actual, StatusWord):
        return None
    scale = indicator.scale or DEFAULT_SCALE
    if baseline.word not in scale or actual.word not in scale:
        return None
    step = scale.index(actual.word) - scale.index(baseline.word)
    if judgment.direction is Direction.LOWER:
        step = -step
    return _sign(Decimal(step))
