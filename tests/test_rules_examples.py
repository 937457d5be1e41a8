"""Example tests of the rules, one per edge a wrong answer could hide behind.

Each expected value is written here by hand from the plan's own words, never
looked up from the implementation's tables: a mutant that changes one word,
branch or rounding mode of the rules fails one of these tests.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from achievement import (
    Actual,
    Component,
    Components,
    Direction,
    DirectionSource,
    Indicator,
    Judge,
    Judgment,
    Missing,
    Outcome,
    Quantity,
    StatusWord,
    Target,
    Value,
)
from achievement._rate import achievement_rate

JUDGE = Judge(autoload=False)

A, N, E = Outcome.ACHIEVED, Outcome.NOT_ACHIEVED, Outcome.NOT_EVALUABLE


def judge(baseline: str | None, target: str, actual: str, direction: str | None = None) -> Judgment:
    return JUDGE.judge_text(baseline=baseline, target=target, actual=actual, direction=direction)


def q(amount: str, unit: str | None = "件", period: str | None = None) -> Quantity:
    return Quantity(amount=Decimal(amount), unit=unit, period=period, text=f"{amount}{unit or ''}")


def labelled(**parts: Quantity) -> Components:
    return Components(
        items=tuple(Component(label=k, value=v) for k, v in parts.items()),
        text=" ".join(f"{k} {v.text}" for k, v in parts.items()),
    )


def indicator(
    baseline: Value,
    target: Value,
    actual: Value,
    *,
    style: str | None = None,
    direction: Direction | None = None,
) -> Indicator:
    return Indicator(
        baseline=baseline,
        target=Target(value=target),
        actual=Actual(value=actual),
        style=style,
        direction=direction,
    )


# --- direction words ---------------------------------------------------------------------

# What each word asks, written from its plain meaning: "up", "down" or "hold".
WORD_MEANINGS = {
    "増加": "up",
    "向上": "up",
    "拡大": "up",
    "充実": "up",
    "上昇": "up",
    "減少": "down",
    "削減": "down",
    "短縮": "down",
    "低下": "down",
    "維持": "hold",
}

# 10件 -> word -> actual: the outcome for an actual that went up, stayed or went down.
# Up and down ask for a strict movement; holding is met by staying or by rising.
EXPECTED_BY_MEANING = {
    "up": {"12件": A, "10件": N, "8件": N},
    "down": {"12件": N, "10件": N, "8件": A},
    "hold": {"12件": A, "10件": A, "8件": N},
}


@pytest.mark.parametrize("word", sorted(WORD_MEANINGS))
@pytest.mark.parametrize("actual", ["12件", "10件", "8件"])
def test_every_direction_word_moves_its_own_way(word: str, actual: str) -> None:
    """Each movement word is judged by its plain meaning: up, down, or held (higher by default)."""
    j = judge("10件", word, actual)
    assert j.style == "direction"
    assert j.outcome is EXPECTED_BY_MEANING[WORD_MEANINGS[word]][actual]
    assert j.reason.code == ("direction.moved" if j.outcome is A else "direction.not_moved")


@pytest.mark.parametrize("word", sorted(WORD_MEANINGS))
def test_every_direction_word_states_its_direction(word: str) -> None:
    """Up words judge higher-is-better and down words lower, from the word; 維持 defaults higher."""
    j = judge("10件", word, "12件")
    expected = {"up": Direction.HIGHER, "down": Direction.LOWER, "hold": Direction.HIGHER}
    assert j.direction is expected[WORD_MEANINGS[word]]
    source = DirectionSource.DEFAULT if word == "維持" else DirectionSource.TARGET_WORD
    assert j.direction_source is source


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [
        ("増加", "向上", A),
        ("削減", "減少", A),
        ("短縮", "増加", N),
        ("向上", "維持", N),
        ("減少", "維持", N),
        ("維持", "増加", A),
        ("維持", "維持", A),
        ("維持", "減少", N),
    ],
)
def test_word_actual_against_word_target(target: str, actual: str, expected: Outcome) -> None:
    """A word actual meets a word target that asks the same way; 維持 is met by holding or rising."""
    j = judge("―", target, actual)
    assert j.outcome is expected
    assert j.reason.code == (
        "direction.word_matches" if expected is A else "direction.word_differs"
    )
    source = DirectionSource.DEFAULT if target == "維持" else DirectionSource.TARGET_WORD
    assert j.direction_source is source


@pytest.mark.parametrize(
    ("actual", "direction", "expected"),
    [
        ("20分", "lower", N),
        ("16分", "lower", A),
        ("18分", "lower", A),
        ("20分", "higher", A),
        ("16分", "higher", N),
        ("20分", None, A),
        ("16分", None, N),
    ],
)
def test_maintain_follows_the_stated_direction(
    actual: str, direction: str | None, expected: Outcome
) -> None:
    """18分 -> 維持: with lower is better 20分 is not held and 16分 is; higher is the default."""
    j = judge("18分", "維持", actual, direction)
    assert j.outcome is expected
    if direction is not None:
        assert j.direction is Direction(direction)
        assert j.direction_source is DirectionSource.EXPLICIT


@pytest.mark.parametrize(
    ("actual", "direction", "expected"),
    [("減少", "lower", A), ("増加", "lower", N), ("減少", "higher", N), ("維持", "lower", A)],
)
def test_maintain_word_actual_follows_the_stated_direction(
    actual: str, direction: str, expected: Outcome
) -> None:
    """Against 維持 with lower is better, 減少 is better than holding and 増加 is worse."""
    assert judge("―", "維持", actual, direction).outcome is expected


# --- not evaluable, outside the threshold's units ----------------------------------------


def test_period_mismatch_is_not_evaluable() -> None:
    """An annual target against a running-total actual cannot be compared: 評価不能."""
    j = JUDGE.judge(indicator(Missing(), q("10", period="annual"), q("12", period="cumulative")))
    assert (j.style, j.outcome, j.reason.code) == ("threshold", E, "threshold.incomparable")


@pytest.mark.parametrize(
    ("target_period", "actual_period"),
    [("annual", "annual"), (None, "annual"), ("annual", None), (None, None)],
)
def test_matching_or_unstated_periods_compare(
    target_period: str | None, actual_period: str | None
) -> None:
    """Periods that agree, or that one side leaves unstated, are compared: 12件 meets 10件."""
    j = JUDGE.judge(
        indicator(Missing(), q("10", period=target_period), q("12", period=actual_period))
    )
    assert j.outcome is A


def test_direction_baseline_and_actual_in_different_units() -> None:
    """増加 from 10件 to 12回 measures two things: 評価不能, not 達成."""
    j = judge("10件", "増加", "12回")
    assert (j.outcome, j.reason.code) == (E, "direction.incomparable")


def test_direction_without_baseline_is_not_evaluable() -> None:
    """A movement cannot be judged without the baseline it moves from."""
    j = judge("―", "増加", "12件")
    assert (j.outcome, j.reason.code) == (E, "direction.no_baseline")


def test_direction_target_that_is_not_a_word() -> None:
    """A number judged under the direction style is not evaluable, never a silent verdict."""
    j = JUDGE.judge(indicator(q("10"), q("12"), q("14"), style="direction"))
    assert (j.outcome, j.reason.code) == (E, "direction.incomparable")


@pytest.mark.parametrize(
    "actual",
    [
        "証明書交付 16分 異動届 40分 転入届 30分",  # one label more
        "証明書交付 16分 転入届 30分",  # one label changed
    ],
)
def test_direction_labels_must_match(actual: str) -> None:
    """Labelled values move only label by label: an extra or a changed label is 評価不能."""
    j = judge("証明書交付 18分 異動届 45分", "短縮", actual)
    assert (j.outcome, j.reason.code) == (E, "direction.incomparable")


def test_direction_labelled_component_in_another_unit() -> None:
    """One labelled value in another unit makes the movement 評価不能."""
    base = labelled(証明書交付=q("18", "分"), 異動届=q("45", "分"))
    actual = labelled(証明書交付=q("16", "分"), 異動届=q("40", "件"))
    j = JUDGE.judge(indicator(base, JUDGE.parse_value("短縮"), actual))
    assert (j.outcome, j.reason.code) == (E, "direction.incomparable")


@pytest.mark.parametrize(
    ("actual", "expected"),
    [("証明書交付 16分 異動届 40分", A), ("証明書交付 16分 異動届 45分", N)],
)
def test_direction_labelled_values_all_move(actual: str, expected: Outcome) -> None:
    """短縮 with labelled values is met only when every label got shorter."""
    assert judge("証明書交付 18分 異動届 45分", "短縮", actual).outcome is expected


def test_threshold_one_component_not_comparable() -> None:
    """One labelled value in another unit makes the whole labelled threshold 評価不能."""
    target = labelled(小=q("95", "%"), 中=q("95", "%"))
    actual = labelled(小=q("96", "%"), 中=q("97", "件"))
    j = JUDGE.judge(indicator(Missing(), target, actual))
    assert (j.style, j.outcome, j.reason.code) == ("threshold", E, "threshold.incomparable")


def test_threshold_labels_must_match() -> None:
    """A labelled actual with other labels than the target's is 評価不能."""
    j = judge(None, "小 95% 中 95%", "小 96% 高 97%")
    assert (j.outcome, j.reason.code) == (E, "threshold.incomparable")


