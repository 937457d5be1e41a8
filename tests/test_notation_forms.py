"""Forms real tables publish: 億/万/千 numbers, years, deadlines, ranks, notes, 維持, changes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from achievement import ParseError, judge, parse_value
from achievement._model import (
    Bound,
    Deadline,
    DirectionWord,
    FiscalYear,
    Quantity,
    RelativeTarget,
    Trend,
)

# --- 億, 万, 千 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("125万3467冊", "1253467", "冊"),
        ("38万2105人", "382105", "人"),
        ("57万804件", "570804", "件"),
        ("1億2345万6789円", "123456789", "円"),
        ("125.3万冊", "1253000", "冊"),
        ("1万2千件", "12000", "件"),
        ("１２５万３４６７冊", "1253467", "冊"),  # full width
        ("１億２３４５万６７８９円", "123456789", "円"),
        ("5百万円", "5000000", "円"),
        ("3,000千円", "3000000", "円"),
        ("1億円", "100000000", "円"),
        ("9,000万円", "90000000", "円"),
        ("2,345万人", "23450000", "人"),
        ("▲1万2千件", "-12000", "件"),
    ],
)
def test_mixed_multipliers(text: str, amount: str, unit: str) -> None:
    """億, 万, 百万 and 千 multiply, mixed from the largest down, full width too."""
    value = parse_value(text)
    assert isinstance(value, Quantity)
    assert value.amount == Decimal(amount)
    assert value.unit == unit
    assert value.text == text


def test_oku_against_man_compares_yen() -> None:
    """1億円 against 9,000万円 compares 100,000,000円 with 90,000,000円."""
    j = judge(baseline=None, target="1億円", actual="9,000万円")
    assert j.outcome.value == "not_achieved"
    j = judge(baseline=None, target="9,000万円", actual="1億円")
    assert j.outcome.value == "achieved"


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("1万2万件", 3),  # the parts must get smaller
        ("1千2万件", 3),
        ("1万12000件", 2),  # the part after 万 must be smaller than 10000
        ("1.5万2千件", 0),  # a decimal with several multipliers
        ("1万1万件", 3),  # the same multiplier twice
        ("1万0万件", 3),
        ("1万10千件", 4),  # 10千 is not smaller than 1万
        ("1万10000件", 2),  # the part after 万 equals 万
    ],
)
def test_mixed_multipliers_refused(text: str, position: int) -> None:
    """Numbers whose parts do not get smaller are refused, in both languages, naming the text."""
    with pytest.raises(ParseError) as caught:
        parse_value(text)
    assert caught.value.position == position
    assert text in caught.value.message("ja")
    assert text in caught.value.message("en")
    assert "万" in caught.value.reason_ja


def _mixed(n: int, draw: st.DrawFn) -> str:
    """``n`` written in mixed 億/万/千 form, choosing among the ways plans write it."""
    oku, rest = divmod(n, 100_000_000)
    man, low = divmod(rest, 10_000)
    text = f"{oku}億" if oku else ""
    if man:
        text += f"{man:,}万" if draw(st.booleans()) else f"{man}万"
    sen, ones = divmod(low, 1000)
    if sen and draw(st.booleans()):
        text += f"{sen}千" + (str(ones) if ones else "")
    elif low or not text:
        text += str(low)
    return text


@given(n=st.integers(min_value=0, max_value=10**12 - 1), data=st.data())
def test_every_integer_in_mixed_form_parses_back(n: int, data: st.DataObject) -> None:
    """Every integer written with 億, 万 and 千 parses back to itself, with its unit."""
    text = _mixed(n, data.draw)
    unit = data.draw(st.sampled_from(["件", "円", "人", ""]))
    value = parse_value(text + unit)
    assert isinstance(value, Quantity), text
    assert value.amount == n, text
    assert value.unit == (unit or None)


# --- years -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2025年度", 2025),
        ("令和7年度", 2025),
        ("R7年度", 2025),
        ("令和元年度", 2019),
        ("H30", 2018),
        ("平成30年度末", 2018),
        ("FY2025", 2025),
        ("令和７年度", 2025),
    ],
)
def test_years_are_years(text: str, year: int) -> None:
    """A fiscal year in any common form is a year, never a count."""
    value = parse_value(text)
    assert isinstance(value, FiscalYear)
    assert value.year == year
    assert value.text == text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_late_finish_is_not_rewarded_and_years_have_no_separator(lang: str) -> None:
    """2025年度 -> 2026年度 is not achieved, and 2026 never shows as 2,026."""
    j = judge(baseline=None, target="2025年度", actual="2026年度")
    assert j.outcome.value == "not_achieved"
    assert j.style == "deadline"
    assert "2,02" not in j.message.get(lang)
    assert "2026年度" in j.message.get(lang)


def test_bare_year_like_number_is_refused_not_guessed() -> None:
    """A bare 2026 against a year could be a year or a count: not evaluable, shown as written."""
    j = judge(baseline=None, target="2025年度", actual="2026")
    assert j.outcome.value == "not_evaluable"
    assert j.reason.code == "deadline.year_or_count"
    assert "2026" in j.message.ja
    assert "2,026" not in j.message.en


def test_year_followed_by_an_unknown_word_is_refused_with_the_known_words() -> None:
    """令和6年度着手 (started) is not a word for work done: refused, listing the known ones."""
    with pytest.raises(ParseError) as caught:
        parse_value("令和6年度着手")
    assert "着手" in caught.value.reason_ja
    assert "完了" in caught.value.reason_ja
    assert "着手" in caught.value.reason_en
    assert "完了" in caught.value.reason_en


# --- deadlines and completion years -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "word"),
    [
        ("令和7年度までに完了", 2025, "完了"),
        ("2025年度までに実施", 2025, "実施"),
        ("R7年度までに導入", 2025, "導入"),
    ],
)
def test_deadlines(text: str, year: int, word: str) -> None:
    """A year followed by までに and a word is a deadline."""
    value = parse_value(text)
    assert value == Deadline(year=year, word=word, text=text)


@pytest.mark.parametrize(
    ("text", "year", "word", "planned"),
    [
        ("令和6年度完了", 2024, "完了", False),
        ("2026年度実施", 2026, "実施", False),
        ("令和8年度完了予定", 2026, "完了", True),
    ],
)
def test_completion_years(text: str, year: int, word: str, planned: bool) -> None:
    """A year followed by a word for work done is the year it was done (or planned for)."""
    value = parse_value(text)
    assert value == FiscalYear(year=year, word=word, planned=planned, text=text)


# --- ranks -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "bound"),
    [
        ("1位", 1, None),
        ("第3位", 3, None),
        ("上位10位以内", 10, Bound.AT_MOST),
        ("上位10位", 10, Bound.AT_MOST),
        ("5位以内", 5, Bound.AT_MOST),
    ],
)
def test_ranks(text: str, amount: int, bound: Bound | None) -> None:
    """Ranks read in 位, 上位N位 and N位以内 as at most N."""
    value = parse_value(text)
    assert isinstance(value, Quantity)
    assert (value.amount, value.unit, value.bound) == (Decimal(amount), "位", bound)


def test_lower_rank_is_better_and_said() -> None:
    """3位 against the target 1位 is not achieved even from a baseline of 5位; 2位 is within 3."""
    j = judge(baseline="5位", target="1位", actual="3位")
    assert j.outcome.value == "not_achieved"
    assert j.direction is not None
    assert j.direction.value == "lower"
    assert "順位" in j.message.ja
    assert "rank" in j.message.en
    j = judge(baseline="1位", target="1位", actual="1位")
    assert j.outcome.value == "achieved"
    assert judge(baseline=None, target="上位3位以内", actual="第2位").outcome.value == "achieved"
    assert judge(baseline=None, target="上位3位以内", actual="第4位").outcome.value == (
        "not_achieved"
    )


@pytest.mark.parametrize("text", ["3位以上", "3位以下"])
def test_rank_with_ijou_is_refused(text: str) -> None:
    """3位以上 means third or better: the words run against the numbers, so it is refused."""
    with pytest.raises(ParseError) as caught:
        parse_value(text)
    assert "位" in caught.value.reason_ja
    assert "rank" in caught.value.reason_en


# --- wordings ------------------------------------------------------------------------------


def test_genjou_iji_is_maintain() -> None:
    """現状維持 asks for no less than the baseline."""
    assert parse_value("現状維持") == DirectionWord(
        word="現状維持", trend=Trend.MAINTAIN, text="現状維持"
    )
    assert judge(baseline="80%", target="現状維持", actual="79%").outcome.value == "not_achieved"
    assert judge(baseline="80%", target="現状維持", actual="80%").outcome.value == "achieved"


def test_iji_with_a_number_is_that_level() -> None:
    """90%以上を維持 and 0件を維持 are the levels to keep, in the unit of the actual."""
    value = parse_value("90%以上を維持")
    assert isinstance(value, Quantity)
    assert (value.amount, value.unit, value.bound) == (Decimal(90), "%", Bound.AT_LEAST)
    assert judge(baseline="92%", target="90%以上を維持", actual="91%").outcome.value == "achieved"
    assert judge(baseline="92%", target="90%以上を維持", actual="89%").outcome.value == (
        "not_achieved"
    )
    assert judge(baseline="0件", target="0件を維持", actual="1件").outcome.value == "not_achieved"
    assert judge(baseline="0件", target="0件を維持", actual="0件").outcome.value == "achieved"


def test_bracketed_notes_are_notes() -> None:
    """100%(全校) keeps 全校 as a note; 45.3%(速報値) is provisional, and the judgment says so."""
    value = parse_value("100%(全校)")
    assert isinstance(value, Quantity)
    assert (value.amount, value.unit, value.note, value.provisional) == (
        Decimal(100),
        "%",
        "全校",
        False,
    )
    value = parse_value("45.3%(速報値)")
    assert isinstance(value, Quantity)
    assert (value.amount, value.note, value.provisional) == (Decimal("45.3"), "速報値", True)
    j = judge(baseline=None, target="40%", actual="45.3%(速報値)")
    assert j.outcome.value == "achieved"
    assert "速報値" in j.message.ja
    assert "provisional" in j.message.en
    j = judge(baseline=None, target="100%", actual="100%(全校)")
    assert "全校" in j.message.ja
    assert "全校" in j.message.en


def test_a_single_label_in_brackets_is_still_refused() -> None:
    """95%(小) is a label, not a note: a single label is refused as before."""
    with pytest.raises(ParseError):
        parse_value("95%(小)")


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [("120㎡", 120, "m2"), ("120m²", 120, "m2"), ("3.5km", Decimal("3.5"), "km"), ("2㎞", 2, "km")],
)
def test_area_and_length_units(text: str, amount: Decimal | int, unit: str) -> None:
    """㎡ and m² read as m2, ㎞ and km as km, so that they compare."""
    value = parse_value(text)
    assert isinstance(value, Quantity)
    assert (value.amount, value.unit) == (Decimal(amount), unit)
    assert judge(baseline=None, target="100㎡", actual="120m²").outcome.value == "achieved"


@pytest.mark.parametrize(
    ("text", "trend", "amount", "unit", "every"),
    [
        ("前年度比5%増", Trend.INCREASE, Decimal(5), "%", False),
        ("前年比3件減", Trend.DECREASE, Decimal(3), "件", False),
        ("毎年度増加", Trend.INCREASE, None, None, True),
        ("前年度比増", Trend.INCREASE, None, None, False),
    ],
)
def test_relative_targets(
    text: str, trend: Trend, amount: Decimal | None, unit: str | None, every: bool
) -> None:
    """Changes on the previous year read into a relative target, not evaluable without a series."""
    value = parse_value(text)
    assert value == RelativeTarget(
        trend=trend, amount=amount, unit=unit, every_year=every, text=text
    )
    j = judge(baseline="100件", target=text, actual="120件")
    assert j.outcome.value == "not_evaluable"
    assert j.reason.code == "direction.needs_series"
    assert "前年度" in j.message.ja
    assert "previous year" in j.message.en


# --- the status scale ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "actual", "outcome"),
    [
        ("実施", "実施済", "achieved"),
        ("実施", "完了", "achieved"),
        ("完了", "推進", "not_achieved"),
        ("実施", "一部実施", "not_achieved"),
        ("一部実施", "検討", "not_achieved"),
        ("一部実施", "一部実施", "achieved"),
        ("検討", "検討中", "achieved"),
    ],
)
def test_status_words_on_the_default_scale(target: str, actual: str, outcome: str) -> None:
    """未実施 < 検討 < 一部実施 < 実施 (= 実施済) < 推進 < 完了."""
    j = judge(baseline=None, target=target, actual=actual)
    assert j.style == "ordinal"
    assert j.outcome.value == outcome


# --- a bare number in a row ---------------------------------------------------------------


def test_bare_number_takes_the_row_unit_and_says_so() -> None:
    """92.1% -> 95.0 以下 -> 93.4% compares in %, and the message says the unit came from the row."""
    j = judge(baseline="92.1%", target="95.0 以下", actual="93.4%")
    assert j.outcome.value == "achieved"
    assert "単位のない数" in j.message.ja
    assert "「%」" in j.message.ja
    assert "row's unit" in j.message.en
    j = judge(baseline="92.1%", target="95.0 以下", actual="96.0%")
    assert j.outcome.value == "not_achieved"


def test_bare_number_against_two_units_stays_incomparable() -> None:
    """A bare number beside two different units cannot be told apart: not evaluable."""
    j = judge(baseline="92.1件", target="95.0 以下", actual="93.4%")
    assert j.outcome.value == "not_evaluable"
    j = judge(baseline="10件", target="95", actual="93人")
    assert j.outcome.value == "not_evaluable"


@pytest.mark.parametrize("actual", ["0.62", "1", "-1", "-0.5"])
def test_bare_fraction_is_not_taken_as_percent(actual: str) -> None:
    """0.62 (or 1) beside 60% may be a share of one: not taken in % by the row."""
    j = judge(baseline=None, target="60%", actual=actual)
    assert j.outcome.value == "not_evaluable"


def test_bare_zero_and_numbers_above_one_take_percent() -> None:
    """0 is 0% either way, and 1.5 beside % is 1.5%: both take the row's unit."""
    assert judge(baseline="5%", target="0%", actual="0").outcome.value == "achieved"
    assert judge(baseline=None, target="1%", actual="1.5").outcome.value == "achieved"


