"""``achievement compare``: grade one plan under several schemes, side by side.

Each indicator gets one column per scheme; below, the grade distribution and
the rate under each scheme, and each scheme's rule in words.  Exit codes as
for ``report``: 0, 1 when some rows could not be read, 2 on an error.
"""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from achievement._errors import AchievementError

if TYPE_CHECKING:
    from achievement.rollup import Report

__all__ = ["FORMATS", "compare_data", "register", "render", "run"]

FORMATS: tuple[str, ...] = ("text", "md", "json", "csv")
"""The output formats of ``compare``."""

DEFAULT_SCHEMES = "binary,degree,progress,baseline-4,kenko21,soumu5"


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``compare`` subcommand."""
    from achievement.cli._options import add_columns_option, add_limit_options
    from achievement.cli._plugin_options import add_plugin_options

    p = sub.add_parser(
        "compare",
        parents=[common],
        help="grade a plan under several schemes side by side / 複数の評価区分で比較",
        description="Judge every indicator of a plan and grade it under several grading "
        "schemes, side by side, with each scheme's grade counts, rate and rule. "
        "Without FILE, the bundled Taito City example is used.",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="the plan (default: bundled example)")
    p.add_argument(
        "--schemes",
        default=DEFAULT_SCHEMES,
        metavar="NAME,...",
        help=f"comma-separated schemes or scheme files (default: {DEFAULT_SCHEMES}) / 評価区分",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: from the suffix of -o, else text)",
    )
    p.add_argument("-o", "--output", metavar="OUT", default=None, help="write to OUT, not stdout")
    add_columns_option(p)
    add_limit_options(p)
    add_plugin_options(p)
    p.set_defaults(handler=run)


def _labels(lang: str) -> dict[str, str]:
    from achievement.render.labels import label

    return {
        key: label(key, lang)
        for key in (
            "measure",
            "indicator",
            "baseline",
            "target",
            "actual",
            "outcome",
            "total",
            "ungraded",
            "grade_rate",
            "grades",
            "scheme",
            "rate",
        )
    }


def compare_data(reports: list[Report], lang: str) -> dict[str, Any]:
    """The reports of one plan under several schemes as one table of plain data."""
    from achievement._evaluator import display
    from achievement.render.labels import capitalised, measure_label, outcome_label

    first = reports[0]
    names = [report.scheme.name if report.scheme else "" for report in reports]
    rows = []
    for index, result in enumerate(first.results):
        indicator = result.entry.indicator
        grades = {}
        for name, report in zip(names, reports, strict=True):
            grade = report.results[index].grade
            grades[name] = None if grade is None else grade.label
        rows.append(
            {
                "measure": measure_label(result.entry.measure, lang),
                "indicator": indicator.name,
                "baseline": display(indicator.baseline),
                "target": display(indicator.target.value),
                "actual": display(indicator.actual.value),
                "outcome": result.outcome.value,
                "outcome_label": outcome_label(result.outcome, lang),
                "grades": grades,
            }
        )
    schemes = []
    for report in reports:
        scheme, tally = report.scheme, report.grades
        assert scheme is not None
        assert tally is not None
        schemes.append(
            {
                "name": scheme.name,
                "title": scheme.title.get(lang),
                "rule": scheme.rule.get(lang),
                "counts": dict(tally.counts),
                "grade_labels": {
                    label: capitalised(scheme.get(label).name(lang), lang)
                    for label in scheme.labels
                },
                "ungraded": tally.ungraded,
                "rate": None if tally.rate is None else str(tally.rate),
                "measure_grades": {
                    measure_label(m.measure, lang): m.grade.label
                    for m in report.measures
                    if m.grade is not None
                },
            }
        )
    return {"lang": lang, "schemes": schemes, "indicators": rows}


def _detail(data: dict[str, Any], lang: str) -> tuple[list[str], list[list[str]]]:
    words = _labels(lang)
    names = [scheme["name"] for scheme in data["schemes"]]
    shown = {scheme["name"]: scheme["grade_labels"] for scheme in data["schemes"]}
    header = [words["measure"], words["indicator"], words["baseline"], words["target"]]
    header += [words["actual"], words["outcome"], *names]
    rows = [
        [
            row["measure"],
            row["indicator"],
            row["baseline"],
            row["target"],
            row["actual"],
            row["outcome_label"],
            *(shown[name].get(row["grades"][name], "-") for name in names),
        ]
        for row in data["indicators"]
    ]
    return header, rows


def _distribution(scheme: dict[str, Any], lang: str) -> str:
    words = _labels(lang)
    shown = scheme["grade_labels"]
    counts = " / ".join(f"{shown[label]} {count}" for label, count in scheme["counts"].items())
    rate = "-" if scheme["rate"] is None else f"{scheme['rate']}%"
    return (
        f"{scheme['name']}: {counts} / {words['ungraded']} {scheme['ungraded']}; "
        f"{words['grade_rate']} {rate}"
    )


def _md_cell(text: str) -> str:
    from achievement.render._safe import markdown_text

    text = markdown_text(text).replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("\r\n", "<br>").replace("\n", "<br>")


def render(data: dict[str, Any], fmt: str, lang: str) -> str:
    """The comparison in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    header, rows = _detail(data, lang)
    if fmt == "csv":
        from achievement.render._safe import csv_writer

        out = io.StringIO()
        writer = csv_writer(out)
        writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue()
    words = _labels(lang)
    notes = [_distribution(scheme, lang) for scheme in data["schemes"]]
    rules = [f"{scheme['name']}: {scheme['rule']}" for scheme in data["schemes"]]
    measure_notes = [
        f"{scheme['name']}: "
        + "; ".join(
            f"{measure} {scheme['grade_labels'][grade]}"
            for measure, grade in scheme["measure_grades"].items()
        )
        for scheme in data["schemes"]
        if scheme["measure_grades"]
    ]
    if fmt == "md":
        lines = ["| " + " | ".join(_md_cell(h) for h in header) + " |"]
        lines.append("|" + "|".join("---" for _ in header) + "|")
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
        lines += ["", f"## {words['grades']}", ""]
        lines += [f"- {note}" for note in [*notes, *measure_notes]]
        lines += ["", f"## {words['scheme']}", ""]
        lines += [f"- {rule}" for rule in rules]
        return "\n".join(lines) + "\n"
    from rich import box
    from rich.table import Table

    from achievement.render.text_ import plain_console

    console, out = plain_console(140)
    table = Table(box=box.SQUARE)
    for name in header:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*row)
    console.print(table)
    console.print(words["grades"])
    for note in [*notes, *measure_notes]:
        console.print(f"  {note}")
    console.print(words["scheme"])
    for rule in rules:
        console.print(f"  {rule}")
    from achievement.render._safe import terminal_text

    return terminal_text(out.getvalue())


