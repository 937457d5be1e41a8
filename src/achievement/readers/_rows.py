"""Reading the data rows of a detail table, one by one.

Blank goal and measure cells continue the row above (as merged cells do).  A
heading row (one text, the rest blank, such as ``基本目標1 安全なまち``) and a
totals row (合計, 小計) are not indicators: they are skipped with a note, and a
goal or measure heading sets the goal or measure of the rows below it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from sys import intern
from typing import TypeVar

from achievement._construct import assembled
from achievement._errors import ParseError
from achievement._lean import SHARED_LIMIT
from achievement._model import (
    Actual,
    ActualStatus,
    Indicator,
    Observation,
    Quantity,
    Target,
    Value,
)
from achievement._model import Column as CellColumn
from achievement._plan import Goal, Measure, PlanIndicator
from achievement._years import era_name
from achievement.readers._cells import (
    MAIN_TEXTS,
    TOTALS,
    CellReader,
    Dated,
    dated,
    norm,
    parse_direction,
    parse_goal,
    parse_measure,
    problem,
    recorded_fields,
)
from achievement.readers._layout import Column, Layout
from achievement.readers._result import Problem

__all__ = ["RowReader"]

_Shared = TypeVar("_Shared", Target, Actual, Goal, Measure)


def _share(cache: dict[object, _Shared], key: object, make: Callable[[], _Shared]) -> _Shared:
    """The one frozen object of ``cache`` for ``key``, made by ``make()`` the first time."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= SHARED_LIMIT:
            cache.clear()
        found = cache[key] = make()
    return found


_INDICATOR_FIELDS = {"name", "baseline", "target", "actual", "style", "direction", "series"}
_ENTRY_FIELDS = {
    "goal",
    "measure",
    "initiative",
    "indicator",
    "recorded",
    "recorded_text",
    "note",
    "row",
    "main",
}

_GOAL_HEADING = re.compile(r"[【\[(]?(?:基本目標|基本方針|目標)\s*\d", re.IGNORECASE)
_MEASURE_HEADING = re.compile(r"[【\[(]?(?:施策|measure)\s*\d", re.IGNORECASE)


