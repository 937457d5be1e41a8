"""judge_table: a table of cell texts in, the same table with the judgments out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import polars as pl

from achievement._errors import AchievementError
from achievement._judge import BUILTIN_PLUGINS, Judge, default_judge
from achievement._model import Actual, Column, Direction, Indicator, Target
from achievement.batch._fast import judge_threshold
from achievement.batch._parse import FEATURES, Reader, read_column
from achievement.batch._row import OUTPUT_COLUMNS, RowResult, judge_row
from achievement.rules.threshold import ThresholdEvaluator
from achievement.schemes import Scheme, get_scheme
from achievement.schemes.presets import DEFAULT_SCHEME

__all__ = ["COLUMN_ROLES", "judge_table"]

COLUMN_ROLES: tuple[str, ...] = ("baseline", "target", "actual", "direction", "style", "name")
"""What a column of the input can be; the first three are required."""

_OUTPUT_SCHEMA = {
    "outcome": pl.String,
    "judged_style": pl.String,
    "reason": pl.String,
    "judged_direction": pl.String,
    "direction_source": pl.String,
    "degree": pl.Float64,
    "progress": pl.Float64,
    "grade": pl.String,
    "problem_en": pl.String,
    "problem_ja": pl.String,
}
_KEYS = ("baseline", "target", "actual", "direction", "style", "name")
_DIRECTIONS = [d.value for d in Direction]


def _plugin_hooks(judge: Judge, hook: str) -> list[str]:
    """The plugins other than the built-ins that implement ``hook``."""
    caller = getattr(judge.plugin_manager.hook, hook)
    return [
        impl.plugin_name
        for impl in caller.get_hookimpls()
        if impl.plugin_name not in BUILTIN_PLUGINS
    ]


def _builtin_threshold(judge: Judge) -> bool:
    """Whether ``threshold`` is the built-in style and the built-in inference runs."""
    pm = judge.plugin_manager
    return (
        "threshold" in judge.styles
        and isinstance(judge.registry["threshold"], ThresholdEvaluator)
        and pm.get_plugin("achievement.rules.infer") is not None
    )


def _to_polars(table: object) -> tuple[pl.DataFrame, str]:
    if isinstance(table, pl.DataFrame):
        return table, "polars"
    module = type(table).__module__.split(".")[0]
    if module == "pyarrow":
        frame = pl.from_arrow(table)
        assert isinstance(frame, pl.DataFrame)
        return frame, "arrow"
    if module == "pandas":
        return pl.from_pandas(table), "pandas"
    raise AchievementError(
        f"judge_table takes a pyarrow Table or a polars or pandas DataFrame, not {type(table).__name__}",
        f"judge_table に渡せるのは pyarrow の Table か polars・pandas の DataFrame です"
        f"({type(table).__name__} は渡せません)",
    )


def _from_polars(frame: pl.DataFrame, kind: str) -> Any:
    if kind == "arrow":
        return frame.to_arrow()
    if kind == "pandas":
        return frame.to_pandas()
    return frame


def _roles(frame: pl.DataFrame, columns: Mapping[str, str] | None) -> dict[str, str]:
    """Which column of ``frame`` plays each role; refuses what is missing or ambiguous."""
    given = dict(columns or {})
    unknown = sorted(set(given) - set(COLUMN_ROLES))
    if unknown:
        raise AchievementError(
            f"unknown column roles {unknown}; the roles are {', '.join(COLUMN_ROLES)}",
            f"列の役割 {unknown} はありません。役割は {', '.join(COLUMN_ROLES)} です",
        )
    roles = {}
    for role in COLUMN_ROLES:
        name = given.get(role, role)
        if name in frame.columns:
            roles[role] = name
        elif role in given or role in COLUMN_ROLES[:3]:
            raise AchievementError(
                f"the table has no column {name!r} for the {role}",
                f"表に{role}の列「{name}」がありません",
                column=name,
            )
    clash = sorted(set(OUTPUT_COLUMNS) & set(frame.columns))
    if clash:
        raise AchievementError(
            f"the table already has the output columns {clash}; rename them first",
            f"表に出力と同じ名前の列 {clash} があります。先に名前を変えてください",
        )
    return roles


def _text(series: pl.Series, *, blank_is_null: bool) -> pl.Series:
    text = series.cast(pl.String)
    if blank_is_null:
        text = text.str.strip_chars()
        text = pl.select(pl.when(text != "").then(text)).to_series()
    return text


def judge_table(
    table: Any,
    columns: Mapping[str, str] | None = None,
    scheme: Scheme | str | None = None,
    judge: Judge | None = None,
) -> Any:
    """Judge every row of ``table`` and return it with the judgment columns added.

    ``table`` is a pyarrow ``Table`` or a polars or pandas ``DataFrame`` whose
    ``baseline``, ``target`` and ``actual`` columns hold the cells as published
    (``columns`` maps these roles, and the optional ``direction``, ``style`` and
    ``name``, to other column names).  The result is the same kind of table with
    :data:`~achievement.batch.OUTPUT_COLUMNS` added: outcome, style, reason code,
    direction and its source, achievement degree and progress (four places),
    the grade under ``scheme`` (default ``binary``), and for a row that cannot
    be judged (a cell that cannot be read, an unknown style) no outcome and the
    problem in English and Japanese.

    Every row equals :func:`~achievement.batch.judge_row` on its texts.  Plain
    numbers under the threshold style are judged as vectorised expressions;
    distinct texts are read once; other rows are judged by the row judge once
    per distinct row.

    >>> import polars as pl
    >>> rows = pl.DataFrame({"baseline": ["31%", "36件"], "target": ["100%", "110件"],
    ...                      "actual": ["99%", "785件"]})
    >>> judge_table(rows, scheme="degree").select("outcome", "degree", "grade").rows()
    [('not_achieved', 0.99, 'B'), ('achieved', 7.1364, 'A')]
    """
    frame, kind = _to_polars(table)
    roles = _roles(frame, columns)
    judge = judge or default_judge()
    if not isinstance(scheme, Scheme):
        scheme = get_scheme(scheme or DEFAULT_SCHEME, judge)
    reader = Reader(judge)
    vectorised = not _plugin_hooks(judge, "achievement_parse_value")
    work = pl.DataFrame(
        {
            role: _text(frame[roles[role]], blank_is_null=role in ("direction", "style"))
            if role in roles
            else pl.repeat(None, frame.height, dtype=pl.String, eager=True).alias(role)
            for role in _KEYS
        }
    ).with_row_index("index")
    cells: tuple[tuple[str, Column], ...] = (("b", "baseline"), ("t", "target"), ("a", "actual"))
    for prefix, role in cells:
        features = read_column(work[role], reader.column(role), vectorised=vectorised)
        work = work.with_columns(features.rename({f: f"{prefix}_{f}" for f in FEATURES}))
    fast = _fast_rows(work, judge)
    # Every row is judged by the expressions, in row order (nothing to sort back); the rows
    # they cannot take, or not surely, are judged again by the row judge and put in place.
    judged = judge_threshold(work, scheme)
    slow = work.select("index", *_KEYS).filter(~fast | judged["doubt"].fill_null(True))
    result = judged.drop("index", "doubt")
    if not slow.is_empty():
        again = _judge_rows(slow, judge, scheme, reader)
        at = again["index"]
        result = result.with_columns(_put(result[c], at, again[c]) for c in OUTPUT_COLUMNS)
    return _from_polars(pl.concat([frame, result], how="horizontal"), kind)


def _put(column: pl.Series, at: pl.Series, values: pl.Series) -> pl.Series:
    """``column`` with ``values`` at the rows ``at``; a text column already holding them as is.

    (Rewriting a column of a million texts costs more than comparing the few rows; numbers
    are always written, as equal doubles may differ in sign: 0.0 and -0.0.)
    """
    if column.dtype == pl.String and column.gather(at).eq_missing(values).all():
        return column
    return column.scatter(at, values)


def _fast_rows(work: pl.DataFrame, judge: Judge) -> pl.Series:
    """Which rows the vectorised threshold judges."""
    if not _builtin_threshold(judge):
        return pl.Series([False] * work.height)
    c = pl.col
    mask = work.select(
        (c("t_kind") == "quantity")
        & (c("a_kind") == "quantity")
        & c("b_kind").is_in(["quantity", "missing"])
        & c("t_safe")
        & c("a_safe")
        & (c("b_safe") | (c("b_kind") == "missing"))
        & c("t_period").ne_missing("cumulative")
        & (c("direction").is_null() | c("direction").is_in(_DIRECTIONS))
        & (c("style").is_null() | (c("style") == "threshold"))
        # A bare number beside a unit takes the row's unit (or is refused), and ranks (位)
        # are lower-is-better: both are left to the row judge.
        & ~(_bare(c) & _with_unit(c))
        # A bare 2025 and 2024 could be years as well as counts: the row judge decides.
        & ~(_year_like(c, "t") & _year_like(c, "a"))
        & c("t_unit").ne_missing("位")
        & c("a_unit").ne_missing("位")
        & c("b_unit").ne_missing("位")
    ).to_series()
    if _plugin_hooks(judge, "achievement_infer_style"):
        mask = mask & _inferred_threshold(work, mask, judge)
    return mask.fill_null(False)


def _year_like(c: Callable[[str], pl.Expr], x: str) -> pl.Expr:
    """The cell is a bare whole number from 1900 to 2099, which may be a year."""
    amount = c(f"{x}_amount")
    return (
        c(f"{x}_unit").is_null()
        & c(f"{x}_period").is_null()
        & c(f"{x}_bound").is_null()
        & (amount == amount.floor())
        & amount.is_between(1900, 2099)
    ).fill_null(False)


def _bare(c: Callable[[str], pl.Expr]) -> pl.Expr:
    """Some number of the row has no unit."""
    return (
        c("t_unit").is_null()
        | c("a_unit").is_null()
        | ((c("b_kind") == "quantity") & c("b_unit").is_null())
    )


def _with_unit(c: Callable[[str], pl.Expr]) -> pl.Expr:
    """Some number of the row has a unit."""
    return (
        c("t_unit").is_not_null()
        | c("a_unit").is_not_null()
        | ((c("b_kind") == "quantity") & c("b_unit").is_not_null())
    )


def _inferred_threshold(work: pl.DataFrame, mask: pl.Series, judge: Judge) -> pl.Series:
    """Rows whose style is stated, or inferred as threshold with the plugins asked first."""
    reader = Reader(judge)
    keys = work.filter(mask & work["style"].is_null()).select(_KEYS).unique()
    claimed = []
    for row in keys.iter_rows(named=True):
        try:
            indicator = Indicator(
                name=row["name"] or "",
                baseline=reader(row["baseline"], "baseline"),
                target=Target(value=reader(row["target"], "target")),
                actual=Actual(value=reader(row["actual"], "actual")),
                direction=row["direction"],
            )
            style = judge.infer_style(indicator)
        except Exception:  # the row judge says what went wrong
            style = None
        claimed.append(style == "threshold")
    inferred = keys.with_columns(threshold=pl.Series(claimed, dtype=pl.Boolean))
    joined = work.select(_KEYS).join(
        inferred, on=list(_KEYS), how="left", nulls_equal=True, maintain_order="left"
    )
    return (work["style"].is_not_null() | joined["threshold"].fill_null(False)).alias("fast")


def _judge_rows(slow: pl.DataFrame, judge: Judge, scheme: Scheme, reader: Reader) -> pl.DataFrame:
    """The row judge on each distinct row of ``slow``, spread back over its rows."""
    keys = slow.select(_KEYS).unique()
    results: list[RowResult] = [
        judge_row(
            judge,
            scheme,
            baseline=row["baseline"],
            target=row["target"],
            actual=row["actual"],
            direction=row["direction"],
            style=row["style"],
            name=row["name"],
            parse=reader,
        )
        for row in keys.iter_rows(named=True)
    ]
    named = {key: f"key_{key}" for key in _KEYS}
    judged = pl.concat(
        [keys.rename(named), pl.DataFrame(results, schema=_OUTPUT_SCHEMA, orient="row")],
        how="horizontal",
    )
    return (
        slow.select("index", *_KEYS)
        .rename(named)
        .join(judged, on=list(named.values()), how="left", nulls_equal=True)
        .select("index", *OUTPUT_COLUMNS)
    )
