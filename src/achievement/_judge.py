"""The Judge: owns a plugin manager and its evaluators, and judges indicators."""

from __future__ import annotations

import hashlib
import importlib
import importlib.metadata
import importlib.util
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

import pluggy

from achievement import _hookspecs
from achievement._errors import AchievementError, ParseError, PluginError
from achievement._evaluator import Evaluator, Verdict, display
from achievement._lean import SHARED_LIMIT
from achievement._lean import judgment as lean_judgment
from achievement._model import (
    VALUE_TYPES,
    Actual,
    ActualStatus,
    Direction,
    DirectionSource,
    Indicator,
    Judgment,
    LocalizedText,
    Missing,
    Outcome,
    Quantity,
    Reason,
    Target,
    Value,
)
from achievement._notation import parse_value
from achievement._registry import EvaluatorRegistry
from achievement._series import has_years, judge_as_of

if TYPE_CHECKING:
    from achievement.schemes import SchemeRegistry

__all__ = [
    "AUTOLOAD_ENV",
    "BUILTIN_PLUGINS",
    "DISABLED_PLUGINS_ENV",
    "ENTRY_POINT_GROUP",
    "Judge",
    "PluginInfo",
    "default_judge",
]

ENTRY_POINT_GROUP = "achievement"
"""The entry-point group third-party plugins are found through."""

AUTOLOAD_ENV = "ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD"
"""Set to a non-empty value to stop loading plugins from entry points."""

DISABLED_PLUGINS_ENV = "ACHIEVEMENT_DISABLED_PLUGINS"
"""Comma-separated names of plugins not to load (as ``blocked``), e.g. ``range,other``."""

BUILTIN_PLUGINS: tuple[str, ...] = (
    "achievement.rules.infer",
    "achievement.rules.threshold",
    "achievement.rules.direction",
    "achievement.rules.cumulative",
    "achievement.rules.ordinal",
    "achievement.rules.deadline",
    "achievement.schemes.presets",
)
"""The built-in plugins, registered through the same hooks as third-party ones."""

