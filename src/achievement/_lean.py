"""Lean judgments: what many judgments have in common is built once and shared.

Judging many indicators gives the same few verdicts again and again.  A judge
keeps, in its own cache, the reason and the message of each distinct verdict
and each distinct margin, and the whole judgment of each distinct verdict
and margin (judgments are frozen), and builds every :class:`Judgment` without
validating again what it built itself; every judgment shares the one set of
field names validation would have recorded.  A judgment of a repeated verdict
then costs a few hundred bytes (see ``benchmarks/``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from achievement._evaluator import Verdict
from achievement._model import (
    Direction,
    DirectionSource,
    Judgment,
    LocalizedText,
    Margin,
    Outcome,
    Reason,
)

__all__ = ["judgment", "trusted"]

_M = TypeVar("_M", bound=BaseModel)
_WHOLE = object()
"""Marks the key of a whole judgment in the shared cache."""

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


def _explained(
    shared: dict[object, Any],
    key: tuple[object, ...],
    verdict: Verdict,
    params: dict[str, Any],
    render: Callable[[], LocalizedText],
) -> tuple[Reason, LocalizedText]:
    found = shared.get(key)
    if found is None:
        if len(shared) >= SHARED_LIMIT:
            shared.clear()
        if isinstance(verdict.code, str) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in params.items()
        ):
            reason = Reason.model_construct(_REASON_FIELDS, code=verdict.code, params=params)
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
    params = dict(verdict.params)
    key = (
        style,
        verdict.code,
        tuple(params.items()),
        verdict.direction,
        verdict.direction_source,
        verdict.notes,
    )
    margin = verdict.margin
    margin_key: tuple[object, ...] | None = None
    if margin is not None:
        if not isinstance(margin, Margin):
            raise TypeError(f"margin must be a Margin, not {type(margin).__name__}")
        # as written: Decimal("1.0") == Decimal("1.00"), but they do not read the same
        margin_key = (str(margin.difference), str(margin.ratio), margin.unit)
    whole = (_WHOLE, verdict.outcome, key, margin_key)
    found: Judgment | None = shared.get(whole)
    if found is not None:  # the same verdict again: the same (frozen) judgment
        return found
    reason, message = _explained(shared, key, verdict, params, render)
    if margin_key is not None:
        margin = shared.setdefault(margin_key, margin)
    way, source = verdict.direction, verdict.direction_source
    made = Judgment.model_construct(
        _JUDGMENT_FIELDS,
        outcome=Outcome(verdict.outcome),
        style=style,
        reason=reason,
        message=message,
        direction=None if way is None else Direction(way),
        direction_source=None if source is None else DirectionSource(source),
        margin=margin,
        comparison=None,
    )
    if len(shared) >= SHARED_LIMIT:
        shared.clear()
    shared[whole] = made
    return made


def trusted(cls: type[_M], fields_set: set[str], /, **values: Any) -> _M:
    """An instance of ``cls`` from ``values`` its caller built as validation would.

    Nothing is validated again, and every instance made at one place shares the
    one ``fields_set`` (the names of ``values``, as validation would record them);
    fields not given take their defaults.  Only for values of the right types, made
    by this package: a frozen model's set is never changed (copies get their own).
    The fields are set one by one in their declared order, so that the instances of
    a class share one table of keys (a dict made whole holds its own keys: about
    half the size, for a model of ten fields).
    """
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = tuple(
            (name, _MADE if field.default_factory is not None else field.default, field)
            for name, field in cls.model_fields.items()
        )
    if not values.keys() <= cls.model_fields.keys():
        unknown = sorted(values.keys() - cls.model_fields.keys())
        raise TypeError(f"{cls.__name__} has no field {unknown[0]!r}")
    made = cls.__new__(cls)
    held = made.__dict__  # a new instance's dict: it shares the class's table of keys
    for name, default, field in fields:
        if name in values:
            held[name] = values[name]
        elif default is _MADE:
            held[name] = field.get_default(call_default_factory=True)
        elif default is PydanticUndefined:
            raise TypeError(f"{cls.__name__} needs {name!r}")
        else:  # a default value is immutable (models are frozen): shared as validation does
            held[name] = default
    object.__setattr__(made, "__pydantic_fields_set__", fields_set)
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", None)
    return made


_MADE = object()
"""Marks a field whose default is made by a factory, afresh for each instance."""
_FIELDS: dict[type[BaseModel], tuple[tuple[str, object, FieldInfo], ...]] = {}
"""Each class's fields, in their declared order, as :func:`trusted` sets them."""
