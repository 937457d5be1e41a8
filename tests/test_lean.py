"""Lean judgments: shared reasons and messages, built without validating twice, same values."""

from __future__ import annotations

import gc
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from achievement import (
    Actual,
    Direction,
    Goal,
    Indicator,
    Judge,
    Judgment,
    Margin,
    Measure,
    Outcome,
    ParseError,
    Plan,
    PlanIndicator,
    Target,
    Verdict,
    parse_value,
)
from achievement.strategies import cell_texts
from tests._plugin_helpers import EvaluatorPlugin


def test_judgments_are_what_validation_gives(taito_plan: Plan) -> None:
    judge = Judge(autoload=False)
    for entry in taito_plan.indicators:
        judgment = judge.judge(entry.indicator)
        again = Judgment.model_validate(judgment.model_dump())
        assert again == judgment
        assert again.model_fields_set == judgment.model_fields_set


def test_repeated_verdicts_share_reason_and_message() -> None:
    judge = Judge(autoload=False)
    one = judge.judge_text(baseline="36件", target="110件", actual="785件")
    two = judge.judge_text(baseline="36件", target="110件", actual="785件")
    other = judge.judge_text(baseline="36件", target="110件", actual="786件")
    assert one.message is two.message
    assert one.reason is two.reason
    assert other.message.ja != one.message.ja
    assert other.outcome is Outcome.ACHIEVED


def test_a_judgment_of_a_repeated_verdict_stays_small() -> None:
    judge = Judge(autoload=False)
    indicator = judge.judge_text  # warm the caches with one verdict
    indicator(baseline="31%", target="100%", actual="99%")
    gc.collect()
    tracemalloc.start()
    kept = [indicator(baseline="31%", target="100%", actual="99%") for _ in range(2000)]
    used = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert len(kept) == 2000
    assert used / len(kept) < 1024


class _Loose:
    """A plugin evaluator whose verdict carries plain strings and a bad margin on demand."""

    numeric = False
    messages: Mapping[str, Mapping[str, str]] = {
        "loose.ok": {"ja": "達成", "en": "achieved"},
    }

    def __init__(self, style: str, **verdict: Any) -> None:
        self.style = style
        self._verdict = verdict

    def evaluate(self, indicator: Indicator) -> Verdict:
        return Verdict(outcome=Outcome.ACHIEVED, code="loose.ok", **self._verdict)


def test_plain_strings_from_a_plugin_become_enums() -> None:
    evaluator = _Loose("loose", direction="lower")
    judge = Judge(autoload=False, plugins=[EvaluatorPlugin(evaluator)])
    judgment = judge.judge_text(baseline=None, target="1件", actual="1件", style="loose")
    assert judgment.direction is Direction.LOWER
    assert judgment.direction_source is None


@pytest.mark.parametrize(
    "verdict", [{"margin": "1.5"}, {"direction": "sideways"}, {"params": {"n": 1}}]
)
def test_what_validation_refuses_is_still_refused(verdict: dict[str, Any]) -> None:
    judge = Judge(autoload=False, plugins=[EvaluatorPlugin(_Loose("loose", **verdict))])
    judgment = judge.judge_text(baseline=None, target="1件", actual="1件", style="loose")
    assert judgment.outcome is Outcome.NOT_EVALUABLE
    assert judgment.reason.code == "judge.evaluator_failed"


def test_cells_are_read_once_and_refusals_every_time() -> None:
    from achievement import ParseError

    judge = Judge(autoload=False)
    first = judge._read("110件", "target")
    assert judge._read("110件", "target") is first
    for _ in range(2):
        with pytest.raises(ParseError):
            judge.judge_text(baseline=None, target="x%%", actual="1件")


def test_a_repeated_verdict_gives_the_one_judgment() -> None:
    judge = Judge(autoload=False)
    one = judge.judge_text(baseline="36件", target="110件", actual="785件")
    two = judge.judge_text(baseline="36件", target="110件", actual="785件")
    other = judge.judge_text(baseline="36件", target="110件", actual="786件")
    assert two is one
    assert other is not one
    assert other.margin is not None
    assert str(other.margin.difference) == "676"


class _MarginOfName:
    """Achieved, with the margin written in the indicator's name (``1.0``, ``1.00``)."""

    style = "named"
    numeric = False
    messages: Mapping[str, Mapping[str, str]] = {"named.ok": {"ja": "達成", "en": "achieved"}}

    def evaluate(self, indicator: Indicator) -> Verdict:
        margin = Margin(difference=Decimal(indicator.name), ratio=None)
        return Verdict(outcome=Outcome.ACHIEVED, code="named.ok", margin=margin)