@pytest.mark.parametrize(
    ("actual", "expected", "code"),
    [
        ("小 96% 中 95%", A, "threshold.components_meet"),
        ("小 96% 中 94%", N, "threshold.components_short"),
    ],
)
def test_threshold_every_component_must_meet(actual: str, expected: Outcome, code: str) -> None:
    """Labelled targets are met only when every label meets its own target; equality meets."""
    j = judge(None, "小 95% 中 95%", actual)
    assert (j.outcome, j.reason.code) == (expected, code)
    if expected is N:
        assert j.reason.params["failed"] == "中"


@pytest.mark.parametrize(
    ("actual", "code", "params", "ja"),
    [
        (
            "小 96% 中 95%",
            "threshold.components_meet",
            {"failed": "", "labels": "小、中"},
            "すべての項目(小、中)で実績が目標以上のため達成",
        ),
        (
            "小 90% 中 94%",
            "threshold.components_short",
            {"failed": "小、中", "labels": "小、中"},
            "小、中で実績が目標に届かないため未達成",
        ),
    ],
)
def test_threshold_components_reason_names_the_labels(
    actual: str, code: str, params: dict[str, str], ja: str
) -> None:
    """The reason of a labelled threshold names every label, and those short of their target."""
    j = judge(None, "小 95% 中 95%", actual)
    assert j.reason.code == code
    assert dict(j.reason.params) == params
    assert j.message.ja.startswith(ja)


