"""Ordinal status: words on a scale, met when the actual is at the target's stage or later.

Default scale, lowest first: 未実施 < 検討 < 一部実施 < 実施 < 推進 < 完了, with 実施済
read as 実施 and 検討中 as 検討.  ``実施 -> 推進 -> 推進``
and ``実施 -> 実施 -> 実施`` are achieved; ``― -> 実施 -> 検討`` is not.  A plan
brings its own scale through :attr:`Indicator.scale`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from achievement._evaluator import Verdict, display
from achievement._hookspecs import hookimpl
from achievement._model import Indicator, Outcome, StatusWord
from achievement._registry import EvaluatorRegistry

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

STYLE = "ordinal"

DEFAULT_SCALE: tuple[str, ...] = ("未実施", "検討", "一部実施", "実施", "推進", "完了")
"""The default scale of status words, lowest first.

一部実施 (partly done) sits between 検討 and 実施; 完了 (finished) is the last stage,
after 推進 (carried on).
"""

DEFAULT_SYNONYMS: Mapping[str, str] = {
    "実施済": "実施",
    "実施済み": "実施",
    "検討中": "検討",
}
"""Words that stand for a stage of the default scale: 実施済 is 実施."""


def stage(word: str, scale: tuple[str, ...] | None) -> str:
    """The stage ``word`` stands for: itself, or on the default scale its synonym's stage."""
    return DEFAULT_SYNONYMS.get(word, word) if scale is None else word


def unknown_target_word(indicator: Indicator) -> tuple[str, str] | None:
    """Why the target word cannot be judged on the scale, in Japanese and English; else ``None``.

    Only for a target that is a stage word: the message names the word and lists
    the words that can be read as targets.
    """
    target = indicator.target.value
    if not isinstance(target, StatusWord):
        return None
    scale = indicator.scale or DEFAULT_SCALE
    if stage(target.word, indicator.scale) in scale:
        return None
    from achievement._notation import DIRECTION_WORDS

    stages = "、".join((*scale, *(() if indicator.scale else DEFAULT_SYNONYMS)))
    movements = "、".join(DIRECTION_WORDS)
    return (
        f"目標の語「{target.word}」は読めません。読める語: 段階 {stages}、方向 {movements}、"
        "期限(令和7年度までに完了 など)",
        f"the target word {target.word!r} cannot be read; known words: stages {stages}; "
        f"movements {movements}; deadlines (令和7年度までに完了 ...)",
    )


class OrdinalEvaluator:
    """Status words compared by their rank on a scale."""

    style = STYLE
    numeric = False
    messages: Mapping[str, Mapping[str, str]] = {
        f"{STYLE}.reaches_target": {
            "ja": "実績「{actual}」は目標「{target}」の段階に達しているため達成({scale})",
            "en": "actual '{actual}' has reached the target stage '{target}': achieved ({scale})",
        },
        f"{STYLE}.below_target": {
            "ja": "実績「{actual}」は目標「{target}」の段階に達していないため未達成({scale})",
            "en": "actual '{actual}' has not reached the target stage '{target}': "
            "not achieved ({scale})",
        },
        f"{STYLE}.unknown_word": {
            "ja": "「{word}」が段階({scale})にないため評価不能",
            "en": "'{word}' is not on the scale ({scale}): not evaluable",
        },
        f"{STYLE}.incomparable": {
            "ja": "目標「{target}」と実績「{actual}」はどちらも段階の語でなければならないため評価不能",
            "en": "target '{target}' and actual '{actual}' must both be stage words: not evaluable",
        },
    }

    def cases(self, outcome: Outcome) -> SearchStrategy[Indicator]:
        """Indicators this evaluator judges as ``outcome``, for the law suite."""
        from achievement.strategies import ordinal_cases

        return ordinal_cases(outcome)

    def better(self, indicator: Indicator, step: Decimal) -> Indicator | None:
        """The same indicator with its actual one stage later, for the law suite.

        ``None`` when the actual is not on the scale or is already the last stage.
        """
        scale = indicator.scale or DEFAULT_SCALE
        actual = indicator.actual.value
        if not isinstance(actual, StatusWord):
            return None
        word = stage(actual.word, indicator.scale)
        if word not in scale:
            return None
        later = scale.index(word) + 1
        if later >= len(scale):
            return None
        value = StatusWord(word=scale[later], text=scale[later])
        return indicator.model_copy(
            update={"actual": indicator.actual.model_copy(update={"value": value})}
        )

    def evaluate(self, indicator: Indicator) -> Verdict:
        """Compare the ranks of the actual and the target on the scale."""
        scale = indicator.scale or DEFAULT_SCALE
        shown = " < ".join(scale)
        target, actual = indicator.target.value, indicator.actual.value
        texts = {
            "target": display(target),
            "actual": display(actual),
            "scale": shown,
        }
        if not isinstance(target, StatusWord) or not isinstance(actual, StatusWord):
            return Verdict(Outcome.NOT_EVALUABLE, f"{STYLE}.incomparable", texts)
        goal, done = stage(target.word, indicator.scale), stage(actual.word, indicator.scale)
        for word, written in ((goal, target.word), (done, actual.word)):
            if word not in scale:
                return Verdict(
                    Outcome.NOT_EVALUABLE, f"{STYLE}.unknown_word", {**texts, "word": written}
                )
        met = scale.index(done) >= scale.index(goal)
        return Verdict(
            Outcome.ACHIEVED if met else Outcome.NOT_ACHIEVED,
            f"{STYLE}.reaches_target" if met else f"{STYLE}.below_target",
            {**texts, "target": target.word, "actual": actual.word},
        )


@hookimpl
def achievement_register_evaluators(registry: EvaluatorRegistry) -> None:
    """Register the ordinal evaluator."""
    registry.add(OrdinalEvaluator())
