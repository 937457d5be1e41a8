"""The notation parser reads every published form and refuses the rest with a ParseError."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from achievement import (
    Bound,
    Components,
    DirectionWord,
    Missing,
    ParseError,
    Period,
    Quantity,
    RunningTotal,
    StatusWord,
    Trend,
    Value,
    parse_value,
)


def read(text: str) -> tuple[Value | None, ParseError | None]:
    """The value read from ``text``, or the ParseError it raised."""
    try:
        return parse_value(text), None
    except ParseError as exc:
        return None, exc


def quantity(text: str) -> Quantity:
    value = parse_value(text)
    assert isinstance(value, Quantity), value
    return value


@pytest.mark.parametrize(
    ("text", "amount", "unit", "period"),
    [
        ("10%", "10", "%", None),
        ("0 %", "0", "%", None),
        ("36 件", "36", "件", None),
        ("2種類", "2", "種類", None),
        ("9, 100", "9100", None, None),
        ("13,000", "13000", None, None),
        ("年 600 時間", "600", "時間", Period.ANNUAL),
        ("年 8, 150 時間", "8150", "時間", Period.ANNUAL),
        ("年0件", "0", "件", Period.ANNUAL),
        ("累計31件", "31", "件", Period.CUMULATIVE),
        ("６０％", "60", "%", None),
        ("２３，０００", "23000", None, None),
        ("1.2万件", "12000", "件", None),
        ("3千人", "3000", "人", None),
        ("ゼロ", "0", None, None),
        ("▲5%", "-5", "%", None),
        ("-3", "-3", None, None),
        ("1.5億円", "150000000", "円", None),
    ],
)
def test_published_numbers(text: str, amount: str, unit: str | None, period: Period | None) -> None:
    """Numbers as printed read to the exact Decimal with their unit and period, text kept."""
    q = quantity(text)
    assert q.amount == Decimal(amount)
    assert q.unit == unit
    assert q.period == period
    assert q.text == text


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("25人以下", Bound.AT_MOST),
        ("80%以上", Bound.AT_LEAST),
        ("80 % 以上", Bound.AT_LEAST),
        ("30分以内", Bound.AT_MOST),
        ("年5時間以内", Bound.AT_MOST),
        ("30 分 以内", Bound.AT_MOST),
    ],
)
def test_bounds(text: str, bound: Bound) -> None:
    """以上, 以下 and 以内 after a number are read as the target's bound, not as part of the unit."""
    q = quantity(text)
    assert q.bound is bound
    assert q.unit in ("人", "%", "分", "時間")


@pytest.mark.parametrize("text", ["", "   ", "―", "-", "－", "—", "_", "集計中", None])
def test_missing(text: str | None) -> None:
    """Blank, the dashes and 集計中 read as a missing value."""
    assert isinstance(parse_value(text), Missing)


@pytest.mark.parametrize(
    "text",
    [
        "証明書交付 18分 異動届 45分",
        "証明書交付\n18分\n異動届\n45分",
        "証明書交付18分異動届45分",
        "証明書交付: 18分 異動届: 45分",
    ],
)
def test_labelled_components_label_first(text: str) -> None:
    """Labels before their values, with spaces, line breaks or nothing between, read alike."""
    value = parse_value(text)
    assert isinstance(value, Components)
    assert value.labels() == ("証明書交付", "異動届")
    assert [item.value.amount for item in value.items] == [18, 45]
    assert all(item.value.unit == "分" for item in value.items)


def test_labelled_components_label_after() -> None:
    """97.0%(小) 98.2%(中) reads as two values labelled 小 and 中."""
    value = parse_value("97.0%(小) 98.2%(中)")
    assert isinstance(value, Components)
    assert value.get("小") == quantity("97.0%").model_copy(update={"text": "97.0%"})
    assert value.get("中") is not None
    assert value.get("中").amount == Decimal("98.2")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "annual", "total"),
    [
        ("年5件(累計31件)", 5, 31),
        ("年 27 件 (累計 59 件)", 27, 59),
        ("年2回 (累計9回)", 2, 9),
        ("年 10 回 (累計 56 回)", 10, 56),
        ("年５件（累計３１件）", 5, 31),
    ],
)
def test_running_totals(text: str, annual: int, total: int) -> None:
    """An annual figure with its running total in brackets reads as a RunningTotal."""
    value = parse_value(text)
    assert isinstance(value, RunningTotal)
    assert value.annual.amount == annual
    assert value.annual.period is Period.ANNUAL
    assert value.total.amount == total
    assert value.total.period is Period.CUMULATIVE


@pytest.mark.parametrize(
    ("text", "trend"),
    [
        ("増加", Trend.INCREASE),
        ("充実", Trend.INCREASE),
        ("減少", Trend.DECREASE),
        ("維持", Trend.MAINTAIN),
    ],
)
def test_direction_words(text: str, trend: Trend) -> None:
    """Movement words read as direction words with their trend."""
    value = parse_value(text)
    assert isinstance(value, DirectionWord)
    assert value.trend is trend


