"""Write the real-looking tables of the reader tests: ``python tests/data/make_tables.py``.

- ``dx-plan-two-row-header.csv``: Shift_JIS (cp932), as Japanese Excel saves it; a
  title row, then a two-row header with 実績値 merged over 令和5年度 | 令和6年度 (blank
  cells under the merge, as a CSV keeps them), a reference column 参考値(全国平均)
  and published grades A/B/C.
- ``dx-plan-merged.xlsx``: the same plan as a workbook with real merged cells:
  the title, the header cells over two rows, 実績値 over its year columns, the
  goal headings across the table, and a totals row.
- ``safety-plan-headings.csv``: UTF-8 with a byte order mark; goal heading rows
  (基本目標1 … with the rest blank) and totals rows (合計, 小計).

The generated files are committed; the tests read them, not this script.
"""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent

TITLE = "第2期 デジタル推進計画 評価指標一覧(令和6年度実績)"
TOP = [
    "基本目標",
    "施策",
    "評価指標",
    "計画策定時(令和2年度)",
    "実績値",
    "",
    "目標値(令和7年度)",
    "参考値(全国平均)",
    "評価",
]
SUB = ["", "", "", "", "令和5年度", "令和6年度", "", "", ""]
ROWS = [
    [
        "【基本目標1】行政のデジタル化",
        "1. オンライン申請の拡充",
        "オンライン申請可能な手続数",
        "45件",
        "120件",
        "152件",
        "150件",
        "―",
        "A",
    ],
    ["", "", "電子決裁率", "31.0%", "88.5%", "93.4%", "100%", "72.0%", "B"],
    ["", "2. 窓口の待ち時間短縮", "平均待ち時間", "25分", "18分", "15分", "15分以下", "―", "A"],
    [
        "【基本目標2】地域のデジタル化",
        "3. デジタル人材の育成",
        "ICT講座の受講者数",
        "年120人",
        "年210人",
        "年250人",
        "年300人",
        "―",
        "B",
    ],
    ["", "", "公衆無線LANの設置数", "12か所", "20か所", "20か所", "25か所", "―", "C"],
]

HEADINGS = [
    ["評価指標", "計画策定時(令和2年度)", "目標(令和7年度)", "令和6年度実績", "評価"],
    ["基本目標1 安全・安心なまちづくり", "", "", "", ""],
    ["防犯カメラの設置台数", "120台", "200台", "210台", "達成"],
    ["刑法犯認知件数", "850件", "700件以下", "720件", "未達成"],
    ["小計", "", "", "", "1件達成"],
    ["基本目標2 子育てしやすいまち", "", "", "", ""],
    ["保育所待機児童数", "15人", "0人", "0人", "達成"],
    ["", "", "", "", ""],
    ["合計", "", "", "", "2件達成"],
]


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def write_csv(folder: Path = HERE) -> None:
    rows = [[TITLE, *[""] * 8], TOP, SUB, *ROWS]
    (folder / "dx-plan-two-row-header.csv").write_bytes(_csv(rows).encode("cp932"))
    (folder / "safety-plan-headings.csv").write_bytes(_csv(HEADINGS).encode("utf-8-sig"))


def write_xlsx(folder: Path = HERE) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "評価指標"
    top = [h for i, h in enumerate(TOP) if i != 0]  # goals are heading rows here
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(top))
    sheet.append(top)
    sheet.append([s for i, s in enumerate(SUB) if i != 0])
    for column, text in enumerate(top, start=1):
        if text == "実績値":
            sheet.merge_cells(start_row=2, start_column=column, end_row=2, end_column=column + 1)
        elif text:
            sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    for row in ROWS:
        if row[0]:
            sheet.append([row[0]])
            at = sheet.max_row
            sheet.merge_cells(start_row=at, start_column=1, end_row=at, end_column=len(top))
        sheet.append(row[1:])
    sheet.append(["合計", "", "", "", "", "", "", "5件中2件A"])
    book.properties.creator = "achievement"
    book.properties.created = book.properties.modified = _EPOCH
    book.save(folder / "dx-plan-merged.xlsx")


_EPOCH = datetime.datetime(2025, 4, 1)

if __name__ == "__main__":
    write_csv()
    write_xlsx()
