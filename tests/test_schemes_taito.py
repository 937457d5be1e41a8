"""Every preset scheme on real rows of the Taito report (別紙), values computed by hand."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from achievement import (
    Actual,
    ActualStatus,
    Indicator,
    Judge,
    Judgment,
    Outcome,
    Target,
    parse_value,
)
from achievement.readers import bundled_example, read_plan
from achievement.rollup import evaluate_plan
from achievement.schemes import GradeTally, Measurements, get_scheme, measure

JUDGE = Judge(autoload=False)
TAITO = Path(__file__).parents[1] / "examples" / "taito-2025" / "taito-2025.csv"


def judged(baseline: str, target: str, actual: str) -> tuple[Indicator, Judgment]:
    indicator = Indicator(
        baseline=parse_value(baseline),
        target=Target(value=parse_value(target)),
        actual=Actual(value=parse_value(actual), status=ActualStatus.PROJECTED),
    )
    return indicator, JUDGE.judge(indicator)


def measured(baseline: str, target: str, actual: str) -> Measurements:
    return measure(*judged(baseline, target, actual))


def grades(baseline: str, target: str, actual: str) -> dict[str, str | None]:
    indicator, judgment = judged(baseline, target, actual)
    result = {}
    for name in ("binary", "degree", "progress", "baseline-4", "kenko21", "soumu5"):
        grade = get_scheme(name, JUDGE).grade(indicator, judgment)
        result[name] = None if grade is None else grade.label
    return result


def test_online_procedures_ratio() -> None:
    """オンライン手続比率 10% -> 60% -> 20%: degree 1/3 (D), progress 20% (C), change +100% (前進B)."""
    m = measured("10%", "60%", "20%")
    assert m.met is False
    assert m.degree == Decimal(20) / Decimal(60)
    assert m.progress == Decimal("0.2")
    assert m.change == Decimal(1)
    assert grades("10%", "60%", "20%") == {
        "binary": "未達成",
        "degree": "D",
        "progress": "C",
        "baseline-4": "前進B",
        "kenko21": "B",
        "soumu5": "進展が大きくない",
    }


def test_security_incidents_lower_is_better() -> None:
    """情報漏えい 年3件 -> 年0件 -> 年1件: lower is better, degree 0/1 = 0, two thirds of the way."""
    m = measured("年3件", "年0件", "年1件")
    assert m.degree == Decimal(0)
    assert m.progress == Decimal(-2) / Decimal(-3)
    assert m.change == Decimal(2) / Decimal(3)
    assert grades("年3件", "年0件", "年1件") == {
        "binary": "未達成",
        "degree": "D",
        "progress": "B",
        "baseline-4": "前進B",
        "kenko21": "B",
        "soumu5": "進展が大きくない",
    }


def test_electronic_approval_just_short() -> None:
    """電子決裁利用率 31% -> 100% -> 99%: degree 99% sits just under the A band, so B."""
    m = measured("31%", "100%", "99%")
    assert m.degree == Decimal("0.99")
    assert m.progress == Decimal(68) / Decimal(69)
    assert m.change == Decimal(68) / Decimal(31)
    assert grades("31%", "100%", "99%") == {
        "binary": "未達成",
        "degree": "B",
        "progress": "B",
        "baseline-4": "前進B",
        "kenko21": "B",
        "soumu5": "相当程度進展あり",
    }


def test_electronic_approval_at_target_is_a() -> None:
    """電子決裁利用率 with the actual on the target (100%) reaches the A band of degree exactly."""
    m = measured("31%", "100%", "100%")
    assert m.degree == Decimal(1)
    assert grades("31%", "100%", "100%")["degree"] == "A"


def test_chatbot_unresolved_rate_zero_target() -> None:
    """AIチャットボット未解決率 20% -> 0% -> 3%: a zero target gives degree 0 but progress 85%."""
    m = measured("20%", "0 %", "3 %")
    assert m.degree == Decimal(0)
    assert m.progress == Decimal("0.85")
    assert m.change == Decimal("0.85")
    assert grades("20%", "0 %", "3 %") == {
        "binary": "未達成",
        "degree": "D",
        "progress": "B",
        "baseline-4": "前進B",
        "kenko21": "B",
        "soumu5": "進展が大きくない",
    }


def test_cashless_payment_rate() -> None:
    """キャッシュレス決済利用率 10% -> 40% -> 22%: degree 55% (C), progress 40% (C)."""
    m = measured("10%", "40%", "22%")
    assert m.degree == Decimal("0.55")
    assert m.progress == Decimal("0.4")
    assert grades("10%", "40%", "22%")["degree"] == "C"
    assert grades("10%", "40%", "22%")["progress"] == "C"


def test_my_number_card_far_above_target() -> None:
    """マイナンバーカード交付率 35% -> 60% -> 91%: met by 152%, so 目標超過達成 under soumu5."""
    m = measured("35%", "60%", "91%")
    assert m.degree == Decimal(91) / Decimal(60)
    assert grades("35%", "60%", "91%") == {
        "binary": "達成",
        "degree": "A",
        "progress": "A",
        "baseline-4": "達成A",
        "kenko21": "A",
        "soumu5": "目標超過達成",
    }


def test_ai_rpa_hours_met_without_wide_margin() -> None:
    """AI・RPA 作業削減時間 年600 -> 年8,150 -> 年9,300時間: met at 114%, so 目標達成, not 超過."""
    m = measured("年 600 時間", "年 8, 150 時間", "年 9,300 時間")
    assert m.degree == Decimal(9300) / Decimal(8150)
    assert grades("年 600 時間", "年 8, 150 時間", "年 9,300 時間")["soumu5"] == "目標達成"


def test_bpr_running_totals_are_compared() -> None:
    """BPR 年3件(累計6件) -> 年5件(累計31件) -> 年27件(累計59件): the totals are measured."""
    m = measured("年3件(累計6件)", "年5件 (累計31件)", "年 27 件 (累計 59 件)")
    assert m.degree == Decimal(59) / Decimal(31)
    assert m.progress == Decimal(53) / Decimal(25)
    assert m.change == Decimal(53) / Decimal(6)


def test_seminars_annual_baseline_against_total_target() -> None:
    """外部セミナー 年6回 -> 累計56回: an annual baseline says nothing of the total, so no progress."""
    m = measured("年6回", "年 10 回 (累計 56 回)", "年 50 回 (累計 229 回)")
    assert m.degree == Decimal(229) / Decimal(56)
    assert m.progress is None
    assert m.change is None


def test_waiting_time_worst_component() -> None:
    """待ち時間 18分/45分 -> 減少 -> 16分/41分: the worse component (異動届, 4/45) is the change."""
    m = measured("証明書交付 18分 異動届 45分", "減少", "証明書交付 16分 異動届 41分")
    assert m.met is True
    assert m.degree is None
    assert m.change == Decimal(4) / Decimal(45)
    assert grades("証明書交付 18分 異動届 45分", "減少", "証明書交付 16分 異動届 41分") == {
        "binary": "達成",
        "degree": "A",
        "progress": "A",
        "baseline-4": "達成A",
        "kenko21": "A",
        "soumu5": "目標達成",
    }


def test_convenience_store_certificates_word_target_not_met() -> None:
    """コンビニ証明書数 2種類 -> 充実 -> 2種類: no degree, no change: D under degree, 横ばいC."""
    m = measured("2種類", "充実", "2種類")
    assert (m.met, m.degree, m.progress, m.change) == (False, None, None, Decimal(0))
    assert grades("2種類", "充実", "2種類") == {
        "binary": "未達成",
        "degree": "D",
        "progress": "D",
        "baseline-4": "横ばいC",
        "kenko21": "C",
        "soumu5": "目標に向かっていない",
    }


def test_ordinal_met_grades_a() -> None:
    """見守りシステム 実施 -> 推進 -> 推進: a word target that is met grades A, a stage up."""
    m = measured("実施", "推進", "推進")
    assert m.change == Decimal(1)
    assert grades("実施", "推進", "推進")["degree"] == "A"


def test_health_data_no_baseline() -> None:
    """健診データ ― -> 実施 -> 検討: no baseline to compare, so E under kenko21 and 横ばいC."""
    m = measured("―", "実施", "検討")
    assert (m.met, m.change) == (False, None)
    got = grades("―", "実施", "検討")
    assert (got["degree"], got["baseline-4"], got["kenko21"]) == ("D", "横ばいC", "E")


def taito_rows() -> list[dict[str, str]]:
    with TAITO.open(encoding="utf-8", newline="") as handle:
        handle.readline()  # the plan's name, above the header
        return list(csv.DictReader(handle))


def test_binary_keeps_the_published_judgments_and_rate() -> None:
    """Under binary the 28 Taito rows grade as published: 20 達成, 8 未達成, rate 71.4%."""
    rows = taito_rows()
    scheme = get_scheme("binary", JUDGE)
    labels = []
    for row in rows:
        indicator, judgment = judged(
            row["計画策定時(令和2年度末)"], row["目標(令和7年度)"], row["令和7年度 実績見込"]
        )
        grade = scheme.grade(indicator, judgment)
        assert grade is not None
        assert grade.label == row["評価"]
        labels.append(grade)
    assert len(labels) == 28
    assert sum(grade.label == "達成" for grade in labels) == 20
    assert sum(grade.label == "未達成" for grade in labels) == 8
    assert scheme.rate(labels) == Decimal("71.4")


def test_every_preset_grades_all_taito_rows() -> None:
    """Every preset gives each of the 28 evaluable Taito rows exactly one of its own grades."""
    rows = taito_rows()
    for name in ("binary", "degree", "progress", "baseline-4", "kenko21", "soumu5"):
        scheme = get_scheme(name, JUDGE)
        for row in rows:
            indicator, judgment = judged(
                row["計画策定時(令和2年度末)"], row["目標(令和7年度)"], row["令和7年度 実績見込"]
            )
            assert judgment.outcome is not Outcome.NOT_EVALUABLE
            grade = scheme.grade(indicator, judgment)
            assert grade is not None
            assert grade.label in scheme.labels


@pytest.mark.parametrize(
    ("name", "rate"),
    [("degree", "71.4"), ("progress", "71.4"), ("baseline-4", "71.4"), ("soumu5", "71.4")],
)
def test_achieved_grades_agree_with_binary_on_taito(name: str, rate: str) -> None:
    """On the Taito rows the achieved grades of each preset give the seed's rate of 71.4%."""
    scheme = get_scheme(name, JUDGE)
    got = [
        scheme.grade(
            *judged(
                row["計画策定時(令和2年度末)"], row["目標(令和7年度)"], row["令和7年度 実績見込"]
            )
        )
        for row in taito_rows()
    ]
    assert scheme.rate(got) == Decimal(rate)


def test_kenko21_grades_an_unmeasurable_change_e_and_counts_it_as_not_achieved() -> None:
    """kenko21 grades the unmet row without a baseline E; it stays in the rate: 20 of 28, 71.4%."""
    scheme = get_scheme("kenko21", JUDGE)
    got = [
        scheme.grade(
            *judged(
                row["計画策定時(令和2年度末)"], row["目標(令和7年度)"], row["令和7年度 実績見込"]
            )
        )
        for row in taito_rows()
    ]
    assert sum(grade is not None and grade.label == "E" for grade in got) == 1
    assert scheme.rate(got, [True] * len(got)) == Decimal("71.4")
    assert evaluate_plan(read_plan(bundled_example()).plan, JUDGE, scheme=scheme).grades == (
        GradeTally.of(scheme, got, [True] * len(got))
    )
