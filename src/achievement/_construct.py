"""Model instances from values the library built and typed itself, without validating again.

:func:`built` does what ``model_construct`` does without its per-field loop: the
caller gives every field, defaults included, and the set of fields validation
would have recorded as given.  Data from a user is validated, never passed here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel

from achievement._model import Bound, Period, Quantity

__all__ = ["built", "typed_quantity"]

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
