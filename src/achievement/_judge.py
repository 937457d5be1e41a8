"""The Judge: owns a plugin manager and its evaluators, and judges indicators.

Loading the plugins is :mod:`achievement._plugin_loading`'s; its names
(``ENTRY_POINT_GROUP``, ``BUILTIN_PLUGINS``, ...) stay importable from here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

import pluggy

from achievement import _hookspecs
from achievement._errors import AchievementError, ParseError, PluginError
from achievement._evaluator import Verdict, display
from achievement._judge_messages import CORE_MESSAGES, render_verdict, value_notes
from achievement._lean import SHARED_LIMIT, indicator_of, is_missing, trusted
from achievement._lean import judgment as lean_judgment
from achievement._model import (
    Actual,
    ActualStatus,
    Column,
    Direction,
    Indicator,
    Judgment,
    LocalizedText,
    Outcome,
    PluginValue,
    Reason,
    Target,
    Value,
)
from achievement._notation import parse_value
from achievement._plugin_loading import (
    BUILTIN_PLUGINS,
    DISABLED_PLUGINS_ENV,
    ENTRY_POINT_GROUP,
    PluginLoader,
    gather_schemes,
)
from achievement._plugin_support import (
    AUTOLOAD_ENV,
    PluginFailure,
    PluginInfo,
    autoload_disabled,
    check_hook_names,
    error_text,
    is_value,
)
from achievement._registry import EvaluatorRegistry, ValueKindRegistry
from achievement._series import has_years, judge_as_of

if TYPE_CHECKING:
    from achievement.schemes import SchemeRegistry

__all__ = [
    "AUTOLOAD_ENV",
    "BUILTIN_PLUGINS",
    "CORE_MESSAGES",
    "DISABLED_PLUGINS_ENV",
    "ENTRY_POINT_GROUP",
    "Judge",
    "PluginFailure",
    "PluginInfo",
    "default_judge",
]


class _UnfilledMessage(Exception):
    """A verdict's message template could not be filled from its params."""

    def __init__(self, error: Exception) -> None:
        super().__init__(error)
        self.error = error


class _HookFailed(Exception):
    """A plugin's hook implementation raised; carries the plugin's name."""

    def __init__(self, plugin: str, error: Exception) -> None:
        super().__init__(plugin, error)
        self.plugin = plugin
        self.error = error