@pytest.mark.parametrize(
    ("actual", "expected"),
    [("証明書交付 14分 異動届 31分", N), ("証明書交付 14分 異動届 29分", A)],
)
def test_threshold_components_keep_the_shared_direction_source(
    actual: str, expected: Outcome
) -> None:
    """When every label infers lower-is-better from its baseline, the judgment says so."""
    j = judge("証明書交付 18分 異動届 45分", "証明書交付 15分 異動届 30分", actual)
    assert (j.outcome, j.direction, j.direction_source) == (
        expected,
        Direction.LOWER,
        DirectionSource.BASELINE,
    )


def test_threshold_components_use_their_own_baselines() -> None:
    """Each label takes its direction from its own baseline: 18分 -> 15分 asks for less."""
    j = judge(
        "証明書交付 18分 異動届 45分", "証明書交付 15分 異動届 30分", "証明書交付 14分 異動届 31分"
    )
    assert (j.outcome, j.reason.params["failed"]) == (N, "異動届")
    assert j.direction is Direction.LOWER


@pytest.mark.parametrize("actual", ["増加", "実施"])
def test_threshold_word_actual_is_not_evaluable(actual: str) -> None:
    """A word where a number is expected is 評価不能, never compared."""
    j = judge(None, "60%", actual)
    assert (j.outcome, j.reason.code) == (E, "threshold.incomparable")


@pytest.mark.parametrize(
    ("actual", "code"),
    [("年5件", "cumulative.incomparable"), ("実施", "cumulative.incomparable")],
)
def test_cumulative_target_against_an_annual_or_word_actual(actual: str, code: str) -> None:
    """A running-total target against an annual figure or a word cannot be compared."""
    j = JUDGE.judge(indicator(Missing(), JUDGE.parse_value("累計59件"), JUDGE.parse_value(actual)))
    assert (j.style, j.outcome, j.reason.code) == ("cumulative", E, code)


