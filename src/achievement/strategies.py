"""Hypothesis strategies for published cells, values, targets, indicators and plans.

Install the ``testing`` extra (``pip install 'achievement[testing]'``).  Every
strategy builds valid data directly, never by filtering, and every value
carries cell text that :func:`~achievement.parse_value` reads back to it.  The
``*_cases(outcome)`` strategies build indicators whose outcome under one
built-in style is known in advance: they are the oracles of the law suite in
:mod:`achievement.testing`.

Through hypothesis' own entry point the model types are registered, so that
``st.from_type(Target)`` works once ``achievement`` is installed.
"""

from __future__ import annotations

import hypothesis.strategies as st

from achievement._model import (
    Actual,
    Components,
    Deadline,
    DirectionWord,
    Indicator,
    Judgment,
    Missing,
    Quantity,
    RunningTotal,
    StatusWord,
    Target,
)
from achievement._plan import Plan
from achievement._strategies_cases import (
    case_strategy,
    cumulative_cases,
    deadline_boundary_cases,
    deadline_cases,
    direction_cases,
    judgments,
    ordinal_cases,
    threshold_cases,
)
from achievement._strategies_values import (
    DIRECTION_MEANINGS,
    LABELS,
    STATUS_WORDS,
    UNITS,
    actuals,
    amounts,
    cell_text,
    cell_texts,
    components,
    deadlines,
    direction_words,
    indicators,
    missing,
    plans,
    quantities,
    running_totals,
    status_words,
    targets,
    values,
)

__all__ = [
    "DIRECTION_MEANINGS",
    "LABELS",
    "STATUS_WORDS",
    "UNITS",
    "actuals",
    "amounts",
    "case_strategy",
    "cell_text",
    "cell_texts",
    "components",
    "cumulative_cases",
    "deadline_boundary_cases",
    "deadline_cases",
    "deadlines",
    "direction_cases",
    "direction_words",
    "indicators",
    "judgments",
    "missing",
    "ordinal_cases",
    "plans",
    "quantities",
    "register_types",
    "running_totals",
    "status_words",
    "targets",
    "threshold_cases",
    "values",
]


def register_types() -> None:
    """Register the model types, so that ``st.from_type(Target)`` and the like work.

    Called through hypothesis' entry point, and when this module is imported.
    """
    st.register_type_strategy(Quantity, quantities())
    st.register_type_strategy(Components, components())
    st.register_type_strategy(RunningTotal, running_totals())
    st.register_type_strategy(DirectionWord, direction_words())
    st.register_type_strategy(StatusWord, status_words())
    st.register_type_strategy(Missing, missing())
    st.register_type_strategy(Deadline, deadlines())
    st.register_type_strategy(Target, targets())
    st.register_type_strategy(Actual, actuals())
    st.register_type_strategy(Indicator, indicators())
    st.register_type_strategy(Plan, plans())
    st.register_type_strategy(Judgment, st.deferred(judgments))


register_types()
