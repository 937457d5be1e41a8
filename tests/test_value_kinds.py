"""Plugin value kinds: registered, read from cells, carried by reports and plan files, shown as
the plugin shows them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import hypothesis.strategies as st
import pytest
from hypothesis import given
from pydantic import TypeAdapter

import achievement
from achievement import (
    CORE_VALUE_KINDS,
    Actual,
    ActualStatus,
    Indicator,
    Judge,
    Judgment,
    Outcome,
    PluginError,
    PluginValue,
    Quantity,
    Target,
    UnregisteredValue,
    Value,
    ValueKindRegistry,
    default_judge,
    hookimpl,
)
from achievement._judge import AUTOLOAD_ENV
from achievement.cli import main
from achievement.readers import dump_plan, read_plan

from . import _value_kind_plugin
from ._value_kind_plugin import Deadline

PLUGIN_FILE = Path(_value_kind_plugin.__file__)
SHOWN = "令和7年度(2025年度)までに完了"
"""How the plugin displays the target ``令和7年度までに完了``."""

PLAN = """\
title: 期限の計画
target_year: 2025
goals:
  - title: 行政の効率化
    measures:
      - title: 窓口の改善
        indicators:
          - name: 新システムの導入
            target: 令和7年度までに完了
            actual: 完了
  - title: 人材の育成
    measures:
      - title: 職員の研修
        indicators:
          - name: 研修の回数
            baseline: 3回
            target: 10回
            actual: 12回
"""

VALUES: TypeAdapter[Value] = TypeAdapter(Value)


@pytest.fixture(autouse=True)
def _no_installed_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    default_judge.cache_clear()
    yield
    default_judge.cache_clear()


@pytest.fixture
def judge() -> Judge:
    return Judge(plugins=[_value_kind_plugin], autoload=False)


def test_core_kinds_are_listed_once() -> None:
    """The core kinds are the ``kind`` literals of the core value types."""
    assert {"quantity", "components", "running_total", "direction", "status", "missing"} <= (
        CORE_VALUE_KINDS
    )
    assert "by_deadline.deadline" not in CORE_VALUE_KINDS


def test_plugin_value_is_read_judged_and_displayed(judge: Judge) -> None:
    """The plugin's parse hook returns its own value; its evaluator judges it."""
    value = judge.parse_value("令和7年度までに完了", "target")
    assert value == Deadline(year=2025, task="完了", text="令和7年度までに完了")
    assert achievement.display(value) == SHOWN
    judgment = judge.judge_text(baseline=None, target="令和7年度までに完了", actual="完了")
    assert (judgment.style, judgment.outcome) == ("by_deadline", Outcome.ACHIEVED)
    assert judgment.message.ja == f"{SHOWN}: 完了のため達成"
    assert [k for p in judge.describe_plugins() for k in p.value_kinds] == ["by_deadline.deadline"]


def test_parse_hook_is_told_the_column(judge: Judge) -> None:
    """The parse hook gets the column of each cell, and may read a cell only in one column."""
    _value_kind_plugin.COLUMNS_SEEN.clear()
    judge.judge_text(baseline="3回", target="令和7年度までに完了", actual="完了")
    assert _value_kind_plugin.COLUMNS_SEEN == ["baseline", "target", "actual"]
    assert isinstance(judge.parse_value("令和7年度までに完了", "target"), Deadline)
    in_actual = judge.parse_value("令和7年度までに完了", "actual")  # not claimed: the notation's
    assert not isinstance(in_actual, Deadline)
    assert in_actual.kind in CORE_VALUE_KINDS


def test_value_round_trips_through_data(judge: Judge) -> None:
    """An indicator holding a plugin value dumps to JSON and validates back to the same class."""
    indicator = Indicator(
        target=Target(value=judge.parse_value("令和7年度までに完了", "target")),
        actual=Actual(value=judge.parse_value("完了", "actual")),
    )
    data = json.loads(indicator.model_dump_json())
    assert data["target"]["value"] == {
        "kind": "by_deadline.deadline",
        "text": "令和7年度までに完了",
        "year": 2025,
        "task": "完了",
    }
    assert Indicator.model_validate(data) == indicator
    assert Indicator.model_validate_json(indicator.model_dump_json()) == indicator


