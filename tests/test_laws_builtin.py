"""The built-in evaluators keep the laws they ask of plugins, checked by the same suite."""

from __future__ import annotations

from achievement.rules.cumulative import CumulativeEvaluator
from achievement.rules.deadline import DeadlineEvaluator
from achievement.rules.direction import DirectionEvaluator
from achievement.rules.ordinal import OrdinalEvaluator
from achievement.rules.threshold import ThresholdEvaluator
from achievement.testing import EvaluatorContract, applicable_laws


class TestThresholdLaws(EvaluatorContract):
    """The threshold evaluator keeps every law, mirror and scaling included."""

    evaluator = ThresholdEvaluator()
    max_examples = 60


class TestCumulativeLaws(EvaluatorContract):
    """The cumulative evaluator keeps every law, mirror and scaling included."""

    evaluator = CumulativeEvaluator()
    max_examples = 60


class TestDirectionLaws(EvaluatorContract):
    """The direction evaluator keeps every law that applies to words."""

    evaluator = DirectionEvaluator()
    max_examples = 60


class TestOrdinalLaws(EvaluatorContract):
    """The ordinal evaluator keeps every law that applies to words."""

    evaluator = OrdinalEvaluator()
    max_examples = 60


def test_numeric_builtins_are_checked_for_mirror_and_scaling() -> None:
    """Threshold and cumulative declare themselves numeric, so mirror and scaling are checked."""
    assert "mirror" in applicable_laws(ThresholdEvaluator())
    assert "scaling" in applicable_laws(CumulativeEvaluator())
    assert "mirror" not in applicable_laws(OrdinalEvaluator())


class TestDeadlineLaws(EvaluatorContract):
    """The deadline evaluator keeps every law that applies to years: a later finish is
    never better, and finishing in the deadline's own year achieves."""

    evaluator = DeadlineEvaluator()
    max_examples = 60
