"""Edges of the table reader's header: which row it is, units and year rows, which column each
field is read from, and the refusals, each with the expected reading written here."""

from __future__ import annotations

import pytest

from achievement import AchievementError
from achievement.readers._headers import _filled, _sub_year, _unit
from achievement.readers._table import fiscal_year, match_header
from tests._table_rows import read, unit_of


def wide(header_at: dict[int, str], values: dict[int, str]) -> list[list[str]]:
    header = [""] * 28
    row = [""] * 28
    for index, text in header_at.items():
        header[index] = text
    for index, text in values.items():
        row[index] = text
    return [header, row]


def test_columns_named_by_two_letters() -> None:
    """``--columns AB=note`` is the 28th column; AA, the 27th, holds text without a header."""
    rows = wide(
        {0: "評価指標", 1: "目標", 2: "実績", 27: "説明"},
        {0: "相談件数", 1: "100件", 2: "120件", 26: "メモ", 27: "窓口と電話"},
    )
    result = read(rows, columns={"AB": "note"})
    assert result.plan.indicators[0].note == "窓口と電話"
    assert result.unread_columns == ("AA",)


@pytest.mark.parametrize(
    ("older", "newer"),
    [("実績:令和5年度", "実績:令和6年度見込"), ("実績値/令和5年度", "実績値/令和6年度(見込)")],
)
def test_year_columns_of_one_series(older: str, newer: str) -> None:
    """Two actual columns that differ only by their year (and 見込): the later is the actual."""
    result = read([["評価指標", "目標", older, newer], ["相談件数", "100件", "80件", "95件"]])
    indicator = result.plan.indicators[0].indicator
    assert indicator.actual.value.text == "95件"
    assert [(o.fiscal_year, o.value.text) for o in indicator.series] == [(2023, "80件")]


def test_year_columns_of_two_headers_are_not_a_series() -> None:
    """実績X and 実績 are not one header: which column is the actual is refused, not guessed."""
    with pytest.raises(AchievementError, match="several columns could be the actual"):
        read(
            [
                ["評価指標", "目標", "実績X/令和5年度", "実績/令和6年度"],
                ["相談件数", "100件", "80件", "95件"],
            ]
        )


def test_year_columns_in_any_order() -> None:
    """令和6年度 left of 令和5年度: the later year is the actual, whatever the column order."""
    result = read(
        [
            ["評価指標", "目標(令和6年度)", "実績/令和6年度", "実績/令和5年度"],
            ["相談件数", "5件", "6件", "4件"],
        ]
    )
    indicator = result.plan.indicators[0].indicator
    assert (indicator.actual.value.text, indicator.actual.fiscal_year) == ("6件", 2024)
    assert [(o.fiscal_year, o.value.text) for o in indicator.series] == [(2023, "4件")]


def test_an_actual_later_than_the_target_is_refused() -> None:
    with pytest.raises(AchievementError) as info:
        read(
            [
                ["評価指標", "目標(令和5年度)", "実績/令和5年度", "実績/令和6年度"],
                ["相談件数", "5件", "6件", "4件"],
            ]
        )
    assert info.value.file == "plan.csv"
    assert info.value.en == (
        "the latest actual column 「実績/令和6年度」 is for a year after the target's "
        "「目標(令和5年度)」, so which year to judge is unclear: 「実績/令和5年度」, "
        "「実績/令和6年度」; choose one with --columns HEADER=actual"
    )
    assert info.value.ja == (
        "最新の実績の列「実績/令和6年度」が目標「目標(令和5年度)」の年度より後のため、"
        "どの年度を判定するか決められません: 「実績/令和5年度」, 「実績/令和6年度」。"
        "--columns 見出し=actual で指定してください"
    )


@pytest.mark.parametrize(
    ("exact", "longer"),
    [("達成状況", "達成状況の説明"), ("評価値", "評価の理由"), ("Recorded", "判定の根拠")],
)
def test_the_exact_published_judgment_header_wins(exact: str, longer: str) -> None:
    """Of two 評価 columns, the one headed by the field's own word (or it with 値) is read."""
    result = read([["評価指標", "目標", "実績", exact, longer], ["a", "5件", "6件", "達成", "x"]])
    assert result.plan.indicators[0].recorded_text == "達成"
    assert result.unread_columns == (longer,)