class Judge:
    """Judges indicators with the evaluators of its own plugins.

    Each judge owns its plugin manager: the built-in plugins, then the plugins
    installed under the entry-point group ``achievement`` (unless ``autoload``
    is false or ``ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD`` is ``1``, ``true`` or
    ``yes``), then
    ``plugins``, given as modules, objects, module names or ``.py`` file
    paths (a file's plugin is named after the file).  ``blocked`` names
    plugins not to load, as do the comma-separated names in
    ``ACHIEVEMENT_DISABLED_PLUGINS``; :meth:`describe_plugins` lists the names.
    Two plugins adding one style or value kind, a misspelt hook, a hook
    implementation asking for arguments the hook does not pass, a message
    catalogue without ``ja`` or ``en`` and a plugin that fails to load are
    refused with a :class:`PluginError` naming the plugin and the hook; with
    ``keep_going``, an installed plugin that fails to load is left out and
    listed by :meth:`describe_plugins` with its error instead.
    """

    def __init__(
        self,
        *,
        plugins: Iterable[object] = (),
        autoload: bool | None = None,
        blocked: Iterable[str] = (),
        keep_going: bool = False,
    ) -> None:
        pm = pluggy.PluginManager(_hookspecs.PROJECT)
        pm.add_hookspecs(_hookspecs)
        self._pm = pm
        self._failures: dict[tuple[str, str], PluginFailure] = {}
        self._plugins = loader = PluginLoader(pm, keep_going=keep_going)
        loader.block(blocked)
        loader.register_builtins()
        if autoload is None:
            autoload = not autoload_disabled(os.environ.get(AUTOLOAD_ENV))
        if autoload:
            loader.load_entry_points()
        for plugin in plugins:
            loader.register_local(plugin)
        check_hook_names(pm)
        self._value_kinds = ValueKindRegistry()
        loader.call_registration(
            "achievement_register_value_kinds", self._value_kinds._adding_for, "value kinds"
        )
        self._registry = EvaluatorRegistry()
        loader.call_registration(
            "achievement_register_evaluators", self._registry._adding_for, "evaluators"
        )
        self._schemes: SchemeRegistry | None = None
        self._shared: dict[object, Any] = {}  # reasons, messages and margins to share
        self._values: dict[tuple[Column, str | None], Value] = {}  # cells read by judge_text

    def describe_plugins(self) -> tuple[PluginInfo, ...]:
        """Every plugin of this judge, in registration order, with the styles it adds.

        An installed plugin that failed to load (with ``keep_going=True``) is
        listed last, with the error as its warning.

        >>> [p.styles for p in Judge(autoload=False).describe_plugins() if p.styles]
        [('threshold',), ('direction',), ('cumulative',), ('ordinal',), ('deadline',)]
        """
        return self._plugins.describe(self._registry, self._value_kinds)

    @property
    def value_kinds(self) -> ValueKindRegistry:
        """The plugin value kinds of this judge, by kind."""
        return self._value_kinds

    def take_failures(self) -> tuple[PluginFailure, ...]:
        """The plugin hooks that failed since the last call, one entry per plugin and hook."""
        failures = tuple(self._failures.values())
        self._failures.clear()
        return failures

    def _failed(self, plugin: str, hook: str, error: str) -> None:
        known = self._failures.get((plugin, hook))
        count = 1 if known is None else known.count + 1
        first = error if known is None else known.error
        self._failures[plugin, hook] = PluginFailure(plugin, hook, first, count)

    def parse_value(self, text: str | None, column: Column | None = None) -> Value:
        """Read one published cell: plugins first, then the built-in notation.

        ``column`` (``"baseline"``, ``"target"``, ``"actual"`` or ``"interim"``)
        is passed to the plugins' parse hooks.  A plugin that raises is
        skipped for this cell and reported once (see :meth:`take_failures`);
        a plugin that returns something that is not a value is refused with
        a :class:`PluginError` naming it.

        >>> Judge(autoload=False).parse_value("80%以上").bound
        <Bound.AT_LEAST: 'at_least'>
        """
        if text is not None and text.strip():
            hook = self._pm.hook.achievement_parse_value
            found = self._first(hook, {"text": text, "column": column}, skip_failing=True)
            if found is not None:
                plugin, value = found
                if not is_value(value):
                    raise PluginError(
                        f"plugin {plugin!r}, hook achievement_parse_value: read {text!r} as "
                        f"{type(value).__name__}, which is not a value (return a core value, "
                        "a registered PluginValue subclass, or None)",
                        f"プラグイン「{plugin}」のフック achievement_parse_value が「{text}」を"
                        f"値ではない {type(value).__name__} として返しました"
                        "(本体の値、登録した PluginValue の派生型、または None を返してください)",
                    )
                self._check_parsed(plugin, text, value)  # type: ignore[arg-type]
                return value  # type: ignore[return-value]
        return parse_value(text)

    def _check_parsed(self, plugin: str, text: str, value: Value) -> None:
        """Refuse a parsed value that drops the cell text or is of a kind nobody registered."""
        where_en = f"plugin {plugin!r}, hook achievement_parse_value"
        where_ja = f"プラグイン「{plugin}」のフック achievement_parse_value"
        if isinstance(value, PluginValue) and self._value_kinds.get(value.kind) is not type(value):
            raise PluginError(
                f"{where_en}: read {text!r} as a value of kind {value.kind!r}, which the plugin "
                "did not register; add its class in achievement_register_value_kinds",
                f"{where_ja}: 「{text}」を登録されていない種類「{value.kind}」の値として返しました。"
                "achievement_register_value_kinds でそのクラスを登録してください",
            )
        if value.text != text:
            raise PluginError(
                f"{where_en}: read {text!r} into a value whose text is {value.text!r}; "
                "keep the cell text as given (text=text)",
                f"{where_ja}: 「{text}」を text が「{value.text}」の値として返しました。"
                "セルの文字をそのまま text に入れてください",
            )

    def _first(
        self,
        hook: pluggy.HookCaller,
        kwargs: Mapping[str, object],
        *,
        skip_failing: bool = False,
    ) -> tuple[str, object] | None:
        """Call a firstresult hook in pluggy's order: the plugin that answered, and its answer.

        :class:`AchievementError` from a plugin passes through unchanged; another
        exception raises :class:`_HookFailed` naming the plugin, or, with
        ``skip_failing``, is recorded once and the next plugin is asked.
        """
        for impl in reversed(hook.get_hookimpls()):
            names = impl.argnames
            try:
                if len(names) == 1:  # the common case, without building a list of arguments
                    result = impl.function(kwargs[names[0]])
                else:
                    result = impl.function(*[kwargs[arg] for arg in names])
            except AchievementError:
                raise
            except Exception as exc:
                if not skip_failing:
                    raise _HookFailed(impl.plugin_name, exc) from exc
                self._failed(impl.plugin_name, hook.name, error_text(exc))
                continue
            if result is not None:
                return impl.plugin_name, result
        return None

    @property
    def plugin_manager(self) -> pluggy.PluginManager:
        """The pluggy plugin manager this judge owns."""
        return self._pm

    @property
    def registry(self) -> EvaluatorRegistry:
        """The evaluators of this judge, by style."""
        return self._registry

    @property
    def schemes(self) -> SchemeRegistry:
        """The grading schemes of this judge's plugins, by name; gathered on first use."""
        if self._schemes is None:
            self._schemes = gather_schemes(self._pm)
        return self._schemes

    @property
    def styles(self) -> tuple[str, ...]:
        """The style names this judge can judge, sorted."""
        return tuple(self._registry)

    def infer_style(self, indicator: Indicator) -> str | None:
        """The style named by the first plugin that claims ``indicator``."""
        found = self._infer(indicator)
        return None if found is None else found[1]

    def _infer(self, indicator: Indicator) -> tuple[str, str] | None:
        found = self._first(self._pm.hook.achievement_infer_style, {"indicator": indicator})
        return None if found is None else (found[0], str(found[1]))

    def judge(self, indicator: Indicator, *, as_of: int | None = None) -> Judgment:
        """Judge one indicator, as of fiscal year ``as_of`` when given.

        A missing target or actual gives :attr:`Outcome.NOT_EVALUABLE`; so does
        an evaluator that raises (reason ``judge.evaluator_failed``).  An
        unknown stated style raises :class:`UnknownStyleError`.

        As of a year, or when the indicator has interim targets, revisions, a
        baseline year and an actual before the target year, or a
        target relative to the previous year, the value of that year (the
        actual's year by default) is judged against the target in force then:
        the final target from the target year on, else the interim target of
        the year, else the pro-rated target; the message says which.  An
        indicator with one actual and none of these is judged as it stands.
        """
        if as_of is not None or has_years(indicator):
            return judge_as_of(indicator, as_of, self._judge_one)
        return self._judge_one(indicator)

    def _judge_one(self, indicator: Indicator) -> Judgment:
        """Judge the actual of ``indicator`` against its target."""
        target, actual = indicator.target.value, indicator.actual.value
        if is_missing(target):
            return self._core(None, "input.target_missing", {"target": target.text or "-"})
        style = indicator.style
        if style is None:
            try:
                inferred = self._infer(indicator)
            except _HookFailed as failed:
                error = error_text(failed.error)
                self._failed(failed.plugin, "achievement_infer_style", error)
                params = {"plugin": failed.plugin, "indicator": indicator.name, "error": error}
                return self._core(None, "judge.inference_failed", params)
            if inferred is not None and inferred[1] not in self._registry:
                plugin, style = inferred
                self._failed(plugin, "achievement_infer_style", f"unknown style {style!r}")
                params = {
                    "plugin": plugin,
                    "indicator": indicator.name,
                    "style": style,
                    "known": ", ".join(self._registry),
                }
                return self._core(None, "judge.unknown_inferred_style", params)
            style = None if inferred is None else inferred[1]
        if style is None:
            return self._core(None, "judge.no_style", {"target": display(target)})
        evaluator = self._registry[style]
        if is_missing(actual):
            return self._core(style, "input.actual_missing", {"actual": actual.text or "-"})
        plugin = self._registry.owner(style)
        try:
            verdict = evaluator.evaluate(indicator)
            if not isinstance(verdict, Verdict):
                returned = type(verdict).__name__
                self._failed(plugin, "evaluate", f"returned {returned}, not a Verdict")
                params = {"style": style, "plugin": plugin, "returned": returned}
                return self._core(style, "judge.not_a_verdict", params)
            if verdict.code not in evaluator.messages:
                self._failed(plugin, "evaluate", f"reason code {verdict.code!r} has no message")
                params = {"style": style, "plugin": plugin, "code": verdict.code}
                return self._core(style, "judge.no_message", params)
            notes = value_notes(indicator)
            if notes:  # part of the verdict, so that judgments sharing a message share its notes
                verdict = replace(verdict, notes=(*verdict.notes, *notes))

            def render() -> LocalizedText:
                try:
                    return render_verdict(verdict, evaluator)
                except (KeyError, IndexError, ValueError) as exc:
                    raise _UnfilledMessage(exc) from exc

            return lean_judgment(self._shared, style, verdict, render)
        except _UnfilledMessage as unfilled:
            error = error_text(unfilled.error)
            self._failed(plugin, "evaluate", f"message of {verdict.code!r}: {error}")
            params = {"style": style, "plugin": plugin, "code": verdict.code, "error": error}
            return self._core(style, "judge.message_failed", params)
        except Exception as exc:  # a broken plugin must not stop the report
            return self._core(
                style,
                "judge.evaluator_failed",
                {
                    "style": style,
                    "plugin": plugin,
                    "indicator": indicator.name,
                    "error": error_text(exc),
                },
            )

    def judge_text(
        self,
        *,
        baseline: str | None,
        target: str | None,
        actual: str | None,
        direction: Direction | str | None = None,
        style: str | None = None,
        name: str = "",
        projected: bool = False,
    ) -> Judgment:
        """Judge values given as published cell text.

        >>> Judge(autoload=False).judge_text(baseline="36件", target="110件", actual="785件").outcome
        <Outcome.ACHIEVED: 'achieved'>

        A cell that cannot be read raises :class:`ParseError` naming it as the
        column (``baseline``, ``target`` or ``actual``).
        """
        if style is not None:
            self._registry[style]  # an unknown style is named before any cell is read
        column: Column = "baseline"
        try:
            first = self._read(baseline, column)
            column = "target"
            goal = self._read(target, column)
            column = "actual"
            reached = self._read(actual, column)
        except ParseError as exc:
            raise exc.located(file=None, row=None, column=column) from None
        way = None if direction is None else Direction(direction)
        status = ActualStatus.PROJECTED if projected else ActualStatus.FINAL
        if (
            type(name) is str
            and (style is None or type(style) is str)
            and trusted(first)
            and trusted(goal)
            and trusted(reached)
        ):
            indicator = indicator_of(name, first, goal, reached, style, way, status)
        else:  # validated: what the library did not build itself is checked as before
            indicator = Indicator(
                name=name,
                baseline=first,
                target=Target(value=goal),
                actual=Actual(value=reached, status=status),
                style=style,
                direction=way,
            )
        return self.judge(indicator)

    def _read(self, text: str | None, column: Column) -> Value:
        """:meth:`parse_value`, remembered per column and text: cells repeat, values are frozen."""
        found = self._values.get((column, text))
        if found is None:
            found = self.parse_value(text, column)  # a refusal is raised each time, not kept
            if len(self._values) >= SHARED_LIMIT:
                self._values.clear()
            self._values[column, text] = found
        return found

    @staticmethod
    def _core(style: str | None, code: str, params: dict[str, str]) -> Judgment:
        templates = CORE_MESSAGES[code]
        return Judgment(
            outcome=Outcome.NOT_EVALUABLE,
            style=style,
            reason=Reason(code=code, params=params),
            message=LocalizedText(
                ja=templates["ja"].format_map(params), en=templates["en"].format_map(params)
            ),
        )


@cache
def default_judge() -> Judge:
    """The judge behind :func:`achievement.judge`, built on first use."""
    return Judge()
