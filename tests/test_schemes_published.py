"""Published grades reconciled under a scheme, and grades with several conditions (``when``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from achievement import Actual, Indicator, Target, default_judge, parse_value
from achievement.cli import main
from achievement.schemes import Condition, Grade, Measurements, Scheme, SchemeFileError, load_scheme
from achievement.schemes._published import published_grade
from achievement.schemes._scheme import Basis

DATA = Path(__file__).resolve().parent / "data"
TWO_ROWS = DATA / "dx-plan-two-row-header.csv"
MERGED = DATA / "dx-plan-merged.xlsx"
HEADINGS = DATA / "safety-plan-headings.csv"


def report_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[dict[str, object], str]:
    assert main(["report", *argv, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    data: dict[str, object] = json.loads(out)
    return data, err


@pytest.mark.parametrize("path", [TWO_ROWS, MERGED])
def test_published_grades_are_read_under_the_scheme(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under degree, 評価 A/B/C is the published grade: ``recorded`` and ``agrees``, no warning."""
    data, err = report_json(capsys, str(path), "--scheme", "degree")
    indicators = data["indicators"]
    assert isinstance(indicators, list)
    rows = [(i["name"], i["grade"], i["recorded"], i["agrees"]) for i in indicators]
    assert rows == [
        ("オンライン申請可能な手続数", "A", "A", True),  # 152 / 150
        ("電子決裁率", "B", "B", True),  # 93.4 / 100
        ("平均待ち時間", "A", "A", True),  # 15分 against 15分以下
        ("ICT講座の受講者数", "B", "B", True),  # 250 / 300 = 83%
        ("公衆無線LANの設置数", "B", "C", False),  # 20 / 25 = 80%, published C
    ]
    problems = data["problems"]
    assert isinstance(problems, list)
    assert all(p["severity"] == "note" for p in problems)
    assert "評価「" not in err
    assert "cannot read" not in err


def test_binary_keeps_the_outcome_reading(capsys: pytest.CaptureFixture[str]) -> None:
    """Under binary A/B/C are not outcome words: warned about, and nothing is compared."""
    data, err = report_json(capsys, str(TWO_ROWS))
    indicators = data["indicators"]
    assert isinstance(indicators, list)
    assert {(i["recorded"], i["agrees"]) for i in indicators} == {(None, None)}
    assert err.count("評価「") == 5
    data, _ = report_json(capsys, str(HEADINGS), "--scheme", "degree")
    indicators = data["indicators"]
    assert isinstance(indicators, list)
    # 達成 / 未達成 stay outcomes under another scheme: agrees compares outcomes
    assert [(i["recorded"], i["agrees"]) for i in indicators] == [
        ("achieved", True),
        ("not_achieved", True),
        ("achieved", True),
    ]


def test_validate_with_a_scheme_does_not_warn(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(TWO_ROWS)]) == 1
    capsys.readouterr()
    assert main(["validate", str(TWO_ROWS), "--scheme", "degree"]) == 0
    assert "注意 0件" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "label"),
    [("Ａ", "A"), (" b ", "B"), ("達成", None), ("E", None), ("", None), (None, None)],
)
def test_published_grade_matching(text: str | None, label: str | None) -> None:
    from achievement.schemes import get_scheme

    grade = published_grade(get_scheme("degree"), text)
    assert (None if grade is None else grade.label) == label


def test_symbols_are_grades_of_a_symbol_scheme() -> None:
    """◎○△: ○ is a grade of the scheme, not the binary 〇 (achieved)."""
    scheme = _scheme(
        [
            {"label": "◎", "min": 1, "achieved": True},
            {"label": "○", "min": "80%"},
            {"label": "△"},
        ]
    )
    grade = published_grade(scheme, "○")
    assert grade is not None
    assert grade.label == "○"


def _scheme(grades: list[dict[str, object]], name: str = "city") -> Scheme:
    return Scheme.model_validate(
        {
            "name": name,
            "title": {"ja": "市", "en": "city"},
            "basis": "degree",
            "grades": [{"meaning": {"ja": "-", "en": "-"}, **g} for g in grades],
        }
    )


CITY = _scheme(
    [
        {"label": "A", "min": 1, "achieved": True},
        {"label": "B", "min": "90%"},
        {"label": "C", "when": [{"basis": "degree", "min": "80%"}, {"basis": "change", "min": 0}]},
        {"label": "D"},
    ]
)


def grade(baseline: str, target: str, actual: str) -> str:
    row = Indicator(
        baseline=parse_value(baseline),
        target=Target(value=parse_value(target)),
        actual=Actual(value=parse_value(actual)),
    )
    result = CITY.grade(row, default_judge().judge(row))
    assert result is not None
    return result.label


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "expected"),
    [
        ("70%", "100%", "85%", "C"),  # 85% achieved and better than the baseline
        ("90%", "100%", "85%", "D"),  # 85% achieved but worse than the baseline
        ("85%", "100%", "85%", "C"),  # unchanged: change 0 is not worse
        ("70%", "100%", "79%", "D"),  # better than the baseline but under 80%
        ("―", "100%", "85%", "D"),  # no baseline: the change is undefined, C does not hold
        ("90%", "100%", "95%", "B"),  # B has one condition only
        ("120件", "100件", "100件", "A"),
    ],
)
def test_several_conditions_must_all_hold(
    baseline: str, target: str, actual: str, expected: str
) -> None:
    """ "C: 80% or more achieved, unless worse than the baseline (then D)"."""
    assert grade(baseline, target, actual) == expected


