"""The deadline style (期限): work done by a fiscal year."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from achievement import Judge
from achievement._model import (
    Actual,
    Deadline,
    FiscalYear,
    Indicator,
    Missing,
    Outcome,
    StatusWord,
    Target,
)
from achievement.cli import main
from achievement.rules.deadline import DeadlineEvaluator
from achievement.strategies import deadline_cases

JUDGE = Judge(autoload=False)


def judged(target: str, actual: str, *, as_of: int | None = None) -> tuple[str, str, str]:
    """Outcome, style and the Japanese message of one indicator given as cell text."""
    indicator = Indicator(
        target=Target(value=JUDGE.parse_value(target)),
        actual=Actual(value=JUDGE.parse_value(actual), fiscal_year=as_of),
    )
    j = JUDGE.judge(indicator)
    return j.outcome.value, str(j.style), j.message.ja


@pytest.mark.parametrize(
    ("target", "actual", "outcome"),
    [
        ("令和7年度までに完了", "令和6年度完了", "achieved"),
        ("令和7年度までに完了", "令和7年度完了", "achieved"),  # the deadline's own year
        ("令和7年度までに完了", "2026年度実施", "not_achieved"),
        ("2025年度までに実施", "2024年度", "achieved"),
        ("R7年度までに導入", "R8年度導入", "not_achieved"),
        ("令和7年度までに完了", "完了", "achieved"),
        ("令和7年度までに完了", "実施済", "achieved"),
        ("令和7年度までに導入", "導入済", "achieved"),
        ("令和7年度までに完了", "未実施", "not_achieved"),
        ("令和7年度までに完了", "検討中", "not_achieved"),
        ("令和7年度までに完了", "令和8年度完了予定", "not_achieved"),  # planned past it
        ("令和7年度までに完了", "令和7年度完了予定", "not_evaluable"),  # not done yet
        ("令和7年度までに完了", "見直し", "not_evaluable"),
        ("令和7年度までに完了", "50%", "not_evaluable"),
        ("2025年度", "2026年度", "not_achieved"),
        ("令和7年度", "令和6年度", "achieved"),
    ],
)
def test_deadline_examples(target: str, actual: str, outcome: str) -> None:
    """Achieved iff done by the deadline; a plan within it is not evaluable, with the reason."""
    got, style, message = judged(target, actual)
    assert (got, style) == (outcome, "deadline")
    assert message


def test_planned_within_the_deadline_says_why() -> None:
    """A plan within the deadline is not evaluable because the work is not done yet."""
    _, _, message = judged("令和7年度までに完了", "令和7年度完了予定")
    assert "予定" in message
    assert "済んでいない" in message


@pytest.mark.parametrize("actual", ["1900", "2026", "2099"])
def test_bare_year_like_numbers_are_not_read_as_years(actual: str) -> None:
    """A bare number from 1900 to 2099 against a deadline could be a year or a count."""
    assert judged("2025年度", actual)[0] == "not_evaluable"
    assert JUDGE.judge_text(baseline=None, target="2025年度", actual=actual).reason.code == (
        "deadline.year_or_count"
    )


@pytest.mark.parametrize("actual", ["1899", "2100", "2026.5", "2026件"])
def test_other_numbers_against_a_deadline_are_incomparable(actual: str) -> None:
    """Other numbers are plainly not years: incomparable with a deadline."""
    j = JUDGE.judge_text(baseline=None, target="2025年度", actual=actual)
    assert j.reason.code == "deadline.incomparable"


def test_done_word_as_of_a_year_after_the_deadline_is_not_achieved() -> None:
    """完了 reported as of FY2027 against a FY2025 deadline is not achieved; as of 2025 it is."""
    assert judged("令和7年度までに完了", "完了", as_of=2027)[0] == "not_achieved"
    assert judged("令和7年度までに完了", "完了", as_of=2025)[0] == "achieved"


def test_done_word_without_a_year_says_so() -> None:
    """With no year for the actual, the message says the status was taken as of the actual."""
    _, _, message = judged("令和7年度までに完了", "完了")
    assert "年度の記載なし" in message


@given(
    deadline=st.integers(2000, 2040),
    done=st.integers(1990, 2050),
    later=st.integers(1, 10),
)
def test_a_later_completion_is_never_better(deadline: int, done: int, later: int) -> None:
    """Finishing later never turns not achieved into achieved; it is achieved iff done <= deadline."""
    evaluator = DeadlineEvaluator()

    def outcome(year: int) -> Outcome:
        indicator = Indicator(
            target=Target(
                value=Deadline(year=deadline, word="完了", text=f"{deadline}年度までに完了")
            ),
            actual=Actual(value=FiscalYear(year=year, word="完了", text=f"{year}年度完了")),
        )
        return evaluator.evaluate(indicator).outcome

    assert (outcome(done) is Outcome.ACHIEVED) == (done <= deadline)
    if outcome(done) is Outcome.NOT_ACHIEVED:
        assert outcome(done + later) is Outcome.NOT_ACHIEVED


@given(st.sampled_from(list(Outcome)).flatmap(deadline_cases))
def test_cases_read_back_from_their_text(indicator: Indicator) -> None:
    """The cases of the law suite are written as plans write them and read back the same."""
    for value in (indicator.target.value, indicator.actual.value):
        assert JUDGE.parse_value(value.text) == value


def test_better_moves_the_year_earlier() -> None:
    """better() gives an earlier completion year, and nothing for a status word."""
    evaluator = DeadlineEvaluator()
    base = Indicator(
        target=Target(value=Deadline(year=2025, word="完了", text="令和7年度までに完了")),
        actual=Actual(value=FiscalYear(year=2026, word="完了", text="2026年度完了")),
    )
    improved = evaluator.better(base, Decimal("2.5"))
    assert improved is not None
    value = improved.actual.value
    assert isinstance(value, FiscalYear)
    assert value.year == 2024
    assert JUDGE.parse_value(value.text) == value
    word = base.model_copy(update={"actual": Actual(value=StatusWord(word="完了", text="完了"))})
    assert evaluator.better(word, Decimal(1)) is None


def test_other_values_are_incomparable() -> None:
    """A deadline style given numbers, or a year with a word as target, is not evaluable."""
    evaluator = DeadlineEvaluator()
    indicator = Indicator(
        target=Target(value=FiscalYear(year=2025, word="完了", text="令和7年度完了")),
        actual=Actual(value=FiscalYear(year=2024, text="令和6年度")),
    )
    assert evaluator.evaluate(indicator).code == "deadline.incomparable"
    missing = Indicator(target=Target(value=Missing()), actual=Actual(value=Missing()))
    assert evaluator.evaluate(missing).outcome is Outcome.NOT_EVALUABLE


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_cli_late_year_is_not_achieved_and_never_2026_with_a_comma(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``achievement judge --target 2025年度 --actual 2026年度`` is not 達成 and prints no 2,026."""
    code = main(["judge", "--lang", lang, "--target", "2025年度", "--actual", "2026年度"])
    out = capsys.readouterr().out
    assert code == 0
    assert "2,026" not in out
    assert "2,025" not in out
    assert out.startswith("未達成" if lang == "ja" else "not achieved")