def test_the_exact_note_header_wins() -> None:
    result = read(
        [
            ["評価指標", "目標", "実績", "Note", "取組状況の詳細"],
            ["a", "5件", "6件", "メモ", "詳細"],
        ]
    )
    assert result.plan.indicators[0].note == "メモ"
    assert result.unread_columns == ("取組状況の詳細",)


def test_fields_under_a_bare_year() -> None:
    """2024 over 目標 | 実績 (a merged cell): the header is the two rows together."""
    result = read([["評価指標", "2024", ""], ["", "目標", "実績"], ["a", "5件", "6件"]])
    assert result.header_rows == (1, 2)
    assert result.plan.indicators[0].indicator.actual.value.text == "6件"


def test_a_units_row_gives_its_unit_to_bare_numbers_only() -> None:
    """(件) under 目標 and 実績: 5 is 5件, 6人 keeps its own unit; the layout says so."""
    result = read(
        [["評価指標", "目標", "実績"], ["", "(件)", "(件)"], ["a", "5", "6人"], ["b", "5", "4"]]
    )
    assert [
        (unit_of(i.indicator.target.value), unit_of(i.indicator.actual.value))
        for i in result.plan.indicators
    ] == [("件", "人"), ("件", "件")]
    assert [note.en for note in result.layout] == [
        "the header was read from rows 1 and 2 (the upper row heads merged cells)",
        "numbers without a unit in 「目標」 take the unit '件' from the header row",
        "numbers without a unit in 「実績」 take the unit '件' from the header row",
    ]
    assert [note.ja for note in result.layout][1:] == [
        "「目標」の単位のない数値は、見出しの行の単位「件」で読みました",
        "「実績」の単位のない数値は、見出しの行の単位「件」で読みました",
    ]


def test_columns_naming_an_unknown_field() -> None:
    with pytest.raises(AchievementError) as info:
        read([["評価指標", "目標", "実績"], ["a", "5件", "6件"]], columns={"実績": "actuals"})
    fields = (
        "goal, measure, initiative, indicator, baseline, target, actual, recorded, note, "
        "direction, style, main, unit, ignore"
    )
    assert info.value.file == "plan.csv"
    assert (info.value.en, info.value.ja) == (
        f"--columns 実績=actuals: unknown field 'actuals'; fields: {fields}",
        f"--columns 実績=actuals: 項目「actuals」はありません。使える項目: {fields}",
    )


def test_columns_naming_a_letter_past_the_last_column() -> None:
    """``D`` in a table of three columns names no column: refused, listing the headers."""
    with pytest.raises(AchievementError) as info:
        read([["評価指標", "目標", "実績"], ["a", "5件", "6件"]], columns={"D": "note"})
    assert info.value.file == "plan.csv"
    assert (info.value.en, info.value.ja) == (
        "--columns names the header 'D', which is not in the file; headers found: 「評価指標」, "
        "「目標」, 「実績」 (a column may also be named by its letter, e.g. F=actual)",
        "--columns の見出し「D」がファイルにありません。見つかった見出し: 「評価指標」, 「目標」, "
        "「実績」(列は F=actual のように列記号でも指定できます)",
    )


def test_a_column_without_a_header_between_the_fields() -> None:
    """A blank header before 目標 and 実績 does not end the header; its text is left unread (B)."""
    result = read([["評価指標", "", "目標", "実績"], ["a", "x", "5件", "6件"]])
    assert result.plan.indicators[0].indicator.actual.value.text == "6件"
    assert result.unread_columns == ("B",)


def test_current_value_is_the_actual_beside_a_baseline_given_by_columns() -> None:
    """現状値 beside a baseline named with ``--columns 策定値=baseline`` is the actual."""
    result = read(
        [["評価指標", "策定値", "目標", "現状値"], ["a", "3件", "5件", "6件"]],
        columns={"策定値": "baseline"},
    )
    indicator = result.plan.indicators[0].indicator
    assert (indicator.baseline.text, indicator.actual.value.text) == ("3件", "6件")


def test_a_single_actual_column_of_a_later_year() -> None:
    """One actual column (FY2024) against a target for FY2023: nothing to choose between."""
    result = read([["評価指標", "目標(令和5年度)", "実績(令和6年度)"], ["a", "5件", "6件"]])
    actual = result.plan.indicators[0].indicator.actual
    assert (actual.value.text, actual.fiscal_year, result.plan.target_year) == ("6件", 2024, 2023)


