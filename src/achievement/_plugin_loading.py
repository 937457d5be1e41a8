"""Loading a judge's plugins: the built-in ones, the installed ones found through their
entry points, and local ones given as modules, objects, module names or ``.py`` files.

Each plugin is registered with the judge's plugin manager under its name; a plugin
that fails to load or to register is refused with a :class:`PluginError` naming it and
the hook, or, with ``keep_going``, left out and remembered with its error.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import importlib.metadata
import importlib.util
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pluggy

from achievement._errors import AchievementError, PluginError
from achievement._model import LocalizedText
from achievement._plugin_support import (
    PluginInfo,
    check_hook_args,
    error_text,
    own_version,
    plugin_name,
    plugin_warnings,
    skip_hint,
)

if TYPE_CHECKING:
    from achievement._registry import EvaluatorRegistry, ValueKindRegistry
    from achievement.schemes import SchemeRegistry

__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLED_PLUGINS_ENV",
    "ENTRY_POINT_GROUP",
    "PluginLoader",
    "gather_schemes",
]

ENTRY_POINT_GROUP = "achievement"
"""The entry-point group third-party plugins are found through."""

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


class PluginLoader:
    """Registers plugins with a plugin manager, remembering where each came from.

    ``distributions`` holds the distribution of each installed plugin loaded,
    ``local`` the names of the local plugins, and ``broken`` the installed
    plugins left out with ``keep_going``, with their distribution and error.
    """

    def __init__(self, pm: pluggy.PluginManager, *, keep_going: bool = False) -> None:
        self._pm = pm
        self._keep_going = keep_going
        self.distributions: dict[str, importlib.metadata.Distribution] = {}
        self.local: set[str] = set()
        self.broken: dict[str, tuple[importlib.metadata.Distribution, LocalizedText]] = {}

    def block(self, names: Iterable[str]) -> None:
        """Block the plugins ``names`` and those named in ``ACHIEVEMENT_DISABLED_PLUGINS``."""
        env_blocked = os.environ.get(DISABLED_PLUGINS_ENV, "")
        for name in (*names, *env_blocked.split(",")):
            if name.strip():
                self._pm.set_blocked(name.strip())

    def register_builtins(self) -> None:
        """Register the built-in plugins not blocked."""
        for name in BUILTIN_PLUGINS:
            if not self._pm.is_blocked(name):
                self._pm.register(importlib.import_module(name), name=name)

    def call_registration(self, hook: str, registry: Callable[[str], object], what: str) -> None:
        """Call a registration hook of every plugin, naming the plugin that fails.

        An installed plugin's error says how to run without it; with
        ``keep_going``, the plugin is left out and listed with its error.
        """
        for impl in getattr(self._pm.hook, hook).get_hookimpls():
            name = impl.plugin_name
            try:
                impl.function(registry=registry(name))
            except Exception as exc:
                if isinstance(exc, AchievementError):
                    en, ja = exc.en, exc.ja
                else:
                    en = f"plugin {name!r} failed to register its {what} (hook {hook}): {error_text(exc)}"
                    ja = f"プラグイン「{name}」が登録に失敗しました(フック {hook}): {error_text(exc)}"
                dist = self.distributions.get(name)
                if dist is None:
                    raise PluginError(en, ja) from exc
                text = LocalizedText(
                    en=f"{en}. {skip_hint(name, 'en')}", ja=f"{ja}。{skip_hint(name, 'ja')}"
                )
                if not self._keep_going:
                    raise PluginError(text.en, text.ja) from exc
                self._pm.unregister(name=name)
                del self.distributions[name]
                self.broken[name] = (dist, text)

    def load_entry_points(self) -> None:
        """Register the plugins of the entry-point group, remembering their distributions."""
        pm = self._pm
        for dist in list(importlib.metadata.distributions()):
            for ep in dist.entry_points:
                if ep.group != ENTRY_POINT_GROUP or pm.is_blocked(ep.name):
                    continue
                if pm.get_plugin(ep.name) is not None or ep.name in self.broken:
                    continue
                dist_name = dist.metadata["name"]
                try:
                    plugin = ep.load()
                    check_hook_args(pm, ep.name, plugin)
                    pm.register(plugin, name=ep.name)
                except Exception as exc:
                    error = exc.en if isinstance(exc, AchievementError) else error_text(exc)
                    error_ja = exc.ja if isinstance(exc, AchievementError) else error_text(exc)
                    text = LocalizedText(
                        en=f"the installed plugin {ep.name!r} (from {dist_name}) failed to "
                        f"load: {error}. {skip_hint(ep.name, 'en')}",
                        ja=f"インストール済みのプラグイン「{ep.name}」({dist_name})を"
                        f"読み込めません: {error_ja}。{skip_hint(ep.name, 'ja')}",
                    )
                    if not self._keep_going:
                        raise PluginError(text.en, text.ja) from exc
                    self.broken[ep.name] = (dist, text)
                    continue
                self.distributions[ep.name] = dist

    def register_local(self, plugin: object) -> None:
        """Register a local plugin: a module, an object, a module name or a ``.py`` path."""
        pm = self._pm
        name: str | None = None
        if isinstance(plugin, Path) or (
            isinstance(plugin, str)
            and (plugin.endswith(".py") or os.sep in plugin or "/" in plugin)
        ):
            name = Path(plugin).stem
            plugin = self.load_file(Path(plugin))
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
        name = name or plugin_name(plugin)
        if pm.is_blocked(name):
            return
        if pm.has_plugin(name):
            raise PluginError(
                f"two different plugins are named {name!r}; "
                "rename one (a plugin file is named after its file name)",
                f"名前が「{name}」のプラグインが二つあります。"
                "どちらかの名前を変えてください(ファイルのプラグインはファイル名が名前です)",
            )
        check_hook_args(pm, name, plugin)
        try:
            pm.register(plugin, name=name)
        except ValueError as exc:
            raise PluginError(str(exc), f"プラグインを登録できません: {exc}") from exc
        self.local.add(name)

    @staticmethod
    def load_file(path: Path) -> ModuleType:
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

    def describe(
        self, registry: EvaluatorRegistry, value_kinds: ValueKindRegistry
    ) -> tuple[PluginInfo, ...]:
        """Every plugin registered, in registration order, with the styles and kinds it adds;
        then the installed plugins left out, with their error as the warning."""
        infos = []
        for name, plugin in self._pm.list_name_plugin():
            if plugin is None:  # blocked
                continue
            styles = tuple(s for s in registry if registry.owner(s) == name)
            kinds = tuple(k for k in value_kinds if value_kinds.owner(k) == name)
            warnings = plugin_warnings(self._pm, name, plugin)
            dist = self.distributions.get(name)
            origin, dist_name, version = "local", None, None
            if dist is not None:
                origin, dist_name, version = "entry point", dist.metadata["name"], dist.version
            elif name in BUILTIN_PLUGINS:
                origin, dist_name, version = "builtin", "achievement", own_version()
            infos.append(PluginInfo(name, origin, dist_name, version, styles, kinds, warnings))
        for name, (dist, error) in self.broken.items():
            info = PluginInfo(name, "entry point", dist.metadata["name"], dist.version, ())
            infos.append(dataclasses.replace(info, warnings=(error,)))
        return tuple(infos)


def gather_schemes(pm: pluggy.PluginManager) -> SchemeRegistry:
    """The grading schemes the plugins of ``pm`` register, by name."""
    from achievement.schemes import SchemeRegistry

    schemes = SchemeRegistry()
    for impl in pm.hook.achievement_register_schemes.get_hookimpls():
        try:
            impl.function(registry=schemes._adding_for(impl.plugin_name))
        except AchievementError:
            raise
        except Exception as exc:
            raise PluginError(
                f"plugin {impl.plugin_name!r} failed to register its schemes "
                "(hook achievement_register_schemes): "
                f"{type(exc).__name__}: {exc}",
                f"プラグイン「{impl.plugin_name}」が評価区分の登録に失敗しました"
                "(フック achievement_register_schemes): "
                f"{type(exc).__name__}: {exc}",
            ) from exc
    return schemes
