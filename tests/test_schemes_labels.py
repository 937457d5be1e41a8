"""Grade labels as English output shows them."""

from __future__ import annotations

import re

import pytest

from achievement import Judge
from achievement.schemes import Scheme

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
"""Kana or kanji."""


def presets() -> dict[str, Scheme]:
    schemes = Judge(autoload=False).schemes
    return {name: schemes[name] for name in schemes}


@pytest.mark.parametrize("name", sorted(presets()))
def test_preset_rule_in_english_has_no_japanese(name: str) -> None:
    """A preset's rule in English names its grades in English, with no Japanese left in it."""
    scheme = presets()[name]
    assert not JAPANESE.search(scheme.rule.en), scheme.rule.en
    assert all(not JAPANESE.search(label) for label in scheme.labels_in("en"))


@pytest.mark.parametrize("name", sorted(presets()))
def test_english_labels_keep_the_grades_apart(name: str) -> None:
    """Each grade keeps its label in Japanese, and English labels are as many and distinct."""
    scheme = presets()[name]
    assert scheme.labels_in("ja") == scheme.labels
    assert len(set(scheme.labels_in("en"))) == len(scheme.labels)
    for label, shown in zip(scheme.labels, scheme.labels_in("en"), strict=True):
        assert scheme.label_of(scheme.get(label), "en") == shown
        assert scheme.label_of(scheme.get(label), "ja") == label
    assert scheme.label_of(None, "en") is None


def test_binary_grades_read_achieved_in_english() -> None:
    """The default scheme shows 達成 / 未達成 as achieved / not achieved in English."""
    binary = presets()["binary"]
    assert binary.labels_in("en") == ("achieved", "not achieved")
    assert binary.rule.en.startswith("achieved or not: achieved (the target or better)")


def test_english_labels_must_be_distinct() -> None:
    """A scheme whose grades share an English label is refused."""
    data = presets()["binary"].model_dump()
    data["grades"][1]["label_en"] = "achieved"
    with pytest.raises(ValueError, match="unique"):
        Scheme.model_validate(data)


def test_compare_shows_english_grades_and_keeps_json_labels(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``compare --lang en`` shows grades in English, while its JSON keeps each grade's label."""
    import json

    from achievement.cli import main

    monkeypatch.setenv("ACHIEVEMENT_DISABLE_PLUGIN_AUTOLOAD", "1")
    args = ["compare", "--schemes", "binary,baseline-4", "--lang", "en"]
    assert main([*args, "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert {row.split(",")[-2] for row in rows} == {"Achieved", "Not achieved"}
    assert not any(JAPANESE.search(row.split(",")[-1]) for row in rows)
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {row["grades"]["binary"] for row in data["indicators"]} == {"達成", "未達成"}
    assert data["schemes"][0]["grade_labels"] == {"達成": "Achieved", "未達成": "Not achieved"}
