"""Roll-up: judge every indicator of a plan and count the outcomes per measure, goal and plan.

The achievement rate (達成率) is achieved / (achieved + not achieved), in
``Decimal``, as a percentage rounded half-up to one place, and ``None`` when
nothing is evaluable: an indicator that cannot be evaluated is counted on its
own and left out of the denominator.

>>> Tally.of(["achieved"] * 20 + ["not_achieved"] * 8).rate
Decimal('71.4')
>>> Tally.of(["not_evaluable"]).rate is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pydantic import Field

from achievement._construct import assembled
from achievement._evaluator import display, infer_direction
from achievement._judge import Judge, default_judge
from achievement._lean import SHARED_LIMIT
from achievement._model import (
    Direction,
    DirectionWord,
    Frozen,
    Indicator,
    Judgment,
    LocalizedText,
    Missing,
    Outcome,
    Quantity,
    StatusWord,
)
from achievement._plan import Goal, Measure, Plan, PlanIndicator
from achievement._rate import achievement_rate
from achievement._series import compared
from achievement.readers._result import Problem
from achievement.rules._compare import compatible
from achievement.rules.ordinal import DEFAULT_SCALE
from achievement.schemes import (
    Grade,
    GradeTally,
    Measurements,
    Scheme,
    get_scheme,
    grade_measure,
    measure,
)
from achievement.schemes._measure import progress
from achievement.schemes._published import (
    published_grade,
    published_text,
    without_published_grades,
)
from achievement.schemes.presets import DEFAULT_SCHEME

__all__ = [
    "HIGHLIGHT_RULE",
    "HIGHLIGHT_RULE_YEARS",
    "GoalSummary",
    "Highlights",
    "IndicatorResult",
    "MeasureSummary",
    "Report",
    "Tally",
    "achievement_rate",
    "evaluate_plan",
    "progress_of",
    "regrade",
]

_PROGRESS_PLACES = Decimal("0.0001")

HIGHLIGHT_RULE = LocalizedText(
    ja="主な評価指標の選び方: 基本目標ごとに、達成した評価指標のうち進捗率が最も大きいもの"
    "(主な達成)と、未達成の評価指標のうち進捗率が最も小さいもの(主な未達成)を1つずつ選ぶ。"
    "進捗率 =(実績 − 計画策定時)÷(目標 − 計画策定時)。計画策定時・目標・実績が"
    "いずれも単一の数値か段階の語(未実施<検討<実施<推進)で、目標が計画策定時より"
    "良い側にあるときに計算し、"
    "目標が語で実績が計画策定時と同じときは 0 とする。"
    "進捗率を計算できない指標はその後に、同じ値は計画の順に並べる。",
    en="How the main indicators are chosen: for each goal, the achieved indicator with the "
    "greatest progress (main achieved) and the not-achieved indicator with the least progress "
    "(main not achieved). Progress = (actual - baseline) / (target - baseline), computed when "
    "baseline, target and actual are single figures or words on the status scale "
    "(未実施 < 検討 < 一部実施 < 実施 < 推進 < 完了) and the target lies on the better side of the baseline; "
    "when the target is a word and the actual equals the "
    "baseline, progress is 0. Indicators whose progress cannot be computed come after the "
    "others; ties go to the first in plan order.",
)
"""The rule :func:`evaluate_plan` uses to choose the highlights, as the report states it."""

HIGHLIGHT_RULE_YEARS = LocalizedText(
    ja=HIGHLIGHT_RULE.ja
    + "年度時点の判定では、目標はその判定が比べた目標(按分目標・中間目標など)、"
    "実績は判定した値、計画策定時は変化を測る起点とする。",
    en=HIGHLIGHT_RULE.en
    + " For a judgment as of a year, the target is the one it compared with (pro-rated, "
    "interim, ...), the actual the value it judged and the baseline the start of the change.",
)
"""The highlight rule of a report with judgments as of a year (see :class:`~achievement.Comparison`)."""


class Tally(Frozen):
    """Counts of outcomes and the achievement rate for a set of indicators."""

    indicators: int = 0
    achieved: int = 0
    not_achieved: int = 0
    not_evaluable: int = 0
    rate: Decimal | None = None

    @classmethod
    def of(cls, outcomes: Iterable[Outcome | str]) -> Tally:
        """Count ``outcomes`` and compute the rate."""
        counts = dict.fromkeys(Outcome, 0)
        for outcome in outcomes:
            counts[Outcome(outcome)] += 1
        achieved = counts[Outcome.ACHIEVED]
        not_achieved = counts[Outcome.NOT_ACHIEVED]
        return cls(
            indicators=sum(counts.values()),
            achieved=achieved,
            not_achieved=not_achieved,
            not_evaluable=counts[Outcome.NOT_EVALUABLE],
            rate=achievement_rate(achieved, not_achieved),
        )


class IndicatorResult(Frozen):
    """One plan indicator with its judgment.

    ``agrees`` says whether the judgment matches the outcome the plan itself
    published (``None`` when it published none); ``progress`` is the share of
    the planned change that was reached (see :func:`progress_of`); ``grade`` is its
    grade under the report's scheme (``None`` when the scheme gives none), read from
    its ``measurements`` (achievement degree, progress, change against the baseline).
    ``recorded_grade`` is the grade the plan published, when its 評価 cell holds a
    label of the scheme (not under ``binary``); ``agrees`` then compares grades.
    """

    entry: PlanIndicator
    judgment: Judgment
    agrees: bool | None
    progress: Decimal | None = None
    grade: Grade | None = None
    measurements: Measurements | None = None
    recorded_grade: Grade | None = None

    @property
    def outcome(self) -> Outcome:
        """The outcome of the judgment."""
        return self.judgment.outcome


class MeasureSummary(Frozen):
    """The tally of one measure (施策), with its grade counts and, when the scheme
    grades measures (``soumu5``), its own grade."""

    measure: Measure
    goal: Goal
    tally: Tally
    grades: GradeTally | None = None
    grade: Grade | None = None


class GoalSummary(Frozen):
    """The tally of one goal (基本目標) and of its measures, in plan order."""

    goal: Goal
    tally: Tally
    measures: tuple[MeasureSummary, ...]
    grades: GradeTally | None = None


class Highlights(Frozen):
    """The main achieved and not-achieved indicators (主な評価指標), chosen by ``rule``."""

    achieved: tuple[IndicatorResult, ...] = ()
    not_achieved: tuple[IndicatorResult, ...] = ()
    rule: LocalizedText = HIGHLIGHT_RULE


class Report(Frozen):
    """A judged plan: every result, the tallies and the highlights.

    ``totals`` counts every row, so an indicator listed under two measures is
    counted twice, as in the published summary; ``unique_indicators`` counts
    distinct indicator names.
    """

    plan: Plan
    results: tuple[IndicatorResult, ...] = Field(default_factory=tuple)
    goals: tuple[GoalSummary, ...] = Field(default_factory=tuple)
    measures: tuple[MeasureSummary, ...] = Field(default_factory=tuple)
    totals: Tally = Field(default_factory=Tally)
    unique_indicators: int = 0
    highlights: Highlights = Field(default_factory=Highlights)
    scheme: Scheme | None = None
    grades: GradeTally | None = None
    problems: tuple[Problem, ...] = ()
    """What the reader could not read: rows left out (errors) and warnings."""
    source_rows: int | None = None
    """How many data rows the source table had, when the report was read from one."""
    as_of: int | None = None
    """The fiscal year every indicator was judged as of, when one was asked for."""

    @property
    def rows_left_out(self) -> int:
        """How many rows of the source are not in the report."""
        return len({p.row for p in self.problems if p.severity == "error"})


def progress_of(indicator: Indicator, direction: Direction | None = None) -> Decimal | None:
    """The share of the planned change reached: (actual - baseline) / (target - baseline).

    Computed when baseline, target and actual are comparable single figures,
    or words on the status scale (``indicator.scale``, else the default
    未実施 < 検討 < 一部実施 < 実施 < 推進 < 完了); 0 when the target is a word and the actual is
    the baseline unchanged; otherwise ``None``.  ``direction`` is the way the
    judgment took as better (inferred as the judge does when not given); with
    the baseline already at or past the target there is no planned change and
    the progress is ``None``.

    >>> from achievement import Actual, Target, parse_value
    >>> def ind(b: str, t: str, a: str) -> Indicator:
    ...     return Indicator(baseline=parse_value(b), target=Target(value=parse_value(t)),
    ...                      actual=Actual(value=parse_value(a)))
    >>> progress_of(ind("10%", "60%", "20%"))
    Decimal('0.2000')
    >>> progress_of(ind("年3件", "年0件", "年1件"))
    Decimal('0.6667')
    >>> progress_of(ind("実施", "推進", "推進"))
    Decimal('1.0000')
    >>> progress_of(ind("2種類", "充実", "2種類"))
    Decimal('0')
    >>> progress_of(ind("200件", "100件以上", "90件")) is None
    True
    >>> progress_of(ind("―", "実施", "実施")) is None
    True
    """
    baseline, target, actual = indicator.baseline, indicator.target.value, indicator.actual.value
    if (
        isinstance(baseline, Quantity)
        and isinstance(target, Quantity)
        and isinstance(actual, Quantity)
    ):
        if not (compatible(baseline, target) and compatible(target, actual)):
            return None
        way = (
            direction
            or infer_direction(
                indicator.direction,
                bound=target.bound,
                baseline=baseline.amount,
                target=target.amount,
            )[0]
        )
        return _places(progress(baseline.amount, target.amount, actual.amount, way))
    if (
        isinstance(baseline, StatusWord)
        and isinstance(target, StatusWord)
        and isinstance(actual, StatusWord)
    ):
        ranks = {word: rank for rank, word in enumerate(indicator.scale or DEFAULT_SCALE)}
        if all(value.word in ranks for value in (baseline, target, actual)):
            return _places(
                progress(
                    Decimal(ranks[baseline.word]),
                    Decimal(ranks[target.word]),
                    Decimal(ranks[actual.word]),
                    Direction.HIGHER,
                )
            )
        return None
    if (
        isinstance(target, DirectionWord)
        and not isinstance(baseline, Missing)
        and display(baseline) == display(actual)
    ):
        return Decimal(0)
    return None


def _places(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(_PROGRESS_PLACES, ROUND_HALF_UP)


def _pick(results: Iterable[IndicatorResult], *, greatest: bool) -> IndicatorResult | None:
    ranked = sorted(
        enumerate(results),
        key=lambda item: (
            item[1].progress is None,
            0
            if item[1].progress is None
            else (-item[1].progress if greatest else item[1].progress),
            item[0],
        ),
    )
    return ranked[0][1] if ranked else None


def _highlights(goals: dict[Goal, list[IndicatorResult]]) -> Highlights:
    achieved: list[IndicatorResult] = []
    not_achieved: list[IndicatorResult] = []
    for results in goals.values():
        best = _pick((r for r in results if r.outcome is Outcome.ACHIEVED), greatest=True)
        worst = _pick((r for r in results if r.outcome is Outcome.NOT_ACHIEVED), greatest=False)
        if best is not None:
            achieved.append(best)
        if worst is not None:
            not_achieved.append(worst)
    return Highlights(achieved=tuple(achieved), not_achieved=tuple(not_achieved))


def _identity(result: IndicatorResult, row: int) -> tuple[object, ...]:
    """What makes two rows one indicator: the name with its baseline and target.

    An indicator listed under two measures (the same name, baseline and target)
    is one; rows without a name are each their own.
    """
    indicator = result.entry.indicator
    if not indicator.name:
        return (row,)
    return (indicator.name, display(indicator.baseline), display(indicator.target.value))


def _grade_tally(scheme: Scheme, results: Iterable[IndicatorResult]) -> GradeTally:
    """The grades of ``results``; only those of indicators not evaluable stay out of the rate."""
    rows = list(results)
    return GradeTally.of(
        scheme,
        (r.grade for r in rows),
        (r.judgment.outcome is not Outcome.NOT_EVALUABLE for r in rows),
    )


_RESULT_FIELDS = {
    "entry",
    "judgment",
    "agrees",
    "progress",
    "grade",
    "measurements",
    "recorded_grade",
}


def _result(
    entry: PlanIndicator,
    judge: Judge,
    scale: tuple[str, ...] | None,
    scheme: Scheme,
    as_of: int | None = None,
    shared: dict[object, Any] | None = None,
) -> IndicatorResult:
    """``entry`` judged, measured and graded; ``shared`` keeps one of each equal
    measurement set and progress, so that repeated results share them (they are frozen)."""
    indicator = entry.indicator
    if indicator.scale is None and scale is not None:
        indicator = indicator.model_copy(update={"scale": scale})
    judgment = judge.judge(indicator, as_of=as_of)
    measured = measure(indicator, judgment)
    ahead = progress_of(compared(indicator, judgment), judgment.direction)
    if shared is not None:
        if len(shared) >= SHARED_LIMIT:
            shared.clear()
        # as written: Decimal("1.0") == Decimal("1.00"), but they do not read the same
        measured = shared.setdefault(
            tuple(None if v is None else str(v) for v in measured.__dict__.values()), measured
        )
        if ahead is not None:
            ahead = shared.setdefault(str(ahead), ahead)
    grade = scheme.grade_of(measured)
    published, agrees = _agreement(entry, judgment, grade, scheme)
    return assembled(  # every field is of its type: built without validating it again
        IndicatorResult,
        _RESULT_FIELDS,
        entry=entry,
        judgment=judgment,
        agrees=agrees,
        progress=ahead,
        grade=grade,
        measurements=measured,
        recorded_grade=published,
    )


def _agreement(
    entry: PlanIndicator, judgment: Judgment, grade: Grade | None, scheme: Scheme
) -> tuple[Grade | None, bool | None]:
    """The grade the plan published, if its 評価 cell is one of ``scheme``, and ``agrees``.

    ``agrees`` compares grades when the plan published one, else outcomes.
    """
    published = published_grade(scheme, published_text(entry))
    if published is not None:
        return published, grade is not None and published.label == grade.label
    return None, None if entry.recorded is None else entry.recorded == judgment.outcome


def evaluate_plan(
    plan: Plan,
    judge: Judge | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    scheme: Scheme | str | None = None,
    problems: Iterable[Problem] = (),
    source_rows: int | None = None,
    as_of: int | None = None,
) -> Report:
    """Judge every indicator of ``plan`` and roll the outcomes up.

    ``judge`` defaults to :func:`achievement.default_judge`; the plan's own
    ordinal scale applies to indicators without one.  ``progress``, if given,
    is called as ``progress(done, total)`` after each indicator.  Goals and
    measures keep the order in which the plan first lists them.  ``scheme``
    (a :class:`~achievement.schemes.Scheme`, or a name or file for
    :func:`~achievement.schemes.get_scheme`) grades every indicator; it
    defaults to the one the plan names, else ``binary``.  ``problems`` and
    ``source_rows`` (from :class:`~achievement.readers.ReadResult`) are carried
    into the report, so every output says which rows it leaves out; a warning
    on a published cell that names a grade of ``scheme`` is not carried (the
    cell is read as the published grade).  ``as_of`` judges every indicator as of
    that fiscal year (see :meth:`Judge.judge`): an indicator without a value for
    it is not evaluable, and says so.

    Every figure derived from a judgment (progress, measurements, grade,
    highlights) reads the target that judgment used (its
    :class:`~achievement.Comparison`: a pro-rated or interim target as of a year
    before the target year), never a different one.
    """
    judge = judge or default_judge()
    if not isinstance(scheme, Scheme):
        scheme = get_scheme(scheme or plan.scheme or DEFAULT_SCHEME, judge)
    total = len(plan.indicators)
    results: list[IndicatorResult] = []
    shared: dict[object, Any] = {}
    for done, entry in enumerate(plan.indicators, start=1):
        results.append(_result(entry, judge, plan.scale, scheme, as_of, shared))
        if progress is not None:
            progress(done, total)
    return _roll_up(plan, results, scheme).model_copy(
        update={
            "problems": without_published_grades(problems, scheme),
            "source_rows": source_rows,
            "as_of": as_of,
        }
    )


def regrade(report: Report, scheme: Scheme) -> Report:
    """The same report graded under ``scheme``, without judging anything again.

    >>> from achievement.readers import bundled_example, read_plan
    >>> from achievement.schemes import get_scheme
    >>> report = evaluate_plan(read_plan(bundled_example()).plan)
    >>> regrade(report, get_scheme("degree")).grades.counts
    {'A': 20, 'B': 1, 'C': 1, 'D': 6}
    """
    results = []
    for r in report.results:
        grade = None if r.measurements is None else scheme.grade_of(r.measurements)
        published, agrees = _agreement(r.entry, r.judgment, grade, scheme)
        results.append(
            r.model_copy(update={"grade": grade, "recorded_grade": published, "agrees": agrees})
        )
    return _roll_up(report.plan, results, scheme).model_copy(
        update={
            # a published cell that names a grade of the new scheme is read, not a problem
            "problems": without_published_grades(report.problems, scheme),
            "source_rows": report.source_rows,
            "as_of": report.as_of,
        }
    )


def _roll_up(plan: Plan, results: list[IndicatorResult], scheme: Scheme) -> Report:
    """Counts, rates, grades and highlights of judged results, per measure, goal and in total."""
    by_goal: dict[Goal, list[IndicatorResult]] = {}
    by_measure: dict[tuple[Goal, Measure], list[IndicatorResult]] = {}
    for result in results:
        by_goal.setdefault(result.entry.goal, []).append(result)
        by_measure.setdefault((result.entry.goal, result.entry.measure), []).append(result)

    measures = tuple(
        MeasureSummary(
            measure=measure,
            goal=goal,
            tally=Tally.of(r.outcome for r in rs),
            grades=_grade_tally(scheme, rs),
            grade=grade_measure(scheme, ((r.grade, r.entry.main) for r in rs))
            if scheme.per_measure
            else None,
        )
        for (goal, measure), rs in by_measure.items()
    )
    of_goal: dict[Goal, list[MeasureSummary]] = {}
    for summary in measures:  # by dict: no goal is compared with every measure
        of_goal.setdefault(summary.goal, []).append(summary)
    goals = tuple(
        GoalSummary(
            goal=goal,
            tally=Tally.of(r.outcome for r in rs),
            measures=tuple(of_goal.get(goal, ())),
            grades=_grade_tally(scheme, rs),
        )
        for goal, rs in by_goal.items()
    )
    return Report(
        plan=plan,
        results=tuple(results),
        goals=goals,
        measures=measures,
        totals=Tally.of(r.outcome for r in results),
        unique_indicators=len({_identity(r, n) for n, r in enumerate(results)}),
        highlights=_highlights(by_goal).model_copy(
            update={"rule": HIGHLIGHT_RULE_YEARS}
            if any(r.judgment.comparison is not None for r in results)
            else {}
        ),
        scheme=scheme,
        grades=_grade_tally(scheme, results),
    )
