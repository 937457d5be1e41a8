"""Reports of a plan with years: the year columns, ``--as-of`` and one target per judgment."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from achievement import (
    Actual,
    Indicator,
    Judge,
    Judgment,
    Observation,
    Outcome,
    Quantity,
    Target,
    TargetBasis,
    TargetRevision,
    parse_value,
)
from achievement.cli import main
from achievement.readers import bundled_example, read_plan
from achievement.render import render
from achievement.render._view import DETAIL_COLUMNS, detail_columns, series_years
from achievement.rollup import Report, evaluate_plan
from achievement.schemes import measure

FOLDER = Path(__file__).resolve().parent.parent / "examples" / "five-year-plan"
FINAL, PROJECTED = FOLDER / "plan-r6-final.yaml", FOLDER / "plan-r6-projected.yaml"
JUDGE = Judge(autoload=False)
LOANS, EBOOKS, VOLUNTEERS, CHILDREN, VISITORS = (
    "図書館の年間貸出冊数",
    "電子書籍の貸出件数",
    "読み聞かせボランティアの新規登録者数",
    "1か月に1冊も本を読まない児童の割合",
    "来館者数",
)


def report_of(path: Path, as_of: int | None = None, scheme: str | None = None) -> Report:
    return evaluate_plan(read_plan(path).plan, JUDGE, as_of=as_of, scheme=scheme)


def json_of(path: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["report", str(path), "--format", "json", *args]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def indicators(data: dict[str, object]) -> dict[str, dict[str, object]]:
    items = data["indicators"]
    assert isinstance(items, list)
    return {item["name"]: item for item in items}


# -- 1. year columns in every format --------------------------------------------------------


def test_markdown_detail_has_one_column_per_year_with_projected_values_marked() -> None:
    text = render(report_of(PROJECTED), "md", lang="ja")
    detail = text.split("## 評価指標の一覧", 1)[1].strip().splitlines()
    header = [cell.strip() for cell in detail[0].strip("|").split("|")]
    assert header[-4:] == ["2021年度", "2022年度", "2023年度", "2024年度"]
    assert header[5:7] == ["目標", "比較した目標"]
    loans = [cell.strip() for cell in detail[2].strip("|").split("|")]
    assert loans[-4:] == ["1,050,000冊", "1,180,000冊", "1,250,000冊", "1,410,000冊 (見込)"]
    visitors = [cell.strip() for cell in detail[6].strip("|").split("|")]
    assert visitors[-4:] == ["", "", "500,000人", "515,000人 (見込)"]


def test_csv_has_the_same_year_columns_in_english() -> None:
    text = render(report_of(PROJECTED), "csv", lang="en")
    rows = list(csv.reader(io.StringIO(text)))
    header_at = next(i for i, row in enumerate(rows) if row and row[0] == "Row")
    header = rows[header_at]
    assert header[-4:] == ["FY2021", "FY2022", "FY2023", "FY2024"]
    by_name = {row[header.index("Indicator")]: row for row in rows[header_at + 1 :]}
    assert by_name[CHILDREN][-4:] == ["11.5%", "10.8%", "10.0%", "9.4% (projected)"]
    assert by_name[EBOOKS][header.index("Target used")] == (
        "pro-rated for FY2024: 66,000件 (on the target revised from FY2023)"
    )


def test_text_detail_prints_the_years_in_a_table_of_their_own() -> None:
    from achievement.render import text_

    out = text_.render(report_of(PROJECTED), lang="ja", detail=True, width=400)
    years = out.split("評価指標の年度別の値", 1)[1]
    assert "2021年度" in years
    assert "2024年度" in years
    assert "1,410,000冊" in years
    assert "(見込)" in years
    assert "比較した目標" in out.split("評価指標の一覧", 1)[1]


def test_html_detail_has_the_year_columns() -> None:
    pytest.importorskip("jinja2")
    page = render(report_of(PROJECTED), "html", lang="en")
    detail = page.split('id="detail"', 1)[1]
    head = detail.split("</thead>", 1)[0]
    assert head.index("<th>FY2021</th>") < head.index("<th>FY2024</th>")
    assert "1,410,000冊 (projected)" in detail


def test_every_format_shows_the_same_years() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    report = report_of(PROJECTED)
    assert series_years(report) == (2021, 2022, 2023, 2024)
    workbook = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx", lang="ja")))
    xlsx_header = [cell.value for cell in workbook.worksheets[-1][1]]
    md = render(report, "md", lang="ja").split("## 評価指標の一覧", 1)[1].strip()
    md_header = [cell.strip() for cell in md.splitlines()[0].strip("|").split("|")]
    rows = list(csv.reader(io.StringIO(render(report, "csv", lang="ja"))))
    csv_header = next(row for row in rows if row and row[0] == "行")
    years = ["2021年度", "2022年度", "2023年度", "2024年度"]
    for header in (xlsx_header, md_header, csv_header):
        assert [cell for cell in header if str(cell).endswith("年度")] == years


def test_a_plan_without_years_keeps_its_detail_columns() -> None:
    """The seed has no series and no judgment as of a year: no year, no target-used column."""
    report = evaluate_plan(read_plan(bundled_example()).plan, JUDGE)
    assert series_years(report) == ()
    assert all(result.judgment.comparison is None for result in report.results)
    assert detail_columns(report) == tuple(key for key in DETAIL_COLUMNS if key != "grade")
    assert (report.totals.achieved, report.totals.not_achieved, report.totals.rate) == (
        20,
        8,
        Decimal("71.4"),
    )


# -- 2. --as-of -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "given_year", ["令和6年度", "R6", "2024", "FY2024", "2024年度", "令和６年度"]
)
def test_as_of_reads_every_notation_of_the_year(
    given_year: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json_of(FINAL, "--as-of", given_year, capsys=capsys)
    assert data["plan"] == {
        "title": "第2次図書館サービス計画 令和6年度評価(確定)",
        "baseline_year": 2020,
        "target_year": 2025,
        "as_of": 2024,
    }
    outcomes = {name: item["outcome"] for name, item in indicators(data).items()}
    assert outcomes == {
        LOANS: "not_achieved",
        EBOOKS: "not_achieved",
        VOLUNTEERS: "achieved",
        CHILDREN: "not_achieved",
        VISITORS: "achieved",
    }


@pytest.mark.parametrize("bad", ["R6x", "2024年", "令和", "24", "FY20245", ""])
def test_a_bad_as_of_is_refused_in_both_languages_with_exit_2(
    bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", str(FINAL), "--as-of", bad, "--lang", "en"]) == 2
    assert "not a fiscal year" in capsys.readouterr().err
    assert main(["report", str(FINAL), "--as-of", bad, "--lang", "ja"]) == 2
    assert "年度として読めません" in capsys.readouterr().err


def test_the_heading_says_as_of_which_year() -> None:
    report = report_of(FINAL, as_of=2024)
    assert render(report, "text", lang="ja").splitlines()[0].endswith("令和6年度時点")
    assert render(report, "md", lang="en").splitlines()[0].endswith("as of FY2024")
    assert "時点" not in render(report_of(FINAL), "text", lang="ja").splitlines()[0]


def test_as_of_an_earlier_year_judges_that_years_values() -> None:
    """FY2023: loans 1,250,000 < 1,300,000 (3/5 of the way); e-books 50,000 < 52,000 on the
    target revised that year; volunteers 90+100+110 = 300 = 累計300; children 10.0% > 9.6%;
    visitors have no FY2022 to compare with."""
    report = report_of(FINAL, as_of=2023)
    by_name = {r.entry.indicator.name: r for r in report.results}
    assert {name: r.outcome for name, r in by_name.items()} == {
        LOANS: Outcome.NOT_ACHIEVED,
        EBOOKS: Outcome.NOT_ACHIEVED,
        VOLUNTEERS: Outcome.ACHIEVED,
        CHILDREN: Outcome.NOT_ACHIEVED,
        VISITORS: Outcome.NOT_EVALUABLE,
    }
    assert by_name[VISITORS].judgment.reason.code == "series.no_previous"
    assert (report.totals.achieved, report.totals.rate) == (1, Decimal("25.0"))
    loans = by_name[LOANS].judgment.comparison
    assert loans is not None
    assert loans.target.value.text == "1300000冊"
    md = render(report, "md", lang="ja")
    row = next(line for line in md.splitlines() if f"|  | {LOANS} |" in line)
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[6:8] == ["2023年度の按分目標 1,300,000冊", "1,250,000冊"]  # the year's actual


def test_as_of_the_midterm_year_uses_the_midterm_target() -> None:
    report = report_of(FINAL, as_of=2022)
    (loans,) = (r for r in report.results if r.entry.indicator.name == LOANS)
    assert loans.outcome is Outcome.ACHIEVED  # 1,180,000 >= 1,150,000
    found = loans.judgment.comparison
    assert found is not None
    assert found.basis is TargetBasis.INTERIM
    row = render(report, "csv", lang="ja")
    assert "2022年度の中間目標 1,150,000冊" in row


def test_a_year_without_values_is_never_judged_on_the_latest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = json_of(FINAL, "--as-of", "R8", capsys=capsys)
    for item in indicators(data).values():
        assert item["outcome"] == "not_evaluable"
        reason = item["reason"]
        assert isinstance(reason, dict)
        assert reason["code"] == "series.no_value"
        assert "2026年度の値がない" in str(item["message"])


# -- 3. one target per judgment -------------------------------------------------------------


EXPECTED = {
    # name: (basis, target used, degree, progress), by hand from the plan file
    LOANS: ("prorated", "1,400,000冊", "0.9857", "0.9500"),  # 138/140; (138-100)/(140-100)
    EBOOKS: ("prorated", "66,000件", "0.9394", "0.9286"),  # 6.2/6.6; (6.2-1)/(6.6-1)
    VOLUNTEERS: ("prorated", "累計400人", "1.0125", "1.0125"),  # 405/400, from zero
    CHILDREN: ("interim", "9.0%以下", "0.9574", "0.8667"),  # 9.0/9.4; (12-9.4)/(12-9)
    VISITORS: ("previous_year", "510,000人以上", "1.0098", "1.5000"),  # 51.5/51; (51.5-50)/1
}


def test_degree_and_progress_read_the_target_each_judgment_used(
    capsys: pytest.CaptureFixture[str],
) -> None:
    items = indicators(json_of(FINAL, capsys=capsys))
    for name, (basis, display, degree, progress) in EXPECTED.items():
        item = items[name]
        used = item["target_used"]
        assert isinstance(used, dict)
        assert (used["basis"], used["display"]) == (basis, display), name
        measured = item["measurements"]
        assert isinstance(measured, dict)
        assert (measured["degree"], measured["progress"]) == (degree, progress), name
        assert item["progress"] == progress or Decimal(str(item["progress"])) == Decimal(progress)
    ebooks = items[EBOOKS]
    assert ebooks["target"]["display"] == "50,000件"  # type: ignore[index]  # the final stays
    assert ebooks["target_used"]["revised_from"] == 2023  # type: ignore[index]
    volunteers = items[VOLUNTEERS]["target_used"]
    assert volunteers["actual"]["display"] == "405人"  # type: ignore[index]
    assert volunteers["baseline"] == "0人"  # type: ignore[index]


def test_highlights_follow_the_target_used() -> None:
    """Progress against the target used: visitors 1.5 beats volunteers 1.0125 among the
    achieved; children 0.8667 is the least among the not achieved; the rule says so."""
    highlights = report_of(FINAL).highlights
    assert "按分目標" in highlights.rule.ja
    assert "pro-rated" in highlights.rule.en
    assert (
        "按分目標" not in evaluate_plan(read_plan(bundled_example()).plan, JUDGE).highlights.rule.ja
    )
    assert [r.entry.indicator.name for r in highlights.achieved] == [VISITORS]
    assert [r.entry.indicator.name for r in highlights.not_achieved] == [CHILDREN]


def test_a_scheme_grades_on_the_target_used() -> None:
    """The degree scheme (A from 100%, B from 80%, ...) grades e-books at 93.9% of the
    pro-rated 66,000件, not at 124% of the original 50,000件."""
    report = report_of(FINAL, scheme="degree")
    grades = {r.entry.indicator.name: r.grade for r in report.results}
    assert grades[EBOOKS] is not None
    assert grades[EBOOKS].label == "B"
    assert grades[VOLUNTEERS] is not None
    assert grades[VOLUNTEERS].label == "A"


def test_the_detail_row_names_the_target_used_in_both_languages() -> None:
    report = report_of(FINAL)
    ja, en = render(report, "md", lang="ja"), render(report, "md", lang="en")
    assert "2024年度の按分目標 66,000件(2023年度からの見直し後の目標による)" in ja
    assert "2024年度の年度別目標 9.0%以下" in ja
    assert "2024年度に前年度比で求める値 510,000人以上" in ja
    assert "annual target for FY2024: 9.0%以下" in en
    assert "pro-rated for FY2024: 1,400,000冊" in en


def test_as_of_the_target_year_uses_the_final_or_revised_target() -> None:
    ebooks = Indicator(
        name="電子書籍",
        baseline=parse_value("1万件"),
        baseline_year=2020,
        target=Target(value=parse_value("5万件"), fiscal_year=2025),
        actual=Actual(value=parse_value("8.4万件"), fiscal_year=2025),
        series=(Observation(fiscal_year=2024, value=parse_value("6.2万件")),),
        revisions=(TargetRevision(from_year=2023, value=parse_value("8万件"), reason="利用増"),),
    )
    judgment = JUDGE.judge(ebooks)
    found = judgment.comparison
    assert found is not None
    assert found.basis is TargetBasis.FINAL
    assert found.revised_from == 2023
    measured = measure(ebooks, judgment)
    assert measured.degree == Decimal("84000") / Decimal("80000")


def agrees(indicator: Indicator, judgment: Judgment) -> bool:
    """Whether the outcome, the degree and the progress say the same: achieved exactly when
    both are at least 1 (for a single number with a way forward)."""
    measured = measure(indicator, judgment)
    assert measured.degree is not None
    assert measured.progress is not None
    achieved = judgment.outcome is Outcome.ACHIEVED
    return achieved == (measured.degree >= 1) == (measured.progress >= 1)


def test_the_consistency_check_fails_when_figures_read_the_final_target(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Mutation: measurements that ignore the target used (the final 150万冊 instead of the
    pro-rated 140万冊) disagree with the outcome, and the check says so."""
    import achievement.schemes._measure as measuring

    (loans,) = (
        i.indicator for i in read_plan(PROJECTED).plan.indicators if i.indicator.name == LOANS
    )
    judgment = JUDGE.judge(loans)  # 141万冊 (見込) >= 140万冊: achieved
    assert agrees(loans, judgment)
    monkeypatch.setattr(measuring, "compared", lambda indicator, judgment: indicator)
    assert not agrees(loans, judgment)  # 141 / 150 < 1 beside "achieved"


