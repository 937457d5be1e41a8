"""Lean judgments: shared reasons and messages, built without validating twice, same values."""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Mapping
from typing import Any

import pytest

from achievement import (
    Direction,
    Indicator,
    Judge,
    Judgment,
    Outcome,
    Plan,
    Verdict,
)
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
