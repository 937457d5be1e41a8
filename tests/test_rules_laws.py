"""The laws of design.md hold for each built-in evaluator (property tests)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from achievement import (
    Actual,
    Direction,
    DirectionWord,
    Indicator,
    Judge,
    Judgment,
    Missing,
    Outcome,
    Quantity,
    RunningTotal,
    StatusWord,
    Target,
    Trend,
    Value,
)
from achievement.rules.ordinal import DEFAULT_SCALE

JUDGE = Judge(autoload=False)

amounts = st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False)
positive = st.decimals(min_value=Decimal("0.01"), max_value=1000, places=2)
directions = st.sampled_from([Direction.HIGHER, Direction.LOWER])
units = st.sampled_from([None, "件", "%"])


def q(amount: Decimal, unit: str | None = "件", period: str | None = None) -> Quantity:
    return Quantity(amount=amount, unit=unit, period=period, text=f"{amount}{unit or ''}")


def indicator(
    baseline: Value, target: Value, actual: Value, direction: Direction | None = None
) -> Indicator:
    return Indicator(
        baseline=baseline,
        target=Target(value=target),
        actual=Actual(value=actual),
        direction=direction,
    )


def outcome(*args: object, **kwargs: object) -> Outcome:
    return JUDGE.judge(indicator(*args, **kwargs)).outcome  # type: ignore[arg-type]


def better(a: Decimal, b: Decimal, direction: Direction) -> tuple[Decimal, Decimal]:
    """``(worse, better)`` of two amounts under ``direction``."""
    lo, hi = sorted((a, b))
    return (lo, hi) if direction is Direction.HIGHER else (hi, lo)


# --- threshold --------------------------------------------------------------------------


@given(amounts, amounts, amounts, amounts, directions)
def test_threshold_monotone(b: Decimal, t: Decimal, a1: Decimal, a2: Decimal, d: Direction) -> None:
    """A better actual never turns achieved into not achieved."""
    worse, best = better(a1, a2, d)
    if outcome(q(b), q(t), q(worse), d) is Outcome.ACHIEVED:
        assert outcome(q(b), q(t), q(best), d) is Outcome.ACHIEVED


@given(st.one_of(st.none(), amounts), amounts, st.one_of(st.none(), directions))
def test_threshold_boundary_equality_achieves(
    b: Decimal | None, t: Decimal, d: Direction | None
) -> None:
    """An actual equal to the target is achieved, whatever the direction."""
    baseline: Value = Missing() if b is None else q(b)
    assert outcome(baseline, q(t), q(t), d) is Outcome.ACHIEVED


@given(amounts, amounts, amounts, directions)
def test_threshold_mirror_symmetry(b: Decimal, t: Decimal, a: Decimal, d: Direction) -> None:
    """Higher-is-better on x judges as lower-is-better on -x."""
    assert outcome(q(b), q(t), q(a), d) is outcome(q(-b), q(-t), q(-a), d.flipped())


@given(amounts, positive, st.booleans(), amounts)
def test_threshold_mirror_symmetry_inferred(b: Decimal, gap: Decimal, up: bool, a: Decimal) -> None:
    """With the direction inferred from the baseline, negating every number mirrors the judgment."""
    t = b + gap if up else b - gap
    j1 = JUDGE.judge(indicator(q(b), q(t), q(a)))
    j2 = JUDGE.judge(indicator(q(-b), q(-t), q(-a)))
    assert j1.outcome is j2.outcome
    assert j1.direction is not None
    assert j1.direction.flipped() is j2.direction
    assert j1.direction_inferred


@given(amounts, amounts, amounts, positive, st.one_of(st.none(), directions))
def test_threshold_scaling_invariance(
    b: Decimal, t: Decimal, a: Decimal, c: Decimal, d: Direction | None
) -> None:
    """Scaling every number by a positive constant keeps the outcome and the ratio."""
    j1 = JUDGE.judge(indicator(q(b), q(t), q(a), d))
    j2 = JUDGE.judge(indicator(q(b * c), q(t * c), q(a * c), d))
    assert j1.outcome is j2.outcome
    assert j1.margin is not None
    assert j2.margin is not None
    assert (j1.margin.ratio is None) == (j2.margin.ratio is None)
    if j1.margin.ratio is not None and j2.margin.ratio is not None:
        assert abs(j1.margin.ratio - j2.margin.ratio) <= Decimal("0.0001")


@given(amounts, amounts, st.permutations(["件", "%", "時間"]))
def test_threshold_incomparable_units_not_evaluable(t: Decimal, a: Decimal, us: list[str]) -> None:
    """Different units give not evaluable with a reason code, never a silent not achieved."""
    j = JUDGE.judge(indicator(Missing(), q(t, us[0]), q(a, us[1])))
    assert j.outcome is Outcome.NOT_EVALUABLE
    assert j.reason.code == "threshold.incomparable"


def test_bare_number_against_percent_is_not_compared() -> None:
    """0.6 beside a 60% target may be a share or a percentage, so it is not evaluable."""
    j = JUDGE.judge_text(baseline="10%", target="60%", actual="0.6")
    assert j.outcome is Outcome.NOT_EVALUABLE
    assert j.reason.code == "threshold.incomparable"
    assert JUDGE.judge_text(baseline=None, target="110件", actual="785").outcome is Outcome.ACHIEVED


def test_ratio_just_short_is_not_shown_as_one() -> None:
    """999 against a target of 1,000 shows 0.999 times, never a rounded 1.0 beside 未達成."""
    j = JUDGE.judge_text(baseline=None, target="1,000人以上", actual="999人")
    assert "(0.999倍)" in j.message.ja
    assert "(0.999x)" in j.message.en


# --- direction --------------------------------------------------------------------------

WORDS = {Trend.INCREASE: "増加", Trend.DECREASE: "減少", Trend.MAINTAIN: "維持"}
trends = st.sampled_from(list(Trend))


def word(trend: Trend) -> DirectionWord:
    return DirectionWord(word=WORDS[trend], trend=trend, text=WORDS[trend])


@given(amounts, amounts, amounts, trends)
def test_direction_monotone(b: Decimal, a1: Decimal, a2: Decimal, trend: Trend) -> None:
    """Moving further the asked way never turns achieved into not achieved."""
    d = Direction.LOWER if trend is Trend.DECREASE else Direction.HIGHER
    worse, best = better(a1, a2, d)
    if outcome(q(b), word(trend), q(worse)) is Outcome.ACHIEVED:
        assert outcome(q(b), word(trend), q(best)) is Outcome.ACHIEVED


@given(amounts, amounts)
def test_direction_mirror_symmetry(b: Decimal, a: Decimal) -> None:
    """増加 on x judges as 減少 on -x."""
    assert outcome(q(b), word(Trend.INCREASE), q(a)) is outcome(q(-b), word(Trend.DECREASE), q(-a))


@given(amounts, amounts, positive, trends)
def test_direction_scaling_invariance(b: Decimal, a: Decimal, c: Decimal, trend: Trend) -> None:
    """Scaling baseline and actual by a positive constant keeps the outcome."""
    assert outcome(q(b), word(trend), q(a)) is outcome(q(b * c), word(trend), q(a * c))


@given(amounts, trends)
def test_direction_unchanged_only_maintain_achieves(b: Decimal, trend: Trend) -> None:
    """An actual equal to the baseline meets 維持 and nothing else."""
    expected = Outcome.ACHIEVED if trend is Trend.MAINTAIN else Outcome.NOT_ACHIEVED
    assert outcome(q(b), word(trend), q(b)) is expected


@given(trends, trends)
def test_direction_word_actuals(target: Trend, actual: Trend) -> None:
    """A word actual meets a word target when it is the same word, or better for 維持."""
    achieved = outcome(Missing(), word(target), word(actual)) is Outcome.ACHIEVED
    assert achieved == (actual is target or (target, actual) == (Trend.MAINTAIN, Trend.INCREASE))


# What each movement word asks, written here from the word itself (not from the notation).
MEANINGS = {
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


def moved_as_asked(meaning: str, b: Decimal, a: Decimal, d: Direction | None) -> bool:
    """The oracle: up and down ask for a strict move; hold asks for no worse, higher by default."""
    if meaning == "up":
        return a > b
    if meaning == "down":
        return a < b
    return a <= b if d is Direction.LOWER else a >= b


@pytest.mark.parametrize("said", sorted(MEANINGS))
@given(b=amounts, a=amounts, same=st.booleans(), d=st.one_of(st.none(), directions))
def test_direction_word_oracle(
    said: str, b: Decimal, a: Decimal, same: bool, d: Direction | None
) -> None:
    """Every movement word, read from its cell, is met exactly when the actual moved as it asks."""
    actual = b if same else a
    j = JUDGE.judge(indicator(q(b), JUDGE.parse_value(said), q(actual), d))
    assert j.style == "direction"
    expected = moved_as_asked(MEANINGS[said], b, actual, d)
    assert j.outcome is (Outcome.ACHIEVED if expected else Outcome.NOT_ACHIEVED)


def word_meets(target: str, actual: str, d: Direction | None) -> bool:
    """The oracle for a word actual: the same ask, or for hold, holding or moving the better way."""
    if target != "hold":
        return actual == target
    return actual in ("hold", "down" if d is Direction.LOWER else "up")


@pytest.mark.parametrize("said", sorted(MEANINGS))
@given(actual=st.sampled_from(sorted(MEANINGS)), d=st.one_of(st.none(), directions))
def test_direction_word_actual_oracle(said: str, actual: str, d: Direction | None) -> None:
    """Every movement word as target meets a word actual exactly as the words' meanings say."""
    j = JUDGE.judge(indicator(Missing(), JUDGE.parse_value(said), JUDGE.parse_value(actual), d))
    expected = word_meets(MEANINGS[said], MEANINGS[actual], d)
    assert j.outcome is (Outcome.ACHIEVED if expected else Outcome.NOT_ACHIEVED)


