"""Options shared by the subcommands that read a plan."""

from __future__ import annotations

import argparse

from achievement._errors import AchievementError

__all__ = ["add_columns_option", "parse_columns"]


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
    """Add ``--columns HEADER=FIELD ...`` (read with :func:`parse_columns`)."""
    from achievement.readers import FIELDS, IGNORE

    parser.add_argument(
        "--columns",
        nargs="+",
        action="extend",
        default=[],
        metavar="HEADER=FIELD",
        help="read the column headed HEADER as FIELD, one of "
        f"{', '.join([*FIELDS, IGNORE])} / 見出しと項目の対応",
    )
