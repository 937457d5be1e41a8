"""Examples of what a plan publishes beside the values: its own 評価, its scale, its notation.

Expected values are written here by hand; none is looked up from the
implementation's tables.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from achievement import (
    Actual,
    Direction,
    Goal,
    Indicator,
    Measure,
    Outcome,
    Period,
    Plan,
    PlanIndicator,
    Target,
    parse_value,
)
from achievement._errors import AchievementError
from achievement.cli import main
from achievement.readers._table import parse_direction, parse_recorded, recorded_fields
from achievement.rollup import evaluate_plan

A, N, E = Outcome.ACHIEVED, Outcome.NOT_ACHIEVED, Outcome.NOT_EVALUABLE

# --- the published 評価 column -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("達成", A),
        ("〇", A),
        ("○", A),
        ("◯", A),
        ("achieved", A),
        ("Achieved", A),
        ("未達成", N),
        ("未達", N),
        ("×", N),
        ("✕", N),
        ("✗", N),
        ("not achieved", N),
        ("not_achieved", N),
        ("NotAchieved", N),
        ("評価不能", E),
        ("not evaluable", E),
        ("not_evaluable", E),
        ("―", E),
        ("-", E),
        ("集計中", E),
        ("達 成", A),
        ("未 達", N),
        ("A", None),
        ("概ね達成", None),
        ("達成見込", None),
    ],
)
def test_every_published_judgment_spelling(text: str, outcome: Outcome | None) -> None:
    """Each spelling of a published 評価 stands for its outcome; 未達 is 未達成; others are unknown."""
    assert parse_recorded(text) is outcome


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("未達", (N, "未達")),
        (" 達成 ", (A, "達成")),
        ("achieved", (A, None)),
        ("not_evaluable", (E, None)),
        ("よい", (None, "よい")),
        ("", (None, None)),
        ("  ", (None, None)),
        (None, (None, None)),
    ],
)
def test_recorded_fields_keep_the_published_text(
    text: str | None, fields: tuple[Outcome | None, str | None]
) -> None:
    """The published text is kept beside its outcome, unless it is the outcome's own code."""
    assert recorded_fields(text) == fields


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("上昇", Direction.HIGHER),
        ("増加", Direction.HIGHER),
        ("高い方が良い", Direction.HIGHER),
        ("↑", Direction.HIGHER),
        ("higher", Direction.HIGHER),
        ("Higher", Direction.HIGHER),
        ("低下", Direction.LOWER),
        ("減少", Direction.LOWER),
        ("低い方が良い", Direction.LOWER),
        ("↓", Direction.LOWER),
        ("lower", Direction.LOWER),
        ("維持", None),
        ("右肩上がり", None),
    ],
)
def test_every_direction_column_word(text: str, direction: Direction | None) -> None:
    """Each word of the direction column stands for higher or lower is better; others are unknown."""
    assert parse_direction(text) is direction


def _plan(*rows: tuple[str, str, str, Outcome | None]) -> Plan:
    goal = Goal(number=1, title="目標")
    entries = [
        PlanIndicator(
            goal=goal,
            measure=Measure(number=k, title=f"施策{k}"),
            indicator=Indicator(
                name=f"指標{k}",
                baseline=parse_value(baseline),
                target=Target(value=parse_value(target)),
                actual=Actual(value=parse_value(actual)),
            ),
            recorded=recorded,
            row=k + 1,
        )
        for k, (baseline, target, actual, recorded) in enumerate(rows, start=1)
    ]
    return Plan(title="計画", indicators=tuple(entries))


@pytest.mark.parametrize(
    ("actual", "recorded", "agrees"),
    [
        ("70%", A, True),  # 達成 as published, 達成 as judged
        ("50%", N, True),
        ("70%", N, False),  # published 未達成, judged 達成
        ("50%", A, False),
        ("50%", E, False),  # published 評価不能, judged 未達成: they disagree
        ("―", E, True),
        ("―", N, False),  # judged 評価不能, published 未達成
        ("70%", None, None),  # nothing published: no agreement either way
        ("―", None, None),
    ],
)
def test_agrees_compares_with_the_published_judgment(
    actual: str, recorded: Outcome | None, agrees: bool | None
) -> None:
    """``agrees`` is True only when the published outcome is the judged one, None when none is."""
    report = evaluate_plan(_plan(("10%", "60%", actual, recorded)))
    (result,) = report.results
    assert result.agrees is agrees


