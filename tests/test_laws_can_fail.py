"""The law suite finds broken evaluators: it can fail."""

from __future__ import annotations

import sys
from dataclasses import replace
from decimal import Decimal

import hypothesis.strategies as st
import pytest
from hypothesis import Phase, settings

from achievement import Direction, Indicator, Outcome, Quantity, StatusWord, Verdict
from achievement.rules.threshold import ThresholdEvaluator
from achievement.testing import LawViolation, check_evaluator, every_kind

pytest_plugins = ["pytester"]

QUICK = settings(max_examples=100, phases=[Phase.generate], database=None)
"""Find a failure without shrinking it: these tests only need to know that the suite fails."""


class NonMonotone(ThresholdEvaluator):
    """Threshold, but an actual more than 1 past the target counts as not achieved."""

    def evaluate(self, indicator: Indicator) -> Verdict:
        verdict = super().evaluate(indicator)
        target, actual = indicator.target.value, indicator.actual.value
        if (
            verdict.outcome is Outcome.ACHIEVED
            and isinstance(target, Quantity)
            and isinstance(actual, Quantity)
            and abs(actual.amount - target.amount) > 1
        ):
            return Verdict(Outcome.NOT_ACHIEVED, "threshold.below_target", verdict.params)
        return verdict


class RaisesOnWords(ThresholdEvaluator):
    """Threshold, but it raises on an actual that is a word, which is valid input."""

    def evaluate(self, indicator: Indicator) -> Verdict:
        if isinstance(indicator.actual.value, StatusWord):
            raise TypeError("cannot compare a word")
        return super().evaluate(indicator)


class StrictAtBoundary(ThresholdEvaluator):
    """Threshold, but equality does not achieve."""

    def evaluate(self, indicator: Indicator) -> Verdict:
        verdict = super().evaluate(indicator)
        target, actual = indicator.target.value, indicator.actual.value
        if (
            isinstance(target, Quantity)
            and isinstance(actual, Quantity)
            and target.amount == actual.amount
        ):
            return Verdict(Outcome.NOT_ACHIEVED, "threshold.below_target", verdict.params)
        return verdict


class ScaleDependent(ThresholdEvaluator):
    """Threshold, but an actual above 500 is not evaluable."""

    def evaluate(self, indicator: Indicator) -> Verdict:
        actual = indicator.actual.value
        if isinstance(actual, Quantity) and actual.amount > Decimal(500):
            return Verdict(
                Outcome.NOT_EVALUABLE, "threshold.incomparable", {"target": "", "actual": ""}
            )
        return super().evaluate(indicator)


class EqualityOnly(ThresholdEvaluator):
    """Achieved only when the actual equals the target, and it states no direction."""

    def evaluate(self, indicator: Indicator) -> Verdict:
        verdict = super().evaluate(indicator)
        target, actual = indicator.target.value, indicator.actual.value
        if not (isinstance(target, Quantity) and isinstance(actual, Quantity)):
            return replace(verdict, direction=None, direction_source=None)
        met = target.amount == actual.amount
        return Verdict(
            Outcome.ACHIEVED if met else Outcome.NOT_ACHIEVED,
            "threshold.meets_target" if met else "threshold.below_target",
            verdict.params,
        )


class OnlyNotEvaluable(ThresholdEvaluator):
    """Offers cases only for not evaluable, as a style that never decides would."""

    def cases(self, outcome: Outcome) -> st.SearchStrategy[Indicator]:
        return super().cases(outcome) if outcome is Outcome.NOT_EVALUABLE else st.nothing()


class NoCases(ThresholdEvaluator):
    """An evaluator without case strategies."""

    cases = None  # type: ignore[assignment]


BROKEN = [
    (NonMonotone(), "monotone", "a better actual"),
    (RaisesOnWords(), "total", "evaluate raised TypeError"),
    (RaisesOnWords(), "deterministic", "the evaluator raised on a valid indicator"),
    (StrictAtBoundary(), "boundary", "an actual equal to the target is not achieved"),
    (ScaleDependent(), "scaling", "scaling by"),
    (EqualityOnly(), "monotone", "monotone cannot be checked"),
    (OnlyNotEvaluable(), "monotone", "the evaluator offers no cases for achieved or not_achieved"),
]
"""Deliberately broken evaluators, the law each breaks and the start of the violation."""

SEEDS = range(60)


@pytest.mark.parametrize(("evaluator", "law", "message"), BROKEN)
def test_broken_evaluator_is_caught_for_every_seed(
    evaluator: ThresholdEvaluator, law: str, message: str
) -> None:
    """Each planted defect is found under each of 60 hypothesis seeds, not only under lucky ones."""
    for seed in SEEDS:
        with pytest.raises(LawViolation, match=f"breaks the law '{law}': {message}"):
            check_evaluator(evaluator, laws=[law], settings=QUICK, seed=seed)


