"""The vectorised twin of the threshold style: plain numbers judged as polars expressions.

Each expression mirrors one step of the row judge (``rules/_compare.py``,
``_evaluator.infer_direction``, ``schemes/_measure.py`` and
:meth:`Scheme.grade_of`).  Amounts are doubles only where that is exact (see
:func:`~achievement.batch._parse.safe`); a measurement computed in floating
point is trusted only away from the edges where rounding could change what
follows (a grade's lower bound, the half of the fourth place): rows near an
edge are marked ``doubt`` and judged by the row judge instead.
"""

from __future__ import annotations

from decimal import Decimal

import polars as pl

from achievement.schemes import Basis, Scheme

__all__ = ["judge_threshold"]

_ULP = 1.2e-16  # half the spacing of doubles, relative
_SLACK = 16.0  # how many times the error bound a value must stay away from an edge


def _c(name: str) -> pl.Expr:
    return pl.col(name)


def _compatible(x: str, y: str) -> pl.Expr:
    """``rules._compare.compatible`` on the features of two cells."""
    ux, uy, px, py = _c(f"{x}_unit"), _c(f"{y}_unit"), _c(f"{x}_period"), _c(f"{y}_period")
    same_unit = (
        ux.eq_missing(uy) | (ux.is_null() & uy.ne("%")) | (uy.is_null() & ux.ne("%"))
    ).fill_null(False)
    same_period = (px.is_null() | py.is_null() | px.eq(py)).fill_null(False)
    return same_unit & same_period


def _cancel(x: pl.Expr, y: pl.Expr) -> pl.Expr:
    """The relative error bound of ``x - y`` computed in doubles (0 when exact)."""
    return pl.when(x == y).then(0.0).otherwise(_ULP * 2 * (x.abs() + y.abs()) / (x - y).abs())


def _grade(scheme: Scheme, values: dict[Basis, tuple[pl.Expr, pl.Expr]]) -> tuple[pl.Expr, pl.Expr]:
    """The grade label as :meth:`Scheme.grade_of` gives it, and whether a band edge is too near."""
    met = _c("outcome") == "achieved"
    evaluable = _c("outcome") != "not_evaluable"
    basis, _ = values[scheme.basis]
    undefined = basis.is_null()
    cannot = None if scheme.cannot_assess is None else scheme.cannot_assess.label
    first = pl.when(~evaluable).then(pl.lit(cannot, pl.String))
    chain = first.when(met & undefined).then(pl.lit(scheme.met_fallback.label))
    doubt = pl.lit(False)
    for grade in scheme.grades[:-1]:
        assert grade.min is not None
        value, rel = values[grade.basis or scheme.basis]
        bound = float(grade.min)
        holds = value > bound if grade.strict else value >= bound
        chain = chain.when(value.is_not_null() & holds).then(pl.lit(grade.label))
        # An exact value (rel 0: met, a sign) against a bound that is one double is exact.
        exact_bound = Decimal(bound) == grade.min
        tol = _SLACK * (rel * value.abs() + (0.0 if exact_bound else _ULP * abs(bound)))
        near = ((value - bound).abs() <= tol) & (tol > 0)
        doubt = doubt | (evaluable & near.fill_null(False))
    if scheme.unmet_grade is not None:
        chain = chain.when(undefined).then(pl.lit(scheme.unmet_grade))
    return chain.otherwise(pl.lit(scheme.grades[-1].label)), doubt


