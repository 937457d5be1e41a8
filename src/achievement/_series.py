"""Judging an indicator as of a fiscal year: its series, interim targets and revisions.

A plan runs several years and is reviewed every year.  As of a year, an
indicator is judged on its value of that year against:

1. the final target (as revised, if a revision is in force) from the target
   year on;
2. otherwise the interim target of that year (年度別目標, 中間目標, 目安値);
3. otherwise a **pro-rated target**, the value for that year on the straight
   line from the baseline (in its year) to the target (in its year), as Tama
   City's 総合戦略 reviews pro-rate (20% a year over five years) and 健康日本21
   draws the line from the baseline to the target.  A cumulative target
   (``5年間で12万冊``, ``累計``) is pro-rated from zero, and compared with the
   running total: the sum of the yearly values when the values are annual;
4. a target relative to the previous year (``前年度比5%増``, ``毎年度増加``) is
   judged against the value of the year before.

Every judgment made this way says, in its message, which target it used.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from achievement._evaluator import display
from achievement._model import (
    Actual,
    ActualStatus,
    Bound,
    Comparison,
    Direction,
    DirectionSource,
    Indicator,
    InterimKind,
    Judgment,
    LocalizedText,
    Missing,
    Outcome,
    Period,
    Quantity,
    Reason,
    RelativeTarget,
    RunningTotal,
    Target,
    TargetBasis,
    TargetRevision,
    Trend,
    Value,
)

__all__ = [
    "amount_of",
    "as_decimal",
    "compared",
    "has_years",
    "judge_as_of",
    "observed",
    "prorate",
    "target_in_force",
]

_KIND_WORDS = {
    InterimKind.ANNUAL: ("年度別目標", "annual target"),
    InterimKind.MIDTERM: ("中間目標", "mid-term target"),
    InterimKind.GUIDE: ("目安値", "guide value"),
}

PLACES = Decimal("0.000001")
"""A pro-rated target is kept to six decimal places (shown without trailing zeros)."""


def has_years(indicator: Indicator) -> bool:
    """Whether judging ``indicator`` reads more than its actual: interim targets,
    revisions, an actual of a year before the target year with a baseline year
    (judged on the pro-rated target), or a target relative to the previous year
    with a series."""
    if indicator.interim or indicator.revisions:
        return True
    year, last = indicator.actual.fiscal_year, indicator.target.fiscal_year
    if indicator.baseline_year is not None and year is not None and last is not None:
        return year < last  # a year before the target year: the pro-rated target
    return isinstance(indicator.target.value, RelativeTarget) and bool(indicator.series)


def prorate(baseline: Fraction, target: Fraction, first: int, last: int, year: int) -> Fraction:
    """The value for ``year`` on the straight line from ``baseline`` (in ``first``) to
    ``target`` (in ``last``): exactly the baseline in ``first`` and the target in ``last``.

    >>> prorate(Fraction(100), Fraction(150), 2020, 2025, 2022)
    Fraction(120, 1)
    """
    if last == first:
        return target
    return baseline + (target - baseline) * Fraction(year - first, last - first)


def as_decimal(value: Fraction) -> Decimal:
    """``value`` as a decimal: exact when it terminates within six places, else rounded."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = exact.quantize(PLACES)
    value_ = (rounded if rounded != exact else exact).normalize()
    return value_.quantize(Decimal(1)) if value_ == value_.to_integral_value() else value_


def amount_of(value: Value, *, cumulative: bool = False) -> Fraction | None:
    """The number of a single-number value (the total of a running total when
    ``cumulative``, else its annual figure); ``None`` for anything else."""
    if isinstance(value, RunningTotal):
        value = value.total if cumulative else value.annual
    if isinstance(value, Quantity) and value.amount.is_finite():
        return Fraction(value.amount)
    return None


def observed(indicator: Indicator) -> dict[int, Actual]:
    """The published values by fiscal year: the series and the actual (in its year)."""
    points = {
        point.fiscal_year: Actual(
            value=point.value, status=point.status, fiscal_year=point.fiscal_year
        )
        for point in indicator.series
        if not isinstance(point.value, Missing)
    }
    actual = indicator.actual
    if actual.fiscal_year is not None and not isinstance(actual.value, Missing):
        points[actual.fiscal_year] = actual
    return points


