"""Opt-in pytest fixtures for plugin authors.

Enable in a ``conftest.py`` with ``pytest_plugins = ["achievement.testing.pytest_plugin"]``.
It is not loaded automatically, it adds no autouse fixture and no option, and
importing it imports neither hypothesis nor the law suite: every fixture is
prefixed ``achievement_`` and imports what it needs when used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from achievement._evaluator import Evaluator
    from achievement._judge import Judge


@pytest.fixture
def achievement_check_evaluator() -> Callable[..., None]:
    """:func:`achievement.testing.check_evaluator`: run the laws on an evaluator."""
    from achievement.testing import check_evaluator

    return check_evaluator


@pytest.fixture
def achievement_judge_for() -> Callable[[Evaluator], Judge]:
    """:func:`achievement.testing.judge_for`: a judge whose only evaluator is the one given."""
    from achievement.testing import judge_for

    return judge_for


@pytest.fixture
def achievement_judge() -> Callable[..., Judge]:
    """Build a :class:`~achievement.Judge` without installed plugins; keyword arguments pass on."""
    from achievement._judge import Judge

    def build(**kwargs: Any) -> Judge:
        kwargs.setdefault("autoload", False)
        return Judge(**kwargs)

    return build
