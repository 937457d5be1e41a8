"""The registry that grading schemes are added to, one scheme per name."""

from __future__ import annotations

from collections.abc import Iterator

from achievement._errors import AchievementError, PluginError
from achievement.schemes._scheme import Scheme

__all__ = ["SchemeRegistry", "UnknownSchemeError"]


class UnknownSchemeError(AchievementError, LookupError):
    """A scheme name that no plugin registered and that is not a scheme file."""

    def __init__(self, name: str, known: Iterator[str] | tuple[str, ...]) -> None:
        names = ", ".join(sorted(known)) or "-"
        super().__init__(
            f"unknown grading scheme {name!r}; available schemes: {names} (or a .yaml/.json file)",
            f"評価区分「{name}」はありません。使える区分: {names}(または .yaml/.json ファイル)",
        )
        self.name = name


class SchemeRegistry:
    """Grading schemes by name, each with the name of the plugin that added it."""

    def __init__(self) -> None:
        self._schemes: dict[str, Scheme] = {}
        self._owners: dict[str, str] = {}
        self._plugin = "?"

    def _adding_for(self, plugin: str) -> SchemeRegistry:
        self._plugin = plugin
        return self

    def add(self, scheme: Scheme) -> None:
        """Register ``scheme`` under its name; a name taken already is refused."""
        if not isinstance(scheme, Scheme):
            raise PluginError(
                f"plugin {self._plugin!r} added {type(scheme).__name__}, not a Scheme",
                f"プラグイン「{self._plugin}」が Scheme でないもの({type(scheme).__name__})を"
                "評価区分として登録しました",
            )
        owner = self._owners.get(scheme.name)
        if owner is not None:
            raise PluginError(
                f"grading scheme {scheme.name!r} is claimed by two plugins: "
                f"{owner!r} and {self._plugin!r}",
                f"評価区分「{scheme.name}」を二つのプラグインが登録しています: "
                f"「{owner}」と「{self._plugin}」",
            )
        self._schemes[scheme.name] = scheme
        self._owners[scheme.name] = self._plugin

    def __getitem__(self, name: str) -> Scheme:
        try:
            return self._schemes[name]
        except KeyError:
            raise UnknownSchemeError(name, tuple(self._schemes)) from None

    def __contains__(self, name: object) -> bool:
        return name in self._schemes

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._schemes))

    def __len__(self) -> int:
        return len(self._schemes)

    def owner(self, name: str) -> str:
        """The name of the plugin that added the scheme ``name``."""
        self[name]
        return self._owners[name]
