"""``achievement report``: judge a whole plan and write the report.

Exit codes: 0 when every row was read; 1 when some rows could not be read
(each problem is printed on stderr and the report covers the rows that
could be read); 2 on an error that stops the report (file not found, a
missing optional dependency, ...).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from achievement._errors import AchievementError

if TYPE_CHECKING:
    from achievement.rollup import Report

__all__ = ["PROGRESS_THRESHOLD", "register", "run"]

PROGRESS_THRESHOLD = 200
"""Plans with more rows than this show a progress bar when stderr is a terminal."""

_EXTRAS = {"text": "cli", "md": None, "json": None, "csv": None, "xlsx": "xlsx", "html": "html"}

_EPILOG = (
    "exit status / 終了コード: 0 = every row read / 全行を読み込み; "
    "1 = some rows could not be read, reported on stderr, the report covers the rest / "
    "読めない行あり(標準エラーに表示、残りの行で報告書を作成); 2 = error / エラー"
)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``report`` subcommand."""
    from achievement.cli._options import (
        add_as_of_option,
        add_columns_option,
        add_limit_options,
    )
    from achievement.cli._plugin_options import add_plugin_options
    from achievement.render import FORMATS

    p = sub.add_parser(
        "report",
        parents=[common],
        help="judge a plan and write the report / 計画を評価して報告書を作成",
        description="Judge every indicator of a plan (CSV, XLSX, ...) and write the report: "
        "counts per measure and goal, achievement rate, main indicators, detail. "
        "Without FILE, the bundled Taito City example is used.",
        epilog=_EPILOG,
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="the plan (default: bundled example)")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: from the suffix of OUT, else text) / 出力形式",
    )
    p.add_argument("-o", "--output", metavar="OUT", default=None, help="write to OUT, not stdout")
    p.add_argument(
        "--title",
        metavar="TEXT",
        default=None,
        help="the plan's name heading the report (default: from the plan) / 計画の名称",
    )
    p.add_argument(
        "--detail",
        action="store_true",
        help="text format: also print every indicator / テキスト形式で全指標の一覧も表示",
    )
    add_as_of_option(p)
    add_columns_option(p)
    add_limit_options(p)
    add_plugin_options(p)
    from achievement.cli._scheme import add_scheme_option

    add_scheme_option(p)
    p.set_defaults(handler=run)


@contextmanager
def _progress_bar(total: int, lang: str) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr when it is a terminal and the plan is large."""
    if total <= PROGRESS_THRESHOLD or not sys.stderr.isatty():
        yield None
        return
    try:
        from rich.console import Console
        from rich.progress import Progress
    except ImportError:
        yield None
        return
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("評価中" if lang == "ja" else "judging", total=total)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


def _render(report: Report, fmt: str, lang: str, detail: bool = False) -> str | bytes:
    from achievement.render import render

    try:
        return render(report, fmt, lang=lang, detail=detail)
    except ModuleNotFoundError as exc:
        extra = _EXTRAS.get(fmt) or "all"
        raise AchievementError(
            f"the {fmt} format needs {exc.name}: pip install 'achievement[{extra}]'",
            f"{fmt} 形式には {exc.name} が必要です: pip install 'achievement[{extra}]'",
        ) from exc


_PIECEWISE = ("json", "html")


def _pieces(report: Report, fmt: str, lang: str) -> Iterator[str]:
    """:func:`_render`'s text piece by piece, for ``json`` and ``html``."""
    from achievement.render import json_

    if fmt == "json":
        return json_.chunks(report, lang=lang)
    try:
        from achievement.render import html

        return html.chunks(report, lang=lang)
    except ModuleNotFoundError as exc:
        raise AchievementError(
            f"the {fmt} format needs {exc.name}: pip install 'achievement[{_EXTRAS[fmt]}]'",
            f"{fmt} 形式には {exc.name} が必要です: pip install 'achievement[{_EXTRAS[fmt]}]'",
        ) from exc


def _write(output: str | bytes | Iterable[str], out: str | None, fmt: str) -> None:
    from achievement.cli._output import write_output

    write_output(output, out, fmt)


def run(args: argparse.Namespace) -> int:
    """Read the plan, judge it, write the report; return the exit code."""
    from achievement.cli._options import (
        as_of_from_args,
        limits_from_args,
        output_format,
        parse_columns,
        tell_problems,
    )
    from achievement.cli._output import check_not_input
    from achievement.cli._plugin_options import judge_from_args
    from achievement.cli._scheme import graded_by, resolve_scheme
    from achievement.readers import bundled_example, read_plan
    from achievement.render import FORMATS
    from achievement.rollup import evaluate_plan

    fmt = output_format(args.format, args.output, FORMATS)
    as_of = as_of_from_args(args)
    judge = judge_from_args(args)
    path = Path(args.file) if args.file else bundled_example()
    check_not_input(args.output, path, args.scheme)
    result = read_plan(
        path,
        columns=parse_columns(args.columns) or None,
        judge=judge,
        limits=limits_from_args(args),
    )
    plan = result.plan
    if args.title is not None and args.title.strip():
        plan = plan.model_copy(update={"title": args.title.strip()})
    scheme = resolve_scheme(args.scheme, plan, path, judge)
    result = graded_by(result, scheme)
    tell_problems(result, args.lang)
    gc.freeze()  # the plan read lives until the report is written: not walked by every collection
    with _progress_bar(len(plan.indicators), args.lang) as advance:
        report = evaluate_plan(
            plan,
            judge,
            progress=advance,
            scheme=scheme,
            problems=(*result.problems, *result.skipped),
            source_rows=result.rows,
            as_of=as_of,
        )
    if fmt in _PIECEWISE:  # written piece by piece, to a file or to stdout
        _write(_pieces(report, fmt, args.lang), args.output, fmt)
    else:
        _write(_render(report, fmt, args.lang, args.detail), args.output, fmt)
    return 1 if result.problem_rows else 0
