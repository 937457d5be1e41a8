"""A number with thousands separators written unquoted in a CSV row is split into cells,
and every cell after it moves one column right: such a row is refused, never read shifted."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from achievement.readers import read_plan
from tests._table_rows import read

HEADER = ["基本目標", "評価指標", "計画策定時", "目標", "実績", "評価"]


def test_an_unquoted_number_refuses_its_row_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "kpi.csv"
    path.write_text(
        "基本目標,評価指標,計画策定時,目標,実績,評価\n"
        "しごと,新規創業件数,32件,40件,45件,達成\n"
        "しごと,観光入込客数,1,250万人,1,400万人,980万人,未達成\n"
        'しごと,農業産出額,"1,024億円","1,100億円","1,080億円",未達成\n',
        encoding="utf-8",
    )
    result = read_plan(path)
    assert [i.indicator.name for i in result.plan.indicators] == ["新規創業件数", "農業産出額"]
    assert [(p.row, p.column, p.text, p.code, p.severity) for p in result.problems] == [
        (3, "C", "1,250万人", "row.split_number", "error")
    ]
    message = result.problems[0].message
    assert message.ja == (
        "見出し(6列)より列が多く(8列)、C列からの「1」「250万人」は、桁区切りのカンマで分かれた"
        "一つの数値「1,250万人」とみられます。列がずれて読まれるため、この行は判定しません。"
        'CSV では桁区切りのある数値を引用符で囲んでください("1,250万人")'
    )
    assert message.en == (
        "the row has 8 cells, more than the header's 6, and '1', '250万人' from column C look "
        "like one number, '1,250万人', split at its thousands separators; the row would be read "
        "shifted and is not judged. In a CSV, put a number with thousands separators in quotes "
        '("1,250万人")'
    )
    assert result.unread_columns == ()  # the cells past the header are the split's, not a column


def test_a_number_split_twice_is_named_whole() -> None:
    result = read([HEADER, ["暮らし", "人口", "12", "345", "678人", "13万人", "12万人", ""]])
    assert result.plan.indicators == ()
    assert [(p.column, p.text) for p in result.problems] == [("C", "12,345,678人")]


def test_a_negative_number_split_is_refused() -> None:
    result = read([HEADER, ["暮らし", "転入超過数", "△1", "200人", "0人", "△45人", ""]])
    assert [(p.column, p.text) for p in result.problems] == [("C", "△1,200人")]


def test_a_row_as_long_as_its_header_is_read_as_written() -> None:
    """Two cells that could be one split number (32 | 100件), in a row no longer than the
    header, are two values: the baseline and the target."""
    result = read([HEADER, ["暮らし", "相談件数", "32", "100件", "120件", ""]])
    assert result.problems == ()
    (item,) = result.plan.indicators
    assert item.indicator.baseline is not None
    assert str(item.indicator.baseline.amount) == "32"  # type: ignore[union-attr]


def test_a_longer_row_without_a_split_number_keeps_its_note() -> None:
    """A note to the right of the table is not a split number: the row is read and the
    column without a header is named, as before."""
    result = read(
        [HEADER, ["暮らし", "相談件数", "32件", "100件", "120件", "", "R5から集計方法変更"]]
    )
    assert result.problems == ()
    assert [i.indicator.name for i in result.plan.indicators] == ["相談件数"]
    assert result.unread_columns == ("G",)


def test_four_digits_are_not_a_group_of_a_split_number() -> None:
    """`32` then `2018年度`, past the header, is a count and a year, not 32,018: the row is
    read, and the two columns without a header are named."""
    row = ["暮らし", "相談件数", "32件", "100件", "120件", "", "32", "2018年度"]
    result = read([HEADER, row])
    assert result.problems == ()
    assert [i.indicator.name for i in result.plan.indicators] == ["相談件数"]
    assert result.unread_columns == ("G", "H")


@given(
    amount=st.integers(min_value=1_000, max_value=10**12),
    unit=st.sampled_from(["", "人", "件", "万人", "円", "千円"]),
    where=st.integers(min_value=2, max_value=4),
)
def test_an_unquoted_separated_number_is_never_read(amount: int, unit: str, where: int) -> None:
    """Wherever the number stands, its row gives no indicator and one problem naming it (a
    number without a unit may take in the next value when it starts with three digits:
    ``1`` | ``000`` | ``200件`` reads as ``1,000,200件``, and the row is refused all the same)."""
    written = f"{amount:,}{unit}"
    cells = ["暮らし", "指標", "100件", "200件", "150件", ""]
    cells[where] = written
    row = ",".join(cells).split(",")  # as a CSV reader splits the unquoted line
    result = read([HEADER, row])
    assert result.plan.indicators == ()
    assert [(p.code, p.column) for p in result.problems] == [("row.split_number", "ABCDEF"[where])]
    named = result.problems[0].text
    assert named == written if unit else named.startswith(written)
