"""The plan file format: the models of its goals, measures and indicators, and its schema.

Every cell is text, as published; fields that hold numbers or yes/no (years,
numbers, ``priority``) are read from it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from achievement._model import ActualStatus
from achievement.readers._planyears import InterimEntry, RevisionEntry

__all__ = [
    "SCHEMA_DIALECT",
    "GoalEntry",
    "IndicatorEntry",
    "MeasureEntry",
    "PlanFile",
    "SeriesEntry",
    "plan_schema",
    "years_default",
]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


class SeriesEntry(_Entry):
    """The value of an indicator in a year before its actual's (a column of a year series)."""

    fiscal_year: int = Field(description="the fiscal year of the value")
    value: str = Field(description="the cell, as text")
    status: ActualStatus = Field(ActualStatus.FINAL, description="final (確定) or projected (見込)")


class IndicatorEntry(_Entry):
    """One indicator (評価指標) of a measure, with its cells as published."""

    name: str = Field(description="評価指標: the indicator's name")
    initiative: str = Field("", description="取り組み: the initiative(s) it measures")
    baseline: str = Field("", description="計画策定時: the baseline cell, as text; blank when none")
    target: str = Field(description="目標: the target cell, as text (60%, 増加, 推進, ...)")
    actual: str = Field("", description="実績: the actual cell, as text; blank or ― when none")
    target_year: int | None = Field(
        None, description="fiscal year of the target; the plan's target_year when left out"
    )
    actual_year: int | None = Field(
        None, description="fiscal year of the actual; the plan's actual_year when left out"
    )
    actual_status: ActualStatus | None = Field(
        None,
        description="final (確定) or projected (見込); the plan's actual_status when left out",
    )
    series: list[SeriesEntry] = Field(
        default_factory=list,
        description="the values of the years before the actual's, oldest first "
        "(read by a judgment as of a year, a relative target and the trajectory)",
    )
    baseline_year: int | None = Field(
        None,
        description="fiscal year of the baseline; when left out, the plan's baseline_year "
        "for an indicator with a series, interim targets or revisions",
    )
    interim: list[InterimEntry] = Field(
        default_factory=list,
        description="targets for years before the target year (年度別目標, 中間目標, 目安値)",
    )
    revisions: list[RevisionEntry] = Field(
        default_factory=list,
        description="revised targets, each in force from a fiscal year on (the target stays "
        "the original)",
    )
    style: str | None = Field(None, description="evaluation style; inferred when left out")
    direction: str | None = Field(
        None,
        description="which way is better: higher / lower (上昇 / 低下); inferred when left out",
    )
    scale: list[str] | None = Field(
        None, description="this indicator's ordinal scale of status words, lowest first"
    )
    recorded: str | None = Field(
        None, description="評価: the judgment the plan published (達成, 未達成, 評価不能)"
    )
    note: str = Field("", description="取組状況等: notes kept beside the judgment")
    row: int | None = Field(None, description="the row of the source table, if any")
    main: bool = Field(
        False, description="主要な指標: a main indicator of its measure (read by soumu5)"
    )


class MeasureEntry(_Entry):
    """A measure (施策) and its indicators."""

    number: int | None = Field(None, description="the measure's number")
    title: str = Field(description="施策: the measure's title")
    priority: bool = Field(False, description="重点施策: whether it is a priority measure")
    indicators: list[IndicatorEntry] = Field(default_factory=list)


class GoalEntry(_Entry):
    """A basic goal (基本目標) and its measures."""

    number: int | None = Field(None, description="the goal's number")
    title: str = Field(description="基本目標: the goal's title")
    measures: list[MeasureEntry] = Field(default_factory=list)


class PlanFile(_Entry):
    """A plan: its fiscal years and its goals, measures and indicators."""

    model_config = ConfigDict(
        title="achievement plan", json_schema_extra={"$schema": SCHEMA_DIALECT}
    )

    title: str = Field("", description="the plan's title")
    baseline_year: int | None = Field(None, description="fiscal year of the baseline (計画策定時)")
    target_year: int | None = Field(None, description="fiscal year of the targets (目標年度)")
    actual_year: int | None = Field(None, description="fiscal year of the actuals, by default")
    actual_status: ActualStatus = Field(
        ActualStatus.FINAL, description="final or projected (見込), by default"
    )
    scale: list[str] | None = Field(
        None, description="the plan's ordinal scale of status words, lowest first"
    )
    scheme: str | None = Field(
        None,
        description="評価区分: the grading scheme, a preset name (binary, degree, progress, "
        "baseline-4, kenko21, soumu5) or a scheme file (.yaml, .json) relative to the plan",
    )
    goals: list[GoalEntry] = Field(default_factory=list)


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of the plan file format.

    >>> plan_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    return PlanFile.model_json_schema()


def years_default(baseline_year: int | None, years: bool) -> int | None:
    """An indicator's baseline year when not given: the plan's, for an indicator with
    years (a series, interim targets or revisions); otherwise none."""
    return baseline_year if years else None