@pytest.mark.parametrize("said", sorted(MEANINGS))
def test_strategies_draw_words_with_their_meaning(said: str) -> None:
    """The strategies' movement words mean what the notation reads them as."""
    from achievement.strategies import DIRECTION_MEANINGS

    parsed = JUDGE.parse_value(said)
    assert isinstance(parsed, DirectionWord)
    assert parsed.trend is DIRECTION_MEANINGS[said]
    trend = {"up": Trend.INCREASE, "down": Trend.DECREASE, "hold": Trend.MAINTAIN}
    assert parsed.trend is trend[MEANINGS[said]]


# --- cumulative -------------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=10**5).map(Decimal)


def running(annual: Decimal, total: Decimal) -> RunningTotal:
    return RunningTotal(
        annual=q(annual, period="annual"),
        total=q(total, period="cumulative"),
        text=f"年{annual}件(累計{total}件)",
    )


@given(counts, counts, counts, counts, counts)
def test_cumulative_monotone_in_total(
    ta: Decimal, tt: Decimal, aa: Decimal, at1: Decimal, at2: Decimal
) -> None:
    """With higher is better, a larger running total never turns achieved into not achieved."""
    lo, hi = sorted((at1, at2))
    up = Direction.HIGHER
    if outcome(Missing(), running(ta, tt), running(aa, lo), up) is Outcome.ACHIEVED:
        assert outcome(Missing(), running(ta, tt), running(aa, hi), up) is Outcome.ACHIEVED


