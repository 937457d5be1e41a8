"""The texts the judge writes itself: its own reason codes, and a verdict's message with the
note on an inferred direction."""

from __future__ import annotations

from collections.abc import Mapping

from achievement._evaluator import Evaluator, Verdict, display
from achievement._model import Direction, DirectionSource, Indicator, LocalizedText, Quantity

__all__ = ["CORE_MESSAGES", "render_verdict", "value_notes"]

CORE_MESSAGES: Mapping[str, Mapping[str, str]] = {
    "input.target_missing": {
        "ja": "目標({target})がないため評価不能",
        "en": "no target ({target}): not evaluable",
    },
    "judge.no_style": {
        "ja": "目標 {target} を読める評価方式がないため評価不能(評価方式を指定してください)",
        "en": "no style reads the target {target}: not evaluable (state the style)",
    },
    "input.actual_missing": {
        "ja": "実績({actual})がないため評価不能",
        "en": "no actual value ({actual}): not evaluable",
    },
    "judge.evaluator_failed": {
        "ja": "評価方式「{style}」(プラグイン「{plugin}」)が指標「{indicator}」の評価中に"
        "失敗したため評価不能: {error}",
        "en": "style {style!r} (plugin {plugin!r}) failed while judging indicator "
        "{indicator!r}: {error}; not evaluable",
    },
    "judge.inference_failed": {
        "ja": "プラグイン「{plugin}」が指標「{indicator}」の評価方式の推定中"
        "(フック achievement_infer_style)に失敗したため評価不能: {error}",
        "en": "plugin {plugin!r} failed while inferring the style of indicator "
        "{indicator!r} (hook achievement_infer_style): {error}; not evaluable",
    },
    "judge.unknown_inferred_style": {
        "ja": "プラグイン「{plugin}」がフック achievement_infer_style で指標「{indicator}」に"
        "評価方式「{style}」を挙げましたが、その方式を登録したプラグインがないため評価不能"
        "(使える方式: {known})",
        "en": "plugin {plugin!r} named the style {style!r} for indicator {indicator!r} "
        "(hook achievement_infer_style), but no plugin registers that style: not evaluable "
        "(installed styles: {known})",
    },
    "judge.not_a_verdict": {
        "ja": "評価方式「{style}」(プラグイン「{plugin}」)の evaluate が Verdict ではなく "
        "{returned} を返したため評価不能",
        "en": "style {style!r} (plugin {plugin!r}): evaluate returned {returned}, "
        "not a Verdict; not evaluable",
    },
    "judge.message_failed": {
        "ja": "評価方式「{style}」(プラグイン「{plugin}」)の理由コード「{code}」の文言を"
        "判定の params で埋められないため評価不能: {error}",
        "en": "style {style!r} (plugin {plugin!r}): the message of reason code {code!r} "
        "cannot be filled from the verdict's params ({error}); not evaluable",
    },
    "judge.no_message": {
        "ja": "評価方式「{style}」(プラグイン「{plugin}」)が返した理由コード「{code}」の"
        "文言が messages にないため評価不能",
        "en": "style {style!r} (plugin {plugin!r}) returned the reason code {code!r}, "
        "which has no message in its messages catalogue; not evaluable",
    },
}
"""Messages for the reason codes the judge itself gives."""


_DIRECTION_NOTES: Mapping[DirectionSource, tuple[str, str]] = {
    DirectionSource.BOUND: (
        "目標が{bound_ja}を定めているため{better_ja}方が良いと推定",
        "{better_en} is better, inferred from the bound on the target",
    ),
    DirectionSource.BASELINE: (
        "目標が計画策定時より{side_ja}ため{better_ja}方が良いと推定",
        "{better_en} is better, inferred from the target being {side_en} the baseline",
    ),
    DirectionSource.ZERO_TARGET: (
        "目標がゼロのため低い方が良いと推定",
        "lower is better, inferred from the target of zero",
    ),
    DirectionSource.RANK: (
        "順位のため小さい方が良い",
        "lower is better, as the values are ranks (位)",
    ),
    DirectionSource.DEFAULT: (
        "方向の指定がないため高い方が良いとみなした",
        "no direction given, so higher is taken as better",
    ),
}


def value_notes(indicator: Indicator) -> tuple[tuple[str, str], ...]:
    """Notes on how the values were read: 速報値, 全校, a fraction read in %."""
    notes: list[tuple[str, str]] = []
    for value, ja, en in (
        (indicator.baseline, "計画策定時", "baseline"),
        (indicator.target.value, "目標", "target"),
        (indicator.actual.value, "実績", "actual"),
    ):
        if not isinstance(value, Quantity):
            continue
        if value.provisional:
            notes.append((f"{ja}は{value.note}", f"the {en} is provisional ({value.note})"))
        elif value.note:
            notes.append((f"{ja}の注記: {value.note}", f"note on the {en}: {value.note}"))
        if value.from_fraction:
            notes.append(
                (
                    f"{ja} {value.text}は、列の値がすべて0から1のため割合として"
                    f"{display(value, bound=False)}と読んだ",
                    f"the {en} {value.text} was read as {display(value, bound=False)}: every "
                    "number in its column is from 0 to 1, as Excel saves percentages",
                )
            )
    return tuple(notes)


def render_verdict(verdict: Verdict, evaluator: Evaluator) -> LocalizedText:
    """The verdict's message from the evaluator's catalogue, with notes and a direction note."""
    templates = evaluator.messages[verdict.code]
    ja = templates["ja"].format_map(verdict.params)
    en = templates["en"].format_map(verdict.params)
    for note_ja, note_en in verdict.notes:
        ja, en = f"{ja}({note_ja})", f"{en} ({note_en})"
    source = verdict.direction_source
    if source is not None and source.inferred and verdict.direction is not None:
        lower = verdict.direction is Direction.LOWER
        note = {
            "better_ja": "低い" if lower else "高い",
            "better_en": "lower" if lower else "higher",
            "bound_ja": "上限(以下・以内)" if lower else "下限(以上)",
            "side_ja": "低い" if lower else "高い",
            "side_en": "below" if lower else "above",
        }
        note_ja, note_en = _DIRECTION_NOTES[source]
        ja = f"{ja}({note_ja.format_map(note)})"
        en = f"{en} ({note_en.format_map(note)})"
    return LocalizedText(ja=ja, en=en)
