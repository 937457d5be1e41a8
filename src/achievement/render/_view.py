"""What every renderer shows, as plain rows of text: the detail rows and the summary rows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from achievement._evaluator import display
from achievement._model import Actual, ActualStatus, Comparison, TargetBasis
from achievement._series import observed
from achievement._years import era_name
from achievement.render.labels import (
    capitalised,
    goal_label,
    label,
    measure_label,
    measure_name,
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
    "column_label",
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
    "projected_mark",
    "published",
    "row_spans",
    "scheme_rule",
    "series_years",
    "shows_grades",
    "summary_rows",
    "target_used",
    "title",
    "year_key",
    "year_of_key",
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
    """The report title: the plan's title and its period, if known, and the year the
    report judges as of, when one was asked for (``令和6年度時点``, ``as of FY2024``)."""
    plan = report.plan
    head = label("titled", lang).format(plan=plan.title) if plan.title else label("title", lang)
    if plan.baseline_year is not None and plan.target_year is not None:
        period = label("period", lang).format(baseline=plan.baseline_year, target=plan.target_year)
        head = f"{head} ({period})"
    if report.as_of is not None:
        year = era_name(report.as_of) if lang == "ja" else str(report.as_of)
        head = f"{head} {label('as_of', lang).format(year=year)}"
    return head


_YEAR_PREFIX = "fy"


def year_key(year: int) -> str:
    """The column key of a fiscal year of the series (``fy2024``)."""
    return f"{_YEAR_PREFIX}{year}"


def year_of_key(key: str) -> int | None:
    """The fiscal year of a year column's key, ``None`` for any other column."""
    if key.startswith(_YEAR_PREFIX) and key[len(_YEAR_PREFIX) :].isdigit():
        return int(key[len(_YEAR_PREFIX) :])
    return None


def column_label(key: str, lang: str) -> str:
    """The heading of a detail column: a label, or a fiscal year (``2024年度``, ``FY2024``)."""
    year = year_of_key(key)
    if year is None:
        return label(key, lang)
    return f"{year}年度" if lang == "ja" else f"FY{year}"


def series_years(report: Report) -> tuple[int, ...]:
    """The fiscal years of the year columns: every year with a published value of an
    indicator that has a series (its earlier years and its actual's year); none when
    no indicator has a series, so a plan of single actuals keeps its columns."""
    years: set[int] = set()
    for result in report.results:
        if result.entry.indicator.series:
            years.update(observed(result.entry.indicator))
    return tuple(sorted(years))


def _uses_years(report: Report) -> bool:
    return any(result.judgment.comparison is not None for result in report.results)


def detail_columns(
    report: Report, columns: tuple[str, ...] = DETAIL_COLUMNS, *, years: bool = True
) -> tuple[str, ...]:
    """``columns`` without the grade when grades are not shown (see :func:`shows_grades`);
    with the target each judgment used after the target when a judgment was made as of a
    year, and (``years``) one column per fiscal year of :func:`series_years` at the end.

    A plan whose indicators hold one actual each keeps exactly ``columns``.
    """
    keys: list[str] = []
    for key in columns:
        if key == "grade" and not shows_grades(report):
            continue
        keys.append(key)
        if key == "target" and _uses_years(report):
            keys.append("target_used")
    if years:
        keys.extend(year_key(year) for year in series_years(report))
    return tuple(keys)


def projected_mark(lang: str) -> str:
    """What follows a projected (見込) value in every report: `` (見込)``, `` (projected)``."""
    return f" ({label('projected', lang)})"


def _shown(actual: Actual, lang: str) -> str:
    text = display(actual.value)
    return text + projected_mark(lang) if actual.status is ActualStatus.PROJECTED else text


def target_used(comparison: Comparison | None, lang: str) -> str:
    """Which target a judgment used, and its value (``2024年度の按分目標 1,400,000冊``);
    ``-`` for a judgment that compared the actual with the target as it stands."""
    if comparison is None:
        return label("none", lang)
    kind = comparison.interim_kind
    return target_used_text(
        comparison.basis,
        display(comparison.target.value),
        year=comparison.target.fiscal_year,
        revised=comparison.revised_from,
        interim_kind=None if kind is None else kind.value,
        lang=lang,
    )