def run(args: argparse.Namespace) -> int:
    """Read the plan, grade it under each scheme, write the comparison; return the exit code."""
    from achievement.cli._options import (
        limits_from_args,
        output_format,
        parse_columns,
        tell_problems,
    )
    from achievement.cli._output import check_not_input, write_output
    from achievement.cli._plugin_options import judge_from_args
    from achievement.cli._scheme import graded_by
    from achievement.readers import bundled_example, read_plan
    from achievement.rollup import evaluate_plan, regrade
    from achievement.schemes import get_scheme

    names = [name.strip() for name in args.schemes.split(",") if name.strip()]
    if not names:
        raise AchievementError(
            "--schemes needs at least one scheme, e.g. --schemes binary,degree",
            "--schemes には評価区分を一つ以上指定してください(例: --schemes binary,degree)",
        )
    fmt = output_format(args.format, args.output, FORMATS)
    judge = judge_from_args(args)
    schemes = [get_scheme(name, judge) for name in names]
    path = Path(args.file) if args.file else bundled_example()
    check_not_input(args.output, path, *names)
    result = read_plan(
        path,
        columns=parse_columns(args.columns) or None,
        judge=judge,
        limits=limits_from_args(args),
    )
    for scheme in schemes:  # a published grade of a scheme compared is not an unknown word
        result = graded_by(result, scheme)
    tell_problems(result, args.lang)
    first = evaluate_plan(
        result.plan,
        judge,
        scheme=schemes[0],
        problems=(*result.problems, *result.skipped),
        source_rows=result.rows,
    )
    reports = [first, *(regrade(first, scheme) for scheme in schemes[1:])]
    try:
        output = render(compare_data(reports, args.lang), fmt, args.lang)
    except ModuleNotFoundError as exc:
        raise AchievementError(
            f"the {args.format} format needs {exc.name}: pip install 'achievement[cli]'",
            f"{args.format} 形式には {exc.name} が必要です: pip install 'achievement[cli]'",
        ) from exc
    write_output(output, args.output, fmt)
    return 1 if result.problem_rows else 0
