"""The laws every evaluator keeps, as hypothesis-driven checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

import hypothesis
import hypothesis.strategies as st
from hypothesis import given

from achievement._errors import AchievementError
from achievement._evaluator import Evaluator, Verdict
from achievement._judge import CORE_MESSAGES, Judge
from achievement._model import (
    Direction,
    Indicator,
    Judgment,
    Outcome,
)
from achievement.testing._cases import (
    DECIDED,
    CaseProvider,
    LawViolation,
    any_indicator,
    draw_case,
    every_kind,
    judge_for,
    map_amounts,
    map_indicator,
    styled,
    with_actual,
)

__all__ = [
    "LAWS",
    "CaseProvider",
    "LawViolation",
    "applicable_laws",
    "check_evaluator",
    "every_kind",
    "judge_for",
    "map_amounts",
]


def _judge(judge: Judge, indicator: Indicator) -> Judgment:
    judgment = judge.judge(indicator)
    if judgment.reason.code == "judge.evaluator_failed":
        raise LawViolation(f"the evaluator raised on a valid indicator: {judgment.message.en}")
    return judgment


# -- the laws -------------------------------------------------------------------------------


def law_total(evaluator: Evaluator, judge: Judge, data: st.DataObject) -> None:
    """Every valid indicator gets a verdict with a known code, or a typed error."""
    _total_on(evaluator, judge, any_indicator(evaluator, data))


def _total_on(evaluator: Evaluator, judge: Judge, indicator: Indicator) -> None:
    try:
        verdict = evaluator.evaluate(indicator)
    except AchievementError:
        return
    except Exception as exc:
        raise LawViolation(
            f"evaluate raised {type(exc).__name__}: {exc} on a valid indicator"
        ) from exc
    if not isinstance(verdict, Verdict) or not isinstance(verdict.outcome, Outcome):
        raise LawViolation(f"evaluate returned {verdict!r}, not a Verdict with an Outcome")
    if verdict.code not in evaluator.messages:
        raise LawViolation(f"reason code {verdict.code!r} has no message in the catalogue")


def law_deterministic(evaluator: Evaluator, judge: Judge, data: st.DataObject) -> None:
    """Judging the same indicator twice gives the same judgment."""
    _deterministic_on(evaluator, judge, any_indicator(evaluator, data))


def _deterministic_on(evaluator: Evaluator, judge: Judge, indicator: Indicator) -> None:
    first, second = _judge(judge, indicator), _judge(judge, indicator)
    if first != second:
        raise LawViolation(f"two judgments of one indicator differ: {first!r} != {second!r}")


def law_oracle(evaluator: Evaluator, judge: Judge, data: st.DataObject) -> None:
    """Each case with a known outcome is judged as that outcome."""
    indicator, outcome = draw_case(evaluator, data, Outcome)
    judgment = _judge(judge, indicator)
    if judgment.outcome is not outcome:
        raise LawViolation(
            f"expected {outcome.value}, judged {judgment.outcome.value}: {judgment.message.en}"
        )


def law_monotone(evaluator: Evaluator, judge: Judge, data: st.DataObject) -> None:
    """A better actual never turns achieved into not achieved."""
    indicator, outcome = draw_case(evaluator, data, DECIDED)
    drawn = data.draw(st.decimals(min_value=Decimal("0.1"), max_value=1000, places=1), label="step")
    # From the case itself, and for an achieved case from the edge of its target too: every
    # draw of an achieved case then checks an achieved judgment, whatever hypothesis favours.
    starts = [indicator]
    if outcome is Outcome.ACHIEVED:
        starts.append(_edge(evaluator, data, indicator))
    for start in starts:
        _monotone_from(evaluator, judge, start, drawn)


def _edge(evaluator: Evaluator, data: st.DataObject, case: Indicator | None) -> Indicator:
    """An indicator whose actual sits exactly on the target: the evaluator's own, or ``case``'s."""
    own = getattr(evaluator, "boundary_cases", None)
    if own is not None:
        return styled(evaluator, data.draw(own(), label="boundary case"))
    assert case is not None, "an evaluator without boundary_cases needs an achieved case"
    return with_actual(case, map_amounts(case.target.value, lambda d: d, drop_bounds=True))


def _monotone_from(
    evaluator: Evaluator, judge: Judge, indicator: Indicator, drawn: Decimal
) -> None:
    judgment = _judge(judge, indicator)
    if judgment.outcome is not Outcome.ACHIEVED:
        return
    better_fn = getattr(evaluator, "better", None)
    if better_fn is None and judgment.direction is None:
        raise LawViolation(
            "monotone cannot be checked: the judgment states no direction and the "
            "evaluator has no better(indicator, step)"
        )
    # The drawn step, and steps of every size: a defect that needs a large step is found
    # even when hypothesis draws only small ones.
    for step in dict.fromkeys((drawn, *_FIXED_STEPS)):
        improved: Indicator | None
        if better_fn is not None:
            improved = better_fn(indicator, step)
        else:
            sign = step if judgment.direction is Direction.HIGHER else -step
            improved = with_actual(indicator, map_amounts(indicator.actual.value, sign.__add__))
        if improved is None:  # nothing is better than this actual
            return
        after = _judge(judge, styled(evaluator, improved))
        if after.outcome is not Outcome.ACHIEVED:
            raise LawViolation(
                f"a better actual ({step} better) turned achieved into {after.outcome.value}: "
                f"{judgment.message.en} -> {after.message.en}"
            )


_FIXED_STEPS = (Decimal("0.1"), Decimal(1), Decimal(10), Decimal(1000))


def law_boundary(evaluator: Evaluator, judge: Judge, data: st.DataObject) -> None:
    """An actual exactly at the target achieves."""
    own = getattr(evaluator, "boundary_cases", None)
    case = None if own is not None else draw_case(evaluator, data, [Outcome.ACHIEVED])[0]
    judgment = _judge(judge, _edge(evaluator, data, case))
    if judgment.outcome is not Outcome.ACHIEVED:
        raise LawViolation(f"an actual equal to the target is not achieved: {judgment.message.en}")


def law_mirror(evaluator: Evaluator, judge: Judge, data: st.DataObject) -> None:
    """Negating every number and flipping the direction leaves the outcome unchanged."""
    case, _ = draw_case(evaluator, data, DECIDED)
    judgment = _judge(judge, case)
    stated = case.model_copy(update={"direction": judgment.direction})
    mirrored = map_indicator(stated, lambda d: -d, flip_bounds=True).model_copy(
        update={"direction": None if judgment.direction is None else judgment.direction.flipped()}
    )
    before, after = _judge(judge, stated), _judge(judge, mirrored)
    if before.outcome is not after.outcome:
        raise LawViolation(
            f"mirroring changed {before.outcome.value} into {after.outcome.value}: "
            f"{before.message.en} / {after.message.en}"
        )


def law_scaling(evaluator: Evaluator, judge: Judge, data: st.DataObject) -> None:
    """Multiplying every number by a positive constant leaves the outcome unchanged."""
    case, _ = draw_case(evaluator, data, Outcome)
    factor = data.draw(
        st.decimals(min_value=Decimal("0.01"), max_value=1000, places=2), label="factor"
    )
    before = _judge(judge, case)
    # The drawn factor, and factors of every size: a defect that shows only far from the
    # drawn scale is found even when hypothesis draws factors near one.
    for each in dict.fromkeys((factor, *_FIXED_FACTORS)):
        after = _judge(judge, map_indicator(case, each.__mul__))
        if before.outcome is not after.outcome:
            raise LawViolation(
                f"scaling by {each} changed {before.outcome.value} into {after.outcome.value}"
            )


_FIXED_FACTORS = (Decimal("0.01"), Decimal(10), Decimal(1000))


def law_round_trip(evaluator: Evaluator, judge: Judge, data: st.DataObject) -> None:
    """A judgment survives JSON and back unchanged."""
    _round_trip_on(evaluator, judge, any_indicator(evaluator, data))


def _round_trip_on(evaluator: Evaluator, judge: Judge, indicator: Indicator) -> None:
    judgment = _judge(judge, indicator)
    again = Judgment.model_validate_json(judgment.model_dump_json())
    if again != judgment:
        raise LawViolation(f"JSON round trip changed the judgment: {judgment!r} -> {again!r}")


def law_messages(evaluator: Evaluator, judge: Judge, data: st.DataObject) -> None:
    """Every code has templates in Japanese and English, and every judgment renders in both."""
    for code, templates in evaluator.messages.items():
        for lang in ("ja", "en"):
            if not isinstance(templates.get(lang), str) or not templates[lang].strip():
                raise LawViolation(f"reason code {code!r} has no {lang} message")
    _messages_on(evaluator, judge, any_indicator(evaluator, data))


def _messages_on(evaluator: Evaluator, judge: Judge, indicator: Indicator) -> None:
    judgment = _judge(judge, indicator)
    code = judgment.reason.code
    if code not in evaluator.messages and code not in CORE_MESSAGES:
        raise LawViolation(f"reason code {code!r} has no message in the catalogue")
    for lang in ("ja", "en"):
        if not judgment.message.get(lang).strip():
            raise LawViolation(f"the {lang} message of {code!r} is empty")


LAWS: dict[str, Callable[[Evaluator, Judge, st.DataObject], None]] = {
    "total": law_total,
    "deterministic": law_deterministic,
    "oracle": law_oracle,
    "monotone": law_monotone,
    "boundary": law_boundary,
    "mirror": law_mirror,
    "scaling": law_scaling,
    "round_trip": law_round_trip,
    "messages": law_messages,
}
"""The laws, by name, in the order they are checked."""

_ON_ANY: dict[str, Callable[[Evaluator, Judge, Indicator], None]] = {
    "total": _total_on,
    "deterministic": _deterministic_on,
    "round_trip": _round_trip_on,
    "messages": _messages_on,
}
"""The laws that hold for any valid indicator, checked on :func:`every_kind` first."""

_NUMERIC_ONLY = frozenset({"mirror", "scaling"})


def applicable_laws(evaluator: Evaluator) -> tuple[str, ...]:
    """The laws that apply to ``evaluator``: mirror and scaling only when it declares ``numeric``."""
    numeric = bool(getattr(evaluator, "numeric", False))
    return tuple(name for name in LAWS if numeric or name not in _NUMERIC_ONLY)


def check_evaluator(
    evaluator: Evaluator,
    *,
    laws: Iterable[str] | None = None,
    max_examples: int | None = None,
    settings: hypothesis.settings | None = None,
    seed: int | None = None,
) -> None:
    """Check ``evaluator`` against the laws; raise :class:`LawViolation` at the first broken one.

    ``evaluator`` must offer ``cases(outcome)`` (see :class:`CaseProvider`).
    ``laws`` picks laws by name (default: every applicable one);
    ``max_examples`` overrides the active hypothesis profile, and
    ``settings`` replaces it altogether; ``seed`` fixes hypothesis' random
    draws.  The laws that hold for any valid indicator are first checked on
    every kind of value against every other (:func:`every_kind`), whatever the
    seed, so that a defect on one kind of value never depends on the draw.
    """
    if not isinstance(evaluator, CaseProvider):
        raise TypeError(
            f"the evaluator for style {evaluator.style!r} offers no cases(outcome) strategy"
        )
    names = applicable_laws(evaluator) if laws is None else tuple(laws)
    unknown = [name for name in names if name not in LAWS]
    if unknown:
        raise ValueError(f"unknown laws {unknown}; the laws are {', '.join(LAWS)}")
    # Each example draws several values: slow generation is expected, not a fault.
    chosen = settings or hypothesis.settings(
        suppress_health_check=[hypothesis.HealthCheck.too_slow]
    )
    if max_examples is not None:
        chosen = hypothesis.settings(chosen, max_examples=max_examples)
    judge = judge_for(evaluator)
    for name in names:
        test = chosen(given(data=st.data())(_bind(LAWS[name], evaluator, judge)))
        if seed is not None:
            test = hypothesis.seed(seed)(test)
        try:
            if name in _ON_ANY:
                for indicator in every_kind(evaluator):
                    _on_example(_ON_ANY[name], evaluator, judge, indicator)
            test()
        except LawViolation as exc:
            raise LawViolation(f"style {evaluator.style!r} breaks the law {name!r}: {exc}") from exc
        except ExceptionGroup as group:
            first = group.exceptions[0]
            raise LawViolation(
                f"style {evaluator.style!r} breaks the law {name!r}: {first}"
            ) from group


def _on_example(
    law: Callable[[Evaluator, Judge, Indicator], None],
    evaluator: Evaluator,
    judge: Judge,
    indicator: Indicator,
) -> None:
    """Check one law on one explicit example; a violation names the example's cells."""
    try:
        law(evaluator, judge, indicator)
    except LawViolation as exc:
        cells = (
            f"baseline {indicator.baseline.text!r}, target {indicator.target.value.text!r}, "
            f"actual {indicator.actual.value.text!r}"
        )
        raise LawViolation(f"{exc} (explicit example: {cells})") from exc


def _bind(
    law: Callable[[Evaluator, Judge, st.DataObject], None], evaluator: Evaluator, judge: Judge
) -> Callable[[st.DataObject], None]:
    def run(data: st.DataObject) -> None:
        law(evaluator, judge, data)

    run.__name__ = law.__name__
    return run
