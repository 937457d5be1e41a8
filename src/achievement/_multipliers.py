"""Numbers written with 億, 万, 千 and 百万: ``1億2345万6789``, ``125.3万``, ``5百万``.

The notation matches a number followed by a *tail* of multipliers, each with an
optional number after it; :func:`with_multipliers` works out the amount and refuses
the forms that could be read two ways.
"""

from __future__ import annotations

import re
from decimal import Decimal

from achievement._errors import ParseError

__all__ = ["PLAIN", "with_multipliers"]

PLAIN = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
"""A whole number, with or without thousands separators: the part after a multiplier."""

_MULTIPLIERS = {
    "億": Decimal(100_000_000),
    "百万": Decimal(1_000_000),
    "万": Decimal(10_000),
    "千": Decimal(1_000),
}
_TAIL = re.compile(r"\s*(?P<mult>百万|億|万|千)\s*(?P<num>[0-9,]+)?")


def with_multipliers(original: str, m: re.Match[str], first: Decimal) -> Decimal:
    """The amount of a number written with 億, 万, 千 or 百万: ``1億2345万6789``, ``1.2万``.

    Each multiplier must be smaller than the one before it, and each part smaller
    than the multiplier before it (``1万2千`` is 12,000; ``1万2万`` and ``1万12000`` are
    refused); each multiplier after the first needs its own number (``1万千`` is refused);
    only a number with a single multiplier may have a decimal point.
    """
    parts = list(_TAIL.finditer(m.group("tail")))
    sign = -1 if first < 0 else 1
    amount, previous, number = Decimal(0), None, abs(first)
    for k, part in enumerate(parts):
        factor = _MULTIPLIERS[part.group("mult")]
        at = m.start("tail") + part.start("mult")
        if previous is not None and (factor >= previous or number * factor >= previous):
            raise ParseError(
                original,
                at,
                "the parts of a number with 億, 万 or 千 must get smaller (1億2345万6789)",
                "億・万・千で書いた数は、位が大きい順に書いてください(1億2345万6789)",
            )
        if number != number.to_integral_value() and len(parts) > 1:
            raise ParseError(
                original,
                m.start("num"),
                "a number with several of 億, 万 and 千 must be whole",
                "億・万・千を複数使う数に小数点は使えません",
            )
        amount += number * factor
        previous = factor
        raw = part.group("num")
        if raw is None and k < len(parts) - 1:
            # 1万千 is 11,000 to a reader, 10,000 if the missing number were 0: refused
            raise ParseError(
                original,
                m.start("tail") + parts[k + 1].start("mult"),
                "write the number before each of 億, 万 and 千 (1万1千, not 1万千)",
                "億・万・千の前には数を書いてください(1万千ではなく1万1千)",
            )
        number = Decimal(0) if raw is None else Decimal(raw.replace(",", ""))
        if raw is not None and k == len(parts) - 1:
            if number >= factor:
                raise ParseError(
                    original,
                    m.start("tail") + part.start("num"),
                    "the part after 億, 万 or 千 must be smaller than it (125万3467)",
                    "億・万・千の後の数は、その位より小さくなければなりません(125万3467)",
                )
            amount += number
    if amount == amount.to_integral_value():
        amount = amount.quantize(Decimal(1))  # 3.5万 is 35000, not 35000.0
    return sign * amount
