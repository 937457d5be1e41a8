"""The shared helpers of the rules (margin, infer_direction) as a plugin calls them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from achievement import display, infer_direction, judge, margin, parse_value
from achievement._model import Bound, Direction, DirectionSource, Quantity


def test_a_plugin_asking_for_a_direction_with_nothing_known_gets_higher_by_default() -> None:
    """No explicit direction, no rank, bound, baseline or target: higher is better, by default."""
    assert infer_direction(None) == (Direction.HIGHER, DirectionSource.DEFAULT)
    assert infer_direction(None, target=Decimal(5)) == (Direction.HIGHER, DirectionSource.DEFAULT)


def test_margin_of_whole_numbers_is_a_margin_of_decimals() -> None:
    """A plugin may pass ints: the margin holds Decimals all the same, as a report writes them."""
    m = margin(5, 0, None)  # type: ignore[arg-type]
    assert type(m.difference) is Decimal
    assert m.difference == Decimal(5)
    assert m.ratio is None
    assert m.model_dump_json() == '{"difference":"5","ratio":null,"unit":null}'


def test_margin_with_one_int_keeps_its_ratio() -> None:
    """An int actual over a Decimal target: difference 3, ratio 2 to four places."""
    m = margin(6, Decimal(3), "件")  # type: ignore[arg-type]
    assert m.difference == Decimal(3)
    assert m.ratio == Decimal("2.0000")
    assert m.unit == "件"


def test_margin_refuses_a_unit_that_is_not_text() -> None:
    """A unit must be a text or None: 5 is refused, not kept."""
    with pytest.raises(ValidationError):
        margin(Decimal(1), Decimal(1), 5)  # type: ignore[arg-type]


def test_margin_records_every_field_as_given() -> None:
    """difference, ratio and unit are all set: none is left out of a dump of the set fields."""
    m = margin(Decimal(3), Decimal(2), "件")
    assert m.model_dump(exclude_unset=True) == {
        "difference": Decimal(1),
        "ratio": Decimal("1.5000"),
        "unit": "件",
    }


def test_a_bare_baseline_takes_the_unit_its_target_and_actual_share() -> None:
    """90 -> 80% -> 85%: the baseline is 90%, so lower is better and 85% misses 80% 以下."""
    j = judge(baseline="90", target="80%", actual="85%")
    assert j.outcome.value == "not_achieved"
    assert j.direction_source is not None
    assert j.direction_source.value == "baseline"
    assert "単位のない数は行の単位「%」とみなした" in j.message.ja
    assert "a number without a unit was taken in the row's unit, %" in j.message.en


def test_numbers_without_any_unit_are_compared_without_a_note() -> None:
    """10 -> 12 with no unit anywhere: compared as they are, and no unit is said to be taken."""
    j = judge(baseline=None, target="10", actual="12")
    assert j.outcome.value == "achieved"
    assert "単位" not in j.message.ja
    assert "unit" not in j.message.en


def test_a_rank_that_meets_its_target_is_said_within_it() -> None:
    """第3位 -> 第2位: achieved, and the Japanese says 3位以内 (within), not 3位以下."""
    j = judge(baseline=None, target="第3位", actual="第2位")
    assert j.outcome.value == "achieved"
    assert j.message.ja.startswith("実績 2位は目標 3位以内のため達成")
    assert j.message.en.startswith("actual 2位 meets the target of at most 3位: achieved")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("1900", "1900"),
        ("2026", "2026"),
        ("2099", "2099"),
        ("1899", "1,899"),
        ("2100", "2,100"),
        ("5000", "5,000"),
        ("2025.5", "2,025.5"),
        ("1900件", "1,900件"),
    ],
)
def test_a_bare_whole_number_from_1900_to_2099_is_shown_as_a_year(text: str, shown: str) -> None:
    """Only a whole number from 1900 to 2099 without a unit is written without a separator."""
    assert display(parse_value(text)) == shown


def test_a_bound_written_within_stays_within_after_trailing_space() -> None:
    """A quantity built with text "30分以内 " (a trailing space) still shows 以内, not 以下."""
    value = Quantity(amount=Decimal(30), unit="分", bound=Bound.AT_MOST, text="30分以内 ")
    assert display(value) == "30分以内"
    assert display(value, bound=False) == "30分"


@pytest.mark.parametrize(("text", "shown"), [("", "-"), ("集計中", "集計中"), ("―", "―")])
def test_a_missing_value_is_shown_as_written_or_as_a_dash(text: str, shown: str) -> None:
    """A blank cell is shown as -, and 集計中 or a dash as the cell wrote it."""
    assert display(parse_value(text)) == shown