whole = st.integers(min_value=1, max_value=10_000)


@given(
    baseline=whole,
    gain=st.integers(min_value=1, max_value=10_000),
    span=st.integers(min_value=2, max_value=10),
    data=st.data(),
)
def test_the_outcome_and_the_degree_always_agree(
    baseline: int, gain: int, span: int, data: st.DataObject
) -> None:
    """Law: as of any year after the baseline, achieved exactly when the degree (against the
    target the judgment used) is at least 1, and progress at least 1 too."""
    first = 2020
    year = data.draw(st.integers(min_value=first + 1, max_value=first + span), label="year")
    actual = data.draw(st.integers(min_value=1, max_value=baseline + 2 * gain), label="actual")
    ind = Indicator(
        baseline=Quantity(amount=Decimal(baseline), unit="件", text=f"{baseline}件"),
        baseline_year=first,
        target=Target(
            value=Quantity(amount=Decimal(baseline + gain), unit="件", text=f"{baseline + gain}件"),
            fiscal_year=first + span,
        ),
        actual=Actual(
            value=Quantity(amount=Decimal(actual), unit="件", text=f"{actual}件"), fiscal_year=year
        ),
    )
    judgment = JUDGE.judge(ind)
    assert agrees(ind, judgment)
    expected = Fraction(baseline) + Fraction(gain) * Fraction(year - first, span)
    found = judgment.comparison
    if year == first + span:  # the target year: the final target itself
        assert found is None or found.basis is TargetBasis.FINAL
        assert expected == baseline + gain
    else:
        assert found is not None
        assert found.basis is TargetBasis.PRORATED
    used = ind.target.value if found is None else found.target.value
    assert isinstance(used, Quantity)
    assert abs(Fraction(used.amount) - expected) <= Fraction(1, 10**6)  # kept to six places


