"""Building a plan's indicators from the entries of a plan file.

Each indicator's baseline, target and actual are read from the text of their
cells as a table reader reads them; a cell that cannot be read is a problem
naming its path in the file and the line where its indicator begins.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import ValidationError

from achievement._errors import AchievementError, ParseError
from achievement._model import (
    Actual,
    Column,
    Indicator,
    Observation,
    Target,
    Value,
)
from achievement._plan import Goal, Measure, Plan, PlanIndicator
from achievement._validation import describe
from achievement.readers._planformat import IndicatorEntry, PlanFile, years_default
from achievement.readers._planyears import read_years
from achievement.readers._result import Problem, ReadResult
from achievement.readers._table import CellReader, parse_direction, problem, recorded_fields

if TYPE_CHECKING:
    from achievement._judge import Judge

__all__ = ["load_plan"]


def load_plan(
    data: object,
    *,
    file: str,
    judge: Judge | None = None,
    lines: Mapping[str, int] | None = None,
) -> ReadResult:
    """A plan from the parsed contents of a plan file.

    A problem names the cell by its path in the file
    (``goals[0].measures[0].indicators[1].direction``) and, as its row, the
    line where the indicator begins, found in ``lines`` (see
    :func:`indicator_lines`); without it, no row.
    """
    try:
        entry = PlanFile.model_validate(data)
    except ValidationError as exc:
        en, ja = describe(exc.errors())
        raise AchievementError(
            f"the plan file does not follow the plan format ({en}); see `achievement schema`",
            f"計画ファイルの形式が正しくありません({ja})。`achievement schema` を参照してください",
            file=file,
        ) from exc
    known = CellReader(judge)
    indicators: list[PlanIndicator] = []
    problems: list[Problem] = []
    position = 0
    for i, g in enumerate(entry.goals):
        goal = Goal(number=g.number, title=g.title)
        for j, m in enumerate(g.measures):
            measure = Measure(number=m.number, title=m.title, priority=m.priority)
            for k, item in enumerate(m.indicators):
                position += 1
                path = f"goals[{i}].measures[{j}].indicators[{k}]"
                where = _Where(file, (lines or {}).get(path), path)
                built, found = _indicator(entry, goal, measure, item, where, known)
                problems.extend(found)
                if built is not None:
                    indicators.append(built)
    plan = Plan(
        title=entry.title,
        baseline_year=entry.baseline_year,
        target_year=entry.target_year,
        scale=None if entry.scale is None else tuple(entry.scale),
        scheme=entry.scheme,
        indicators=tuple(indicators),
    )
    return ReadResult(plan=plan, problems=tuple(problems), rows=position)


@dataclass(frozen=True, slots=True)
class _Where:
    """Where an indicator is in its plan file: the line it begins on, and its path."""

    file: str
    row: int | None
    path: str

    def column(self, field: str) -> str:
        return f"{self.path}.{field}"

    def problem(self, code: str, field: str, text: str, **params: str) -> Problem:
        """The problem ``code`` of the cell ``field`` holding ``text``."""
        return problem(
            code, file=self.file, row=self.row, column=self.column(field), text=text, **params
        )

    def unreadable(
        self, field: str, text: str, exc: ParseError, code: str = "cell.unreadable", **params: str
    ) -> Problem:
        """The problem of the cell ``field`` whose ``text`` the notation refused."""
        return self.problem(
            code,
            field,
            text.strip(),
            **params,
            position=str(exc.position + 1),
            ja=exc.reason_ja,
            en=exc.reason_en,
        )


def _indicator(
    plan: PlanFile,
    goal: Goal,
    measure: Measure,
    item: IndicatorEntry,
    where: _Where,
    cells: CellReader,
) -> tuple[PlanIndicator | None, list[Problem]]:
    problems: list[Problem] = []
    values: dict[str, Value] = {}
    columns: tuple[Column, ...] = ("baseline", "target", "actual")
    for field in columns:
        text: str = getattr(item, field)
        try:
            values[field] = cells.parse(text, field)
        except ParseError as exc:
            problems.append(where.unreadable(field, text, exc))
    direction = None
    if item.direction is not None and item.direction.strip():
        direction = parse_direction(item.direction)
        if direction is None:
            problems.append(where.problem("cell.unknown_direction", "direction", item.direction))
    if item.style is not None:
        found = cells.problem(
            item.style, file=where.file, row=where.row, column=where.column("style")
        )
        if found is not None:
            problems.append(found)
    recorded, recorded_text = recorded_fields(item.recorded)
    if recorded is None and recorded_text is not None:
        problems.append(where.problem("cell.unknown_recorded", "recorded", recorded_text))
    series: list[Observation] = []
    for index, point in enumerate(item.series):
        try:
            value = cells.parse(point.value, "actual")  # an earlier year's actual
        except ParseError as exc:
            cell = f"series[{index}].value"
            year = str(point.fiscal_year)
            problems.append(
                where.unreadable(cell, point.value, exc, "cell.unreadable_series", year=year)
            )
            continue
        series.append(Observation(fiscal_year=point.fiscal_year, value=value, status=point.status))

    def unreadable(field: str, text: str, exc: ParseError) -> None:
        problems.append(where.unreadable(field, text, exc))

    interim, revisions = read_years(item.interim, item.revisions, cells.parse, unreadable)
    if any(p.severity == "error" for p in problems):
        return None, problems
    fields = item.model_fields_set
    indicator = Indicator(
        name=item.name,
        baseline=values["baseline"],
        target=Target(
            value=values["target"],
            fiscal_year=item.target_year if "target_year" in fields else plan.target_year,
        ),
        actual=Actual(
            value=values["actual"],
            status=item.actual_status or plan.actual_status,
            fiscal_year=item.actual_year if "actual_year" in fields else plan.actual_year,
        ),
        style=item.style,
        direction=direction,
        scale=None if item.scale is None else tuple(item.scale),
        series=tuple(series),
        baseline_year=(
            item.baseline_year
            if "baseline_year" in fields
            else years_default(plan.baseline_year, bool(series or interim or revisions))
        ),
        interim=interim,
        revisions=revisions,
    )
    built = PlanIndicator(
        goal=goal,
        measure=measure,
        initiative=item.initiative,
        indicator=indicator,
        recorded=recorded,
        recorded_text=recorded_text,
        note=item.note,
        row=item.row,
        main=item.main,
    )
    return built, problems
