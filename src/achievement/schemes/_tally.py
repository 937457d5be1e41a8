"""Counting grades: how many indicators got each grade of a scheme, and the scheme's rate."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from achievement._model import Frozen
from achievement.schemes._scheme import Grade, Scheme

__all__ = ["GradeTally"]


class GradeTally(Frozen):
    """The count of each grade of a scheme, best first, zeros included.

    ``ungraded`` counts indicators without a grade (not evaluable under a
    scheme without a ``cannot_assess`` grade), so the counts and ``ungraded``
    always add up to the number of indicators.  ``rate`` is the scheme's
    achievement rate (:meth:`Scheme.rate`).

    >>> from achievement.schemes import get_scheme
    >>> binary = get_scheme("binary")
    >>> GradeTally.of(binary, [binary.grades[0]] * 20 + [binary.grades[1]] * 8 + [None])
    GradeTally(counts={'達成': 20, '未達成': 8}, ungraded=1, rate=Decimal('71.4'))
    """

    counts: dict[str, int]
    ungraded: int = 0
    rate: Decimal | None = None

    @classmethod
    def of(
        cls,
        scheme: Scheme,
        grades: Iterable[Grade | None],
        evaluable: Iterable[bool] | None = None,
    ) -> GradeTally:
        """Count ``grades`` under ``scheme``; ``evaluable`` as for :meth:`Scheme.rate`."""
        given = list(grades)
        counts = dict.fromkeys(scheme.labels, 0)
        for grade in given:
            if grade is not None:
                counts[grade.label] += 1
        return cls(
            counts=counts,
            ungraded=sum(grade is None for grade in given),
            rate=scheme.rate(given, evaluable),
        )