# -- 4. JSON measurements -------------------------------------------------------------------


def test_json_measurements_carry_pace_and_trajectory(capsys: pytest.CaptureFixture[str]) -> None:
    """Loans: the least-squares line through 100, 105, 118, 125, 138万冊 (FY2020-2024)
    rises 9.6万 a year, 146万冊 in FY2025: (146 - 100) / (150 - 100) = 0.92; the share of
    the change due by FY2024 is (138 - 100) / (140 - 100) = 0.95."""
    items = indicators(json_of(FINAL, capsys=capsys))
    measured = items[LOANS]["measurements"]
    assert isinstance(measured, dict)
    assert (measured["pace"], measured["trajectory"]) == ("0.9200", "0.9500")
    visitors = items[VISITORS]["measurements"]
    assert isinstance(visitors, dict)
    assert (visitors["pace"], visitors["trajectory"]) == (None, None)  # 前年度比: no path


@pytest.mark.parametrize("as_of", [None, 2022, 2023, 2026])
def test_reports_with_years_meet_the_report_schema(as_of: int | None) -> None:
    """target_used, the as-of year and pace / trajectory are all in `schema --report`."""
    jsonschema = pytest.importorskip("jsonschema")
    from achievement.render._report_schema import report_schema

    validator = jsonschema.Draft202012Validator(report_schema())
    for path in (FINAL, PROJECTED):
        for lang in ("ja", "en"):
            data = json.loads(str(render(report_of(path, as_of=as_of), "json", lang=lang)))
            validator.validate(data)
            assert data["plan"]["as_of"] == as_of
    used = data["indicators"][0]["target_used"]
    if used is not None:
        used["basis"] = "guessed"
        assert not validator.is_valid(data)


