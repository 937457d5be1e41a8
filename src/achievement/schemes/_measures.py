"""Grading a measure (施策) from the grades of its indicators, as ``soumu5`` does.

The national management-by-objectives policy evaluation classes a measure, not
an indicator, and leans on its main indicators (主要な指標).  The reading
implemented here, with the five grades of the scheme best first:

1. 目標超過達成: every indicator met, and every main indicator far above its
   target (graded as the first grade);
2. 目標達成: every indicator met;
3. 相当程度進展あり: every main indicator met or close to its target;
4. 進展が大きくない: otherwise, while some main indicator moves forward;
5. 目標に向かっていない: no main indicator moves toward its target.

When no indicator of the measure is flagged main, every indicator counts as
main.  Indicators without a grade, or with the scheme's ``cannot_assess``
grade, are left out; a measure left with none gets ``cannot_assess`` (or no
grade).
"""

from __future__ import annotations

from collections.abc import Iterable

from achievement.schemes._scheme import Grade, Scheme

__all__ = ["grade_measure"]


def grade_measure(scheme: Scheme, graded: Iterable[tuple[Grade | None, bool]]) -> Grade | None:
    """The grade of a measure from ``(grade, main)`` for each of its indicators.

    ``scheme`` must grade per measure with five grades, as ``soumu5`` does.
    """
    if not scheme.per_measure or len(scheme.grades) != 5:
        raise ValueError(f"scheme {scheme.name!r} does not grade measures")
    skip = None if scheme.cannot_assess is None else scheme.cannot_assess.label
    items = [(grade, main) for grade, main in graded if grade is not None and grade.label != skip]
    if not items:
        return scheme.cannot_assess
    mains = [grade for grade, main in items if main] or [grade for grade, _ in items]
    ranks = [scheme.rank(grade) for grade in mains]
    best, met, near, forward, away = scheme.grades
    if all(grade.achieved for grade, _ in items):
        return best if all(rank == 0 for rank in ranks) else met
    if all(rank <= scheme.rank(near) for rank in ranks):
        return near
    if all(rank == scheme.rank(away) for rank in ranks):
        return away
    return forward
