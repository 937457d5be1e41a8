"""Published grades: a 評価 column that holds a scheme's own labels (A / B / C, ◎○△).

When a plan is graded with a scheme other than ``binary`` and its published
judgment cell is one of that scheme's labels, the cell is the published grade:
it is compared with the computed grade, and it is not an unknown word.  Under
``binary`` the published cell keeps its reading as an outcome (達成, 未達成).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from achievement.schemes._scheme import Grade, Scheme

if TYPE_CHECKING:
    from achievement._plan import PlanIndicator
    from achievement.readers._result import Problem

__all__ = ["published_grade", "published_text", "without_published_grades"]

_BINARY = "binary"


def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def published_grade(scheme: Scheme, text: str | None) -> Grade | None:
    """The grade of ``scheme`` a published cell names, or ``None``.

    A cell names a grade when, width-normalised and without spaces, it is the
    grade's label or its English label (case aside).  ``binary`` names none.

    >>> from achievement.schemes import get_scheme
    >>> published_grade(get_scheme("degree"), "Ｂ").label, published_grade(get_scheme("degree"), "達成")
    ('B', None)
    >>> published_grade(get_scheme("binary"), "達成") is None
    True
    """
    if text is None or not text.strip() or scheme.name == _BINARY:
        return None
    key = _key(text)
    for grade in (*scheme.grades, *filter(None, [scheme.cannot_assess])):
        names = {grade.label, *filter(None, [grade.label_en])}
        if key in {_key(name) for name in names}:
            return grade
    return None


def published_text(entry: PlanIndicator) -> str | None:
    """The published judgment cell of a plan row as written, or ``None``."""
    if entry.recorded_text is not None:
        return entry.recorded_text
    return None if entry.recorded is None else entry.recorded.value


def without_published_grades(problems: Iterable[Problem], scheme: Scheme) -> tuple[Problem, ...]:
    """``problems`` without the unknown-outcome warnings on cells that name a grade of ``scheme``.

    Under a scheme other than ``binary``, the warning on a cell that names none of its
    grades says so, with the scheme's grades (it asks for ``--scheme`` otherwise, which
    was given).
    """
    kept = []
    for found in problems:
        if found.code != "cell.unknown_recorded":
            kept.append(found)
        elif published_grade(scheme, found.text) is None:
            kept.append(found if scheme.name == _BINARY else _not_a_grade(found, scheme))
    return tuple(kept)


def _not_a_grade(found: Problem, scheme: Scheme) -> Problem:
    from achievement._model import LocalizedText

    labels_ja = "、".join(g.label for g in scheme.grades)
    labels_en = ", ".join(g.label_en or g.label for g in scheme.grades)
    message = LocalizedText(
        ja=f"評価「{found.text}」は評価区分「{scheme.name}」の区分({labels_ja})でも、"
        "達成・未達成・評価不能でもありません(指標は判定します)。表の区分に合う評価区分を "
        "--scheme で指定してください",
        en=f"published outcome {found.text!r} is neither a grade of the scheme "
        f"{scheme.name!r} ({labels_en}) nor 達成 / 未達成 / 評価不能 (the indicator is still "
        "judged); name the scheme whose grades the table uses with --scheme",
    )
    return found.model_copy(update={"message": message})