def test_as_of_an_actual_without_its_year_is_not_evaluable_and_says_why() -> None:
    """A table that does not say the actual's year: the actual is not taken for FY2024."""
    plain = Indicator(
        name="窓口満足度",
        baseline=parse_value("60%"),
        target=Target(value=parse_value("80%")),
        actual=Actual(value=parse_value("85%")),
    )
    judgment = JUDGE.judge(plain, as_of=2024)
    assert judgment.outcome is Outcome.NOT_EVALUABLE
    assert judgment.reason.code == "series.actual_year_unknown"
    assert "年度が書かれていない" in judgment.message.ja
    assert "the year of the actual 85% is not given" in judgment.message.en
    assert JUDGE.judge(plain).outcome is Outcome.ACHIEVED  # without as_of, as before


# -- 5. the laws, through an indicator (the path laws are in test_trajectory.py) ----


@given(
    baseline=st.integers(min_value=1, max_value=1000),
    span=st.integers(min_value=1, max_value=8),
    data=st.data(),
)
def test_an_indicator_on_its_pro_rated_path_is_on_track_and_achieved(
    baseline: int, span: int, data: st.DataObject
) -> None:
    """Law: values exactly on the straight line from the baseline to the target, read from a
    plan's indicator, are on track (or met) under every method, and each year's judgment
    is achieved against the pro-rated target (equality achieves)."""
    from achievement.trajectory import Method, TrajectoryStatus, assess

    step = data.draw(st.integers(min_value=-((baseline - 1) // span), max_value=100), label="step")
    year = data.draw(st.integers(min_value=1, max_value=span), label="years so far")
    first = 2020

    def value(k: int) -> Quantity:
        amount = baseline + step * k
        return Quantity(amount=Decimal(amount), unit="人", text=f"{amount}人")

    ind = Indicator(
        baseline=value(0),
        baseline_year=first,
        target=Target(value=value(span), fiscal_year=first + span),
        actual=Actual(value=value(year), fiscal_year=first + year),
        series=tuple(Observation(fiscal_year=first + k, value=value(k)) for k in range(1, year)),
    )
    for method in Method:
        status = assess(ind, method).status
        assert status in {TrajectoryStatus.ON_TRACK, TrajectoryStatus.TARGET_MET}, method
    for k in range(1, year + 1):
        assert JUDGE.judge(ind, as_of=first + k).outcome is Outcome.ACHIEVED


@pytest.mark.parametrize(
    ("year", "code"),
    [(2020, "series.before_baseline"), (2019, "series.before_baseline"), (2026, "series.no_value")],
)
def test_as_of_a_year_outside_the_values_names_why(year: int, code: str) -> None:
    """As of the baseline year (its value is the baseline) or before, the reason says so;
    after the last value, that there is none."""
    report = report_of(FINAL, as_of=year)
    assert {r.judgment.reason.code for r in report.results} == {code}
    assert report.totals.not_evaluable == 5