def test_same_unit_needs_no_note() -> None:
    """When every cell has its unit, the message carries no note about units."""
    j = judge(baseline="90%", target="95%", actual="96%")
    assert "単位のない数" not in j.message.ja


@pytest.mark.parametrize(("text", "position"), [("令和7年度 50%", 6), ("2025年度100件", 6)])
def test_year_and_value_in_one_cell_is_refused(text: str, position: int) -> None:
    """A year and a value in one cell is refused, saying to put the year in the header."""
    with pytest.raises(ParseError) as caught:
        parse_value(text)
    assert caught.value.position == position
    assert "見出し" in caught.value.reason_ja
    assert "header" in caught.value.reason_en
    assert text in caught.value.message("en")


def test_letter_labels_are_not_eras() -> None:
    """S 5件 M 3件 stays labelled values: a letter era needs no value after it to be a year."""
    value = parse_value("S 5件 M 3件")
    assert value.kind == "components"


@st.composite
def written_years(draw: st.DrawFn) -> tuple[int, str]:
    """A fiscal year and a way a plan writes it: 2025年度, 令和7年度, R7年度, 令和元年度, H30, FY2025."""
    year = draw(st.integers(1990, 2060))
    forms = [f"{year}年度", f"FY{year}", f"{year}年度末"]
    if year >= 2019:
        n = year - 2018
        forms += [f"令和{'元' if n == 1 else n}年度", f"R{n}年度", f"R{n}"]
    if year <= 2018:
        n = year - 1988
        forms += [f"平成{'元' if n == 1 else n}年度", f"H{n}", f"平成{n}年度末"]
    return year, draw(st.sampled_from(forms))


