"""What every renderer shows, as plain rows of text: the detail rows and the summary rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from achievement._evaluator import display
from achievement._model import ActualStatus
from achievement.render.labels import (
    goal_label,
    label,
    measure_label,
    outcome_label,
    percent,
    yes_no,
)
from achievement.rollup import IndicatorResult, Report, Tally
from achievement.schemes import GradeTally

__all__ = [
    "DETAIL_COLUMNS",
    "HIGHLIGHT_COLUMNS",
    "SUMMARY_COLUMNS",
    "SummaryRow",
    "coverage",
    "detail_row",
    "detail_rows",
    "grade_table",
    "highlight_sections",
    "problem_lines",
    "row_spans",
    "scheme_rule",
    "summary_rows",
    "title",
]

DETAIL_COLUMNS: tuple[str, ...] = (
    "goal",
    "measure",
    "initiative",
    "indicator",
    "baseline",
    "target",
    "actual",
    "outcome",
    "grade",
    "recorded",
    "agrees",
    "style",
    "reason",
    "progress",
    "note",
)
"""The detail columns, as keys of :data:`~achievement.render.labels.LABELS`."""

SUMMARY_COLUMNS: tuple[str, ...] = (
    "measure_name",
    "indicators",
    "achieved",
    "not_achieved",
    "not_evaluable",
    "rate",
)
"""The summary columns, as keys of :data:`~achievement.render.labels.LABELS`."""

SummaryKind = Literal["goal", "measure", "total", "rate"]


def title(report: Report, lang: str) -> str:
    """The report title: the plan's title and its period, if known."""
    plan = report.plan
    head = f"{plan.title} {label('title', lang)}" if plan.title else label("title", lang)
    if plan.baseline_year is not None and plan.target_year is not None:
        period = label("period", lang).format(baseline=plan.baseline_year, target=plan.target_year)
        head = f"{head} ({period})"
    return head


def detail_row(result: IndicatorResult, lang: str) -> dict[str, str]:
    """One result as text, by :data:`DETAIL_COLUMNS` key."""
    entry, judgment = result.entry, result.judgment
    actual = display(entry.indicator.actual.value)
    if entry.indicator.actual.status is ActualStatus.PROJECTED:
        actual = f"{actual} ({label('projected', lang)})"
    return {
        "goal": goal_label(entry.goal, lang),
        "measure": measure_label(entry.measure, lang),
        "initiative": entry.initiative,
        "indicator": entry.indicator.name,
        "baseline": display(entry.indicator.baseline),
        "target": display(entry.indicator.target.value),
        "actual": actual,
        "outcome": outcome_label(judgment.outcome, lang),
        "grade": label("none", lang) if result.grade is None else result.grade.name(lang),
        "recorded": outcome_label(entry.recorded, lang),
        "agrees": yes_no(result.agrees, lang),
        "style": judgment.style or label("none", lang),
        "reason": judgment.message.get(lang),
        "progress": label("none", lang) if result.progress is None else f"{result.progress:.2f}",
        "note": entry.note,
    }


def detail_rows(report: Report, lang: str) -> list[dict[str, str]]:
    """Every result as text, in plan order."""
    return [detail_row(result, lang) for result in report.results]


class SummaryRow:
    """One row of the summary table: a goal header, a measure, the total or the rate."""

    __slots__ = ("kind", "label", "tally")

    def __init__(self, kind: SummaryKind, text: str, tally: Tally) -> None:
        self.kind: SummaryKind = kind
        self.label = text
        self.tally = tally

    def cells(self, lang: str) -> list[str]:
        """The row as text, by :data:`SUMMARY_COLUMNS`; a goal header has only its label."""
        if self.kind == "goal":
            return [self.label, "", "", "", "", ""]
        if self.kind == "rate":
            return [self.label, "", percent(self.tally.rate, lang), "", "", ""]
        tally = self.tally
        return [
            self.label,
            str(tally.indicators),
            str(tally.achieved),
            str(tally.not_achieved),
            str(tally.not_evaluable),
            percent(tally.rate, lang),
        ]


