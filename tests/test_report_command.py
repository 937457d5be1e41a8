"""The ``achievement report`` command, end to end through ``achievement.cli.main``."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from achievement.cli import main

from .test_rollup import SEED_SUMMARY

ROOT = Path(__file__).resolve().parent.parent
TAITO = ROOT / "examples" / "taito-2025" / "taito-2025.csv"


def test_json_must_show(capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON report of the Taito CSV has the fields asked for and totals 28/20/8/0, "71.4"."""
    assert main(["report", str(TAITO), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {k: data["totals"][k] for k in ("indicators", "achieved", "not_achieved")} == {
        "indicators": 28,
        "achieved": 20,
        "not_achieved": 8,
    }
    assert data["totals"]["not_evaluable"] == 0
    assert data["totals"]["rate"] == "71.4"
    for item in data["indicators"]:
        assert {"name", "measure", "style", "outcome", "reason", "recorded", "agrees"} <= set(item)
        assert set(item["measure"]) == {"number", "title", "priority"}
        assert item["outcome"] in ("achieved", "not_achieved", "not_evaluable")
        assert item["agrees"] is True
    assert [
        (m["number"], m["title"], m["priority"], m["indicators"], m["achieved"], m["not_achieved"])
        for m in data["measures"]
    ] == [(n, t, p, c, a, na) for _g, n, t, p, c, a, na in SEED_SUMMARY]
    assert all(m["not_evaluable"] == 0 for m in data["measures"])


def test_default_text_shows_the_seed_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """Without FILE the bundled example is reported as text: 16 measures, 合計 28/20/8, 71.4%."""
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    for _g, number, title, *_ in SEED_SUMMARY:
        assert f"│ {number}. {title}" in out
    assert "│ 合計" in out
    assert "71.4%" in out
    assert "基本目標3. " in out


@pytest.mark.parametrize("fmt", ["text", "md", "json", "csv", "html"])
def test_same_input_gives_identical_output(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    """Two runs on the same file print the same text."""
    outputs = []
    for _ in range(2):
        assert main(["report", str(TAITO), "--format", fmt, "--lang", "en"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0]


def test_xlsx_goes_to_the_output_file(tmp_path: Path) -> None:
    """--format xlsx -o OUT writes the same workbook bytes on every run."""
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert main(["report", str(TAITO), "--format", "xlsx", "-o", str(first)]) == 0
    assert main(["report", str(TAITO), "--format", "xlsx", "-o", str(second)]) == 0
    assert first.read_bytes()[:2] == b"PK"
    assert first.read_bytes() == second.read_bytes()


class _Stdout(io.TextIOWrapper):
    def isatty(self) -> bool:
        return False


def test_xlsx_goes_to_a_redirected_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without -o, xlsx bytes are written to stdout when it is not a terminal."""
    buffer = io.BytesIO()
    monkeypatch.setattr("sys.stdout", _Stdout(buffer, encoding="utf-8"))
    assert main(["report", str(TAITO), "--format", "xlsx"]) == 0
    assert buffer.getvalue()[:2] == b"PK"


def test_unreadable_rows_are_reported_and_the_rest_rolled_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A row with an unreadable target is named on stderr, exit 1, the other 27 are reported."""
    lines = TAITO.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = tmp_path / "broken.csv"
    at = next(i for i, line in enumerate(lines) if line.startswith(",3. キャッシュレス決済"))
    lines[at] = lines[at].replace(",40%,", ",40%%?,")
    broken.write_text("".join(lines), encoding="utf-8")
    assert main(["report", str(broken), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert str(broken) in captured.err
    assert "40%%?" in captured.err
    data = json.loads(captured.out)
    assert data["totals"]["indicators"] == 27
    assert data["totals"]["not_achieved"] == 7


def test_missing_file_is_an_error_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file gives a one-line message naming it, exit 2, no traceback."""
    missing = tmp_path / "nothing.csv"
    assert main(["report", str(missing), "--lang", "ja"]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err
    assert "Traceback" not in err


def _large_plan(tmp_path: Path, copies: int) -> Path:
    lines = TAITO.read_text(encoding="utf-8").splitlines(keepends=True)
    header, body = "".join(lines[:2]), "".join(lines[2:])  # the plan's name and the header
    path = tmp_path / "large.csv"
    path.write_text(header + body * copies, encoding="utf-8")
    return path


def test_large_plan_shows_a_progress_bar_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plan of more than 200 rows draws a progress bar on stderr when it is a terminal."""
    large = _large_plan(tmp_path, 8)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert main(["report", str(large), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["totals"]["indicators"] == 8 * 28
    assert "評価中" in captured.err


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a terminal the same large plan leaves stderr empty."""
    assert main(["report", str(_large_plan(tmp_path, 8)), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""


def test_format_follows_the_output_suffix(tmp_path: Path) -> None:
    """Without --format, -o report.html writes HTML and -o report.xlsx a workbook."""
    page, book = tmp_path / "report.html", tmp_path / "report.xlsx"
    assert main(["report", "-o", str(page)]) == 0
    assert main(["report", "-o", str(book)]) == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert book.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("to_file", [False, True])
def test_missing_optional_dependency_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    to_file: bool,
) -> None:
    """Without Jinja2 the html format fails with exit 2 and names the extra to install."""
    monkeypatch.setitem(sys.modules, "jinja2", None)
    out = ["-o", str(tmp_path / "report.html")] if to_file else []
    assert main(["report", "--format", "html", "--lang", "en", *out]) == 2
    assert not list(tmp_path.iterdir())
    err = capsys.readouterr().err
    assert "achievement[html]" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("name", ["taito-2025.xlsx", "taito-2025.yaml"])
def test_every_example_format_gives_the_csv_report(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The XLSX and YAML examples give the same measures and totals as the CSV."""
    assert main(["report", str(TAITO), "--format", "json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    assert main(["report", str(TAITO.with_name(name)), "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["measures"] == expected["measures"]
    assert got["totals"] == expected["totals"]


def test_unknown_output_suffix_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o report.pdf without --format is refused (exit 2) instead of writing text into it."""
    out = tmp_path / "report.pdf"
    assert main(["report", "-o", str(out), "--lang", "en"]) == 2
    assert not out.exists()
    assert "give --format" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["json", "html", "xlsx"])
def test_output_is_identical_across_processes(tmp_path: Path, fmt: str) -> None:
    """Two runs in separate processes, with different hash seeds, write byte-identical files."""
    import os
    import subprocess

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"report-{seed}.{fmt}"
        subprocess.run(
            [sys.executable, "-c", "import sys; from achievement.cli import main; sys.exit(main())",
             "report", "-o", str(out)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )  # fmt: skip
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 1000


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json", "xlsx"])
def test_rows_left_out_are_told_in_the_report_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """A report that leaves a row out says so in every format, with the row and its text."""
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "施策,評価指標,目標,実績,評価\n1. 窓口,利用率,60%,70%,達成\n,満足度,80%未満,70%,\n",
        encoding="utf-8",
    )
    out = tmp_path / f"report.{'txt' if fmt == 'text' else fmt}"
    assert main(["report", str(plan), "-o", str(out)]) == 1
    assert "achievement: エラー: " in capsys.readouterr().err
    if fmt == "xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        sheet = openpyxl.load_workbook(out).worksheets[0]
        written = "\n".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)
    else:
        written = out.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(written)
        assert data["source_rows"] == 2
        assert [(p["row"], p["column"], p["text"], p["severity"]) for p in data["problems"]] == [
            (3, "目標", "80%未満", "error")
        ]
        return
    assert "計画の2行のうち1行を集計しています" in written
    assert "plan.csv:3: 目標: 80%未満: 4文字目が読めません" in written


def test_report_never_writes_over_its_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o naming the plan itself is refused with exit 2; the plan is unchanged."""
    plan = tmp_path / "plan.csv"
    plan.write_bytes(TAITO.read_bytes())
    assert main(["report", str(plan), "-o", str(plan), "--format", "csv"]) == 2
    assert "は読み込むファイル" in capsys.readouterr().err
    assert plan.read_bytes() == TAITO.read_bytes()
    assert main(["report", str(plan), "-o", str(tmp_path / "no" / "r.md"), "--lang", "en"]) == 2
    assert "cannot write" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_file_written_piecewise_is_the_rendered_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """-o OUT.json / OUT.html (written piece by piece) holds exactly what stdout gets."""
    out = tmp_path / f"report.{fmt}"
    assert main(["report", str(TAITO), "-o", str(out), "--lang", "en"]) == 0
    capsys.readouterr()
    assert main(["report", str(TAITO), "--format", fmt, "--lang", "en"]) == 0
    assert out.read_text(encoding="utf-8") == capsys.readouterr().out


def test_json_failing_midway_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON report that fails after its first pieces: old file intact, no temporary file."""
    from achievement.render import json_

    def broken(*_args: object, **_kwargs: object) -> Iterator[str]:
        yield "{"
        raise ZeroDivisionError("boom")

    out = tmp_path / "report.json"
    out.write_text("previous report", encoding="utf-8")
    monkeypatch.setattr(json_, "chunks", broken)
    assert main(["report", str(TAITO), "-o", str(out), "--lang", "en"]) == 3
    assert "ZeroDivisionError: boom" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


class _CountingStdout(io.StringIO):
    """A redirected stdout that counts the pieces written to it."""

    writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_stdout_gets_the_report_piece_by_piece(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Without -o, json and html go to stdout as they are made: the same text as -o OUT."""
    lines = TAITO.read_text(encoding="utf-8").splitlines(keepends=True)
    plan = tmp_path / "plan.csv"  # the Taito rows 20 times over: a report of several pieces
    plan.write_text(lines[0] + lines[1] + "".join(lines[2:] * 20), encoding="utf-8")
    out = tmp_path / f"report.{fmt}"
    assert main(["report", str(plan), "-o", str(out), "--lang", "ja"]) == 0
    stdout = _CountingStdout()
    monkeypatch.setattr("sys.stdout", stdout)
    assert main(["report", str(plan), "--format", fmt, "--lang", "ja"]) == 0
    assert stdout.getvalue() == out.read_text(encoding="utf-8")
    assert stdout.writes > 2  # never one string: written in batches as it is made
