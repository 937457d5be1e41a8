"""The trajectory towards a target: four methods, their decided edge cases and their laws."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from achievement import parse_value
from achievement._model import Actual, Direction, Indicator, Observation, Target, TargetRevision
from achievement._series import prorate
from achievement.trajectory import (
    METHODS,
    Method,
    Path,
    TrajectoryStatus,
    assess,
    cagr,
    linear,
    pace,
    weather,
)

S = TrajectoryStatus


def path(
    baseline: int,
    target: int | None,
    *values: int,
    direction: Direction = Direction.HIGHER,
) -> Path:
    """A plan from FY2020 to FY2025 with ``values`` for 2021, 2022, ..."""
    points = tuple((2021 + i, Fraction(v)) for i, v in enumerate(values))
    goal = None if target is None else Fraction(target)
    return Path(2020, Fraction(baseline), 2025, goal, points, direction)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((110, 120), S.ON_TRACK),  # exactly on the line 100 -> 150
        ((105, 118), S.NEEDS_ACCELERATION),  # 18 of the 20 due: 0.9
        ((102, 111), S.OFF_TRACK),  # 11 of 20: 0.55
        ((100, 100), S.OFF_TRACK),  # no change: 0
        ((99, 98), S.DETERIORATING),
        ((130, 150), S.TARGET_MET),
    ],
)
def test_linear_share_of_the_required_change(values: tuple[int, ...], expected: S) -> None:
    assert linear(path(100, 150, *values)).status is expected


def test_cagr_ratio_uses_the_eurostat_cut_offs() -> None:
    """100 -> 200 in 5 years needs 14.87% a year; 100 -> 110 in 2 years is 4.88%: R = 0.33."""
    reading = cagr(path(100, 200, 103, 110))
    assert reading.status is S.OFF_TRACK
    assert reading.figures["ratio"] == pytest.approx(0.3283, abs=1e-4)
    # 14.02% over 14.87%: 0.943, just under 0.95
    assert cagr(path(100, 200, 110, 130)).status is S.NEEDS_ACCELERATION
    # 15% over 14.87%: on track by growth, though below the straight line (120 due)
    assert cagr(path(100, 200, 115)).status is S.ON_TRACK
    assert linear(path(100, 200, 115)).status is S.NEEDS_ACCELERATION
    assert cagr(path(100, 200, 95, 90)).status is S.DETERIORATING


def test_cagr_refuses_zero_and_negative_values() -> None:
    """A zero target (事故0件) is not assessed by growth rates: use linear."""
    reading = cagr(path(3, 0, 3, 2, direction=Direction.LOWER))
    assert reading.status is S.NOT_ASSESSABLE
    assert reading.code == "cagr.nonpositive"
    assert linear(path(3, 0, 3, 1, direction=Direction.LOWER)).status is S.ON_TRACK


def test_cagr_without_a_target_uses_growth_thresholds() -> None:
    assert cagr(path(100, None, 102, 104)).status is S.ON_TRACK  # ~2% a year
    assert cagr(path(100, None, 101, 102)).status is S.NEEDS_ACCELERATION  # ~1%
    assert cagr(path(100, None, 100, 100)).status is S.OFF_TRACK
    assert cagr(path(100, None, 100, 100, direction=Direction.LOWER)).status is S.OFF_TRACK
    assert cagr(path(100, None, 98, 96, direction=Direction.LOWER)).status is S.ON_TRACK


def test_weather_projects_the_average_change() -> None:
    """+9 a year from 118 in 2022 gives 145 in 2025: 5 of the 32 still to go missed (15.6%)."""
    reading = weather(path(100, 150, 105, 118))
    assert reading.status is S.NEEDS_ACCELERATION
    assert reading.figures["shortfall"] == Fraction(5, 32)
    assert weather(path(100, 150, 110, 119)).status is S.NEEDS_ACCELERATION  # 9.5/yr: 147.5
    assert weather(path(100, 150, 104, 108)).status is S.OFF_TRACK  # 4/yr: 120
    assert weather(path(100, 150, 110, 96)).status is S.DETERIORATING
    assert weather(path(100, 150, 100, 99)).status is S.DETERIORATING  # -0.5 a year
    assert weather(path(100, 150, 100, 100)).status is S.OFF_TRACK  # the gap stays


def test_pace_projects_the_least_squares_line() -> None:
    """Through (2020,100), (2021,105), (2022,118): slope 9, at 2025 about 143.67; 0.873."""
    reading = pace(path(100, 150, 105, 118))
    assert reading.status is S.NEEDS_ACCELERATION
    assert reading.figures["projected"] == Fraction(431, 3)


@pytest.mark.parametrize("method", list(Method))
def test_target_equal_to_baseline_is_held_or_lost(method: Method) -> None:
    function = METHODS[method]
    assert function(path(100, 100, 101)).status is S.TARGET_MET
    assert function(path(100, 100, 99)).status is S.DETERIORATING


@pytest.mark.parametrize("method", list(Method))
def test_target_met_at_the_baseline_and_lost(method: Method) -> None:
    held = path(20, 30, 25, direction=Direction.LOWER)
    lost = path(20, 30, 35, direction=Direction.LOWER)
    assert METHODS[method](held).status is S.TARGET_MET
    assert METHODS[method](lost).status is S.DETERIORATING


@pytest.mark.parametrize("method", list(Method))
def test_no_year_after_the_baseline_is_not_assessable(method: Method) -> None:
    assert METHODS[method](path(100, 150)).status is S.NOT_ASSESSABLE


def books() -> Indicator:
    return Indicator(
        baseline=parse_value("100冊"),
        baseline_year=2020,
        target=Target(value=parse_value("150冊"), fiscal_year=2025),
        actual=Actual(value=parse_value("118冊"), fiscal_year=2022),
        series=(Observation(fiscal_year=2021, value=parse_value("105冊")),),
    )


def test_assess_an_indicator_in_both_languages() -> None:
    t = assess(books(), "linear")
    assert t.status is S.NEEDS_ACCELERATION
    assert t.figures["prorated"] == "120"
    assert t.message.ja.startswith("加速が必要")
    assert "按分目標 120" in t.message.ja
    assert t.message.en.startswith("needs acceleration")
    assert assess(books(), "linear", as_of=2021).figures["prorated"] == "110"


def test_assess_follows_a_revised_target() -> None:
    ind = books().model_copy(
        update={"revisions": (TargetRevision(from_year=2022, value=parse_value("120冊")),)}
    )
    t = assess(ind)  # the line from 100 (2020) to 120 (2025) is at 108 in 2022
    assert t.status is S.ON_TRACK
    assert t.figures["prorated"] == "108"


def test_assess_without_years_is_not_assessable_and_says_why() -> None:
    ind = books().model_copy(update={"baseline_year": None})
    t = assess(ind)
    assert t.status is S.NOT_ASSESSABLE
    assert "年度" in t.message.ja
    assert "year" in t.message.en


def test_assess_a_cumulative_target_on_the_running_sum() -> None:
    """累計12万冊 over 2021-2025: 25,000 + 26,000 by 2022 against 48,000 due."""
    ind = Indicator(
        baseline=parse_value("2万冊"),
        baseline_year=2020,
        target=Target(value=parse_value("累計12万冊"), fiscal_year=2025),
        actual=Actual(value=parse_value("2.6万冊"), fiscal_year=2022),
        series=(Observation(fiscal_year=2021, value=parse_value("2.5万冊")),),
    )
    t = assess(ind)
    assert t.status is S.ON_TRACK
    assert t.figures["latest"] == "51000"
    assert t.figures["prorated"] == "48000"


# -- laws --------------------------------------------------------------------------------

numbers = st.fractions(min_value=-500, max_value=500, max_denominator=20)
directions = st.sampled_from(list(Direction))


positive = st.fractions(min_value=Fraction(1, 20), max_value=500, max_denominator=20)


@st.composite
def plans(draw: st.DrawFn, numbers: st.SearchStrategy[Fraction] = numbers) -> tuple[Path, int]:
    """A path with 1..span values after the baseline, and its span."""
    span = draw(st.integers(min_value=1, max_value=8))
    first = draw(st.integers(min_value=2000, max_value=2030))
    years = draw(st.integers(min_value=1, max_value=span))
    baseline, target = draw(numbers), draw(numbers)
    values = draw(st.lists(numbers, min_size=years, max_size=years))
    points = tuple((first + 1 + i, v) for i, v in enumerate(values))
    return Path(first, baseline, first + span, target, points, draw(directions)), span


@given(plans(), st.sampled_from(list(Method)))
def test_a_series_on_the_path_is_on_track_under_every_method(
    drawn: tuple[Path, int], method: Method
) -> None:
    p, _ = drawn
    on_line = tuple(
        (year, prorate(p.baseline, p.target or Fraction(0), p.first, p.last, year))
        for year, _ in p.points
    )
    exact = Path(p.first, p.baseline, p.last, p.target, on_line, p.direction)
    assert METHODS[method](exact).status in {S.ON_TRACK, S.TARGET_MET}


@given(
    plans(),
    st.fractions(min_value=0, max_value=100, max_denominator=10),
    st.sampled_from(list(Method)),
)
def test_raising_the_latest_value_never_worsens_the_trajectory(
    drawn: tuple[Path, int], step: Fraction, method: Method
) -> None:
    p, _ = drawn
    s = 1 if p.direction is Direction.HIGHER else -1
    year, latest = p.points[-1]
    better = Path(
        p.first,
        p.baseline,
        p.last,
        p.target,
        (*p.points[:-1], (year, latest + s * step)),
        p.direction,
    )
    before, after = METHODS[method](p).status, METHODS[method](better).status
    if before.rank is not None:
        assert after.rank is not None
        assert after.rank >= before.rank


@given(plans(), st.sampled_from([Method.LINEAR, Method.WEATHER, Method.PACE]))
def test_lower_is_better_is_the_mirror_image(drawn: tuple[Path, int], method: Method) -> None:
    p, _ = drawn
    mirrored = Path(
        p.first,
        -p.baseline,
        p.last,
        None if p.target is None else -p.target,
        tuple((y, -v) for y, v in p.points),
        p.direction.flipped(),
    )
    assert METHODS[method](mirrored).status is METHODS[method](p).status


@given(plans(positive))
def test_cagr_mirror_is_the_reciprocal_for_its_sign(drawn: tuple[Path, int]) -> None:
    """CAGR reads ratios: the mirror of a positive series is its reciprocal, and the
    status agrees on which side of zero the progress is (deteriorating or not)."""
    p, _ = drawn
    assert p.target is not None
    mirrored = Path(
        p.first,
        1 / p.baseline,
        p.last,
        1 / p.target,
        tuple((y, 1 / v) for y, v in p.points),
        p.direction.flipped(),
    )
    a, b = cagr(p).status, cagr(mirrored).status
    assert (a is S.DETERIORATING) == (b is S.DETERIORATING)
    assert (a is S.TARGET_MET) == (b is S.TARGET_MET)


def test_a_scheme_grades_on_pace_and_trajectory() -> None:
    """On pace 0.873 (B), on the required share 0.9 (B); a plain row has neither (C)."""
    from achievement import Judge
    from achievement.schemes import Scheme

    def scheme(basis: str) -> Scheme:
        return Scheme.model_validate(
            {
                "name": f"by-{basis}",
                "title": {"ja": basis, "en": basis},
                "basis": basis,
                "grades": [
                    {
                        "label": "A",
                        "meaning": {"ja": "順調", "en": "on track"},
                        "min": "100%",
                        "achieved": True,
                    },
                    {"label": "B", "meaning": {"ja": "概ね", "en": "mostly"}, "min": "60%"},
                    {"label": "C", "meaning": {"ja": "遅れ", "en": "behind"}},
                ],
            }
        )

    judge = Judge(autoload=False)
    ind = books()
    judged = judge.judge(ind)
    for basis in ("pace", "trajectory"):
        grade = scheme(basis).grade(ind, judged)
        assert grade is not None
        assert grade.label == "B"
    on_line = ind.model_copy(
        update={"actual": Actual(value=parse_value("120冊"), fiscal_year=2022)}
    )
    grade = scheme("trajectory").grade(on_line, judge.judge(on_line))
    assert grade is not None
    assert grade.label == "A"
    plain = Indicator(
        baseline=parse_value("100冊"),
        target=Target(value=parse_value("150冊")),
        actual=Actual(value=parse_value("118冊")),
    )
    grade = scheme("pace").grade(plain, judge.judge(plain))
    assert grade is not None
    assert grade.label == "C"
