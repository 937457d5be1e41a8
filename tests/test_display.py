"""A value shown to people keeps its target's bound; messages that say 以上/以下 do not double it."""

from __future__ import annotations

import json

import pytest

from achievement import (
    Actual,
    Goal,
    Indicator,
    Judge,
    Measure,
    Plan,
    PlanIndicator,
    Target,
    display,
    judge,
    parse_value,
)
from achievement.render import render
from achievement.rollup import evaluate_plan


@pytest.mark.parametrize(
    ("text", "shown", "bare"),
    [
        ("15 分以下", "15分以下", "15分"),
        ("30分以内", "30分以内", "30分"),
        ("年 80 % 以上", "年80%以上", "年80%"),
        ("110件", "110件", "110件"),
        ("小 95%以上 中 90%以上", "小 95%以上、中 90%以上", "小 95%、中 90%"),
    ],
)
def test_display_keeps_the_bound_unless_asked_not_to(text: str, shown: str, bare: str) -> None:
    """display() writes 以上, 以下 or 以内 as the cell did; bound=False leaves it out."""
    value = parse_value(text)
    assert display(value) == shown
    assert display(value, bound=False) == bare


@pytest.mark.parametrize(
    ("target", "actual", "ja", "en"),
    [
        ("15分以下", "12分", "目標 15分以下(", "target of at most 15分 ("),
        ("110件以上", "785件", "目標 110件以上(", "target of at least 110件 ("),
        ("30分以内", "45分", "目標 30分以下を上回る", "target of at most 30分 ("),
    ],
)
def test_threshold_messages_say_the_bound_once(target: str, actual: str, ja: str, en: str) -> None:
    """A threshold message names the bound once: 目標 110件以上, never 110件以上以上."""
    judgment = judge(baseline="-", target=target, actual=actual)
    assert ja in judgment.message.ja
    assert en in judgment.message.en
    for doubled in ("以上以上", "以下以下", "以内以下"):
        assert doubled not in judgment.message.ja


def test_report_target_column_shows_the_bound() -> None:
    """A report shows the target 15分以下 as written, so the reader sees lower is better."""
    indicator = Indicator(
        name="窓口の待ち時間",
        baseline=parse_value("20分"),
        target=Target(value=parse_value("15分以下")),
        actual=Actual(value=parse_value("12分")),
    )
    plan = Plan(
        indicators=(
            PlanIndicator(goal=Goal(title="g"), measure=Measure(title="m"), indicator=indicator),
        )
    )
    report = evaluate_plan(plan, Judge(autoload=False))
    text = render(report, "text", lang="ja")
    assert isinstance(text, str)
    assert "15分以下" in text
    data = json.loads(render(report, "json", lang="ja"))
    assert "15分以下" in json.dumps(data, ensure_ascii=False)
