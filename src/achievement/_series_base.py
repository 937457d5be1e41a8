"""What judging an indicator as of a year reads: its published values by year, the target
in force, the straight line to it, and the words every such judgment adds to its message.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from achievement._model import (
    Actual,
    Indicator,
    Judgment,
    LocalizedText,
    Missing,
    Outcome,
    Quantity,
    Reason,
    RunningTotal,
    Target,
    TargetRevision,
    Value,
)

__all__ = [
    "PLACES",
    "amount_of",
    "as_decimal",
    "compared",
    "fy",
    "not_evaluable",
    "noted",
    "observed",
    "prorate",
    "target_in_force",
]

PLACES = Decimal("0.000001")
"""A pro-rated target is kept to six decimal places (shown without trailing zeros)."""


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


def fy(year: int) -> tuple[str, str]:
    """A fiscal year as a judgment's message writes it: ``2024年度`` and ``FY2024``."""
    return f"{year}年度", f"FY{year}"


def not_evaluable(style: str | None, code: str, ja: str, en: str, **params: str) -> Judgment:
    """A judgment that the year's values cannot be judged, with its reason in both languages."""
    return Judgment(
        outcome=Outcome.NOT_EVALUABLE,
        style=style,
        reason=Reason(code=code, params=params),
        message=LocalizedText(ja=ja, en=en),
    )


def noted(
    judgment: Judgment, notes: tuple[tuple[str, str], ...], params: dict[str, str]
) -> Judgment:
    """``judgment`` with ``notes`` (ja, en) added to its message and ``params`` to its reason."""
    ja, en = judgment.message.ja, judgment.message.en
    for note_ja, note_en in notes:
        ja, en = f"{ja}({note_ja})", f"{en} ({note_en})"
    reason = Reason(code=judgment.reason.code, params=judgment.reason.params | params)
    return judgment.model_copy(update={"message": LocalizedText(ja=ja, en=en), "reason": reason})
