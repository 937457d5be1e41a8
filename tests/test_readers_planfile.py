"""The plan file (YAML / JSON): round trip, schema, hand-written files and their problems."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from achievement import (
    AchievementError,
    Actual,
    ActualStatus,
    Direction,
    Goal,
    Indicator,
    Measure,
    Outcome,
    Plan,
    PlanIndicator,
    Target,
    default_judge,
    parse_value,
)
from achievement.readers import bundled_example, dump_plan, plan_schema, read_plan

FORMATS: tuple[Literal["yaml", "json"], ...] = ("yaml", "json")
TAITO = read_plan(bundled_example()).plan
CELLS = sorted(
    {
        text
        for item in TAITO.indicators
        for text in (
            item.indicator.baseline.text,
            item.indicator.target.value.text,
            item.indicator.actual.value.text,
        )
    }
    | {"", "集計中", "80%以上", "1.2万件", "△5%"}
)


def round_trip(plan: Plan, fmt: Literal["yaml", "json"], folder: Path) -> Plan:
    """The plan written as a plan file and read back."""
    path = folder / f"plan.{fmt}"
    path.write_text(dump_plan(plan, fmt), encoding="utf-8")
    result = read_plan(path)
    unknown = [item.recorded_text for item in plan.indicators if item.recorded is None]
    assert [(p.text, p.severity) for p in result.problems] == [
        (text, "warning") for text in unknown if text is not None
    ]
    assert result.rows == len(plan.indicators)
    return result.plan


@pytest.mark.parametrize("fmt", FORMATS)
def test_taito_round_trip(fmt: Literal["yaml", "json"], tmp_path: Path) -> None:
    """The Taito plan written as a plan file reads back as the same plan."""
    assert round_trip(TAITO, fmt, tmp_path) == TAITO


@pytest.mark.parametrize("fmt", FORMATS)
def test_dump_is_byte_identical(fmt: Literal["yaml", "json"]) -> None:
    """Writing the same plan twice gives the same text."""
    again = read_plan(bundled_example()).plan
    assert dump_plan(again, fmt) == dump_plan(TAITO, fmt)


text = st.text(max_size=15)
cells = st.sampled_from(CELLS)
years = st.none() | st.integers(2000, 2040)


@st.composite
def plan_indicators(draw: st.DrawFn) -> PlanIndicator:
    """A plan row as a reader returns it: values read from cell text."""
    recorded_text = draw(st.sampled_from([None, "達成", "未達成", "―", "achieved", "B"]))
    recorded = {
        "達成": Outcome.ACHIEVED,
        "未達成": Outcome.NOT_ACHIEVED,
        "―": Outcome.NOT_EVALUABLE,
        "achieved": Outcome.ACHIEVED,
    }.get(recorded_text or "")
    scale = st.none() | st.lists(st.sampled_from(["未実施", "検討", "実施", "推進"]), min_size=1)
    indicator = Indicator(
        name=draw(text),
        baseline=parse_value(draw(cells)),
        target=Target(value=parse_value(draw(cells)), fiscal_year=draw(years)),
        actual=Actual(
            value=parse_value(draw(cells)),
            status=draw(st.sampled_from(ActualStatus)),
            fiscal_year=draw(years),
        ),
        style=draw(st.none() | st.sampled_from(default_judge().styles)),
        direction=draw(st.none() | st.sampled_from(Direction)),
        scale=None if (s := draw(scale)) is None else tuple(s),
    )
    return PlanIndicator(
        goal=Goal(number=draw(st.none() | st.integers(1, 3)), title=draw(st.sampled_from("AB"))),
        measure=Measure(
            number=draw(st.none() | st.integers(1, 3)),
            title=draw(text),
            priority=draw(st.booleans()),
        ),
        initiative=draw(text),
        indicator=indicator,
        recorded=recorded,
        recorded_text=None if recorded_text == "achieved" else recorded_text,
        note=draw(text),
        row=draw(st.none() | st.integers(1, 999)),
    )


plans = st.builds(
    Plan,
    title=text,
    baseline_year=years,
    target_year=years,
    scale=st.none() | st.lists(text, min_size=1).map(tuple),
    indicators=st.lists(plan_indicators(), max_size=6).map(tuple),
)


@settings(deadline=None)
@given(plans, st.sampled_from(FORMATS))
def test_generated_plans_round_trip(plan: Plan, fmt: Literal["yaml", "json"]) -> None:
    """Any plan whose values are read from cell text survives being written and read back."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        assert round_trip(plan, fmt, Path(folder)) == plan