def test_cumulative_total_in_other_units() -> None:
    """Running totals in different units are 評価不能."""
    j = judge(None, "年5件(累計59件)", "年5回(累計60回)")
    assert (j.outcome, j.reason.code) == (E, "cumulative.incomparable")


@pytest.mark.parametrize(
    ("target", "actual", "expected", "basis", "basis_en"),
    [
        ("年5件(累計59件)", "年1件(累計59件)", A, "累計で", "on the running total, "),
        ("年5件(累計59件)", "年9件(累計58件)", N, "累計で", "on the running total, "),
        ("累計59件", "年1件(累計60件)", A, "累計で", "on the running total, "),
        ("年5件", "年5件(累計10件)", A, "年間で", "on the annual figure, "),
        ("年5件", "年4件(累計99件)", N, "年間で", "on the annual figure, "),
    ],
)
def test_cumulative_compares_the_named_figure(
    target: str, actual: str, expected: Outcome, basis: str, basis_en: str
) -> None:
    """A target naming 累計 compares the running totals; an annual target the annual figures."""
    j = judge(None, target, actual)
    assert j.style == "cumulative"
    assert j.outcome is expected
    assert j.message.ja.startswith(basis)
    assert j.message.en.startswith(basis_en)


@pytest.mark.parametrize(
    ("target", "actual", "expected", "code"),
    [
        ("実施", "推進", A, "ordinal.reaches_target"),
        ("実施", "実施", A, "ordinal.reaches_target"),
        ("実施", "検討", N, "ordinal.below_target"),
        ("推進", "未実施", N, "ordinal.below_target"),
        ("実施", "完了", A, "ordinal.reaches_target"),
        ("完了", "一部実施", N, "ordinal.below_target"),
        ("実施", "見直し", E, "ordinal.unknown_word"),
        ("見直し", "実施", E, "ordinal.unknown_word"),
    ],
)
def test_ordinal_default_scale(target: str, actual: str, expected: Outcome, code: str) -> None:
    """On 未実施 < 検討 < 一部実施 < 実施 < 推進 < 完了 a later or equal stage achieves; a word off the scale is 評価不能."""
    j = judge(None, target, actual)
    assert (j.style, j.outcome, j.reason.code) == ("ordinal", expected, code)


@pytest.mark.parametrize(
    ("actual", "later"),
    [
        ("未実施", "検討"),
        ("検討", "一部実施"),
        ("実施", "推進"),
        ("推進", "完了"),
        ("完了", None),
        ("見直し", None),
    ],
)
def test_ordinal_better_is_the_next_stage(actual: str, later: str | None) -> None:
    """For the law suite, a better actual is the next stage; none after the last or off the scale."""
    from achievement.rules.ordinal import OrdinalEvaluator

    case = indicator(
        Missing(), StatusWord(word="実施", text="実施"), StatusWord(word=actual, text=actual)
    )
    better = OrdinalEvaluator().better(case, Decimal(1))
    if later is None:
        assert better is None
    else:
        assert better is not None
        assert better.actual.value == StatusWord(word=later, text=later)
        assert better.actual.status == case.actual.status
        assert (better.target, better.baseline) == (case.target, case.baseline)


def test_ordinal_better_follows_the_indicators_scale() -> None:
    """With the indicator's own scale, the next stage is the next word of that scale."""
    from achievement.rules.ordinal import OrdinalEvaluator

    case = indicator(
        Missing(), StatusWord(word="着手", text="着手"), StatusWord(word="着手", text="着手")
    )
    case = case.model_copy(update={"scale": ("未着手", "着手", "完了")})
    better = OrdinalEvaluator().better(case, Decimal(1))
    assert better is not None
    assert better.actual.value.text == "完了"


def test_ordinal_reason_params() -> None:
    """The reason of an ordinal judgment holds the two stage words and the scale, nothing else."""
    j = judge(None, "実施", "推進")
    assert dict(j.reason.params) == {
        "target": "実施",
        "actual": "推進",
        "scale": "未実施 < 検討 < 一部実施 < 実施 < 推進 < 完了",
    }


