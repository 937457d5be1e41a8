"""Shared fixtures: the Taito plan built from the example CSV, judged once."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from achievement import (
    Actual,
    Goal,
    Indicator,
    Measure,
    Outcome,
    Plan,
    PlanIndicator,
    Target,
    parse_value,
)
from achievement.rollup import Report, evaluate_plan

# No test depends on the speed of a shared machine: no deadline, no too-slow health check.
settings.register_profile(
    "achievement", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# CI draws the same examples on every run (derandomize): a red build is never a lucky draw.
settings.register_profile(
    "ci", settings.get_profile("achievement"), derandomize=True, database=None, print_blob=True
)
settings.register_profile("fuzz", max_examples=5000, deadline=None)
"""``--hypothesis-profile=fuzz``: thousands of examples for the fuzz of the command."""
settings.load_profile("ci" if os.environ.get("CI") else "achievement")

ROOT = Path(__file__).resolve().parent.parent
TAITO_CSV = ROOT / "examples" / "taito-2025" / "taito-2025.csv"

_GOAL = re.compile(r"【基本目標(\d+)】\s*(.*)", re.S)
_MEASURE = re.compile(r"(\d+)\.\s*(.*?)\s*(\(重点施策\))?$", re.S)
_RECORDED = {"達成": Outcome.ACHIEVED, "未達成": Outcome.NOT_ACHIEVED}


def build_taito_plan(path: Path = TAITO_CSV) -> Plan:
    """The Taito plan from its CSV; blank goal and measure cells continue the row above."""
    entries: list[PlanIndicator] = []
    goal: Goal | None = None
    measure: Measure | None = None
    with path.open(encoding="utf-8", newline="") as handle:
        handle.readline()  # the plan's name, above the header row
        for row_number, row in enumerate(csv.DictReader(handle), start=3):
            if row["基本目標"].strip():
                found = _GOAL.fullmatch(row["基本目標"].strip())
                assert found is not None
                goal = Goal(number=int(found[1]), title=found[2])
            if row["施策"].strip():
                found = _MEASURE.fullmatch(row["施策"].strip())
                assert found is not None
                measure = Measure(number=int(found[1]), title=found[2], priority=bool(found[3]))
            assert goal is not None
            assert measure is not None
            indicator = Indicator(
                name=row["評価指標"],
                baseline=parse_value(row["計画策定時(令和2年度末)"]),
                target=Target(value=parse_value(row["目標(令和7年度)"]), fiscal_year=2025),
                actual=Actual(
                    value=parse_value(row["令和7年度 実績見込"]),
                    status="projected",
                    fiscal_year=2025,
                ),
            )
            entries.append(
                PlanIndicator(
                    goal=goal,
                    measure=measure,
                    initiative=row["取り組み"],
                    indicator=indicator,
                    recorded=_RECORDED.get(row["評価"].strip()),
                    recorded_text=row["評価"],
                    note=row["取組状況等"],
                    row=row_number,
                )
            )
    return Plan(
        title="台東区情報化推進計画",
        baseline_year=2020,
        target_year=2025,
        indicators=tuple(entries),
    )


@pytest.fixture(scope="session")
def taito_plan() -> Plan:
    """The Taito plan as transcribed in the example CSV."""
    return build_taito_plan()


@pytest.fixture(scope="session")
def taito_report(taito_plan: Plan) -> Report:
    """The Taito plan judged and rolled up with the default judge."""
    return evaluate_plan(taito_plan)
