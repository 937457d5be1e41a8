"""CSV: the title, the count of judgments that differ from the published outcome, then one
row per indicator under a header row of labels.

The lines above the header are the plan's name and the count (one cell each), as a city's
own tables have a title above the header; the rows that differ from the published outcome
come first, then the others, each in plan order, with the row of the source in ``行``.
"""

from __future__ import annotations

import io

from achievement.render._safe import csv_writer
from achievement.render._view import (
    DETAIL_COLUMNS,
    column_label,
    detail_columns,
    detail_row,
    disagreement_heading,
    title,
)
from achievement.rollup import Report

__all__ = ["COLUMNS", "render"]

COLUMNS: tuple[str, ...] = ("row", *DETAIL_COLUMNS)
"""The columns of the CSV, as label keys: the source row, then the detail columns (the
grade only under a scheme other than ``binary``; the target used and one column per fiscal
year for a plan with years, see :func:`~achievement.render._view.detail_columns`)."""


def render(report: Report, *, lang: str = "ja") -> str:
    """The report as CSV (RFC 4180 quoting, ``\\r\\n`` line ends)."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow([title(report, lang)])
    for line in disagreement_heading(report, lang):
        writer.writerow([line])
    writer.writerow([])
    keys = detail_columns(report, COLUMNS)
    writer.writerow([column_label(key, lang) for key in keys])
    ordered = sorted(report.results, key=lambda result: result.agrees is not False)
    for result in ordered:
        row = detail_row(result, lang, report.as_of)
        writer.writerow([row.get(key, "") for key in keys])
    return out.getvalue()
