"""HTML: one self-contained page (inline CSS, inline SVG chart, no external assets)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from achievement.render._view import (
    DISAGREEMENT_COLUMNS,
    HIGHLIGHT_COLUMNS,
    SUMMARY_COLUMNS,
    column_label,
    coverage,
    detail_columns,
    detail_row,
    disagreement_heading,
    disagreement_rows,
    grade_table,
    highlight_sections,
    problem_lines,
    row_spans,
    scheme_rule,
    series_years,
    summary_rows,
    title,
    year_key,
)
from achievement.render.labels import goal_label, label, measure_label, measure_name, percent
from achievement.rollup import Report

if TYPE_CHECKING:
    from markupsafe import Markup

    from achievement._model import Indicator

__all__ = ["Bar", "Chart", "Tick", "chart_bars", "chart_geometry", "chunks", "render"]

CHART_WIDTH = 480
"""The width of the plot (the longest bar), in SVG user units."""

ROW_HEIGHT = 26
"""The height of one measure's row in the chart."""

LABEL_WIDTH = 420
"""The room left of the bars for the measures' names."""


@dataclass(frozen=True)
class Bar:
    """One measure's bar: segment widths for achieved, not achieved and not evaluable."""

    number: str
    label: str
    y: int
    achieved: float
    not_achieved: float
    not_evaluable: float
    counts: tuple[int, int, int]
    rate: str


@dataclass(frozen=True)
class Tick:
    """One mark of the count axis: where it is drawn and the count it stands for."""

    x: float
    value: int


@dataclass(frozen=True)
class Chart:
    """The chart's geometry: the count axis under the bars, scaled to the largest measure."""

    most: int
    left: int
    plot_width: int
    plot_height: int
    width: int
    height: int
    ticks: tuple[Tick, ...]


def _step(most: int) -> int:
    """The count between two ticks: 1, 2 or 5 times a power of ten, for at most 10 ticks.

    >>> _step(4), _step(12), _step(40), _step(130)
    (1, 2, 5, 20)
    """
    scale = 1
    while True:
        for step in (1, 2, 5):
            if most <= 10 * step * scale:
                return step * scale
        scale *= 10