def test_margins_equal_in_value_but_written_apart_are_not_merged() -> None:
    judge = Judge(autoload=False, plugins=[EvaluatorPlugin(_MarginOfName())])
    texts = ["1.0", "1.00", "1", "1.0"]
    judged = [
        judge.judge_text(baseline=None, target="1件", actual="1件", style="named", name=text)
        for text in texts
    ]
    assert [str(j.margin.difference) if j.margin else "" for j in judged] == texts
    assert judged[3] is judged[0]


def test_rows_read_share_targets_and_equal_what_validation_gives() -> None:
    from achievement.readers import read_plan

    text = "基本目標,施策,指標名,策定時,目標値,実績値\n" + "".join(
        f"1 安全,1 見守り,指標{i},{i}件,110件,{i % 3}件\n" for i in range(4)
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.csv"
        path.write_text(text, encoding="utf-8")
        plan = read_plan(path).plan
    entries = plan.indicators
    assert [e.indicator.name for e in entries] == ["指標0", "指標1", "指標2", "指標3"]
    assert entries[1].indicator.target is entries[0].indicator.target
    assert entries[3].indicator.actual is entries[0].indicator.actual
    assert entries[1].indicator.actual is not entries[0].indicator.actual
    assert entries[2].measure is entries[0].measure
    for entry in entries:
        again = PlanIndicator.model_validate(entry.model_dump())
        assert again == entry
        assert again.model_fields_set == entry.model_fields_set
        assert entry.indicator.model_fields_set == {  # as Indicator(...) records them
            "name",
            "baseline",
            "target",
            "actual",
            "style",
            "direction",
            "series",
        }


def test_shared_measurements_and_progress_read_as_computed() -> None:
    from achievement.rollup import evaluate_plan
    from achievement.schemes._measure import measure

    judge = Judge(autoload=False)
    cells = [("5件", "10件", "10件"), ("5件", "10件", "10.0件"), ("5.0件", "10件", "10.00件")]
    entries = tuple(
        PlanIndicator(
            goal=Goal(title="g"),
            measure=Measure(title="m"),
            indicator=Indicator(
                name=f"i{n}",
                baseline=parse_value(b),
                target=Target(value=parse_value(t)),
                actual=Actual(value=parse_value(a)),
            ),
        )
        for n, (b, t, a) in enumerate(cells * 2)
    )
    report = evaluate_plan(Plan(indicators=entries), judge, scheme="degree")
    written = set()
    for result in report.results:
        fresh = measure(result.entry.indicator, result.judgment)
        assert result.measurements is not None
        shown = {k: str(v) for k, v in result.measurements.__dict__.items()}
        assert shown == {k: str(v) for k, v in fresh.__dict__.items()}
        written.add((shown["degree"], str(result.progress)))
    assert written == {("1", "1.0000"), ("1.0", "1.0000"), ("1.00", "1.0000")}
    assert report.results[3].measurements is report.results[0].measurements


def test_assembled_models_equal_validated_ones_and_share_their_key_table() -> None:
    from achievement._construct import assembled

    target, actual = Target(value=parse_value("110件")), Actual(value=parse_value("99件"))
    made = assembled(Indicator, {"target", "actual"}, target=target, actual=actual)
    assert made == Indicator(target=target, actual=actual)
    assert made.model_fields_set == {"target", "actual"}
    assert made.series == ()
    assert made.baseline == parse_value("")
    with pytest.raises(TypeError, match="no field 'actuall'"):
        assembled(Indicator, {"target"}, target=target, actuall=actual)
    with pytest.raises(TypeError, match="needs 'actual'"):
        assembled(Indicator, {"target"}, target=target)
    # measured in a fresh process: a type's table of keys is its first instances' order
    code = (
        "import gc, tracemalloc\n"
        "from achievement import Actual, Indicator, Target, parse_value\n"
        "from achievement._construct import assembled\n"
        "values = dict(baseline=parse_value('36件'), target=Target(value=parse_value('110件')),\n"
        "              actual=Actual(value=parse_value('99件')))\n"
        "fields = set(values)\n"
        "gc.collect()\n"
        "tracemalloc.start()\n"
        "kept = [assembled(Indicator, fields, **values) for _ in range(2000)]\n"
        "print(tracemalloc.get_traced_memory()[0] / len(kept))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(done.stdout) < 320  # a dict of its own: 80 + 464 bytes


def test_a_text_under_no_header_between_read_columns_is_named() -> None:
    from achievement.readers import read_plan

    text = "基本目標,施策,指標名,,策定時,目標値,実績値\n1 安全,1 見守り,指標,メモ,1件,2件,3件\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.csv"
        path.write_text(text, encoding="utf-8")
        result = read_plan(path)
    assert result.unread_columns == ("D",)
    assert len(result.plan.indicators) == 1


_texts = st.one_of(st.none(), cell_texts())


@settings(max_examples=150, deadline=None)
@given(
    baseline=_texts,
    target=_texts,
    actual=_texts,
    direction=st.sampled_from([None, "higher", "lower", Direction.LOWER]),
    projected=st.booleans(),
    name=st.text(max_size=5),
)
def test_judge_text_builds_the_indicator_validation_gives(
    baseline: str | None,
    target: str | None,
    actual: str | None,
    direction: str | None,
    projected: bool,
    name: str,
) -> None:
    from achievement import ActualStatus, Target
    from achievement._lean import indicator_of

    judge = Judge(autoload=False)
    try:
        values = [judge.parse_value(t) for t in (baseline, target, actual)]
    except ParseError:
        return  # refused before any indicator is built (tested in test_notation)
    way = None if direction is None else Direction(direction)
    status = ActualStatus.PROJECTED if projected else ActualStatus.FINAL
    fast = indicator_of(name, *values, None, way, status)
    validated = Indicator(
        name=name,
        baseline=values[0],
        target=Target(value=values[1]),
        actual=Actual(value=values[2], status=status),
        style=None,
        direction=way,
    )
    assert fast == validated
    assert fast.model_dump() == validated.model_dump()
    for one, other in ((fast, validated), (fast.target, validated.target)):
        assert one.model_fields_set == other.model_fields_set
    assert fast.actual.model_fields_set == validated.actual.model_fields_set
    assert judge.judge(fast) == judge.judge(validated)
    assert judge.judge_text(
        baseline=baseline, target=target, actual=actual, direction=direction, projected=projected
    ) == judge.judge(validated.model_copy(update={"name": ""}))


def test_judge_text_validates_what_it_did_not_build() -> None:
    from pydantic import ValidationError

    judge = Judge(autoload=False)
    with pytest.raises(ValidationError):
        judge.judge_text(baseline=None, target="1件", actual="1件", name=3)  # type: ignore[arg-type]


def test_margins_of_decimals_are_built_and_other_numbers_validated() -> None:
    from decimal import Decimal

    from pydantic import ValidationError

    from achievement import Margin, margin

    built_one = margin(Decimal("3"), Decimal("2"), "件")
    assert built_one == Margin(difference=Decimal(1), ratio=Decimal("1.5000"), unit="件")
    assert built_one.model_fields_set == {"difference", "ratio", "unit"}
    mixed = margin(3, Decimal("2"), None)  # type: ignore[arg-type]
    assert mixed == Margin(difference=Decimal(1), ratio=Decimal("1.5000"))
    with pytest.raises(ValidationError):  # a unit that is not text is refused, as before
        margin(Decimal("3"), Decimal("2"), 5)  # type: ignore[arg-type]


def _fields_sets(model: object) -> list[object]:
    """The field sets of ``model`` and of every model inside it, in order (``kind`` left out:
    it names the class, which the comparison checks itself)."""
    from pydantic import BaseModel

    if isinstance(model, BaseModel):
        inner = [_fields_sets(getattr(model, name)) for name in type(model).model_fields]
        return [model.model_fields_set - {"kind"}, *inner]
    if isinstance(model, tuple):
        return [_fields_sets(item) for item in model]
    return []


@settings(max_examples=300, deadline=None)
@given(text=cell_texts())
def test_read_values_are_what_validation_gives(text: str) -> None:
    from pydantic import TypeAdapter

    from achievement import Value, parse_value

    try:
        value = parse_value(text)
    except ParseError:
        return  # refused (tested in test_notation)
    # validated from the fields it says were given, as the reader's own call gave them
    given = value.model_dump(exclude_unset=True) | {"kind": value.kind}
    again = TypeAdapter(Value).validate_python(given)
    assert again == value
    assert type(again) is type(value)
    assert _fields_sets(again) == _fields_sets(value)
