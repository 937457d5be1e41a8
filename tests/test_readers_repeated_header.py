"""A table printed over several pages repeats its header on each: those rows are skipped
with a note naming the header row they repeat, never read as indicators or refused."""

from __future__ import annotations

from tests._table_rows import read

HEADER = ["基本目標", "評価指標", "計画策定時", "目標", "実績"]


def test_a_repeated_header_row_is_skipped_with_a_note() -> None:
    result = read(
        [
            ["第2期総合戦略 KPI"],
            HEADER,
            ["しごと", "新規創業件数", "32件", "40件", "45件"],
            [],
            [" 基本目標", "評価指標 ", "計画策定時", "目標", "実績", "", ""],
            ["ひと", "移住相談件数", "150件", "200件", "210件"],
        ]
    )
    assert [i.indicator.name for i in result.plan.indicators] == ["新規創業件数", "移住相談件数"]
    assert result.problems == ()
    (note,) = result.skipped
    assert (note.row, note.column, note.text, note.code, note.severity) == (
        5,
        "A",
        "基本目標",
        "row.repeated_header",
        "note",
    )
    assert note.message.ja == (
        "表の見出し(2行目)の繰り返しとして読み飛ばしました(ページごとに見出しがある表など)"
    )
    assert note.message.en == (
        "skipped as a repeat of the table's header (row 2), as a table split into pages repeats it"
    )


def test_both_rows_of_a_two_row_header_repeat() -> None:
    top = ["評価指標", "実績値", "実績値", "目標"]
    sub = ["", "令和5年度", "令和6年度", "令和7年度"]
    result = read(
        [
            top,
            sub,
            ["相談件数", "120件", "150件", "200件"],
            top,
            sub,
            ["窓口", "30件", "35件", "40件"],
        ]
    )
    assert [i.indicator.name for i in result.plan.indicators] == ["相談件数", "窓口"]
    assert [(n.row, n.message.en.split("(")[1][:5]) for n in result.skipped] == [
        (4, "row 1"),
        (5, "row 2"),
    ]


def test_a_row_that_differs_from_the_header_in_one_cell_is_read() -> None:
    """Only a row equal to the header cell for cell is a repeat: one with a value is a row
    of the table (and here a refused one, its cells not being values)."""
    result = read([HEADER, ["しごと", "評価指標", "計画策定時", "目標", "45件"]])
    assert result.skipped == ()
    assert result.plan.indicators == ()
    assert {p.row for p in result.problems} == {2}