def test_words_defect_is_caught_without_random_draws() -> None:
    """A crash on word actuals is found by the explicit examples alone, with no generated case."""
    explicit_only = settings(QUICK, max_examples=1, phases=[Phase.explicit])
    with pytest.raises(LawViolation, match=r"explicit example: .*actual '実施'"):
        check_evaluator(RaisesOnWords(), laws=["total"], settings=explicit_only)


def test_every_kind_pairs_each_kind_of_target_with_each_kind_of_actual() -> None:
    """The explicit examples hold each core kind as target, actual and baseline."""
    kinds = {"quantity", "components", "running_total", "direction", "status"}
    examples = list(every_kind(ThresholdEvaluator()))
    pairs = {(i.target.value.kind, i.actual.value.kind) for i in examples}
    assert {(t, a) for t in kinds for a in kinds} <= pairs
    assert {i.baseline.kind for i in examples} >= {*kinds, "missing"}
    assert {i.direction for i in examples} == {None, *Direction}
    assert all(i.style == "threshold" for i in examples)


@pytest.mark.parametrize(
    ("evaluator", "law", "message"),
    [
        (NonMonotone(), "monotone", "a better actual"),
        (RaisesOnWords(), "total", "evaluate raised TypeError"),
        (RaisesOnWords(), "deterministic", "the evaluator raised on a valid indicator"),
        (StrictAtBoundary(), "boundary", "an actual equal to the target is not achieved"),
        (ScaleDependent(), "scaling", "scaling by"),
        (EqualityOnly(), "monotone", "monotone cannot be checked"),
        (
            OnlyNotEvaluable(),
            "monotone",
            "the evaluator offers no cases for achieved or not_achieved",
        ),
    ],
)
def test_broken_evaluator_breaks_the_law(
    evaluator: ThresholdEvaluator, law: str, message: str
) -> None:
    """A deliberately broken evaluator fails the law it breaks, with the law and style named."""
    with pytest.raises(LawViolation, match=f"breaks the law '{law}': {message}"):
        check_evaluator(evaluator, laws=[law], settings=QUICK)


def test_oracle_catches_a_wrong_outcome() -> None:
    """An evaluator whose cases promise the wrong outcome fails the oracle law."""

    class Liar(ThresholdEvaluator):
        def cases(self, outcome: Outcome) -> st.SearchStrategy[Indicator]:
            flipped = {Outcome.ACHIEVED: Outcome.NOT_ACHIEVED}.get(outcome, outcome)
            return super().cases(flipped)

    with pytest.raises(LawViolation, match="'oracle'"):
        check_evaluator(Liar(), laws=["oracle"], settings=QUICK)


def test_evaluator_without_cases_is_refused() -> None:
    """The suite refuses an evaluator that offers no cases, rather than passing vacuously."""
    with pytest.raises(TypeError, match="offers no cases"):
        check_evaluator(NoCases())


def test_contract_subclass_fails_under_pytest(pytester: pytest.Pytester) -> None:
    """A contract test class for a non-monotone evaluator fails its monotone test in a real run."""
    pytester.syspathinsert(str(__import__("pathlib").Path(__file__).parent.parent))
    pytester.makepyfile(
        test_broken="""
        from achievement.testing import EvaluatorContract
        from tests.test_laws_can_fail import NonMonotone

        class TestBroken(EvaluatorContract):
            evaluator = NonMonotone()
            max_examples = 100
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-k", "monotone or boundary")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*breaks the law 'monotone'*"])


def test_pytest_plugin_is_import_light() -> None:
    """Importing achievement and the opt-in pytest plugin imports neither hypothesis nor the law suite."""
    import subprocess

    code = (
        "import sys, achievement, achievement.testing.pytest_plugin; achievement.Judge(); "
        "print('hypothesis' in sys.modules, 'achievement.testing._laws' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]


def test_pytest_plugin_fixtures(pytester: pytest.Pytester) -> None:
    """Opting in to the pytest plugin gives the prefixed fixtures and no autouse ones."""
    pytester.makeconftest('pytest_plugins = ["achievement.testing.pytest_plugin"]')
    pytester.makepyfile(
        test_fixtures="""
        from achievement.rules.ordinal import OrdinalEvaluator

        def test_check(achievement_check_evaluator):
            achievement_check_evaluator(OrdinalEvaluator(), laws=["oracle"], max_examples=20)

        def test_judge(achievement_judge, achievement_judge_for):
            assert achievement_judge().styles
            assert achievement_judge_for(OrdinalEvaluator()).styles == ("ordinal",)

        def test_no_autouse(request):
            assert not [f for f in request.fixturenames if f.startswith("achievement_")]
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)


def test_unknown_law_is_refused() -> None:
    """Asking for a law that does not exist is refused with the list of laws."""
    with pytest.raises(ValueError, match="unknown laws \\['monotonic'\\]; the laws are total"):
        check_evaluator(ThresholdEvaluator(), laws=["monotonic"])
