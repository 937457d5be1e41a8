"""Comparing one actual number with one target number: shared by threshold and cumulative."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from achievement._evaluator import Verdict, display, infer_direction, margin, meets
from achievement._model import Direction, Outcome, Quantity


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities measure the same thing: units and periods agree where given.

    A number written without a unit goes with any unit but ``%``: ``0.6`` beside
    ``60%`` may be a share or a percentage, so the two are not compared.
    """
    units = {a.unit, b.unit}
    same_unit = len(units) == 1 or (None in units and "%" not in units)
    return same_unit and (a.period is None or b.period is None or a.period == b.period)


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
    if not compatible(target, actual):
        return incomparable(style, display(target), display(actual))
    base = baseline if baseline is not None and compatible(baseline, target) else None
    direction, source = infer_direction(
        explicit,
        bound=target.bound,
        baseline=None if base is None else base.amount,
        target=target.amount,
    )
    achieved = meets(actual.amount, target.amount, direction)
    if achieved:
        what = "meets_target"
    else:
        what = "below_target" if direction is Direction.HIGHER else "above_target"
    m = margin(actual.amount, target.amount, target.unit or actual.unit)
    ratio = "" if m.ratio is None else _shown_ratio(m.ratio)
    params = {
        "actual": display(actual),
        # The messages say 以上 or 以下 after the target themselves.
        "target": display(target, bound=False),
        "bound_ja": "以上" if direction is Direction.HIGHER else "以下",
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
