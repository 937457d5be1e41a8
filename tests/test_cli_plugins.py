"""The ``achievement plugins`` command and the ``--plugin`` / ``--disable-plugin`` options."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from achievement import default_judge
from achievement._judge import AUTOLOAD_ENV, DISABLED_PLUGINS_ENV
from achievement.cli import main

from .test_plugins import write_plugin


@pytest.fixture(autouse=True)
def _no_installed_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    monkeypatch.delenv(DISABLED_PLUGINS_ENV, raising=False)
    default_judge.cache_clear()
    yield
    default_judge.cache_clear()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_plugins_lists_builtins_with_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``achievement plugins`` lists each built-in plugin with its distribution, version and style."""
    from achievement import __version__

    code, out, _ = run(capsys, "plugins", "--lang", "en", "--format", "json")
    rows = {row["name"]: row for row in json.loads(out)}
    assert code == 0
    assert rows["achievement.rules.threshold"] == {
        "name": "achievement.rules.threshold",
        "origin": "builtin",
        "distribution": "achievement",
        "version": __version__,
        "styles": ["threshold"],
        "value_kinds": [],
        "warnings": [],
    }
    assert rows["achievement.rules.infer"]["styles"] == []


def test_plugins_lists_a_local_plugin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plugin given with ``--plugin PATH`` is listed as local with its style."""
    path = write_plugin(tmp_path, "cli_listed_plugin", "listed")
    code, out, _ = run(capsys, "plugins", "--lang", "en", "--plugin", str(path))
    line = next(line for line in out.splitlines() if line.startswith("cli_listed_plugin"))
    assert code == 0
    assert line.split() == ["cli_listed_plugin", "local", "-", "-", "listed"]


def test_plugins_table_is_in_japanese_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    """The plugin table's headings and origins are in Japanese unless English is asked for."""
    _, out, _ = run(capsys, "plugins", "--lang", "ja")
    assert out.splitlines()[0].split() == ["プラグイン", "種別", "配布パッケージ", "版", "評価方式"]
    assert "組み込み" in out


def test_judge_with_a_local_plugin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``achievement judge --plugin PATH`` judges with the plugin's style."""
    path = write_plugin(tmp_path, "cli_judge_plugin", "pct")
    code, out, _ = run(
        capsys, "judge", "--lang", "en", "--plugin", str(path), "--style", "pct",
        "--target", "80%", "--actual", "79%", "--format", "json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["style"] == "pct"
    assert json.loads(out)["outcome"] == "not_achieved"


def test_disable_plugin_removes_its_style(capsys: pytest.CaptureFixture[str]) -> None:
    """``--disable-plugin NAME`` keeps that plugin out, so its style is unknown and listed as such."""
    code, _, err = run(
        capsys, "judge", "--lang", "en", "--disable-plugin", "achievement.rules.ordinal",
        "--style", "ordinal", "--target", "推進", "--actual", "推進",
    )  # fmt: skip
    assert code == 2
    assert "unknown style 'ordinal'" in err
    assert "installed styles: cumulative, deadline, direction, threshold" in err
    assert "Traceback" not in err


def test_misspelt_style_is_suggested(capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt style at the command line gets the nearest style suggested, in Japanese."""
    code, _, err = run(capsys, "judge", "--style", "ordinl", "--target", "推進", "--actual", "推進")
    assert code == 2
    assert "「ordinal」の誤りではありませんか" in err


def test_missing_plugin_file_is_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    """A ``--plugin`` path that does not exist ends in a message and exit code 2."""
    code, _, err = run(capsys, "plugins", "--lang", "en", "--plugin", "no/such/plugin.py")
    assert code == 2
    assert "plugin file not found: no/such/plugin.py" in err