def test_published_mitatsu_disagrees_with_an_achieved_judgment(tmp_path: Path) -> None:
    """A CSV whose 評価 says 未達 for an indicator judged 達成 shows agrees false in the report."""
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "評価指標,計画策定時,目標,実績,評価\n"
        "オンライン手続比率,10%,60%,70%,未達\n"
        "窓口の待ち時間,30分,15分,20分,未達\n"
        "研修の実施,検討,実施,推進,達成\n"
        "相談件数,10件,20件,―,未達成\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.json"
    assert main(["report", str(plan), "--format", "json", "-o", str(out)]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))["indicators"]
    assert [(r["outcome"], r["recorded"], r["agrees"]) for r in rows] == [
        ("achieved", "not_achieved", False),
        ("not_achieved", "not_achieved", True),
        ("achieved", "achieved", True),
        ("not_evaluable", "not_achieved", False),
    ]


# --- the plan's own stage scale, through the report ------------------------------------

SCALED_PLAN = """\
title: 研修計画
scale: [未着手, 着手, 試行, 本格実施]
goals:
  - number: 1
    title: 人材の育成
    measures:
      - number: 1
        title: 研修の充実
        indicators:
          - name: 管理職研修
            target: 試行
            actual: 本格実施
          - name: 新任研修
            target: 本格実施
            actual: 試行
          - name: 情報研修
            target: 着手
            actual: 着手
          - name: 外部研修
            target: 試行
            actual: 推進
          - name: 内部研修
            target: 実施
            actual: 推進
            scale: [未実施, 実施, 推進]
"""


def test_plan_scale_is_used_by_the_report(tmp_path: Path) -> None:
    """`scale:` in a plan file ranks its stage words; a word off that scale is 評価不能."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(SCALED_PLAN, encoding="utf-8")
    out = tmp_path / "report.json"
    assert main(["report", str(plan), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["name"], r["style"], r["outcome"]) for r in data["indicators"]] == [
        ("管理職研修", "ordinal", "achieved"),  # 本格実施 is after 試行
        ("新任研修", "ordinal", "not_achieved"),  # 試行 is before 本格実施
        ("情報研修", "ordinal", "achieved"),  # the target's own stage
        ("外部研修", "ordinal", "not_evaluable"),  # 推進 is on the default scale, not this one
        ("内部研修", "ordinal", "achieved"),  # the indicator's own scale wins
    ]
    assert data["indicators"][3]["reason"]["code"] == "ordinal.unknown_word"
    assert "未着手 < 着手 < 試行 < 本格実施" in data["indicators"][3]["message"]
    totals = data["totals"]
    assert (totals["achieved"], totals["not_achieved"], totals["not_evaluable"]) == (3, 1, 1)
    assert totals["rate"] == "75.0"


# --- notation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [("△5件", "-5"), ("▲5件", "-5"), ("-5件", "-5"), ("−5件", "-5"), ("+5件", "5"), ("5件", "5")],
)
def test_triangle_marks_a_negative_number(text: str, amount: str) -> None:
    """△ and ▲ write a minus sign, as Japanese accounts do: △5件 is -5件."""
    value = parse_value(text)
    assert value.kind == "quantity"
    assert value.amount == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("年間10件", Period.ANNUAL),
        ("年10件", Period.ANNUAL),
        ("累計10件", Period.CUMULATIVE),
        ("10件", None),
    ],
)
def test_period_prefixes(text: str, period: Period | None) -> None:
    """年間 and 年 mark an annual figure, 累計 a running total; no prefix, no period."""
    value = parse_value(text)
    assert value.kind == "quantity"
    assert value.period is period
    assert value.amount == Decimal(10)


@pytest.mark.parametrize(
    "text",
    ["18分 証明書交付", "60% 全体", "証明書交付 18分", "18分 異動届 45分"],
)
def test_label_after_a_value_is_refused(text: str) -> None:
    """A word after a number, or a single labelled number, is refused with the cell named."""
    with pytest.raises(AchievementError) as caught:
        parse_value(text)
    assert text in str(caught.value)


def test_two_labelled_values_read() -> None:
    """Two labelled values read as components, in the order written."""
    value = parse_value("証明書交付 18分 異動届 45分")
    assert value.kind == "components"
    assert [(i.label, i.value.amount, i.value.unit) for i in value.items] == [
        ("証明書交付", Decimal(18), "分"),
        ("異動届", Decimal(45), "分"),
    ]
