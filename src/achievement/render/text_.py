"""Text for a terminal: rich tables, rendered to a string of a fixed width."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from achievement.render._safe import terminal_text
from achievement.render._view import (
    DISAGREEMENT_COLUMNS,
    HIGHLIGHT_COLUMNS,
    SUMMARY_COLUMNS,
    TEXT_DETAIL_COLUMNS,
    column_label,
    coverage,
    detail_columns,
    detail_rows,
    disagreement_heading,
    disagreement_rows,
    grade_table,
    highlight_sections,
    problem_lines,
    scheme_rule,
    summary_rows,
    title,
)
from achievement.render.labels import label
from achievement.rollup import Report

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

__all__ = ["WIDTH", "plain_console", "render"]

WIDTH = 120
"""The width the text is laid out for, in terminal columns."""


def plain_console(width: int = WIDTH) -> tuple[Console, io.StringIO]:
    """A rich console that prints plain text of a fixed width into the returned buffer.

    No colour, markup, emoji or highlighting, whatever the terminal: the same
    report gives the same text everywhere.
    """
    from rich.console import Console

    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        color_system=None,
        force_terminal=False,
        legacy_windows=False,
        soft_wrap=False,
        emoji=False,
        highlight=False,
        markup=False,
    )
    return console, out


_SHORT = frozenset(
    {"row", "outcome", "computed", "recorded", "grade", "progress", "degree", "agrees", "style"}
)
"""Columns of a word or a figure, never folded: their width is their text's."""


def _rows_table(
    heading: str, keys: tuple[str, ...], rows: list[dict[str, str]], lang: str
) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(title=heading, box=box.SQUARE, expand=True)
    for key in keys:
        if key in _SHORT:
            table.add_column(column_label(key, lang), no_wrap=True)
        else:
            ratio = (
                4
                if key in ("reason", "note")
                else 3
                if key == "indicator"
                else 2
                if key == "target_used"
                else 1
            )
            table.add_column(column_label(key, lang), overflow="fold", ratio=ratio)

    for cells in rows:
        table.add_row(*(cells[key] for key in keys))
    return table


def render(report: Report, *, lang: str = "ja", width: int = WIDTH, detail: bool = False) -> str:
    """The report as plain text.

    The title; how many judgments differ from the published outcome, and which;
    the summary table; the problems; the grade distribution (under a scheme other
    than ``binary``); the highlights and the rule that chose them; with ``detail``,
    every indicator in :data:`~achievement.render._view.TEXT_DETAIL_COLUMNS` (and the
    target each judgment used, when one was made as of a year), then, for a plan with
    years, the same indicators with one column per fiscal year (a terminal is too narrow
    for both in one table).
    """
    from rich import box
    from rich.table import Table

    console, out = plain_console(width)
    console.print(title(report, lang))
    for line in disagreement_heading(report, lang):
        console.print(line)
    differing = disagreement_rows(report, lang)
    if differing:
        console.print(
            _rows_table(label("disagreements", lang), DISAGREEMENT_COLUMNS, differing, lang)
        )
    summary = Table(title=label("summary", lang), box=box.SQUARE, show_lines=False)
    for number, key in enumerate(SUMMARY_COLUMNS):
        summary.add_column(
            label(key, lang), justify="left" if number == 0 else "right", overflow="fold"
        )
    rows = list(summary_rows(report, lang))
    for index, row in enumerate(rows):
        following = rows[index + 1].kind if index + 1 < len(rows) else None
        summary.add_row(
            *row.cells(lang),
            end_section=row.kind == "goal" or following in ("goal", "total"),
        )
    console.print(summary)
    console.print(f"{label('unique_indicators', lang)}: {report.unique_indicators}")
    console.print(label("rate_rule", lang))
    if report.problems:
        if coverage(report, lang):
            console.print(coverage(report, lang))
        console.print(label("problems", lang))
        for line in problem_lines(report, lang):
            console.print(f"  {line}")
    header, grade_rows = grade_table(report, lang)
    if header:
        grades = Table(title=label("grades", lang), box=box.SQUARE)
        for number, name in enumerate(header):
            if number == 0:
                grades.add_column(name, overflow="fold")
            else:
                grades.add_column(name, justify="right", overflow="fold", max_width=12)
        for index, (kind, row_cells) in enumerate(grade_rows):
            following = grade_rows[index + 1][0] if index + 1 < len(grade_rows) else None
            grades.add_row(*row_cells, end_section=kind == "goal" or following in ("goal", "total"))
        console.print(grades)
        console.print(scheme_rule(report, lang))
    for heading, section in highlight_sections(report, lang):
        console.print(_rows_table(heading, HIGHLIGHT_COLUMNS, section, lang))
    console.print(report.highlights.rule.get(lang))
    if detail:
        keys = detail_columns(report, TEXT_DETAIL_COLUMNS, years=False)
        detailed = detail_rows(report, lang)
        console.print(_rows_table(label("detail", lang), keys, detailed, lang))
        years = tuple(key for key in detail_columns(report, ()) if key not in keys)
        if years:  # a terminal is narrow: the years in a table of their own, row by row
            heading = label("detail_years", lang)
            console.print(_rows_table(heading, ("indicator", *years), detailed, lang))
    return terminal_text(out.getvalue())
