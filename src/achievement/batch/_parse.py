"""Reading the cells of a column: plain numbers in one vectorised pass, the rest once per text.

A cell is read by the vectorised pass only when it is a plain number with an
optional unit and bound (``80%``, ``110件``, ``15分以下``), and only when no
plugin reads cells (a plugin may claim any text) and when the notation itself
reads one cell of the same shape (sign, unit, bound, number of digits) to the
same quantity.  Every other distinct text is read once by the judge, so new
notation and new value kinds stay correct without this module knowing them.
"""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from achievement._errors import ParseError
from achievement._judge import Judge
from achievement._model import Bound, Column, Quantity, Value

__all__ = ["FEATURES", "Reader", "read_column"]

FEATURES = ("kind", "amount", "safe", "unit", "period", "bound")
"""What is known of each cell: its value kind, and for a quantity its parts."""

_PLAIN = r"^(-?)(0|[1-9][0-9]*)(\.[0-9]+)?([^\s0-9.,+\-−▲△()()]*?)(以上|以下|以内)?$"
_BOUND_WORDS = {
    "以上": Bound.AT_LEAST.value,
    "以下": Bound.AT_MOST.value,
    "以内": Bound.AT_MOST.value,
}
_MAX_DIGITS = 15  # a decimal of at most 15 digits is one double, and order is kept
_SCHEMA = {
    "text": pl.String,
    "kind": pl.String,
    "amount": pl.Float64,
    "safe": pl.Boolean,
    "unit": pl.String,
    "period": pl.String,
    "bound": pl.String,
}


class Reader:
    """``judge.parse_value`` read once per distinct column and text (refusals remembered too).

    The column (``baseline``, ``target``, ``actual``) is passed to the plugins'
    parse hooks: given to the call, or bound with :meth:`column`.
    """

    def __init__(
        self,
        judge: Judge,
        column: Column | None = None,
        memo: dict[tuple[Column | None, str | None], Value | ParseError] | None = None,
    ) -> None:
        self._judge = judge
        self._column = column
        self._memo = {} if memo is None else memo

    def column(self, column: Column) -> Reader:
        """This reader for the cells of ``column``, sharing what has been read."""
        return Reader(self._judge, column, self._memo)

    def __call__(self, text: str | None, column: Column | None = None) -> Value:
        key = (column or self._column, text)
        found = self._memo.get(key)
        if found is None:
            try:
                found = self._judge.parse_value(text, key[0])
            except ParseError as exc:
                found = exc
            self._memo[key] = found
        if isinstance(found, ParseError):
            raise found
        return found


def safe(amount: Decimal) -> bool:
    """Whether ``amount`` is one double that keeps its order and equality with others.

    >>> safe(Decimal("12.5")), safe(Decimal("1234567890.123456"))
    (True, False)
    """
    if not amount.is_finite():
        return False
    digits = amount.as_tuple().digits
    return amount == 0 or (len(digits) <= _MAX_DIGITS and -100 < amount.adjusted() < 100)


def _row(text: str, reader: Reader) -> dict[str, object]:
    try:
        value = reader(text)
    except ParseError:
        return {"text": text, "kind": "error"}
    if isinstance(value, Quantity):
        return {
            "text": text,
            "kind": value.kind,
            "amount": float(value.amount),
            "safe": safe(value.amount),
            "unit": value.unit,
            "period": None if value.period is None else value.period.value,
            "bound": None if value.bound is None else value.bound.value,
        }
    return {"text": text, "kind": value.kind}


def _plain_shapes(texts: pl.DataFrame, reader: Reader) -> set[str]:
    """The shapes of plain numbers that the notation reads as the vectorised pass does."""
    accepted = set()
    for shape, text in texts.group_by("shape").agg(pl.col("text").first()).iter_rows():
        if shape is None:
            continue
        m = pl.Series([text]).str.extract_groups(_PLAIN).struct.unnest().row(0)
        sign, whole, fraction, unit, bound = m
        try:
            value = reader(text)
        except ParseError:
            continue
        if (
            isinstance(value, Quantity)
            and value.amount == Decimal(f"{sign}{whole}{fraction or ''}")
            and value.unit == (unit or None)
            and value.period is None
            and (None if value.bound is None else value.bound.value) == _BOUND_WORDS.get(bound)
        ):
            accepted.add(shape)
    return accepted


