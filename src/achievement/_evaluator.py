"""What an evaluator is, what it returns, and the helpers built-ins and plugins share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol, runtime_checkable

from achievement._construct import built
from achievement._model import (
    Bound,
    Components,
    Deadline,
    Direction,
    DirectionSource,
    DirectionWord,
    FiscalYear,
    Indicator,
    Margin,
    Outcome,
    PluginValue,
    Quantity,
    RelativeTarget,
    RunningTotal,
    StatusWord,
    Value,
)

__all__ = [
    "Evaluator",
    "Verdict",
    "bare_year",
    "display",
    "infer_direction",
    "margin",
    "meets",
]


@dataclass(frozen=True, slots=True)
class Verdict:
    """What an evaluator decides; the judge turns it into a :class:`Judgment`.

    ``code`` is a reason code in the evaluator's own namespace
    (``"<style>.<what>"``) with a message in the evaluator's ``messages``;
    ``params`` fill that message.  ``direction`` and ``direction_source`` are
    set when the evaluator took a direction into account; ``notes`` say how a
    value was read when that is not plain from the cells.
    """

    outcome: Outcome
    code: str
    params: Mapping[str, str] = field(default_factory=dict)
    margin: Margin | None = None
    direction: Direction | None = None
    direction_source: DirectionSource | None = None
    notes: tuple[tuple[str, str], ...] = ()
    """How a value was read, in Japanese and English, added to the message in brackets."""


@runtime_checkable
class Evaluator(Protocol):
    """Judges indicators of one target style.

    ``style`` names the style (unique among registered evaluators);
    ``messages`` maps each reason code the evaluator returns to its message
    templates, ``{"ja": ..., "en": ...}``, filled from the verdict's params
    with :meth:`str.format`.  ``evaluate`` is called only when the target and
    the actual are present; it must return a verdict for every other input,
    using :attr:`Outcome.NOT_EVALUABLE` for values it cannot compare.

    To be checked by the law suite of :mod:`achievement.testing`, an evaluator
    also offers ``cases(outcome)``, a hypothesis strategy of indicators it
    judges as ``outcome`` (see :class:`achievement.testing.CaseProvider`).
    """

    style: str
    messages: Mapping[str, Mapping[str, str]]

    def evaluate(self, indicator: Indicator) -> Verdict:
        """Judge one indicator."""
        ...


def display(value: Value, *, bound: bool = True) -> str:
    """A value written back on one line in the plan notation, for people to read.

    A target keeps its bound (以上, 以下 or 以内, as written), so a report shows
    that lower is better; pass ``bound=False`` where the text around the value
    says 以上 or 以下 itself.

    >>> from achievement import parse_value
    >>> display(parse_value("年 8, 150 時間"))
    '年8,150時間'
    >>> display(parse_value("証明書交付\\n18分\\n異動届\\n45分"))
    '証明書交付 18分、異動届 45分'
    >>> display(parse_value("15 分以下")), display(parse_value("30分以内"))
    ('15分以下', '30分以内')
    >>> display(parse_value("15 分以下"), bound=False)
    '15分'

    A plugin's value is shown as its plugin displays it (by default its
    published text), never re-rendered here; years have no thousands separator.

    >>> display(parse_value("2025年度"))
    '2025年度'
    >>> display(parse_value("2026")), display(parse_value("2026件"))
    ('2026', '2,026件')
    """
    if type(value) is Quantity:  # the common case first: isinstance on a model class is slow
        return _quantity(value, bound)
    if isinstance(value, PluginValue):
        return value.display()
    if isinstance(value, Quantity):
        return _quantity(value, bound)
    if isinstance(value, Components):
        return "、".join(f"{item.label} {display(item.value, bound=bound)}" for item in value.items)
    if isinstance(value, RunningTotal):
        return f"{display(value.annual, bound=bound)}({display(value.total, bound=bound)})"
    if isinstance(value, DirectionWord | StatusWord):
        return value.word
    if isinstance(value, FiscalYear | Deadline | RelativeTarget):
        return value.text  # a year as written: never 2,025
    return value.text or "-"


def _quantity(value: Quantity, bound: bool) -> str:
    unit, period = value.unit, value.period
    prefix = "" if period is None else _PERIOD_PREFIXES.get(period, "")
    if unit in _YEAR_UNITS or (unit is None and _year_like(value.amount)):
        amount = f"{value.amount:f}"  # a year (2025年度, or a bare 2026): never 2,026
    else:
        amount = f"{value.amount:,f}"
    shown = f"{prefix}{amount}{unit or ''}"
    return f"{shown}{_bound_word(value)}" if bound and value.bound is not None else shown


_PERIOD_PREFIXES = {"annual": "年", "cumulative": "累計"}
_YEAR_UNITS = frozenset({"年度", "年"})
"""Units after which a number is a year (2025年度), written without a thousands separator."""


def _year_like(amount: Decimal) -> bool:
    """A whole number from 1900 to 2099, which may be a year written without 年度."""
    return amount == amount.to_integral_value() and 1900 <= amount <= 2099


def bare_year(value: Quantity) -> bool:
    """A bare whole number from 1900 to 2099 (no unit, no period), which may be a year as
    well as a count: ``2026``."""
    return value.unit is None and value.period is None and _year_like(value.amount)


def _bound_word(value: Quantity) -> str:
    """The bound as the cell wrote it: 以上, 以下 or 以内; empty when there is none."""
    if value.bound is None:
        return ""
    if value.bound is Bound.AT_LEAST:
        return "以上"
    return "以内" if value.text.rstrip().endswith("以内") else "以下"


_RATIO_PLACES = Decimal("0.0001")


def margin(actual: Decimal, target: Decimal, unit: str | None) -> Margin:
    """The margin of ``actual`` over ``target``: difference and ratio (4 places)."""
    ratio = None if target == 0 else (actual / target).quantize(_RATIO_PLACES, ROUND_HALF_UP)
    if type(actual) is Decimal and type(target) is Decimal and (unit is None or type(unit) is str):
        fields = {"difference": actual - target, "ratio": ratio, "unit": unit}
        return built(Margin, fields, _MARGIN_GIVEN)  # typed already: validation would not change it
    return Margin(difference=actual - target, ratio=ratio, unit=unit)


_MARGIN_GIVEN = {"difference", "ratio", "unit"}


def meets(actual: Decimal, target: Decimal, direction: Direction) -> bool:
    """Whether ``actual`` is the target or better; equality achieves."""
    return actual >= target if direction is Direction.HIGHER else actual <= target


def infer_direction(
    explicit: Direction | None,
    *,
    bound: Bound | None = None,
    baseline: Decimal | None = None,
    target: Decimal | None = None,
    rank: bool = False,
) -> tuple[Direction, DirectionSource]:
    """Which way is better, and how that was decided.

    An explicit direction always wins; then ranks (``rank``: the values are in
    位, so lower is better); then a bound on the target (以下 means
    lower is better); then the target's side of the baseline; then a zero
    target (lower is better); otherwise higher is better by default.
    """
    if explicit is not None:
        return explicit, DirectionSource.EXPLICIT
    if rank:
        return Direction.LOWER, DirectionSource.RANK
    if bound is not None:
        return (
            Direction.LOWER if bound is Bound.AT_MOST else Direction.HIGHER,
            DirectionSource.BOUND,
        )
    if baseline is not None and target is not None and baseline != target:
        return (
            Direction.LOWER if target < baseline else Direction.HIGHER,
            DirectionSource.BASELINE,
        )
    if target is not None and target == 0:
        return Direction.LOWER, DirectionSource.ZERO_TARGET
    return Direction.HIGHER, DirectionSource.DEFAULT
