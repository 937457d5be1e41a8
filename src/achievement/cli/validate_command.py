"""``achievement validate FILE``: list every cell and row that cannot be read."""

from __future__ import annotations

import argparse
from typing import Any

from achievement.cli._options import (
    add_columns_option,
    add_limit_options,
    limits_from_args,
    parse_columns,
)
from achievement.cli._plugin_options import add_plugin_options, judge_from_args


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``validate`` subcommand."""
    p = sub.add_parser(
        "validate",
        parents=[common],
        help="check a plan file / 計画ファイルを検査",
        description="Read a plan (CSV, XLSX, YAML or JSON) and list every problem as "
        "FILE:ROW: COLUMN: TEXT: MESSAGE; exit 1 when there is any. With --scheme, a "
        "published 評価 cell holding one of the scheme's grades is not a warning. "
        "計画を読み込み、読めない箇所をすべて表示します。",
    )
    p.add_argument("file", metavar="FILE", help="the plan: .csv .xlsx .yaml .yml .json")
    add_columns_option(p)
    add_limit_options(p)
    add_plugin_options(p)
    from achievement.cli._scheme import add_scheme_option

    add_scheme_option(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Print every problem; exit 1 if there is any, else 0."""
    from achievement.readers import read_plan
    from achievement.render._safe import terminal_text

    judge = judge_from_args(args)
    result = read_plan(
        args.file,
        columns=parse_columns(args.columns),
        judge=judge,
        limits=limits_from_args(args),
    )
    if args.scheme is not None:
        from pathlib import Path

        from achievement.cli._scheme import graded_by, resolve_scheme

        result = graded_by(result, resolve_scheme(args.scheme, result.plan, Path(args.file), judge))
    for problem in result.problems:
        print(terminal_text(problem.line(args.lang)))
    for note in result.notes(args.lang):
        print(terminal_text(f"{args.file}: {note}"))
    for row in result.skipped:
        print(terminal_text(row.line(args.lang)))
    rows, read = result.rows, len(result.plan.indicators)
    bad = rows - read
    warnings = len(result.warnings)
    errors = len(result.problems) - warnings
    skipped = len(result.skipped)
    if args.lang == "ja":
        print(
            f"{args.file}: {rows}行中 {read}行を読み込みました。"
            f"問題 {errors}件(読めなかった行 {bad}行)、注意 {warnings}件"
            + (f"、見出し・合計の行として読み飛ばした行 {skipped}行。" if skipped else "。")
        )
    else:
        print(
            f"{args.file}: read {read} of {rows} rows; {errors} problem(s) in {bad} row(s) "
            f"left out, {warnings} warning(s)"
            + (f"; {skipped} heading or totals row(s) skipped." if skipped else ".")
        )
    return 1 if result.problems else 0