def test_unregistered_kind_keeps_every_field() -> None:
    """A kind that no loaded plugin registers is read back whole, shown as its text."""
    data = {"kind": "nobody.band", "text": "80%〜90%", "low": "80", "high": "90"}
    value = VALUES.validate_python(data)
    assert isinstance(value, UnregisteredValue)
    assert achievement.display(value) == "80%〜90%"
    assert VALUES.dump_python(value, mode="json") == data


def test_core_values_still_read_as_core_types() -> None:
    """A core kind in data is still its core type, and an unknown field is still refused."""
    data = {"kind": "quantity", "amount": "5", "text": "5件", "unit": "件"}
    assert VALUES.validate_python(data) == Quantity(amount=5, unit="件", text="5件")
    with pytest.raises(ValueError, match="Extra inputs are not permitted"):
        VALUES.validate_python({**data, "colour": "red"})


def _kinds_plugin(*kinds: object, name: str) -> object:
    class Plugin:
        __name__ = name

        @hookimpl
        def achievement_register_value_kinds(self, registry: ValueKindRegistry) -> None:
            for kind in kinds:
                registry.add(kind)  # type: ignore[arg-type]

    return Plugin()


def test_core_kind_name_is_refused() -> None:
    """A plugin value class named with a core kind is refused, naming the plugin and the hook."""

    class Fake(PluginValue):
        kind: Literal["quantity"] = "quantity"

    with pytest.raises(PluginError) as caught:
        Judge(plugins=[_kinds_plugin(Fake, name="faker")], autoload=False)
    assert caught.value.en == (
        "plugin 'faker', hook achievement_register_value_kinds: the value kind 'quantity' "
        "is a core kind; name yours after the plugin, e.g. 'faker.quantity'"
    )
    assert "プラグイン「faker」のフック achievement_register_value_kinds" in caught.value.ja


def test_kind_claimed_by_two_plugins_is_refused() -> None:
    """Two plugins adding one kind are refused, naming both."""

    class Other(PluginValue):
        kind: Literal["by_deadline.deadline"] = "by_deadline.deadline"

    with pytest.raises(PluginError, match="claimed by two plugins"):
        Judge(plugins=[_value_kind_plugin, _kinds_plugin(Other, name="other")], autoload=False)


def test_non_value_class_is_refused() -> None:
    """Registering something that is not a PluginValue subclass names the plugin and the hook."""
    with pytest.raises(PluginError) as caught:
        Judge(plugins=[_kinds_plugin(Quantity, name="wrong")], autoload=False)
    assert caught.value.en.startswith("plugin 'wrong', hook achievement_register_value_kinds: ")
    assert "subclass achievement.PluginValue" in caught.value.en


def test_plan_file_round_trip(tmp_path: Path, judge: Judge) -> None:
    """A plan file with a plugin value reads, writes and reads back to the same plan."""
    source = tmp_path / "plan.yaml"
    source.write_text(PLAN, encoding="utf-8")
    first = read_plan(source, judge=judge)
    assert first.problems == ()
    target = first.plan.indicators[0].indicator.target.value
    assert target == Deadline(year=2025, task="完了", text="令和7年度までに完了")
    for fmt in ("yaml", "json"):
        again = tmp_path / f"again.{fmt}"
        again.write_text(dump_plan(first.plan, fmt), encoding="utf-8")
        assert read_plan(again, judge=judge).plan == first.plan


