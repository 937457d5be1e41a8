"""Edges of the notation found by mutation testing: multipliers, notes, labels, refusals.

Each test pins a behaviour that a one-character change of the parser once left unnoticed;
the expected values are written here, as a reader of the cell would read it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from achievement import ParseError
from achievement._model import Components
from achievement._notation import parse_value


def _refusal(text: str) -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse_value(text)
    return caught.value


def _amount(text: str) -> Decimal:
    value = parse_value(text)
    assert value.kind == "quantity"
    return value.amount


def test_zero_before_a_multiplier_keeps_the_sign() -> None:
    """A leading 0 is not negative: 0万5千 is 5,000, and -1万5千 is -15,000."""
    assert _amount("0万5千") == Decimal(5000)
    assert _amount("-1万5千") == Decimal(-15000)
    assert _amount("-0.5万") == Decimal(-5000)


def test_a_multiplier_without_its_number_is_refused() -> None:
    """1万千 is refused at the 千 (a reader means 11,000; a missing number read as 0 gives 10,000)."""
    for text in ("1万千", "1万千5", "1億万"):
        error = _refusal(text)
        assert (error.text, error.position) == (text, 2)
        assert "1万1千" in error.reason_en
        assert "1万1千" in error.reason_ja
    assert _amount("1万1千") == Decimal(11000)
    assert _amount("1万") == Decimal(10000)


def test_multiplier_refusals_say_where_and_why() -> None:
    """Each refusal of a number with 億, 万 or 千 names the cell, the character and the reason."""
    cases = {
        "1億2億": (
            3,
            "the parts of a number with 億, 万 or 千 must get smaller (1億2345万6789)",
            "億・万・千で書いた数は、位が大きい順に書いてください(1億2345万6789)",
        ),
        "1.5万2千": (
            0,
            "a number with several of 億, 万 and 千 must be whole",
            "億・万・千を複数使う数に小数点は使えません",
        ),
        "1万12000": (
            2,
            "the part after 億, 万 or 千 must be smaller than it (125万3467)",
            "億・万・千の後の数は、その位より小さくなければなりません(125万3467)",
        ),
    }
    for text, (position, en, ja) in cases.items():
        error = _refusal(text)
        assert (error.text, error.position) == (text, position)
        assert (error.reason_en, error.reason_ja) == (en, ja)
        assert f"character {position + 1}" in error.message("en")


def test_a_whole_amount_has_no_decimal_places() -> None:
    """3.5万 is 35000 written without a decimal point, 1.25万 is 12500."""
    assert str(_amount("3.5万")) == "35000"
    assert str(_amount("1.25万")) == "12500"


def test_bracketed_note_words() -> None:
    """A word starting with 全 (全校) is a note on a single value; 全 alone or 小学校 is refused."""
    value = parse_value("85%(全校)")
    assert value.kind == "quantity"
    assert (value.amount, value.unit, value.note) == (Decimal(85), "%", "全校")
    for text in ("85%(全)", "85%(小学校)"):
        error = _refusal(text)
        word = text[4:-1]
        assert (error.text, error.position) == (text, 4)
        assert error.reason_en == (
            f"unexpected text {word!r} with the number "
            "(labels are read only when a cell has two or more labelled values)"
        )
        assert error.reason_ja == (
            f"数値に「{word}」が付いていて読めません"
            "(ラベルは二つ以上のラベル付きの値があるときだけ読みます)"
        )


def test_label_refusals_point_at_the_wrong_part() -> None:
    """A cell of labelled values that breaks the pattern is refused at the part that breaks it."""
    cases = {
        "85%(小学校)80%": (8, "expected a number followed by its label in brackets"),
        "85%(小学校)(中学校)": (8, "expected a number followed by its label in brackets"),
        "85%(小学校)80%(中学校": (12, "expected a number followed by its label in brackets"),
        "85%(小学校)80%(中学校)90(": (18, "expected a number followed by its label in brackets"),
        "85%(小学校)80%(中学校 90%": (16, "expected a number followed by its label in brackets"),
        "小学校 85% 80%": (8, "expected a label"),
    }
    for text, (position, en) in cases.items():
        error = _refusal(text)
        assert (error.text, error.position, error.reason_en) == (text, position, en)
        assert error.reason_ja in {"「数値(ラベル)」の形になっていません", "ラベルがありません"}
        assert text in error.message("en")
        assert text in error.message("ja")


def test_a_label_without_its_number_is_refused_at_the_gap() -> None:
    """A label with no number after it is refused where the number should be, naming the label."""
    cases = {
        "小学校 85% 中学校": (11, "中学校"),
        "小学校 中学校 85%": (4, "小学校"),
        "小学校 85%、中学校 80% 高校": (18, "高校"),
        "小学校 85% 中学校 高校 90%": (12, "中学校"),
        "小学校 85% 中学校 高校": (12, "中学校"),
    }
    for text, (position, label) in cases.items():
        error = _refusal(text)
        assert (error.text, error.position) == (text, position)
        assert error.reason_en == f"expected a number after {label!r}"
        assert error.reason_ja == f"「{label}」の後に数値がありません"


def test_a_label_given_twice_is_refused() -> None:
    """Two values with the same label are refused at the second label, naming it."""
    text = "85%(小学校)80%(小学校)"
    error = _refusal(text)
    assert (error.text, error.position) == (text, 12)
    assert error.reason_en == "label '小学校' appears twice"
    assert error.reason_ja == "ラベル「小学校」が重複しています"


@pytest.mark.parametrize(
    "text", ["小学校 85%、中学校 80%", "小学校 85%・中学校 80%", "小学校85%/中学校80%"]
)
def test_a_list_mark_between_labelled_values_is_no_part_of_the_label(text: str) -> None:
    """、 ・ / between labelled values separate them: the labels are 小学校 and 中学校."""
    value = parse_value(text)
    assert isinstance(value, Components)
    assert [(c.label, c.value.amount) for c in value.items] == [
        ("小学校", Decimal("85")),
        ("中学校", Decimal("80")),
    ]


def test_a_label_repeated_after_a_list_mark_is_refused_where_it_stands() -> None:
    """小学校 85%、小学校 80% names 小学校 twice: refused at the second label (character 9)."""
    with pytest.raises(ParseError) as info:
        parse_value("小学校 85%、小学校 80%")
    assert info.value.position == 8  # counted from 0; the message counts from 1
    assert "at character 9: label '小学校' appears twice" in str(info.value)
