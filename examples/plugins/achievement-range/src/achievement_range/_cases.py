"""Hypothesis strategies of band indicators with a known outcome, built directly."""

from __future__ import annotations

from decimal import Decimal

import hypothesis.strategies as st

from achievement import Actual, Indicator, Outcome, Quantity, Target
from achievement.strategies import UNITS, amounts, cell_text
from achievement_range import STYLE, Band


def _quantity(amount: Decimal, unit: str) -> Quantity:
    q = Quantity(amount=amount, unit=unit, text="")
    return q.model_copy(update={"text": cell_text(q)})


def _indicator(low: Decimal, high: Decimal, actual: Quantity, unit: str) -> Indicator:
    ends = _quantity(low, unit), _quantity(high, unit)
    target = Band(low=ends[0], high=ends[1], text=f"{cell_text(ends[0])}〜{cell_text(ends[1])}")
    return Indicator(
        name="範囲の指標", target=Target(value=target), actual=Actual(value=actual), style=STYLE
    )


@st.composite
def range_cases(draw: st.DrawFn, outcome: Outcome) -> Indicator:
    """Bands with an actual inside (achieved), outside (not achieved) or in another unit."""
    unit = draw(st.sampled_from(UNITS))
    low = draw(amounts(0, 10_000))
    width = draw(amounts(0, 10_000))
    high = low + width
    if outcome is Outcome.NOT_EVALUABLE:
        other = draw(st.sampled_from([u for u in UNITS if u != unit]))
        return _indicator(low, high, _quantity(draw(amounts(0, 20_000)), other), unit)
    if outcome is Outcome.ACHIEVED:
        amount = low + draw(amounts(0, width))
    else:
        gap = draw(amounts(Decimal("0.1"), 10_000))
        amount = low - gap if draw(st.booleans()) else high + gap
    return _indicator(low, high, _quantity(amount, unit), unit)


@st.composite
def boundary_cases(draw: st.DrawFn) -> Indicator:
    """Bands with the actual exactly on one end."""
    unit = draw(st.sampled_from(UNITS))
    low = draw(amounts(0, 10_000))
    high = low + draw(amounts(0, 10_000))
    return _indicator(low, high, _quantity(draw(st.sampled_from([low, high])), unit), unit)
