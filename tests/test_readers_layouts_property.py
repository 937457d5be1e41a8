"""Property: for every generated table, rows in = judged + listed problems + listed skipped rows.

The tables are drawn the way cities publish them: one header row or two (実績値
merged over year sub-columns, blank under the merge as in a CSV, or repeated as
the XLSX reader gives a merged range), goal heading rows (in one cell, or merged
across the table), totals rows, blank rows and blank cells.  They are read as
the readers hand rows to the table reader: ``(row number, cells)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from achievement.readers._table import read_rows

YEARS = ["令和3年度", "令和4年度", "令和5年度", "令和6年度"]
NAMES = ["電子決裁率", "図書貸出冊数", "待機児童数", "転入者数", "x"]
CELLS = ["", " ", "60%", "1,200人", "年5件(累計31件)", "―", "5件未満", "増加", "推進", "0.62"]
RECORDED = ["", "達成", "未達成", "A", "〇"]
HEADINGS = ["基本目標1 安全・安心なまち", "【基本目標2】子育て", "施策3 窓口の改善"]
TOTALS = ["合計", "小計", "合 計"]


@dataclass(frozen=True)
class Table:
    rows: list[tuple[int, list[str]]]
    header_rows: tuple[int, ...]
    data_rows: int
    skip: frozenset[int]
    """The rows drawn as heading or totals rows."""
    years: tuple[int, ...]
    """The fiscal years of the actual columns, in order."""


@st.composite
def tables(draw: st.DrawFn) -> Table:
    years = draw(st.integers(1, 3))
    first = draw(st.integers(0, len(YEARS) - years))
    chosen = YEARS[first : first + years]
    merged = draw(st.booleans())
    xlsx = draw(st.booleans())  # a merged range repeats its text; a CSV leaves blanks
    with_goal = draw(st.booleans())
    with_baseline = draw(st.booleans())
    with_recorded = draw(st.booleans())
    lead = (["基本目標"] if with_goal else []) + ["評価指標"]
    lead += ["計画策定時(令和2年度)"] if with_baseline else []
    tail = ["目標値(令和7年度)"] + (["評価"] if with_recorded else [])
    if merged:
        group = ["実績値"] * years if xlsx else ["実績値"] + [""] * (years - 1)
        top = lead + group + tail
        sub = [h if xlsx else "" for h in lead] + chosen + [h if xlsx else "" for h in tail]
        header = [top, sub]
    else:
        header = [lead + [f"{y}実績" for y in chosen] + tail]
    width = len(header[0])
    indicator = lead.index("評価指標")
    rows: list[tuple[int, list[str]]] = [(n, cells) for n, cells in enumerate(header, start=1)]
    skip: set[int] = set()
    data_rows = 0
    for _ in range(draw(st.integers(0, 10))):
        number = len(rows) + 1
        kind = draw(st.sampled_from(["data", "data", "data", "heading", "totals", "blank"]))
        if kind == "blank":
            cells = [""] * draw(st.integers(0, width))
        elif kind == "heading":
            text = draw(st.sampled_from(HEADINGS))
            if draw(st.booleans()):
                cells = [text] * width  # merged across the table
            else:
                cells = [""] * width
                cells[draw(st.sampled_from([0, indicator]))] = text
            skip.add(number)
        elif kind == "totals":
            cells = [""] * width
            cells[indicator] = draw(st.sampled_from(TOTALS))
            if draw(st.booleans()):
                cells[-1] = "28"
            skip.add(number)
        else:
            cells = [draw(st.sampled_from(CELLS)) for _ in range(width)]
            cells[indicator] = draw(st.sampled_from(NAMES))
            if with_goal:
                cells[0] = draw(st.sampled_from(["", "【基本目標1】安全", "2. 子育て"]))
            if with_recorded:
                cells[-1] = draw(st.sampled_from(RECORDED))
            cells = cells[: draw(st.integers(indicator + 1, width))]  # short rows: blank cells
        if any(c.strip() for c in cells):
            data_rows += 1
        rows.append((number, cells))
    fiscal = tuple(2021 + first + k for k in range(years))  # 令和3年度 is FY2021
    return Table(rows, tuple(range(1, len(header) + 1)), data_rows, frozenset(skip), fiscal)


@given(tables())
def test_rows_in_equal_judged_plus_problems_plus_skipped(table: Table) -> None:
    """rows in = judged + listed problems + listed skipped rows; headings and totals are skipped."""
    result = read_rows(table.rows, file="plan.csv")
    judged = {item.row for item in result.plan.indicators}
    problems = set(result.problem_rows)
    skipped = {note.row for note in result.skipped}
    assert result.header_rows == table.header_rows
    assert len(judged) + len(problems) + len(skipped) == table.data_rows
    assert result.rows + len(result.skipped) == table.data_rows
    assert judged.isdisjoint(problems)
    assert skipped.isdisjoint(judged | problems)
    assert skipped == set(table.skip)
    for note in result.skipped:
        assert note.code in ("row.heading", "row.totals")
        assert note.severity == "note"
        assert note.message.ja
        assert note.message.en
    for item in result.plan.indicators:
        # the latest year is the actual; every earlier year with a readable value is in the series
        assert item.indicator.actual.fiscal_year == table.years[-1]
        years = [point.fiscal_year for point in item.indicator.series]
        assert years == sorted(years)
        assert set(years) <= set(table.years[:-1])
