"""The JSON report written piece by piece is the same text as the JSON document built whole."""

from __future__ import annotations

import json

import pytest

from achievement import Plan
from achievement.render import json_
from achievement.rollup import Report, evaluate_plan


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("empty", [False, True], ids=["taito", "empty"])
def test_chunks_make_the_document(taito_report: Report, lang: str, empty: bool) -> None:
    report = evaluate_plan(Plan()) if empty else taito_report
    whole = json.dumps(json_.to_data(report, lang=lang), ensure_ascii=False, indent=2)
    streamed = "".join(json_.chunks(report, lang=lang))
    assert streamed == whole + "\n"
    assert len(list(json_.chunks(report, lang=lang))) > len(report.results)
