"""Lean judgments: what many judgments have in common is built once and shared.

Judging many indicators gives the same few verdicts again and again.  A judge
keeps, in its own cache, the reason and the message of each distinct verdict
and each distinct margin, and the whole judgment of each distinct verdict and
margin (judgments are frozen), and builds every :class:`Judgment` without
validating again what it built itself; every judgment shares the one set of
field names validation would have recorded.  A judgment of a repeated verdict
then costs a few hundred bytes (see ``benchmarks/``).  The indicator of cells
the judge read itself is built the same way (:func:`indicator_of`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from achievement._construct import built
from achievement._evaluator import Verdict
from achievement._model import (
    VALUE_TYPES,
    Actual,
    ActualStatus,
    Direction,
    DirectionSource,
    Indicator,
    Judgment,
    LocalizedText,
    Margin,
    Missing,
    Outcome,
    PluginValue,
    Reason,
    Target,
    Value,
)

__all__ = ["SHARED_LIMIT", "indicator_of", "is_missing", "judgment", "trusted"]

_JUDGMENT_FIELDS = {
    "outcome",
    "style",
    "reason",
    "message",
    "direction",
    "direction_source",
    "margin",
    "comparison",
}
_REASON_FIELDS = {"code", "params"}
SHARED_LIMIT = 1 << 16
"""How many distinct verdicts and margins a cache keeps before starting afresh."""
_WHOLE = object()
"""Marks the key of a whole judgment in the shared cache."""


def _explained(
    shared: dict[object, Any], style: str, verdict: Verdict, render: Callable[[], LocalizedText]
) -> tuple[Reason, LocalizedText]:
    params = dict(verdict.params)
    key = (
        style,
        verdict.code,
        tuple(params.items()),
        verdict.direction,
        verdict.direction_source,
        verdict.notes,
    )
    found = shared.get(key)
    if found is None:
        if len(shared) >= SHARED_LIMIT:
            shared.clear()
        if isinstance(verdict.code, str) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in params.items()
        ):
            reason = built(Reason, {"code": verdict.code, "params": params}, _REASON_FIELDS)
        else:  # validated, so that a plugin's wrong types are refused as before
            reason = Reason(code=verdict.code, params=params)
        found = shared[key] = (reason, render())
    explained: tuple[Reason, LocalizedText] = found
    return explained


def judgment(
    shared: dict[object, Any], style: str, verdict: Verdict, render: Callable[[], LocalizedText]
) -> Judgment:
    """The judgment of ``verdict`` under ``style``; ``render()`` makes its message when new.

    Raises :class:`TypeError` or :class:`ValueError` for what validation would
    refuse (a margin that is not a :class:`Margin`, an unknown outcome or direction).
    """
    margin = verdict.margin
    margin_key: tuple[object, ...] | None = None
    if margin is not None:
        if not isinstance(margin, Margin):
            raise TypeError(f"margin must be a Margin, not {type(margin).__name__}")
        # as written: Decimal("1.0") == Decimal("1.00"), but they do not read the same
        margin_key = (str(margin.difference), str(margin.ratio), margin.unit)
    whole = (
        _WHOLE,
        verdict.outcome,
        style,
        verdict.code,
        tuple(verdict.params.items()),
        verdict.direction,
        verdict.direction_source,
        verdict.notes,
        margin_key,
    )
    found: Judgment | None = shared.get(whole)
    if found is not None:  # the same verdict again: the same (frozen) judgment
        return found
    reason, message = _explained(shared, style, verdict, render)
    if margin is not None:
        margin = shared.setdefault(margin_key, margin)
    outcome, way, source = verdict.outcome, verdict.direction, verdict.direction_source
    fields = {
        "outcome": outcome if type(outcome) is Outcome else Outcome(outcome),
        "style": style,
        "reason": reason,
        "message": message,
        "direction": way if way is None or type(way) is Direction else Direction(way),
        "direction_source": (
            source if source is None or type(source) is DirectionSource else DirectionSource(source)
        ),
        "margin": margin,
        "comparison": None,
    }
    made = built(Judgment, fields, _JUDGMENT_FIELDS)
    if len(shared) >= SHARED_LIMIT:
        shared.clear()
    shared[whole] = made
    return made


_CORE_TYPES = frozenset(VALUE_TYPES)
_TARGET_GIVEN = {"value"}
_ACTUAL_GIVEN = {"value", "status"}
_INDICATOR_GIVEN = {"name", "baseline", "target", "actual", "style", "direction"}


def is_missing(value: Value) -> bool:
    """``isinstance(value, Missing)``, without asking the model class when the type is a core one."""
    kind = type(value)
    return kind is Missing or (kind not in _CORE_TYPES and isinstance(value, Missing))


def trusted(value: Value) -> bool:
    """Whether ``value`` is of a core value class or a plugin's, as validation requires."""
    return type(value) in _CORE_TYPES or isinstance(value, PluginValue)


def indicator_of(
    name: str,
    baseline: Value,
    goal: Value,
    reached: Value,
    style: str | None,
    direction: Direction | None,
    status: ActualStatus,
) -> Indicator:
    """The indicator ``Indicator(...)`` would validate from these typed values, built directly."""
    target = built(Target, {"value": goal, "fiscal_year": None}, _TARGET_GIVEN)
    actual = built(Actual, {"value": reached, "status": status, "fiscal_year": None}, _ACTUAL_GIVEN)
    fields = {
        "name": name,
        "baseline": baseline,
        "target": target,
        "actual": actual,
        "style": style,
        "direction": direction,
        "scale": None,
        "series": (),
        "baseline_year": None,
        "interim": (),
        "revisions": (),
    }
    return built(Indicator, fields, _INDICATOR_GIVEN)
