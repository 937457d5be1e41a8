"""Threshold: a numeric target, met when the actual is the target or better.

``36件 -> 110件 -> 785件`` is achieved; ``31% -> 100% -> 99%`` is not.  Lower is
better when the indicator says so, when the target carries 以下, when the
target is below the baseline, or when it is zero.  With labelled values
(``小 95% 中 95%``) every component must meet its own target.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from achievement._evaluator import Verdict, bare_year, display
from achievement._hookspecs import hookimpl
from achievement._model import Components, Indicator, Outcome, Quantity, Value
from achievement._registry import EvaluatorRegistry
from achievement.rules._compare import compare, comparison_messages, incomparable

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

STYLE = "threshold"


class ThresholdEvaluator:
    """Numbers against a numeric target."""

    style = STYLE
    numeric = True
    messages: Mapping[str, Mapping[str, str]] = {
        **comparison_messages(STYLE),
        f"{STYLE}.components_meet": {
            "ja": "すべての項目({labels})で実績が目標以上のため達成",
            "en": "every component ({labels}) meets its target: achieved",
        },
        f"{STYLE}.components_short": {
            "ja": "{failed}で実績が目標に届かないため未達成",
            "en": "{failed} does not meet its target: not achieved",
        },
        f"{STYLE}.year_or_count": {
            "ja": "目標「{target}」と実績「{actual}」は年度とも数量とも読めるため評価不能"
            "(年度なら「2025年度」、数量なら「2025件」のように単位を付けて書いてください)",
            "en": "target '{target}' and actual '{actual}' could be years or counts: not "
            "evaluable (write a year as 2025年度, a count with its unit, as 2025件)",
        },
    }

    def cases(self, outcome: Outcome) -> SearchStrategy[Indicator]:
        """Indicators this evaluator judges as ``outcome``, for the law suite."""
        from achievement.strategies import threshold_cases

        return threshold_cases(outcome)

    def evaluate(self, indicator: Indicator) -> Verdict:
        """Compare the actual with the target, component by component when labelled."""
        target, actual, baseline = (
            indicator.target.value,
            indicator.actual.value,
            indicator.baseline,
        )
        if isinstance(target, Quantity) and isinstance(actual, Quantity):
            if indicator.style is None and _years_or_counts(target, actual, baseline):
                texts = {"target": target.text, "actual": actual.text}  # 2025, never 2,025
                return Verdict(Outcome.NOT_EVALUABLE, f"{STYLE}.year_or_count", texts)
            return compare(
                STYLE,
                target=target,
                actual=actual,
                baseline=baseline if isinstance(baseline, Quantity) else None,
                explicit=indicator.direction,
            )
        if (
            isinstance(target, Components)
            and isinstance(actual, Components)
            and set(target.labels()) == set(actual.labels())
        ):
            verdicts = {}
            for item in target.items:
                other = actual.get(item.label)
                base = baseline.get(item.label) if isinstance(baseline, Components) else None
                assert other is not None
                verdicts[item.label] = compare(
                    STYLE,
                    target=item.value,
                    actual=other,
                    baseline=base,
                    explicit=indicator.direction,
                )
            return _combine(verdicts, display(target), display(actual))
        return incomparable(STYLE, display(target), display(actual))


def _years_or_counts(target: Quantity, actual: Quantity, baseline: Value) -> bool:
    """Whether the target and the actual could be years as well as counts: bare whole
    numbers from 1900 to 2099 (``2025`` and ``2024``), with no baseline, a word (未実施)
    or such a number as the baseline, which would tell a count.  A deadline of 2025 met
    in 2024 would otherwise read as a count of 2,024 short of 2,025."""
    if not (_year_like(target) and _year_like(actual)):
        return False
    return not isinstance(baseline, Quantity) or _year_like(baseline)


def _year_like(value: Quantity) -> bool:
    return bare_year(value) and value.bound is None  # 2025以上 is a level to reach


def _combine(verdicts: Mapping[str, Verdict], target: str, actual: str) -> Verdict:
    """One verdict from per-component verdicts: all must be achieved."""
    if any(v.outcome is Outcome.NOT_EVALUABLE for v in verdicts.values()):
        return incomparable(STYLE, target, actual)
    failed = [label for label, v in verdicts.items() if v.outcome is not Outcome.ACHIEVED]
    directions = {(v.direction, v.direction_source) for v in verdicts.values()}
    direction, source = directions.pop() if len(directions) == 1 else (None, None)
    if failed:
        return Verdict(
            outcome=Outcome.NOT_ACHIEVED,
            code=f"{STYLE}.components_short",
            params={"failed": "、".join(failed), "labels": "、".join(verdicts)},
            direction=direction,
            direction_source=source,
        )
    return Verdict(
        outcome=Outcome.ACHIEVED,
        code=f"{STYLE}.components_meet",
        params={"labels": "、".join(verdicts), "failed": ""},
        direction=direction,
        direction_source=source,
    )


@hookimpl
def achievement_register_evaluators(registry: EvaluatorRegistry) -> None:
    """Register the threshold evaluator."""
    registry.add(ThresholdEvaluator())
