"""The batch path on Dask (extra ``dask``): judge a table too big for one machine.

:func:`judge_dataframe` maps :func:`~achievement.batch.judge_table` over the
partitions of a Dask DataFrame; each worker builds its own judge (the default
one, plus ``plugins``) once.  :func:`roll_up` counts the outcomes per group
(body, goal, measure...) across every partition and computes the achievement
rate from the summed counts, as :class:`~achievement.rollup.Tally` does.
:func:`run` reads Parquet or CSV, writes Parquet, and returns the roll-up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

try:
    import dask.dataframe as dd
    import pandas as pd
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    from achievement._errors import AchievementError

    raise AchievementError(
        "the Dask path needs dask and distributed: pip install 'achievement[dask]'",
        "Dask での判定には dask と distributed が必要です: pip install 'achievement[dask]'",
    ) from exc

from achievement._judge import Judge, default_judge
from achievement._rate import achievement_rate
from achievement.batch._table import judge_table
from achievement.schemes import Scheme, get_scheme
from achievement.schemes.presets import DEFAULT_SCHEME

__all__ = ["TALLY_COLUMNS", "judge_dataframe", "roll_up", "run"]

TALLY_COLUMNS: tuple[str, ...] = (
    "indicators",
    "achieved",
    "not_achieved",
    "not_evaluable",
    "problems",
    "rate",
)
"""The columns of a roll-up, after the grouping columns."""


@cache
def _judge(plugins: tuple[str, ...]) -> Judge:
    """The judge of this worker process, built once."""
    return Judge(plugins=plugins) if plugins else default_judge()


def _partition(
    frame: pd.DataFrame,
    columns: Mapping[str, str] | None,
    scheme: Scheme | str | None,
    plugins: tuple[str, ...],
) -> pd.DataFrame:
    judge = _judge(plugins)
    if not isinstance(scheme, Scheme):
        scheme = get_scheme(scheme or DEFAULT_SCHEME, judge)
    judged: pd.DataFrame = judge_table(frame, columns=columns, scheme=scheme, judge=judge)
    judged.index = frame.index
    return judged


def judge_dataframe(
    frame: dd.DataFrame,
    columns: Mapping[str, str] | None = None,
    scheme: Scheme | str | None = None,
    plugins: Sequence[str] = (),
) -> dd.DataFrame:
    """``frame`` with the judgment columns of :func:`~achievement.batch.judge_table` added.

    Lazy, like every Dask DataFrame: nothing is judged until it is computed or
    written.  ``plugins`` (module names importable on every worker) are loaded
    by each worker next to the installed ones.
    """
    args = (dict(columns) if columns else None, scheme, tuple(plugins))
    meta = _partition(frame._meta, *args)
    return frame.map_partitions(_partition, *args, meta=meta)


def roll_up(judged: dd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """The outcome counts and the achievement rate per group of ``by``, over every partition.

    Rows with a problem (no outcome) are counted in ``problems`` and stay out
    of the rate, as rows left out of a report do.
    """
    outcome = judged["outcome"]
    counts = judged[list(by)].assign(
        indicators=(~outcome.isna()).astype("int64"),
        achieved=(outcome == "achieved").astype("int64"),
        not_achieved=(outcome == "not_achieved").astype("int64"),
        not_evaluable=(outcome == "not_evaluable").astype("int64"),
        problems=outcome.isna().astype("int64"),
    )
    summed: pd.DataFrame = counts.groupby(list(by)).sum().compute()
    summed = summed.sort_index().reset_index()
    summed["rate"] = [
        achievement_rate(int(a), int(n))
        for a, n in zip(summed["achieved"], summed["not_achieved"], strict=True)
    ]
    return summed[[*by, *TALLY_COLUMNS]]


def run(
    source: str | Path,
    output: str | Path,
    *,
    by: Sequence[str] = (),
    columns: Mapping[str, str] | None = None,
    scheme: Scheme | str | None = None,
    plugins: Sequence[str] = (),
    **read: Any,
) -> pd.DataFrame | None:
    """Read Parquet or CSV files, judge them, write Parquet to ``output``; the roll-up by ``by``.

    ``source`` is a path or a glob (``kpi/*.parquet``, ``s3://...``); CSV
    cells are read as text.  Returns the roll-up by ``by``, or ``None`` when
    ``by`` is empty.
    """
    text = str(source)
    if text.lower().endswith(".csv"):
        frame = dd.read_csv(text, dtype=str, keep_default_na=False, na_values=[""], **read)
    else:
        frame = dd.read_parquet(text, **read)
    judged = judge_dataframe(frame, columns=columns, scheme=scheme, plugins=plugins)
    judged = judged.persist()
    judged.to_parquet(str(output), write_index=False)
    return roll_up(judged, by) if by else None
