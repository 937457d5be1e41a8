"""The achievement rate: achieved over evaluable, in percent, exact."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["achievement_rate"]

_RATE_PLACES = Decimal("0.1")


def achievement_rate(achieved: int, not_achieved: int) -> Decimal | None:
    """The rate in percent, rounded half-up to one place; ``None`` when both are zero.

    >>> achievement_rate(20, 8)
    Decimal('71.4')
    >>> achievement_rate(1, 7)
    Decimal('12.5')
    """
    evaluable = achieved + not_achieved
    if evaluable == 0:
        return None
    return (Decimal(100 * achieved) / Decimal(evaluable)).quantize(_RATE_PLACES, ROUND_HALF_UP)