@given(counts, counts, counts)
def test_cumulative_compares_totals_not_annual(ta: Decimal, tt: Decimal, aa: Decimal) -> None:
    """With a 累計 in the target, the outcome depends on the totals only: equal totals achieve."""
    assert outcome(Missing(), running(ta, tt), running(aa, tt)) is Outcome.ACHIEVED


@given(counts, counts, counts)
def test_cumulative_annual_target_compares_annual(t: Decimal, aa: Decimal, at: Decimal) -> None:
    """An annual target against an annual-with-total actual compares the annual figures."""
    j = JUDGE.judge(indicator(Missing(), q(t, period="annual"), running(aa, at), Direction.HIGHER))
    assert j.style == "cumulative"
    assert j.outcome is (Outcome.ACHIEVED if aa >= t else Outcome.NOT_ACHIEVED)


# --- ordinal ----------------------------------------------------------------------------

stages = st.sampled_from(DEFAULT_SCALE)


def status(w: str) -> StatusWord:
    return StatusWord(word=w, text=w)


@given(stages, stages, stages)
def test_ordinal_monotone(target: str, a1: str, a2: str) -> None:
    """A later stage never turns achieved into not achieved."""
    lo, hi = sorted((a1, a2), key=DEFAULT_SCALE.index)
    if outcome(Missing(), status(target), status(lo)) is Outcome.ACHIEVED:
        assert outcome(Missing(), status(target), status(hi)) is Outcome.ACHIEVED


