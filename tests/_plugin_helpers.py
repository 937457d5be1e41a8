"""Small plugins and fake installed distributions for the plugin tests."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Mapping
from typing import Any

import pytest

from achievement import (
    EvaluatorRegistry,
    Indicator,
    Outcome,
    Quantity,
    Verdict,
    display,
    hookimpl,
)


class EvenEvaluator:
    """A toy style: achieved when the actual is an even number."""

    numeric = False
    messages: Mapping[str, Mapping[str, str]] = {
        "even.even": {"ja": "{actual}は偶数のため達成", "en": "{actual} is even: achieved"},
        "even.odd": {"ja": "{actual}は奇数のため未達成", "en": "{actual} is odd: not achieved"},
        "even.incomparable": {"ja": "数値でないため評価不能", "en": "not a number: not evaluable"},
    }

    def __init__(self, style: str = "even") -> None:
        self.style = style

    def evaluate(self, indicator: Indicator) -> Verdict:
        actual = indicator.actual.value
        if not isinstance(actual, Quantity):
            return Verdict(Outcome.NOT_EVALUABLE, "even.incomparable")
        even = actual.amount % 2 == 0
        return Verdict(
            Outcome.ACHIEVED if even else Outcome.NOT_ACHIEVED,
            "even.even" if even else "even.odd",
            {"actual": display(actual)},
        )


class EvaluatorPlugin:
    """A plugin object that registers the evaluators it is given."""

    def __init__(self, *evaluators: object, name: str = "toy") -> None:
        self.evaluators = evaluators
        self.__name__ = name

    @hookimpl
    def achievement_register_evaluators(self, registry: EvaluatorRegistry) -> None:
        for evaluator in self.evaluators:
            registry.add(evaluator)  # type: ignore[arg-type]


class FakeEntryPoint:
    def __init__(self, name: str, plugin: object, group: str = "achievement") -> None:
        self.name = name
        self.group = group
        self.value = f"fake:{name}"
        self._plugin = plugin

    def load(self) -> object:
        if isinstance(self._plugin, Exception):
            raise self._plugin
        return self._plugin


class FakeDistribution:
    def __init__(self, name: str, version: str, *entry_points: FakeEntryPoint) -> None:
        self.metadata = {"name": name}
        self.version = version
        self.entry_points = entry_points


def install(monkeypatch: pytest.MonkeyPatch, *dists: Any) -> None:
    """Make ``importlib.metadata.distributions()`` return only ``dists`` (pluggy's own trick)."""
    monkeypatch.setattr(importlib.metadata, "distributions", lambda: list(dists))
