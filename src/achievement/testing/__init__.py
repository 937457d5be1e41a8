"""The laws of evaluators, as a suite a plugin author runs on their own evaluator.

Install the ``testing`` extra.  Either call the function form::

    from achievement.testing import check_evaluator

    def test_range_laws():
        check_evaluator(RangeEvaluator())

or subclass the contract, one pytest test per law::

    from achievement.testing import EvaluatorContract

    class TestRange(EvaluatorContract):
        evaluator = RangeEvaluator()

The evaluator offers ``cases(outcome)``, a hypothesis strategy of indicators
it must judge as ``outcome`` (see :class:`CaseProvider`).  The laws: total,
deterministic, oracle (the known outcomes), monotone, boundary (equality
achieves), mirror and scaling (for evaluators that declare ``numeric``), JSON
round trip, and messages in Japanese and English for every code.

For fixtures, opt in to the pytest plugin with
``pytest_plugins = ["achievement.testing.pytest_plugin"]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from achievement._evaluator import Evaluator
    from achievement.testing._laws import (
        LAWS,
        CaseProvider,
        LawViolation,
        applicable_laws,
        check_evaluator,
        every_kind,
        judge_for,
        map_amounts,
    )

__all__ = [
    "LAWS",
    "CaseProvider",
    "EvaluatorContract",
    "LawViolation",
    "applicable_laws",
    "check_evaluator",
    "every_kind",
    "judge_for",
    "map_amounts",
]


class EvaluatorContract:
    """Subclass as ``Test...`` and set ``evaluator``: one test per law.

    A law that does not apply to the evaluator (mirror and scaling for an
    evaluator that is not ``numeric``) is skipped with the reason.
    """

    evaluator: ClassVar[Evaluator]
    max_examples: ClassVar[int | None] = None
    """Examples per law; ``None`` keeps the active hypothesis profile."""

    def _law(self, name: str) -> None:
        from achievement.testing._laws import applicable_laws, check_evaluator

        if name not in applicable_laws(self.evaluator):
            import pytest

            pytest.skip(f"the law {name!r} applies only to evaluators that declare numeric")
        check_evaluator(self.evaluator, laws=[name], max_examples=self.max_examples)

    def test_achievement_law_total(self) -> None:
        """Every valid indicator gets a verdict with a known code, or a typed error."""
        self._law("total")

    def test_achievement_law_deterministic(self) -> None:
        """Judging the same indicator twice gives the same judgment."""
        self._law("deterministic")

    def test_achievement_law_oracle(self) -> None:
        """Each case with a known outcome is judged as that outcome."""
        self._law("oracle")

    def test_achievement_law_monotone(self) -> None:
        """A better actual never turns achieved into not achieved."""
        self._law("monotone")

    def test_achievement_law_boundary(self) -> None:
        """An actual exactly at the target achieves."""
        self._law("boundary")

    def test_achievement_law_mirror(self) -> None:
        """Negating every number and flipping the direction leaves the outcome unchanged."""
        self._law("mirror")

    def test_achievement_law_scaling(self) -> None:
        """Multiplying every number by a positive constant leaves the outcome unchanged."""
        self._law("scaling")

    def test_achievement_law_round_trip(self) -> None:
        """A judgment survives JSON and back unchanged."""
        self._law("round_trip")

    def test_achievement_law_messages(self) -> None:
        """Every code renders in Japanese and English."""
        self._law("messages")


def __getattr__(name: str) -> Any:
    # The law suite imports hypothesis: load it on first use, so that the
    # pytest plugin in this package stays import-light.
    if name in __all__:
        from achievement.testing import _laws

        return getattr(_laws, name)
    raise AttributeError(f"module 'achievement.testing' has no attribute {name!r}")
