"""Cases for the laws: the evaluator's own cases, every kind of value, and the
transformations (negating, scaling) the laws apply to an indicator."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

import hypothesis.strategies as st

from achievement._evaluator import Evaluator, Verdict
from achievement._hookspecs import hookimpl
from achievement._judge import BUILTIN_PLUGINS, Judge
from achievement._model import (
    Actual,
    Bound,
    Component,
    Components,
    Direction,
    DirectionWord,
    Indicator,
    Missing,
    Outcome,
    Period,
    PluginValue,
    Quantity,
    RunningTotal,
    StatusWord,
    Target,
    Trend,
    Value,
)
from achievement._registry import EvaluatorRegistry
from achievement.strategies import cell_text


@runtime_checkable
class CaseProvider(Protocol):
    """An evaluator that can be checked against the laws: it offers cases with a known outcome.

    ``cases(outcome)`` returns a hypothesis strategy of indicators that the
    evaluator must judge as ``outcome`` (return ``st.nothing()`` for an outcome
    the style never gives).  Optional members refine the laws:

    - ``numeric: bool``: the values compared are numbers, so the judgment must
      not change when every number is negated with the direction flipped
      (mirror symmetry) or multiplied by a positive constant (scaling);
    - ``boundary_cases()``: indicators whose actual sits exactly on the edge
      of the target, which must be achieved.  Without it the achieved cases
      are used with the actual replaced by the target itself;
    - ``better(indicator, step)``: the indicator with an actual better by
      ``step`` (a positive number), or ``None`` where that has no meaning.
      Without it the numbers of the actual move by ``step`` the way the
      judgment says is better.
    """

    style: str
    messages: Mapping[str, Mapping[str, str]]

    def evaluate(self, indicator: Indicator) -> Verdict:
        """Judge one indicator."""
        ...

    def cases(self, outcome: Outcome) -> st.SearchStrategy[Indicator]:
        """Indicators this evaluator judges as ``outcome``."""
        ...


class LawViolation(AssertionError):
    """An evaluator breaks one of the laws; the message names the law and the style."""


class _Single:
    """A plugin that registers one evaluator."""

    def __init__(self, evaluator: Evaluator) -> None:
        self.evaluator = evaluator
        self.__name__ = f"achievement.testing[{evaluator.style}]"

    @hookimpl
    def achievement_register_evaluators(self, registry: EvaluatorRegistry) -> None:
        registry.add(self.evaluator)


def judge_for(evaluator: Evaluator) -> Judge:
    """A judge whose only evaluator is ``evaluator``: no built-in or installed evaluators."""
    return Judge(plugins=[_Single(evaluator)], autoload=False, blocked=BUILTIN_PLUGINS)


# -- transforming indicators ----------------------------------------------------------------


def map_amounts(
    value: Value,
    fn: Callable[[Decimal], Decimal],
    *,
    flip_bounds: bool = False,
    drop_bounds: bool = False,
) -> Value:
    """``value`` with every number passed through ``fn``; bounds flipped or dropped on request."""
    if isinstance(value, Quantity):
        bound = value.bound
        if drop_bounds:
            bound = None
        elif flip_bounds and bound is not None:
            bound = Bound.AT_MOST if bound is Bound.AT_LEAST else Bound.AT_LEAST
        q = value.model_copy(update={"amount": fn(value.amount), "bound": bound})
        return q.model_copy(update={"text": cell_text(q)})
    if isinstance(value, Components):
        items = tuple(
            Component(
                label=item.label,
                value=map_amounts(item.value, fn, flip_bounds=flip_bounds, drop_bounds=drop_bounds),
            )
            for item in value.items
        )
        return value.model_copy(update={"items": items})
    if isinstance(value, RunningTotal):
        kw: dict[str, Any] = {"flip_bounds": flip_bounds, "drop_bounds": drop_bounds}
        return value.model_copy(
            update={
                "annual": map_amounts(value.annual, fn, **kw),
                "total": map_amounts(value.total, fn, **kw),
            }
        )
    if isinstance(value, PluginValue):  # a plugin's value: the core values among its fields
        kw = {"flip_bounds": flip_bounds, "drop_bounds": drop_bounds}
        numbers = (Quantity, Components, RunningTotal)
        fields = {name: map_amounts(v, fn, **kw) for name, v in value if isinstance(v, numbers)}
        return value.model_copy(update=fields)
    return value


def map_indicator(
    indicator: Indicator, fn: Callable[[Decimal], Decimal], *, flip_bounds: bool = False
) -> Indicator:
    return indicator.model_copy(
        update={
            "baseline": map_amounts(indicator.baseline, fn, flip_bounds=flip_bounds),
            "target": indicator.target.model_copy(
                update={"value": map_amounts(indicator.target.value, fn, flip_bounds=flip_bounds)}
            ),
            "actual": indicator.actual.model_copy(
                update={"value": map_amounts(indicator.actual.value, fn, flip_bounds=flip_bounds)}
            ),
        }
    )


def with_actual(indicator: Indicator, value: Value) -> Indicator:
    return indicator.model_copy(
        update={"actual": indicator.actual.model_copy(update={"value": value})}
    )


# -- drawing --------------------------------------------------------------------------------

DECIDED = (Outcome.ACHIEVED, Outcome.NOT_ACHIEVED)


def styled(evaluator: Evaluator, indicator: Indicator) -> Indicator:
    return indicator.model_copy(update={"style": evaluator.style})


def draw_case(
    evaluator: Evaluator, data: st.DataObject, outcomes: Iterable[Outcome]
) -> tuple[Indicator, Outcome]:
    provider: Any = evaluator
    wanted = list(outcomes)
    choices = [o for o in wanted if not provider.cases(o).is_empty]
    if not choices:
        raise LawViolation(
            "the evaluator offers no cases for "
            + " or ".join(o.value for o in wanted)
            + "; cases(outcome) must give some for this law"
        )
    outcome = data.draw(st.sampled_from(choices), label="outcome")
    indicator = data.draw(provider.cases(outcome), label="case")
    return styled(evaluator, indicator), outcome


def any_indicator(evaluator: Evaluator, data: st.DataObject) -> Indicator:
    """An indicator with present values of any kind, or one of the evaluator's cases."""
    from achievement import strategies

    if data.draw(st.booleans(), label="from cases"):
        return draw_case(evaluator, data, Outcome)[0]
    present = strategies.values(allow_missing=False)
    indicator = Indicator(
        name=data.draw(st.sampled_from(["指標", "indicator"])),
        baseline=data.draw(strategies.values(), label="baseline"),
        target=Target(value=data.draw(present, label="target")),
        actual=Actual(value=data.draw(present, label="actual")),
        direction=data.draw(st.none() | st.sampled_from(Direction), label="direction"),
    )
    return styled(evaluator, indicator)