def test_two_note_columns_are_refused() -> None:
    with pytest.raises(AchievementError) as info:
        read([["評価指標", "目標", "実績", "備考", "取組状況"], ["a", "5件", "6件", "x", "y"]])
    assert info.value.file == "plan.csv"
    assert (info.value.en, info.value.ja) == (
        "several columns could be the note: 「備考」, 「取組状況」; choose one with --columns "
        "HEADER=note (or HEADER=ignore)",
        "取組状況等(note)に当たる列が複数あります: 「備考」, 「取組状況」。--columns 見出し=note"
        "(または 見出し=ignore)で指定してください",
    )


def test_missing_target_and_actual_columns() -> None:
    with pytest.raises(AchievementError) as info:
        read([["評価指標", "備考"], ["a", "x"]])
    assert info.value.file == "plan.csv"
    assert (info.value.en, info.value.ja) == (
        "no column for target (目標), actual (実績); headers found: 「評価指標」, 「備考」; "
        "map a header with --columns HEADER=FIELD",
        "目標(target)、実績(actual)の列がありません。見つかった見出し: 「評価指標」, 「備考」。"
        "--columns 見出し=項目 で列を指定できます",
    )


def test_fiscal_years_in_headers() -> None:
    """A bare 2024 is a year only where asked (a row of year sub-columns)."""
    assert (fiscal_year("2024"), fiscal_year("2024", bare=True)) == (None, 2024)
    assert (fiscal_year("令和6年度", bare=True), fiscal_year("2024年度実績")) == (2024, 2024)
    assert (match_header("FY2024実績"), match_header("FY2024 actual")) == ("actual", "actual")


def test_a_units_row_written_with_the_word_units() -> None:
    """単位:件 (no brackets) under 目標 and 実績 is a units row."""
    result = read([["評価指標", "目標", "実績"], ["", "単位:件", "単位:件"], ["a", "5", "6"]])
    indicator = result.plan.indicators[0].indicator
    assert (unit_of(indicator.target.value), unit_of(indicator.actual.value)) == ("件", "件")


def test_the_published_judgment_header_with_a_year_and_a_colon() -> None:
    """評価:令和6年度 is the field's own word once the year and the colon are set aside."""
    result = read(
        [
            ["評価指標", "目標", "実績", "評価:令和6年度", "評価の理由"],
            ["a", "5件", "6件", "達成", "x"],
        ]
    )
    assert result.plan.indicators[0].recorded_text == "達成"
    assert result.unread_columns == ("評価の理由",)


@pytest.mark.parametrize(
    ("cell", "unit"),
    [
        ("(%)", "%"),
        ("(単位:件)", "件"),
        ("単位:人", "人"),
        ("［千円］", "千円"),
        ("単位", None),
        ("(目標)", None),  # a field, not a unit
        ("(指標)", None),
        ("件", None),  # no bracket and no 単位: a word, not a units cell
    ],
)
def test_cells_of_a_units_row(cell: str, unit: str | None) -> None:
    assert _unit(cell) == unit


@pytest.mark.parametrize(
    ("cell", "year"),
    [
        ("令和6年度", True),
        ("2024", True),
        ("R7見込", True),
        ("令和6年度(見込)", True),
        ("令和6年度実績", True),  # a year and a field
        ("令和6年度(", True),  # a stray bracket
        ("令和6年度ABC", False),
        ("令和6年度X", False),
        ("実績", False),
    ],
)
def test_cells_of_a_row_of_years(cell: str, year: bool) -> None:
    assert _sub_year(cell) is year


@pytest.mark.parametrize(
    ("top", "sub", "filled"),
    [
        (["指標", "実績値", ""], ["", "R5", "R6"], ["指標", "実績値", "実績値"]),
        (["指標", "実績値"], ["", "R5", "R6"], ["指標", "実績値", "実績値"]),  # a shorter top
        (["指標", "実績値", "目標値"], ["", "R5"], ["指標", "実績値", "目標値"]),  # a shorter sub
        (["指標", "実績値", ""], ["", "R5"], ["指標", "実績値", ""]),
        (["指標", "実績値", ""], ["", "", "R6"], ["指標", "実績値", ""]),  # nothing under 実績値
        (["指標", "実績値", ""], ["", "実績値", "R6"], ["指標", "実績値", ""]),  # XLSX repeat
    ],
)
def test_the_group_over_each_column(top: list[str], sub: list[str], filled: list[str]) -> None:
    """A blank top cell takes the group on its left only when the cell on the left of the one
    under it holds a year or unit of that group."""
    assert _filled(top, sub) == filled


