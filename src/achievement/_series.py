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

Every judgment made this way says, in its message, which target it used, and
carries it as its :class:`~achievement.Comparison`.  What these judgments read
(values by year, the target in force, the straight line) is in
``_series_base``; targets relative to the previous year are in ``_series_relative``.
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
    Comparison,
    Indicator,
    InterimKind,
    Judgment,
    Missing,
    Period,
    Quantity,
    RelativeTarget,
    RunningTotal,
    Target,
    TargetBasis,
    TargetRevision,
    Value,
)
from achievement._series_base import (
    amount_of,
    as_decimal,
    compared,
    fy,
    not_evaluable,
    noted,
    observed,
    prorate,
    target_in_force,
)
from achievement._series_relative import relative, relative_latest

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


def judge_as_of(
    indicator: Indicator, as_of: int | None, plain: Callable[[Indicator], Judgment]
) -> Judgment:
    """Judge ``indicator`` as of fiscal year ``as_of`` (its actual's year when ``None``),
    with ``plain`` judging one actual against one target."""
    year = as_of if as_of is not None else indicator.actual.fiscal_year
    points = observed(indicator)
    if year is None:
        if isinstance(indicator.target.value, RelativeTarget) and indicator.series:
            return relative_latest(indicator)
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
        return noted(judged, _revision_note(indicator, revision), {"target_basis": "final"})
    actual = points.get(year)
    first = indicator.baseline_year
    if actual is None and first is not None and year <= first:
        return _before_baseline(indicator, year, first)
    if actual is None:
        ja, en = fy(year)
        latest = indicator.actual
        if latest.fiscal_year is None and not isinstance(latest.value, Missing):
            return not_evaluable(
                indicator.style,
                "series.actual_year_unknown",
                f"実績 {display(latest.value)}の年度が書かれていないため、{ja}の値として"
                "評価できない",
                f"not evaluable: the year of the actual {display(latest.value)} is not given, "
                f"so it cannot be read as the value for {en}",
                year=str(year),
            )
        return not_evaluable(
            indicator.style,
            "series.no_value",
            f"{ja}の値がないため評価できない",
            f"not evaluable: no value for {en}",
            year=str(year),
        )
    target, revision = target_in_force(indicator, year)
    if isinstance(target.value, RelativeTarget):
        return relative(indicator, target.value, year, actual, points)
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
        fy_ja, fy_en = fy(year)
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


def _before_baseline(indicator: Indicator, year: int, first: int) -> Judgment:
    """Not evaluable: ``year`` is not after the baseline year ``first``."""
    ja, en = fy(year)
    return not_evaluable(
        indicator.style,
        "series.before_baseline",
        f"{ja}は計画策定時({first}年度)以前のため評価できない",
        f"not evaluable: {en} is not after the baseline year (FY{first})",
        year=str(year),
        baseline_year=str(first),
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
    fy_ja, fy_en = fy(revision.from_year)
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
    fy_ja, fy_en = fy(year)
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
        return _before_baseline(indicator, year, first)
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
            return not_evaluable(
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
    return noted(judged, notes, params)


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
    for each in range(first + 1, year + 1):
        point = points.get(each)
        amount = None if point is None else amount_of(point.value)
        if point is None or amount is None or not isinstance(point.value, Quantity):
            return str(each)
        total += amount
        if point.status is ActualStatus.PROJECTED:
            status = ActualStatus.PROJECTED
    return total, status