def test_schema_describes_the_format() -> None:
    """The schema names the plan file's parts and refuses unknown keys."""
    schema = plan_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["properties"]) >= {"title", "baseline_year", "target_year", "goals"}
    entry = schema["$defs"]["IndicatorEntry"]
    assert entry["additionalProperties"] is False
    assert set(entry["required"]) == {"name", "target"}
    json.dumps(schema)


HAND_WRITTEN = """\
title: 台東区情報化推進計画
baseline_year: 2020
target_year: 2025
goals:
  - number: 1
    title: 区民サービスの提供
    measures:
      - number: 1
        title: デジタル行政窓口の整備
        priority: true
        indicators:
          - name: オンライン手続比率
            baseline: 10%
            target: 60%
            actual: 20%
            recorded: 未達成
          - name: 交付件数
            target: 110
            actual: 785
            direction: 上昇
"""


def test_hand_written_yaml(tmp_path: Path) -> None:
    """A YAML plan written by hand reads, with numbers taken as cell text and years filled in."""
    path = tmp_path / "plan.yml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    result = read_plan(path)
    assert result.problems == ()
    first, second = result.plan.indicators
    assert first.measure.priority
    assert first.recorded is Outcome.NOT_ACHIEVED
    assert first.indicator.target.fiscal_year == 2025
    assert second.indicator.target.value.text == "110"
    assert second.indicator.direction is Direction.HIGHER
    assert second.indicator.baseline.text == ""
    assert default_judge().judge(first.indicator).outcome is Outcome.NOT_ACHIEVED


