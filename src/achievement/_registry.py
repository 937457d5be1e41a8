"""The registries plugins add to: evaluators (one per style) and value kinds."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from achievement._errors import PluginError, UnknownStyleError
from achievement._evaluator import Evaluator
from achievement._model import CORE_VALUE_KINDS, PLUGIN_VALUE_KINDS, PluginValue

__all__ = ["EvaluatorRegistry", "ValueKindRegistry"]


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
        self._check_messages(style, evaluator.messages)
        owner = self._owners.get(style)
        if owner is not None:
            raise PluginError(
                f"style {style!r} is claimed by two plugins: {owner!r} and {self._plugin!r}",
                f"評価方式「{style}」を二つのプラグインが登録しています: "
                f"「{owner}」と「{self._plugin}」",
            )
        self._evaluators[style] = evaluator
        self._owners[style] = self._plugin

    def _check_messages(self, style: str, messages: object) -> None:
        """Refuse a message catalogue that is not ``{code: {"ja": ..., "en": ...}}``."""
        where_en = f"plugin {self._plugin!r}, hook achievement_register_evaluators, style {style!r}"
        where_ja = (
            f"プラグイン「{self._plugin}」のフック achievement_register_evaluators、方式「{style}」"
        )
        if not isinstance(messages, Mapping):
            raise PluginError(
                f'{where_en}: \'messages\' must map each reason code to {{"ja": ..., "en": ...}}',
                f'{where_ja}: messages は理由コードごとに {{"ja": ..., "en": ...}} '
                "を対応させてください",
            )
        for code, templates in messages.items():
            missing = [
                lang
                for lang in ("ja", "en")
                if not isinstance(templates, Mapping)
                or not isinstance(templates.get(lang), str)
                or not templates[lang].strip()
            ]
            if missing:
                raise PluginError(
                    f"{where_en}: the message of reason code {code!r} has no "
                    f"{' or '.join(missing)} text; every message needs both ja and en",
                    f"{where_ja}: 理由コード「{code}」の文言に {'・'.join(missing)} が"
                    "ありません(ja と en の両方が必要です)",
                )

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
        try:
            return self._owners[style]
        except KeyError:
            raise UnknownStyleError(style, list(self._evaluators)) from None


class ValueKindRegistry:
    """Plugin value kinds by ``kind``, each with the name of the plugin that added it.

    A kind added here is also known to every later validation in the process,
    so that a JSON report or a saved indicator reads back as the plugin's class.
    """

    def __init__(self) -> None:
        self._kinds: dict[str, type[PluginValue]] = {}
        self._owners: dict[str, str] = {}
        self._plugin = "?"

    def _adding_for(self, plugin: str) -> ValueKindRegistry:
        self._plugin = plugin
        return self

    def add(self, kind: type[PluginValue]) -> None:
        """Register the value class ``kind``; a core kind or a kind taken already is refused."""
        where_en = f"plugin {self._plugin!r}, hook achievement_register_value_kinds"
        where_ja = f"プラグイン「{self._plugin}」のフック achievement_register_value_kinds"
        if not (isinstance(kind, type) and issubclass(kind, PluginValue)):
            raise PluginError(
                f"{where_en}: {kind!r} is not a value class (subclass achievement.PluginValue)",
                f"{where_ja}: {kind!r} は値の型ではありません"
                "(achievement.PluginValue を継承してください)",
            )
        name = kind.model_fields["kind"].default if "kind" in kind.model_fields else None
        if not isinstance(name, str) or not name:
            raise PluginError(
                f"{where_en}: {kind.__name__} needs a default for 'kind', "
                'e.g. kind: Literal["myplugin.band"] = "myplugin.band"',
                f"{where_ja}: {kind.__name__} の kind に既定値がありません"
                '(例: kind: Literal["myplugin.band"] = "myplugin.band")',
            )
        if name in CORE_VALUE_KINDS:
            raise PluginError(
                f"{where_en}: the value kind {name!r} is a core kind; name yours "
                f"after the plugin, e.g. {self._plugin.split('.')[-1] + '.' + name!r}",
                f"{where_ja}: 値の種類「{name}」は本体の種類です。"
                f"プラグイン名を付けてください(例:「{self._plugin.split('.')[-1]}.{name}」)",
            )
        owner = self._owners.get(name)
        if owner is not None and self._kinds[name] is not kind:
            raise PluginError(
                f"value kind {name!r} is claimed by two plugins: {owner!r} and {self._plugin!r}",
                f"値の種類「{name}」を二つのプラグインが登録しています: "
                f"「{owner}」と「{self._plugin}」",
            )
        self._kinds[name] = kind
        self._owners[name] = self._plugin
        PLUGIN_VALUE_KINDS[name] = kind

    def __getitem__(self, kind: str) -> type[PluginValue]:
        return self._kinds[kind]

    def get(self, kind: str) -> type[PluginValue] | None:
        """The class registered for ``kind``, or ``None``."""
        return self._kinds.get(kind)

    def __contains__(self, kind: object) -> bool:
        return kind in self._kinds

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._kinds))

    def __len__(self) -> int:
        return len(self._kinds)

    def owner(self, kind: str) -> str:
        """The name of the plugin that added ``kind``."""
        return self._owners[kind]
