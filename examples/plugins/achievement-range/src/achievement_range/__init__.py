"""Range targets for achievement: ``80%〜90%``, achieved inside the band, both ends included.

A plugin module: the entry point ``range`` in the group ``achievement`` points
here, and the four hooks below are all it adds.  A band is a value kind of the
plugin's own, :class:`Band` (``kind`` ``"range.band"``): the JSON report
carries it, and reports show it as :meth:`Band.display` writes it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from achievement import (
    Column,
    Components,
    EvaluatorRegistry,
    Indicator,
    Outcome,
    ParseError,
    PluginValue,
    Quantity,
    Value,
    ValueKindRegistry,
    Verdict,
    display,
    hookimpl,
    parse_value,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["HIGH", "LOW", "STYLE", "Band", "RangeEvaluator", "band"]

STYLE = "range"
LOW = "下限"
"""The label of the lower end of a band."""
HIGH = "上限"
"""The label of the upper end of a band."""

_BAND = re.compile(r"^(?P<low>[^〜~]+?)\s*[〜~]\s*(?P<high>[^〜~]+)$")


class Band(PluginValue):
    """A band of numbers in one unit, both ends included: ``80%〜90%``, ``年3〜5件``."""

    kind: Literal["range.band"] = "range.band"
    low: Quantity
    high: Quantity

    def display(self) -> str:
        """Both ends, each with its unit: ``80〜90%`` is shown ``80%〜90%``."""
        return f"{display(self.low)}〜{display(self.high)}"


@hookimpl
def achievement_register_value_kinds(registry: ValueKindRegistry) -> None:
    """Add the value kind ``range.band``."""
    registry.add(Band)


def band(indicator_target: Value) -> tuple[Quantity, Quantity] | None:
    """The ends of a band target, lowest first, or ``None`` if the target is not a band.

    A band is a :class:`Band`, or values labelled 下限 and 上限 (``下限80% 上限90%``).
    """
    if isinstance(indicator_target, Band):
        low, high = indicator_target.low, indicator_target.high
        return (low, high) if low.amount <= high.amount else (high, low)
    if not isinstance(indicator_target, Components) or set(indicator_target.labels()) != {
        LOW,
        HIGH,
    }:
        return None
    low, high = indicator_target.get(LOW), indicator_target.get(HIGH)
    assert low is not None
    assert high is not None
    return (low, high) if low.amount <= high.amount else (high, low)


def _completed(end: Quantity, other: Quantity) -> Quantity:
    """``end`` with the unit and period written only once, on ``other``: 80〜90%, 年3〜5件."""
    unit = end.unit if end.unit is not None else other.unit
    period = end.period if end.period is not None else other.period
    if (unit, period) == (end.unit, end.period):
        return end
    prefix = {"annual": "年", "cumulative": "累計"}.get(period or "", "")
    text = end.text if end.period is not None else prefix + end.text
    text = text if end.unit is not None else text + (unit or "")
    return end.model_copy(update={"unit": unit, "period": period, "text": text})


@hookimpl
def achievement_parse_value(text: str, column: Column | None) -> Value | None:
    """Read ``80%〜90%``, ``80〜90%``, ``80%〜90`` or ``年3〜5件`` as a :class:`Band`.

    Only targets are bands: a cell of another column (a baseline, an actual) is
    not claimed.  Text with a wave dash whose two sides are not plain numbers is
    not claimed either.
    """
    if column not in (None, "target", "interim"):
        return None
    normal = unicodedata.normalize("NFKC", text).strip()
    match = _BAND.match(normal)
    if match is None:
        return None
    ends = []
    for part in ("low", "high"):
        try:
            value = parse_value(match.group(part))
        except ParseError:
            return None  # not a band of numbers: left to the notation, which says why
        if not isinstance(value, Quantity) or value.bound is not None:
            return None
        ends.append(value)
    low, high = (_completed(end, other) for end, other in ((ends[0], ends[1]), (ends[1], ends[0])))
    if low.unit != high.unit or low.period != high.period:
        raise ParseError(
            text,
            match.start("high"),
            "the two ends of a band have different units",
            "範囲の両端の単位が異なります",
        )
    return Band(low=low, high=high, text=text)


@hookimpl
def achievement_infer_style(indicator: Indicator) -> str | None:
    """Claim targets that are bands (a :class:`Band`, or labelled 下限 and 上限)."""
    return STYLE if band(indicator.target.value) is not None else None


class RangeEvaluator:
    """A number against a band: achieved when inside it, both ends included."""

    style = STYLE
    numeric = True
    messages: Mapping[str, Mapping[str, str]] = {
        f"{STYLE}.inside": {
            "ja": "実績 {actual}は目標の範囲 {low}〜{high}の内にあるため達成",
            "en": "actual {actual} lies inside the target band {low} to {high}: achieved",
        },
        f"{STYLE}.below": {
            "ja": "実績 {actual}は目標の範囲 {low}〜{high}を下回るため未達成",
            "en": "actual {actual} is below the target band {low} to {high}: not achieved",
        },
        f"{STYLE}.above": {
            "ja": "実績 {actual}は目標の範囲 {low}〜{high}を上回るため未達成",
            "en": "actual {actual} is above the target band {low} to {high}: not achieved",
        },
        f"{STYLE}.incomparable": {
            "ja": "目標 {target} と実績 {actual} は範囲と数値の組でないか単位が異なるため評価不能",
            "en": "target {target} and actual {actual} are not a band and a number in one "
            "unit: not evaluable",
        },
    }

    def evaluate(self, indicator: Indicator) -> Verdict:
        """Place the actual below, inside or above the band."""
        target, actual = indicator.target.value, indicator.actual.value
        ends = band(target)
        texts = {"target": display(target), "actual": display(actual)}
        if (
            ends is None
            or not isinstance(actual, Quantity)
            or (
                actual.unit is not None and ends[0].unit is not None and actual.unit != ends[0].unit
            )
        ):
            return Verdict(Outcome.NOT_EVALUABLE, f"{STYLE}.incomparable", texts)
        low, high = ends
        params = {**texts, "low": display(low), "high": display(high)}
        if actual.amount < low.amount:
            return Verdict(Outcome.NOT_ACHIEVED, f"{STYLE}.below", params)
        if actual.amount > high.amount:
            return Verdict(Outcome.NOT_ACHIEVED, f"{STYLE}.above", params)
        return Verdict(Outcome.ACHIEVED, f"{STYLE}.inside", params)

    # -- what the law suite of achievement.testing asks for --------------------------------

    def cases(self, outcome: Outcome) -> SearchStrategy[Indicator]:
        """Indicators this evaluator judges as ``outcome``."""
        from achievement_range._cases import range_cases

        return range_cases(outcome)

    def boundary_cases(self) -> SearchStrategy[Indicator]:
        """Indicators whose actual is exactly one end of the band."""
        from achievement_range._cases import boundary_cases

        return boundary_cases()

    def better(self, indicator: Indicator, step: Decimal) -> Indicator | None:
        """The indicator with its actual moved ``step`` towards the middle of the band."""
        ends, actual = band(indicator.target.value), indicator.actual.value
        if ends is None or not isinstance(actual, Quantity):
            return None
        middle = (ends[0].amount + ends[1].amount) / 2
        move = min(step, abs(middle - actual.amount))
        amount = actual.amount + move if actual.amount < middle else actual.amount - move
        moved = actual.model_copy(update={"amount": amount, "text": f"{amount}{actual.unit or ''}"})
        return indicator.model_copy(
            update={"actual": indicator.actual.model_copy(update={"value": moved})}
        )


@hookimpl
def achievement_register_evaluators(registry: EvaluatorRegistry) -> None:
    """Add the range evaluator."""
    registry.add(RangeEvaluator())
