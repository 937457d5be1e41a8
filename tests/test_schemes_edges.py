"""Edges of grading that the scheme laws and the Taito examples leave open: each test pins a
case where a small change in the code would give another grade, with the grade written here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from achievement import (
    Actual,
    Direction,
    Goal,
    Indicator,
    Judge,
    LocalizedText,
    Measure,
    Observation,
    Outcome,
    PlanIndicator,
    Target,
    parse_value,
)
from achievement.schemes import (
    Basis,
    Condition,
    Grade,
    GradeTally,
    Measurements,
    get_scheme,
    grade_measure,
    measure,
)
from achievement.schemes._measure import degree
from achievement.schemes._published import published_grade, published_text

JUDGE = Judge(autoload=False)
SOUMU5 = get_scheme("soumu5", JUDGE)
MEANING = LocalizedText(ja="評価できない", en="cannot be assessed")


def test_five_grades_alone_do_not_grade_measures() -> None:
    """soumu5's five grades without ``per_measure`` grade indicators only."""
    indicators_only = SOUMU5.model_copy(update={"per_measure": False})
    with pytest.raises(ValueError, match=r"^scheme 'soumu5' does not grade measures$"):
        grade_measure(indicators_only, [(SOUMU5.grades[0], True)])


def test_indicators_that_cannot_be_assessed_leave_the_measure() -> None:
    """Under a per-measure scheme with a ``cannot_assess`` grade, that grade is left out: the
    measure is graded from the other indicator alone (far above its target: 目標超過達成)."""
    with_e = SOUMU5.model_copy(update={"cannot_assess": Grade(label="E", meaning=MEANING)})
    assert with_e.cannot_assess is not None
    grade = grade_measure(with_e, [(with_e.cannot_assess, True), (SOUMU5.grades[0], False)])
    assert grade is not None
    assert grade.label == "目標超過達成"
    assert grade_measure(with_e, [(with_e.cannot_assess, True)]) == with_e.cannot_assess


def test_the_rule_in_words_of_baseline_4() -> None:
    """The whole rule as a report prints it, in both languages."""
    rule = get_scheme("baseline-4", JUDGE).rule
    assert rule.ja == (
        "計画策定時との比較による4区分: 達成A(目標を達成): 目標を達成、"
        "前進B(計画策定時より前進): 計画策定時からの変化率5%超、"
        "横ばいC(計画策定時と同程度): 計画策定時からの変化率-5%以上、"
        "後退D(計画策定時より後退): それ以外"
        "(目標値と比較して同数以上(低い方が良い指標は同数以下)を達成とする。"
        "変化率 = (実績 − 計画策定時) ÷ |計画策定時|(低い方が良い指標は符号を逆にする)。"
        "計画策定時からの変化率が求められない指標は、達成なら達成A、"
        "未達成なら上の区分に当たらない限り横ばいC。評価不能の指標には区分を付けない。"
        "達成率は達成Aの割合)"
    )
    assert rule.en == (
        "four grades against the baseline: met A (target met): target met; "
        "forward B (better than the baseline): change against the baseline above 5%; "
        "flat C (about the baseline): change against the baseline -5% or more; "
        "back D (worse than the baseline): otherwise "
        "(met means the actual is the target or better; "
        "change = (actual - baseline) / |baseline|, sign reversed when lower is better; "
        "where the change against the baseline is undefined, a met indicator is met A and "
        "one not met is flat C unless a band above holds; "
        "indicators that cannot be evaluated get no grade; the achievement rate counts met A)"
    )


def test_a_bound_is_shown_rounded_half_up() -> None:
    """A bound of 12.345% is shown to two places, the tie rounded up: 12.35%."""
    words = Condition(min=Decimal("0.12345")).words(Basis.DEGREE)
    assert (words.ja, words.en) == ("達成度12.35%以上", "achievement degree 12.35% or more")


def test_an_unknown_label_is_the_key_error() -> None:
    with pytest.raises(KeyError) as info:
        SOUMU5.get("S")
    assert info.value.args == ("S",)


def row(baseline: str, target: str, actual: str) -> Indicator:
    return Indicator(
        baseline=parse_value(baseline),
        target=Target(value=parse_value(target)),
        actual=Actual(value=parse_value(actual)),
    )


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "change", "grade"),
    [
        ("0件", "5件", "0件", 0, "C"),  # no move from zero: unchanged
        ("0%", "10%", "0.5%", 1, "B"),  # any move up from zero counts as large
        ("0件", "5件", "3件", 1, "B"),
    ],
)
def test_change_from_a_zero_baseline_is_the_sign_of_the_move(
    baseline: str, target: str, actual: str, change: int, grade: str
) -> None:
    indicator = row(baseline, target, actual)
    judgment = JUDGE.judge(indicator)
    assert measure(indicator, judgment).change == change
    graded = get_scheme("kenko21", JUDGE).grade(indicator, judgment)
    assert graded is not None
    assert graded.label == grade