def test_ordinal_number_actual_is_not_evaluable() -> None:
    """A number against a stage word is 評価不能."""
    j = JUDGE.judge(indicator(Missing(), StatusWord(word="実施", text="実施"), q("3")))
    assert (j.style, j.outcome, j.reason.code) == ("ordinal", E, "ordinal.incomparable")


def test_ordinal_target_that_is_not_a_word() -> None:
    """A number target judged under the ordinal style is 評価不能."""
    j = JUDGE.judge(
        indicator(Missing(), q("3"), StatusWord(word="実施", text="実施"), style="ordinal")
    )
    assert (j.outcome, j.reason.code) == (E, "ordinal.incomparable")


# --- direction inference -----------------------------------------------------------------


def test_stated_direction_beats_a_bound() -> None:
    """A stated direction wins over 以下 in the target: 20分 against 15分以下, higher, is achieved."""
    j = judge(None, "15分以下", "20分", "higher")
    assert (j.outcome, j.direction, j.direction_source) == (
        A,
        Direction.HIGHER,
        DirectionSource.EXPLICIT,
    )


def test_bound_beats_the_baseline() -> None:
    """以下 wins over a baseline below the target: 12分 meets 15分以下 although 10分 -> 15分 rises."""
    j = judge("10分", "15分以下", "12分")
    assert (j.outcome, j.direction, j.direction_source) == (
        A,
        Direction.LOWER,
        DirectionSource.BOUND,
    )


def test_at_least_bound_beats_the_baseline() -> None:
    """以上 wins over a baseline above the target: 12件 misses 15件以上 although 20件 -> 15件 falls."""
    j = judge("20件", "15件以上", "12件")
    assert (j.outcome, j.direction, j.direction_source) == (
        N,
        Direction.HIGHER,
        DirectionSource.BOUND,
    )


@pytest.mark.parametrize(
    ("baseline", "actual", "expected", "direction"),
    [
        ("20%", "3%", A, Direction.LOWER),
        ("20%", "6%", N, Direction.LOWER),
        ("2%", "6%", A, Direction.HIGHER),
        ("2%", "4%", N, Direction.HIGHER),
    ],
)
def test_baseline_side_of_target_gives_direction(
    baseline: str, actual: str, expected: Outcome, direction: Direction
) -> None:
    """A target below the baseline asks for less, above it for more."""
    j = judge(baseline, "5%", actual)
    assert (j.outcome, j.direction, j.direction_source) == (
        expected,
        direction,
        DirectionSource.BASELINE,
    )


def test_baseline_equal_to_target_gives_no_direction() -> None:
    """A baseline equal to the target says nothing: higher is better by default."""
    j = judge("10件", "10件", "9件")
    assert (j.outcome, j.direction, j.direction_source) == (
        N,
        Direction.HIGHER,
        DirectionSource.DEFAULT,
    )


def test_zero_baseline_equal_to_zero_target_leaves_the_zero_rule() -> None:
    """0件 -> 0件 -> 1件: the baseline says nothing, the zero target asks for none: 未達成."""
    j = judge("0件", "0件", "1件")
    assert (j.outcome, j.direction, j.direction_source) == (
        N,
        Direction.LOWER,
        DirectionSource.ZERO_TARGET,
    )


@pytest.mark.parametrize(("actual", "expected"), [("0件", A), ("2件", N)])
def test_zero_target_asks_for_none(actual: str, expected: Outcome) -> None:
    """A target of zero without baseline is lower-is-better: 2件 misses 0件."""
    j = judge(None, "0件", actual)
    assert (j.outcome, j.direction, j.direction_source) == (
        expected,
        Direction.LOWER,
        DirectionSource.ZERO_TARGET,
    )


def test_nonzero_target_without_baseline_is_higher_by_default() -> None:
    """A target of 5件 without baseline or bound is higher-is-better: 3件 misses it."""
    j = judge(None, "5件", "3件")
    assert (j.outcome, j.direction, j.direction_source) == (
        N,
        Direction.HIGHER,
        DirectionSource.DEFAULT,
    )


def test_baseline_in_another_unit_gives_no_direction() -> None:
    """A baseline of 50% says nothing about a target of 10件: higher by default, 5件 misses."""
    j = judge("50%", "10件", "5件")
    assert (j.outcome, j.direction, j.direction_source) == (
        N,
        Direction.HIGHER,
        DirectionSource.DEFAULT,
    )


