"""Roll-up: the Taito numbers against the seed's tables, and the laws of counting."""

from __future__ import annotations

import math
import random
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from achievement import (
    Actual,
    Goal,
    Indicator,
    Judge,
    Measure,
    Outcome,
    Plan,
    PlanIndicator,
    Target,
    parse_value,
)
from achievement.rollup import Report, Tally, achievement_rate, evaluate_plan, progress_of

# The seed's イ table (計画事業の達成状況), transcribed: goal, measure, priority,
# 評価指標数, 達成, 未達成.
SEED_SUMMARY = [
    (1, 1, "デジタル行政窓口の整備", True, 2, 1, 1),
    (1, 2, "マイナンバーカードの普及促進", False, 2, 1, 1),
    (1, 3, "キャッシュレス決済の推進", True, 1, 0, 1),
    (1, 4, "行政データの利活用推進", False, 2, 2, 0),
    (1, 5, "時代に即した情報発信・提供", True, 2, 1, 1),
    (1, 6, "ICT教育環境の整備", False, 1, 1, 0),
    (1, 7, "健康で安全・安心な暮らしの実現", False, 4, 3, 1),
    (1, 8, "まちの活性化や魅力の発信", False, 2, 2, 0),
    (2, 9, "区役所業務のデジタルシフト", True, 3, 1, 2),
    (2, 10, "AI・RPAの活用", True, 1, 1, 0),
    (2, 11, "データを活用した区政運営", False, 1, 1, 0),
    (2, 12, "テレワーク環境の整備", False, 1, 1, 0),
    (3, 13, "デジタル・ディバイド対策", False, 2, 2, 0),
    (3, 14, "ICTリテラシーの向上", False, 2, 2, 0),
    (3, 15, "セキュリティ対策の強化", True, 1, 0, 1),
    (3, 16, "システム基盤の最適化・高度化", True, 1, 1, 0),
]
SEED_TOTAL = (28, 20, 8)
SEED_RATE = Decimal("71.4")

# The seed's ウ (main achieved) and エ (main not achieved) tables: measure, indicator.
SEED_MAIN_ACHIEVED = [
    (4, "オープンデータ公開件数"),
    (10, "AI・RPA導入業務における作業削減時間"),
    (13, "ソフト・ハード両面からのデジタル・ディバイド対策"),
]
SEED_MAIN_NOT_ACHIEVED = [
    (2, "コンビニで取得可能な証明書数"),
    (9, "オンライン手続比率"),
    (15, "情報漏えい・事故件数"),
]


def test_taito_measures_match_the_seed_summary(taito_report: Report) -> None:
    """Every measure's goal, number, title, priority and counts equal the seed's イ table."""
    got = [
        (
            m.goal.number,
            m.measure.number,
            m.measure.title,
            m.measure.priority,
            m.tally.indicators,
            m.tally.achieved,
            m.tally.not_achieved,
        )
        for m in taito_report.measures
    ]
    assert got == SEED_SUMMARY
    assert all(m.tally.not_evaluable == 0 for m in taito_report.measures)


def test_taito_totals_match_the_seed(taito_report: Report) -> None:
    """The totals are 28 / 20 / 8 with a rate of 71.4, as the seed reports."""
    totals = taito_report.totals
    assert (totals.indicators, totals.achieved, totals.not_achieved) == SEED_TOTAL
    assert totals.not_evaluable == 0
    assert totals.rate == SEED_RATE


def test_taito_goals_group_their_measures_in_plan_order(taito_report: Report) -> None:
    """The three goals list their measures in plan order and their tallies sum to the totals."""
    assert [g.goal.number for g in taito_report.goals] == [1, 2, 3]
    assert [[m.measure.number for m in g.measures] for g in taito_report.goals] == [
        list(range(1, 9)),
        list(range(9, 13)),
        list(range(13, 17)),
    ]
    assert sum(g.tally.achieved for g in taito_report.goals) == 20


def test_taito_counts_an_indicator_under_two_measures_once_as_unique(
    taito_report: Report,
) -> None:
    """オンライン手続比率 sits under measures 1 and 9: 28 rows, 27 unique indicators."""
    online = [r for r in taito_report.results if r.entry.indicator.name == "オンライン手続比率"]
    assert [r.entry.measure.number for r in online] == [1, 9]
    assert taito_report.unique_indicators == 27


def test_taito_judgments_agree_with_the_published_outcomes(taito_report: Report) -> None:
    """Every judgment equals the 評価 the city published for that row."""
    assert len(taito_report.results) == 28
    assert all(r.agrees is True for r in taito_report.results)


def test_taito_highlights_reproduce_the_seed_tables(taito_report: Report) -> None:
    """The stated highlight rule picks exactly the indicators of the seed's ウ and エ tables."""
    highlights = taito_report.highlights
    assert [
        (r.entry.measure.number, r.entry.indicator.name) for r in highlights.achieved
    ] == SEED_MAIN_ACHIEVED
    assert [
        (r.entry.measure.number, r.entry.indicator.name) for r in highlights.not_achieved
    ] == SEED_MAIN_NOT_ACHIEVED
    assert "進捗率" in highlights.rule.ja
    assert "progress" in highlights.rule.en


