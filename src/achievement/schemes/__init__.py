"""Grading schemes: judge the same plan the way other public bodies grade it.

A :class:`Scheme` is data: it reads one of the :class:`Measurements` of a
judged indicator (met or not, achievement degree, progress, change against the
baseline) and turns it into a grade label.  Presets: ``binary`` (the default),
``degree``, ``progress``, ``baseline-4``, ``kenko21`` and ``soumu5``; plugins
add more through ``achievement_register_schemes``, and a YAML or JSON file can
change a preset or state a new scheme.

>>> from achievement import judge
>>> from achievement.schemes import get_scheme
>>> from achievement import parse_value, Indicator, Target, Actual
>>> row = Indicator(name="電子決裁利用率", baseline=parse_value("31%"),
...                 target=Target(value=parse_value("100%")), actual=Actual(value=parse_value("99%")))
>>> from achievement import default_judge
>>> get_scheme("degree").grade(row, default_judge().judge(row)).label
'B'
"""

from __future__ import annotations

from achievement.schemes._load import SchemeFileError, get_scheme, load_scheme
from achievement.schemes._measure import Basis, Measurements, measure
from achievement.schemes._measures import grade_measure
from achievement.schemes._registry import SchemeRegistry, UnknownSchemeError
from achievement.schemes._scheme import Condition, Grade, Scheme
from achievement.schemes._tally import GradeTally

__all__ = [
    "Basis",
    "Condition",
    "Grade",
    "GradeTally",
    "Measurements",
    "Scheme",
    "SchemeFileError",
    "SchemeRegistry",
    "UnknownSchemeError",
    "get_scheme",
    "grade_measure",
    "load_scheme",
    "measure",
]