@pytest.mark.parametrize("fmt", ["text", "md", "json", "csv", "xlsx", "html"])
def test_every_format_shows_the_plugin_display(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """Every report format shows the plugin's display of its value, never a core rendering."""
    source = tmp_path / "plan.yaml"
    source.write_text(PLAN, encoding="utf-8")
    out = tmp_path / f"report.{fmt}"
    argv = ["report", str(source), "--plugin", str(PLUGIN_FILE), "--format", fmt, "-o", str(out)]
    code = main([*argv, "--detail"] if fmt == "text" else argv)
    assert code == 0, capsys.readouterr().err
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(out, read_only=True)
        cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
        text = "\n".join(cells)
    else:
        text = out.read_text(encoding="utf-8")
    assert SHOWN in text
    assert "2,025" not in text


def test_json_report_carries_the_value_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON report carries each value with its kind; the plugin's value validates back."""
    source = tmp_path / "plan.yaml"
    source.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "report.json"
    assert main(["report", str(source), "--plugin", str(PLUGIN_FILE), "-o", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    first, second = report["indicators"]
    assert first["target"]["display"] == SHOWN
    value = VALUES.validate_python(first["target"]["value"])
    assert isinstance(value, PluginValue)
    assert (value.kind, value.text, achievement.display(value)) == (
        "by_deadline.deadline",
        "令和7年度までに完了",
        SHOWN,
    )
    assert VALUES.dump_python(value, mode="json") == first["target"]["value"]
    assert VALUES.validate_python(second["target"]["value"]) == Quantity(
        amount=10, unit="回", text="10回"
    )


@pytest.mark.parametrize(
    ("projected", "status"), [(True, ActualStatus.PROJECTED), (False, ActualStatus.FINAL)]
)
def test_one_line_judge_takes_projected(
    monkeypatch: pytest.MonkeyPatch, projected: bool, status: ActualStatus
) -> None:
    """``achievement.judge(projected=...)`` marks the actual as ``Judge.judge_text`` does."""
    seen: list[Indicator] = []
    original = Judge.judge

    def spy(self: Judge, indicator: Indicator) -> Judgment:
        seen.append(indicator)
        return original(self, indicator)

    monkeypatch.setattr(Judge, "judge", spy)
    judgment = achievement.judge(baseline=None, target="60%", actual="70%", projected=projected)
    assert judgment.outcome is Outcome.ACHIEVED
    assert [i.actual.status for i in seen] == [status]


_JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=8)


@given(
    year=st.integers(min_value=2019, max_value=2100),
    task=st.text(alphabet="完了実施策定導入", min_size=1, max_size=4),
)
def test_plugin_value_round_trips_for_any_fields(year: int, task: str) -> None:
    """Any value of the registered kind dumps to JSON and validates back equal, as its class."""
    Judge(plugins=[_value_kind_plugin], autoload=False)  # registers the kind in this process
    value = Deadline(year=year, task=task, text=f"令和{year - 2018}年度までに{task}")
    again = VALUES.validate_json(VALUES.dump_json(value))
    assert type(again) is Deadline
    assert again == value


@given(
    extra=st.dictionaries(
        st.text(alphabet="abcdefgh_", min_size=1, max_size=6),  # never "kind" or "text"
        _JSON_SCALARS,
        max_size=4,
    )
)
def test_unregistered_value_keeps_any_fields(extra: dict[str, object]) -> None:
    """A value of an unknown plugin kind reads back with every field it had, unchanged."""
    data = {"kind": "nobody.thing", "text": "何か", **extra}
    value = VALUES.validate_python(data)
    assert isinstance(value, UnregisteredValue)
    assert VALUES.dump_python(value, mode="json") == data


@given(year=st.integers(min_value=1000, max_value=9999), unit=st.sampled_from(["年度", "年"]))
def test_years_have_no_thousands_separator(year: int, unit: str) -> None:
    """A year is written as a year, never ``2,025年度``."""
    value = Quantity(amount=year, unit=unit, text=f"{year}{unit}")
    assert achievement.display(value) == f"{year}{unit}"


def test_plan_read_without_a_judge_asks_the_default_judges_plugins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a plan with no judge given reads cells as the default judge does, plugins first."""

    class Tens:
        __name__ = "tens"

        @hookimpl
        def achievement_register_value_kinds(self, registry: ValueKindRegistry) -> None:
            registry.add(Deadline)

        @hookimpl
        def achievement_parse_value(self, text: str, column: str | None) -> Value | None:
            if column == "target" and text == "10回":
                return Deadline(year=2025, task="十回", text=text)
            return None

    monkeypatch.setattr(
        "achievement._judge.default_judge", lambda: Judge(plugins=[Tens()], autoload=False)
    )
    source = tmp_path / "plan.yaml"
    source.write_text(PLAN, encoding="utf-8")
    indicators = {i.indicator.name: i.indicator for i in read_plan(source).plan.indicators}
    training = indicators["研修の回数"]
    assert training.target.value == Deadline(year=2025, task="十回", text="10回")


def test_parse_hook_returning_an_unregistered_kind_is_refused() -> None:
    """A plugin value whose class the plugin did not register is named: it would not read back."""

    class Forgetful:
        __name__ = "forgetful"

        @hookimpl
        def achievement_parse_value(self, text: str) -> Value | None:
            return Deadline(year=2025, task="完了", text=text)

    with pytest.raises(PluginError) as caught:
        Judge(plugins=[Forgetful()], autoload=False).parse_value("期限")
    assert caught.value.en == (
        "plugin 'forgetful', hook achievement_parse_value: read '期限' as a value of kind "
        "'by_deadline.deadline', which the plugin did not register; add its class in "
        "achievement_register_value_kinds"
    )


def test_parse_hook_must_keep_the_cell_text() -> None:
    """A value whose text is not the cell as given is refused: reports show what was published."""

    class Tidy:
        __name__ = "tidy"

        @hookimpl
        def achievement_parse_value(self, text: str) -> Value | None:
            return Quantity(amount=60, unit="%", text="60%")

    with pytest.raises(PluginError) as caught:
        Judge(plugins=[Tidy()], autoload=False).parse_value("６割")
    assert caught.value.en == (
        "plugin 'tidy', hook achievement_parse_value: read '６割' into a value whose text is "
        "'60%'; keep the cell text as given (text=text)"
    )
    assert "セルの文字をそのまま text に入れてください" in caught.value.ja


def test_batch_path_tells_the_parse_hook_the_column() -> None:
    """``judge_table`` reads each cell with its column, so a column-aware plugin is obeyed."""
    pl = pytest.importorskip("polars")
    from achievement.batch import judge_table

    _value_kind_plugin.COLUMNS_SEEN.clear()
    rows = pl.DataFrame(
        {
            "baseline": ["3件", None],
            "target": ["令和7年度までに完了", "10件"],
            "actual": ["完了", "12件"],
        }
    )
    judged = judge_table(rows, judge=Judge(plugins=[_value_kind_plugin], autoload=False))
    assert judged["outcome"].to_list() == ["achieved", "achieved"]
    assert judged["judged_style"].to_list() == ["by_deadline", "threshold"]
    assert set(_value_kind_plugin.COLUMNS_SEEN) <= {"baseline", "target", "actual"}
    assert {"baseline", "target", "actual"} <= set(_value_kind_plugin.COLUMNS_SEEN)


def test_parse_hook_is_told_the_column_of_series_interim_and_revision_cells() -> None:
    """A plan file's earlier actuals, interim targets and revisions reach the hook with a column."""
    seen: set[tuple[str | None, str]] = set()

    class Recorder:
        __name__ = "recorder"

        @hookimpl
        def achievement_parse_value(self, text: str, column: str | None) -> Value | None:
            seen.add((column, text))
            return None

    plan = Path(__file__).parent.parent / "examples" / "five-year-plan" / "plan-r6-final.yaml"
    read_plan(plan, judge=Judge(plugins=[Recorder()], autoload=False))
    assert ("actual", "105万冊") in seen  # a value of the series
    assert ("interim", "115万冊") in seen  # a mid-term target
    assert ("target", "8万件") in seen  # a revised target
    assert not {text for column, text in seen if column is None}


def test_parse_hook_is_told_the_column_of_a_tables_year_columns() -> None:
    """Every cell of a table with year columns, earlier years included, reaches the hook with one."""
    seen: set[tuple[str | None, str]] = set()

    class Recorder:
        __name__ = "recorder"

        @hookimpl
        def achievement_parse_value(self, text: str, column: str | None) -> Value | None:
            seen.add((column, text))
            return None

    table = Path(__file__).parent / "data" / "dx-plan-two-row-header.csv"
    result = read_plan(table, judge=Judge(plugins=[Recorder()], autoload=False))
    assert any(i.indicator.series for i in result.plan.indicators)
    assert seen
    assert not {text for column, text in seen if column is None}