@given(written_years(), st.booleans())
def test_every_written_year_is_a_year(written: tuple[int, str], full_width: bool) -> None:
    """Every fiscal year form reads as that year, never as a count, in either width."""
    year, text = written
    if full_width:
        text = text.translate(str.maketrans("0123456789RHFY", "０１２３４５６７８９ＲＨＦＹ"))
    value = parse_value(text)
    assert isinstance(value, FiscalYear), text
    assert value.year == year


def test_an_unreadable_level_to_keep_names_the_whole_cell() -> None:
    """90%超を維持 is refused for its strict bound, naming the whole cell."""
    with pytest.raises(ParseError) as caught:
        parse_value("90%超を維持")
    assert caught.value.text == "90%超を維持"
    assert caught.value.position == 3


def test_multipliers_inside_labelled_values() -> None:
    """Labelled values may use 万 and 千 too."""
    value = parse_value("小 1万2千人 中 3万人")
    assert value.kind == "components"
    assert [item.value.amount for item in value.items] == [12000, 30000]


def test_one_judge_keeps_notes_apart() -> None:
    """Two judgments alike but for a note each get their own message from one judge."""
    from achievement import Judge

    one = Judge(autoload=False)
    noted = one.judge_text(baseline=None, target="40%", actual="45.3%(速報値)")
    plain = one.judge_text(baseline=None, target="40%", actual="45.3%")
    again = one.judge_text(baseline=None, target="40%", actual="45.3%(速報値)")
    assert "速報値" in noted.message.ja
    assert "速報値" not in plain.message.ja
    assert again.message == noted.message
