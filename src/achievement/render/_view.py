"""What every renderer shows, as plain rows of text: the detail rows and the summary rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from achievement._evaluator import display
from achievement._model import ActualStatus
from achievement.render.labels import (
    capitalised,
    goal_label,
    label,
    measure_label,
    outcome_label,
    percent,
    ratio_percent,
    style_label,
    yes_no,
)
from achievement.rollup import IndicatorResult, Report, Tally
from achievement.schemes import Grade, GradeTally
from achievement.schemes.presets import DEFAULT_SCHEME

__all__ = [
    "DETAIL_COLUMNS",
    "DISAGREEMENT_COLUMNS",
    "HIGHLIGHT_COLUMNS",
    "SUMMARY_COLUMNS",
    "TEXT_DETAIL_COLUMNS",
    "SummaryRow",
    "coverage",
    "detail_columns",
    "detail_row",
    "detail_rows",
    "disagreement_heading",
    "disagreement_rows",
    "disagreements",
    "grade_name",
    "grade_table",
    "highlight_sections",
    "problem_lines",
    "published",
    "row_spans",
    "scheme_rule",
    "shows_grades",
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
    "degree",
    "note",
)
"""The detail columns, as keys of :data:`~achievement.render.labels.LABELS`."""

TEXT_DETAIL_COLUMNS: tuple[str, ...] = (
    "indicator",
    "baseline",
    "target",
    "actual",
    "outcome",
    "grade",
    "recorded",
    "progress",
    "reason",
)
"""The detail columns the text report prints with ``--detail`` (a terminal is narrow)."""

DISAGREEMENT_COLUMNS: tuple[str, ...] = ("row", "indicator", "recorded", "computed", "reason")
"""The columns of the list of judgments that differ from the published outcome."""

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
    head = label("titled", lang).format(plan=plan.title) if plan.title else label("title", lang)
    if plan.baseline_year is not None and plan.target_year is not None:
        period = label("period", lang).format(baseline=plan.baseline_year, target=plan.target_year)
        head = f"{head} ({period})"
    return head


def detail_columns(report: Report, columns: tuple[str, ...] = DETAIL_COLUMNS) -> tuple[str, ...]:
    """``columns`` without the grade when grades are not shown (see :func:`shows_grades`)."""
    return tuple(key for key in columns if key != "grade" or shows_grades(report))


def grade_name(grade: Grade | None, lang: str) -> str:
    """A grade as shown in ``lang`` (English capitalised); ``-`` for no grade."""
    return label("none", lang) if grade is None else capitalised(grade.name(lang), lang)


def shows_grades(report: Report) -> bool:
    """Whether the report has grades of its own to show.

    Under the default scheme (``binary``) a grade is the outcome itself, so its
    distribution would repeat the summary table: it is not shown.
    """
    scheme = report.scheme
    return scheme is not None and report.grades is not None and scheme.name != DEFAULT_SCHEME


def detail_row(result: IndicatorResult, lang: str) -> dict[str, str]:
    """One result as text, by :data:`DETAIL_COLUMNS` key (and ``row``)."""
    entry, judgment = result.entry, result.judgment
    measured = result.measurements
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
        "grade": grade_name(result.grade, lang),
        "recorded": published(result, lang),
        "agrees": yes_no(result.agrees, lang),
        "style": style_label(judgment.style, lang),
        "reason": judgment.message.get(lang),
        "progress": ratio_percent(result.progress, lang),
        "degree": ratio_percent(None if measured is None else measured.degree, lang),
        "note": entry.note,
        "row": label("none", lang) if entry.row is None else str(entry.row),
    }


def published(result: IndicatorResult, lang: str) -> str:
    """The published outcome in ``lang`` (〇 reads as 達成, Achieved); text the reader could
    not read as an outcome as written; ``-`` when none was published."""
    entry = result.entry
    if entry.recorded is None and entry.recorded_text and entry.recorded_text.strip():
        return entry.recorded_text.strip()
    return outcome_label(entry.recorded, lang)


def disagreements(report: Report) -> list[IndicatorResult]:
    """The results whose computed outcome differs from the outcome the plan published."""
    return [result for result in report.results if result.agrees is False]


def disagreement_heading(report: Report, lang: str) -> list[str]:
    """The sentences every report opens with: how many judgments differ from the published ones.

    When the plan published no outcome, it says so instead of claiming agreement;
    indicators without a published outcome are counted when some others have one.
    """
    published_count = sum(1 for r in report.results if r.agrees is not None)
    if report.results and published_count == 0:
        return [label("nothing_published", lang)]
    lines = [label("disagreement_count", lang).format(count=len(disagreements(report)))]
    unpublished = len(report.results) - published_count
    if unpublished:
        lines.append(label("unpublished", lang).format(count=unpublished))
    return lines


def disagreement_rows(report: Report, lang: str) -> list[dict[str, str]]:
    """The judgments that differ from the published outcome, as text by column key."""
    rows = []
    for result in disagreements(report):
        row = detail_row(result, lang)
        row["computed"] = row["outcome"]
        if shows_grades(report) and result.grade is not None:
            row["computed"] = f"{row['outcome']} ({row['grade']})"
        rows.append(row)
    return rows


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


def summary_rows(report: Report, lang: str, *, rate_row: bool = False) -> Iterator[SummaryRow]:
    """The summary table as the seed lays it out: each goal, its measures, the total.

    A plan without goals (no goal column) has no goal rows.  ``rate_row`` adds the
    seed's 達成率 row, for a layout without a rate column (the workbook's); where the
    table has a rate column it would repeat the total's.
    """
    for goal in report.goals:
        if goal.goal.title or goal.goal.number is not None:
            yield SummaryRow("goal", goal_label(goal.goal, lang), goal.tally)
        for measure in goal.measures:
            yield SummaryRow("measure", measure_label(measure.measure, lang), measure.tally)
    yield SummaryRow("total", label("total", lang), report.totals)
    if rate_row:
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
    """The grading scheme's rule in words, with its source, printed under the grade table."""
    scheme = report.scheme
    if scheme is None or not shows_grades(report):
        return ""
    text = f"{label('scheme', lang)}: {scheme.rule.get(lang)}"
    if scheme.source is not None:
        text += f" {label('scheme_source', lang)}: {scheme.source.get(lang)}"
    return text


def grade_table(report: Report, lang: str) -> tuple[list[str], list[tuple[SummaryKind, list[str]]]]:
    """The grade distribution: a header and a row per goal, measure and the total.

    Columns: the scope, one count per grade of the scheme (best first), the
    indicators without a grade, the scheme's rate and, when the scheme grades
    measures, the measure's own grade.  Empty under the default scheme, whose
    grades are the outcomes the summary already counts (see :func:`shows_grades`).
    """
    scheme = report.scheme
    if scheme is None or report.grades is None or not shows_grades(report):
        return [], []
    per_measure = scheme.per_measure
    header = [
        label("scope", lang),
        *(capitalised(name, lang) for name in scheme.labels_in(lang)),
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
            own = grade_name(measure.grade, lang) if per_measure else None
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