def test_progress_of_seed_rows() -> None:
    """Progress is the share of the planned change reached, from the seed's rows."""

    def indicator(baseline: str, target: str, actual: str) -> Indicator:
        return Indicator(
            baseline=parse_value(baseline),
            target=Target(value=parse_value(target)),
            actual=Actual(value=parse_value(actual)),
        )

    assert progress_of(indicator("36 件", "110 件", "785 件")) == Decimal("10.1216")
    assert progress_of(indicator("年3件", "年0件", "年1件")) == Decimal("0.6667")
    assert progress_of(indicator("実施", "推進", "推進")) == Decimal(1)
    assert progress_of(indicator("2種類", "充実", "2種類")) == 0
    assert progress_of(indicator("実施", "実施", "実施")) is None
    assert progress_of(indicator("―", "80%", "82%")) is None


# Laws ---------------------------------------------------------------------------------

outcomes = st.lists(st.sampled_from(list(Outcome)), max_size=60)


def _half_up_percent(achieved: int, evaluable: int) -> Decimal:
    tenths = math.floor(Fraction(1000 * achieved, evaluable) + Fraction(1, 2))
    return Decimal(tenths) / 10


@given(outcomes)
def test_tally_counts_add_up(values: list[Outcome]) -> None:
    """The three counts add up to the number of indicators."""
    tally = Tally.of(values)
    assert tally.indicators == len(values)
    assert tally.achieved + tally.not_achieved + tally.not_evaluable == tally.indicators


@given(outcomes)
def test_rate_is_a_rounded_percentage_of_the_evaluable(values: list[Outcome]) -> None:
    """The rate is achieved / evaluable in percent, half-up to 0.1, in [0, 100], or None."""
    tally = Tally.of(values)
    evaluable = tally.achieved + tally.not_achieved
    if evaluable == 0:
        assert tally.rate is None
    else:
        assert tally.rate is not None
        assert Decimal(0) <= tally.rate <= Decimal(100)
        assert tally.rate == _half_up_percent(tally.achieved, evaluable)
        assert tally.rate.as_tuple().exponent == -1


@given(outcomes, st.randoms(use_true_random=False))
def test_tally_is_order_independent(values: list[Outcome], rnd: random.Random) -> None:
    """Shuffling the outcomes does not change the tally."""
    shuffled = list(values)
    rnd.shuffle(shuffled)
    assert Tally.of(shuffled) == Tally.of(values)


@given(outcomes)
def test_adding_an_achieved_indicator_never_lowers_the_rate(values: list[Outcome]) -> None:
    """One more achieved indicator gives a rate at least as high (and never None)."""
    before = Tally.of(values).rate
    after = Tally.of([*values, Outcome.ACHIEVED]).rate
    assert after is not None
    assert before is None or after >= before


@given(outcomes, st.integers(min_value=1, max_value=10))
def test_not_evaluable_stays_out_of_the_denominator(values: list[Outcome], extra: int) -> None:
    """Adding not-evaluable indicators changes their count, never the rate."""
    before = Tally.of(values)
    after = Tally.of([*values, *[Outcome.NOT_EVALUABLE] * extra])
    assert after.rate == before.rate
    assert after.not_evaluable == before.not_evaluable + extra


def test_empty_tally_has_no_rate() -> None:
    """Nothing to count gives zero counts and no rate."""
    assert Tally.of([]) == Tally(
        indicators=0, achieved=0, not_achieved=0, not_evaluable=0, rate=None
    )
    assert achievement_rate(0, 0) is None


# Plans built from cells that give each outcome: above target, below it, no actual.
ACTUALS = {Outcome.ACHIEVED: "70%", Outcome.NOT_ACHIEVED: "20%", Outcome.NOT_EVALUABLE: "―"}

rows = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=3),
        st.integers(min_value=1, max_value=4),
        st.sampled_from(list(Outcome)),
        st.integers(min_value=1, max_value=5),
    ),
    max_size=25,
)


def _plan(spec: list[tuple[int, int, Outcome, int]]) -> Plan:
    return Plan(
        indicators=tuple(
            PlanIndicator(
                goal=Goal(number=goal, title=f"goal {goal}"),
                measure=Measure(number=goal * 10 + measure, title=f"measure {measure}"),
                indicator=Indicator(
                    name=f"indicator {name}",
                    baseline=parse_value("10%"),
                    target=Target(value=parse_value("60%")),
                    actual=Actual(value=parse_value(ACTUALS[outcome])),
                ),
                recorded=outcome,
            )
            for goal, measure, outcome, name in spec
        )
    )


