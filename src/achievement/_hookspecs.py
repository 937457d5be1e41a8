"""The hooks a plugin may implement.  Every hook is prefixed ``achievement_``.

A plugin is a module or an object with functions marked ``@achievement.hookimpl``;
an implementation may take any subset of a hook's arguments.  Hooks are called
with keyword arguments only, by the :class:`~achievement.Judge` that owns the
plugin; no other code calls them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from achievement._model import Column, Indicator, Value
    from achievement._registry import EvaluatorRegistry, ValueKindRegistry
    from achievement.schemes import SchemeRegistry

PROJECT = "achievement"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def achievement_register_evaluators(registry: EvaluatorRegistry) -> None:
    """Add this plugin's evaluators with ``registry.add(evaluator)``.

    Called once when a :class:`~achievement.Judge` is built, for every plugin.
    Each evaluator's ``style`` must be new: a style that another plugin has
    already added is refused with a :class:`~achievement.PluginError` naming
    both plugins.  Returns nothing.
    """


@hookspec(firstresult=True)
def achievement_infer_style(indicator: Indicator) -> str | None:
    """Name the style that should judge ``indicator``, or return ``None`` to pass.

    Called only for indicators whose style the plan does not state.  Stops at
    the first non-``None`` result; the built-in inference runs last, so a
    plugin can claim a target the built-ins would otherwise read.  The style
    returned must be one that some plugin registers: another name gives a
    not-evaluable judgment naming the plugin.  An exception raised here gives
    a not-evaluable judgment naming the plugin and this hook, not a crash, and
    is reported once; the indicators the plugin does not claim are judged as
    usual.
    """


@hookspec
def achievement_register_value_kinds(registry: ValueKindRegistry) -> None:
    """Add this plugin's own value kinds with ``registry.add(ValueClass)``.

    Called once when a :class:`~achievement.Judge` is built, for every plugin,
    before the evaluators are registered.  A value class subclasses
    :class:`~achievement.PluginValue` with a ``kind`` literal of its own,
    namespaced by the plugin (``"range.band"``); a core kind, or a kind that
    another plugin has already added, is refused with a
    :class:`~achievement.PluginError` naming the plugin and this hook.
    Returns nothing.
    """


@hookspec(firstresult=True)
def achievement_parse_value(text: str, column: Column | None) -> Value | None:
    """Read one published cell that the built-in notation does not know, or return ``None``.

    Called with the cell text as published (before width normalisation) by
    :meth:`~achievement.Judge.parse_value`, for every non-blank cell, before
    the built-in notation.  ``column`` says which column the cell comes from:
    ``"baseline"``, ``"target"``, ``"actual"`` or ``"interim"``, or ``None``
    when the caller does not say; an implementation that does not need it
    leaves the argument out.  Stops at the first non-``None`` result.  Return
    ``None`` for any text the plugin does not claim, so that other plugins and
    the built-in notation see it.  The value returned must keep ``text`` as
    given; it is a core value or one of the plugin's own value kinds (see
    ``achievement_register_value_kinds``).  Anything else is refused with a
    :class:`~achievement.PluginError` naming the plugin and this hook.  Raise
    :class:`~achievement.ParseError` for text the plugin claims but cannot
    read; any other exception is reported once, naming the plugin and this
    hook, and the cell is read by the other plugins and the built-in notation.
    """


@hookspec
def achievement_register_schemes(registry: SchemeRegistry) -> None:
    """Add this plugin's grading schemes with ``registry.add(scheme)``.

    Called once, the first time a :class:`~achievement.Judge`'s schemes are
    asked for, for every plugin.  Each scheme's ``name`` must be new: a name
    that another plugin has already added is refused with an error naming both
    plugins.  The presets register through this hook too.
    """
