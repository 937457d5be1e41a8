"""The roll-up keeps what the judge and the scheme of the run gave it: a plugin's direction
for progress, a plugin's scheme named by the plan, the year a report was made as of."""

from __future__ import annotations

from collections.abc import Mapping

from achievement import (
    Actual,
    Direction,
    DirectionSource,
    Indicator,
    Judge,
    Outcome,
    Target,
    hookimpl,
    parse_value,
)
from achievement._evaluator import Verdict
from achievement._plan import Goal, Measure, Plan, PlanIndicator
from achievement.rollup import evaluate_plan, regrade
from achievement.schemes import SchemeRegistry, get_scheme
from tests.test_schemes_files import nagayo


class LowerEvaluator:
    """A plugin style for which lower is always better, whatever the cells say."""

    style = "lower-always"
    numeric = False
    messages: Mapping[str, Mapping[str, str]] = {
        "lower-always.judged": {"ja": "判定しました", "en": "judged"}
    }

    def evaluate(self, indicator: Indicator) -> Verdict:
        return Verdict(
            Outcome.NOT_ACHIEVED,
            "lower-always.judged",
            direction=Direction.LOWER,
            direction_source=DirectionSource.EXPLICIT,
        )


class LowerPlugin:
    @hookimpl
    def achievement_register_evaluators(self, registry: object) -> None:
        registry.add(LowerEvaluator())  # type: ignore[attr-defined]


class NagayoPlugin:
    @hookimpl
    def achievement_register_schemes(self, registry: SchemeRegistry) -> None:
        registry.add(nagayo())


def plan_of(baseline: str, target: str, actual: str, **fields: object) -> Plan:
    indicator = Indicator(
        baseline=parse_value(baseline),
        target=Target(value=parse_value(target), fiscal_year=2025),
        actual=Actual(value=parse_value(actual), fiscal_year=2024),
        **fields,  # type: ignore[arg-type]
    )
    entry = PlanIndicator(goal=Goal(title="g"), measure=Measure(title="m"), indicator=indicator)
    return Plan(indicators=(entry,), **{})


def test_progress_follows_the_direction_the_judgment_took() -> None:
    """10 → 20 → 15 is half way if higher is better; under a style for which lower is
    better, the target is worse than the baseline and there is no progress to measure."""
    judge = Judge(plugins=[LowerPlugin()], autoload=False)
    (result,) = evaluate_plan(plan_of("10件", "20件", "15件", style="lower-always"), judge).results
    assert result.judgment.direction is Direction.LOWER
    assert result.progress is None
    (plain,) = evaluate_plan(plan_of("10件", "20件", "15件"), Judge(autoload=False)).results
    assert str(plain.progress) == "0.5000"


def test_a_plugin_scheme_named_by_the_plan_is_the_judge_s() -> None:
    judge = Judge(plugins=[NagayoPlugin()], autoload=False)
    plan = plan_of("10件", "20件", "25件").model_copy(update={"scheme": nagayo().name})
    report = evaluate_plan(plan, judge)
    assert report.scheme.name == nagayo().name


def test_a_regraded_report_keeps_the_year_it_was_made_as_of() -> None:
    judge = Judge(autoload=False)
    report = evaluate_plan(plan_of("10件", "20件", "25件"), judge, as_of=2024)
    assert report.as_of == 2024
    assert regrade(report, get_scheme("degree", judge)).as_of == 2024
