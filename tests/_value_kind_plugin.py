"""A plugin with a value kind of its own: a deadline target, ``令和7年度までに完了``.

The value keeps the fiscal year and the task; reports show it as the plugin
displays it (``令和7年度(2025年度)までに完了``), never as a number.  Loaded by
module name in the tests and as a file by ``--plugin``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Literal

from achievement import (
    Column,
    EvaluatorRegistry,
    Indicator,
    Outcome,
    PluginValue,
    StatusWord,
    Value,
    ValueKindRegistry,
    Verdict,
    display,
    hookimpl,
)

STYLE = "by_deadline"
_DEADLINE = re.compile(r"^令和(?P<n>\d+)年度までに(?P<task>\S+)$")
COLUMNS_SEEN: list[Column | None] = []
"""The columns the parse hook was called for, in order (the tests read it)."""


class Deadline(PluginValue):
    """A task to finish by the end of a fiscal year."""

    kind: Literal["by_deadline.deadline"] = "by_deadline.deadline"
    year: int
    task: str

    def display(self) -> str:
        """The era year with its Western year, then the task."""
        return f"令和{self.year - 2018}年度({self.year}年度)までに{self.task}"


@hookimpl
def achievement_register_value_kinds(registry: ValueKindRegistry) -> None:
    """Add the deadline value kind."""
    registry.add(Deadline)


@hookimpl
def achievement_parse_value(text: str, column: Column | None) -> Value | None:
    """Read ``令和N年度までにX`` as a deadline, in the target column only."""
    COLUMNS_SEEN.append(column)
    if column not in ("target", None):
        return None
    match = _DEADLINE.match(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return None
    return Deadline(year=2018 + int(match["n"]), task=match["task"], text=text)


@hookimpl
def achievement_infer_style(indicator: Indicator) -> str | None:
    """Claim every deadline target."""
    return STYLE if isinstance(indicator.target.value, Deadline) else None


class DeadlineEvaluator:
    """Achieved when the actual says the task is done (the task word itself)."""

    style = STYLE
    messages: Mapping[str, Mapping[str, str]] = {
        f"{STYLE}.done": {"ja": "{target}: {actual}のため達成", "en": "{target}: {actual}"},
        f"{STYLE}.not_done": {
            "ja": "{target}: {actual}のため未達成",
            "en": "{target}: {actual}, not done",
        },
        f"{STYLE}.incomparable": {"ja": "{target}と比べられないため評価不能", "en": "{target}"},
    }

    def evaluate(self, indicator: Indicator) -> Verdict:
        """Compare the actual word with the task."""
        target, actual = indicator.target.value, indicator.actual.value
        params = {"target": display(target), "actual": display(actual)}
        if not isinstance(target, Deadline) or not isinstance(actual, StatusWord):
            return Verdict(Outcome.NOT_EVALUABLE, f"{STYLE}.incomparable", params)
        if actual.word == target.task:
            return Verdict(Outcome.ACHIEVED, f"{STYLE}.done", params)
        return Verdict(Outcome.NOT_ACHIEVED, f"{STYLE}.not_done", params)


@hookimpl
def achievement_register_evaluators(registry: EvaluatorRegistry) -> None:
    """Add the deadline evaluator."""
    registry.add(DeadlineEvaluator())