def target_used_text(
    basis: TargetBasis,
    value: str,
    *,
    year: int | None,
    revised: int | None,
    interim_kind: str | None,
    lang: str,
) -> str:
    """:func:`target_used` from its parts, as a JSON report keeps them."""
    if basis is TargetBasis.INTERIM:
        kind = label(f"interim_{(interim_kind or 'annual')}", lang)
        return label("used_interim", lang).format(year=year, kind=kind, value=value)
    if basis is TargetBasis.PRORATED:
        key = "used_prorated" if revised is None else "used_prorated_revised"
        return label(key, lang).format(year=year, value=value, from_year=revised)
    if basis is TargetBasis.PREVIOUS_YEAR:
        return label("used_previous_year", lang).format(year=year, value=value)
    if revised is not None:
        return label("used_revised", lang).format(value=value, year=revised)
    return label("used_final", lang).format(value=value)


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


def _actual(result: IndicatorResult, as_of: int | None, lang: str) -> str:
    """The actual of the year judged (``-`` when the indicator has none for it)."""
    indicator, found = result.entry.indicator, result.judgment.comparison
    year = as_of if found is None else found.actual.fiscal_year
    if year is None or year == indicator.actual.fiscal_year:
        return _shown(indicator.actual, lang)
    point = observed(indicator).get(year)
    return label("none", lang) if point is None else _shown(point, lang)


def detail_row(result: IndicatorResult, lang: str, as_of: int | None = None) -> dict[str, str]:
    """One result as text, by :data:`DETAIL_COLUMNS` key (and ``row`` and ``target_used``),
    with the value of each fiscal year of its series under :func:`year_key` (a year with
    no value has no key: read the row with ``row.get(key, "")``).

    The actual is the value of the year the judgment judged (the report's ``as_of``):
    the latest value is never shown beside a judgment of an earlier year.
    """
    entry, judgment = result.entry, result.judgment
    measured = result.measurements
    actual = _actual(result, as_of, lang)
    years = (
        {year_key(year): _shown(point, lang) for year, point in observed(entry.indicator).items()}
        if entry.indicator.series
        else {}
    )
    return years | {
        "goal": goal_label(entry.goal, lang),
        "measure": measure_label(entry.measure, lang),
        "initiative": entry.initiative,
        "indicator": entry.indicator.name,
        "baseline": display(entry.indicator.baseline),
        "target": display(entry.indicator.target.value),
        "target_used": target_used(judgment.comparison, lang),
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
        written = any((r.entry.recorded_text or "").strip() for r in report.results)
        return [label("unread_published" if written else "nothing_published", lang)]
    lines = [label("disagreement_count", lang).format(count=len(disagreements(report)))]
    unpublished = len(report.results) - published_count
    if unpublished:
        lines.append(label("unpublished", lang).format(count=unpublished))
    return lines


def disagreement_rows(report: Report, lang: str) -> list[dict[str, str]]:
    """The judgments that differ from the published outcome, as text by column key."""
    rows = []
    for result in disagreements(report):
        row = detail_row(result, lang, report.as_of)
        row["computed"] = row["outcome"]
        if shows_grades(report) and result.grade is not None:
            row["computed"] = f"{row['outcome']} ({row['grade']})"
        rows.append(row)
    return rows


def detail_rows(report: Report, lang: str) -> list[dict[str, str]]:
    """Every result as text, in plan order, with a cell (empty when the indicator has
    no value for it) for every year of :func:`series_years`."""
    empty = dict.fromkeys(map(year_key, series_years(report)), "")
    return [empty | detail_row(result, lang, report.as_of) for result in report.results]


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
            yield SummaryRow("measure", measure_name(measure.measure, lang), measure.tally)
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
    highlights, as_of = report.highlights, report.as_of
    return [
        (
            label("highlights_achieved", lang),
            [detail_row(r, lang, as_of) for r in highlights.achieved],
        ),
        (
            label("highlights_not_achieved", lang),
            [detail_row(r, lang, as_of) for r in highlights.not_achieved],
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
                ("measure", cells(measure_name(measure.measure, lang), measure.grades, own))
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
