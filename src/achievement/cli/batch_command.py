"""``achievement batch``: judge a whole table of cells (Parquet or CSV) into a Parquet or CSV.

Exit codes: 0 when every row was judged; 1 when some rows could not be (each
such row keeps its input and says why in ``problem_en`` / ``problem_ja``); 2
on an error that stops the run (file not found, polars not installed, ...).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path
from typing import Any

from achievement._errors import AchievementError

__all__ = ["register", "run"]

_FORMATS = (".parquet", ".csv")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``batch`` subcommand."""
    from achievement.cli._plugin_options import add_plugin_options
    from achievement.cli._scheme import add_scheme_option

    p = sub.add_parser(
        "batch",
        parents=[common],
        help="judge a whole table (Parquet or CSV) into Parquet or CSV / 表を一括判定",
        description="Judge every row of a table of cell texts (columns baseline, target, "
        "actual, and optionally direction, style, name) and write it with the judgment "
        "columns added. Needs the extra 'batch'. / 表の全行を一括で判定します。",
    )
    p.add_argument("table", type=Path, metavar="IN", help="input .parquet or .csv / 入力")
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT", help="output .parquet or .csv"
    )
    p.add_argument(
        "--column",
        dest="columns",
        action="append",
        default=[],
        metavar="ROLE=NAME",
        help="the column that plays ROLE (baseline, target, actual, direction, style, name); "
        "repeatable / 役割ごとの列名(繰り返し指定可)",
    )
    add_scheme_option(p)
    add_plugin_options(p)
    p.set_defaults(handler=run)


def _suffix(path: Path, what_en: str, what_ja: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        raise AchievementError(
            f"the {what_en} {path} must end in .parquet or .csv",
            f"{what_ja} {path} の拡張子は .parquet か .csv にしてください",
            file=str(path),
        )
    return suffix


def _roles(given: list[str]) -> dict[str, str]:
    roles = {}
    for item in given:
        role, sep, name = item.partition("=")
        if not sep or not role.strip() or not name.strip():
            raise AchievementError(
                f"--column {item!r} must read ROLE=NAME, as in target=目標値",
                f"--column「{item}」は 役割=列名 の形で書いてください(例: target=目標値)",
                column="--column",
            )
        roles[role.strip()] = name.strip()
    return roles


def _csv_safe(frame: Any) -> Any:
    """The frame with every text cell that a spreadsheet would run as a formula quoted.

    The rule of the CSV report (:func:`achievement.render._safe.spreadsheet_text`),
    as one vectorised expression per text column: a leading ``'`` before text
    that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return,
    unless it is a plain number or a dash for "none".
    """
    import polars as pl

    from achievement.render._safe import FORMULA_STARTS, NUMBER_PATTERN

    starts = "^[" + "".join(re.escape(c) for c in FORMULA_STARTS) + "]"

    def safe(name: str) -> Any:
        text = pl.col(name)
        formula = (
            text.str.contains(starts)
            & ~text.str.contains(f"^(?:{NUMBER_PATTERN})$")
            & (text.str.strip_chars("-") != "")
        )
        return pl.when(formula).then(pl.lit("'") + text).otherwise(text).alias(name)

    texts = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    return frame.with_columns(safe(name) for name in texts)


def run(args: argparse.Namespace) -> int:
    """Read, judge and write the table; exit 0, or 1 when some rows have a problem."""
    source: Path = args.table
    target: Path = args.output
    kind_in = _suffix(source, "input", "入力")
    kind_out = _suffix(target, "output", "出力")
    if not source.is_file():
        raise AchievementError(
            f"file not found: {source}", f"ファイルがありません: {source}", file=str(source)
        )
    from achievement.cli._output import check_not_input, write_file

    check_not_input(str(target), source)
    roles = _roles(args.columns)
    from achievement.batch import judge_table  # says which extra to install when missing
    from achievement.cli._plugin_options import judge_from_args
    from achievement.schemes import get_scheme
    from achievement.schemes.presets import DEFAULT_SCHEME

    judge = judge_from_args(args)
    import polars as pl

    scheme = get_scheme(args.scheme or DEFAULT_SCHEME, judge)
    text = ""
    try:
        if kind_in == ".csv":
            from achievement.readers._csv import decode

            # UTF-8 or Shift_JIS as Japanese Excel saves it; anything else is refused
            text = decode(source.read_bytes(), file=str(source))
            frame = pl.read_csv(io.StringIO(text), infer_schema=False)
        else:
            frame = pl.read_parquet(source)
    except (OSError, pl.exceptions.PolarsError) as exc:
        ragged = _ragged(text, str(source)) if text else None
        if ragged is not None:
            raise ragged from None
        raise AchievementError(
            f"cannot read the table {source}: {exc}",
            f"表 {source} を読めません: {exc}",
            file=str(source),
        ) from exc
    del text
    judged = judge_table(frame, columns=roles, scheme=scheme, judge=judge)
    buffer = io.BytesIO()
    if kind_out == ".csv":
        _csv_safe(judged).write_csv(buffer)
    else:
        judged.write_parquet(buffer)
    write_file(buffer.getvalue(), str(target))  # atomic: the previous file stays on failure
    from achievement.render._safe import terminal_text

    first = 2 if kind_in == ".csv" else 1  # a CSV's header is its line 1
    problems = judged.with_row_index("row", offset=first).filter(pl.col("problem_en").is_not_null())
    for row in problems.head(20).iter_rows(named=True):
        text = row["problem_ja"] if args.lang == "ja" else row["problem_en"]
        where = f"{row['row']}行目" if args.lang == "ja" else f"row {row['row']}"
        print(terminal_text(f"achievement: {source}, {where}, {text}"), file=sys.stderr)
    if problems.height:
        head = "行を判定できませんでした" if args.lang == "ja" else "rows could not be judged"
        print(f"achievement: {problems.height} {head}", file=sys.stderr)
    done = "行を判定しました" if args.lang == "ja" else "rows judged"
    print(terminal_text(f"{judged.height} {done}: {target}"))
    return 1 if problems.height else 0


def _ragged(text: str, file: str) -> AchievementError | None:
    """The first CSV record with more cells than the header, as an error naming it."""
    from achievement.readers._csv import csv_rows

    width = None
    for number, cells in csv_rows(text, file=file):
        if width is None:
            width = len(cells)
        elif len(cells) > width:
            shown = ",".join(cells)
            return AchievementError(
                f"the row has {len(cells)} cells, more than the header's {width}: {shown!r}."
                ' A number with thousands separators must be in quotes ("1,250")',
                f"セルが{len(cells)}個あり、見出しの{width}個より多くなっています: "
                f'「{shown}」。桁区切りのある数値は引用符で囲んでください("1,250")',
                file=file,
                row=number,
            )
    return None
