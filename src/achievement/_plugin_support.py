"""Plugin support for the judge: what it lists about plugins, what it reports when they fail,
and the checks that name a plugin author's mistakes (the plugin and the hook)."""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass
from types import ModuleType

import pluggy

from achievement._errors import PluginError
from achievement._model import CORE_VALUE_KINDS, Frozen, LocalizedText, PluginValue

__all__ = [
    "AUTOLOAD_ENV",
    "PluginFailure",
    "PluginInfo",
    "autoload_disabled",
    "check_hook_args",
    "check_hook_names",
    "error_text",
    "is_value",
    "own_version",
    "plugin_name",
    "plugin_warnings",
    "skip_hint",
]

AUTOLOAD_ENV = "ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD"
"""Set to ``1``, ``true`` or ``yes`` to stop loading plugins from entry points."""

_TRUE_WORDS = frozenset({"1", "true", "yes"})


def autoload_disabled(setting: str | None) -> bool:
    """Whether the environment's ``ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD`` value stops autoloading."""
    return (setting or "").strip().lower() in _TRUE_WORDS


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


def error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def is_value(value: object) -> bool:
    """Whether a parse hook's answer is a value: a core kind or a plugin's value class."""
    if isinstance(value, PluginValue):
        return True
    kind = getattr(value, "kind", None)
    return isinstance(value, Frozen) and kind in CORE_VALUE_KINDS


def _hook_names(pm: pluggy.PluginManager) -> list[str]:
    return [name for name in vars(pm.hook) if name.startswith("achievement_")]


def check_hook_names(pm: pluggy.PluginManager) -> None:
    """Refuse a hook implementation whose name is not a hook, naming the plugin and the hook."""
    known = sorted(name for name in _hook_names(pm) if getattr(pm.hook, name).has_spec())
    for name in _hook_names(pm):
        caller = getattr(pm.hook, name)
        if caller.has_spec():
            continue
        for impl in caller.get_hookimpls():
            from difflib import get_close_matches  # only for a hook name that is wrong

            close = get_close_matches(name, known, n=1)
            hint_en = f"; did you mean {close[0]}?" if close else ""
            hint_ja = f"「{close[0]}」の誤りではありませんか。" if close else ""
            raise PluginError(
                f"plugin {impl.plugin_name!r}: {name} is not a hook of achievement{hint_en} "
                f"hooks: {', '.join(known)}",
                f"プラグイン「{impl.plugin_name}」: {name} という名前のフックはありません。"
                f"{hint_ja}フック: {', '.join(known)}",
            )


def check_hook_args(pm: pluggy.PluginManager, name: str, plugin: object) -> None:
    """Refuse an implementation that asks for arguments its hook does not pass."""
    import inspect

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
        asked = [  # pluggy passes the named arguments without a default, by name
            p.name
            for p in params
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
        ]
        asked = asked[1:] if asked[:1] == ["self"] else asked
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


def plugin_warnings(
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


def plugin_name(plugin: object) -> str:
    """The name a local plugin is registered under: its module or class name."""
    if isinstance(plugin, ModuleType):
        return plugin.__name__
    named = getattr(plugin, "__name__", None)
    return named if isinstance(named, str) else type(plugin).__name__


def own_version() -> str | None:
    try:
        return importlib.metadata.version("achievement")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a checkout
        return None