def _rounded(value: pl.Expr, rel: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """Four places half up, and whether the value is too near a half to round in doubles."""
    scaled = value.abs() * 10_000
    frac = scaled - scaled.floor()
    shown = value.sign() * (scaled + 0.5).floor()  # in ten-thousandths: see _places
    doubt = (
        ((frac - 0.5).abs() <= _SLACK * (rel + _ULP) * scaled + 1e-9) | (value.abs() > 1e11)
    ) & value.is_finite()
    return pl.when(value.is_infinite()).then(value).otherwise(shown), doubt.fill_null(False)


def judge_threshold(frame: pl.DataFrame, scheme: Scheme) -> pl.DataFrame:
    """Judge rows of plain numbers as the threshold style does, with a ``doubt`` column.

    ``frame`` holds the features of the three cells (``b_``, ``t_``, ``a_``
    prefixes) and ``direction``.  The result is right for the rows whose target
    and actual are quantities, with a quantity or missing baseline, all amounts
    exact as doubles (the rows ``judge_table`` sends here); any other row gets a
    result too, meaningless, which the caller replaces with the row judge's.
    """
    b, t, a = _c("b_amount"), _c("t_amount"), _c("a_amount")
    explicit = _c("direction")
    has_base = (_c("b_kind") == "quantity") & _compatible("b", "t")
    comparable = _compatible("t", "a")
    way = (
        pl.when(explicit.is_not_null())
        .then(explicit)
        .when(_c("t_bound").is_not_null())
        .then(pl.when(_c("t_bound") == "at_most").then(pl.lit("lower")).otherwise(pl.lit("higher")))
        .when(has_base & (b != t))
        .then(pl.when(t < b).then(pl.lit("lower")).otherwise(pl.lit("higher")))
        .when(t == 0)
        .then(pl.lit("lower"))
        .otherwise(pl.lit("higher"))
    )
    source = (
        pl.when(explicit.is_not_null())
        .then(pl.lit("explicit"))
        .when(_c("t_bound").is_not_null())
        .then(pl.lit("bound"))
        .when(has_base & (b != t))
        .then(pl.lit("baseline"))
        .when(t == 0)
        .then(pl.lit("zero_target"))
        .otherwise(pl.lit("default"))
    )
    lazy = (
        frame.lazy()
        .with_columns(comparable=comparable, has_base=has_base, way=way, source=source)
        .with_columns(met=pl.when(_c("way") == "higher").then(a >= t).otherwise(a <= t))
    )
    higher = _c("way") == "higher"
    outcome = (
        pl.when(~_c("comparable"))
        .then(pl.lit("not_evaluable"))
        .when(_c("met"))
        .then(pl.lit("achieved"))
        .otherwise(pl.lit("not_achieved"))
    )
    reason = (
        pl.when(~_c("comparable"))
        .then(pl.lit("threshold.incomparable"))
        .when(_c("met"))
        .then(pl.lit("threshold.meets_target"))
        .when(higher)
        .then(pl.lit("threshold.below_target"))
        .otherwise(pl.lit("threshold.above_target"))
    )
    inf = float("inf")
    degree = (
        pl.when(~_c("comparable") | (t < 0))
        .then(pl.lit(None, pl.Float64))
        .when(higher & (t > 0))
        .then(a / t)
        .when(higher & (a != 0))
        .then(a.sign() * inf)
        .when(higher)
        .then(pl.lit(1.0))
        .when(a > 0)
        .then(t / a)
        .when((a == 0) & (t == 0))
        .then(pl.lit(1.0))
        .otherwise(pl.lit(inf))
    )
    gap = t - b
    progress = (
        pl.when(
            _c("comparable") & _c("has_base") & (gap != 0) & ((gap < 0) == (_c("way") == "lower"))
        )
        .then((a - b) / gap)
        .otherwise(pl.lit(None, pl.Float64))
    )
    better = pl.when(higher).then(a - b).otherwise(b - a)
    change = (
        pl.when(~_c("comparable") | (_c("b_kind") != "quantity") | ~_compatible("b", "a"))
        .then(pl.lit(None, pl.Float64))
        .when(b == 0)
        .then(better.sign().cast(pl.Float64))
        .otherwise(better / b.abs())
    )
    lazy = lazy.with_columns(
        outcome=outcome,
        reason=reason,
        degree_raw=degree,
        progress_raw=progress,
        change_raw=change,
        degree_rel=pl.lit(3 * _ULP),
        progress_rel=_cancel(a, b) + _cancel(t, b) + 3 * _ULP,
        change_rel=pl.when(b == 0).then(0.0).otherwise(_cancel(a, b) + 3 * _ULP),
    )
    degree_shown, degree_doubt = _rounded(_c("degree_raw"), _c("degree_rel"))
    progress_shown, progress_doubt = _rounded(_c("progress_raw"), _c("progress_rel"))
    met_value = pl.when(_c("outcome") == "not_evaluable").then(None).otherwise(_c("met"))
    values = {
        Basis.MET: (met_value.cast(pl.Float64), pl.lit(0.0)),
        Basis.DEGREE: (_c("degree_raw"), _c("degree_rel")),
        Basis.PROGRESS: (_c("progress_raw"), _c("progress_rel")),
        Basis.CHANGE: (_c("change_raw"), _c("change_rel")),
        # a batch row has one actual and no years: pace and trajectory are undefined
        Basis.PACE: (pl.lit(None, pl.Float64), pl.lit(0.0)),
        Basis.TRAJECTORY: (pl.lit(None, pl.Float64), pl.lit(0.0)),
    }
    grade, grade_doubt = _grade(scheme, values)
    evaluable = _c("comparable")
    judged = lazy.select(
        "index",
        outcome=_c("outcome"),
        judged_style=pl.lit("threshold"),
        reason=_c("reason"),
        judged_direction=pl.when(evaluable).then(_c("way")),
        direction_source=pl.when(evaluable).then(_c("source")),
        degree=degree_shown,
        progress=progress_shown,
        grade=grade,
        problem_en=pl.lit(None, pl.String),
        problem_ja=pl.lit(None, pl.String),
        doubt=degree_doubt | progress_doubt | grade_doubt,
    ).collect()
    return judged.with_columns(_places(judged["degree"]), _places(judged["progress"]))


def _places(scaled: pl.Series) -> pl.Series:
    """Ten-thousandths back to the value: divided in numpy, because polars multiplies by
    the reciprocal (9500 * 0.0001 is 0.9500000000000001, not 0.95)."""
    values = scaled.to_numpy(allow_copy=True) / 10_000.0
    return pl.Series(scaled.name, values, dtype=pl.Float64).fill_nan(None)
