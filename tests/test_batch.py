"""The batch path: judge_table equals judging row by row, plugins included."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

pl = pytest.importorskip("polars")
pa = pytest.importorskip("pyarrow")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from achievement import AchievementError, Judge  # noqa: E402
from achievement.batch import OUTPUT_COLUMNS, judge_row, judge_table  # noqa: E402
from achievement.schemes import get_scheme  # noqa: E402

PLAIN = Judge(autoload=False)
PLUGGED = Judge()  # with the installed plugins (the example plugin adds ``range``)
SCHEMES = ("binary", "degree", "progress", "baseline-4", "kenko21", "soumu5")

UNITS = ("", "%", "件", "人", "分", "円")


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """A number as plans write it: plain, with a unit, a bound, a sign or a period."""
    amount = draw(
        st.one_of(
            st.integers(-5, 200).map(str),
            st.decimals(Decimal("-10"), Decimal("1000"), places=draw(st.integers(1, 3))).map(
                lambda d: f"{d:f}"
            ),
            st.sampled_from(["0", "0.08", "0.1", "80", "100", "1234567890123456", "0.00005"]),
        )
    )
    unit = draw(st.sampled_from(UNITS))
    prefix = draw(st.sampled_from(["", "", "", "年", "累計"]))
    bound = draw(st.sampled_from(["", "", "", "以上", "以下", "以内"]))
    return f"{prefix}{amount}{unit}{bound}"


WORDS = st.sampled_from(["増加", "減少", "維持", "実施", "推進", "検討", "未実施"])
OTHER = st.sampled_from(
    [
        "",
        "-",
        "―",
        "集計中",
        "年5件(累計31件)",
        "年3件(累計20件)",
        "小 95% 中 90%",
        "小 90% 中 95%",
        "80%〜90%",
        "3〜5件",
        "x%%",
        "1,200件",
        "1.2万人",
        "８０％",
    ]
)
CELLS = st.one_of(numbers(), numbers(), numbers(), WORDS, OTHER, st.none())


@st.composite
def tables(draw: st.DrawFn) -> dict[str, list[str | None]]:
    n = draw(st.integers(1, 25))
    pool = draw(st.lists(CELLS, min_size=1, max_size=12))  # cells repeat, as in real tables
    cell = st.one_of(st.sampled_from(pool), CELLS)
    return {
        "baseline": draw(st.lists(cell, min_size=n, max_size=n)),
        "target": draw(st.lists(cell, min_size=n, max_size=n)),
        "actual": draw(st.lists(cell, min_size=n, max_size=n)),
        "direction": draw(
            st.lists(
                st.sampled_from([None, None, "higher", "lower", "", "up"]), min_size=n, max_size=n
            )
        ),
        "style": draw(
            st.lists(
                st.sampled_from([None, None, None, "threshold", "range", "ordinal", "bogus"]),
                min_size=n,
                max_size=n,
            )
        ),
    }


def _same(left: tuple[object, ...], right: tuple[object, ...]) -> bool:
    return all(
        (
            isinstance(a, float)
            and isinstance(b, float)
            and (a == b or (math.isnan(a) and math.isnan(b)))
        )
        or a == b
        for a, b in zip(left, right, strict=True)
    )


@pytest.mark.parametrize("judge", [PLAIN, PLUGGED], ids=["builtin", "plugins"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=tables(), scheme_name=st.sampled_from(SCHEMES))
def test_judge_table_equals_the_row_judge(
    judge: Judge, data: dict[str, list[str | None]], scheme_name: str
) -> None:
    scheme = get_scheme(scheme_name, judge)
    result = judge_table(pl.DataFrame(data), scheme=scheme, judge=judge)
    got = result.select(OUTPUT_COLUMNS).rows()
    for n, row in enumerate(zip(*data.values(), strict=True)):
        b, t, a, d, s = row
        style = s.strip() if s and s.strip() else None
        expected = judge_row(
            judge, scheme, baseline=b, target=t, actual=a, direction=d, style=style
        )
        assert _same(got[n], tuple(expected)), (row, got[n], expected)


def test_plain_numbers_take_the_vectorised_path_exactly() -> None:
    """Edges where doubles could round the wrong way give the exact answer."""
    data = {
        "baseline": ["0", "0.1", "10", None, "1", "100"],
        "target": ["0.1", "0.08", "5", "100", "0.00003", "100.00001"],
        "actual": ["0.08", "0.1", "4", "80", "0.00001", "100.000005"],
    }
    degree = get_scheme("degree", PLAIN)
    got = judge_table(pl.DataFrame(data), scheme=degree, judge=PLAIN)
    assert got["outcome"].to_list() == [
        "not_achieved",
        "not_achieved",
        "achieved",
        "not_achieved",
        "achieved",
        "not_achieved",
    ]
    assert got["degree"].to_list() == [0.8, 0.8, 1.25, 0.8, 3.0, 1.0]
    assert got["grade"].to_list()[:4] == ["B", "B", "A", "B"]  # 0.8 is the edge of B


def test_every_kind_of_table_comes_back_as_it_came() -> None:
    data = {"baseline": ["31%"], "target": ["100%"], "actual": ["99%"]}
    arrow = judge_table(pa.table(data), judge=PLAIN)
    assert isinstance(arrow, pa.Table)
    assert arrow.column("outcome").to_pylist() == ["not_achieved"]
    pd = pytest.importorskip("pandas")
    frame = judge_table(pd.DataFrame(data), judge=PLAIN)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["reason"]) == ["threshold.below_target"]


def test_columns_name_the_roles() -> None:
    data = pl.DataFrame({"策定時": ["10"], "目標": ["5"], "実績": ["6"], "方向": ["higher"]})
    roles = {"baseline": "策定時", "target": "目標", "actual": "実績", "direction": "方向"}
    got = judge_table(data, columns=roles, judge=PLAIN)
    assert got.select("outcome", "direction_source").row(0) == ("achieved", "explicit")


@pytest.mark.parametrize(
    ("data", "columns", "words"),
    [
        ({"target": ["1"], "actual": ["1"]}, None, "baseline"),
        ({"baseline": ["1"], "target": ["1"], "actual": ["1"]}, {"style": "様式"}, "様式"),
        ({"baseline": ["1"], "target": ["1"], "actual": ["1"], "grade": ["A"]}, None, "grade"),
        ({"baseline": ["1"], "target": ["1"], "actual": ["1"]}, {"goal": "x"}, "goal"),
    ],
)
def test_tables_that_cannot_be_read_are_refused(
    data: dict[str, list[str]], columns: dict[str, str] | None, words: str
) -> None:
    with pytest.raises(AchievementError, match=words):
        judge_table(pl.DataFrame(data), columns=columns, judge=PLAIN)


def test_not_a_table_is_refused() -> None:
    with pytest.raises(AchievementError, match="pyarrow Table"):
        judge_table([("1", "2", "3")], judge=PLAIN)
