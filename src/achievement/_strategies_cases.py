"""The ``*_cases(outcome)`` strategies of :mod:`achievement.strategies`.

Each builds indicators whose outcome under one built-in style is known in
advance: they are the oracles of the law suite in :mod:`achievement.testing`.
Import them from :mod:`achievement.strategies`, which re-exports them.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import hypothesis.strategies as st

from achievement._model import (
    Actual,
    Bound,
    Component,
    Components,
    Direction,
    DirectionWord,
    FiscalYear,
    Indicator,
    Judgment,
    Missing,
    Outcome,
    Period,
    RunningTotal,
    StatusWord,
    Target,
    Trend,
    Value,
)
from achievement._strategies_values import (
    _ERA_FORMS,
    DIRECTION_MEANINGS,
    LABELS,
    STATUS_WORDS,
    UNITS,
    _quantity,
    _with_text,
    _year_written,
    amounts,
    cell_text,
    deadlines,
    direction_words,
    quantities,
    running_totals,
    status_words,
)

_OUTCOMES = tuple(Outcome)


# -- cases with a known outcome -------------------------------------------------------------


@st.composite
def _pair(
    draw: st.DrawFn, met: bool, direction: Direction, *, positive: bool = False
) -> tuple[Decimal, Decimal]:
    """A (target, actual) pair that meets (or misses) the target in ``direction``."""
    low = draw(amounts(1 if positive else 0, 10_000))
    gap = draw(amounts(Decimal("0.1"), 10_000))
    high = low + gap
    if met and draw(st.booleans()):
        return low, low  # equality achieves
    higher = direction is Direction.HIGHER
    if met == higher:
        return low, high
    return high, low


def _distinct_units() -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(UNITS), min_size=2, max_size=2, unique=True)


def _indicator(
    target: Value, actual: Value, baseline: Value | None = None, **extra: object
) -> Indicator:
    return Indicator(
        name="指標",
        baseline=baseline if baseline is not None else Missing(),
        target=Target(value=target),
        actual=Actual(value=actual),
        **extra,
    )


def _words() -> st.SearchStrategy[Value]:
    """A word where a number is expected: a movement word or a status word."""
    return st.one_of(direction_words(), status_words())


def _items(draw: st.DrawFn, labels: list[str], unit: str) -> tuple[Component, ...]:
    return tuple(
        Component(
            label=name,
            value=draw(quantities(units=st.just(unit), periods=st.none(), bounds=st.none())),
        )
        for name in labels
    )


def _labelled(draw: st.DrawFn, labels: list[str], unit: str) -> Components:
    value = Components(items=_items(draw, labels, unit), text="")
    return value.model_copy(update={"text": cell_text(value)})


@st.composite
def _threshold_not_evaluable(draw: st.DrawFn) -> Indicator:
    """Numbers that cannot be compared: each way a threshold is not evaluable, drawn evenly."""
    how = draw(st.sampled_from(["units", "word", "labels", "component_units", "running_total"]))
    u1, u2 = draw(_distinct_units())
    if how == "units":
        return _indicator(
            draw(quantities(units=st.just(u1), periods=st.none())),
            draw(quantities(units=st.just(u2), periods=st.none(), bounds=st.none())),
            style="threshold",
        )
    if how == "word":  # a word actual against a number
        return _indicator(
            draw(quantities(units=st.just(u1), periods=st.none())),
            draw(_words()),
            style="threshold",
        )
    if how == "running_total":  # a running total is the cumulative style's, not this one's
        return _indicator(
            draw(quantities(units=st.just(u1), periods=st.none())),
            draw(running_totals()),
            style="threshold",
        )
    names = draw(st.lists(st.sampled_from(LABELS), min_size=3, max_size=3, unique=True))
    if how == "labels":  # the actual names one label more than the target
        return _indicator(
            _labelled(draw, names[:2], u1), _labelled(draw, names, u1), style="threshold"
        )
    # one component of the actual in another unit: that component cannot be judged
    target = _labelled(draw, names[:2], u1)
    first, second = _items(draw, names[:1], u1), _items(draw, names[1:2], u2)
    actual = Components(items=(*first, *second), text="")
    return _indicator(target, _with_text(actual), style="threshold")


@st.composite
def threshold_cases(draw: st.DrawFn, outcome: Outcome) -> Indicator:
    """Indicators whose threshold judgment is ``outcome``, the direction stated or inferred."""
    unit = draw(st.sampled_from(UNITS))
    if outcome is Outcome.NOT_EVALUABLE:
        return draw(_threshold_not_evaluable())
    met = outcome is Outcome.ACHIEVED
    how = draw(st.sampled_from(["explicit", "bound", "baseline", "components"]))
    direction = draw(st.sampled_from(Direction))
    if how == "components":
        labels = draw(st.lists(st.sampled_from(LABELS), min_size=2, max_size=3, unique=True))
        flags = (
            [True] * len(labels)
            if met
            else draw(st.lists(st.booleans(), min_size=len(labels), max_size=len(labels)))
        )
        if not met:
            flags[draw(st.integers(0, len(labels) - 1))] = False
        pairs = [draw(_pair(flag, direction)) for flag in flags]
        target = Components(
            items=tuple(
                Component(label=n, value=_quantity(t, unit))
                for n, (t, _) in zip(labels, pairs, strict=True)
            ),
            text="",
        )
        actual = Components(
            items=tuple(
                Component(label=n, value=_quantity(a, unit))
                for n, (_, a) in zip(labels, pairs, strict=True)
            ),
            text="",
        )
        return _indicator(
            _with_text(target), _with_text(actual), style="threshold", direction=direction
        )
    t, a = draw(_pair(met, direction, positive=how != "explicit"))
    if how == "explicit":
        return _indicator(
            _quantity(t, unit), _quantity(a, unit), style="threshold", direction=direction
        )
    if how == "bound":
        bound = Bound.AT_LEAST if direction is Direction.HIGHER else Bound.AT_MOST
        return _indicator(_quantity(t, unit, bound=bound), _quantity(a, unit), style="threshold")
    gap = draw(amounts(Decimal("0.1"), 10_000))
    base = t - gap if direction is Direction.HIGHER else t + gap
    return _indicator(
        _quantity(t, unit), _quantity(a, unit), _quantity(base, unit), style="threshold"
    )


@st.composite
def cumulative_cases(draw: st.DrawFn, outcome: Outcome) -> Indicator:
    """Indicators whose cumulative judgment is ``outcome``: running totals compared."""
    unit = draw(st.sampled_from(UNITS))
    annual = draw(amounts(0, 1_000))
    if outcome is Outcome.NOT_EVALUABLE:
        u1, u2 = draw(_distinct_units())
        goal = _quantity(draw(amounts(1, 10_000)), u1, Period.CUMULATIVE)
        if draw(st.booleans()):  # a word where a running total is expected
            return _indicator(goal, draw(_words()), style="cumulative")
        total = draw(amounts(0, 10_000))
        actual = RunningTotal(
            annual=_quantity(annual, u2, Period.ANNUAL),
            total=_quantity(annual + total, u2, Period.CUMULATIVE),
            text="",
        )
        return _indicator(goal, _with_text(actual), style="cumulative")
    direction = draw(st.sampled_from(Direction))
    t, a = draw(_pair(outcome is Outcome.ACHIEVED, direction, positive=True))
    target_annual = draw(amounts(0, 1_000))
    target = RunningTotal(
        annual=_quantity(target_annual, unit, Period.ANNUAL),
        total=_quantity(t + target_annual, unit, Period.CUMULATIVE),
        text="",
    )
    actual = RunningTotal(
        annual=_quantity(annual, unit, Period.ANNUAL),
        total=_quantity(a + target_annual, unit, Period.CUMULATIVE),
        text="",
    )
    stated = direction if direction is Direction.LOWER or draw(st.booleans()) else None
    return _indicator(_with_text(target), _with_text(actual), style="cumulative", direction=stated)


_WORDS_BY_TREND = {
    trend: sorted(w for w, t in DIRECTION_MEANINGS.items() if t is trend) for trend in Trend
}


@st.composite
def direction_cases(draw: st.DrawFn, outcome: Outcome) -> Indicator:
    """Indicators whose direction judgment is ``outcome``: a movement word as the target."""
    word = draw(direction_words())
    unit = draw(st.sampled_from(UNITS))
    if outcome is Outcome.NOT_EVALUABLE:
        how = draw(st.sampled_from(["no_baseline", "units", "labels", "status"]))
        if how == "no_baseline":  # no baseline to measure a movement from
            return _indicator(
                word, draw(quantities(units=st.just(unit), bounds=st.none())), style="direction"
            )
        u1, u2 = draw(_distinct_units())
        if how == "units":  # baseline and actual in different units
            return _indicator(
                word,
                draw(quantities(units=st.just(u2), periods=st.none(), bounds=st.none())),
                draw(quantities(units=st.just(u1), periods=st.none(), bounds=st.none())),
                style="direction",
            )
        if how == "status":  # a status word cannot show a movement
            return _indicator(
                word,
                draw(status_words()),
                draw(quantities(units=st.just(u1), bounds=st.none())),
                style="direction",
            )
        names = draw(st.lists(st.sampled_from(LABELS), min_size=3, max_size=3, unique=True))
        return _indicator(  # the actual names one label more than the baseline
            word, _labelled(draw, names, u1), _labelled(draw, names[:2], u1), style="direction"
        )
    met = outcome is Outcome.ACHIEVED
    stated = draw(st.none() | st.sampled_from(Direction)) if word.trend is Trend.MAINTAIN else None
    direction = {
        Trend.INCREASE: Direction.HIGHER,
        Trend.DECREASE: Direction.LOWER,
        Trend.MAINTAIN: stated or Direction.HIGHER,
    }[word.trend]
    if draw(st.booleans()):  # the actual is itself a word
        if met:
            trends = (
                [word.trend]
                if word.trend is not Trend.MAINTAIN
                else [
                    Trend.MAINTAIN,
                    Trend.INCREASE if direction is Direction.HIGHER else Trend.DECREASE,
                ]
            )
        else:
            trends = [t for t in Trend if t is not word.trend]
            if word.trend is Trend.MAINTAIN:
                trends = [Trend.DECREASE if direction is Direction.HIGHER else Trend.INCREASE]
        trend = draw(st.sampled_from(trends))
        said = draw(st.sampled_from(_WORDS_BY_TREND[trend]))
        actual: Value = DirectionWord(word=said, trend=trend, text=said)
        return _indicator(word, actual, Missing(text="―"), style="direction", direction=stated)
    base = draw(amounts(1, 10_000))
    gap = draw(amounts(Decimal("0.1"), 10_000))
    strict = word.trend is not Trend.MAINTAIN
    if met:
        step = gap if strict or draw(st.booleans()) else Decimal(0)
        amount = base + step if direction is Direction.HIGHER else base - step
    else:
        step = Decimal(0) if strict and draw(st.booleans()) else gap
        amount = base - step if direction is Direction.HIGHER else base + step
    return _indicator(
        word, _quantity(amount, unit), _quantity(base, unit), style="direction", direction=stated
    )


@st.composite
def ordinal_cases(draw: st.DrawFn, outcome: Outcome) -> Indicator:
    """Indicators whose ordinal judgment is ``outcome``: status words on a scale."""
    custom = draw(st.booleans())
    scale: tuple[str, ...] = (
        tuple(draw(st.lists(st.sampled_from(STATUS_WORDS), min_size=2, max_size=5, unique=True)))
        if custom
        else ("未実施", "検討", "実施", "推進")
    )
    if outcome is Outcome.NOT_EVALUABLE:
        target = draw(st.sampled_from(scale))
        if draw(st.booleans()):  # a number where a stage word is expected
            return _indicator(
                StatusWord(word=target, text=target),
                draw(quantities()),
                style="ordinal",
                scale=scale if custom else None,
            )
        outside = draw(st.text(st.sampled_from("計画策定見直"), min_size=1, max_size=4))
        return _indicator(
            StatusWord(word=target, text=target),
            StatusWord(word=outside, text=outside),
            style="ordinal",
            scale=scale if custom else None,
        )
    if outcome is Outcome.ACHIEVED:
        i = draw(st.integers(0, len(scale) - 1))
        j = draw(st.integers(i, len(scale) - 1))
    else:
        i = draw(st.integers(1, len(scale) - 1))
        j = draw(st.integers(0, i - 1))
    return _indicator(
        StatusWord(word=scale[i], text=scale[i]),
        StatusWord(word=scale[j], text=scale[j]),
        style="ordinal",
        scale=scale if custom else None,
    )


def _done_in(draw: st.DrawFn, year: int, *, planned: bool = False) -> FiscalYear:
    word = draw(st.sampled_from(("完了", "実施", "導入", "")))
    written = _year_written(year, draw(st.sampled_from(_ERA_FORMS)))
    if planned:
        word = word or "完了"
    text = f"{written}{word}{'予定' if planned else ''}"
    return FiscalYear(year=year, word=word, planned=planned, text=text)


@st.composite
def deadline_cases(draw: st.DrawFn, outcome: Outcome) -> Indicator:
    """Indicators whose deadline judgment is ``outcome``: a year or status against a deadline."""
    target = draw(deadlines())
    kind = draw(st.sampled_from(("year", "status")))
    if outcome is Outcome.NOT_EVALUABLE:
        if kind == "year":
            actual: Value = _done_in(draw, target.year - draw(st.integers(0, 5)), planned=True)
        else:
            word = draw(st.sampled_from(("見直し", "継続", "計画")))
            actual = StatusWord(word=word, text=word)
    elif outcome is Outcome.ACHIEVED:
        if kind == "year":
            actual = _done_in(draw, target.year - draw(st.integers(0, 10)))
        else:
            word = draw(st.sampled_from(("完了", "実施済", "導入済")))
            actual = StatusWord(word=word, text=word)
    elif kind == "year":
        late = target.year + draw(st.integers(1, 10))
        actual = _done_in(draw, late, planned=draw(st.booleans()))
    else:
        word = draw(st.sampled_from(("未実施", "検討中", "未着手")))
        actual = StatusWord(word=word, text=word)
    return _indicator(target, actual, style="deadline")


@st.composite
def deadline_boundary_cases(draw: st.DrawFn) -> Indicator:
    """Indicators done in the very year of the deadline: achieved."""
    target = draw(deadlines())
    return _indicator(target, _done_in(draw, target.year), style="deadline")


_CASES: dict[str, Callable[[Outcome], st.SearchStrategy[Indicator]]] = {
    "threshold": threshold_cases,
    "cumulative": cumulative_cases,
    "direction": direction_cases,
    "ordinal": ordinal_cases,
    "deadline": deadline_cases,
}


def case_strategy(style: str, outcome: Outcome) -> st.SearchStrategy[Indicator]:
    """Indicators whose judgment under the built-in ``style`` is ``outcome``."""
    return _CASES[style](outcome)


def judgments() -> st.SearchStrategy[Judgment]:
    """Judgments, as the built-in evaluators give them for cases of every outcome."""
    from achievement._judge import Judge

    judge = Judge(autoload=False)
    return (
        st.sampled_from(sorted(_CASES))
        .flatmap(lambda style: st.sampled_from(_OUTCOMES).flatmap(lambda o: _CASES[style](o)))
        .map(judge.judge)
    )