def test_cumulative_baseline_gives_direction() -> None:
    """累計100件 -> 累計50件 asks for less: 累計40件 achieves, from the baseline."""
    j = judge("累計100件", "累計50件", "累計40件")
    assert (j.style, j.outcome, j.direction, j.direction_source) == (
        "cumulative",
        A,
        Direction.LOWER,
        DirectionSource.BASELINE,
    )


def test_cumulative_annual_baseline_is_not_used_for_a_total() -> None:
    """An annual baseline says nothing about a running-total target: higher by default."""
    j = judge("年100件", "累計50件", "累計40件")
    assert (j.outcome, j.direction_source) == (N, DirectionSource.DEFAULT)


# --- rounding ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("achieved", "not_achieved", "rate"),
    [
        (1, 15, "6.3"),  # 1/16 = 6.25%: a tie, rounded half-up
        (3, 5, "37.5"),  # 3/8 = 37.5% exactly
        (1, 7, "12.5"),  # 1/8
        (2, 1, "66.7"),  # 66.66...%
        (1, 2, "33.3"),  # 33.33...%
        (20, 8, "71.4"),  # the seed: 71.428...%
        (3, 0, "100.0"),
        (0, 3, "0.0"),
    ],
)
def test_achievement_rate_rounds_half_up(achieved: int, not_achieved: int, rate: str) -> None:
    """The rate is achieved over evaluable in percent, to one place, ties rounded up."""
    assert achievement_rate(achieved, not_achieved) == Decimal(rate)
    assert str(achievement_rate(achieved, not_achieved)) == rate


def test_achievement_rate_of_nothing_evaluable() -> None:
    """With no evaluable indicator there is no rate, not 0%."""
    assert achievement_rate(0, 0) is None


@pytest.mark.parametrize(
    ("target", "actual", "shown"),
    [
        ("100件", "105件", "(1.1倍)"),  # 1.05: a tie, half-up
        ("100件", "25件", "(0.3倍)"),  # 0.25: a tie, half-up
        ("100件", "714件", "(7.1倍)"),
        ("1,000人", "999人", "(0.999倍)"),
        ("100件", "100件", "(1.0倍)"),
    ],
)
def test_ratio_in_the_message_rounds_half_up(target: str, actual: str, shown: str) -> None:
    """The message shows the ratio to one place, ties up, and never 1.0 for a ratio that is not 1."""
    assert shown in judge(None, target, actual).message.ja


def test_margin_ratio_rounds_half_up_to_four_places() -> None:
    """1件 against 32件 is 0.03125 times, kept as 0.0313; the difference is exact."""
    j = judge(None, "32件", "1件")
    assert j.margin is not None
    assert j.margin.ratio == Decimal("0.0313")
    assert j.margin.difference == Decimal("-31")


def test_margin_ratio_of_zero_target_is_none() -> None:
    """Against a target of zero there is no ratio, only the difference, and no ratio is shown."""
    j = judge(None, "0件", "2件")
    assert j.margin is not None
    assert (j.margin.ratio, j.margin.difference, j.margin.unit) == (None, Decimal("2"), "件")
    assert j.message.ja.startswith("実績 2件は目標 0件以下を上回るため未達成(")
    assert j.message.en.startswith("actual 2件 is above the target of at most 0件: not achieved (")


@pytest.mark.parametrize(
    ("target", "actual", "unit"),
    [
        ("110件", "785", "件"),
        ("110", "785件", "件"),
        ("110件", "785件", "件"),
        ("110", "785", None),
    ],
)
def test_margin_unit_is_the_target_unit_or_the_actual_unit(
    target: str, actual: str, unit: str | None
) -> None:
    """The margin is in the target's unit, or the actual's when the target has none."""
    j = judge(None, target, actual)
    assert j.margin is not None
    assert j.margin.unit == unit


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "code"),
    [
        (None, "60%", "50%", "threshold.below_target"),
        (None, "15分以下", "20分", "threshold.above_target"),
        (None, "60%", "70%", "threshold.meets_target"),
    ],
)
def test_threshold_reason_code_says_which_side(
    baseline: str | None, target: str, actual: str, code: str
) -> None:
    """Short of an at-least target is below_target; over an at-most target is above_target."""
    assert judge(baseline, target, actual).reason.code == code