def read_column(texts: pl.Series, reader: Reader, *, vectorised: bool) -> pl.DataFrame:
    """The features (:data:`FEATURES`) of every cell of ``texts``, in row order.

    Each distinct text is read once (cells repeat a lot), then spread over its rows.
    """
    column = pl.DataFrame({"text": texts.cast(pl.String)})
    distinct = _features(column.unique("text"), reader, vectorised=vectorised)
    return column.join(
        distinct, on="text", how="left", nulls_equal=True, maintain_order="left"
    ).drop("text")


def _features(frame: pl.DataFrame, reader: Reader, *, vectorised: bool) -> pl.DataFrame:
    """The features of each text of ``frame``, with the text."""
    if vectorised:
        parts = pl.col("text").str.extract_groups(_PLAIN)
        frame = frame.with_columns(
            sign=parts.struct.field("1"),
            whole=parts.struct.field("2"),
            fraction=parts.struct.field("3").fill_null(""),
            unit=parts.struct.field("4"),
            bound=parts.struct.field("5"),
        )
        frame = frame.with_columns(
            shape=pl.when(pl.col("whole").is_not_null()).then(
                pl.concat_str(
                    pl.col("sign"),
                    pl.col("whole").str.len_chars().cast(pl.String),
                    pl.col("fraction").str.len_chars().gt(0).cast(pl.String),
                    pl.col("unit"),
                    pl.col("bound").fill_null(""),
                    separator="|",
                )
            )
        )
        shapes = _plain_shapes(frame.select("text", "shape").unique("shape"), reader)
        digits = pl.concat_str(pl.col("whole"), pl.col("fraction").str.slice(1))
        frame = frame.with_columns(
            plain=pl.col("shape").is_in(list(shapes)).fill_null(False),
            amount=pl.concat_str(pl.col("sign"), pl.col("whole"), pl.col("fraction")).cast(
                pl.Float64, strict=False
            ),
            safe=digits.str.strip_chars_start("0").str.len_chars().le(_MAX_DIGITS)
            & pl.col("fraction").str.len_chars().le(40),
            unit=pl.when(pl.col("unit") != "").then(pl.col("unit")),
            bound=pl.col("bound").replace_strict(_BOUND_WORDS, default=None),
        )
    else:
        frame = frame.with_columns(
            plain=pl.lit(False),
            amount=pl.lit(None, pl.Float64),
            safe=pl.lit(None, pl.Boolean),
            unit=pl.lit(None, pl.String),
            bound=pl.lit(None, pl.String),
        )
    rest = frame.filter(~pl.col("plain") & pl.col("text").is_not_null())["text"].unique()
    read = pl.DataFrame([_row(text, reader) for text in rest], schema=_SCHEMA)
    frame = frame.join(read, on="text", how="left", suffix="_read", maintain_order="left")
    plain = pl.col("plain")
    return frame.select(
        "text",
        kind=pl.when(pl.col("text").is_null())
        .then(pl.lit("missing"))
        .when(plain)
        .then(pl.lit("quantity"))
        .otherwise(pl.col("kind")),
        amount=pl.when(plain).then(pl.col("amount")).otherwise(pl.col("amount_read")),
        safe=pl.when(plain).then(pl.col("safe")).otherwise(pl.col("safe_read")).fill_null(False),
        # Categorical: the judge compares units row by row, and codes compare faster.
        unit=pl.when(plain)
        .then(pl.col("unit"))
        .otherwise(pl.col("unit_read"))
        .cast(pl.Categorical),
        period=pl.when(plain)
        .then(pl.lit(None, pl.String))
        .otherwise(pl.col("period"))
        .cast(pl.Categorical),
        bound=pl.when(plain)
        .then(pl.col("bound"))
        .otherwise(pl.col("bound_read"))
        .cast(pl.Categorical),
    )
