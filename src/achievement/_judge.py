"""The Judge: owns a plugin manager and its evaluators, and judges indicators."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import importlib.metadata
import importlib.util
import inspect
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pluggy

from achievement import _hookspecs
from achievement._errors import AchievementError, ParseError, PluginError
from achievement._evaluator import Evaluator, Verdict, display
from achievement._model import (
    CORE_VALUE_KINDS,
    Actual,
    ActualStatus,
    Column,
    Direction,
    DirectionSource,
    Frozen,
    Indicator,
    Judgment,
    LocalizedText,
    Missing,
    Outcome,
    PluginValue,
    Reason,
    Target,
    Value,
)
from achievement._notation import parse_value
from achievement._registry import EvaluatorRegistry, ValueKindRegistry

if TYPE_CHECKING:
    from achievement.schemes import SchemeRegistry

__all__ = [
    "AUTOLOAD_ENV",
    "BUILTIN_PLUGINS",
    "DISABLED_PLUGINS_ENV",
    "ENTRY_POINT_GROUP",
    "Judge",
    "PluginFailure",
    "PluginInfo",
    "default_judge",
]

ENTRY_POINT_GROUP = "achievement"
"""The entry-point group third-party plugins are found through."""

AUTOLOAD_ENV = "ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD"
"""Set to ``1``, ``true`` or ``yes`` to stop loading plugins from entry points."""

_TRUE_WORDS = frozenset({"1", "true", "yes"})

DISABLED_PLUGINS_ENV = "ACHIEVEMENT_DISABLED_PLUGINS"
"""Comma-separated names of plugins not to load (as ``blocked``), e.g. ``range,other``."""

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
        "ja": "プラグイン「{plugin}」が指標「{indicator}」の評価方式の推定中"
        "(フック achievement_infer_style)に失敗したため評価不能: {error}",
        "en": "plugin {plugin!r} failed while inferring the style of indicator "
        "{indicator!r} (hook achievement_infer_style): {error}; not evaluable",
    },
    "judge.unknown_inferred_style": {
        "ja": "プラグイン「{plugin}」がフック achievement_infer_style で指標「{indicator}」に"
        "評価方式「{style}」を挙げましたが、その方式を登録したプラグインがないため評価不能"
        "(使える方式: {known})",
        "en": "plugin {plugin!r} named the style {style!r} for indicator {indicator!r} "
        "(hook achievement_infer_style), but no plugin registers that style: not evaluable "
        "(installed styles: {known})",
    },
    "judge.not_a_verdict": {
        "ja": "評価方式「{style}」(プラグイン「{plugin}」)の evaluate が Verdict ではなく "
        "{returned} を返したため評価不能",
        "en": "style {style!r} (plugin {plugin!r}): evaluate returned {returned}, "
        "not a Verdict; not evaluable",
    },
    "judge.no_message": {
        "ja": "評価方式「{style}」(プラグイン「{plugin}」)が返した理由コード「{code}」の"
        "文言が messages にないため評価不能",
        "en": "style {style!r} (plugin {plugin!r}) returned the reason code {code!r}, "
        "which has no message in its messages catalogue; not evaluable",
    },
}
"""Messages for the reason codes the judge itself gives."""


@dataclass(frozen=True, slots=True)
class PluginInfo:
    """One plugin of a judge: its name, where it comes from, and the styles it adds.

    ``origin`` is ``"builtin"``, ``"entry point"`` or ``"local"``;
    ``distribution`` and ``version`` name the installed package that provides
    it (``None`` for a local plugin).  ``value_kinds`` are the plugin's own
    value kinds; ``warnings`` say what looks wrong with it (a hook function
    without ``@hookimpl``, a plugin that registers nothing, a plugin that
    failed to load and was left out).
    """

    name: str
    origin: str
    distribution: str | None
    version: str | None
    styles: tuple[str, ...]
    value_kinds: tuple[str, ...] = ()
    warnings: tuple[LocalizedText, ...] = ()


@dataclass(frozen=True, slots=True)
class PluginFailure:
    """A plugin hook that raised (or answered wrongly) while judging; reported once.

    ``count`` is how many times it happened; ``error`` is the first error.
    """

    plugin: str
    hook: str
    error: str
    count: int = 1

    def message(self, lang: str) -> str:
        """The failure for a person, with how to skip the plugin."""
        times = f"({self.count}回)" if lang == "ja" else f" ({self.count} times)"
        times = times if self.count > 1 else ""
        if lang == "ja":
            return (
                f"プラグイン「{self.plugin}」がフック {self.hook} で失敗しました{times}: "
                f"{self.error}。{skip_hint(self.plugin, 'ja')}"
            )
        return (
            f"plugin {self.plugin!r} failed in hook {self.hook}{times}: {self.error}. "
            f"{skip_hint(self.plugin, 'en')}"
        )


def skip_hint(plugin: str, lang: str) -> str:
    """How to run without ``plugin``: ``--disable-plugin`` or the autoload switch."""
    if lang == "ja":
        return (
            f"このプラグインを使わずに実行するには --disable-plugin {plugin} を付けるか、"
            f"{AUTOLOAD_ENV}=1 でインストール済みプラグインの自動読み込みを止めてください"
        )
    return (
        f"To run without it, pass --disable-plugin {plugin}, or set {AUTOLOAD_ENV}=1 "
        "to stop loading installed plugins"
    )


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
    DirectionSource.DEFAULT: (
        "方向の指定がないため高い方が良いとみなした",
        "no direction given, so higher is taken as better",
    ),
}


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
        self._distributions: dict[str, importlib.metadata.Distribution] = {}
        self._local: set[str] = set()
        self._broken: dict[str, tuple[importlib.metadata.Distribution, LocalizedText]] = {}
        self._failures: dict[tuple[str, str], PluginFailure] = {}
        self._keep_going = keep_going
        env_blocked = os.environ.get(DISABLED_PLUGINS_ENV, "")
        for name in (*blocked, *env_blocked.split(",")):
            if name.strip():
                pm.set_blocked(name.strip())
        for name in BUILTIN_PLUGINS:
            if not pm.is_blocked(name):
                pm.register(importlib.import_module(name), name=name)
        if autoload is None:
            autoload = os.environ.get(AUTOLOAD_ENV, "").strip().lower() not in _TRUE_WORDS
        if autoload:
            self._load_entry_points()
        for plugin in plugins:
            self._register_local(plugin)
        _check_hook_names(pm)
        self._value_kinds = ValueKindRegistry()
        self._call_registration(
            "achievement_register_value_kinds", self._value_kinds._adding_for, "value kinds"
        )
        self._registry = EvaluatorRegistry()
        self._call_registration(
            "achievement_register_evaluators", self._registry._adding_for, "evaluators"
        )
        self._schemes: SchemeRegistry | None = None

    def _call_registration(self, hook: str, registry: Callable[[str], object], what: str) -> None:
        """Call a registration hook of every plugin, naming the plugin that fails."""
        for impl in getattr(self._pm.hook, hook).get_hookimpls():
            try:
                impl.function(registry=registry(impl.plugin_name))
            except AchievementError:
                raise
            except Exception as exc:
                raise PluginError(
                    f"plugin {impl.plugin_name!r} failed to register its {what} "
                    f"(hook {hook}): {type(exc).__name__}: {exc}",
                    f"プラグイン「{impl.plugin_name}」が登録に失敗しました"
                    f"(フック {hook}): {type(exc).__name__}: {exc}",
                ) from exc

    def _load_entry_points(self) -> None:
        """Register the plugins of the entry-point group, remembering their distributions."""
        pm = self._pm
        for dist in list(importlib.metadata.distributions()):
            for ep in dist.entry_points:
                if ep.group != ENTRY_POINT_GROUP or pm.is_blocked(ep.name):
                    continue
                if pm.get_plugin(ep.name) is not None or ep.name in self._broken:
                    continue
                dist_name = dist.metadata["name"]
                try:
                    plugin = ep.load()
                    _check_hook_args(pm, ep.name, plugin)
                    pm.register(plugin, name=ep.name)
                except Exception as exc:
                    error = exc.en if isinstance(exc, AchievementError) else _error(exc)
                    error_ja = exc.ja if isinstance(exc, AchievementError) else _error(exc)
                    text = LocalizedText(
                        en=f"the installed plugin {ep.name!r} (from {dist_name}) failed to "
                        f"load: {error}. {skip_hint(ep.name, 'en')}",
                        ja=f"インストール済みのプラグイン「{ep.name}」({dist_name})を"
                        f"読み込めません: {error_ja}。{skip_hint(ep.name, 'ja')}",
                    )
                    if not self._keep_going:
                        raise PluginError(text.en, text.ja) from exc
                    self._broken[ep.name] = (dist, text)
                    continue
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
        _check_hook_args(pm, name, plugin)
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

        An installed plugin that failed to load (with ``keep_going=True``) is
        listed last, with the error as its warning.

        >>> [p.styles for p in Judge(autoload=False).describe_plugins() if p.styles]
        [('threshold',), ('direction',), ('cumulative',), ('ordinal',)]
        """
        infos = []
        for name, plugin in self._pm.list_name_plugin():
            if plugin is None:  # blocked
                continue
            styles = tuple(s for s in self._registry if self._registry.owner(s) == name)
            kinds = tuple(k for k in self._value_kinds if self._value_kinds.owner(k) == name)
            warnings = _plugin_warnings(self._pm, name, plugin)
            dist = self._distributions.get(name)
            origin, dist_name, version = "local", None, None
            if dist is not None:
                origin, dist_name, version = "entry point", dist.metadata["name"], dist.version
            elif name in BUILTIN_PLUGINS:
                origin, dist_name, version = "builtin", "achievement", _own_version()
            infos.append(PluginInfo(name, origin, dist_name, version, styles, kinds, warnings))
        for name, (dist, error) in self._broken.items():
            info = PluginInfo(name, "entry point", dist.metadata["name"], dist.version, ())
            infos.append(dataclasses.replace(info, warnings=(error,)))
        return tuple(infos)

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
                if not _is_value(value):
                    raise PluginError(
                        f"plugin {plugin!r}, hook achievement_parse_value: read {text!r} as "
                        f"{type(value).__name__}, which is not a value (return a core value, "
                        "a registered PluginValue subclass, or None)",
                        f"プラグイン「{plugin}」のフック achievement_parse_value が「{text}」を"
                        f"値ではない {type(value).__name__} として返しました"
                        "(本体の値、登録した PluginValue の派生型、または None を返してください)",
                    )
                return value  # type: ignore[return-value]
        return parse_value(text)

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
            try:
                result = impl.function(*(kwargs[arg] for arg in impl.argnames))
            except AchievementError:
                raise
            except Exception as exc:
                if not skip_failing:
                    raise _HookFailed(impl.plugin_name, exc) from exc
                self._failed(impl.plugin_name, hook.name, _error(exc))
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
        found = self._infer(indicator)
        return None if found is None else found[1]

    def _infer(self, indicator: Indicator) -> tuple[str, str] | None:
        found = self._first(self._pm.hook.achievement_infer_style, {"indicator": indicator})
        return None if found is None else (found[0], str(found[1]))

    def judge(self, indicator: Indicator) -> Judgment:
        """Judge one indicator.

        A missing target or actual gives :attr:`Outcome.NOT_EVALUABLE`; so does
        an evaluator that raises (reason ``judge.evaluator_failed``).  An
        unknown stated style raises :class:`UnknownStyleError`.
        """
        target, actual = indicator.target.value, indicator.actual.value
        if isinstance(target, Missing):
            return self._core(None, "input.target_missing", {"target": target.text or "-"})
        style = indicator.style
        if style is None:
            try:
                inferred = self._infer(indicator)
            except _HookFailed as failed:
                error = _error(failed.error)
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
        if isinstance(actual, Missing):
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
            return Judgment(
                outcome=verdict.outcome,
                style=style,
                reason=Reason(code=verdict.code, params=dict(verdict.params)),
                message=_render(verdict, evaluator),
                direction=verdict.direction,
                direction_source=verdict.direction_source,
                margin=verdict.margin,
            )
        except Exception as exc:  # a broken plugin must not stop the report
            return self._core(
                style,
                "judge.evaluator_failed",
                {
                    "style": style,
                    "plugin": plugin,
                    "indicator": indicator.name,
                    "error": _error(exc),
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
        values: dict[Column, Value] = {}
        cells: dict[Column, str | None] = {"baseline": baseline, "target": target, "actual": actual}
        for column, text in cells.items():
            try:
                values[column] = self.parse_value(text, column)
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


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _is_value(value: object) -> bool:
    """Whether a parse hook's answer is a value: a core kind or a plugin's value class."""
    if isinstance(value, PluginValue):
        return True
    kind = getattr(value, "kind", None)
    return isinstance(value, Frozen) and kind in CORE_VALUE_KINDS


def _hook_names(pm: pluggy.PluginManager) -> list[str]:
    return [name for name in vars(pm.hook) if name.startswith("achievement_")]


def _check_hook_names(pm: pluggy.PluginManager) -> None:
    """Refuse a hook implementation whose name is not a hook, naming the plugin and the hook."""
    from difflib import get_close_matches

    known = sorted(name for name in _hook_names(pm) if getattr(pm.hook, name).has_spec())
    for name in _hook_names(pm):
        caller = getattr(pm.hook, name)
        if caller.has_spec():
            continue
        for impl in caller.get_hookimpls():
            close = get_close_matches(name, known, n=1)
            hint_en = f"; did you mean {close[0]}?" if close else ""
            hint_ja = f"「{close[0]}」の誤りではありませんか。" if close else ""
            raise PluginError(
                f"plugin {impl.plugin_name!r}: {name} is not a hook of achievement{hint_en} "
                f"hooks: {', '.join(known)}",
                f"プラグイン「{impl.plugin_name}」: {name} という名前のフックはありません。"
                f"{hint_ja}フック: {', '.join(known)}",
            )


def _check_hook_args(pm: pluggy.PluginManager, name: str, plugin: object) -> None:
    """Refuse an implementation that asks for arguments its hook does not pass."""
    for attr in dir(plugin):
        if not attr.startswith("achievement_") or pm.parse_hookimpl_opts(plugin, attr) is None:
            continue
        caller = getattr(pm.hook, attr, None)
        if caller is None or caller.spec is None:
            continue  # an unknown hook: refused by name once every plugin is in
        function = getattr(plugin, attr)
        try:
            params = inspect.signature(function).parameters.values()
        except (TypeError, ValueError):  # pragma: no cover - not introspectable
            continue
        asked = [p.name for p in params if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
        given = caller.spec.argnames
        unknown = [arg for arg in asked if arg not in given]
        if unknown:
            raise PluginError(
                f"plugin {name!r}, hook {attr}: the implementation takes "
                f"({', '.join(asked)}), but the hook passes only ({', '.join(given)}); "
                f"{', '.join(unknown)} is not one of them (take any of them, by these names)",
                f"プラグイン「{name}」のフック {attr}: 実装の引数 ({', '.join(asked)}) のうち "
                f"{', '.join(unknown)} はフックが渡す引数 ({', '.join(given)}) にありません"
                "(この名前の引数だけを受け取ってください)",
            )


def _plugin_warnings(
    pm: pluggy.PluginManager, name: str, plugin: object
) -> tuple[LocalizedText, ...]:
    """What looks wrong with a loaded plugin: hook functions without ``@hookimpl``, or no hooks."""
    hooks = {n for n in _hook_names(pm) if getattr(pm.hook, n).has_spec()}
    unmarked = sorted(
        attr
        for attr in hooks
        if callable(getattr(plugin, attr, None)) and pm.parse_hookimpl_opts(plugin, attr) is None
    )
    warnings = []
    if unmarked:
        names = ", ".join(unmarked)
        warnings.append(
            LocalizedText(
                en=f"plugin {name!r}: {names} is not marked with @achievement.hookimpl, "
                "so it is never called",
                ja=f"プラグイン「{name}」: {names} に @achievement.hookimpl が付いていないため"
                "呼び出されません",
            )
        )
    if not pm.get_hookcallers(plugin):
        warnings.append(
            LocalizedText(
                en=f"plugin {name!r} implements no hook: it adds nothing",
                ja=f"プラグイン「{name}」はフックを一つも実装していないため、何も追加しません",
            )
        )
    return tuple(warnings)


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
