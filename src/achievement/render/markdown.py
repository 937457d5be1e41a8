"""Markdown: the summary table, the highlights with their rule, and the detail table."""

from __future__ import annotations

from achievement.render._safe import markdown_text
from achievement.render._view import (
    DISAGREEMENT_COLUMNS,
    HIGHLIGHT_COLUMNS,
    SUMMARY_COLUMNS,
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

__all__ = ["render"]


def _cell(text: str) -> str:
    text = markdown_text(text).replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("\r\n", "<br>").replace("\n", "<br>")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return lines


def render(report: Report, *, lang: str = "ja") -> str:
    """The report as a Markdown document: the judgments that differ from the published
    outcome first, then the summary, the grades, the highlights and the detail."""
    lines = [f"# {markdown_text(title(report, lang))}", ""]
    for line in disagreement_heading(report, lang):
        lines += [_cell(line), ""]
    differing = disagreement_rows(report, lang)
    if differing:
        lines += [f"## {label('disagreements', lang)}", ""]
        lines += _table(
            [label(key, lang) for key in DISAGREEMENT_COLUMNS],
            [[row[key] for key in DISAGREEMENT_COLUMNS] for row in differing],
        )
        lines.append("")
    lines += [f"## {label('summary', lang)}", ""]
    rows: list[list[str]] = []
    for row in summary_rows(report, lang):
        cells = row.cells(lang)
        if row.kind in ("goal", "total"):
            cells[0] = f"**{cells[0]}**"
        rows.append(cells)
    lines += _table([label(key, lang) for key in SUMMARY_COLUMNS], rows)
    lines += [
        "",
        f"{label('unique_indicators', lang)}: {report.unique_indicators}",
        "",
        label("rate_rule", lang),
        "",
    ]
    if report.problems:
        lines += [coverage(report, lang), ""] if coverage(report, lang) else []
        lines += [f"## {label('problems', lang)}", ""]
        lines += [f"- {_cell(line)}" for line in problem_lines(report, lang)]
        lines.append("")
    header, grade_rows = grade_table(report, lang)
    if header:
        lines += [f"## {label('grades', lang)}", ""]
        lines += _table(
            header,
            [
                [f"**{cells[0]}**", *cells[1:]] if kind in ("goal", "total") else cells
                for kind, cells in grade_rows
            ],
        )
        lines += ["", scheme_rule(report, lang), ""]
    for heading, section in highlight_sections(report, lang):
        lines += [f"## {heading}", ""]
        lines += _table(
            [label(key, lang) for key in HIGHLIGHT_COLUMNS],
            [[row[key] for key in HIGHLIGHT_COLUMNS] for row in section],
        )
        lines.append("")
    lines += [report.highlights.rule.get(lang), "", f"## {label('detail', lang)}", ""]
    keys = detail_columns(report)
    lines += _table(
        [column_label(key, lang) for key in keys],
        [[row[key] for key in keys] for row in detail_rows(report, lang)],
    )
    return "\n".join(lines) + "\n"
