"""Targets relative to the previous year (``前年度比5%増``, ``毎年度増加``): the value of a
year against the value of the year before."""

from __future__ import annotations

from fractions import Fraction

from achievement._evaluator import display
from achievement._model import (
    Actual,
    ActualStatus,
    Bound,
    Comparison,
    Direction,
    DirectionSource,
    Indicator,
    Judgment,
    LocalizedText,
    Missing,
    Outcome,
    Quantity,
    Reason,
    RelativeTarget,
    RunningTotal,
    Target,
    TargetBasis,
    Trend,
    Value,
)
from achievement._series_base import amount_of, as_decimal, fy, not_evaluable, noted

__all__ = ["relative", "relative_latest"]


def single(value: Value) -> Quantity:
    """The single number :func:`amount_of` read: a quantity, or a running total's annual."""
    if isinstance(value, RunningTotal):
        return value.annual
    assert isinstance(value, Quantity)  # amount_of reads nothing else
    return value


def relative_latest(indicator: Indicator) -> Judgment:
    """A relative target with no years given: the actual against the last of the series."""
    previous = indicator.series[-1]
    target = indicator.target.value
    assert isinstance(target, RelativeTarget)
    points = {previous.fiscal_year: Actual(value=previous.value, status=previous.status)}
    judged = relative(indicator, target, previous.fiscal_year + 1, indicator.actual, points)
    last = previous.fiscal_year
    note = (
        f"実績の年度が書かれていないため、系列の最後の{last}年度の翌年度の値として比較",
        f"the actual's year is not given: read as the year after FY{last}, the last of the series",
    )
    return noted(judged, (note,), {})


def relative(
    indicator: Indicator,
    target: RelativeTarget,
    year: int,
    actual: Actual,
    points: dict[int, Actual],
) -> Judgment:
    """``前年度比5%増`` / ``毎年度増加``: the value of ``year`` against the year before."""
    style = indicator.style or "direction"
    fy_ja, fy_en = fy(year)
    before = points.get(year - 1)
    if before is None and indicator.baseline_year == year - 1:
        before = Actual(value=indicator.baseline, fiscal_year=year - 1)
    prev_ja, prev_en = fy(year - 1)
    if before is None or isinstance(before.value, Missing):
        return not_evaluable(
            style,
            "series.no_previous",
            f"{target.text}は前年度と比べるが、{prev_ja}の値がないため評価できない",
            f"not evaluable: {target.text} compares with the previous year, "
            f"and there is no value for {prev_en}",
            year=str(year),
        )
    now, then = amount_of(actual.value), amount_of(before.value)
    units = {v.unit for v in (actual.value, before.value) if isinstance(v, Quantity)}
    if now is None or then is None or len(units) > 1:
        return not_evaluable(
            style,
            "series.incomparable",
            f"{fy_ja}の{display(actual.value)}と{prev_ja}の{display(before.value)}は"
            "数値として比べられないため評価できない",
            f"not evaluable: {display(actual.value)} ({fy_en}) and "
            f"{display(before.value)} ({prev_en}) cannot be compared as numbers",
            year=str(year),
        )
    lower = target.trend is Trend.DECREASE or (
        target.trend is Trend.MAINTAIN and indicator.direction is Direction.LOWER
    )
    sign = -1 if lower else 1
    if target.amount is None:
        required, strict = then, target.trend is not Trend.MAINTAIN
    elif target.unit == "%":
        required, strict = then * (1 + sign * Fraction(target.amount) / 100), False
    else:
        required, strict = then + sign * Fraction(target.amount), False
    met = (
        (now > required if strict else now >= required)
        if not lower
        else (now < required if strict else now <= required)
    )
    need = as_decimal(required)
    unit = actual.value.unit if isinstance(actual.value, Quantity) else None
    shown = f"{need:,f}{unit or ''}"
    word_ja = ("より低い" if strict else "以下") if lower else ("より高い" if strict else "以上")
    word_en = ("below" if strict else "at most") if lower else ("above" if strict else "at least")
    verdict_ja, verdict_en = ("達成", "achieved") if met else ("未達成", "not achieved")
    ja = (
        f"{verdict_ja}: {fy_ja}の{display(actual.value)}は{target.text}が求める"
        f"{prev_ja}比の値 {shown}{word_ja}"
        + ("である" if met else "ではない")
        + f"({prev_ja}は{display(before.value)})"
    )
    en = (
        f"{verdict_en}: {display(actual.value)} in {fy_en} is "
        + ("" if met else "not ")
        + f"{word_en} {shown}, what {target.text} asks against {prev_en} "
        f"({display(before.value)})"
    )
    if actual.status is ActualStatus.PROJECTED or before.status is ActualStatus.PROJECTED:
        ja, en = f"{ja}(見込値による)", f"{en} (on a projected value)"
    now_value, then_value = single(actual.value), single(before.value)
    asked = now_value.model_copy(
        update={
            "amount": need,
            "text": shown,
            "bound": None if strict else Bound.AT_MOST if lower else Bound.AT_LEAST,
            "period": None,
            "note": None,
        }
    )
    comparison = Comparison(
        basis=TargetBasis.PREVIOUS_YEAR,
        target=Target(value=asked, fiscal_year=year),
        actual=actual.model_copy(update={"value": now_value, "fiscal_year": year}),
        baseline=then_value,
    )
    return Judgment(
        comparison=comparison,
        outcome=Outcome.ACHIEVED if met else Outcome.NOT_ACHIEVED,
        style=style,
        reason=Reason(
            code="series.relative_met" if met else "series.relative_not_met",
            params={"year": str(year), "previous": str(then), "required": f"{need:f}"},
        ),
        message=LocalizedText(ja=ja, en=en),
        direction=Direction.LOWER if lower else Direction.HIGHER,
        direction_source=DirectionSource.TARGET_WORD,
    )
