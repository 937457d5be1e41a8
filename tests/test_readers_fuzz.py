"""Hypothesis-generated CSVs never crash a reader: every data row is judged or a problem.

The tables are valid by construction (a header with the required columns, any
cells below it), so reading them must never raise: only the cells may be
problems.
"""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import assume, given
from hypothesis import strategies as st

from achievement import AchievementError, default_judge
from achievement.readers import read_plan

TAITO = Path(__file__).resolve().parent.parent / "examples" / "taito-2025" / "taito-2025.csv"
with TAITO.open(encoding="utf-8", newline="") as _f:
    _TAITO_ROWS = list(csv.reader(_f))
REAL_CELLS = sorted({cell for row in _TAITO_ROWS[2:] for cell in row})
"""Every cell text of the Taito table: goals, measures, values, words, notes."""

REQUIRED = ["評価指標", "目標(令和7年度)", "令和7年度 実績見込"]
OPTIONAL = [
    "基本目標",
    "施策",
    "取り組み",
    "計画策定時(令和2年度末)",
    "評価",
    "取組状況等",
    "方向",
    "style",
    "x_unused",
]
ODD_CELLS = ["", " ", "―", "-", "集計中", "未満", "5件未満", "1,2,3", "(", "年", "上昇", "低下"]
ODD_CELLS += [
    "threshold",
    "sideways",
    "【基本目標9】",
    "施策7",
    "(重点施策)",
    "\n",
    '"',
    "１２３％",
]

ENCODINGS = ["utf-8", "utf-8-sig", "cp932"]


def _round_trips(ch: str) -> bool:
    try:
        return ch.encode("cp932").decode("cp932") == ch
    except UnicodeEncodeError:
        return False


_CANDIDATES = (
    [chr(c) for c in range(0x09, 0x7F)]
    + [chr(c) for c in range(0x3000, 0x3100)]
    + [chr(c) for c in range(0xFF01, 0xFFA0)]
    + sorted({ch for cell in REAL_CELLS for ch in cell})
)
CP932_CHARS = sorted({ch for ch in _CANDIDATES if _round_trips(ch)})
"""Characters Shift_JIS (cp932) can hold: ASCII, kana, full-width forms, the Taito kanji."""


@st.composite
def tables(draw: st.DrawFn) -> tuple[bytes, int, str]:
    """A CSV table as bytes, with the number of non-blank data rows and the encoding."""
    encoding = draw(st.sampled_from(ENCODINGS))
    header = draw(
        st.permutations(REQUIRED + draw(st.lists(st.sampled_from(OPTIONAL), unique=True)))
    )
    cell = st.one_of(
        st.sampled_from(REAL_CELLS),
        st.sampled_from(ODD_CELLS),
        st.text(st.sampled_from(CP932_CHARS), max_size=12)
        if encoding == "cp932"
        else st.text(max_size=12),
    )
    width = len(header)
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=width + 2), min_size=0, max_size=12))
    out = io.StringIO()
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    writer = csv.writer(out, lineterminator="\r\n", quoting=quoting)
    writer.writerow(header)
    writer.writerows(rows)
    text = out.getvalue()
    data = text.encode(encoding)
    if encoding == "cp932":
        # a cp932 file that happens to be valid UTF-8 is read as UTF-8, as it should be
        with contextlib.suppress(UnicodeDecodeError):
            assume(data.decode("utf-8") == text)
    data_rows = sum(1 for row in rows if any(c.strip() for c in row))
    return data, data_rows, encoding


@given(tables())
def test_rows_in_equal_rows_out(table: tuple[bytes, int, str]) -> None:
    """Every non-blank data row is an indicator, named by a problem, or skipped with a note.

    The row under the header is a second header row when it holds only years or
    units: then it is not a data row.
    """
    data, data_rows, _ = table
    with TemporaryDirectory() as folder:
        path = Path(folder) / "plan.csv"
        path.write_bytes(data)
        result = read_plan(path)
    assert result.header_rows in ((1,), (1, 2))
    assert result.rows + len(result.skipped) == data_rows - (len(result.header_rows) - 1)
    assert result.rows == len(result.plan.indicators) + len(result.problem_rows)
    read_rows = {item.row for item in result.plan.indicators}
    skipped_rows = {note.row for note in result.skipped}
    assert read_rows.isdisjoint(result.problem_rows)
    assert skipped_rows.isdisjoint(read_rows | set(result.problem_rows))
    assert all(note.severity == "note" for note in result.skipped)
    assert set(result.warnings) <= set(result.problems)
    for problem in result.problems:
        assert problem.file == str(path)
        assert problem.row is not None
        assert problem.message.ja
        assert problem.message.en


@given(tables())
def test_every_read_row_can_be_judged(table: tuple[bytes, int, str]) -> None:
    """Every indicator a reader returns is judged by an installed style, with a message in both languages."""
    data, _, _ = table
    with TemporaryDirectory() as folder:
        path = Path(folder) / "plan.csv"
        path.write_bytes(data)
        result = read_plan(path)
    judge = default_judge()
    for item in result.plan.indicators:
        judgment = judge.judge(item.indicator)
        assert judgment.style is None or judgment.style in judge.styles
        assert judgment.message.ja
        assert judgment.message.en


@given(tables())
def test_same_input_same_result(table: tuple[bytes, int, str]) -> None:
    """Reading the same bytes twice gives the same plan and the same problems."""
    data, _, _ = table
    with TemporaryDirectory() as folder:
        path = Path(folder) / "plan.csv"
        path.write_bytes(data)
        outputs = [_outcome(path) for _ in range(2)]
    assert outputs[0] == outputs[1]


def _outcome(path: Path) -> str:
    try:
        return read_plan(path).model_dump_json()
    except AchievementError as error:
        return error.message("ja")
