"""The hypothesis strategies of ``achievement.strategies``."""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from achievement import (
    Actual,
    Components,
    Indicator,
    Judgment,
    Plan,
    Quantity,
    RunningTotal,
    Target,
    parse_value,
)
from achievement import strategies as ast


def _without_text(value: object) -> object:
    if isinstance(value, Quantity):
        return value.model_copy(update={"text": ""})
    if isinstance(value, Components):
        items = tuple(i.model_copy(update={"value": _without_text(i.value)}) for i in value.items)
        return value.model_copy(update={"items": items, "text": ""})
    if isinstance(value, RunningTotal):
        return value.model_copy(
            update={
                "annual": _without_text(value.annual),
                "total": _without_text(value.total),
                "text": "",
            }
        )
    return value.model_copy(update={"text": ""})  # type: ignore[attr-defined]


@given(ast.values())
def test_cell_text_reads_back_to_the_value(value: object) -> None:
    """The cell text of every generated value is read back by the notation to the same value."""
    text = ast.cell_text(value)  # type: ignore[arg-type]
    assert _without_text(parse_value(text)) == _without_text(value)


@given(ast.values())
def test_values_keep_their_text(value: object) -> None:
    """Every generated value carries the cell text it would be published as."""
    if not isinstance(value, ast.Missing):
        assert value.text == ast.cell_text(value)  # type: ignore[attr-defined, arg-type]


@given(ast.cell_texts())
def test_messy_cell_texts_are_read(text: str) -> None:
    """Full-width and PDF-broken cell texts are read by the notation."""
    parse_value(text)


SLOW_OK = settings(suppress_health_check=[HealthCheck.too_slow])
"""Plans and judgments are large to build; slow generation is expected on a busy machine."""


@pytest.mark.parametrize("kind", [Target, Actual, Indicator, Plan, Judgment, Quantity])
@SLOW_OK
@given(data=st.data())
def test_from_type_works(kind: type, data: st.DataObject) -> None:
    """The hypothesis entry point registers the model types for ``st.from_type``."""
    assert isinstance(data.draw(st.from_type(kind)), kind)


@SLOW_OK
@given(ast.plans())
def test_plans_count_their_rows(plan: Plan) -> None:
    """A generated plan lists each indicator under a measure, possibly one twice."""
    names = [(row.measure.number, row.row) for row in plan.indicators]
    assert len(set(names)) == len(names)


def test_case_strategies_build_without_filtering() -> None:
    """The case strategies build their cases directly: the source has no filter or assume."""
    import inspect

    source = inspect.getsource(ast)
    assert ".filter(" not in source
    assert "assume(" not in source
