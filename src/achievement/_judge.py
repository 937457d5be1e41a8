"""The Judge: owns a plugin manager and its evaluators, and judges indicators."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pluggy

from achievement import _hookspecs
from achievement._errors import ParseError, PluginError
from achievement._evaluator import Evaluator, Verdict
from achievement._model import (
    Actual,
    ActualStatus,
    Direction,
    DirectionSource,
    Indicator,
    Judgment,
    LocalizedText,
    Missing,
    Outcome,
    Reason,
    Target,
)
from achievement._notation import parse_value
from achievement._registry import EvaluatorRegistry

if TYPE_CHECKING:
    from achievement.schemes import SchemeRegistry

__all__ = ["AUTOLOAD_ENV", "BUILTIN_PLUGINS", "ENTRY_POINT_GROUP", "Judge", "default_judge"]

ENTRY_POINT_GROUP = "achievement"
"""The entry-point group third-party plugins are found through."""

AUTOLOAD_ENV = "ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD"
"""Set to a non-empty value to stop loading plugins from entry points."""

BUILTIN_PLUGINS: tuple[str, ...] = (
    "achievement.rules.infer",
    "achievement.rules.threshold",
    "achievement.rules.direction",
    "achievement.rules.cumulative",
    "achievement.rules.ordinal",
    "achievement.schemes.presets",
)
"""The built-in plugins, registered through the same hooks as third-party ones."""

CORE_MESSAGES: Mapping[str, Mapping[str, str]] = {
    "input.target_missing": {
        "ja": "目標({target})がないため評価不能",
        "en": "no target ({target}): not evaluable",
    },
    "input.actual_missing": {
        "ja": "実績({actual})がないため評価不能",
        "en": "no actual value ({actual}): not evaluable",
    },
    "judge.evaluator_failed": {
        "ja": "評価方式「{style}」(プラグイン「{plugin}」)が指標「{indicator}」の評価中に"
        "失敗したため評価不能: {error}",
        "en": "style {style!r} (plugin {plugin!r}) failed while judging indicator "
        "{indicator!r}: {error}; not evaluable",
    },
}
"""Messages for the reason codes the judge itself gives."""

_DIRECTION_NOTES: Mapping[DirectionSource, tuple[str, str]] = {
    DirectionSource.BOUND: (
        "目標の{bound_ja}から{better_ja}方が良いと推定",
        "{better_en} is better, inferred from the bound on the target",
    ),
    DirectionSource.BASELINE: (
        "目標が計画策定時より{side_ja}ため{better_ja}方が良いと推定",
        "{better_en} is better, inferred from the target being {side_en} the baseline",
    ),
    DirectionSource.ZERO_TARGET: (
        "目標がゼロのため低い方が良いと推定",
        "lower is better, inferred from the target of zero",
    ),
    DirectionSource.DEFAULT: (
        "方向の指定がないため高い方が良いとみなした",
        "no direction given, so higher is taken as better",
    ),
}


class Judge:
    """Judges indicators with the evaluators of its own plugins.

    Each judge owns its plugin manager: the built-in plugins, then the plugins
    installed under the entry-point group ``achievement`` (unless ``autoload``
    is false or ``ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD`` is set), then
    ``plugins``, given as modules, objects, module names or ``.py`` file
    paths.  ``blocked`` names plugins not to load.
    """

    def __init__(
        self,
        *,
        plugins: Iterable[object] = (),
        autoload: bool | None = None,
        blocked: Iterable[str] = (),
    ) -> None:
        pm = pluggy.PluginManager(_hookspecs.PROJECT)
        pm.add_hookspecs(_hookspecs)
        for name in blocked:
            pm.set_blocked(name)
        for name in BUILTIN_PLUGINS:
            if not pm.is_blocked(name):
                pm.register(importlib.import_module(name), name=name)
        if autoload is None:
            autoload = not os.environ.get(AUTOLOAD_ENV)
        if autoload:
            try:
                pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
            except Exception as exc:
                raise PluginError(
                    f"an installed plugin failed to load: {exc}",
                    f"インストール済みのプラグインを読み込めません: {exc}",
                ) from exc
        for plugin in plugins:
            self._register_local(pm, plugin)
        try:
            pm.check_pending()
        except pluggy.PluginValidationError as exc:
            raise PluginError(str(exc), f"プラグインのフックが正しくありません: {exc}") from exc
        self._pm = pm
        self._registry = EvaluatorRegistry()
        for impl in pm.hook.achievement_register_evaluators.get_hookimpls():
            impl.function(registry=self._registry._adding_for(impl.plugin_name))
        self._schemes: SchemeRegistry | None = None

    @staticmethod
    def _register_local(pm: pluggy.PluginManager, plugin: object) -> None:
        if isinstance(plugin, Path) or (
            isinstance(plugin, str) and (plugin.endswith(".py") or os.sep in plugin)
        ):
            path = Path(plugin)
            name = f"achievement_local_{path.stem}"
            spec = importlib.util.spec_from_file_location(name, path)
            if not path.is_file() or spec is None or spec.loader is None:
                raise PluginError(
                    f"plugin file not found: {path}",
                    f"プラグインのファイルがありません: {path}",
                )
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            try:
                spec.loader.exec_module(module)
            except Exception as exc:
                del sys.modules[name]
                raise PluginError(
                    f"plugin file {path} failed to load: {exc}",
                    f"プラグインのファイル {path} を読み込めません: {exc}",
                ) from exc
            plugin = module
        elif isinstance(plugin, str):
            try:
                plugin = importlib.import_module(plugin)
            except ImportError as exc:
                raise PluginError(
                    f"plugin module {plugin!r} cannot be imported: {exc}",
                    f"プラグインのモジュール「{plugin}」を読み込めません: {exc}",
                ) from exc
        plugin_name: str | None = plugin.__name__ if isinstance(plugin, ModuleType) else None
        if pm.is_registered(plugin) or (plugin_name is not None and pm.has_plugin(plugin_name)):
            return
        try:
            pm.register(plugin, name=plugin_name)
        except ValueError as exc:
            raise PluginError(str(exc), f"プラグインを登録できません: {exc}") from exc

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
            from achievement.schemes import SchemeRegistry

            schemes = SchemeRegistry()
            for impl in self._pm.hook.achievement_register_schemes.get_hookimpls():
                impl.function(registry=schemes._adding_for(impl.plugin_name))
            self._schemes = schemes
        return self._schemes

    @property
    def styles(self) -> tuple[str, ...]:
        """The style names this judge can judge, sorted."""
        return tuple(self._registry)

    def infer_style(self, indicator: Indicator) -> str | None:
        """The style named by the first plugin that claims ``indicator``."""
        result: str | None = self._pm.hook.achievement_infer_style(indicator=indicator)
        return result

    def judge(self, indicator: Indicator) -> Judgment:
        """Judge one indicator.

        A missing target or actual gives :attr:`Outcome.NOT_EVALUABLE`; so does
        an evaluator that raises (reason ``judge.evaluator_failed``).  An
        unknown stated style raises :class:`UnknownStyleError`.
        """
        target, actual = indicator.target.value, indicator.actual.value
        if isinstance(target, Missing):
            return self._core(None, "input.target_missing", {"target": target.text or "-"})
        style = indicator.style or self.infer_style(indicator)
        if style is None:
            return self._core(None, "input.target_missing", {"target": target.text})
        evaluator = self._registry[style]
        if isinstance(actual, Missing):
            return self._core(style, "input.actual_missing", {"actual": actual.text or "-"})
        try:
            verdict = evaluator.evaluate(indicator)
            message = _render(verdict, evaluator)
        except Exception as exc:  # a broken plugin must not stop the report
            return self._core(
                style,
                "judge.evaluator_failed",
                {
                    "style": style,
                    "plugin": self._registry.owner(style),
                    "indicator": indicator.name,
                    "error": f"{type(exc).__name__}: {exc}",
                },
            )
        return Judgment(
            outcome=verdict.outcome,
            style=style,
            reason=Reason(code=verdict.code, params=dict(verdict.params)),
            message=message,
            direction=verdict.direction,
            direction_source=verdict.direction_source,
            margin=verdict.margin,
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
        cells = {"baseline": baseline, "target": target, "actual": actual}
        values = {}
        for column, text in cells.items():
            try:
                values[column] = parse_value(text)
            except ParseError as exc:
                raise exc.located(file=None, row=None, column=column) from None
        indicator = Indicator(
            name=name,
            baseline=values["baseline"],
            target=Target(value=values["target"]),
            actual=Actual(
                value=values["actual"],
                status=ActualStatus.PROJECTED if projected else ActualStatus.FINAL,
            ),
            style=style,
            direction=None if direction is None else Direction(direction),
        )
        return self.judge(indicator)

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


def _render(verdict: Verdict, evaluator: Evaluator) -> LocalizedText:
    """The verdict's message from the evaluator's catalogue, with a direction note."""
    templates = evaluator.messages[verdict.code]
    ja = templates["ja"].format_map(verdict.params)
    en = templates["en"].format_map(verdict.params)
    source = verdict.direction_source
    if source is not None and source.inferred and verdict.direction is not None:
        lower = verdict.direction is Direction.LOWER
        note = {
            "better_ja": "低い" if lower else "高い",
            "better_en": "lower" if lower else "higher",
            "bound_ja": "「以下」" if lower else "「以上」",
            "side_ja": "低い" if lower else "高い",
            "side_en": "below" if lower else "above",
        }
        note_ja, note_en = _DIRECTION_NOTES[source]
        ja = f"{ja}({note_ja.format_map(note)})"
        en = f"{en} ({note_en.format_map(note)})"
    return LocalizedText(ja=ja, en=en)


@cache
def default_judge() -> Judge:
    """The judge behind :func:`achievement.judge`, built on first use."""
    return Judge()
