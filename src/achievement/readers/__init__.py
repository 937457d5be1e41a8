"""Readers: a plan from a CSV or XLSX detail table, or from a YAML or JSON plan file.

>>> result = read_plan(bundled_example())
>>> result.rows, len(result.plan.indicators), result.problems
(28, 28, ())
>>> result.plan.baseline_year, result.plan.target_year
(2020, 2025)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from achievement._errors import AchievementError
from achievement.readers._csv import csv_rows, decode
from achievement.readers._limits import Limits, read_bounded
from achievement.readers._result import Problem, ReadResult
from achievement.readers._table import FIELDS, IGNORE, read_rows

if TYPE_CHECKING:
    from achievement._judge import Judge
    from achievement.readers._planfile import dump_plan, plan_schema
    from achievement.readers._planfile import load_plan as load_plan
    from achievement.readers._planfile import parse_plan_text as parse_plan_text


def __getattr__(name: str) -> object:
    """The plan-file functions, imported when first asked for: reading a table never loads
    the plan-file reader and its models."""
    if name in ("dump_plan", "load_plan", "parse_plan_text", "plan_schema"):
        from achievement.readers import _planfile

        return getattr(_planfile, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FIELDS",
    "IGNORE",
    "SUFFIXES",
    "Limits",
    "Problem",
    "ReadResult",
    "bundled_example",
    "dump_plan",
    "plan_schema",
    "read_plan",
]

SUFFIXES: Mapping[str, str] = {
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
}
"""File suffixes and the format each is read as."""

EXAMPLE = "taito-2025.csv"


def read_plan(
    source: str | os.PathLike[str],
    *,
    columns: Mapping[str, str] | None = None,
    judge: Judge | None = None,
    limits: Limits | None = None,
) -> ReadResult:
    """Read a plan; the format is given by the file's suffix.

    ``columns`` maps headers as written to fields (:data:`FIELDS`, or
    :data:`IGNORE`) for tables whose headers are not recognised.  Cells are read,
    and the styles a row may state are known, as ``judge`` (by default the
    default judge, with its plugins) knows them; a row naming another style is
    a problem.  A file that is missing or
    cannot be read, or a table without the required columns, raises
    :class:`AchievementError` (for XLSX, naming the sheet read: only the
    first); unreadable cells are listed as problems.  A file beyond ``limits``
    (:class:`Limits`: rows, characters in a cell, bytes), or that is not a
    regular file, raises :class:`AchievementError` before it is read whole.
    """
    limits = limits or Limits()
    path = Path(source)
    file = os.fspath(source)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(SUFFIXES)
        raise AchievementError(
            f"unknown file type {path.suffix or '(none)'!r}; readable types: {known}",
            f"ファイルの種類「{path.suffix or '(なし)'}」は読めません。読める種類: {known}",
            file=file,
        )
    if fmt == "xlsx":
        from achievement.readers._xlsx import xlsx_rows

        table = xlsx_rows(read_bounded(path, file, limits), file=file, limits=limits)
        try:
            return read_rows(
                limits.rows(table.rows, file),
                file=file,
                columns=columns,
                judge=judge,
                formulas=table.formulas,
            )
        except AchievementError as exc:
            en, ja = table.note()
            raise AchievementError(
                f"{exc.en} ({en})", f"{exc.ja}({ja})", file=exc.file, row=exc.row, column=exc.column
            ) from exc
    text = decode(read_bounded(path, file, limits), file=file)
    if fmt == "csv":
        rows = limits.rows(csv_rows(text, file=file), file)
        return read_rows(rows, file=file, columns=columns, judge=judge)
    from achievement.readers._planfile import load_plan, parse_plan_text

    kind: Literal["yaml", "json"] = "yaml" if fmt == "yaml" else "json"
    data, lines = parse_plan_text(text, kind, file=file, limits=limits)
    return load_plan(data, file=file, judge=judge, lines=lines)


def bundled_example() -> Path:
    """The Taito City detail table (CSV) shipped with the package.

    Found inside the installed package, or in the ``examples`` folder of a
    source checkout.
    """
    packaged = resources.files("achievement") / "data" / EXAMPLE
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "examples" / "taito-2025" / EXAMPLE
    if checkout.is_file():
        return checkout
    raise AchievementError(
        f"the bundled example {EXAMPLE} is missing from this installation",
        f"同梱の例 {EXAMPLE} がこのインストールにありません",
    )
