"""Model instances from values the library built and typed itself, without validating again.

:func:`built` does what ``model_construct`` does without its per-field loop: the
caller gives every field, defaults included, and the set of fields validation
would have recorded as given.  Data from a user is validated, never passed here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from achievement._model import Bound, Period, Quantity

__all__ = ["assembled", "built", "typed_quantity"]

M = TypeVar("M", bound=BaseModel)
_new = object.__new__
_set = object.__setattr__


def built(cls: type[M], fields: dict[str, Any], given: set[str]) -> M:
    """An instance of ``cls`` holding ``fields`` (every field, already of its type), unvalidated.

    ``given`` is the set of fields validation would have recorded as set; it may be
    shared between instances (pydantic copies it before changing it).

    >>> from achievement._model import Margin
    >>> from decimal import Decimal
    >>> one = built(Margin, {"difference": Decimal(1), "ratio": None, "unit": "件"}, {"difference"})
    >>> one == Margin(difference=Decimal(1), ratio=None, unit="件"), one.model_fields_set
    (True, {'difference'})
    """
    model: M = _new(cls)
    _set(model, "__dict__", fields)
    _set(model, "__pydantic_fields_set__", given)
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


_QUANTITY_GIVEN = {"amount", "unit", "period", "bound", "text"}


def typed_quantity(
    amount: Decimal, unit: str | None, period: Period | None, bound: Bound | None, text: str
) -> Quantity:
    """``Quantity(amount=..., unit=..., period=..., bound=..., text=...)`` of parts the notation
    read, already of their types: built without validating them again."""
    fields = {
        "kind": "quantity",
        "amount": amount,
        "unit": unit,
        "period": period,
        "bound": bound,
        "text": text,
        "note": None,
        "provisional": False,
        "from_fraction": False,
    }
    return built(Quantity, fields, _QUANTITY_GIVEN)


def assembled(cls: type[M], fields_set: set[str], /, **values: Any) -> M:
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
"""Each class's fields, in their declared order, as :func:`assembled` sets them."""
