"""The one catalogue of labels every renderer uses, in Japanese and English.

>>> label("rate", "ja"), label("rate", "en")
('達成率', 'Achievement rate')
>>> outcome_label("not_evaluable", "en")
'Not evaluable'
>>> style_label("threshold", "ja"), style_label("deadline", "en")
('閾値', 'Deadline')
>>> ratio_percent(Decimal("0.2"), "ja")
'20.0%'
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from achievement._model import LocalizedText, Outcome
from achievement._plan import Goal, Measure

__all__ = [
    "LABELS",
    "capitalised",
    "goal_label",
    "label",
    "measure_label",
    "measure_name",
    "outcome_label",
    "percent",
    "ratio_percent",
    "style_label",
    "yes_no",
]


def _t(ja: str, en: str) -> LocalizedText:
    return LocalizedText(ja=ja, en=en)


LABELS: Mapping[str, LocalizedText] = {
    "title": _t("達成状況", "Achievement report"),
    "titled": _t("{plan} 達成状況", "{plan}: achievement report"),
    "summary": _t("計画事業の達成状況", "Achievement by goal and measure"),
    "detail": _t("評価指標の一覧", "Indicators"),
    "detail_years": _t("評価指標の年度別の値", "Indicators: values by fiscal year"),
    "chart": _t("施策別の達成状況", "Chart of achievement by measure"),
    "goal": _t("基本目標", "Goal"),
    "measure": _t("施策", "Measure"),
    "measure_name": _t("施策名", "Measure"),
    "priority": _t("重点施策", "priority measure"),
    "no_measure": _t("(施策の記載なし)", "(no measure given)"),
    "initiative": _t("取り組み", "Initiatives"),
    "indicator": _t("評価指標", "Indicator"),
    "indicators": _t("評価指標数", "Indicators"),
    "unique_indicators": _t("評価指標数(重複除く)", "Distinct indicators"),
    "baseline": _t("計画策定時", "Baseline"),
    "target": _t("目標", "Target"),
    "actual": _t("実績", "Actual"),
    "projected": _t("見込", "projected"),
    "target_used": _t("比較した目標", "Target used"),
    "as_of": _t("{year}時点", "as of FY{year}"),
    "used_final": _t("最終目標 {value}", "final target {value}"),
    "used_revised": _t(
        "見直し後の目標 {value}({year}年度から)", "revised target {value} (from FY{year})"
    ),
    "used_interim": _t("{year}年度の{kind} {value}", "{kind} for FY{year}: {value}"),
    "used_prorated": _t("{year}年度の按分目標 {value}", "pro-rated for FY{year}: {value}"),
    "used_prorated_revised": _t(
        "{year}年度の按分目標 {value}({from_year}年度からの見直し後の目標による)",
        "pro-rated for FY{year}: {value} (on the target revised from FY{from_year})",
    ),
    "used_previous_year": _t(
        "{year}年度に前年度比で求める値 {value}",
        "asked for FY{year} against the year before: {value}",
    ),
    "interim_annual": _t("年度別目標", "annual target"),
    "interim_midterm": _t("中間目標", "mid-term target"),
    "interim_guide": _t("目安値", "guide value"),
    "outcome": _t("評価", "Outcome"),
    "outcomes": _t("達成状況", "Outcomes"),
    "recorded": _t("公表された評価", "Published outcome"),
    "computed": _t("判定", "Computed outcome"),
    "agrees": _t("一致", "Agrees"),
    "style": _t("評価方式", "Style"),
    "reason": _t("理由", "Reason"),
    "progress": _t("進捗率", "Progress"),
    "degree": _t("達成度", "Achievement degree"),
    "change": _t("変化率", "Change"),
    "note": _t("取組状況等", "Notes"),
    "row": _t("行", "Row"),
    "achieved": _t("達成", "Achieved"),
    "not_achieved": _t("未達成", "Not achieved"),
    "not_evaluable": _t("評価不能", "Not evaluable"),
    "total": _t("合計", "Total"),
    "rate": _t("達成率", "Achievement rate"),
    "rate_rule": _t(
        "達成率 = 達成 ÷(達成 + 未達成)。評価不能は分母に含めない。",
        "Achievement rate = achieved / (achieved + not achieved); not evaluable is left out.",
    ),
    "highlights_achieved": _t("達成している主な評価指標", "Main achieved indicators"),
    "highlights_not_achieved": _t("未達成の主な評価指標", "Main indicators not achieved"),
    "yes": _t("はい", "Yes"),
    "no": _t("いいえ", "No"),
    "none": _t("―", "-"),
    "period": _t("{baseline}年度 → {target}年度", "FY{baseline} to FY{target}"),
    "fiscal_year": _t("{year}年度", "FY{year}"),
    "problems": _t("読み込めなかった行と注意", "Rows not read, and warnings"),
    "coverage": _t(
        "計画の{rows}行のうち{read}行を集計しています。読み込めなかった{left}行は"
        "「読み込めなかった行と注意」のとおりです。",
        "{read} of the plan's {rows} rows are counted; the {left} rows that could not be read "
        "are listed under 'Rows not read, and warnings'.",
    ),
    "grade": _t("評価区分", "Grade"),
    "grades": _t("評価区分の分布", "Grade distribution"),
    "scheme": _t("評価区分の基準", "Grading scheme"),
    "scope": _t("対象", "Scope"),
    "ungraded": _t("区分なし", "No grade"),
    "grade_rate": _t("区分による達成率", "Rate by grade"),
    "measure_grade": _t("施策の区分", "Measure grade"),
    "scheme_source": _t("出典", "Source"),
    "disagreements": _t(
        "公表された評価と異なる判定", "Judgments that differ from the published outcome"
    ),
    "disagreement_count": _t(
        "公表された評価と判定が異なる評価指標: {count}件",
        "Indicators whose computed outcome differs from the published one: {count}",
    ),
    "nothing_published": _t(
        "表に公表された評価の列がないため、判定との照合はしていません。",
        "The table has no published outcome column, so no judgment was reconciled with one.",
    ),
    "unread_published": _t(
        "公表された評価の列はありますが、読める評価がないため、判定との照合はしていません。",
        "The table has a published outcome column, but none of its entries could be read, "
        "so no judgment was reconciled with one.",
    ),
    "unpublished": _t(
        "公表された評価がない評価指標: {count}件(照合していません)",
        "Indicators without a published outcome: {count} (not reconciled)",
    ),
    "chart_caption": _t(
        "棒の長さは施策ごとの評価指標数を評価別に積み上げたもの、右の数字は達成率です。",
        "Each bar stacks a measure's indicators by outcome (its length is the count); "
        "the figure to its right is the achievement rate.",
    ),
    "chart_axis": _t("評価指標数", "Indicators"),
    "style_threshold": _t("閾値", "Threshold"),
    "style_direction": _t("方向", "Direction"),
    "style_cumulative": _t("累計", "Cumulative"),
    "style_ordinal": _t("段階", "Ordinal"),
    "style_deadline": _t("期限", "Deadline"),
    "reason_column": _t("判定理由", "Reason for the judgment"),
    "annotate_differs": _t(
        "公表された評価は{published}ですが、判定は{computed}です: {reason}",
        "the published outcome is {published} but the judgment is {computed}: {reason}",
    ),
    "plan": _t("計画", "Plan"),
}
"""Every label, by key."""

_OUTCOME_KEYS = {
    Outcome.ACHIEVED: "achieved",
    Outcome.NOT_ACHIEVED: "not_achieved",
    Outcome.NOT_EVALUABLE: "not_evaluable",
}


def label(key: str, lang: str) -> str:
    """The label ``key`` in ``lang``."""
    return LABELS[key].get(lang)


def outcome_label(outcome: Outcome | str | None, lang: str) -> str:
    """達成 / 未達成 / 評価不能 (or English), ``-`` for ``None``."""
    if outcome is None:
        return label("none", lang)
    return label(_OUTCOME_KEYS[Outcome(outcome)], lang)


def yes_no(value: bool | None, lang: str) -> str:
    """はい / いいえ (yes / no), ``-`` for ``None``."""
    return label("none", lang) if value is None else label("yes" if value else "no", lang)


def percent(rate: Decimal | None, lang: str) -> str:
    """``71.4%``, or ``-`` when there is no rate."""
    return label("none", lang) if rate is None else f"{rate}%"


def ratio_percent(ratio: Decimal | None, lang: str) -> str:
    """A ratio (``0.2``) as a percentage to one place (``20.0%``); ``-`` when undefined."""
    if ratio is None or not ratio.is_finite():
        return label("none", lang)
    return f"{(ratio * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


def style_label(style: str | None, lang: str) -> str:
    """The name of a target style in ``lang`` (閾値 / Threshold ...); a plugin's as it names it."""
    if style is None:
        return label("none", lang)
    key = f"style_{style}"
    return label(key, lang) if key in LABELS else style


def capitalised(text: str, lang: str) -> str:
    """English text with its first letter in capitals, as every English label is written.

    >>> capitalised("met A", "en"), capitalised("達成", "ja")
    ('Met A', '達成')
    """
    return text[:1].upper() + text[1:] if lang == "en" else text


def goal_label(goal: Goal, lang: str) -> str:
    """``基本目標1. title`` (``Goal 1. title``)."""
    if goal.number is None:
        return goal.title
    return f"{label('goal', lang)}{'' if lang == 'ja' else ' '}{goal.number}. {goal.title}"


def measure_name(measure: Measure, lang: str) -> str:
    """The measure's label, or ``(施策の記載なし)`` for the rows of a plan without measures."""
    return measure_label(measure, lang) or label("no_measure", lang)


def measure_label(measure: Measure, lang: str) -> str:
    """``1. title(重点施策)`` (``1. title (priority measure)``), as the plan numbers it."""
    text = measure.title if measure.number is None else f"{measure.number}. {measure.title}"
    if measure.priority:
        text += f"({label('priority', lang)})" if lang == "ja" else f" ({label('priority', lang)})"
    return text
