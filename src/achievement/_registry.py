"""The registry that evaluators are added to, one evaluator per style."""

from __future__ import annotations

from collections.abc import Iterator

from achievement._errors import PluginError, UnknownStyleError
from achievement._evaluator import Evaluator

__all__ = ["EvaluatorRegistry"]


class EvaluatorRegistry:
    """Evaluators by style, each with the name of the plugin that added it."""

    def __init__(self) -> None:
        self._evaluators: dict[str, Evaluator] = {}
        self._owners: dict[str, str] = {}
        self._plugin = "?"

    def _adding_for(self, plugin: str) -> EvaluatorRegistry:
        self._plugin = plugin
        return self

    def add(self, evaluator: Evaluator) -> None:
        """Register ``evaluator`` under its ``style``; a style taken already is refused."""
        style = getattr(evaluator, "style", None)
        if not isinstance(style, str) or not style:
            raise PluginError(
                f"plugin {self._plugin!r} added an evaluator without a style name",
                f"プラグイン「{self._plugin}」の評価器に方式名(style)がありません",
            )
        if not isinstance(evaluator, Evaluator):
            raise PluginError(
                f"plugin {self._plugin!r}: evaluator for style {style!r} needs "
                "'style', 'messages' and 'evaluate'",
                f"プラグイン「{self._plugin}」の方式「{style}」の評価器には "
                "style・messages・evaluate が必要です",
            )
        owner = self._owners.get(style)
        if owner is not None:
            raise PluginError(
                f"style {style!r} is claimed by two plugins: {owner!r} and {self._plugin!r}",
                f"評価方式「{style}」を二つのプラグインが登録しています: "
                f"「{owner}」と「{self._plugin}」",
            )
        self._evaluators[style] = evaluator
        self._owners[style] = self._plugin

    def __getitem__(self, style: str) -> Evaluator:
        try:
            return self._evaluators[style]
        except KeyError:
            raise UnknownStyleError(style, list(self._evaluators)) from None

    def __contains__(self, style: object) -> bool:
        return style in self._evaluators

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._evaluators))

    def __len__(self) -> int:
        return len(self._evaluators)

    def owner(self, style: str) -> str:
        """The name of the plugin that added ``style``."""
        self[style]
        return self._owners[style]
