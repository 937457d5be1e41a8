"""The range plugin, checked with the law suite of achievement.testing and real cells."""

from __future__ import annotations

from collections.abc import Callable

import achievement_range
import pytest
from achievement_range import Band, RangeEvaluator
from pydantic import TypeAdapter

from achievement import Judge, Outcome, ParseError, Quantity, Value, display
from achievement.testing import EvaluatorContract


class TestRangeLaws(EvaluatorContract):
    """The range evaluator keeps every law of an evaluator."""

    evaluator = RangeEvaluator()


@pytest.fixture
def judge(achievement_judge: Callable[..., Judge]) -> Judge:
    return achievement_judge(plugins=[achievement_range])


@pytest.mark.parametrize(
    ("target", "actual", "outcome", "code"),
    [
        ("80%〜90%", "85%", Outcome.ACHIEVED, "range.inside"),
        ("80%~90%", "90%", Outcome.ACHIEVED, "range.inside"),
        ("80〜90%", "80%", Outcome.ACHIEVED, "range.inside"),
        ("８０％～９０％", "79.9%", Outcome.NOT_ACHIEVED, "range.below"),
        ("80%〜90%", "91%", Outcome.NOT_ACHIEVED, "range.above"),
        ("80%〜90%", "85件", Outcome.NOT_EVALUABLE, "range.incomparable"),
    ],
)
def test_band_cells(judge: Judge, target: str, actual: str, outcome: Outcome, code: str) -> None:
    """A band read from its cell text is achieved exactly when the actual lies inside it."""
    judgment = judge.judge_text(baseline=None, target=target, actual=actual)
    assert (judgment.style, judgment.outcome, judgment.reason.code) == ("range", outcome, code)
    assert judgment.message.ja
    assert judgment.message.en


def test_message_names_the_band(judge: Judge) -> None:
    """The message names the actual and both ends of the band, in each language."""
    judgment = judge.judge_text(baseline="70%", target="80%〜90%", actual="95%")
    assert judgment.message.ja == "実績 95%は目標の範囲 80%〜90%を上回るため未達成"
    assert judgment.message.en == "actual 95% is above the target band 80% to 90%: not achieved"


def test_labelled_band_needs_no_parse_hook(judge: Judge) -> None:
    """A band written as labelled values is read by the core notation and judged as a range."""
    judgment = judge.judge_text(baseline=None, target="下限80% 上限90%", actual="88%")
    assert (judgment.style, judgment.outcome) == ("range", Outcome.ACHIEVED)


def test_band_keeps_its_text(judge: Judge) -> None:
    """The parsed band keeps the cell text as published."""
    assert judge.parse_value("80%〜90%").text == "80%〜90%"


def test_band_is_a_value_kind_of_its_own(judge: Judge) -> None:
    """A band is the plugin's own value kind, shown with a unit on each end."""
    value = judge.parse_value("80〜90%", "target")
    assert isinstance(value, Band)
    assert (value.kind, value.low.amount, value.high.amount) == ("range.band", 80, 90)
    assert display(value) == "80%〜90%"
    assert [p.value_kinds for p in judge.describe_plugins() if p.value_kinds] == [("range.band",)]


def test_band_round_trips_through_json(judge: Judge) -> None:
    """A band dumped as data (as the JSON report writes it) reads back as a band."""
    value = judge.parse_value("年3〜5件", "target")
    values: TypeAdapter[Value] = TypeAdapter(Value)
    data = values.dump_python(value, mode="json")
    assert data["kind"] == "range.band"
    assert values.validate_python(data) == value


def test_only_targets_are_bands(judge: Judge) -> None:
    """A band-looking cell of another column is left to the notation, which refuses it."""
    assert achievement_range.achievement_parse_value("80%〜90%", "actual") is None
    assert isinstance(judge.parse_value("80%", "actual"), Quantity)
    with pytest.raises(ParseError):
        judge.parse_value("80%〜90%", "actual")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("80%〜90%", "80%", "90%"),
        ("80〜90%", "80%", "90%"),
        ("80%〜90", "80%", "90%"),
        ("年3〜5件", "年3件", "年5件"),
    ],
)
def test_unit_and_period_written_once_apply_to_both_ends(
    judge: Judge, text: str, low: str, high: str
) -> None:
    """A unit or period written on one end of the band belongs to both ends."""
    value = judge.parse_value(text)
    assert isinstance(value, Band)
    assert [value.low.text, value.high.text] == [low, high]
    assert (value.low.unit, value.low.period) == (value.high.unit, value.high.period)


def test_mixed_units_are_refused(judge: Judge) -> None:
    """A band whose ends have different units is refused with the text and the position."""
    with pytest.raises(ParseError, match="different units"):
        judge.parse_value("80%〜90件")


def test_other_wave_dash_text_is_left_to_the_notation(judge: Judge) -> None:
    """Text with a wave dash that is not a band of numbers is not claimed by the plugin."""
    assert achievement_range.achievement_parse_value("実施〜推進", None) is None


def test_example_plan_judged_as_recorded(judge: Judge) -> None:
    """Every row of the example plan is judged as the plan records it, bands as ``range``."""
    import csv
    from pathlib import Path

    path = Path(__file__).parent.parent / "example-plan.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    recorded = {"達成": Outcome.ACHIEVED, "未達成": Outcome.NOT_ACHIEVED}
    styles = []
    for row in rows:
        judgment = judge.judge_text(
            baseline=row["計画策定時(令和2年度末)"],
            target=row["目標(令和7年度)"],
            actual=row["令和7年度 実績見込"],
            name=row["評価指標"],
        )
        assert judgment.outcome is recorded[row["評価"]], row["評価指標"]
        styles.append(judgment.style)
    assert styles == ["range", "range", "threshold"]