CORE_MESSAGES: Mapping[str, Mapping[str, str]] = {
    "input.target_missing": {
        "ja": "目標({target})がないため評価不能",
        "en": "no target ({target}): not evaluable",
    },
    "judge.no_style": {
        "ja": "目標 {target} を読める評価方式がないため評価不能(評価方式を指定してください)",
        "en": "no style reads the target {target}: not evaluable (state the style)",
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
    "judge.inference_failed": {
        "ja": "プラグイン「{plugin}」が指標「{indicator}」の評価方式の推定中に失敗したため評価不能: "
        "{error}",
        "en": "plugin {plugin!r} failed while inferring the style of indicator "
        "{indicator!r}: {error}; not evaluable",
    },
}
"""Messages for the reason codes the judge itself gives."""


_VALUE_TYPES = VALUE_TYPES


@dataclass(frozen=True, slots=True)
class PluginInfo:
    """One plugin of a judge: its name, where it comes from, and the styles it adds.

    ``origin`` is ``"builtin"``, ``"entry point"`` or ``"local"``;
    ``distribution`` and ``version`` name the installed package that provides
    it (``None`` for a local plugin).
    """

    name: str
    origin: str
    distribution: str | None
    version: str | None
    styles: tuple[str, ...]


class _HookFailed(Exception):
    """A plugin's hook implementation raised; carries the plugin's name."""

    def __init__(self, plugin: str, error: Exception) -> None:
        super().__init__(plugin, error)
        self.plugin = plugin
        self.error = error


_DIRECTION_NOTES: Mapping[DirectionSource, tuple[str, str]] = {
    DirectionSource.BOUND: (
        "目標が{bound_ja}を定めているため{better_ja}方が良いと推定",
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
    DirectionSource.RANK: (
        "順位のため小さい方が良い",
        "lower is better, as the values are ranks (位)",
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
    paths (a file's plugin is named after the file).  ``blocked`` names
    plugins not to load, as do the comma-separated names in
    ``ACHIEVEMENT_DISABLED_PLUGINS``; :meth:`describe_plugins` lists the names.
    Two plugins adding one style, a misspelt hook and a plugin that fails to
    load are refused with a :class:`PluginError` naming the plugin.
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
        self._pm = pm
        self._distributions: dict[str, importlib.metadata.Distribution] = {}
        self._local: set[str] = set()
        env_blocked = os.environ.get(DISABLED_PLUGINS_ENV, "")
        for name in (*blocked, *env_blocked.split(",")):
            if name.strip():
                pm.set_blocked(name.strip())
        for name in BUILTIN_PLUGINS:
            if not pm.is_blocked(name):
                pm.register(importlib.import_module(name), name=name)
        if autoload is None:
            autoload = not os.environ.get(AUTOLOAD_ENV)
        if autoload:
            self._load_entry_points()
        for plugin in plugins:
            self._register_local(plugin)
        try:
            pm.check_pending()
        except pluggy.PluginValidationError as exc:
            raise PluginError(str(exc), f"プラグインのフックが正しくありません: {exc}") from exc
        self._registry = EvaluatorRegistry()
        for impl in pm.hook.achievement_register_evaluators.get_hookimpls():
            try:
                impl.function(registry=self._registry._adding_for(impl.plugin_name))
            except AchievementError:
                raise
            except Exception as exc:
                raise PluginError(
                    f"plugin {impl.plugin_name!r} failed to register its evaluators: "
                    f"{type(exc).__name__}: {exc}",
                    f"プラグイン「{impl.plugin_name}」が評価器の登録に失敗しました: "
                    f"{type(exc).__name__}: {exc}",
                ) from exc
        self._schemes: SchemeRegistry | None = None
        self._shared: dict[object, Any] = {}  # reasons, messages and margins to share
        self._values: dict[str | None, Value] = {}  # cells read by judge_text, by text

    def _load_entry_points(self) -> None:
        """Register the plugins of the entry-point group, remembering their distributions."""
        pm = self._pm
        for dist in list(importlib.metadata.distributions()):
            for ep in dist.entry_points:
                if ep.group != ENTRY_POINT_GROUP or pm.is_blocked(ep.name):
                    continue
                if pm.get_plugin(ep.name) is not None:
                    continue
                dist_name = dist.metadata["name"]
                try:
                    plugin = ep.load()
                    pm.register(plugin, name=ep.name)
                except Exception as exc:
                    raise PluginError(
                        f"the installed plugin {ep.name!r} (from {dist_name}) failed to load: "
                        f"{type(exc).__name__}: {exc}",
                        f"インストール済みのプラグイン「{ep.name}」({dist_name})を"
                        f"読み込めません: {type(exc).__name__}: {exc}",
                    ) from exc
                self._distributions[ep.name] = dist

    def _register_local(self, plugin: object) -> None:
        """Register a local plugin: a module, an object, a module name or a ``.py`` path."""
        pm = self._pm
        name: str | None = None
        if isinstance(plugin, Path) or (
            isinstance(plugin, str)
            and (plugin.endswith(".py") or os.sep in plugin or "/" in plugin)
        ):
            name = Path(plugin).stem
            plugin = self._load_file(Path(plugin))
        elif isinstance(plugin, str):
            try:
                plugin = importlib.import_module(plugin)
            except ImportError as exc:
                raise PluginError(
                    f"plugin module {plugin!r} cannot be imported: {exc}",
                    f"プラグインのモジュール「{plugin}」を読み込めません: {exc}",
                ) from exc
        if pm.is_registered(plugin):
            return
        name = name or _plugin_name(plugin)
        if pm.is_blocked(name):
            return
        if pm.has_plugin(name):
            raise PluginError(
                f"two different plugins are named {name!r}; "
                "rename one (a plugin file is named after its file name)",
                f"名前が「{name}」のプラグインが二つあります。"
                "どちらかの名前を変えてください(ファイルのプラグインはファイル名が名前です)",
            )
        try:
            pm.register(plugin, name=name)
        except ValueError as exc:
            raise PluginError(str(exc), f"プラグインを登録できません: {exc}") from exc
        self._local.add(name)

    @staticmethod
    def _load_file(path: Path) -> ModuleType:
        """The module of a local plugin file, imported once per process and path."""
        if not path.is_file():
            raise PluginError(
                f"plugin file not found: {path}",
                f"プラグインのファイルがありません: {path}",
            )
        digest = hashlib.sha1(str(path.resolve()).encode(), usedforsecurity=False).hexdigest()
        name = f"achievement_local_{path.stem}_{digest[:10]}"
        loaded = sys.modules.get(name)
        if loaded is not None:
            return loaded
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise PluginError(
                f"plugin file {path} is not a Python module",
                f"プラグインのファイル {path} は Python のモジュールではありません",
            )
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as exc:
            del sys.modules[name]
            raise PluginError(
                f"plugin file {path} failed to load: {type(exc).__name__}: {exc}",
                f"プラグインのファイル {path} を読み込めません: {type(exc).__name__}: {exc}",
            ) from exc
        return module

    def describe_plugins(self) -> tuple[PluginInfo, ...]:
        """Every plugin of this judge, in registration order, with the styles it adds.

        >>> [p.styles for p in Judge(autoload=False).describe_plugins() if p.styles]
        [('threshold',), ('direction',), ('cumulative',), ('ordinal',), ('deadline',)]
        """
        infos = []
        for name, plugin in self._pm.list_name_plugin():
            if plugin is None:  # blocked
                continue
            styles = tuple(s for s in self._registry if self._registry.owner(s) == name)
            dist = self._distributions.get(name)
            if dist is not None:
                infos.append(
                    PluginInfo(name, "entry point", dist.metadata["name"], dist.version, styles)
                )
            elif name in BUILTIN_PLUGINS:
                infos.append(PluginInfo(name, "builtin", "achievement", _own_version(), styles))
            else:
                infos.append(PluginInfo(name, "local", None, None, styles))
        return tuple(infos)

    def parse_value(self, text: str | None) -> Value:
        """Read one published cell: plugins first, then the built-in notation.

        >>> Judge(autoload=False).parse_value("80%以上").bound
        <Bound.AT_LEAST: 'at_least'>
        """
        if text is not None and text.strip():
            try:
                value = self._first(self._pm.hook.achievement_parse_value, {"text": text})
            except _HookFailed as failed:
                raise PluginError(
                    f"plugin {failed.plugin!r} failed while reading {text!r}: "
                    f"{type(failed.error).__name__}: {failed.error}",
                    f"プラグイン「{failed.plugin}」が「{text}」の読み取り中に失敗しました: "
                    f"{type(failed.error).__name__}: {failed.error}",
                ) from failed.error
            if value is not None:
                if not isinstance(value, _VALUE_TYPES):
                    raise PluginError(
                        f"a plugin read {text!r} as {type(value).__name__}, which is not a value",
                        f"プラグインが「{text}」を値ではない {type(value).__name__} として読みました",
                    )
                return cast("Value", value)
        return parse_value(text)

    @staticmethod
    def _first(hook: pluggy.HookCaller, kwargs: Mapping[str, object]) -> object:
        """Call a firstresult hook in pluggy's order, naming the plugin that raises.

        :class:`AchievementError` from a plugin passes through unchanged.
        """
        for impl in reversed(hook.get_hookimpls()):
            try:
                result = impl.function(*(kwargs[arg] for arg in impl.argnames))
            except AchievementError:
                raise
            except Exception as exc:
                raise _HookFailed(impl.plugin_name, exc) from exc
            if result is not None:
                return result
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
            from achievement.schemes import SchemeRegistry

            schemes = SchemeRegistry()
            for impl in self._pm.hook.achievement_register_schemes.get_hookimpls():
                try:
                    impl.function(registry=schemes._adding_for(impl.plugin_name))
                except AchievementError:
                    raise
                except Exception as exc:
                    raise PluginError(
                        f"plugin {impl.plugin_name!r} failed to register its schemes: "
                        f"{type(exc).__name__}: {exc}",
                        f"プラグイン「{impl.plugin_name}」が評価区分の登録に失敗しました: "
                        f"{type(exc).__name__}: {exc}",
                    ) from exc
            self._schemes = schemes
        return self._schemes

    @property
    def styles(self) -> tuple[str, ...]:
        """The style names this judge can judge, sorted."""
        return tuple(self._registry)

    def infer_style(self, indicator: Indicator) -> str | None:
        """The style named by the first plugin that claims ``indicator``."""
        result = self._first(self._pm.hook.achievement_infer_style, {"indicator": indicator})
        return None if result is None else str(result)

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
        if isinstance(target, Missing):
            return self._core(None, "input.target_missing", {"target": target.text or "-"})
        try:
            style = indicator.style or self.infer_style(indicator)
        except _HookFailed as failed:
            error = f"{type(failed.error).__name__}: {failed.error}"
            params = {"plugin": failed.plugin, "indicator": indicator.name, "error": error}
            return self._core(None, "judge.inference_failed", params)
        if style is None:
            return self._core(None, "judge.no_style", {"target": display(target)})
        evaluator = self._registry[style]
        if isinstance(actual, Missing):
            return self._core(style, "input.actual_missing", {"actual": actual.text or "-"})
        try:
            verdict = evaluator.evaluate(indicator)
            notes = _value_notes(indicator)
            if notes:  # part of the verdict, so that judgments sharing a message share its notes
                verdict = replace(verdict, notes=(*verdict.notes, *notes))
            return lean_judgment(self._shared, style, verdict, lambda: _render(verdict, evaluator))
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
        values = {}
        for column, text in {"baseline": baseline, "target": target, "actual": actual}.items():
            try:
                values[column] = self._read(text)
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

    def _read(self, text: str | None) -> Value:
        """:meth:`parse_value`, remembered per text: cells repeat, and values are frozen."""
        found = self._values.get(text)
        if found is None:
            found = self.parse_value(text)  # a refusal is raised each time, not kept
            if len(self._values) >= SHARED_LIMIT:
                self._values.clear()
            self._values[text] = found
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


def _plugin_name(plugin: object) -> str:
    """The name a local plugin is registered under: its module or class name."""
    if isinstance(plugin, ModuleType):
        return plugin.__name__
    named = getattr(plugin, "__name__", None)
    return named if isinstance(named, str) else type(plugin).__name__


def _own_version() -> str | None:
    try:
        return importlib.metadata.version("achievement")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a checkout
        return None


def _value_notes(indicator: Indicator) -> tuple[tuple[str, str], ...]:
    """Notes on how the values were read: 速報値, 全校, a fraction read in %."""
    notes: list[tuple[str, str]] = []
    for value, ja, en in (
        (indicator.baseline, "計画策定時", "baseline"),
        (indicator.target.value, "目標", "target"),
        (indicator.actual.value, "実績", "actual"),
    ):
        if not isinstance(value, Quantity):
            continue
        if value.provisional:
            notes.append((f"{ja}は{value.note}", f"the {en} is provisional ({value.note})"))
        elif value.note:
            notes.append((f"{ja}の注記: {value.note}", f"note on the {en}: {value.note}"))
        if value.from_fraction:
            notes.append(
                (
                    f"{ja} {value.text}は、列の値がすべて0から1のため割合として"
                    f"{display(value, bound=False)}と読んだ",
                    f"the {en} {value.text} was read as {display(value, bound=False)}: every "
                    "number in its column is from 0 to 1, as Excel saves percentages",
                )
            )
    return tuple(notes)


def _render(verdict: Verdict, evaluator: Evaluator) -> LocalizedText:
    """The verdict's message from the evaluator's catalogue, with notes and a direction note."""
    templates = evaluator.messages[verdict.code]
    ja = templates["ja"].format_map(verdict.params)
    en = templates["en"].format_map(verdict.params)
    for note_ja, note_en in verdict.notes:
        ja, en = f"{ja}({note_ja})", f"{en} ({note_en})"
    source = verdict.direction_source
    if source is not None and source.inferred and verdict.direction is not None:
        lower = verdict.direction is Direction.LOWER
        note = {
            "better_ja": "低い" if lower else "高い",
            "better_en": "lower" if lower else "higher",
            "bound_ja": "上限(以下・以内)" if lower else "下限(以上)",
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
