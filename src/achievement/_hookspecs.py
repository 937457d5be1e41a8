"""The hooks a plugin may implement.  Every hook is prefixed ``achievement_``.

A plugin is a module or an object with functions marked ``@achievement.hookimpl``;
an implementation may take any subset of a hook's arguments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from achievement._model import Indicator
    from achievement._registry import EvaluatorRegistry
    from achievement.schemes import SchemeRegistry

PROJECT = "achievement"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def achievement_register_evaluators(registry: EvaluatorRegistry) -> None:
    """Add this plugin's evaluators with ``registry.add(evaluator)``.

    Called once when a :class:`~achievement.Judge` is built, for every plugin.
    Each evaluator's ``style`` must be new: a style that another plugin has
    already added is refused with an error naming both plugins.
    """


@hookspec(firstresult=True)
def achievement_infer_style(indicator: Indicator) -> str | None:
    """Name the style that should judge ``indicator``, or return ``None`` to pass.

    Called only for indicators whose style the plan does not state.  Stops at
    the first non-``None`` result; the built-in inference runs last, so a
    plugin can claim a target the built-ins would otherwise read.
    """


@hookspec
def achievement_register_schemes(registry: SchemeRegistry) -> None:
    """Add this plugin's grading schemes with ``registry.add(scheme)``.

    Called once, the first time a :class:`~achievement.Judge`'s schemes are
    asked for, for every plugin.  Each scheme's ``name`` must be new: a name
    that another plugin has already added is refused with an error naming both
    plugins.  The presets register through this hook too.
    """