def test_tally_counts_the_indicators_without_a_grade() -> None:
    binary = get_scheme("binary", JUDGE)
    tally = GradeTally.of(binary, [binary.grades[0], None, binary.grades[1]])
    assert (tally.counts, tally.ungraded, tally.rate) == (
        {"達成": 1, "未達成": 1},
        1,
        Decimal("50.0"),
    )


def test_progress_on_a_gap_smaller_than_one() -> None:
    """From 0.2% to a target of 0.8%, an actual of 0.5% is half the way."""
    indicator = row("0.2%", "0.8%", "0.5%")
    assert measure(indicator, JUDGE.judge(indicator)).progress == Decimal("0.5")


def test_rate_needs_one_flag_per_grade() -> None:
    binary = get_scheme("binary", JUDGE)
    with pytest.raises(ValueError, match="zip"):
        binary.rate([binary.grades[0], binary.grades[1]], [True])


def test_published_grade_under_binary_and_of_blank_cells() -> None:
    """Under binary a cell is an outcome, never a grade; a blank cell names no grade."""
    assert published_grade(get_scheme("binary", JUDGE), "達成") is None
    assert published_grade(get_scheme("degree", JUDGE), " ") is None
    grade = published_grade(get_scheme("degree", JUDGE), " Ｂ ")
    assert grade is not None
    assert grade.label == "B"


def test_published_text_of_a_row_read_from_an_outcome_code() -> None:
    """A row whose published cell was the code itself keeps no text: the code is the text."""
    entry = PlanIndicator(
        goal=Goal(title="g"),
        measure=Measure(title="m"),
        indicator=row("31%", "100%", "99%"),
        recorded=Outcome.NOT_ACHIEVED,
    )
    assert published_text(entry) == "not_achieved"
    assert published_text(entry.model_copy(update={"recorded": None})) is None
    written = entry.model_copy(update={"recorded_text": "未達"})
    assert published_text(written) == "未達"


INF = Decimal("Infinity")


@pytest.mark.parametrize(
    ("target", "actual", "direction", "expected"),
    [
        (0, 3, Direction.HIGHER, INF),  # past a zero target
        (0, -2, Direction.HIGHER, -INF),  # below a zero target
        (0, 0, Direction.HIGHER, Decimal(1)),  # exactly on it
        (0, 0, Direction.LOWER, Decimal(1)),
        (5, 0, Direction.LOWER, INF),  # down to zero when lower is better
        (5, -1, Direction.LOWER, INF),
        (0, 4, Direction.LOWER, Decimal(0)),
        (60, 20, Direction.HIGHER, Decimal(20) / 60),
        (-5, 1, Direction.HIGHER, None),  # a negative target has no degree
    ],
)
def test_degree_at_and_around_a_zero_target(
    target: int, actual: int, direction: Direction, expected: Decimal | None
) -> None:
    assert degree(Decimal(target), Decimal(actual), direction) == expected


def test_pace_and_trajectory_of_an_indicator_with_years() -> None:
    """100冊 (FY2020) to 150冊 (FY2025), 105冊 in FY2021 and 118冊 in FY2022: the line through
    the three years reaches 143.67 in FY2025 (pace 43.67 / 50), and 18 of the 20 due by FY2022
    were made (trajectory 0.9).  Without years neither is defined."""
    books = Indicator(
        baseline=parse_value("100冊"),
        baseline_year=2020,
        target=Target(value=parse_value("150冊"), fiscal_year=2025),
        actual=Actual(value=parse_value("118冊"), fiscal_year=2022),
        series=(Observation(fiscal_year=2021, value=parse_value("105冊")),),
    )
    measured = measure(books, JUDGE.judge(books))
    assert measured.pace is not None
    assert round(measured.pace, 6) == Decimal("0.873333")
    assert measured.trajectory == Decimal("0.9")
    plain = books.model_copy(update={"baseline_year": None})
    measured = measure(plain, JUDGE.judge(plain))
    assert (measured.pace, measured.trajectory) == (None, None)
    no_way = books.model_copy(
        update={"target": Target(value=parse_value("100冊"), fiscal_year=2025)}
    )
    measured = measure(no_way, JUDGE.judge(no_way))  # the target is the baseline: no way to go
    assert (measured.pace, measured.trajectory) == (None, None)


def test_running_total_against_an_annual_target() -> None:
    """年5件 against 年27件(累計59件): the annual figures are compared, degree 27 / 5."""
    indicator = row("年3件", "年5件", "年 27 件 (累計 59 件)")
    measured = measure(indicator, JUDGE.judge(indicator))
    assert (measured.degree, measured.progress, measured.change) == (
        Decimal("5.4"),
        Decimal("12"),
        Decimal("8"),
    )


