"""The JSON report written piece by piece is the same text as the JSON document built whole."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from achievement import Plan
from achievement.render import json_
from achievement.rollup import Report, evaluate_plan
from achievement.strategies import plans


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("empty", [False, True], ids=["taito", "empty"])
def test_chunks_make_the_document(taito_report: Report, lang: str, empty: bool) -> None:
    report = evaluate_plan(Plan()) if empty else taito_report
    whole = json.dumps(json_.to_data(report, lang=lang), ensure_ascii=False, indent=2)
    streamed = "".join(json_.chunks(report, lang=lang))
    assert streamed == whole + "\n"
    assert len(list(json_.chunks(report, lang=lang))) > len(report.results)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text() | st.integers() | st.booleans() | st.none(), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(_JSON, st.integers(min_value=0, max_value=3))
@example([math.nan, math.inf, -math.inf, 1.5, {1: None, None: True, False: []}, (), {}], 1)
@example({"値": ["達成", 'a"b\\c\n', 10**30, -0.0]}, 2)
def test_indented_text_is_the_standard_encoders(value: object, depth: int) -> None:
    """Each piece is json.dumps(indent=2, ensure_ascii=False), shifted by ``depth`` levels."""
    from achievement.render.json_ import _dumps

    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
    assert _dumps(value, depth) == expected


@given(plans(max_indicators=6), st.sampled_from(["binary", "degree", "soumu5"]))
def test_shared_parts_are_written_as_each_row_alone(plan: Plan, scheme: str) -> None:
    """Rows that share goals, values, targets and judgments read as each would on its own."""
    report = evaluate_plan(plan, scheme=scheme)
    whole = json.dumps(json_.to_data(report, lang="en"), ensure_ascii=False, indent=2)
    assert "".join(json_.chunks(report, lang="en")) == whole + "\n"


@pytest.mark.parametrize(
    "name",
    [
        "tests/data/deadlines.csv",
        "tests/data/dx-plan-two-row-header.csv",
        "examples/five-year-plan/plan-r6-final.yaml",
    ],
)
def test_tables_with_years_stream_as_built_whole(name: str) -> None:
    from pathlib import Path

    from achievement.readers import read_plan

    read = read_plan(Path(__file__).parent.parent / name)
    report = evaluate_plan(read.plan, scheme="degree", problems=read.problems)
    whole = json.dumps(json_.to_data(report, lang="ja"), ensure_ascii=False, indent=2)
    assert "".join(json_.chunks(report, lang="ja")) == whole + "\n"