def summary_rows(report: Report, lang: str) -> Iterator[SummaryRow]:
    """The summary table as the seed lays it out: each goal, its measures, the total, the rate.

    A plan without goals (no goal column) has no goal rows.
    """
    for goal in report.goals:
        if goal.goal.title or goal.goal.number is not None:
            yield SummaryRow("goal", goal_label(goal.goal, lang), goal.tally)
        for measure in goal.measures:
            yield SummaryRow("measure", measure_label(measure.measure, lang), measure.tally)
    yield SummaryRow("total", label("total", lang), report.totals)
    yield SummaryRow("rate", label("rate", lang), report.totals)


HIGHLIGHT_COLUMNS: tuple[str, ...] = (
    "measure",
    "indicator",
    "baseline",
    "target",
    "actual",
    "note",
)
"""The columns of the highlight tables, as the seed's ウ and エ tables have them."""


def highlight_sections(report: Report, lang: str) -> list[tuple[str, list[dict[str, str]]]]:
    """The two highlight tables, each with its heading: main achieved, main not achieved."""
    highlights = report.highlights
    return [
        (label("highlights_achieved", lang), [detail_row(r, lang) for r in highlights.achieved]),
        (
            label("highlights_not_achieved", lang),
            [detail_row(r, lang) for r in highlights.not_achieved],
        ),
    ]


def coverage(report: Report, lang: str) -> str:
    """A sentence saying how many rows of the source are counted, when some were left out."""
    left = report.rows_left_out
    if not left:
        return ""
    rows = report.source_rows if report.source_rows is not None else len(report.results) + left
    return label("coverage", lang).format(rows=rows, read=rows - left, left=left)


def problem_lines(report: Report, lang: str) -> list[str]:
    """Each problem of the reader on one line, ``file:row: column: text: message``."""
    return [problem.line(lang) for problem in report.problems]


def scheme_rule(report: Report, lang: str) -> str:
    """The grading scheme's rule in words, with its source, as printed next to the results."""
    scheme = report.scheme
    if scheme is None:
        return ""
    text = f"{label('scheme', lang)}: {scheme.rule.get(lang)}"
    if scheme.source is not None:
        text += f" {label('scheme_source', lang)}: {scheme.source.get(lang)}"
    return text


def grade_table(report: Report, lang: str) -> tuple[list[str], list[tuple[SummaryKind, list[str]]]]:
    """The grade distribution: a header and a row per goal, measure and the total.

    Columns: the scope, one count per grade of the scheme (best first), the
    indicators without a grade, the scheme's rate and, when the scheme grades
    measures, the measure's own grade.
    """
    scheme = report.scheme
    if scheme is None or report.grades is None:
        return [], []
    per_measure = scheme.per_measure
    header = [
        label("scope", lang),
        *scheme.labels_in(lang),
        label("ungraded", lang),
        label("grade_rate", lang),
    ]
    if per_measure:
        header.append(label("measure_grade", lang))

    def cells(text: str, grades: GradeTally | None, grade: str | None = None) -> list[str]:
        if grades is None:
            return [text, *("" for _ in header[1:])]
        row = [
            text,
            *(str(grades.counts.get(name, 0)) for name in scheme.labels),
            str(grades.ungraded),
            percent(grades.rate, lang),
        ]
        if per_measure:
            row.append(grade or "")
        return row

    rows: list[tuple[SummaryKind, list[str]]] = []
    for goal in report.goals:
        rows.append(("goal", cells(goal_label(goal.goal, lang), goal.grades)))
        for measure in goal.measures:
            own = None if measure.grade is None else measure.grade.name(lang)
            if per_measure and own is None:
                own = label("none", lang)
            rows.append(
                ("measure", cells(measure_label(measure.measure, lang), measure.grades, own))
            )
    rows.append(("total", cells(label("total", lang), report.grades)))
    return header, rows


def row_spans(keys: list[object]) -> list[int]:
    """Row spans merging runs of equal keys: the run's length on its first row, 0 after.

    >>> row_spans(["a", "a", "b", "a"])
    [2, 0, 1, 1]
    """
    spans = [0] * len(keys)
    start = 0
    for index in range(1, len(keys) + 1):
        if index == len(keys) or keys[index] != keys[start]:
            spans[start] = index - start
            start = index
    return spans
