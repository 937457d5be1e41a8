"""The batch path on a Dask cluster: the same judgments, and roll-ups across partitions."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from achievement.batch import OUTPUT_COLUMNS, judge_table  # noqa: E402
from achievement.batch.dask import judge_dataframe, roll_up, run  # noqa: E402

ROWS = [
    # body, goal, baseline, target, actual
    ("台東区", "1", "36件", "110件", "785件"),  # achieved
    ("台東区", "1", "31%", "100%", "99%"),  # not achieved
    ("台東区", "2", "実施", "推進", "推進"),  # achieved
    ("台東区", "2", "-", "-", "10件"),  # not evaluable: no target
    ("墨田区", "1", "10", "5", "4"),  # achieved (lower is better)
    ("墨田区", "1", "x%%", "1件", "1件"),  # cannot be read
    ("墨田区", "1", "2種類", "充実", "2種類"),  # not achieved
]


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _frame() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=["body", "goal", "baseline", "target", "actual"])


def test_partitions_judge_as_one_table(client: distributed.Client) -> None:
    whole = judge_table(_frame())
    parted = judge_dataframe(dd.from_pandas(_frame(), npartitions=3)).compute()
    assert parted[list(OUTPUT_COLUMNS)].astype(object).where(
        parted.notna(), None
    ).values.tolist() == (
        whole[list(OUTPUT_COLUMNS)].astype(object).where(whole.notna(), None).values.tolist()
    )


def test_roll_up_counts_across_partitions(client: distributed.Client) -> None:
    judged = judge_dataframe(dd.from_pandas(_frame(), npartitions=3), scheme="degree")
    bodies = roll_up(judged, ["body"]).set_index("body")
    assert bodies.loc[
        "台東区", ["indicators", "achieved", "not_achieved", "not_evaluable"]
    ].tolist() == [4, 2, 1, 1]
    assert bodies.loc["台東区", "rate"] == Decimal("66.7")
    assert bodies.loc[
        "墨田区", ["indicators", "achieved", "not_achieved", "problems"]
    ].tolist() == [2, 1, 1, 1]
    goals = roll_up(judged, ["body", "goal"])
    assert goals[["body", "goal", "indicators"]].values.tolist() == [
        ["台東区", "1", 2],
        ["台東区", "2", 2],
        ["墨田区", "1", 2],
    ]


def test_run_reads_csv_and_writes_parquet(client: distributed.Client, tmp_path: Path) -> None:
    source = tmp_path / "kpi.csv"
    _frame().to_csv(source, index=False)
    rolled = run(source, tmp_path / "out", by=["body"])
    assert rolled is not None
    assert rolled["achieved"].tolist() == [2, 1]
    written = pd.read_parquet(tmp_path / "out")
    assert len(written) == len(ROWS)
    assert set(OUTPUT_COLUMNS) <= set(written.columns)
