"""Cumulative: an annual figure with a running total, ``年N件(累計M件)``.

When the target names a 累計 the running totals are compared
(``累計31件`` against ``累計59件``); otherwise the annual figures are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from achievement._evaluator import Verdict, display
from achievement._hookspecs import hookimpl
from achievement._model import Indicator, Outcome, Period, Quantity, RunningTotal, Value
from achievement._registry import EvaluatorRegistry
from achievement.rules._compare import compare, comparison_messages, incomparable

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

STYLE = "cumulative"


def _part(value: Value, period: Period) -> Quantity | None:
    """The figure of ``value`` for ``period``: the total or the annual one."""
    if isinstance(value, RunningTotal):
        return value.total if period is Period.CUMULATIVE else value.annual
    if isinstance(value, Quantity) and (value.period in (None, period)):
        return value
    return None


class CumulativeEvaluator:
    """Running totals against a running-total target, or annual figures against an annual one."""

    style = STYLE
    numeric = True
    messages: Mapping[str, Mapping[str, str]] = {
        **comparison_messages(STYLE, "{basis_ja}", "{basis_en}"),
    }

    def cases(self, outcome: Outcome) -> SearchStrategy[Indicator]:
        """Indicators this evaluator judges as ``outcome``, for the law suite."""
        from achievement.strategies import cumulative_cases

        return cumulative_cases(outcome)

    def evaluate(self, indicator: Indicator) -> Verdict:
        """Compare the totals when the target names one, otherwise the annual figures."""
        target = indicator.target.value
        if isinstance(target, RunningTotal) or (
            isinstance(target, Quantity) and target.period is Period.CUMULATIVE
        ):
            period = Period.CUMULATIVE
            extra = {"basis_ja": "累計で", "basis_en": "on the running total, "}
        else:
            period = Period.ANNUAL
            extra = {"basis_ja": "年間で", "basis_en": "on the annual figure, "}
        goal = _part(target, period)
        actual = _part(indicator.actual.value, period)
        if goal is None or actual is None:
            return incomparable(
                STYLE,
                display(target),
                display(indicator.actual.value),
            )
        return compare(
            STYLE,
            target=goal,
            actual=actual,
            baseline=_part(indicator.baseline, period),
            explicit=indicator.direction,
            extra=extra,
        )


@hookimpl
def achievement_register_evaluators(registry: EvaluatorRegistry) -> None:
    """Register the cumulative evaluator."""
    registry.add(CumulativeEvaluator())
