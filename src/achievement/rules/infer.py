"""Built-in style inference: which built-in style reads a target as written."""

from __future__ import annotations

from achievement._hookspecs import hookimpl
from achievement._model import (
    Components,
    DirectionWord,
    Indicator,
    Period,
    Quantity,
    RunningTotal,
    StatusWord,
)


@hookimpl(trylast=True)
def achievement_infer_style(indicator: Indicator) -> str | None:
    """Running totals are cumulative, numbers threshold, movement words direction,
    other words ordinal."""
    target, actual = indicator.target.value, indicator.actual.value
    if isinstance(target, RunningTotal) or (
        isinstance(target, Quantity)
        and (target.period is Period.CUMULATIVE or isinstance(actual, RunningTotal))
    ):
        return "cumulative"
    if isinstance(target, Quantity | Components):
        return "threshold"
    if isinstance(target, DirectionWord):
        return "direction"
    if isinstance(target, StatusWord):
        return "ordinal"
    return None
