"""``achievement batch``: a table in, the same table with its judgments out."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import given

pl = pytest.importorskip("polars")

from achievement.cli import main  # noqa: E402

CSV = "指標,策定時,目標,実績\n窓口,36件,110件,785件\n電子,31%,100%,99%\n読めない,x%%,1件,1件\n"


def _roles() -> list[str]:
    return ["--column", "baseline=策定時", "--column", "target=目標", "--column", "actual=実績"]


def test_csv_in_parquet_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "kpi.csv"
    source.write_text(CSV, encoding="utf-8")
    out = tmp_path / "judged.parquet"
    code = main(["batch", str(source), "-o", str(out), "--lang", "en", *_roles()])
    assert code == 1  # one row cannot be read: said, and the rest is written
    judged = pl.read_parquet(out)
    assert judged["指標"].to_list() == ["窓口", "電子", "読めない"]
    assert judged["outcome"].to_list() == ["achieved", "not_achieved", None]
    err = capsys.readouterr().err
    assert "row 4" in err
    assert "x%%" in err


def test_parquet_in_csv_out_with_a_scheme(tmp_path: Path) -> None:
    source = tmp_path / "kpi.parquet"
    pl.DataFrame({"baseline": ["10%"], "target": ["60%"], "actual": ["20%"]}).write_parquet(source)
    out = tmp_path / "judged.csv"
    assert main(["batch", str(source), "-o", str(out), "--scheme", "progress"]) == 0
    judged = pl.read_csv(out)
    assert judged.select("outcome", "progress").row(0) == ("not_achieved", 0.2)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["same"], "読み込むファイル"),
        (["link.csv"], "読み込むファイル"),
        (["other.xlsx"], ".parquet か .csv"),
        (["other.csv", "--column", "target"], "役割=列名"),
    ],
)
def test_refusals_say_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    source = tmp_path / "kpi.csv"
    source.write_text(CSV, encoding="utf-8")
    out = source if args[0] == "same" else tmp_path / args[0]
    if args[0] == "link.csv":
        out.hardlink_to(source)
    assert main(["batch", str(source), "-o", str(out), "--lang", "ja", *args[1:]]) == 2
    assert words in capsys.readouterr().err
    assert source.read_text(encoding="utf-8") == CSV


def test_csv_out_never_holds_a_live_formula(tmp_path: Path) -> None:
    """A text cell a spreadsheet would run is quoted in the CSV; plain numbers are not."""
    source = tmp_path / "kpi.csv"
    source.write_text(
        '指標,策定時,目標,実績\n"=HYPERLINK(""http://x"")",10件,20件,-5\n@SUM(A1),1件,2件,3件\n',
        encoding="utf-8",
    )
    out = tmp_path / "judged.csv"
    main(["batch", str(source), "-o", str(out), *_roles()])
    judged = pl.read_csv(out, infer_schema=False)
    assert judged["指標"].to_list() == ['\'=HYPERLINK("http://x")', "'@SUM(A1)"]
    assert judged["実績"].to_list() == ["-5", "3件"]


def test_a_failed_write_leaves_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The output is replaced only when complete: a disk-full write keeps the old file."""
    source = tmp_path / "kpi.csv"
    source.write_text(CSV, encoding="utf-8")
    out = tmp_path / "judged.csv"
    out.write_text("previous", encoding="utf-8")

    def disk_full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    assert main(["batch", str(source), "-o", str(out), "--lang", "en", *_roles()]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["judged.csv", "kpi.csv"]


@given(st.lists(st.text(alphabet="=+-@\t\r 0123456789.eE%５A件(", max_size=8), max_size=20))
def test_csv_quoting_is_the_reports_rule(texts: list[str]) -> None:
    """The batch CSV quotes exactly the cells the CSV report quotes (render._safe.csv_cell)."""
    from achievement.cli.batch_command import _csv_safe
    from achievement.render._safe import csv_cell

    frame = pl.DataFrame({"cell": texts}, schema={"cell": pl.String})
    assert _csv_safe(frame)["cell"].to_list() == [csv_cell(t) for t in texts]


def test_a_shift_jis_csv_is_read_as_japanese_excel_saves_it(tmp_path: Path) -> None:
    source = tmp_path / "kpi.csv"
    source.write_bytes(CSV.encode("cp932"))
    out = tmp_path / "judged.parquet"
    assert main(["batch", str(source), "-o", str(out), *_roles()]) == 1  # the x%% row
    judged = pl.read_parquet(out)
    assert judged["指標"].to_list() == ["窓口", "電子", "読めない"]
    assert judged["outcome"].to_list() == ["achieved", "not_achieved", None]


def test_a_file_neither_utf8_nor_shift_jis_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "kpi.csv"
    source.write_bytes(CSV.encode("utf-8") + b"\xff\xfe\xfd\n")
    assert main(["batch", str(source), "-o", str(tmp_path / "o.csv"), "--lang", "en"]) == 2
    assert "neither UTF-8 nor Shift_JIS" in capsys.readouterr().err


def test_an_unquoted_thousands_separator_names_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A row split by an unquoted 1,250 has more cells than the header: refused, the row
    and its cells named, and nothing written."""
    source = tmp_path / "kpi.csv"
    source.write_text(
        "指標,策定時,目標,実績\n窓口,36件,110件,785件\n観光,1,250万人,1,400万人,980万人\n"
    )
    out = tmp_path / "judged.csv"
    assert main(["batch", str(source), "-o", str(out), "--lang", "ja", *_roles()]) == 2
    err = capsys.readouterr().err
    assert "3行目" in err
    assert (
        "セルが6個あり、見出しの4個より多くなっています: 「観光,1,250万人,1,400万人,980万人」"
        in err
    )
    assert not out.exists()
