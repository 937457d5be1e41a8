"""``achievement annotate``: fill the 評価 column of the city's own table.

The plan (XLSX or CSV) is judged as ``report`` judges it, and written to OUT
unchanged but for the 評価 column filled where blank, a 判定理由 column, and
under ``--scheme`` a 評価区分 column (see :mod:`achievement.render._annotate`).
OUT is never the input.  Exit codes as for ``report``: 1 when some rows
could not be read (their reason column names the problem), 2 on an error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from achievement._errors import AchievementError

__all__ = ["register", "run"]

_SUFFIXES = (".xlsx", ".csv")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``annotate`` subcommand."""
    from achievement.cli._options import add_columns_option, add_limit_options
    from achievement.cli._plugin_options import add_plugin_options
    from achievement.cli._scheme import add_scheme_option

    p = sub.add_parser(
        "annotate",
        parents=[common],
        help="fill the 評価 column of your own table / 表の評価欄に判定を記入",
        description="Judge every indicator of a plan (XLSX or CSV) and write a copy of the "
        "same file with its 評価 column filled where blank (or added after the last "
        "column) and a 判定理由 column added; under --scheme, a 評価区分 column too. "
        "Layout, styles, merged cells, formulas and other sheets are kept; the input is "
        "never written over.",
    )
    p.add_argument("file", metavar="FILE", help="the plan: .xlsx or .csv")
    p.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the annotated copy / 出力先"
    )
    add_columns_option(p)
    add_limit_options(p)
    add_plugin_options(p)
    add_scheme_option(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Judge the plan and write the annotated copy; return the exit code."""
    from achievement.cli._options import limits_from_args, parse_columns, tell_problems
    from achievement.cli._output import check_not_input, write_file
    from achievement.cli._plugin_options import judge_from_args
    from achievement.cli._scheme import resolve_scheme
    from achievement.readers import read_plan
    from achievement.render._annotate import annotate_csv, annotate_xlsx
    from achievement.rollup import evaluate_plan

    source, out = Path(args.file), Path(args.output)
    suffix = source.suffix.lower()
    if suffix not in _SUFFIXES:
        raise AchievementError(
            f"annotate writes .xlsx and .csv tables, not {source.suffix or '(none)'!r}",
            f"annotate で記入できるのは .xlsx と .csv の表です(「{source.suffix or '(なし)'}」"
            "は不可)",
            file=args.file,
        )
    if out.suffix.lower() != suffix:
        raise AchievementError(
            f"OUT must have the suffix of the input ({suffix})",
            f"出力先の拡張子は入力と同じ({suffix})にしてください",
            file=args.output,
        )
    check_not_input(args.output, source, args.scheme)  # before anything is judged
    columns = parse_columns(args.columns)
    judge = judge_from_args(args)
    result = read_plan(source, columns=columns or None, judge=judge, limits=limits_from_args(args))
    tell_problems(result, args.lang)
    scheme = resolve_scheme(args.scheme, result.plan, source, judge)
    report = evaluate_plan(result.plan, judge, scheme=scheme, problems=result.problems)
    annotate = annotate_xlsx if suffix == ".xlsx" else annotate_csv
    try:
        data, done = annotate(source, report, result.problems, lang=args.lang, columns=columns)
    except ModuleNotFoundError as exc:
        raise AchievementError(
            f"annotating XLSX needs {exc.name}: pip install 'achievement[xlsx]'",
            f"XLSX への記入には {exc.name} が必要です: pip install 'achievement[xlsx]'",
        ) from exc
    write_file(data, args.output)
    for line in done.lines(args.lang):
        print(f"{args.output}: {line}", file=sys.stderr)
    return 1 if result.problem_rows else 0
