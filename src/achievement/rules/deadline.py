"""Deadline (期限): work to be done by a fiscal year, ``令和7年度までに完了``.

Achieved when the work was done by the deadline: ``令和7年度までに完了 -> 令和6年度完了``
is achieved, ``-> 2026年度実施`` is not.  The actual may be

- the year the work was done (``令和6年度完了``, or a year alone: ``2024年度``);
- a word for work done (``完了``, ``実施済``, ``導入済``): achieved, as of the year the
  actual is for when the table says it, and the message says when it does not;
- a word for work not done (``未実施``, ``検討中``): not achieved;
- a planned year (``令和8年度完了予定``): not achieved when the plan is past the
  deadline, not evaluable otherwise (the work is not done yet).

A target that is a year alone (``2025年度``) is a deadline too.  A later completion is
never better; a bare number (``2026``) that could be a year or a count is not read.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from achievement._evaluator import Verdict, bare_year, display
from achievement._hookspecs import hookimpl
from achievement._model import (
    Deadline,
    FiscalYear,
    Indicator,
    Outcome,
    Quantity,
    StatusWord,
)
from achievement._registry import EvaluatorRegistry
from achievement._years import parse_fiscal_year

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

STYLE = "deadline"

DONE_STATUS: tuple[str, ...] = (
    "完了",
    "完了済",
    "完了済み",
    "実施済",
    "実施済み",
    "導入済",
    "導入済み",
    "整備済",
    "整備済み",
    "策定済",
    "策定済み",
    "達成",
)
"""Status words that say the work is done."""

NOT_DONE_STATUS: tuple[str, ...] = (
    "未実施",
    "未着手",
    "未導入",
    "未完了",
    "検討中",
    "実施中",
    "準備中",
    "調整中",
    "着手",
)
"""Status words that say the work is not done."""


def _year_text(year: int) -> str:
    """A year for a message, without a thousands separator."""
    return f"{year}年度"


class DeadlineEvaluator:
    """Work done by a fiscal year: the year it was done against the deadline."""

    style = STYLE
    numeric = False
    messages: Mapping[str, Mapping[str, str]] = {
        f"{STYLE}.done_in_time": {
            "ja": "{actual}は期限 {deadline}までのため達成",
            "en": "{actual} is by the deadline {deadline}: achieved",
        },
        f"{STYLE}.done_late": {
            "ja": "{actual}は期限 {deadline}より後のため未達成",
            "en": "{actual} is after the deadline {deadline}: not achieved",
        },
        f"{STYLE}.done": {
            "ja": "実績「{actual}」は期限 {deadline}までに済んでいるため達成({when_ja})",
            "en": "actual '{actual}' says the work is done, by the deadline {deadline}: "
            "achieved ({when_en})",
        },
        f"{STYLE}.done_after": {
            "ja": "実績「{actual}」は{year}時点のもので期限 {deadline}より後のため未達成",
            "en": "actual '{actual}' is as of {year_en}, after the deadline {deadline}: "
            "not achieved",
        },
        f"{STYLE}.not_done": {
            "ja": "実績「{actual}」は未了のため期限 {deadline}までの目標は未達成",
            "en": "actual '{actual}' says the work is not done: the deadline {deadline} "
            "is not met, not achieved",
        },
        f"{STYLE}.planned_late": {
            "ja": "{actual}は期限 {deadline}より後の予定のため未達成",
            "en": "{actual} is planned after the deadline {deadline}: not achieved",
        },
        f"{STYLE}.planned": {
            "ja": "{actual}は予定で、まだ済んでいないため評価不能(期限 {deadline})",
            "en": "{actual} is a plan, not yet done: not evaluable (deadline {deadline})",
        },
        f"{STYLE}.unknown_word": {
            "ja": "実績「{actual}」が済んだか分からないため評価不能(済んだ語: {done}、"
            "未了の語: {not_done})",
            "en": "actual '{actual}' does not say whether the work is done: not evaluable "
            "(done: {done}; not done: {not_done})",
        },
        f"{STYLE}.year_or_count": {
            "ja": "実績「{actual}」は年度とも数量とも読めるため評価不能(「2026年度」のように書いてください)",
            "en": "actual '{actual}' could be a year or a count: not evaluable "
            "(write it as 2026年度)",
        },
        f"{STYLE}.incomparable": {
            "ja": "目標 {target} と実績 {actual} は期限と年度の組ではないため評価不能",
            "en": "target {target} and actual {actual} are not a deadline and a year: "
            "not evaluable",
        },
    }

    def cases(self, outcome: Outcome) -> SearchStrategy[Indicator]:
        """Indicators this evaluator judges as ``outcome``, for the law suite."""
        from achievement.strategies import deadline_cases

        return deadline_cases(outcome)

    def boundary_cases(self) -> SearchStrategy[Indicator]:
        """Indicators done in the deadline's own year, which are achieved."""
        from achievement.strategies import deadline_boundary_cases

        return deadline_boundary_cases()

    def better(self, indicator: Indicator, step: Decimal) -> Indicator | None:
        """The same indicator done ``step`` years earlier (at least one); ``None`` for words."""
        actual = indicator.actual.value
        if not isinstance(actual, FiscalYear) or actual.planned:
            return None
        year = actual.year - max(1, int(step))
        text = _year_text(year) + actual.word
        value = actual.model_copy(update={"year": year, "text": text})
        return indicator.model_copy(
            update={"actual": indicator.actual.model_copy(update={"value": value})}
        )

    def evaluate(self, indicator: Indicator) -> Verdict:
        """Compare the year the work was done (or its status) with the deadline."""
        target, actual = indicator.target.value, indicator.actual.value
        texts = {"target": display(target), "actual": display(actual)}
        if not isinstance(target, Deadline | FiscalYear) or (
            isinstance(target, FiscalYear) and (target.word or target.planned)
        ):
            return Verdict(Outcome.NOT_EVALUABLE, f"{STYLE}.incomparable", texts)
        deadline = target.year
        params = {**texts, "deadline": _deadline_text(target)}
        if isinstance(actual, FiscalYear):
            if actual.planned:
                late = actual.year > deadline
                return Verdict(
                    Outcome.NOT_ACHIEVED if late else Outcome.NOT_EVALUABLE,
                    f"{STYLE}.planned_late" if late else f"{STYLE}.planned",
                    params,
                )
            met = actual.year <= deadline
            return Verdict(
                Outcome.ACHIEVED if met else Outcome.NOT_ACHIEVED,
                f"{STYLE}.done_in_time" if met else f"{STYLE}.done_late",
                params,
            )
        if isinstance(actual, StatusWord):
            return self._status(indicator, actual, deadline, params)
        if isinstance(actual, Quantity) and bare_year(actual):
            # Shown as written: 2026, never 2,026.
            shown = {**params, "actual": actual.text}
            return Verdict(Outcome.NOT_EVALUABLE, f"{STYLE}.year_or_count", shown)
        return Verdict(Outcome.NOT_EVALUABLE, f"{STYLE}.incomparable", texts)

    @staticmethod
    def _status(
        indicator: Indicator, actual: StatusWord, deadline: int, params: dict[str, str]
    ) -> Verdict:
        as_of = indicator.actual.fiscal_year
        if actual.word in DONE_STATUS:
            if as_of is not None and as_of > deadline:
                year = {"year": _year_text(as_of), "year_en": f"FY{as_of}"}
                return Verdict(Outcome.NOT_ACHIEVED, f"{STYLE}.done_after", {**params, **year})
            when = (
                {
                    "when_ja": "年度の記載なし、実績時点で完了",
                    "when_en": "no year given: done as of the actual",
                }
                if as_of is None
                else {"when_ja": f"{_year_text(as_of)}時点", "when_en": f"as of FY{as_of}"}
            )
            return Verdict(Outcome.ACHIEVED, f"{STYLE}.done", {**params, **when})
        if actual.word in NOT_DONE_STATUS:
            return Verdict(Outcome.NOT_ACHIEVED, f"{STYLE}.not_done", params)
        words = {"done": "、".join(DONE_STATUS), "not_done": "、".join(NOT_DONE_STATUS)}
        return Verdict(Outcome.NOT_EVALUABLE, f"{STYLE}.unknown_word", {**params, **words})


def _deadline_text(target: Deadline | FiscalYear) -> str:
    """The year of the deadline as the target writes it: 令和7年度 of 令和7年度までに完了."""
    written = parse_fiscal_year(target.text)
    return written.text if written is not None else _year_text(target.year)


@hookimpl
def achievement_register_evaluators(registry: EvaluatorRegistry) -> None:
    """Register the deadline evaluator."""
    registry.add(DeadlineEvaluator())
