"""The row judge behind the batch path: one row of cell texts, judged as :func:`judge` does.

This is the law of :func:`achievement.batch.judge_table`: every row of its
result equals :func:`judge_row` on the same texts.  Rows the vectorised path
cannot take are judged here, once per distinct row.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from achievement._errors import AchievementError, ParseError
from achievement._judge import Judge
from achievement._model import Actual, Column, Direction, Indicator, Target, Value
from achievement._series import compared
from achievement.rollup import progress_of
from achievement.schemes import Scheme, measure

__all__ = ["OUTPUT_COLUMNS", "RowResult", "judge_row", "rounded"]

OUTPUT_COLUMNS: tuple[str, ...] = (
    "outcome",
    "judged_style",
    "reason",
    "judged_direction",
    "direction_source",
    "degree",
    "progress",
    "grade",
    "problem_en",
    "problem_ja",
)
"""The columns :func:`~achievement.batch.judge_table` adds, in order."""

_PLACES = Decimal("0.0001")


class RowResult(NamedTuple):
    """What the batch path says about one row (see :data:`OUTPUT_COLUMNS`)."""

    outcome: str | None
    judged_style: str | None
    reason: str | None
    judged_direction: str | None
    direction_source: str | None
    degree: float | None
    progress: float | None
    grade: str | None
    problem_en: str | None
    problem_ja: str | None


def rounded(value: Decimal | None) -> float | None:
    """A measurement as the table holds it: four places, half up, as a float.

    >>> rounded(Decimal("0.33335")), rounded(Decimal("-0.00005")), rounded(Decimal("Infinity"))
    (0.3334, -0.0001, inf)
    """
    if value is None:
        return None
    if value.is_infinite():
        return math.copysign(math.inf, value)
    return float(value.quantize(_PLACES, ROUND_HALF_UP))


def _problem(error: AchievementError) -> RowResult:
    return RowResult(*(None,) * 8, error.message("en"), error.message("ja"))


def judge_row(
    judge: Judge,
    scheme: Scheme,
    *,
    baseline: str | None,
    target: str | None,
    actual: str | None,
    direction: str | None = None,
    style: str | None = None,
    name: str | None = None,
    parse: Callable[[str | None, Column], Value] | None = None,
    columns: tuple[str, str, str] = ("baseline", "target", "actual"),
) -> RowResult:
    """Judge one row of cell texts and grade it under ``scheme``.

    A cell that cannot be read, an unknown style or a direction other than
    ``higher`` / ``lower`` gives no outcome and says why in ``problem_en`` and
    ``problem_ja`` (naming the column as ``columns`` name the three cells).
    ``parse`` reads a cell (``judge.parse_value`` by default; the batch path
    passes a memo of it).
    """
    read = parse or judge.parse_value
    style = style.strip() if style is not None and style.strip() else None
    try:
        if style is not None:
            judge.registry[style]  # an unknown style is named before any cell is read
        values = []
        roles: tuple[Column, ...] = ("baseline", "target", "actual")
        cells = zip(columns, roles, (baseline, target, actual), strict=True)
        for column, role, text in cells:
            try:
                values.append(read(text, role))
            except ParseError as exc:
                raise exc.located(file=None, row=None, column=column) from None
        way = _direction(direction)
    except AchievementError as exc:
        return _problem(exc)
    indicator = Indicator(
        name=name or "",
        baseline=values[0],
        target=Target(value=values[1]),
        actual=Actual(value=values[2]),
        style=style,
        direction=way,
    )
    judgment = judge.judge(indicator)
    measured = measure(indicator, judgment)
    grade = scheme.grade_of(measured)
    return RowResult(
        outcome=judgment.outcome.value,
        judged_style=judgment.style,
        reason=judgment.reason.code,
        judged_direction=None if judgment.direction is None else judgment.direction.value,
        direction_source=None
        if judgment.direction_source is None
        else judgment.direction_source.value,
        degree=rounded(measured.degree),
        progress=rounded(progress_of(compared(indicator, judgment), judgment.direction)),
        grade=None if grade is None else grade.label,
        problem_en=None,
        problem_ja=None,
    )


def _direction(text: str | None) -> Direction | None:
    if text is None or not text.strip():
        return None
    try:
        return Direction(text.strip())
    except ValueError:
        raise AchievementError(
            f"direction {text!r} is neither 'higher' nor 'lower'",
            f"方向「{text}」は higher(高い方が良い)でも lower(低い方が良い)でもありません",
            column="direction",
        ) from None