def chart_geometry(report: Report) -> Chart:
    """The axis of the chart: one unit of length per indicator, ticks at round counts."""
    most = max((m.tally.indicators for m in report.measures), default=0) or 1
    step = _step(most)
    top = -(-most // step) * step
    unit = CHART_WIDTH / top
    plot_height = len(report.measures) * ROW_HEIGHT + 4
    ticks = tuple(
        Tick(x=round(LABEL_WIDTH + value * unit, 1), value=value)
        for value in range(0, top + 1, step)
    )
    return Chart(
        most=top,
        left=LABEL_WIDTH,
        plot_width=CHART_WIDTH,
        plot_height=plot_height,
        width=LABEL_WIDTH + CHART_WIDTH + 70,
        height=plot_height + 44,
        ticks=ticks,
    )


def chart_bars(report: Report, lang: str) -> list[Bar]:
    """The bars of the chart, one per measure: each stacks its counts by outcome on the axis."""
    chart = chart_geometry(report)
    unit = CHART_WIDTH / chart.most
    bars = []
    for index, summary in enumerate(report.measures):
        tally = summary.tally
        bars.append(
            Bar(
                number="" if summary.measure.number is None else str(summary.measure.number),
                # a plan without a measure column names each bar by its goal, or says so
                label=measure_label(summary.measure, lang)
                or goal_label(summary.goal, lang)
                or measure_name(summary.measure, lang),
                y=index * ROW_HEIGHT,
                achieved=round(tally.achieved * unit, 1),
                not_achieved=round(tally.not_achieved * unit, 1),
                not_evaluable=round(tally.not_evaluable * unit, 1),
                counts=(tally.achieved, tally.not_achieved, tally.not_evaluable),
                rate=percent(tally.rate, lang),
            )
        )
    return bars


def _spark(indicator: Indicator, lang: str, as_of: int | None) -> Markup | None:
    """The indicator's inline SVG line (built from numbers and escaped words only)."""
    from markupsafe import Markup

    from achievement.render._spark import sparkline

    drawn = sparkline(indicator, lang, as_of)
    return None if drawn is None else Markup(drawn)


_WIDE = ("reason", "note")
_SHORT = ("outcome", "recorded", "agrees", "style", "progress", "degree", "grade")


def _detail_css(keys: tuple[str, ...]) -> dict[str, str]:
    """The classes of each detail column's cells, made once rather than in every row."""
    return {
        key: "text " + key + (" wide" if key in _WIDE else "") + (" short" if key in _SHORT else "")
        for key in keys
    }


def _detail(
    report: Report, lang: str
) -> Iterator[tuple[dict[str, str], bool, Markup | None, int, int]]:
    """Each detail row as the template reads it, made as the template comes to it: the
    row's text, whether it disagrees with the published outcome, its sparkline, and the
    rows its goal and measure cells span (0 under a merged cell)."""
    empty = dict.fromkeys(map(year_key, series_years(report)), "")  # a cell for every year
    goal_spans = row_spans([r.entry.goal for r in report.results])
    measure_spans = row_spans([(r.entry.goal, r.entry.measure) for r in report.results])
    for result, goal_span, measure_span in zip(
        report.results, goal_spans, measure_spans, strict=True
    ):
        yield (
            empty | detail_row(result, lang, report.as_of),
            result.agrees is False,
            _spark(result.entry.indicator, lang, report.as_of),
            goal_span,
            measure_span,
        )


def render(report: Report, *, lang: str = "ja") -> str:
    """The report as one HTML page with its chart of achievement by measure."""
    return "".join(chunks(report, lang=lang))


def chunks(report: Report, *, lang: str = "ja") -> Iterator[str]:
    """:func:`render`'s text piece by piece, as the template makes it, to write as it goes."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("achievement.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    template = env.get_template("report.html.j2")
    labels = {
        key: label(key, lang)
        for key in (
            "chart",
            "summary",
            "detail",
            "achieved",
            "not_achieved",
            "not_evaluable",
            "total",
            "rate",
            "rate_rule",
            "unique_indicators",
            "grades",
            "problems",
            "disagreements",
            "chart_caption",
            "chart_axis",
        )
    }
    keys = detail_columns(report)
    grade_header, grade_rows = grade_table(report, lang)
    return template.generate(
        lang=lang,
        title=title(report, lang),
        labels=labels,
        summary_header=[label(key, lang) for key in SUMMARY_COLUMNS],
        summary=[(row.kind, row.cells(lang)) for row in summary_rows(report, lang)],
        bars=chart_bars(report, lang),
        chart=chart_geometry(report),
        disagreement_lines=disagreement_heading(report, lang),
        disagreements=disagreement_rows(report, lang),
        disagreement_header=[label(key, lang) for key in DISAGREEMENT_COLUMNS],
        disagreement_keys=DISAGREEMENT_COLUMNS,
        wide_keys=_WIDE,
        detail_css=_detail_css(keys),
        highlight_header=[label(key, lang) for key in HIGHLIGHT_COLUMNS],
        highlight_keys=HIGHLIGHT_COLUMNS,
        highlights=highlight_sections(report, lang),
        rule=report.highlights.rule.get(lang),
        detail_header=[column_label(key, lang) for key in keys],
        detail_keys=keys,
        detail=_detail(report, lang),
        totals=report.totals,
        rate=percent(report.totals.rate, lang),
        unique_indicators=report.unique_indicators,
        grade_header=grade_header,
        grade_rows=grade_rows,
        scheme_rule=scheme_rule(report, lang),
        coverage=coverage(report, lang),
        problems=problem_lines(report, lang),
    )