def target_in_force(indicator: Indicator, year: int | None) -> tuple[Target, TargetRevision | None]:
    """The target in force in ``year``: the latest revision from that year or before,
    else the original target (all revisions' latest when ``year`` is ``None``)."""
    found: TargetRevision | None = None
    for revision in sorted(indicator.revisions, key=lambda r: r.from_year):
        if year is None or revision.from_year <= year:
            found = revision
    if found is None:
        return indicator.target, None
    year_of = found.fiscal_year if found.fiscal_year is not None else indicator.target.fiscal_year
    return Target(value=found.value, fiscal_year=year_of), found


def _fy(year: int) -> tuple[str, str]:
    return f"{year}年度", f"FY{year}"


def _core(style: str | None, code: str, ja: str, en: str, **params: str) -> Judgment:
    return Judgment(
        outcome=Outcome.NOT_EVALUABLE,
        style=style,
        reason=Reason(code=code, params=params),
        message=LocalizedText(ja=ja, en=en),
    )


def judge_as_of(
    indicator: Indicator, as_of: int | None, plain: Callable[[Indicator], Judgment]
) -> Judgment:
    """Judge ``indicator`` as of fiscal year ``as_of`` (its actual's year when ``None``),
    with ``plain`` judging one actual against one target."""
    year = as_of if as_of is not None else indicator.actual.fiscal_year
    points = observed(indicator)
    if year is None:
        if isinstance(indicator.target.value, RelativeTarget) and indicator.series:
            return _relative_latest(indicator)
        target, revision = target_in_force(indicator, None)
        judged = plain(indicator.model_copy(update={"target": target}))
        judged = judged.model_copy(
            update={
                "comparison": Comparison(
                    basis=TargetBasis.FINAL,
                    target=target,
                    actual=indicator.actual,
                    baseline=indicator.baseline,
                    revised_from=None if revision is None else revision.from_year,
                )
            }
        )
        return _noted(judged, _revision_note(indicator, revision), {"target_basis": "final"})
    actual = points.get(year)
    if actual is None:
        ja, en = _fy(year)
        latest = indicator.actual
        if latest.fiscal_year is None and not isinstance(latest.value, Missing):
            return _core(
                indicator.style,
                "series.actual_year_unknown",
                f"実績 {display(latest.value)}の年度が書かれていないため、{ja}の値として"
                "評価できない",
                f"not evaluable: the year of the actual {display(latest.value)} is not given, "
                f"so it cannot be read as the value for {en}",
                year=str(year),
            )
        return _core(
            indicator.style,
            "series.no_value",
            f"{ja}の値がないため評価できない",
            f"not evaluable: no value for {en}",
            year=str(year),
        )
    target, revision = target_in_force(indicator, year)
    if isinstance(target.value, RelativeTarget):
        return _relative(indicator, target.value, year, actual, points)
    base: dict[str, str] = {"as_of": str(year)}
    notes: list[tuple[str, str]] = []
    revised = _revision_note(indicator, revision)
    used = _Used(TargetBasis.FINAL, None if revision is None else revision.from_year)
    if target.fiscal_year is None or year >= target.fiscal_year:
        return _compare(
            indicator,
            target,
            actual,
            points,
            plain,
            revised,
            base | {"target_basis": "final"},
            used,
        )
    interim = next((i for i in indicator.interim if i.fiscal_year == year), None)
    if interim is not None:
        word_ja, word_en = _KIND_WORDS[interim.kind]
        fy_ja, fy_en = _fy(year)
        notes.append(
            (
                f"{fy_ja}の{word_ja} {display(interim.value)}と比較",
                f"compared with the {word_en} for {fy_en}, {display(interim.value)}",
            )
        )
        return _compare(
            indicator,
            Target(value=interim.value, fiscal_year=year),
            actual,
            points,
            plain,
            (*revised, *notes),
            base | {"target_basis": "interim"},
            _Used(TargetBasis.INTERIM, None, interim.kind),
        )
    return _prorated(indicator, target, year, actual, points, plain, revised, base, used)


class _Used(NamedTuple):
    """Which target a comparison uses: its basis, the revision's year, the interim kind."""

    basis: TargetBasis
    revised_from: int | None = None
    kind: InterimKind | None = None


