"""`achievement judge` judges one indicator from the command line."""

from __future__ import annotations

import json

import pytest

from achievement.cli import main


def test_judge_text_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    """The default output is the Japanese label and message."""
    assert main(["judge", "--baseline", "36 件", "--target", "110 件", "--actual", "785 件"]) == 0
    assert capsys.readouterr().out.startswith("達成: 実績 785件は目標 110件以上(7.1倍)のため達成")


def test_judge_json_says_lower_is_better_was_inferred(capsys: pytest.CaptureFixture[str]) -> None:
    """20% -> 0% -> 3% is not achieved, and the JSON reason says lower is better was inferred."""
    code = main(
        ["judge", "--baseline", "20%", "--target", "0%", "--actual", "3%", "--format", "json"]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"] == "not_achieved"
    assert data["direction"] == "lower"
    assert data["direction_source"] == "baseline"
    assert "lower is better, inferred" in data["message"]["en"]


def test_judge_unreadable_cell_exit_2_names_the_cell(capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable cell ends with exit 2 and a one-line message naming the cell and the text."""
    code = main(["judge", "--target", "80%未満", "--actual", "3%", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("achievement: error: option --target: cannot read '80%未満'")
    assert "80%未満" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_within_target_is_an_upper_limit(capsys: pytest.CaptureFixture[str]) -> None:
    """A target written with 以内 is an upper limit: 25分 against 30分以内 is achieved."""
    code = main(["judge", "--baseline", "60分", "--target", "30分以内", "--actual", "25分"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("達成: ")
    assert "30分以下" in out