def test_conditions_in_words() -> None:
    c = CITY.get("C").condition(CITY.basis)
    assert c.ja == "達成度80%以上かつ計画策定時からの変化率0%以上"
    assert c.en == "achievement degree 80% or more and change against the baseline 0% or more"
    assert "計画策定時からの変化率" in CITY.rule.ja  # the change basis is defined in the rule


@pytest.mark.parametrize(
    ("grades", "words"),
    [
        (
            [
                {"label": "A", "min": 1, "achieved": True, "when": [{"min": 1}]},
                {"label": "B"},
            ],
            "when",
        ),
        (
            [
                {"label": "A", "min": 1, "achieved": True},
                {"label": "B", "when": [{"basis": "change", "min": 0}]},
            ],
            "last grade",
        ),
        ([{"label": "A", "achieved": True, "when": []}, {"label": "B"}], "when"),
    ],
)
def test_invalid_conditions_are_refused(
    tmp_path: Path, grades: list[dict[str, object]], words: str
) -> None:
    """Both forms on one grade, a condition on the last grade, an empty list: refused in a file."""
    path = tmp_path / "city.json"
    data = {
        "name": "city",
        "title": {"ja": "市", "en": "city"},
        "basis": "degree",
        "grades": [{"meaning": {"ja": "-", "en": "-"}, **g} for g in grades],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SchemeFileError) as info:
        load_scheme(path)
    assert words in info.value.message("en")
    assert info.value.message("ja")


measurement = st.one_of(
    st.none(), st.decimals(min_value=-3, max_value=3, places=2, allow_nan=False)
)


@given(degree=measurement, change=measurement, progress=measurement, met=st.booleans())
def test_when_is_the_conjunction_of_its_conditions(
    degree: Decimal | None, change: Decimal | None, progress: Decimal | None, met: bool
) -> None:
    """A grade with ``when`` holds exactly when each one-condition grade holds."""
    conditions = (
        Condition(basis=Basis.DEGREE, min=Decimal("0.8")),
        Condition(basis=Basis.CHANGE, min=Decimal(0), strict=True),
        Condition(basis=Basis.PROGRESS, min=Decimal("0.5")),
    )
    measured = Measurements(met=met, degree=degree, change=change, progress=progress)
    both = Grade(label="X", meaning={"ja": "", "en": ""}, when=conditions)
    singles = [
        Grade(label="X", meaning={"ja": "", "en": ""}, basis=c.basis, min=c.min, strict=c.strict)
        for c in conditions
    ]
    assert both.holds(measured, Basis.MET) == all(g.holds(measured, Basis.MET) for g in singles)


@pytest.mark.parametrize("path", [TWO_ROWS, MERGED, HEADINGS])
def test_reports_of_the_new_tables_are_identical_across_processes(
    tmp_path: Path, path: Path
) -> None:
    """Two runs in separate processes, with different hash seeds, write the same JSON bytes."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"report-{seed}.json"
        subprocess.run(
            [sys.executable, "-c", "import sys; from achievement.cli import main; sys.exit(main())",
             "report", str(path), "--scheme", "degree", "-o", str(out)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )  # fmt: skip
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b'"series"' in outputs[0]


def test_compare_does_not_warn_about_grades_of_a_scheme_compared(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["compare", str(TWO_ROWS), "--schemes", "binary,degree", "--lang", "en"]) == 0
    assert "unknown published outcome" not in capsys.readouterr().err
    assert main(["compare", str(TWO_ROWS), "--schemes", "binary,baseline-4", "--lang", "en"]) == 0
    err = capsys.readouterr().err  # the cells that name no grade, with the scheme's grades
    assert err.count("is neither a grade of the scheme 'baseline-4'") == 5
    assert "unknown published outcome" not in err


@pytest.mark.parametrize(("path", "scheme"), [(TWO_ROWS, "degree"), (HEADINGS, "binary")])
def test_reports_of_the_new_tables_meet_the_report_schema(
    path: Path, scheme: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Series, published grades and skipped-row notes are all in `schema --report`."""
    jsonschema = pytest.importorskip("jsonschema")
    assert main(["schema", "--report"]) == 0
    schema = json.loads(capsys.readouterr().out)
    data, _ = report_json(capsys, str(path), "--scheme", scheme)
    jsonschema.validate(data, schema)


def test_grades_read_without_a_scheme_point_to_scheme(capsys: pytest.CaptureFixture[str]) -> None:
    """Grade letters in the 評価 column without --scheme: the warning says to name the scheme."""
    main(["validate", str(TWO_ROWS), "--lang", "ja"])
    assert "--scheme で区分の名前を指定してください" in capsys.readouterr().out
    main(["validate", str(TWO_ROWS), "--lang", "en"])
    assert "name the grading scheme with --scheme" in capsys.readouterr().out
