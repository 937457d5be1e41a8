"""Built-in style inference: which built-in style reads a target as written."""

from __future__ import annotations

from achievement._hookspecs import hookimpl
from achievement._model import (
    Components,
    Deadline,
    DirectionWord,
    FiscalYear,
    Indicator,
    Period,
    Quantity,
    RelativeTarget,
    RunningTotal,
    StatusWord,
)


@hookimpl(trylast=True)
def achievement_infer_style(indicator: Indicator) -> str | None:
    """Running totals are cumulative, numbers threshold, movement words and changes on the
    previous year direction, deadlines and years deadline, other words ordinal."""
    target, actual = indicator.target.value, indicator.actual.value
    if type(target) is Quantity and type(actual) is Quantity:  # the common case, decided at once
        return "cumulative" if target.period is Period.CUMULATIVE else "threshold"
    if isinstance(target, RunningTotal) or (
        isinstance(target, Quantity)
        and (target.period is Period.CUMULATIVE or isinstance(actual, RunningTotal))
    ):
        return "cumulative"
    if isinstance(target, Quantity | Components):
        return "threshold"
    if isinstance(target, DirectionWord | RelativeTarget):
        return "direction"
    if isinstance(target, Deadline | FiscalYear):
        return "deadline"
    if isinstance(target, StatusWord):
        return "ordinal"
    return None