def test_one_unit_under_the_header_is_a_units_row() -> None:
    result = read([["評価指標", "目標", "実績"], ["", "", "(件)"], ["a", "5件", "6"]])
    assert result.header_rows == (1, 2)
    assert unit_of(result.plan.indicators[0].indicator.actual.value) == "件"


def test_a_repeated_header_row_is_not_a_second_header_row() -> None:
    """The header printed again under itself is a row of the body, skipped as a repeat of
    the header (not a second header row, whose cells would name the columns)."""
    result = read([["評価指標", "目標", "実績"], ["評価指標", "目標", "実績"], ["a", "5件", "6件"]])
    assert result.header_rows == (1,)
    assert result.problems == ()
    assert [(n.row, n.code) for n in result.skipped] == [(2, "row.repeated_header")]
    assert [i.indicator.name for i in result.plan.indicators] == ["a"]


def test_headers_named_by_columns_find_the_header_row() -> None:
    """名称 and 数値 are headers only through ``--columns``; they still make row 2 the header."""
    result = read(
        [["目標と実績の一覧"], ["名称", "目標値", "数値"], ["a", "5件", "6件"]],
        columns={"名称": "indicator", "数値": "actual"},
    )
    assert (result.plan.title, result.header_rows) == ("目標と実績の一覧", (2,))
    assert [i.indicator.name for i in result.plan.indicators] == ["a"]


def test_the_best_header_in_the_first_row_has_no_row_above() -> None:
    """Row 1 lacks 実績 and nothing is above it: the error lists row 1's headers (not the last
    row's, read as if it were above)."""
    with pytest.raises(AchievementError) as info:
        read([["評価指標", "目標"], ["a", "5件"], ["2024", ""]])
    assert info.value.en == (
        "no column for actual (実績); headers found: 「評価指標」, 「目標」; "
        "map a header with --columns HEADER=FIELD"
    )


def test_a_units_row_shorter_than_the_header() -> None:
    """(件) under 目標 only, the row ending there: 実績 keeps its one-row header."""
    result = read([["評価指標", "目標", "実績"], ["", "(件)"], ["a", "5", "1万千件"]])
    assert result.header_rows == (1, 2)
    assert [(p.row, p.code, p.column) for p in result.problems] == [(3, "cell.unreadable", "実績")]


def test_a_year_alone_under_a_blank_header_cell() -> None:
    """R6 under a blank cell (nothing on its left to continue) is a column of its own, unread."""
    result = read([["評価指標", "", "目標", "実績"], ["", "R6", "", ""], ["a", "x", "5件", "6件"]])
    assert result.header_rows == (1, 2)
    assert result.unread_columns == ("R6",)


def test_bare_years_under_the_fields() -> None:
    """2025 under 目標 and 2024 under 実績: the target is for FY2025, the actual for FY2024."""
    result = read([["評価指標", "目標", "実績"], ["", "2025", "2024"], ["a", "5件", "6件"]])
    assert (result.header_rows, result.plan.target_year) == ((1, 2), 2025)
    assert result.plan.indicators[0].indicator.actual.fiscal_year == 2024


def test_a_file_of_blank_rows() -> None:
    with pytest.raises(AchievementError) as info:
        read([["", ""], [" "]])
    assert info.value.file == "plan.csv"
    assert (info.value.en, info.value.ja) == (
        "the file has no rows; expected a header row and one row per indicator",
        "ファイルに行がありません。見出しの行と、指標ごとの行が必要です",
    )


def test_a_year_after_a_word_that_starts_like_one() -> None:
    """FY without a number, or 平成/昭和 without a year, does not hide the year after it."""
    assert fiscal_year("実績(FY)令和6年度") == 2024
    assert fiscal_year("昭和の日(令和6年度)") == 2024


def test_no_title_above_a_header_in_the_first_row() -> None:
    result = read([["評価指標", "目標", "実績"], ["a", "5件", "6件"]])
    assert (result.plan.title, result.header_rows) == ("", (1,))


def test_a_header_and_its_units_row_without_data() -> None:
    """Two header rows and nothing under them: no indicator, and the units row is no problem."""
    result = read([["評価指標", "目標", "実績"], ["", "(件)", "(件)"]])
    assert (result.header_rows, result.plan.indicators, result.problems) == ((1, 2), (), ())
