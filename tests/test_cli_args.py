"""How the command line reads its options, and how it tells a usage error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from achievement._judge import AUTOLOAD_ENV, default_judge
from achievement.cli import LANG_ENV, main

PLAN = "指標名,目標値,実績値,担当課\n利用率,60%,20%,情報政策課\n"
"""A one-row plan with a column, 担当課, that no field is read from."""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.csv"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def bare(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language set in the environment, and no installed plugin."""
    monkeypatch.delenv(LANG_ENV, raising=False)
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    default_judge.cache_clear()


def test_validate_reads_a_file_named_after_columns(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``validate --columns H=F FILE`` reads FILE, not as a second pair of --columns."""
    assert main(["validate", "--columns", "担当課=ignore", str(plan), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "read 1 of 1 rows" in out
    assert "担当課" not in out


def test_report_reads_a_file_named_after_columns(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``report --columns H=F FILE`` reports FILE with the column left out."""
    assert main(["report", "--columns", "担当課=ignore", str(plan), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["name"] for item in data["indicators"]] == ["利用率"]


def test_columns_takes_one_pair_per_flag(plan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two pairs after one ``--columns`` are refused; ``--columns`` repeated maps both."""
    two = ["--columns", "指標名=indicator", "担当課=ignore", str(plan)]
    with pytest.raises(SystemExit) as exc:
        main(["validate", *two])
    assert exc.value.code == 2
    assert "使えない引数があります" in capsys.readouterr().err
    again = ["--columns", "指標名=indicator", "--columns", "担当課=ignore", str(plan)]
    assert main(["validate", *again]) == 0


@pytest.mark.parametrize(
    ("argv", "ja", "en"),
    [
        (["validate"], "次の引数が必要です: FILE", "the following arguments are required: FILE"),
        (
            ["judge", "--target", "1", "--actual", "1", "--format", "xml"],
            "引数 --format: 'xml' は選べません。選べるもの: 'text', 'json'",
            "argument --format: invalid choice: 'xml'",
        ),
        (["schema", "--colour"], "使えない引数があります: --colour", "unrecognized arguments"),
        (
            ["judge", "--actual", "1", "--target"],
            "引数 --target: 値を一つ指定してください",
            "argument --target: expected one argument",
        ),
    ],
)
def test_usage_errors_speak_the_language(
    argv: list[str],
    ja: str,
    en: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A usage error keeps the usage line and exit 2, in Japanese by default, English on request."""
    for args, lang, expected in [
        (argv, "ja", ja),
        ([*argv[:1], "--lang", "en", *argv[1:]], "en", en),
        ([*argv[:1], "--lang=en", *argv[1:]], "en", en),
    ]:
        with pytest.raises(SystemExit) as exc:
            main(args)
        assert exc.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("usage: achievement")
        head = "エラー" if lang == "ja" else "error"
        assert f": {head}: {expected}" in err
    monkeypatch.setenv(LANG_ENV, "en")
    with pytest.raises(SystemExit):
        main(argv)
    assert f": error: {en}" in capsys.readouterr().err