def test_plan_file_cell_problems(tmp_path: Path) -> None:
    """A bad cell of a YAML plan names the line its indicator begins on, and the cell's path."""
    path = tmp_path / "plan.yaml"
    path.write_text(
        HAND_WRITTEN.replace("target: 110", "target: 110件未満").replace("上昇", "斜め"),
        encoding="utf-8",
    )
    result = read_plan(path)
    assert [(p.row, p.column, p.text, p.code) for p in result.problems] == [
        (17, "goals[0].measures[0].indicators[1].target", "110件未満", "cell.unreadable"),
        (17, "goals[0].measures[0].indicators[1].direction", "斜め", "cell.unknown_direction"),
    ]
    assert HAND_WRITTEN.splitlines()[17 - 1].strip() == "- name: 交付件数"
    assert "5文字目" in result.problems[0].message.ja  # 未満 begins at the 5th character
    assert result.rows == 2
    assert len(result.plan.indicators) == 1


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("bad.yaml", "goals: [\n", "YAML"),
        ("bad.json", '{"goals": [}', "JSON"),
        ("bad.yaml", "goals:\n  - title: x\n    colour: red\n", "goals[0].colour"),
        ("bad.json", "[1, 2]", "plan format"),
    ],
)
def test_bad_plan_files(tmp_path: Path, name: str, content: str, words: str) -> None:
    """A plan file that is not YAML / JSON, or not in the plan format, raises the library's error."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AchievementError, match=words.replace("[", r"\[")) as info:
        read_plan(path)
    assert info.value.file == str(path)
    assert info.value.ja


@pytest.mark.parametrize(
    ("module", "name", "extra"),
    [("yaml", "plan.yaml", "achievement[yaml]"), ("openpyxl", "plan.xlsx", "achievement[xlsx]")],
)
def test_missing_extra_names_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, module: str, name: str, extra: str
) -> None:
    """Without the optional library, reading says which extra to install, in both languages."""
    monkeypatch.setitem(sys.modules, module, None)
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(AchievementError) as info:
        read_plan(path)
    assert extra in info.value.en
    assert extra in info.value.ja


def test_example_yaml_is_the_csv_plan() -> None:
    """The example plan file is the Taito table written by dump_plan, and reads back as it."""
    example = Path(__file__).resolve().parent.parent / "examples/taito-2025/taito-2025.yaml"
    assert example.read_text(encoding="utf-8") == dump_plan(TAITO, "yaml")
    assert read_plan(example).plan == TAITO


@pytest.mark.parametrize(
    "cell", ["010", "1:30", "1_000", "10.50", "0x1F", "1e3", "2025-03-31", "yes"]
)
def test_yaml_cells_keep_their_text(tmp_path: Path, cell: str) -> None:
    """A plain YAML scalar in a cell field is read as the text written, never as another number."""
    path = tmp_path / "plan.yaml"
    path.write_text(
        "target_year: 2025\ngoals:\n- title: g\n  number: 1\n  measures:\n  - title: m\n"
        f"    priority: true\n    indicators:\n    - name: a\n      target: {cell}\n"
        f"      actual: {cell}\n      style: null\n",
        encoding="utf-8",
    )
    result = read_plan(path)
    texts = [p.text for p in result.problems]
    for item in result.plan.indicators:
        texts += [item.indicator.target.value.text, item.indicator.actual.value.text]
        assert item.indicator.target.fiscal_year == 2025
        assert item.measure.priority
        assert item.goal.number == 1
        assert item.indicator.style is None
    assert texts
    assert set(texts) == {cell}


def test_json_numbers_keep_their_text(tmp_path: Path) -> None:
    """A JSON number in a cell field is read as written: 10.50 stays 10.50."""
    path = tmp_path / "plan.json"
    path.write_text(
        '{"target_year": 2025, "goals": [{"title": "g", "measures": [{"title": "m", '
        '"indicators": [{"name": "a", "target": 10.50, "actual": 12}]}]}]}',
        encoding="utf-8",
    )
    (item,) = read_plan(path).plan.indicators
    assert item.indicator.target.value.text == "10.50"
    assert item.indicator.actual.value.text == "12"
    assert item.indicator.target.fiscal_year == 2025


def test_plan_file_unknown_recorded_is_a_warning(tmp_path: Path) -> None:
    """An unknown published outcome in a plan file is a warning, and the indicator is kept."""
    path = tmp_path / "plan.yaml"
    path.write_text(HAND_WRITTEN.replace("recorded: 未達成", "recorded: B"), encoding="utf-8")
    result = read_plan(path)
    assert [(p.row, p.column, p.text, p.code, p.severity) for p in result.problems] == [
        (12, "goals[0].measures[0].indicators[0].recorded", "B", "cell.unknown_recorded", "warning")
    ]
    assert len(result.plan.indicators) == 2
    assert result.plan.indicators[0].recorded_text == "B"


def test_format_errors_are_told_in_japanese(tmp_path: Path) -> None:
    """A plan file that breaks the format is told field by field, in Japanese words too."""
    path = tmp_path / "plan.yaml"
    path.write_text(
        "goals:\n  - title: g\n    measures:\n      - title: m\n        indicators:\n"
        "          - indicator: a\n            targt: 10件\n",
        encoding="utf-8",
    )
    with pytest.raises(AchievementError) as info:
        read_plan(path)
    ja = info.value.message("ja")
    assert "goals[0].measures[0].indicators[0].targt: この項目は使えません" in ja
    assert "goals[0].measures[0].indicators[0].target: 必須の項目がありません" in ja
    assert "Field required" in info.value.message("en")


def test_json_plan_problems_name_no_false_line(tmp_path: Path) -> None:
    """A bad cell of a JSON plan names the cell's path and no row, as JSON gives no line here."""
    data = {
        "goals": [
            {
                "title": "g",
                "measures": [
                    {
                        "title": "m",
                        "indicators": [
                            {"name": "a", "target": "1件", "actual": "1件"},
                            {"name": "b", "target": "1件", "actual": "1件", "direction": "斜め"},
                        ],
                    }
                ],
            }
        ]
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (problem,) = read_plan(path).problems
    assert (problem.row, problem.column) == (None, "goals[0].measures[0].indicators[1].direction")
    assert problem.line("ja").startswith(f"{path}: goals[0].measures[0].indicators[1].direction: ")
