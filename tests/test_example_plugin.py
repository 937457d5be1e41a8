"""The example plugin ``achievement-range``, installed with pip, seen from the outside.

Outside CI these tests are skipped when the example plugin is not installed;
in CI (``CI`` set) it must be installed and they run.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys

import pytest

from achievement._judge import AUTOLOAD_ENV, DISABLED_PLUGINS_ENV

try:
    VERSION = importlib.metadata.version("achievement-range")
except importlib.metadata.PackageNotFoundError:
    if os.environ.get("CI"):
        raise
    pytest.skip("the example plugin achievement-range is not installed", allow_module_level=True)


def achievement(*argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in (AUTOLOAD_ENV, DISABLED_PLUGINS_ENV)}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from achievement.cli import main; sys.exit(main())",
            *argv,
        ],
        capture_output=True,
        text=True,
        env={**environ, **env},
        check=False,
    )


def test_plugins_lists_the_installed_plugin() -> None:
    """``achievement plugins`` lists the installed example with its distribution, version and style."""
    result = achievement("plugins", "--format", "json")
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert rows["range"] == {
        "name": "range",
        "origin": "entry point",
        "distribution": "achievement-range",
        "version": VERSION,
        "styles": ["range"],
        "value_kinds": ["range.band"],
        "warnings": [],
    }


def test_installed_style_is_inferred_and_judged() -> None:
    """A band target is read by the installed plugin, its style inferred, and judged in Japanese."""
    result = achievement("judge", "--target", "80%〜90%", "--actual", "85%")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "達成: 実績 85%は目標の範囲 80%〜90%の内にあるため達成"


def test_autoload_off_makes_the_style_unknown() -> None:
    """With autoload off the installed plugin is not loaded: its style is unknown, installed ones named."""
    result = achievement(
        "judge", "--lang", "en", "--style", "range", "--target", "下限80% 上限90%", "--actual", "85%",
        **{AUTOLOAD_ENV: "1"},
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "achievement: error: unknown style 'range'; "
        "installed styles: cumulative, deadline, direction, ordinal, threshold"
    )


def test_disabled_by_name() -> None:
    """Blocking the plugin by its listed name keeps it out, like turning autoload off."""
    result = achievement("plugins", "--format", "json", **{DISABLED_PLUGINS_ENV: "range"})
    assert "range" not in [row["name"] for row in json.loads(result.stdout)]


EXAMPLE_PLAN = os.path.join(
    os.path.dirname(__file__), "..", "examples", "plugins", "achievement-range", "example-plan.csv"
)


def test_plan_using_the_style_goes_through_report() -> None:
    """A plan whose style column says range is read, judged, rolled up and rendered as published."""
    result = achievement("report", EXAMPLE_PLAN, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    styles = [row["style"] for row in data["indicators"]]
    assert styles == ["range", "range", "threshold"]
    assert [row["outcome"] for row in data["indicators"]] == [
        "achieved",
        "not_achieved",
        "achieved",
    ]
    assert all(row["agrees"] for row in data["indicators"])
    assert data["totals"]["rate"] == "66.7"


def test_plan_using_the_style_without_the_plugin_names_the_installed_styles() -> None:
    """With autoload off, each row stating range is a problem naming the installed styles."""
    result = achievement(
        "report", EXAMPLE_PLAN, "--format", "json", "--lang", "en", **{AUTOLOAD_ENV: "1"}
    )
    assert result.returncode == 1
    unknown = [line for line in result.stderr.splitlines() if "unknown style 'range'" in line]
    assert [line.partition("example-plan.csv:")[2].split(":")[0] for line in unknown] == ["2", "3"]
    assert all(
        line.endswith("installed styles: cumulative, deadline, direction, ordinal, threshold")
        for line in unknown
    )
    assert [row["name"] for row in json.loads(result.stdout)["indicators"]] == [
        "電子申請対応手続数"
    ]
