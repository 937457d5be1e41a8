"""Comparing one actual number with one target number: shared by threshold and cumulative."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from achievement._evaluator import Verdict, display, infer_direction, margin, meets
from achievement._model import Direction, Outcome, Quantity

RANK_UNIT = "位"
"""The unit of ranks (``第3位``): lower is better."""


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities measure the same thing: units and periods agree where given.

    A number written without a unit goes with any unit but ``%``: ``0.6`` beside
    ``60%`` may be a share or a percentage, so the two are not compared.
    """
    units = {a.unit, b.unit}
    same_unit = len(units) == 1 or (None in units and "%" not in units)
    return same_unit and (a.period is None or b.period is None or a.period == b.period)


def row_unit(
    target: Quantity, actual: Quantity, baseline: Quantity | None
) -> tuple[str | None, bool] | None:
    """The one unit of a row, and whether a number written without one takes it.

    ``92.1% -> 95.0以下 -> 93.4%``: the bare ``95.0`` is in ``%``.  ``None`` when a
    bare number stands beside two different units, which cannot be told apart.  A
    bare number between -1 and 1 does not take ``%``: ``0.62`` may be a share of one.
    """
    unit = target.unit
    if unit is not None and actual.unit == unit and (baseline is None or baseline.unit == unit):
        return unit, False  # one unit written everywhere: the common case
    values = [q for q in (target, actual, baseline) if q is not None]
    units = {q.unit for q in values if q.unit is not None}
    bare = [q for q in values if q.unit is None]
    if not bare or not units:
        return (units.pop() if units else None), False
    if len(units) > 1:
        return None
    unit = next(iter(units))
    if unit == "%" and any(q.amount != 0 and abs(q.amount) <= 1 for q in bare):
        return unit, False  # left bare, so not comparable with a percentage
    return unit, True


def _with_unit(value: Quantity, unit: str | None) -> Quantity:
    return value if value.unit is not None else value.model_copy(update={"unit": unit})


def incomparable(style: str, target: str, actual: str) -> Verdict:
    """The verdict for values that cannot be compared."""
    return Verdict(
        outcome=Outcome.NOT_EVALUABLE,
        code=f"{style}.incomparable",
        params={"target": target, "actual": actual},
    )


def compare(
    style: str,
    *,
    target: Quantity,
    actual: Quantity,
    baseline: Quantity | None,
    explicit: Direction | None,
    extra: Mapping[str, str] | None = None,
) -> Verdict:
    """Judge ``actual`` against ``target``; equality achieves.

    The direction is the explicit one, else inferred from the target's bound,
    from the baseline, or from a zero target.
    """
    taken = row_unit(target, actual, baseline)
    if taken is None:
        return incomparable(style, display(target), display(actual))
    unit, adopted = taken
    if adopted:
        target, actual = _with_unit(target, unit), _with_unit(actual, unit)
        baseline = None if baseline is None else _with_unit(baseline, unit)
    if not compatible(target, actual):
        return incomparable(style, display(target), display(actual))
    base = baseline if baseline is not None and compatible(baseline, target) else None
    rank = target.unit == RANK_UNIT
    direction, source = infer_direction(
        explicit,
        bound=target.bound,
        baseline=None if base is None else base.amount,
        target=target.amount,
        rank=rank,
    )
    achieved = meets(actual.amount, target.amount, direction)
    if achieved:
        what = "meets_target"
    else:
        what = "below_target" if direction is Direction.HIGHER else "above_target"
    m = margin(actual.amount, target.amount, target.unit or actual.unit)
    ratio = "" if m.ratio is None or rank else _shown_ratio(m.ratio)
    params = {
        "actual": display(actual),
        # The messages say 以上 or 以下 after the target themselves (以内 for ranks).
        "target": display(target, bound=False),
        "bound_ja": "以上" if direction is Direction.HIGHER else "以内" if rank else "以下",
        "bound_en": "at least" if direction is Direction.HIGHER else "at most",
        "ratio_ja": f"({ratio}倍)" if ratio else "",
        "ratio_en": f" ({ratio}x)" if ratio else "",
        **(extra or {}),
    }
    return Verdict(
        outcome=Outcome.ACHIEVED if achieved else Outcome.NOT_ACHIEVED,
        code=f"{style}.{what}",
        params=params,
        margin=m,
        direction=direction,
        direction_source=source,
        notes=(
            (
                f"単位のない数は行の単位「{unit}」とみなした",
                f"a number without a unit was taken in the row's unit, {unit}",
            ),
        )
        if adopted
        else (),
    )


def _shown_ratio(ratio: Decimal) -> str:
    """The ratio to one place, or to four when one place would show 1.0 for a ratio that is not 1.

    >>> _shown_ratio(Decimal("7.1364")), _shown_ratio(Decimal("0.9990"))
    ('7.1', '0.999')
    """
    shown = ratio.quantize(Decimal("0.1"), ROUND_HALF_UP)
    if shown == 1 and ratio != 1:
        return f"{ratio.normalize():f}"
    return f"{shown}"


def comparison_messages(
    style: str, basis_ja: str = "", basis_en: str = ""
) -> dict[str, dict[str, str]]:
    """The message templates for the codes :func:`compare` returns under ``style``."""
    return {
        f"{style}.meets_target": {
            "ja": f"{basis_ja}実績 {{actual}}は目標 {{target}}{{bound_ja}}{{ratio_ja}}のため達成",
            "en": f"{basis_en}actual {{actual}} meets the target of {{bound_en}} "
            "{target}{ratio_en}: achieved",
        },
        f"{style}.below_target": {
            "ja": f"{basis_ja}実績 {{actual}}は目標 {{target}}以上に届かない{{ratio_ja}}ため未達成",
            "en": f"{basis_en}actual {{actual}} is below the target of at least "
            "{target}{ratio_en}: not achieved",
        },
        f"{style}.above_target": {
            "ja": f"{basis_ja}実績 {{actual}}は目標 {{target}}以下を上回る{{ratio_ja}}ため未達成",
            "en": f"{basis_en}actual {{actual}} is above the target of at most "
            "{target}{ratio_en}: not achieved",
        },
        f"{style}.incomparable": {
            "ja": "目標 {target} と実績 {actual} は単位や種類が異なり比較できないため評価不能",
            "en": "target {target} and actual {actual} differ in unit or kind and cannot be "
            "compared: not evaluable",
        },
    }
