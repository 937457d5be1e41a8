"""A unit column (単位) beside bare numbers, as prefectural KPI tables are laid out: each
bare number of the row is read with the unit written after it."""

from __future__ import annotations

from decimal import Decimal

from achievement import Judge, Outcome, Quantity
from achievement.readers import ReadResult
from tests._table_rows import read

HEADER = ["指標名", "単位", "基準値", "目標値", "実績値"]
JUDGE = Judge(autoload=False)


def amounts(result: ReadResult, field: str) -> list[tuple[Decimal, str | None]]:
    found = []
    for item in result.plan.indicators:
        value = getattr(item.indicator, field)
        value = value if isinstance(value, Quantity) else value.value
        assert isinstance(value, Quantity)
        found.append((value.amount, value.unit))
    return found


def test_bare_numbers_take_the_unit_of_their_row() -> None:
    result = read(
        [
            HEADER,
            ["新規就農者数", "人", "12", "20", "18"],
            ["観光入込客数", "万人", "1,250", "1,400万人", "1,500"],
            ["満足度", "%", "45.2", "60", "58.1"],
            ["件数", "", "3", "5", "4"],
        ]
    )
    assert result.problems == ()
    assert result.unread_columns == ()
    assert amounts(result, "baseline") == [
        (Decimal(12), "人"),
        (Decimal(12_500_000), "人"),
        (Decimal("45.2"), "%"),
        (Decimal(3), None),
    ]
    assert amounts(result, "target") == [
        (Decimal(20), "人"),
        (Decimal(14_000_000), "人"),  # its own unit: not 1,400万万人
        (Decimal(60), "%"),
        (Decimal(5), None),
    ]
    outcomes = [JUDGE.judge(i.indicator).outcome for i in result.plan.indicators]
    assert outcomes == [
        Outcome.NOT_ACHIEVED,
        Outcome.ACHIEVED,
        Outcome.NOT_ACHIEVED,
        Outcome.NOT_ACHIEVED,
    ]


def test_a_unit_the_notation_cannot_read_after_a_number_is_taken_as_written() -> None:
    result = read([HEADER, ["温室効果ガス排出量", "t-CO2", "1,000", "900", "950"]])
    assert result.problems == ()
    assert amounts(result, "actual") == [(Decimal(950), "t-CO2")]
    (item,) = result.plan.indicators
    assert JUDGE.judge(item.indicator).outcome is Outcome.NOT_ACHIEVED


def test_earlier_years_take_the_unit_too() -> None:
    top = ["指標", "単位", "基準値", "実績値", "実績値", "目標値"]
    sub = ["", "", "", "令和5年度", "令和6年度", ""]
    result = read([top, sub, ["観光入込客数", "万人", "1,250", "1,300", "1,350", "1,400"]])
    assert result.problems == ()
    (item,) = result.plan.indicators
    (earlier,) = item.indicator.series
    assert isinstance(earlier.value, Quantity)
    assert (earlier.fiscal_year, earlier.value.amount, earlier.value.unit) == (
        2023,
        Decimal(13_000_000),
        "人",
    )


def test_a_unit_in_a_header_s_brackets_is_no_unit_column() -> None:
    """目標値(単位:件) is the target column, not a unit column (単位 is the last word a
    header is matched by), and `unit` is the English header of a unit column."""
    result = read(
        [["indicator", "unit", "baseline", "目標値(単位:件)", "actual"], ["a", "人", "1", "5", "6"]]
    )
    assert result.problems == ()
    assert amounts(result, "baseline") == [(Decimal(1), "人")]
    assert amounts(result, "target") == [(Decimal(5), "人")]
    assert result.plan.indicators[0].indicator.target.value.text == "5人"
