"""Options shared by the subcommands that read a plan."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from achievement._errors import AchievementError

if TYPE_CHECKING:
    from achievement.readers import Limits, ReadResult

__all__ = [
    "OUTPUT_SUFFIXES",
    "add_as_of_option",
    "add_columns_option",
    "add_limit_options",
    "as_of_from_args",
    "limits_from_args",
    "output_format",
    "parse_columns",
    "tell_problems",
]


def parse_columns(values: list[str] | None) -> dict[str, str]:
    """``HEADER=FIELD`` pairs as a mapping from header to field.

    >>> parse_columns(["KPI名=indicator", "R6実績=actual"])
    {'KPI名': 'indicator', 'R6実績': 'actual'}
    """
    mapping: dict[str, str] = {}
    for value in values or []:
        header, sep, field = value.rpartition("=")
        if not sep or not header.strip() or not field.strip():
            raise AchievementError(
                f"--columns {value!r}: write HEADER=FIELD, e.g. --columns 'KPI名=indicator'",
                f"--columns「{value}」: 見出し=項目 の形で書いてください(例: --columns 'KPI名=indicator')",
            )
        mapping[header.strip()] = field.strip()
    return mapping


def add_columns_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--columns HEADER=FIELD``, one pair per flag (read with :func:`parse_columns`).

    One value per flag, so a file named after the option is never taken for a pair.
    """
    from achievement.readers import FIELDS, IGNORE

    parser.add_argument(
        "--columns",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="read the column headed HEADER as FIELD, one of "
        f"{', '.join([*FIELDS, IGNORE])}; HEADER may be a two-row header joined by / "
        "(実績値/令和6年度) or a column letter (F); repeat for more columns "
        "(--columns A=x --columns B=y) / 見出しの列を項目として読む(2段の見出しは / でつなぐ、"
        "列記号も可。列ごとに繰り返す)",
    )


def add_as_of_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--as-of FY``: judge every indicator as of a fiscal year (:func:`as_of_from_args`)."""
    parser.add_argument(
        "--as-of",
        dest="as_of",
        metavar="FY",
        default=None,
        help="judge every indicator as of fiscal year FY (令和6年度, R6, 2024, FY2024): its value "
        "of that year against the target in force then; an indicator without a value for FY is "
        "not evaluable / 指定した年度の時点で評価(その年度の値がない指標は評価不能)",
    )


def as_of_from_args(args: argparse.Namespace) -> int | None:
    """The fiscal year ``--as-of`` names, or ``None`` without the option.

    The whole value must be one fiscal year (``令和6年度``, ``R6``, ``2024``,
    ``FY2024``, ``2024年度``); a calendar year (``2024年``) or anything else is refused.

    >>> as_of_from_args(argparse.Namespace(as_of="令和6年度")), as_of_from_args(
    ...     argparse.Namespace(as_of="FY2024"))
    (2024, 2024)
    """
    import unicodedata

    from achievement._years import parse_fiscal_year

    text: str | None = args.as_of
    if text is None:
        return None
    found = parse_fiscal_year(text, bare=True)
    whole = unicodedata.normalize("NFKC", text).strip()
    if found is None or found.end != len(whole) or found.suffix in ("年", "年末"):
        raise AchievementError(
            f"--as-of {text!r}: not a fiscal year; write it as 令和6年度, R6, 2024 or FY2024",
            f"--as-of「{text}」は年度として読めません。令和6年度、R6、2024、FY2024 "
            "のように書いてください",
        )
    return found.year


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--max-rows``, ``--max-cell-chars`` and ``--max-bytes`` (see :class:`Limits`)."""
    from achievement.readers import Limits

    default = Limits()
    for flag, dest, value, what in (
        ("--max-rows", "max_rows", default.max_rows, "rows of a table or indicators of a plan"),
        ("--max-cell-chars", "max_cell_chars", default.max_cell_chars, "characters in a cell"),
        ("--max-bytes", "max_bytes", default.max_bytes, "bytes of the file"),
    ):
        parser.add_argument(
            flag,
            dest=dest,
            type=_positive,
            default=value,
            metavar="N",
            help=f"refuse a file with more than N {what} (default: {value}) / 上限",
        )


def limits_from_args(args: argparse.Namespace) -> Limits:
    """The :class:`Limits` the options of :func:`add_limit_options` ask for."""
    from achievement.readers import Limits

    return Limits(
        max_rows=args.max_rows, max_cell_chars=args.max_cell_chars, max_bytes=args.max_bytes
    )


OUTPUT_SUFFIXES = {
    ".txt": "text",
    ".md": "md",
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
}
"""Output file suffixes and the format each stands for."""


def output_format(given: str | None, output: str | None, formats: Sequence[str]) -> str:
    """The format to write: ``given``, else the one ``output``'s suffix names, else text.

    A suffix that names none of ``formats`` is refused rather than written as text.

    >>> output_format(None, "report.HTML", ["text", "html"]), output_format("md", "x.txt", ["md"])
    ('html', 'md')
    """
    if given is not None:
        return given
    if output is None or not Path(output).suffix:
        return "text"
    suffix = Path(output).suffix.lower()
    fmt = OUTPUT_SUFFIXES.get(suffix)
    if fmt is None or fmt not in formats:
        known = ", ".join(s for s, f in OUTPUT_SUFFIXES.items() if f in formats)
        raise AchievementError(
            f"cannot tell the output format from the name: give --format, or end it with {known}",
            f"名前から出力の形式がわかりません。--format を指定するか、名前の末尾を {known} "
            "のいずれかにしてください",
            file=output,
        )
    return fmt


def tell_problems(result: ReadResult, lang: str) -> None:
    """Print what the reader met on stderr: rows left out as errors, warnings, notes, skipped rows."""
    from achievement.render._safe import terminal_text

    heads = {"error": "エラー" if lang == "ja" else "error"}
    warning = "警告" if lang == "ja" else "warning"
    for problem in result.problems:
        print(
            terminal_text(
                f"achievement: {heads.get(problem.severity, warning)}: {problem.line(lang)}"
            ),
            file=sys.stderr,
        )
    for note in result.notes(lang):
        print(terminal_text(f"achievement: {warning}: {note}"), file=sys.stderr)
    skipped = "読み飛ばし" if lang == "ja" else "skipped"
    for row in result.skipped:
        print(terminal_text(f"achievement: {skipped}: {row.line(lang)}"), file=sys.stderr)