def compared(indicator: Indicator, judgment: Judgment) -> Indicator:
    """``indicator`` as ``judgment`` compared it: its target, actual and baseline replaced
    by the judgment's :class:`~achievement.Comparison` (itself when there is none).

    Every figure derived from a judgment (degree, progress, grade, highlight) is
    computed on this indicator, so that it reads the target the judgment used.
    """
    found = judgment.comparison
    if found is None:
        return indicator
    return indicator.model_copy(
        update={
            "target": found.target,
            "actual": found.actual,
            "baseline": found.baseline,
            "interim": (),
            "revisions": (),
        }
    )


def _view(indicator: Indicator, target: Target, actual: Actual) -> Indicator:
    return indicator.model_copy(
        update={"target": target, "actual": actual, "interim": (), "revisions": ()}
    )


def _revision_note(
    indicator: Indicator, revision: TargetRevision | None
) -> tuple[tuple[str, str], ...]:
    if revision is None:
        return ()
    fy_ja, fy_en = _fy(revision.from_year)
    why_ja = f"、理由: {revision.reason}" if revision.reason else ""
    why_en = f", because: {revision.reason}" if revision.reason else ""
    original = display(indicator.target.value)
    return (
        (
            f"目標は{fy_ja}から当初の{original}を{display(revision.value)}に見直し{why_ja}",
            f"the target was revised from {fy_en} on, from the original {original} "
            f"to {display(revision.value)}{why_en}",
        ),
    )


def _noted(
    judgment: Judgment, notes: tuple[tuple[str, str], ...], params: dict[str, str]
) -> Judgment:
    ja, en = judgment.message.ja, judgment.message.en
    for note_ja, note_en in notes:
        ja, en = f"{ja}({note_ja})", f"{en} ({note_en})"
    reason = Reason(code=judgment.reason.code, params=judgment.reason.params | params)
    return judgment.model_copy(update={"message": LocalizedText(ja=ja, en=en), "reason": reason})


def _prorated(
    indicator: Indicator,
    target: Target,
    year: int,
    actual: Actual,
    points: dict[int, Actual],
    plain: Callable[[Indicator], Judgment],
    revised: tuple[tuple[str, str], ...],
    base: dict[str, str],
    used: _Used,
) -> Judgment:
    final = target.value
    first, last = indicator.baseline_year, target.fiscal_year
    assert last is not None  # the caller judged the final target when there is no year
    fy_ja, fy_en = _fy(year)
    cumulative = isinstance(final, Quantity) and final.period is Period.CUMULATIVE
    start = Fraction(0) if cumulative else amount_of(indicator.baseline)
    end = amount_of(final)
    if not isinstance(final, Quantity) or end is None or start is None or first is None:
        why_ja = "計画策定時の値か年度" if first is None or start is None else "数値の目標"
        why_en = (
            "the baseline or its year" if first is None or start is None else "a numeric target"
        )
        note = (
            f"{fy_ja}の年度別目標がなく、{why_ja}がないため按分できないので最終目標と比較",
            f"no target for {fy_en} and no {why_en} to pro-rate from: "
            "compared with the final target",
        )
        return _compare(
            indicator,
            target,
            actual,
            points,
            plain,
            (*revised, note),
            base | {"target_basis": "final"},
            used,
        )
    if not first < year:
        return _core(
            indicator.style,
            "series.before_baseline",
            f"{fy_ja}は計画策定時({first}年度)以前のため評価できない",
            f"not evaluable: {fy_en} is not after the baseline year (FY{first})",
            year=str(year),
            baseline_year=str(first),
        )
    amount = as_decimal(prorate(start, end, first, last, year))
    text = f"{amount:f}{final.unit or ''}"
    interim = final.model_copy(update={"amount": amount, "text": text, "note": None})
    notes = [
        (
            f"按分目標: {'0' if cumulative else display(indicator.baseline)}({first}年度)から"
            f"目標 {display(final)}({last}年度)への直線上の{fy_ja}の値 {display(interim)}と比較",
            f"pro-rated target: compared with {display(interim)}, the value for {fy_en} on the "
            f"straight line from {'0' if cumulative else display(indicator.baseline)} "
            f"(FY{first}) to the target {display(final)} (FY{last})",
        )
    ]
    return _compare(
        indicator,
        Target(value=interim, fiscal_year=year),
        actual,
        points,
        plain,
        (*revised, *notes),
        base | {"target_basis": "prorated"},
        used._replace(basis=TargetBasis.PRORATED),
    )


