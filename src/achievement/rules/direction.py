"""Direction: a word instead of a number, asking for a movement from the baseline.

増加 / 向上 / 拡大 / 充実 ask for more than the baseline, 減少 / 削減 / 短縮 for
less, 維持 for no less.  ``2種類 -> 充実 -> 2種類`` is not achieved;
``18分 -> 減少 -> 16分`` is.  A change on the previous year (``前年度比5%増``,
``毎年度増加``) is read but not evaluable until a series of yearly values exists.  With labelled values every component must move the
right way.  The actual may itself be a word: ``― -> 増加 -> 増加`` is achieved.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from achievement._evaluator import Verdict, display
from achievement._hookspecs import hookimpl
from achievement._model import (
    Components,
    Direction,
    DirectionSource,
    DirectionWord,
    Indicator,
    Missing,
    Outcome,
    Quantity,
    RelativeTarget,
    Trend,
)
from achievement._registry import EvaluatorRegistry
from achievement.rules._compare import compatible

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

STYLE = "direction"

_TREND_JA = {Trend.INCREASE: "増えて", Trend.DECREASE: "減って", Trend.MAINTAIN: "維持されて"}
_TREND_EN = {Trend.INCREASE: "increased", Trend.DECREASE: "decreased", Trend.MAINTAIN: "held"}


def moved(baseline: Quantity, actual: Quantity, trend: Trend, direction: Direction) -> bool:
    """Whether ``actual`` moved from ``baseline`` the way ``trend`` asks."""
    if trend is Trend.INCREASE:
        return actual.amount > baseline.amount
    if trend is Trend.DECREASE:
        return actual.amount < baseline.amount
    if direction is Direction.HIGHER:
        return actual.amount >= baseline.amount
    return actual.amount <= baseline.amount


def _word_met(target: Trend, actual: Trend, direction: Direction) -> bool:
    if target is Trend.MAINTAIN:
        better = Trend.INCREASE if direction is Direction.HIGHER else Trend.DECREASE
        return actual in (Trend.MAINTAIN, better)
    return actual is target


class DirectionEvaluator:
    """Movement words against the baseline."""

    style = STYLE
    numeric = False
    messages: Mapping[str, Mapping[str, str]] = {
        f"{STYLE}.moved": {
            "ja": "実績 {actual}は計画策定時 {baseline}から目標「{word}」のとおり{trend_ja}いるため達成",
            "en": "actual {actual} has {trend_en} from the baseline {baseline} as the target "
            "'{word}' asks: achieved",
        },
        f"{STYLE}.not_moved": {
            "ja": "実績 {actual}は計画策定時 {baseline}から目標「{word}」のとおりに{trend_ja}いないため未達成",
            "en": "actual {actual} has not {trend_en} from the baseline {baseline} as the target "
            "'{word}' asks: not achieved",
        },
        f"{STYLE}.word_matches": {
            "ja": "実績「{actual}」は目標「{word}」を満たすため達成",
            "en": "actual '{actual}' satisfies the target '{word}': achieved",
        },
        f"{STYLE}.word_differs": {
            "ja": "実績「{actual}」は目標「{word}」を満たさないため未達成",
            "en": "actual '{actual}' does not satisfy the target '{word}': not achieved",
        },
        f"{STYLE}.needs_series": {
            "ja": "目標「{word}」は前年度の値と比べる目標で、年度ごとの実績がないため評価不能",
            "en": "the target '{word}' is measured against the previous year, and there is no "
            "series of yearly values: not evaluable",
        },
        f"{STYLE}.no_baseline": {
            "ja": "計画策定時の値がなく、目標「{word}」への変化を判断できないため評価不能",
            "en": "there is no baseline to measure the change '{word}' from: not evaluable",
        },
        f"{STYLE}.incomparable": {
            "ja": "計画策定時 {baseline} と実績 {actual} は単位や種類が異なり比較できないため評価不能",
            "en": "baseline {baseline} and actual {actual} differ in unit or kind and cannot be "
            "compared: not evaluable",
        },
    }

    def cases(self, outcome: Outcome) -> SearchStrategy[Indicator]:
        """Indicators this evaluator judges as ``outcome``, for the law suite."""
        from achievement.strategies import direction_cases

        return direction_cases(outcome)

    def evaluate(self, indicator: Indicator) -> Verdict:
        """Compare the actual with the baseline in the way the target word asks."""
        target = indicator.target.value
        if isinstance(target, RelativeTarget):
            # Judged against the previous year's value, which needs a series of years.
            return self._verdict(Outcome.NOT_EVALUABLE, "needs_series", indicator, word=target.text)
        if not isinstance(target, DirectionWord):
            return self._verdict(
                Outcome.NOT_EVALUABLE,
                "incomparable",
                indicator,
                word=display(target),
            )
        trend = target.trend
        if trend is Trend.MAINTAIN:
            direction = indicator.direction or Direction.HIGHER
            source = (
                DirectionSource.EXPLICIT
                if indicator.direction is not None
                else DirectionSource.DEFAULT
            )
        else:
            direction = Direction.HIGHER if trend is Trend.INCREASE else Direction.LOWER
            source = DirectionSource.TARGET_WORD
        baseline, actual = indicator.baseline, indicator.actual.value
        if isinstance(actual, DirectionWord):
            met = _word_met(trend, actual.trend, direction)
            return self._verdict(
                Outcome.ACHIEVED if met else Outcome.NOT_ACHIEVED,
                "word_matches" if met else "word_differs",
                indicator,
                word=target.word,
                direction=direction,
                direction_source=source,
            )
        if isinstance(baseline, Missing) and isinstance(actual, Quantity | Components):
            return self._verdict(Outcome.NOT_EVALUABLE, "no_baseline", indicator, word=target.word)
        pairs = _pairs(baseline, actual)
        if pairs is None:
            return self._verdict(Outcome.NOT_EVALUABLE, "incomparable", indicator, word=target.word)
        met = all(moved(b, a, trend, direction) for b, a in pairs)
        return self._verdict(
            Outcome.ACHIEVED if met else Outcome.NOT_ACHIEVED,
            "moved" if met else "not_moved",
            indicator,
            word=target.word,
            trend_ja=_TREND_JA[trend],
            trend_en=_TREND_EN[trend],
            direction=direction,
            direction_source=source,
        )

    @staticmethod
    def _verdict(
        outcome: Outcome,
        what: str,
        indicator: Indicator,
        *,
        word: str,
        direction: Direction | None = None,
        direction_source: DirectionSource | None = None,
        **params: str,
    ) -> Verdict:
        return Verdict(
            outcome=outcome,
            code=f"{STYLE}.{what}",
            params={
                "word": word,
                "baseline": display(indicator.baseline),
                "actual": display(indicator.actual.value),
                **params,
            },
            direction=direction,
            direction_source=direction_source,
        )


def _pairs(baseline: object, actual: object) -> list[tuple[Quantity, Quantity]] | None:
    """Baseline and actual numbers to compare, matched by label; ``None`` if they do not match."""
    if isinstance(baseline, Quantity) and isinstance(actual, Quantity):
        return [(baseline, actual)] if compatible(baseline, actual) else None
    if isinstance(baseline, Components) and isinstance(actual, Components):
        if set(baseline.labels()) != set(actual.labels()):
            return None
        pairs = []
        for item in baseline.items:
            other = actual.get(item.label)
            if other is None or not compatible(item.value, other):
                return None
            pairs.append((item.value, other))
        return pairs
    return None


@hookimpl
def achievement_register_evaluators(registry: EvaluatorRegistry) -> None:
    """Register the direction evaluator."""
    registry.add(DirectionEvaluator())