@pytest.mark.parametrize("text", ["実施", "推進", "検討", "未実施", "推 進"])
def test_status_words(text: str) -> None:
    """Other single words read as status words, spaces from extraction removed."""
    value = parse_value(text)
    assert isinstance(value, StatusWord)
    assert " " not in value.word


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("約10%", 0),  # a lone label: refused rather than read as 10%
        ("1,2345", 1),  # a broken thousands group
        ("12,34", 2),
        ("80%未満", 3),  # strict bounds are not supported
        ("100超", 3),
        ("100件超え", 4),  # a strict bound is refused however it is spelt
        ("30分以降", 3),  # a time word after a unit is refused, not kept in the unit
        ("令和7年度以前", 5),
        ("30分以内以下", 5),  # two bounds
        ("5件以上以下", 4),
        ("abc%", 3),
        ("1 2", 2),  # two numbers with no labels
        ("1万2万人", 3),  # the parts of a 万 number must get smaller
        ("10%(", 3),
        ("年5件(31件)", 4),  # a bracketed value that is not a running total
        ("証明書交付 18分 証明書交付 45分", 10),  # the same label twice
        ("50％程度", 3),  # approximations are refused, not read as exact
        ("10人前後", 3),
        ("概ね 10件", 0),
        ("10人※", 3),  # a note mark
        ("50%※", 3),
    ],
)
def test_refused_with_position(text: str, position: int) -> None:
    """Text the parser cannot read raises ParseError with the text and where reading stopped."""
    with pytest.raises(ParseError) as info:
        parse_value(text)
    assert info.value.text == text
    assert info.value.position == position
    assert text in str(info.value)
    assert text in info.value.message("ja")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("約10%", "approximate"),
        ("10人程度", "approximate"),
        ("10人※", "note mark"),
        ("1,2345", "three digits"),
        ("100件超え", "strict bound '超え'"),
        ("30分以降", "'以降' is not a bound"),
    ],
)
def test_refusal_says_why(text: str, words: str) -> None:
    """Approximations and note marks are refused with a message naming what was found."""
    with pytest.raises(ParseError, match=words):
        parse_value(text)


def test_half_width_katakana_with_sound_marks() -> None:
    """Half-width katakana with ﾞ and ﾟ read as their full-width letters: ｾﾞﾛ is zero."""
    assert quantity("ｾﾞﾛ").amount == 0
    assert quantity("10ﾎﾟｲﾝﾄ").unit == "ポイント"


def test_multiplied_amounts_have_no_spurious_decimals() -> None:
    """3.5万人 is 35000 people, shown without a trailing .0."""
    assert str(quantity("3.5万人").amount) == "35000"
    assert str(quantity("1.25万件").amount) == "12500"
    assert str(quantity("0.00005万件").amount) == "0.50000"


def test_parse_error_is_a_value_error() -> None:
    """ParseError is also a ValueError, so generic handlers catch it."""
    with pytest.raises(ValueError, match="cannot read"):
        parse_value("1 2")


_FULL = str.maketrans("0123456789,.%-", "０１２３４５６７８９，．％－")


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


@st.composite
def written_numbers(draw: st.DrawFn) -> tuple[Decimal, str]:
    """A Decimal and one of the ways a plan may print it."""
    amount = draw(
        st.decimals(min_value=0, max_value=10**9, places=draw(st.integers(0, 2)), allow_nan=False)
    )
    negative = draw(st.booleans()) and amount != 0
    integer, _, fraction = f"{amount:f}".partition(".")
    sep = draw(st.sampled_from([",", ", ", ""]))
    body = _group(integer, sep) + (f".{fraction}" if fraction else "")
    if draw(st.booleans()) and fraction == "" and integer.endswith("0000") and integer != "0":
        body = _group(integer[:-4], sep) + "万"
    sign = draw(st.sampled_from(["-", "▲"])) if negative else ""
    prefix = draw(st.sampled_from(["", "年", "年 ", "累計"]))
    unit = draw(st.sampled_from(["", "件", " 件", "%", "時間", " 時間", "人"]))
    text = f"{prefix}{sign}{body}{unit}"
    if draw(st.booleans()):
        text = text.translate(_FULL)
    return (-amount if negative else amount), text


@given(written_numbers())
def test_any_written_number_parses_back(case: tuple[Decimal, str]) -> None:
    """A number written in any supported way parses back to the same Decimal."""
    amount, text = case
    assert quantity(text).amount == amount


@given(st.text(max_size=40))
def test_arbitrary_text_parses_or_raises_parse_error(text: str) -> None:
    """Arbitrary text either parses to a value keeping its text, or raises ParseError."""
    value, error = read(text)
    if error is not None:
        assert error.text == text.strip()
        assert 0 <= error.position <= len(text)
    else:
        assert value is not None
        assert value.text == text.strip()


@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789,. 年累計件回%()万千以上下小中証明書交付ー―-")),
        max_size=30,
    )
)
def test_notation_like_text_parses_or_raises_parse_error(text: str) -> None:
    """Text made of notation characters either parses or raises ParseError, never another error."""
    value, error = read(text)
    assert (value is None) != (error is None)