@given(stages)
def test_ordinal_boundary_equality_achieves(stage: str) -> None:
    """The target's own stage achieves."""
    assert outcome(Missing(), status(stage), status(stage)) is Outcome.ACHIEVED


def test_ordinal_unknown_word_not_evaluable() -> None:
    """A word that is not on the scale is not evaluable, and the message names the scale."""
    j = JUDGE.judge(indicator(Missing(), status("実施"), status("見直し")))
    assert j.outcome is Outcome.NOT_EVALUABLE
    assert j.reason.code == "ordinal.unknown_word"
    assert "未実施 < 検討 < 一部実施 < 実施 < 推進 < 完了" in j.message.ja


def test_ordinal_plan_scale() -> None:
    """A plan's own scale replaces the default one."""
    ind = indicator(Missing(), status("着手"), status("完了")).model_copy(
        update={"scale": ("未着手", "着手", "完了")}
    )
    assert JUDGE.judge(ind).outcome is Outcome.ACHIEVED


# --- every style ------------------------------------------------------------------------

values: st.SearchStrategy[Value] = st.one_of(
    st.builds(q, amounts, units),
    st.builds(running, counts, counts),
    st.builds(word, trends),
    st.builds(status, st.sampled_from([*DEFAULT_SCALE, "完了"])),
    st.just(Missing()),
)


@given(values, values, values, st.one_of(st.none(), directions))
def test_total_and_deterministic(b: Value, t: Value, a: Value, d: Direction | None) -> None:
    """Any values give a judgment, the same one twice, with a message in both languages."""
    ind = indicator(b, t, a, d)
    j = JUDGE.judge(ind)
    assert j == JUDGE.judge(ind)
    assert j.outcome in Outcome
    assert j.message.ja
    assert j.message.en
    assert j.reason.code != "judge.evaluator_failed", j.message.en


@given(values, values, values, st.one_of(st.none(), directions))
def test_judgment_round_trips_through_json(
    b: Value, t: Value, a: Value, d: Direction | None
) -> None:
    """A judgment serialised to JSON reads back equal."""
    j = JUDGE.judge(indicator(b, t, a, d))
    assert Judgment.model_validate_json(j.model_dump_json()) == j


missing_texts = st.sampled_from(["", "-", "―", "集計中"]).map(lambda text: Missing(text=text))


@given(
    values,
    st.sampled_from(["target", "actual", "both"]),
    values,
    missing_texts,
    st.one_of(st.none(), directions),
)
def test_missing_actual_is_not_evaluable(
    b: Value, which: str, present: Value, gap: Missing, d: Direction | None
) -> None:
    """A missing actual or target is never not achieved: it is not evaluable."""
    t = gap if which in ("target", "both") else present
    a = gap if which in ("actual", "both") else present
    j = JUDGE.judge(indicator(b, t, a, d))
    assert j.outcome is Outcome.NOT_EVALUABLE
    assert j.reason.code.startswith("input.")


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("60%", "threshold"),
        ("年5件(累計31件)", "cumulative"),
        ("累計31件", "cumulative"),
        ("増加", "direction"),
        ("推進", "ordinal"),
    ],
)
def test_style_inferred_from_target_text(text: str, style: str) -> None:
    """The style is inferred from how the target is written."""
    assert JUDGE.judge_text(baseline=None, target=text, actual="―").style == style


def test_explicit_direction_beats_inference() -> None:
    """A stated direction wins over the one the values suggest, and is not marked inferred."""
    j = JUDGE.judge_text(baseline="20%", target="0%", actual="3%", direction="higher")
    assert j.outcome is Outcome.ACHIEVED
    assert not j.direction_inferred
    assert "推定" not in j.message.ja
