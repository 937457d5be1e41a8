"""The ``achievement_parse_value`` hook: plugins read cells the notation does not know."""

from __future__ import annotations

import pytest

from achievement import (
    Judge,
    ParseError,
    PluginError,
    StatusWord,
    Value,
    hookimpl,
    parse_value,
)


class Stars:
    """Reads ★★★ as the status word 三つ星."""

    __name__ = "stars"

    @hookimpl
    def achievement_parse_value(self, text: str) -> Value | None:
        if text and set(text.strip()) == {"★"}:
            return StatusWord(word=f"{len(text.strip())}つ星", text=text)
        return None


def test_plugin_reads_a_cell_the_notation_refuses() -> None:
    """A cell the core notation refuses is read by the plugin that claims it."""
    with pytest.raises(ParseError):
        parse_value("★★★")
    value = Judge(plugins=[Stars()], autoload=False).parse_value("★★★")
    assert value == StatusWord(word="3つ星", text="★★★")


def test_unclaimed_cells_fall_through_to_the_notation() -> None:
    """A cell no plugin claims is read by the built-in notation, unchanged."""
    judge = Judge(plugins=[Stars()], autoload=False)
    for text in ("年 8, 150 時間", "80%以上", "―", None, ""):
        assert judge.parse_value(text) == parse_value(text)


def test_judge_text_reads_cells_through_plugins() -> None:
    """Judging cell text reads every cell through the plugins first."""
    judge = Judge(plugins=[Stars()], autoload=False)
    judgment = judge.judge_text(baseline=None, target="★★★", actual="★★★")
    assert judgment.reason.code == "ordinal.unknown_word"


def test_plugin_that_raises_while_reading_is_reported_once_and_skipped() -> None:
    """A plugin that raises while reading is skipped for the cell and reported once, by name."""

    class Broken:
        __name__ = "broken_reader"

        @hookimpl
        def achievement_parse_value(self, text: str) -> Value | None:
            raise IndexError("list index out of range")

    judge = Judge(plugins=[Broken()], autoload=False)
    assert judge.parse_value("60%") == parse_value("60%")
    assert judge.parse_value("70%") == parse_value("70%")
    (failure,) = judge.take_failures()
    assert (failure.plugin, failure.hook, failure.count) == (
        "broken_reader",
        "achievement_parse_value",
        2,
    )
    assert failure.message("en") == (
        "plugin 'broken_reader' failed in hook achievement_parse_value (2 times): "
        "IndexError: list index out of range. To run without it, pass --disable-plugin "
        "broken_reader, or set ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD=1 to stop loading "
        "installed plugins"
    )
    assert "プラグイン「broken_reader」がフック achievement_parse_value で失敗しました(2回)" in (
        failure.message("ja")
    )
    assert judge.take_failures() == ()


def test_plugin_returning_a_non_value_is_refused() -> None:
    """A plugin that returns something other than a value is refused, not passed on."""

    class Wrong:
        @hookimpl
        def achievement_parse_value(self, text: str) -> object:
            return {"amount": 60}

    with pytest.raises(PluginError, match="which is not a value") as caught:
        Judge(plugins=[Wrong()], autoload=False).parse_value("60%")
    assert "hook achievement_parse_value" in caught.value.en
    assert "Wrong" in caught.value.en


def test_parse_error_from_a_plugin_passes_through() -> None:
    """A plugin's own ParseError reaches the caller as it is, with its text and position."""

    class Strict:
        @hookimpl
        def achievement_parse_value(self, text: str) -> Value | None:
            raise ParseError(text, 1, "no stars here", "星がありません")

    with pytest.raises(ParseError) as caught:
        Judge(plugins=[Strict()], autoload=False).parse_value("☆☆")
    assert (caught.value.text, caught.value.position) == ("☆☆", 1)