def _compare(
    indicator: Indicator,
    target: Target,
    actual: Actual,
    points: dict[int, Actual],
    plain: Callable[[Indicator], Judgment],
    notes: tuple[tuple[str, str], ...],
    params: dict[str, str],
    used: _Used,
) -> Judgment:
    """Judge ``actual`` against ``target``; against a cumulative target, annual values
    are summed from the year after the baseline (and the change measured from zero)."""
    first, year = indicator.baseline_year, actual.fiscal_year
    start = indicator.baseline
    value = target.value
    cumulative = isinstance(value, Quantity) and value.period is Period.CUMULATIVE
    if cumulative and not _is_cumulative(actual.value) and first is not None and year is not None:
        summed = _running_total(points, first, year)
        if isinstance(summed, str):
            return _core(
                indicator.style,
                "series.missing_year",
                f"累計に必要な{summed}年度の値がないため評価できない",
                f"not evaluable: the running total needs the value for FY{summed}",
                year=summed,
            )
        total, status = summed
        unit_value = actual.value
        assert isinstance(unit_value, Quantity)  # _running_total summed quantities only
        shown = as_decimal(total)
        actual = Actual(
            value=unit_value.model_copy(
                update={
                    "amount": shown,
                    "text": f"{shown:f}{unit_value.unit or ''}",
                    "period": None,
                }
            ),
            status=status,
            fiscal_year=year,
        )
        start = unit_value.model_copy(
            update={"amount": Decimal(0), "text": f"0{unit_value.unit or ''}", "period": None}
        )
        notes = (
            *notes,
            (
                f"実績は{first + 1}年度から{year}年度までの合計 {display(actual.value)}",
                f"the actual is the sum from FY{first + 1} to FY{year}, {display(actual.value)}",
            ),
        )
    comparison = Comparison(
        basis=used.basis,
        target=target,
        actual=actual,
        baseline=start,
        revised_from=used.revised_from,
        interim_kind=used.kind,
    )
    judged = plain(_view(indicator, target, actual)).model_copy(update={"comparison": comparison})
    return _noted(judged, notes, params)


def _is_cumulative(value: Value) -> bool:
    return isinstance(value, RunningTotal) or (
        isinstance(value, Quantity) and value.period is Period.CUMULATIVE
    )


def _running_total(
    points: dict[int, Actual], first: int, year: int
) -> tuple[Fraction, ActualStatus] | str:
    """The sum of the annual values after ``first`` up to ``year``, or the first missing year."""
    total = Fraction(0)
    status = ActualStatus.FINAL
    for fy in range(first + 1, year + 1):
        point = points.get(fy)
        amount = None if point is None else amount_of(point.value)
        if point is None or amount is None or not isinstance(point.value, Quantity):
            return str(fy)
        total += amount
        if point.status is ActualStatus.PROJECTED:
            status = ActualStatus.PROJECTED
    return total, status


def _single(value: Value) -> Quantity:
    """The single number :func:`amount_of` read: a quantity, or a running total's annual."""
    if isinstance(value, RunningTotal):
        return value.annual
    assert isinstance(value, Quantity)  # amount_of reads nothing else
    return value


def _relative_latest(indicator: Indicator) -> Judgment:
    """A relative target with no years given: the actual against the last of the series."""
    previous = indicator.series[-1]
    target = indicator.target.value
    assert isinstance(target, RelativeTarget)
    points = {previous.fiscal_year: Actual(value=previous.value, status=previous.status)}
    judged = _relative(indicator, target, previous.fiscal_year + 1, indicator.actual, points)
    last = previous.fiscal_year
    note = (
        f"実績の年度が書かれていないため、系列の最後の{last}年度の翌年度の値として比較",
        f"the actual's year is not given: read as the year after FY{last}, the last of the series",
    )
    return _noted(judged, (note,), {})


def _relative(
    indicator: Indicator,
    target: RelativeTarget,
    year: int,
    actual: Actual,
    points: dict[int, Actual],
) -> Judgment:
    """``前年度比5%増`` / ``毎年度増加``: the value of ``year`` against the year before."""
    style = indicator.style or "direction"
    fy_ja, fy_en = _fy(year)
    before = points.get(year - 1)
    if before is None and indicator.baseline_year == year - 1:
        before = Actual(value=indicator.baseline, fiscal_year=year - 1)
    prev_ja, prev_en = _fy(year - 1)
    if before is None or isinstance(before.value, Missing):
        return _core(
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
        return _core(
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
    now_value, then_value = _single(actual.value), _single(before.value)
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
