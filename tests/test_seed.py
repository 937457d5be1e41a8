"""Every judgment of the Taito report comes out of the library from the cells as printed."""

from __future__ import annotations

import pytest

from achievement import Judge, Outcome

# (indicator, baseline, target, projected actual, published 評価, style), as printed in
# the detail table (別紙) of the Taito report; "―" where the table has no baseline.
SEED_ROWS: list[tuple[str, str | None, str, str, str, str]] = [
    (
        "来庁者の窓口での待ち時間(平均)",
        "証明書交付\n18分\n異動届\n45分",
        "減少",
        "証明書交付\n16分\n異動届\n41分",
        "達成",
        "direction",
    ),
    ("オンライン手続比率", "10%", "60%", "20%", "未達成", "threshold"),
    ("コンビニで取得可能な証明書数", "2種類", "充実", "2種類", "未達成", "direction"),
    ("マイナンバーカード交付率", "35%", "60%", "91%", "達成", "threshold"),
    ("キャッシュレス決済利用率", "10%", "40%", "22%", "未達成", "threshold"),
    ("オープンデータ公開件数", "36 件", "110 件", "785 件", "達成", "threshold"),
    ("アイデアソン実施回数(累計)", "_", "2回", "2回", "達成", "threshold"),
    ("AIチャットボットにおける未解決率", "20%", "0 %", "3 %", "未達成", "threshold"),
    ("区公式LINEで発信される情報への満足度", "_", "80%", "82%", "達成", "threshold"),
    ("児童・生徒の情報活用能力の評価指数", "_", "増加", "増加", "達成", "direction"),
    ("ICTを活用した見守りシステム", "実施", "推進", "推進", "達成", "ordinal"),
    ("健診データ等の活用の仕組みの構築", "_", "実施", "検討", "未達成", "ordinal"),
    ("区立特別養護老人ホームにおける介護ロボットの活用", "実施", "実施", "実施", "達成", "ordinal"),
    ("防災アプリダウンロード数(累計)", "9, 100", "13,000", "23,000", "達成", "threshold"),
    (
        "区内中小企業におけるデジタル技術の導入・活用の支援",
        "実施",
        "推進",
        "推進",
        "達成",
        "ordinal",
    ),
    (
        "デジタル技術の活用による文化・観光のさらなる魅力発信",
        "実施",
        "推進",
        "推進",
        "達成",
        "ordinal",
    ),
    (
        "BPRによって見直した業務プロセスの件数",
        "年3件(累計6件)",
        "年5件 (累計31件)",
        "年 27 件 (累計 59 件)",
        "達成",
        "cumulative",
    ),
    ("電子決裁利用率", "31%", "100%", "99%", "未達成", "threshold"),
    ("オンライン手続比率", "10%", "60%", "20%", "未達成", "threshold"),
    (
        "AI・RPA導入業務における作業削減時間",
        "年 600 時間",
        "年 8, 150 時間",
        "年 9,300 時間",
        "達成",
        "threshold",
    ),
    ("政策立案におけるデータ利活用", "_", "実施", "実施", "達成", "ordinal"),
    ("テレワーク環境の整備", "_", "実施", "実施", "達成", "ordinal"),
    ("ソフト・ハード両面からのデジタル・ディバイド対策", "実施", "推進", "推進", "達成", "ordinal"),
    ("区公式ホームページにおけるアクセシビリティの向上", "実施", "推進", "推進", "達成", "ordinal"),
    (
        "ICTリテラシー向上に資する研修等実施回数",
        "_",
        "年2回(累計9回)",
        "年2回 (累計9回)",
        "達成",
        "cumulative",
    ),
    (
        "外部セミナー等への職員参加回数",
        "年6回",
        "年 10 回 (累計 56 回)",
        "年 50 回 (累計 229 回)",
        "達成",
        "cumulative",
    ),
    ("情報漏えい・事故件数", "年3件", "年0件", "年1件", "未達成", "threshold"),
    ("システム基盤のコスト最適化・高度化", "実施", "推進", "推進", "達成", "ordinal"),
]

PUBLISHED = {"達成": Outcome.ACHIEVED, "未達成": Outcome.NOT_ACHIEVED}


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge(autoload=False)


@pytest.mark.parametrize(
    ("name", "baseline", "target", "actual", "published", "style"),
    SEED_ROWS,
    ids=[f"{i:02d}-{row[0]}" for i, row in enumerate(SEED_ROWS, 1)],
)
def test_seed_row_judged_as_published(
    judge: Judge, name: str, baseline: str, target: str, actual: str, published: str, style: str
) -> None:
    """Each seed row, cells as printed, gets the published judgment from the expected style."""
    judgment = judge.judge_text(
        name=name, baseline=baseline, target=target, actual=actual, projected=True
    )
    assert judgment.outcome is PUBLISHED[published], judgment.message.en
    assert judgment.style == style
    assert judgment.reason.code.startswith(f"{style}.")
    assert ("ため未達成" in judgment.message.ja) is (published == "未達成")
    assert (": not achieved" in judgment.message.en) is (published == "未達成")


def test_seed_totals_are_twenty_of_twenty_eight(judge: Judge) -> None:
    """The 28 seed rows give 20 achieved and 8 not achieved, as the report's summary says."""
    outcomes = [
        judge.judge_text(baseline=b, target=t, actual=a).outcome for _, b, t, a, _, _ in SEED_ROWS
    ]
    assert len(outcomes) == 28
    assert outcomes.count(Outcome.ACHIEVED) == 20
    assert outcomes.count(Outcome.NOT_ACHIEVED) == 8


def test_security_incidents_lower_is_better_inferred(judge: Judge) -> None:
    """年3件 -> 年0件 -> 年1件 is judged with lower-is-better, and the judgment says it was inferred."""
    j = judge.judge_text(baseline="年3件", target="年0件", actual="年1件")
    assert j.outcome is Outcome.NOT_ACHIEVED
    assert j.direction == "lower"
    assert j.direction_inferred
    assert "推定" in j.message.ja
    assert "inferred" in j.message.en


def test_open_data_message_and_margin(judge: Judge) -> None:
    """36件 -> 110件 -> 785件 is achieved by 675件, 7.1 times the target, and says so."""
    j = judge.judge_text(baseline="36 件", target="110 件", actual="785 件")
    assert j.reason.code == "threshold.meets_target"
    assert j.message.ja.startswith("実績 785件は目標 110件以上(7.1倍)のため達成")
    assert j.margin is not None
    assert j.margin.difference == 675
    assert j.margin.ratio is not None
    assert str(j.margin.ratio) == "7.1364"


def test_cumulative_compares_totals_when_target_names_one(judge: Judge) -> None:
    """年5件(累計31件) against 年27件(累計59件) compares the totals, 59 against 31."""
    j = judge.judge_text(
        baseline="年3件(累計6件)", target="年5件(累計31件)", actual="年27件(累計59件)"
    )
    assert j.reason.params["actual"] == "累計59件"
    assert j.margin is not None
    assert j.margin.difference == 28


def test_wait_times_every_component_must_fall(judge: Judge) -> None:
    """The wait-time row is achieved only because both 証明書交付 and 異動届 went down."""
    baseline = "証明書交付 18分 異動届 45分"
    assert (
        judge.judge_text(
            baseline=baseline, target="減少", actual="証明書交付 16分 異動届 41分"
        ).outcome
        is Outcome.ACHIEVED
    )
    assert (
        judge.judge_text(
            baseline=baseline, target="減少", actual="証明書交付 16分 異動届 46分"
        ).outcome
        is Outcome.NOT_ACHIEVED
    )