def _kind_samples() -> tuple[Value, ...]:
    """One value of each core kind, as plans write them: the explicit examples of the suite."""

    def q(amount: str, unit: str | None, **kw: Any) -> Quantity:
        value = Quantity(amount=Decimal(amount), unit=unit, text="", **kw)
        return value.model_copy(update={"text": cell_text(value)})

    labelled = Components(
        items=(
            Component(label="証明書交付", value=q("18", "分")),
            Component(label="異動届", value=q("45", "分")),
        ),
        text="証明書交付 18分 異動届 45分",
    )
    running = RunningTotal(
        annual=q("5", "件", period=Period.ANNUAL),
        total=q("31", "件", period=Period.CUMULATIVE),
        text="年5件(累計31件)",
    )
    return (
        q("60", "%"),
        q("15", "分", bound=Bound.AT_MOST),
        q("0", None),
        labelled,
        running,
        DirectionWord(word="増加", trend=Trend.INCREASE, text="増加"),
        DirectionWord(word="維持", trend=Trend.MAINTAIN, text="維持"),
        StatusWord(word="実施", text="実施"),
        StatusWord(word="完了", text="完了"),
    )


def every_kind(evaluator: Evaluator) -> Iterable[Indicator]:
    """Indicators pairing every kind of target with every kind of actual and baseline.

    The laws that hold for any valid indicator (total, deterministic, round
    trip, messages) are checked on each of these before any random draw, so a
    defect on one kind of value is found in every run, whatever the seed.
    """
    samples = _kind_samples()
    baselines: tuple[Value, ...] = (Missing(text="―"), *samples)
    directions = (None, Direction.HIGHER, Direction.LOWER)
    n = 0
    for target in samples:
        for actual in samples:
            for baseline in baselines:
                n += 1
                yield styled(
                    evaluator,
                    Indicator(
                        name="指標",
                        baseline=baseline,
                        target=Target(value=target),
                        actual=Actual(value=actual),
                        direction=directions[n % len(directions)],
                    ),
                )