@pytest.mark.parametrize(
    ("target", "direction"),
    [("15分", Direction.LOWER), ("15分以下", None), ("15分以内", None)],
)
def test_a_judgment_without_direction_leaves_the_indicator_s_own(
    target: str, direction: Direction | None
) -> None:
    """A plugin's verdict may carry no direction: the indicator's stated 'lower', or the bound
    of its target, still holds, so 12分 against 15分 is a degree of 15 / 12, not 12 / 15."""
    indicator = Indicator(
        target=Target(value=parse_value(target)),
        actual=Actual(value=parse_value("12分")),
        direction=direction,
    )
    judgment = JUDGE.judge(indicator).model_copy(update={"direction": None})
    assert measure(indicator, judgment).degree == Decimal("1.25")


def test_a_judgment_without_direction_and_a_word_target() -> None:
    """100件 -> 増加 -> 120件 judged without a direction: higher by default, change +20%."""
    indicator = row("100件", "増加", "120件")
    judgment = JUDGE.judge(indicator).model_copy(update={"direction": None})
    assert measure(indicator, judgment).change == Decimal("0.2")


def test_a_judgment_without_direction_ignores_a_baseline_in_another_unit() -> None:
    """A baseline of 50% says nothing about which way 15分 lies: higher by default, 12 / 15."""
    indicator = row("50%", "15分", "12分")
    judgment = JUDGE.judge(indicator).model_copy(update={"direction": None})
    assert measure(indicator, judgment).degree == Decimal("0.8")


def test_components_with_their_own_bounds() -> None:
    """待ち時間 15分以内 and 満足度 80%以上: each label keeps its own direction though the
    judgment as a whole has none.  Degree: 15 / 12 = 1.25 and 85 / 80 = 1.0625, the worse counts;
    progress from 20分 and 70%: (12 - 20) / (15 - 20) = 1.6 and 15 / 10 = 1.5."""
    indicator = row(
        "待ち時間 20分 満足度 70%", "待ち時間 15分以内 満足度 80%以上", "待ち時間 12分 満足度 85%"
    )
    judgment = JUDGE.judge(indicator)
    assert judgment.direction is None
    measured = measure(indicator, judgment)
    assert (measured.degree, measured.progress) == (Decimal("1.0625"), Decimal("1.5"))


def test_met_reads_as_one_or_zero() -> None:
    assert Measurements(met=True).get(Basis.MET) == Decimal(1)
    assert Measurements(met=False).get(Basis.MET) == Decimal(0)
    assert Measurements(met=None).get(Basis.MET) is None


def test_bands_in_full_width_percent() -> None:
    """A bound written ９０％ (full width, as typed in Japanese) is 0.9."""
    changed = get_scheme("degree", JUDGE).with_bands({"B": "90％"})
    assert changed.get("B").min == Decimal("0.9")


def test_pace_and_trajectory_as_of_the_year_judged() -> None:
    """Judged as of FY2021 (105冊), the path stops there: the line through 100 and 105 reaches
    125 in FY2025 (pace 25 / 50) and 5 of the 10 due by FY2021 were made (trajectory 0.5)."""
    books = Indicator(
        baseline=parse_value("100冊"),
        baseline_year=2020,
        target=Target(value=parse_value("150冊"), fiscal_year=2025),
        actual=Actual(value=parse_value("118冊"), fiscal_year=2022),
        series=(Observation(fiscal_year=2021, value=parse_value("105冊")),),
    )
    measured = measure(books, JUDGE.judge(books, as_of=2021))
    assert (measured.pace, measured.trajectory) == (Decimal("0.5"), Decimal("0.5"))


def test_pace_and_trajectory_judged_in_the_target_year() -> None:
    """In the target year the final target is compared as it is (no comparison is recorded):
    the line through 100, 105 (FY2021), 120 (FY2023) and 140 (FY2025) is at 138.39 in FY2025,
    a pace of 38.39 / 50; 40 of the 50 due were made."""
    books = Indicator(
        baseline=parse_value("100冊"),
        baseline_year=2020,
        target=Target(value=parse_value("150冊"), fiscal_year=2025),
        actual=Actual(value=parse_value("140冊"), fiscal_year=2025),
        series=(
            Observation(fiscal_year=2021, value=parse_value("105冊")),
            Observation(fiscal_year=2023, value=parse_value("120冊")),
        ),
    )
    judgment = JUDGE.judge(books)
    assert judgment.comparison is None
    measured = measure(books, judgment)
    assert measured.pace is not None
    assert (round(measured.pace, 4), measured.trajectory) == (Decimal("0.7678"), Decimal("0.8"))