def test_cli_json_has_the_deadline_style(capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON judgment names the style and keeps years without separators."""
    main(
        [
            "judge",
            "--format",
            "json",
            "--target",
            "令和7年度までに完了",
            "--actual",
            "令和8年度完了",
        ]
    )
    out = capsys.readouterr().out
    assert '"style": "deadline"' in out
    assert '"outcome": "not_achieved"' in out
    assert "2,02" not in out


NEW_KIND_TEXTS = [
    "令和7年度",
    "2025年度",
    "令和7年度までに完了",
    "令和6年度完了",
    "令和8年度完了予定",
    "前年度比5%増",
    "毎年度増加",
    "第3位",
    "上位10位以内",
    "45.3%(速報値)",
    "100%(全校)",
    "現状維持",
    "実施済",
    "60%",
    "2026",
]


@given(
    style=st.sampled_from(JUDGE.styles),
    baseline=st.sampled_from(NEW_KIND_TEXTS),
    target=st.sampled_from(NEW_KIND_TEXTS),
    actual=st.sampled_from(NEW_KIND_TEXTS),
)
def test_every_builtin_style_judges_the_new_kinds(
    style: str, baseline: str, target: str, actual: str
) -> None:
    """Every built-in style gives a verdict with a catalogued code for years, deadlines, ranks."""
    j = JUDGE.judge_text(baseline=baseline, target=target, actual=actual, style=style)
    assert j.reason.code != "judge.evaluator_failed", j.message.en
    assert j.message.ja
    assert j.message.en
    if "年度" in target + actual:  # beside a year, a bare 2026 is shown as written
        assert "2,02" not in j.message.ja + j.message.en
