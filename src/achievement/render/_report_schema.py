"""The JSON report as models: the source of its JSON Schema (``achievement schema --report``).

Every object forbids keys it does not list, so the schema says exactly what
:func:`achievement.render.json_.to_data` writes.  Exact decimals (rates in
percent, progress, measurements, margins) are strings, as the report writes them.

>>> report_schema()["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> list(report_schema()["properties"])[:7]
['plan', 'lang', 'disagreements', 'totals', 'goals', 'measures', 'indicators']
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ReportDocument", "report_schema"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

Outcome = Literal["achieved", "not_achieved", "not_evaluable"]

Dec = str | None
"""An exact decimal written as a string (``"71.4"``), or ``null``."""


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlanInfo(_Closed):
    title: str = Field(description="the plan's name")
    baseline_year: int | None
    target_year: int | None
    as_of: int | None = Field(
        description="the fiscal year every indicator was judged as of (--as-of), or null"
    )


class Disagreement(_Closed):
    row: int | None = Field(description="the row of the source table")
    name: str
    published: Outcome | None = Field(description="the published outcome")
    published_text: str | None = Field(description="the published outcome as the plan wrote it")
    computed: Outcome
    grade: str | None
    reason: str


class Disagreements(_Closed):
    count: int
    unpublished: int = Field(description="indicators without a published outcome")
    indicators: list[Disagreement]


class Grades(_Closed):
    counts: dict[str, int]
    ungraded: int
    rate: Dec


class Totals(_Closed):
    indicators: int
    achieved: int
    not_achieved: int
    not_evaluable: int
    rate: Dec = Field(description="the achievement rate in percent, one place")
    unique_indicators: int
    grades: Grades | None


class GoalRef(_Closed):
    number: int | None
    title: str


class MeasureRef(_Closed):
    number: int | None
    title: str
    priority: bool


class GoalSummary(GoalRef):
    indicators: int
    achieved: int
    not_achieved: int
    not_evaluable: int
    rate: Dec
    measures: list[int | None]
    grades: Grades | None


class MeasureSummary(MeasureRef):
    indicators: int
    achieved: int
    not_achieved: int
    not_evaluable: int
    rate: Dec
    goal: int | None
    grades: Grades | None
    grade: str | None


class Cell(_Closed):
    text: str
    display: str = Field(description="the value as reports show it (a plugin's value: its display)")
    value: dict[str, Any] = Field(
        description="the value as data with its kind, a core kind or a plugin's; "
        "reads back with pydantic's TypeAdapter(achievement.Value)"
    )


class TargetCell(Cell):
    fiscal_year: int | None


class ActualCell(TargetCell):
    status: str


class SeriesPoint(_Closed):
    fiscal_year: int
    text: str
    display: str
    status: str


class RevisionOut(_Closed):
    from_year: int = Field(description="the fiscal year from which the revised target is in force")
    text: str
    display: str
    fiscal_year: int | None
    reason: str


class TrajectoryOut(_Closed):
    status: str = Field(
        description="target_met, on_track, needs_acceleration, off_track, deteriorating or "
        "not_assessable"
    )
    method: str
    as_of: int | None
    figures: dict[str, str]
    message: str


class MeasurementsOut(_Closed):
    degree: Dec = Field(description="actual / target (reversed when lower is better), a ratio")
    progress: Dec
    change: Dec
    pace: Dec = Field(
        description="for an indicator with years: the target-year value projected at the pace "
        "so far, as a degree of the way from the baseline to the target; null otherwise"
    )
    trajectory: Dec = Field(
        description="for an indicator with years: the share of the change due by the year "
        "judged (pro-rated path) that was made; null otherwise"
    )


class ComparedValue(_Closed):
    display: str
    fiscal_year: int | None
    status: str


class TargetUsedOut(_Closed):
    basis: Literal["final", "interim", "prorated", "previous_year"] = Field(
        description="final (the target in force, revised when revised_from is set), interim "
        "(the interim target of the year), prorated (on the straight line from the baseline to "
        "the target), previous_year (what a target relative to the year before asks)"
    )
    text: str = Field(description="the target used, in words")
    display: str
    value: dict[str, Any]
    fiscal_year: int | None
    revised_from: int | None
    interim_kind: str | None
    actual: ComparedValue = Field(
        description="the value judged: that of the year, or the running total over the years"
    )
    baseline: str = Field(description="the value degree, progress and change start from")


class Reason(_Closed):
    code: str
    params: dict[str, Any]


class Margin(_Closed):
    difference: Dec
    ratio: Dec
    unit: str | None


class IndicatorOut(_Closed):
    name: str
    goal: GoalRef
    measure: MeasureRef
    initiative: str
    row: int | None
    baseline: Cell
    target: TargetCell
    target_used: TargetUsedOut | None = Field(
        description="the target a judgment as of a year compared with (degree, progress, "
        "grade and highlights read it); null for a judgment against the target as it stands"
    )
    actual: ActualCell
    series: list[SeriesPoint] = Field(
        description="the values of the years before the actual's, oldest first"
    )
    revisions: list[RevisionOut] = Field(
        description="revised targets, each in force from a year on (target is the original)"
    )
    trajectory: TrajectoryOut | None = Field(
        description="on track or not (linear method), for an indicator with years"
    )
    style: str | None
    outcome: Outcome
    grade: str | None
    measurements: MeasurementsOut | None
    reason: Reason
    message: str
    direction: str | None
    direction_source: str | None
    margin: Margin | None
    progress: Dec = Field(description="(actual - baseline) / (target - baseline), a ratio")
    recorded: str | None = Field(
        description="the published outcome (achieved, not_achieved, not_evaluable), or under a "
        "grading scheme other than binary the published grade when the 評価 cell is one of its "
        "labels"
    )
    agrees: bool | None
    note: str


class ProblemOut(_Closed):
    file: str | None
    row: int | None
    column: str | None
    text: str | None
    code: str
    severity: Literal["error", "warning", "note"]
    message: str


class Pointer(_Closed):
    name: str
    measure: MeasureRef
    progress: Dec


class HighlightsOut(_Closed):
    achieved: list[Pointer]
    not_achieved: list[Pointer]


class SchemeOut(_Closed):
    name: str
    title: str
    rule: str
    source: str | None
    labels: list[str]
    grade_labels: dict[str, str | None]
    achieved: list[str]


class Rules(_Closed):
    rate: str
    highlights: str
    grades: str | None


class ReportDocument(_Closed):
    """The JSON report, its keys in the order of the report."""

    model_config = ConfigDict(
        extra="forbid",
        title="achievement report",
        json_schema_extra={"$schema": SCHEMA_DIALECT},
    )

    plan: PlanInfo
    lang: str
    disagreements: Disagreements
    totals: Totals
    goals: list[GoalSummary]
    measures: list[MeasureSummary]
    indicators: list[IndicatorOut]
    problems: list[ProblemOut]
    source_rows: int | None
    highlights: HighlightsOut
    scheme: SchemeOut | None
    rules: Rules


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON report."""
    return ReportDocument.model_json_schema()
