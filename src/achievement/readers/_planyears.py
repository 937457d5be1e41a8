"""The years of an indicator in a plan file: interim targets and target revisions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from achievement._errors import ParseError
from achievement._model import Column, InterimKind, InterimTarget, TargetRevision, Value

__all__ = ["InterimEntry", "RevisionEntry", "interim_data", "read_years", "revision_data"]


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", coerce_numbers_to_str=True)


class InterimEntry(_Entry):
    """A target set for one year before the target year."""

    fiscal_year: int = Field(description="the fiscal year the interim target is for")
    value: str = Field(description="the target cell, as text")
    kind: InterimKind = Field(
        InterimKind.ANNUAL,
        description="annual (年度別目標), midterm (中間目標) or guide (目安値)",
    )


class RevisionEntry(_Entry):
    """A revised target, in force from a fiscal year on; the original target is kept."""

    from_year: int = Field(description="the fiscal year from which the revised target is in force")
    value: str = Field(description="the revised target cell, as text")
    fiscal_year: int | None = Field(
        None, description="the year the revised target is for; the original's when left out"
    )
    reason: str = Field("", description="why the target was revised, as written")


Problem = Callable[[str, str, ParseError], None]
"""Report a cell that cannot be read: its field path, its text, and the error."""


def read_years(
    interim: list[InterimEntry],
    revisions: list[RevisionEntry],
    parse: Callable[[str, Column], Value],
    problem: Problem,
) -> tuple[tuple[InterimTarget, ...], tuple[TargetRevision, ...]]:
    """The interim targets and revisions of an indicator, each cell read by ``parse``.

    A cell that cannot be read is reported through ``problem`` and left out.
    """
    targets: list[InterimTarget] = []
    for index, entry in enumerate(interim):
        try:
            value = parse(entry.value, "interim")
        except ParseError as exc:
            problem(f"interim[{index}].value", entry.value, exc)
            continue
        targets.append(InterimTarget(fiscal_year=entry.fiscal_year, value=value, kind=entry.kind))
    revised: list[TargetRevision] = []
    for index, item in enumerate(revisions):
        try:
            value = parse(item.value, "target")  # a revision is the target from its year on
        except ParseError as exc:
            problem(f"revisions[{index}].value", item.value, exc)
            continue
        revised.append(
            TargetRevision(
                from_year=item.from_year,
                value=value,
                fiscal_year=item.fiscal_year,
                reason=item.reason,
            )
        )
    return tuple(sorted(targets, key=lambda t: t.fiscal_year)), tuple(
        sorted(revised, key=lambda r: r.from_year)
    )


def interim_data(targets: tuple[InterimTarget, ...]) -> list[dict[str, Any]]:
    """The interim targets in the plan file format, defaults left out."""
    return [
        {"fiscal_year": t.fiscal_year, "value": t.value.text}
        | ({} if t.kind is InterimKind.ANNUAL else {"kind": t.kind.value})
        for t in targets
    ]


def revision_data(revisions: tuple[TargetRevision, ...]) -> list[dict[str, Any]]:
    """The target revisions in the plan file format, defaults left out."""
    data: list[dict[str, Any]] = []
    for r in revisions:
        entry: dict[str, Any] = {"from_year": r.from_year, "value": r.value.text}
        if r.fiscal_year is not None:
            entry["fiscal_year"] = r.fiscal_year
        if r.reason:
            entry["reason"] = r.reason
        data.append(entry)
    return data
