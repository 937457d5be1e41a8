"""Every verdict of the deadline style with its reason code and whole message, the expected
texts written here: the outcome alone leaves the message free to say the wrong thing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from achievement import Actual, Indicator, Judge, Outcome, Target, parse_value
from achievement.rules.deadline import DeadlineEvaluator

JUDGE = Judge(autoload=False)


def judged(target: str, actual: str, year: int | None = None) -> tuple[str, str, str, str]:
    indicator = Indicator(
        baseline=parse_value("未実施"),
        target=Target(value=parse_value(target)),
        actual=Actual(value=parse_value(actual), fiscal_year=year),
    )
    judgment = JUDGE.judge(indicator)
    return judgment.outcome.value, judgment.reason.code, judgment.message.ja, judgment.message.en


@pytest.mark.parametrize(
    ("target", "actual", "year", "expected"),
    [
        (
            "R7年度までに完了",
            "令和6年度完了",
            None,
            (
                "achieved",
                "deadline.done_in_time",
                "令和6年度完了は期限 R7年度までのため達成",
                "令和6年度完了 is by the deadline R7年度: achieved",
            ),
        ),
        (
            "令和7年度までに完了",
            "令和8年度完了",
            None,
            (
                "not_achieved",
                "deadline.done_late",
                "令和8年度完了は期限 令和7年度より後のため未達成",
                "令和8年度完了 is after the deadline 令和7年度: not achieved",
            ),
        ),
        (
            "令和7年度までに完了",
            "令和7年度完了予定",
            None,
            (
                "not_evaluable",
                "deadline.planned",
                "令和7年度完了予定は予定で、まだ済んでいないため評価不能(期限 令和7年度)",
                "令和7年度完了予定 is a plan, not yet done: not evaluable (deadline 令和7年度)",
            ),
        ),
        (
            "令和7年度までに完了",
            "令和8年度完了予定",
            None,
            (
                "not_achieved",
                "deadline.planned_late",
                "令和8年度完了予定は期限 令和7年度より後の予定のため未達成",
                "令和8年度完了予定 is planned after the deadline 令和7年度: not achieved",
            ),
        ),
        (
            "2025年度までに実施",
            "完了",
            None,
            (
                "achieved",
                "deadline.done",
                "実績「完了」は期限 2025年度までに済んでいるため達成(年度の記載なし、実績時点で完了)",
                "actual '完了' says the work is done, by the deadline 2025年度: achieved "
                "(no year given: done as of the actual)",
            ),
        ),
        (
            "2025年度までに実施",
            "完了",
            2024,
            (
                "achieved",
                "deadline.done",
                "実績「完了」は期限 2025年度までに済んでいるため達成(2024年度時点)",
                "actual '完了' says the work is done, by the deadline 2025年度: achieved "
                "(as of FY2024)",
            ),
        ),
        (
            "2025年度までに実施",
            "完了",
            2026,
            (
                "not_achieved",
                "deadline.done_after",
                "実績「完了」は2026年度時点のもので期限 2025年度より後のため未達成",
                "actual '完了' is as of FY2026, after the deadline 2025年度: not achieved",
            ),
        ),
        (
            "令和7年度までに完了",
            "検討中",
            None,
            (
                "not_achieved",
                "deadline.not_done",
                "実績「検討中」は未了のため期限 令和7年度までの目標は未達成",
                "actual '検討中' says the work is not done: the deadline 令和7年度 is not met, "
                "not achieved",
            ),
        ),
        (
            "令和7年度までに完了",
            "2026",
            None,
            (
                "not_evaluable",
                "deadline.year_or_count",
                "実績「2026」は年度とも数量とも読めるため評価不能(「2026年度」のように書いてください)",
                "actual '2026' could be a year or a count: not evaluable (write it as 2026年度)",
            ),
        ),
    ],
)
def test_each_verdict_says_what_it_read(
    target: str, actual: str, year: int | None, expected: tuple[str, str, str, str]
) -> None:
    assert judged(target, actual, year) == expected


def test_an_unknown_word_lists_the_words_of_both_kinds() -> None:
    outcome, code, ja, en = judged("令和7年度までに完了", "順調")
    assert (outcome, code) == ("not_evaluable", "deadline.unknown_word")
    assert ja.startswith("実績「順調」が済んだか分からないため評価不能(済んだ語: 完了、完了済、")
    assert "、未了の語: 未実施、未着手、" in ja
    assert en.startswith(
        "actual '順調' does not say whether the work is done: not evaluable (done: 完了、"
    )
    assert "; not done: 未実施、未着手、" in en


def test_a_deadline_against_a_number_is_incomparable() -> None:
    evaluator = DeadlineEvaluator()
    indicator = Indicator(
        baseline=parse_value("未実施"),
        target=Target(value=parse_value("30件")),
        actual=Actual(value=parse_value("令和6年度完了")),
    )
    verdict = evaluator.evaluate(indicator)
    assert (verdict.outcome, verdict.code) == (Outcome.NOT_EVALUABLE, "deadline.incomparable")
    assert dict(verdict.params) == {"target": "30件", "actual": "令和6年度完了"}


def test_a_better_indicator_is_done_one_year_earlier_for_a_step_below_one() -> None:
    indicator = Indicator(
        baseline=parse_value("未実施"),
        target=Target(value=parse_value("令和7年度までに完了")),
        actual=Actual(value=parse_value("2024年度完了")),
    )
    better = DeadlineEvaluator().better(indicator, Decimal("0.5"))
    assert better is not None
    assert better.actual.value.year == 2023  # type: ignore[union-attr]


def test_a_deadline_built_without_text_is_named_by_its_year() -> None:
    """A Deadline made in Python with no text gives its year, written as a year."""
    from achievement import Deadline

    indicator = Indicator(
        baseline=parse_value("未実施"),
        target=Target(value=Deadline(year=2025, word="完了", text="")),
        actual=Actual(value=parse_value("2024年度完了")),
    )
    judgment = JUDGE.judge(indicator)
    assert judgment.message.ja == "2024年度完了は期限 2025年度までのため達成"
