"""A plugin module imported by name in the tests: the style ``odd``."""

from __future__ import annotations

from achievement import EvaluatorRegistry, hookimpl

from ._plugin_helpers import EvenEvaluator


@hookimpl
def achievement_register_evaluators(registry: EvaluatorRegistry) -> None:
    """Add a toy evaluator under the style ``odd``."""
    registry.add(EvenEvaluator("odd"))
