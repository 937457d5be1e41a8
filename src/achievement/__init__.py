"""achievement: judge whether the indicators of a public-sector plan met their targets.

>>> from achievement import judge
>>> judge(baseline="10%", target="60%", actual="20%").outcome
<Outcome.NOT_ACHIEVED: 'not_achieved'>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from achievement._errors import AchievementError, ParseError, PluginError, UnknownStyleError
from achievement._evaluator import Evaluator, Verdict, display, infer_direction, margin, meets
from achievement._hookspecs import hookimpl
from achievement._judge import (
    AUTOLOAD_ENV,
    ENTRY_POINT_GROUP,
    Judge,
    PluginFailure,
    PluginInfo,
    default_judge,
)
from achievement._model import (
    CORE_VALUE_KINDS,
    Actual,
    ActualStatus,
    Bound,
    Column,
    Comparison,
    Component,
    Components,
    Deadline,
    Direction,
    DirectionSource,
    DirectionWord,
    FiscalYear,
    Indicator,
    InterimKind,
    InterimTarget,
    Judgment,
    LocalizedText,
    Margin,
    Missing,
    Observation,
    Outcome,
    Period,
    PluginValue,
    Quantity,
    Reason,
    RelativeTarget,
    RunningTotal,
    StatusWord,
    Target,
    TargetBasis,
    TargetRevision,
    Trend,
    UnregisteredValue,
    Value,
)
from achievement._notation import parse_value
from achievement._plan import Goal, Measure, Plan, PlanIndicator
from achievement._registry import EvaluatorRegistry, ValueKindRegistry

if TYPE_CHECKING:
    __version__: str

_version: str | None = None

__all__ = [
    "AUTOLOAD_ENV",
    "CORE_VALUE_KINDS",
    "ENTRY_POINT_GROUP",
    "AchievementError",
    "Actual",
    "ActualStatus",
    "Bound",
    "Column",
    "Comparison",
    "Component",
    "Components",
    "Deadline",
    "Direction",
    "DirectionSource",
    "DirectionWord",
    "Evaluator",
    "EvaluatorRegistry",
    "FiscalYear",
    "Goal",
    "Indicator",
    "InterimKind",
    "InterimTarget",
    "Judge",
    "Judgment",
    "LocalizedText",
    "Margin",
    "Measure",
    "Missing",
    "Observation",
    "Outcome",
    "ParseError",
    "Period",
    "Plan",
    "PlanIndicator",
    "PluginError",
    "PluginFailure",
    "PluginInfo",
    "PluginValue",
    "Quantity",
    "Reason",
    "RelativeTarget",
    "RunningTotal",
    "StatusWord",
    "Target",
    "TargetBasis",
    "TargetRevision",
    "Trend",
    "UnknownStyleError",
    "UnregisteredValue",
    "Value",
    "ValueKindRegistry",
    "Verdict",
    "default_judge",
    "display",
    "hookimpl",
    "infer_direction",
    "judge",
    "margin",
    "meets",
    "parse_value",
]


def judge(
    *,
    baseline: str | None,
    target: str | None,
    actual: str | None,
    direction: Direction | str | None = None,
    style: str | None = None,
    name: str = "",
    projected: bool = False,
) -> Judgment:
    """Judge one indicator from its cells as published, with the default :class:`Judge`.

    ``baseline=None`` when there is none; ``direction`` is ``"higher"`` or
    ``"lower"`` when the plan states which way is better, otherwise it is
    inferred and the judgment says so; ``projected=True`` marks the actual as
    projected (見込) rather than final, as :meth:`Judge.judge_text` does.

    >>> judge(baseline="年3件", target="年0件", actual="年1件").message.en
    'actual 年1件 is above the target of at most 年0件: not achieved (lower is better, inferred from the target being below the baseline)'
    """
    return default_judge().judge_text(
        baseline=baseline,
        target=target,
        actual=actual,
        direction=direction,
        style=style,
        name=name,
        projected=projected,
    )


def __getattr__(name: str) -> str:
    if name == "__version__":
        global _version
        if _version is None:  # looked up once: each lookup reads the installed distributions
            from importlib.metadata import version

            _version = version("achievement")
        return _version
    raise AttributeError(f"module 'achievement' has no attribute {name!r}")
