"""The preset grading schemes, registered by this built-in plugin.

``binary`` (the default) is the seed's 達成 / 未達成.  ``degree`` grades the
achievement degree in Aichi Prefecture's bands, ``progress`` the progress
from the baseline to the target, ``baseline-4`` the change against the
baseline in the four grades prefectural IT plans publish, ``kenko21`` the
classes of Health Japan 21, and ``soumu5`` the five classes of the national
management-by-objectives policy evaluation, given per measure.
"""

from __future__ import annotations

from typing import Any

from achievement._hookspecs import hookimpl
from achievement.schemes._registry import SchemeRegistry
from achievement.schemes._scheme import Scheme

__all__ = ["DEFAULT_SCHEME", "PRESETS"]

DEFAULT_SCHEME = "binary"
"""The scheme used when none is named: the seed's rule."""


def _grade(label: str, ja: str, en: str, **band: Any) -> dict[str, Any]:
    return {"label": label, "meaning": {"ja": ja, "en": en}, **band}


_DATA: tuple[dict[str, Any], ...] = (
    {
        "name": "binary",
        "title": {"ja": "達成・未達成", "en": "achieved or not"},
        "basis": "met",
        "grades": [
            _grade(
                "達成",
                "目標値と比較して同数以上",
                "the target or better",
                label_en="achieved",
                min=1,
                achieved=True,
            ),
            _grade("未達成", "目標に届かない", "short of the target", label_en="not achieved"),
        ],
    },
    {
        "name": "degree",
        "title": {"ja": "達成度による区分", "en": "bands of the achievement degree"},
        "basis": "degree",
        "grades": [
            _grade("A", "目標を達成", "target reached", min=1, achieved=True),
            _grade("B", "おおむね達成", "nearly reached", min="80%"),
            _grade("C", "一定の進捗", "some way", min="50%"),
            _grade("D", "達成度が低い", "far from the target"),
        ],
        "source": {
            "ja": "愛知県の情報化計画の進捗評価(100%・80%・50%)",
            "en": "Aichi Prefecture's IT plan follow-up (100%, 80%, 50%)",
        },
    },
    {
        "name": "progress",
        "title": {"ja": "進捗率による区分", "en": "bands of progress from the baseline"},
        "basis": "progress",
        "grades": [
            _grade("A", "目標に到達", "target reached", min=1, achieved=True),
            _grade("B", "半分以上進んだ", "half the way or more", min="50%"),
            _grade("C", "計画策定時より悪化していない", "no worse than the baseline", min=0),
            _grade("D", "計画策定時より悪化", "worse than the baseline"),
        ],
    },
    {
        "name": "baseline-4",
        "title": {"ja": "計画策定時との比較による4区分", "en": "four grades against the baseline"},
        "basis": "change",
        "grades": [
            _grade(
                "達成A",
                "目標を達成",
                "target met",
                label_en="met A",
                basis="met",
                min=1,
                achieved=True,
            ),
            _grade(
                "前進B",
                "計画策定時より前進",
                "better than the baseline",
                label_en="forward B",
                min="5%",
                strict=True,
            ),
            _grade(
                "横ばいC", "計画策定時と同程度", "about the baseline", label_en="flat C", min="-5%"
            ),
            _grade("後退D", "計画策定時より後退", "worse than the baseline", label_en="back D"),
        ],
        "unmet_grade": "横ばいC",
        "source": {
            "ja": "都道府県の情報化計画の進捗評価(達成・前進・横ばい・後退)",
            "en": "prefectural IT plan follow-ups (met, forward, flat, back)",
        },
    },
    {
        "name": "kenko21",
        "title": {"ja": "健康日本21の評価区分", "en": "Health Japan 21 classes"},
        "basis": "change",
        "grades": [
            _grade("A", "目標値に達した", "target reached", basis="met", min=1, achieved=True),
            _grade("B", "改善傾向にある", "improving", min="5%"),
            _grade("C", "変わらない", "unchanged", min="-5%", strict=True),
            _grade("D", "悪化している", "worse"),
        ],
        "cannot_assess": _grade("E", "評価困難", "cannot be assessed"),
        "unmet_grade": "E",
        "source": {
            "ja": "健康日本21(第二次)最終評価(相対的に5%以上の変化を目安)",
            "en": "Health Japan 21 (second term) final evaluation (5% relative change)",
        },
    },
    {
        "name": "soumu5",
        "title": {
            "ja": "目標管理型の政策評価の5区分",
            "en": "five classes of the management-by-objectives policy evaluation",
        },
        "basis": "degree",
        "grades": [
            _grade(
                "目標超過達成",
                "目標を大幅に上回る",
                "far above the target",
                label_en="target exceeded",
                min="120%",
                achieved=True,
            ),
            _grade(
                "目標達成",
                "目標を達成",
                "target met",
                label_en="target met",
                basis="met",
                min=1,
                achieved=True,
            ),
            _grade(
                "相当程度進展あり",
                "おおむね目標に近い",
                "close to the target",
                label_en="considerable progress",
                min="80%",
            ),
            _grade(
                "進展が大きくない",
                "計画策定時より前進",
                "moved forward",
                label_en="limited progress",
                basis="change",
                min=0,
                strict=True,
            ),
            _grade(
                "目標に向かっていない",
                "前進していない",
                "not moving toward the target",
                label_en="not moving toward the target",
            ),
        ],
        "per_measure": True,
        "source": {
            "ja": "総務省「目標管理型の政策評価の実施に関するガイドライン」の区分"
            "(120%・80%は独立行政法人評価の目安)",
            "en": "the national guideline on management-by-objectives policy evaluation "
            "(120% and 80% from the evaluation of incorporated administrative agencies)",
        },
    },
)

PRESETS: tuple[Scheme, ...] = tuple(Scheme.model_validate(data) for data in _DATA)
"""The preset schemes, ``binary`` first."""


@hookimpl
def achievement_register_schemes(registry: SchemeRegistry) -> None:
    """Register the preset grading schemes."""
    for scheme in PRESETS:
        registry.add(scheme)