@given(rows)
def test_plan_counts_add_up_at_every_level(spec: list[tuple[int, int, Outcome, int]]) -> None:
    """Measure tallies sum to their goal's, goal tallies to the totals, totals to the rows."""
    report = evaluate_plan(_plan(spec))
    fields = ("indicators", "achieved", "not_achieved", "not_evaluable")
    assert report.totals.indicators == len(spec)
    for goal in report.goals:
        for field in fields:
            assert getattr(goal.tally, field) == sum(getattr(m.tally, field) for m in goal.measures)
    for field in fields:
        assert getattr(report.totals, field) == sum(getattr(g.tally, field) for g in report.goals)
    assert sum(len(g.measures) for g in report.goals) == len(report.measures)
    assert report.unique_indicators == len({name for *_, name in spec})
    assert all(r.agrees for r in report.results)


@given(rows)
def test_goals_and_measures_keep_plan_order(spec: list[tuple[int, int, Outcome, int]]) -> None:
    """Goals and measures come in the order the plan first lists them."""
    report = evaluate_plan(_plan(spec))
    assert [g.goal.number for g in report.goals] == list(dict.fromkeys(g for g, *_ in spec))
    assert [m.measure.number for m in report.measures] == list(
        dict.fromkeys(g * 10 + m for g, m, *_ in spec)
    )


@given(rows)
def test_highlights_are_one_per_goal_of_the_right_outcome(
    spec: list[tuple[int, int, Outcome, int]],
) -> None:
    """Each goal with an achieved (not-achieved) indicator has exactly one main one."""
    report = evaluate_plan(_plan(spec))
    for chosen, outcome in (
        (report.highlights.achieved, Outcome.ACHIEVED),
        (report.highlights.not_achieved, Outcome.NOT_ACHIEVED),
    ):
        assert all(r.outcome is outcome for r in chosen)
        assert [r.entry.goal.number for r in chosen] == [
            g.goal.number
            for g in report.goals
            if any(r.outcome is outcome for r in report.results if r.entry.goal == g.goal)
        ]


def test_evaluate_plan_reports_progress(taito_plan: Plan) -> None:
    """The progress callback hears (done, total) once per indicator, in order."""
    calls: list[tuple[int, int]] = []
    evaluate_plan(taito_plan, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(n, 28) for n in range(1, 29)]


def test_evaluate_plan_is_deterministic(taito_plan: Plan, taito_report: Report) -> None:
    """Judging the same plan twice gives equal reports."""
    assert evaluate_plan(taito_plan) == taito_report


@given(rows, st.randoms(use_true_random=False))
def test_plan_tallies_do_not_depend_on_row_order(
    spec: list[tuple[int, int, Outcome, int]], rnd: random.Random
) -> None:
    """Shuffling a plan's rows leaves every measure's and goal's tally and the totals unchanged."""
    shuffled = list(spec)
    rnd.shuffle(shuffled)
    before, after = evaluate_plan(_plan(spec)), evaluate_plan(_plan(shuffled))
    assert {m.measure: m.tally for m in before.measures} == {
        m.measure: m.tally for m in after.measures
    }
    assert {g.goal: g.tally for g in before.goals} == {g.goal: g.tally for g in after.goals}
    assert before.totals == after.totals


def test_progress_follows_the_direction_and_highlights_the_one_that_went_back() -> None:
    """A baseline already past the target has no progress, so the highlight is the real laggard."""

    def entry(name: str, baseline: str, target: str, actual: str) -> PlanIndicator:
        return PlanIndicator(
            goal=Goal(title="g"),
            measure=Measure(title="m"),
            indicator=Indicator(
                name=name,
                baseline=parse_value(baseline),
                target=Target(value=parse_value(target)),
                actual=Actual(value=parse_value(actual)),
            ),
        )

    plan = Plan(
        indicators=(
            entry("past-target", "200件", "100件以上", "90件"),
            entry("slightly-short", "10件", "100件", "95件"),
        )
    )
    report = evaluate_plan(plan, Judge(autoload=False))
    assert [r.progress for r in report.results] == [None, Decimal("0.9444")]
    assert [r.entry.indicator.name for r in report.highlights.not_achieved] == ["slightly-short"]


def test_unique_count_keeps_unnamed_rows_apart_and_joins_one_indicator_listed_twice() -> None:
    """Rows without a name are each counted; one indicator listed under two measures is one."""

    def entry(measure: str, name: str, target: str) -> PlanIndicator:
        return PlanIndicator(
            goal=Goal(title="g"),
            measure=Measure(title=measure),
            indicator=Indicator(
                name=name,
                baseline=parse_value("10%"),
                target=Target(value=parse_value(target)),
                actual=Actual(value=parse_value("20%")),
            ),
        )

    plan = Plan(
        indicators=(
            entry("1", "", "60%"),
            entry("1", "", "60%"),
            entry("1", "オンライン手続比率", "60%"),
            entry("9", "オンライン手続比率", "60%"),
            entry("9", "利用率", "60%"),
            entry("9", "利用率", "80%"),
        )
    )
    report = evaluate_plan(plan, Judge(autoload=False))
    assert report.totals.indicators == 6
    assert report.unique_indicators == 5
