"""CSV: one row per indicator, with a header row of labels."""

from __future__ import annotations

import io

from achievement.render._safe import csv_writer
from achievement.render._view import DETAIL_COLUMNS, detail_rows
from achievement.render.labels import label
from achievement.rollup import Report

__all__ = ["render"]


def render(report: Report, *, lang: str = "ja") -> str:
    """The detail rows as CSV (RFC 4180 quoting, ``\\r\\n`` line ends)."""
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow([label(key, lang) for key in DETAIL_COLUMNS])
    for row in detail_rows(report, lang):
        writer.writerow([row[key] for key in DETAIL_COLUMNS])
    return out.getvalue()
