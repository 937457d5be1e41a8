"""The plan file (YAML or JSON): goals, measures and indicators, with cells as text.

A city official can write it by hand: each indicator gives its baseline,
target and actual as the text of the published cell (``60%``, ``年5件(累計31件)``,
``推進``), and the library reads them as it reads a table.  Everything a table
reader finds is kept, so a plan read from a table, written out and read back
is the same plan.

Scalars are read as written: YAML's plain ``010``, ``1:30`` or ``1_000`` and
JSON's ``10.50`` stay that text, and fields that hold numbers or yes/no
(years, numbers, ``priority``) are read from it.

The flow is split: :mod:`._planparse` reads the text within bounds,
:mod:`._planformat` holds the file-format models and schema, and
:mod:`._planbuild` builds the plan's indicators from the entries.  This module
writes a plan back out (:func:`dump_plan`) and keeps every name importable
from here.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from achievement._model import ActualStatus
from achievement._plan import Goal, Measure, Plan, PlanIndicator
from achievement.readers._planbuild import load_plan
from achievement.readers._planformat import PlanFile, plan_schema, years_default
from achievement.readers._planparse import (
    indicator_lines,
    parse_plan_text,
    parse_text,
    safe_load_bounded,
    yaml_module,
)
from achievement.readers._planyears import interim_data, revision_data

__all__ = [
    "PlanFile",
    "dump_plan",
    "indicator_lines",
    "load_plan",
    "parse_plan_text",
    "parse_text",
    "plan_schema",
    "safe_load_bounded",
]

_YAML_BREAKS = frozenset("\x85\u2028\u2029")


def dump_plan(plan: Plan, fmt: Literal["yaml", "json"]) -> str:
    """The plan in the plan file format, as YAML or JSON text.

    The baseline, target and actual are written as their cell text, so
    :func:`read_plan` reads the file back into the same plan when every value
    is what its text reads as (as for every plan a reader returns).
    """
    data = _plan_data(plan)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    yaml = yaml_module()

    class Dumper(yaml.SafeDumper):  # type: ignore[misc,name-defined]
        pass

    def text(dumper: Any, value: str) -> Any:
        # NEL and the Unicode line separators only survive in double quotes
        style = '"' if _YAML_BREAKS & set(value) else "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    out: str = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    return out


def _plan_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data in the plan file format, defaults left out."""
    first = plan.indicators[0].indicator.actual if plan.indicators else None
    actual_year = None if first is None else first.fiscal_year
    actual_status = ActualStatus.FINAL if first is None else first.status
    data: dict[str, Any] = {}
    if plan.title:
        data["title"] = plan.title
    for key in ("baseline_year", "target_year"):
        if getattr(plan, key) is not None:
            data[key] = getattr(plan, key)
    if actual_year is not None:
        data["actual_year"] = actual_year
    if actual_status is not ActualStatus.FINAL:
        data["actual_status"] = actual_status.value
    if plan.scale is not None:
        data["scale"] = list(plan.scale)
    if plan.scheme is not None:
        data["scheme"] = plan.scheme
    goals: list[dict[str, Any]] = []
    goal: Goal | None = None
    measure: Measure | None = None
    for item in plan.indicators:
        if not goals or item.goal != goal:
            goal, measure = item.goal, None
            goals.append(_titled(goal.number, goal.title) | {"measures": []})
        if measure is None or item.measure != measure:
            measure = item.measure
            entry = _titled(measure.number, measure.title)
            if measure.priority:
                entry["priority"] = True
            goals[-1]["measures"].append(entry | {"indicators": []})
        goals[-1]["measures"][-1]["indicators"].append(
            _indicator_data(item, plan, actual_year, actual_status)
        )
    data["goals"] = goals
    return data


def _titled(number: int | None, title: str) -> dict[str, Any]:
    return ({} if number is None else {"number": number}) | {"title": title}


def _indicator_data(
    item: PlanIndicator,
    plan: Plan,
    actual_year: int | None,
    actual_status: ActualStatus,
) -> dict[str, Any]:
    indicator = item.indicator
    target_year = plan.target_year
    data: dict[str, Any] = {"name": indicator.name}
    if item.initiative:
        data["initiative"] = item.initiative
    if indicator.baseline.text:
        data["baseline"] = indicator.baseline.text
    data["target"] = indicator.target.value.text
    data["actual"] = indicator.actual.value.text
    if indicator.target.fiscal_year != target_year:
        data["target_year"] = indicator.target.fiscal_year
    if indicator.actual.fiscal_year != actual_year:
        data["actual_year"] = indicator.actual.fiscal_year
    if indicator.actual.status is not actual_status:
        data["actual_status"] = indicator.actual.status.value
    if indicator.series:
        data["series"] = [
            {"fiscal_year": point.fiscal_year, "value": point.value.text}
            | ({} if point.status is ActualStatus.FINAL else {"status": point.status.value})
            for point in indicator.series
        ]
    years = bool(indicator.series or indicator.interim or indicator.revisions)
    if indicator.baseline_year != years_default(plan.baseline_year, years):
        data["baseline_year"] = indicator.baseline_year
    if indicator.interim:
        data["interim"] = interim_data(indicator.interim)
    if indicator.revisions:
        data["revisions"] = revision_data(indicator.revisions)
    if indicator.style is not None:
        data["style"] = indicator.style
    if indicator.direction is not None:
        data["direction"] = indicator.direction.value
    if indicator.scale is not None:
        data["scale"] = list(indicator.scale)
    if item.recorded_text is not None:
        data["recorded"] = item.recorded_text
    elif item.recorded is not None:
        data["recorded"] = item.recorded.value
    if item.note:
        data["note"] = item.note
    if item.row is not None:
        data["row"] = item.row
    if item.main:
        data["main"] = True
    return data
