"""The messages of :mod:`achievement.trajectory`: each rule's figures explained, ja then en."""

from __future__ import annotations

__all__ = ["EXPLAIN"]

EXPLAIN: dict[str, tuple[str, str]] = {
    "any.too_few": ("計画策定時の後の年度の値がない", "no value after the baseline year"),
    "any.target_met": (
        "直近値 {latest} が目標に達している",
        "the latest value {latest} reaches the target",
    ),
    "any.target_lost": (
        "目標は計画策定時に達していたが、直近値 {latest} は届かない",
        "the target was met at the baseline, and the latest value {latest} falls short of it",
    ),
    "linear.no_target": ("数値の目標がない", "no numeric target"),
    "linear.ratio": (
        "{year}年度の {latest} は按分目標 {prorated} までに必要な変化の {ratio} 倍(基準 1 / 0.6 / 0)",
        "{latest} in FY{year} made {ratio} of the change required by the pro-rated target "
        "{prorated} (cut-offs 1 / 0.6 / 0)",
    ),
    "cagr.on_path": (
        "按分目標 {prorated} の直線上かそれより良い",
        "on or past the straight line to the target (pro-rated target {prorated})",
    ),
    "cagr.nonpositive": (
        "年平均伸び率は0以下の値では計算できない(linear を使用してください)",
        "compound growth cannot be computed with zero or negative values (use linear)",
    ),
    "cagr.no_target": (
        "望ましい方向の年平均伸び率 {observed}(基準 1.5% / 0.5% / 0、Open SDG)",
        "compound annual growth in the desired direction {observed} "
        "(cut-offs 1.5% / 0.5% / 0, Open SDG)",
    ),
    "cagr.ratio": (
        "年平均伸び率 {observed} は必要な {required} の {ratio} 倍(基準 0.95 / 0.6 / 0、Eurostat・カナダ統計局)",
        "observed compound annual growth {observed} is {ratio} of the required {required} "
        "(cut-offs 0.95 / 0.6 / 0, Eurostat and Statistics Canada)",
    ),
    "weather.wrong_way": (
        "直近{points}点の年平均変化 {slope} は望ましくない方向",
        "the average annual change over the last {points} points, {slope}, goes the wrong way",
    ),
    "weather.no_target": (
        "直近{points}点の年平均変化 {slope}",
        "average annual change over the last {points} points: {slope}",
    ),
    "weather.projected": (
        "直近{points}点の年平均変化 {slope} が続くと目標年度に {projected}、現在の目標との差の "
        "{shortfall} が不足(基準 5% / 20%、ドイツ持続可能性戦略)",
        "at the average annual change of the last {points} points, {slope}, the target year "
        "reaches {projected}, missing {shortfall} of the present gap "
        "(cut-offs 5% / 20%, German Sustainability Strategy)",
    ),
    "pace.no_target": ("数値の目標がない", "no numeric target"),
    "pace.projected": (
        "これまでの直線傾向では目標年度に {projected}(目標への達成度 {degree}、基準 1 / 0.6 / 0)",
        "at the straight-line pace so far the target year reaches {projected} "
        "(degree {degree} of the way to the target, cut-offs 1 / 0.6 / 0)",
    ),
}