class RowReader:
    """Reads data rows one by one, carrying merged goal and measure cells down."""

    def __init__(
        self,
        file: str,
        layout: Layout,
        cells: CellReader,
        formulas: Mapping[tuple[int, int], str],
    ) -> None:
        self.file = file
        self.found = layout.fields
        self.series = layout.series
        self.cells = cells
        self.target_year = self.found["target"].year
        self.formulas = formulas
        self.goal: Goal | None = None if "goal" in self.found else Goal(title="")
        self.no_measure: Measure | None = None if "measure" in self.found else Measure(title="")
        self.measure = self.no_measure
        self.initiative = ""
        # cells repeat and values are frozen: each (text, role, unit) is read once
        self._values: dict[tuple[str, CellColumn | None, str | None], Value] = {}
        # and so are targets, actuals, goals and measures: each distinct one is built once
        self._targets: dict[object, Target] = {}
        self._actuals: dict[object, Actual] = {}
        self._goals: dict[object, Goal] = {}
        self._measures: dict[object, Measure] = {}

    def _text(self, cells: Sequence[str], column: Column | None) -> str:
        if column is None or column.index >= len(cells):
            return ""
        return cells[column.index]

    def _cell(self, cells: Sequence[str], field: str) -> str:
        return self._text(cells, self.found.get(field))

    def _header(self, field: str) -> str | None:
        column = self.found.get(field)
        return None if column is None else column.header

    def _at(self, index: int) -> str | None:
        return next((c.header for c in self.found.values() if c.index == index), None)

    def _totals(self, cells: Sequence[str]) -> tuple[int, str] | None:
        """Where a totals row says 合計 or 小計: its column index and text; else ``None``.

        A row is a totals row when its goal, measure or indicator cell is such a
        word, or when such words are its only text.
        """
        for field in ("goal", "measure", "indicator"):
            column = self.found.get(field)
            text = self._cell(cells, field).strip()
            if column is not None and norm(text) in TOTALS:
                return column.index, text
        filled = [(i, c.strip()) for i, c in enumerate(cells) if c.strip()]
        if filled and all(norm(text) in TOTALS for _, text in filled):
            return filled[0]
        return None

    def _heading(self, cells: Sequence[str]) -> tuple[int, str] | None:
        """Where a heading row says what it heads: its first column index and text.

        A heading row has one text (a merged range repeats it) and nothing else.
        A text alone in the indicator, baseline, target or actual column is a
        heading only when it reads as a goal or measure heading (``基本目標1``,
        ``施策2``): otherwise it is a data row, read as such.
        """
        filled = [(i, c.strip()) for i, c in enumerate(cells) if c.strip()]
        if not filled or len({norm(text) for _, text in filled}) != 1:
            return None
        index, text = filled[0]
        values = {
            self.found[f].index
            for f in ("indicator", "baseline", "target", "actual")
            if f in self.found
        }
        if len(filled) == 1 and index in values:
            heading = _GOAL_HEADING.match(norm(text)) or _MEASURE_HEADING.match(norm(text))
            if heading is None:
                return None
        return index, text

    def _enter(self, index: int, text: str) -> tuple[str, str]:
        """Take a heading row's goal or measure for the rows below; say what it set."""
        goal, measure = self.found.get("goal"), self.found.get("measure")
        key = norm(text)
        as_goal = _GOAL_HEADING.match(key) is not None or (
            _MEASURE_HEADING.match(key) is None and goal is not None and goal.index == index
        )
        if as_goal:
            self.goal = parse_goal(text)
            self.measure = self.no_measure
            self.initiative = ""
            return "(以下の行の基本目標)", " (the goal of the rows below)"
        if _MEASURE_HEADING.match(key) or (measure is not None and measure.index == index):
            self.measure = parse_measure(text)
            self.initiative = ""
            return "(以下の行の施策)", " (the measure of the rows below)"
        return "", ""

    def skipped(self, row: int, cells: Sequence[str], *, formulas: bool = False) -> Problem | None:
        """A note when the row is a totals or heading row (and is not read), else ``None``.

        A totals row is skipped even when its sums are formulas never computed;
        a row with such formulas is never taken for a heading (its blank cells
        are not blank).
        """
        totals = self._totals(cells)
        if totals is not None:
            index, text = totals
            return problem("row.totals", file=self.file, row=row, column=self._at(index), text=text)
        heading = None if formulas else self._heading(cells)
        if heading is None:
            return None
        index, text = heading
        ja, en = self._enter(index, text)
        return problem(
            "row.heading",
            file=self.file,
            row=row,
            column=self._at(index),
            text=text,
            effect_ja=ja,
            effect_en=en,
        )

    def _value(self, text: str, column: Column | None, role: CellColumn | None = None) -> Value:
        """A cell read by the judge's notation; a bare number takes the unit of a units row.

        ``role`` (baseline, target, actual) is passed to the plugins' parse hooks.
        """
        unit = None if column is None else column.unit
        key = (text, role, unit)
        found = self._values.get(key)
        if found is not None:
            return found
        value = self.cells.parse(text, role)  # a refusal is raised each time, not kept
        if unit is not None and isinstance(value, Quantity) and value.unit is None:
            value = value.model_copy(update={"unit": unit})
        if len(self._values) >= SHARED_LIMIT:
            self._values.clear()
        self._values[key] = value
        return value

    def _valued(self, text: str, column: Column | None, role: CellColumn, unit: str) -> Value:
        """A cell read as :meth:`_value` does; a bare number (no unit of its own) in a row
        whose unit column says ``unit`` is read with it written after the number
        (``1,250`` and ``万人`` as ``1,250万人``), or, when the notation cannot read the two
        together (``t-CO2``), takes it as its unit as written, as under a units row."""
        value = self._value(text, column, role)
        if not unit or not isinstance(value, Quantity) or value.unit is not None:
            return value
        written = f"{text.strip()}{unit}"
        try:
            return self._value(written, column, role)
        except ParseError:  # kept as the reading of the text with its unit: refused once
            fallback = value.model_copy(update={"unit": unit})
            self._values[(written, role, None if column is None else column.unit)] = fallback
            return fallback

    def _series(
        self, row: int, cells: Sequence[str], problems: list[Problem], unit: str
    ) -> tuple[Observation, ...]:
        observations: list[Observation] = []
        for column in self.series:
            text = self._text(cells, column)
            if not text.strip() or column.year is None:
                continue
            try:
                value = self._valued(text, column, "actual", unit)  # an earlier year's actual
            except ParseError as exc:
                problems.append(
                    problem(
                        "cell.unreadable_series",
                        file=self.file,
                        row=row,
                        column=column.header,
                        text=text.strip(),
                        year=str(column.year),
                        position=str(exc.position + 1),
                        ja=exc.reason_ja,
                        en=exc.reason_en,
                    )
                )
                continue
            status = ActualStatus.PROJECTED if column.projected else ActualStatus.FINAL
            observations.append(Observation(fiscal_year=column.year, value=value, status=status))
        return tuple(observations)

    def read(self, row: int, cells: Sequence[str]) -> tuple[PlanIndicator | None, list[Problem]]:
        """One data row: the indicator (``None`` when an error keeps it out), and its problems."""
        problems: list[Problem] = []

        def report(code: str, field: str, text: str, **params: str) -> None:
            problems.append(
                problem(
                    code, file=self.file, row=row, column=self._header(field), text=text, **params
                )
            )

        for field, column in self.found.items():
            formula = self.formulas.get((row, column.index))
            if formula is not None:
                report("cell.formula", field, formula)
        goal_text = self._cell(cells, "goal").strip()
        measure_text = self._cell(cells, "measure").strip()
        initiative_text = self._cell(cells, "initiative").strip()
        if goal_text:
            goal = _share(self._goals, goal_text, lambda: parse_goal(goal_text))
            if goal != self.goal:
                self.goal = goal
                self.measure = self.no_measure
        if measure_text:
            self.measure = _share(self._measures, measure_text, lambda: parse_measure(measure_text))
            self.initiative = ""
        if initiative_text or measure_text:
            self.initiative = intern(initiative_text)
        if self.goal is None:
            report("row.no_goal", "goal", goal_text)
        if self.measure is None:
            report("row.no_measure", "measure", measure_text)
        name = intern(self._cell(cells, "indicator").strip())  # texts a row keeps: shared
        if not name:
            report("row.no_indicator", "indicator", name)
        values: dict[str, Value] = {}
        years: dict[str, Dated] = {}  # a year written in the cell: 45.2%(令和5年度)
        roles: tuple[CellColumn, ...] = ("baseline", "target", "actual")
        unit = norm(self._cell(cells, "unit")).strip()  # a unit column: 件, %, 万人
        for field in roles:
            text = self._cell(cells, field)
            when = dated(text) if ")" in text or "）" in text else None
            read = text if when is None else when.text
            try:
                values[field] = self._valued(read, self.found.get(field), field, unit)
            except ParseError as exc:
                report(
                    "cell.unreadable",
                    field,
                    text.strip(),
                    position=str(exc.position + 1),
                    ja=exc.reason_ja,
                    en=exc.reason_en,
                )
                continue
            if when is None:
                continue
            years[field] = when
            header = self.found.get(field)
            if header is not None and header.year is not None and header.year != when.year:
                report(
                    "cell.year_in_cell",
                    field,
                    text.strip(),
                    cell_year=era_name(when.year),
                    header_year=era_name(header.year),
                    cell_year_en=f"FY{when.year}",
                    header_year_en=f"FY{header.year}",
                )
        direction_text = self._cell(cells, "direction").strip()
        direction = parse_direction(direction_text) if direction_text else None
        if direction_text and direction is None:
            report("cell.unknown_direction", "direction", direction_text)
        style = self._cell(cells, "style").strip() or None
        if style is not None:
            found = self.cells.problem(style, file=self.file, row=row, column=self._header("style"))
            if found is not None:
                problems.append(found)
        recorded, recorded_text = recorded_fields(self._cell(cells, "recorded"))
        if recorded is None and recorded_text is not None:
            report("cell.unknown_recorded", "recorded", recorded_text)
        main_text = self._cell(cells, "main").strip()
        main = MAIN_TEXTS.get(norm(main_text).lower())
        if main is None:
            report("cell.unknown_main", "main", main_text)
        series = self._series(row, cells, problems, unit)
        if any(p.severity == "error" for p in problems):
            return None, problems
        assert self.goal is not None
        assert self.measure is not None
        actual = self.found["actual"]
        value, aim = values["actual"], values["target"]
        aim_year = years["target"].year if "target" in years else self.target_year
        when = years.get("actual")
        status = ActualStatus.PROJECTED if actual.projected else ActualStatus.FINAL
        if when is not None and when.status is not None:
            status = when.status
        year = actual.year if when is None else when.year
        # values are shared per cell text, so their ids name them while the shared object lives
        target = _share(
            self._targets, (id(aim), aim_year), lambda: Target(value=aim, fiscal_year=aim_year)
        )
        reached = _share(
            self._actuals,
            (id(value), status, year),
            lambda: Actual(value=value, status=status, fiscal_year=year),
        )
        # every field below is of its type as read: built without validating it again (a
        # baseline's year in its cell is not kept: with it, an actual before the target year
        # would be judged on a pro-rated target, where the plan's header years never are)
        indicator = assembled(
            Indicator,
            _INDICATOR_FIELDS,
            name=name,
            baseline=values["baseline"],
            target=target,
            actual=reached,
            style=style,
            direction=direction,
            series=series,
        )
        item = assembled(
            PlanIndicator,
            _ENTRY_FIELDS,
            goal=self.goal,
            measure=self.measure,
            initiative=self.initiative,
            indicator=indicator,
            recorded=recorded,
            recorded_text=None if recorded_text is None else intern(recorded_text),
            note=intern(self._cell(cells, "note").strip()),
            row=row,
            main=bool(main),
        )
        return item, problems
