"""HTML: one self-contained page (inline CSS, inline SVG chart, no external assets)."""

from __future__ import annotations

from dataclasses import dataclass

from achievement.render._view import (
    DETAIL_COLUMNS,
    HIGHLIGHT_COLUMNS,
    SUMMARY_COLUMNS,
    coverage,
    detail_rows,
    grade_table,
    highlight_sections,
    problem_lines,
    row_spans,
    scheme_rule,
    summary_rows,
    title,
)
from achievement.render.labels import label, measure_label, percent
from achievement.rollup import Report

__all__ = ["Bar", "chart_bars", "render"]

CHART_WIDTH = 360
"""The width of the longest bar, in SVG user units."""

ROW_HEIGHT = 26
"""The height of one measure's row in the chart."""


@dataclass(frozen=True)
class Bar:
    """One measure's bar: segment widths for achieved, not achieved and not evaluable."""

    number: str
    label: str
    y: int
    achieved: int
    not_achieved: int
    not_evaluable: int
    counts: tuple[int, int, int]
    rate: str


def chart_bars(report: Report, lang: str) -> list[Bar]:
    """The bars of the chart, one per measure, scaled to the measure with most indicators."""
    most = max((m.tally.indicators for m in report.measures), default=0) or 1
    unit = CHART_WIDTH // most
    bars = []
    for index, summary in enumerate(report.measures):
        tally = summary.tally
        bars.append(
            Bar(
                number="" if summary.measure.number is None else str(summary.measure.number),
                label=measure_label(summary.measure, lang),
                y=index * ROW_HEIGHT,
                achieved=tally.achieved * unit,
                not_achieved=tally.not_achieved * unit,
                not_evaluable=tally.not_evaluable * unit,
                counts=(tally.achieved, tally.not_achieved, tally.not_evaluable),
                rate=percent(tally.rate, lang),
            )
        )
    return bars


def render(report: Report, *, lang: str = "ja") -> str:
    """The report as one HTML page with its chart of achievement by measure."""
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
        )
    }
    grade_header, grade_rows = grade_table(report, lang)
    return template.render(
        lang=lang,
        title=title(report, lang),
        labels=labels,
        summary_header=[label(key, lang) for key in SUMMARY_COLUMNS],
        summary=[(row.kind, row.cells(lang)) for row in summary_rows(report, lang)],
        bars=chart_bars(report, lang),
        chart_width=CHART_WIDTH,
        row_height=ROW_HEIGHT,
        highlight_header=[label(key, lang) for key in HIGHLIGHT_COLUMNS],
        highlight_keys=HIGHLIGHT_COLUMNS,
        highlights=highlight_sections(report, lang),
        rule=report.highlights.rule.get(lang),
        detail_header=[label(key, lang) for key in DETAIL_COLUMNS],
        detail_keys=DETAIL_COLUMNS,
        detail=detail_rows(report, lang),
        goal_spans=row_spans([r.entry.goal for r in report.results]),
        measure_spans=row_spans([(r.entry.goal, r.entry.measure) for r in report.results]),
        totals=report.totals,
        rate=percent(report.totals.rate, lang),
        unique_indicators=report.unique_indicators,
        grade_header=grade_header,
        grade_rows=grade_rows,
        scheme_rule=scheme_rule(report, lang),
        coverage=coverage(report, lang),
        problems=problem_lines(report, lang),
    )
