"""The plan tree: goals (基本目標), measures (施策) and their indicators (評価指標)."""

from __future__ import annotations

from pydantic import Field

from achievement._model import Frozen, Indicator, Outcome

__all__ = ["Goal", "Measure", "Plan", "PlanIndicator"]


class Goal(Frozen):
    """A basic goal (基本目標), the top level of the plan tree."""

    number: int | None = None
    title: str


class Measure(Frozen):
    """A measure (施策); ``priority`` marks a 重点施策."""

    number: int | None = None
    title: str
    priority: bool = False


class PlanIndicator(Frozen):
    """One row of a plan's detail table: an indicator where it sits in the plan.

    ``recorded`` is the judgment the plan itself published (評価), if any, with
    ``recorded_text`` the text as written; ``note`` is 取組状況等; ``row`` is the
    row of the source table the indicator came from; ``main`` flags a main
    indicator (主要な指標) of its measure, read by the ``soumu5`` grading scheme.
    """

    goal: Goal
    measure: Measure
    initiative: str = ""
    indicator: Indicator
    recorded: Outcome | None = None
    recorded_text: str | None = None
    note: str = ""
    row: int | None = None
    main: bool = False


class Plan(Frozen):
    """A plan: its title, the fiscal years of its baseline and target, and its indicators.

    An indicator listed under two measures appears twice in ``indicators``, once
    per measure, as in the published detail table.  ``scheme`` names the grading
    scheme the plan is graded by (a preset name or a scheme file), if it says.
    """

    title: str = ""
    baseline_year: int | None = None
    target_year: int | None = None
    scale: tuple[str, ...] | None = None
    scheme: str | None = None
    indicators: tuple[PlanIndicator, ...] = Field(default_factory=tuple)
