"""A fuzz of the command over generated CSV, XLSX and YAML files.

Random bytes, random cells and random structure: the command never ends in
a traceback, exits with 0, 1 or 2, and every row it reads is either judged
or a problem.  The suite runs a few examples of each; for thousands::

    pytest tests/test_hostile_fuzz.py --hypothesis-profile=fuzz
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from achievement.cli import main

FUZZ = settings.get_profile("fuzz")


def examples(default: int) -> int:
    """``default`` examples, or the fuzz profile's when it is the one loaded."""
    return FUZZ.max_examples if settings.default.max_examples == FUZZ.max_examples else default


HEADERS = ["基本目標", "施策", "評価指標", "計画策定時", "目標", "実績", "評価", "取組状況等"]
WORDS = ["10%", "60%", "年5件(累計31件)", "推進", "―", "増加", "減少", "達成", "未達成", "1E+308"]
WORDS += ["=1+1", "-5", "@x", "<script>", "\x1b[31m", "\x00", "12345678901234567890123万"]
WORDS += ["【基本目標1】A", "1. B(重点施策)", "令和7年度", "以上", "件", ""]

cell_text = st.one_of(
    st.sampled_from(WORDS),
    st.text(max_size=12),
    st.builds(lambda a, b: a + b, st.sampled_from(WORDS), st.sampled_from(WORDS)),
)
rows = st.lists(st.lists(cell_text, max_size=len(HEADERS) + 1), max_size=6)

SUMMARY = re.compile(r"read (\d+) of (\d+) rows; \d+ problem\(s\) in (\d+) row\(s\)")


def check(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Run ``validate`` on ``path``: a clean exit, and rows in = judged + rows with problems."""
    code = main(["validate", str(path), "--lang", "en"])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), err
    assert "Traceback" not in err
    assert "internal error" not in err
    if code == 2:
        assert err.startswith("achievement: error: ")
        return
    found = SUMMARY.search(out)
    assert found is not None, out
    judged, total, left = (int(n) for n in found.groups())
    assert total == judged + left


def fuzz_settings(default: int) -> settings:
    return settings(
        max_examples=examples(default),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@fuzz_settings(25)
@given(data=st.one_of(st.binary(max_size=200), st.binary(max_size=40).map(lambda b: b * 20)))
def test_fuzz_csv_bytes(data: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    """Random bytes after a plausible header."""
    with TemporaryDirectory() as folder:
        path = Path(folder) / "plan.csv"
        path.write_bytes(",".join(HEADERS).encode() + b"\r\n" + data)
        check(path, capsys)


@fuzz_settings(25)
@given(header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8), body=rows)
def test_fuzz_csv_cells(
    header: list[str], body: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Random cells under random headers."""
    out = io.StringIO()
    csv.writer(out).writerows([header, *body])
    with TemporaryDirectory() as folder:
        path = Path(folder) / "plan.csv"
        path.write_text(out.getvalue(), encoding="utf-8")
        check(path, capsys)


@fuzz_settings(15)
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8),
    body=st.lists(
        st.lists(
            st.one_of(cell_text, st.none(), st.integers(-(10**30), 10**30), st.floats()),
            max_size=9,
        ),
        max_size=6,
    ),
    merges=st.lists(
        st.tuples(st.integers(1, 8), st.integers(1, 9), st.integers(0, 3), st.integers(0, 2)),
        max_size=3,
    ),
)
def test_fuzz_xlsx(
    header: list[str],
    body: list[list[object]],
    merges: list[tuple[int, int, int, int]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Random cells (text, numbers, control characters) and random merged ranges in a workbook."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in body:
        sheet.append([_storable(value) for value in row])
    taken: set[tuple[int, int]] = set()
    for top, left, down, right in merges:
        cells = {(r, c) for r in range(top, top + down + 1) for c in range(left, left + right + 1)}
        if len(cells) > 1 and not cells & taken:
            taken |= cells
            sheet.merge_cells(
                start_row=top, start_column=left, end_row=top + down, end_column=left + right
            )
    with TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        book.save(path)
        check(path, capsys)


def _storable(value: object) -> object:
    """A value openpyxl will store: characters XML cannot hold are dropped from text."""
    if isinstance(value, str):
        return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", value)
    return value


scalars = st.one_of(cell_text, st.integers(), st.booleans(), st.none())
plan_like = st.fixed_dictionaries(
    {
        "goals": st.lists(
            st.fixed_dictionaries(
                {
                    "title": cell_text,
                    "measures": st.lists(
                        st.fixed_dictionaries(
                            {
                                "title": cell_text,
                                "indicators": st.lists(
                                    st.dictionaries(
                                        st.sampled_from(
                                            ["name", "target", "actual", "baseline", "style"]
                                        ),
                                        scalars,
                                    ),
                                    max_size=3,
                                ),
                            }
                        ),
                        max_size=2,
                    ),
                }
            ),
            max_size=2,
        )
    },
    optional={"title": scalars, "scheme": scalars, "target_year": scalars},
)
structure = st.recursive(scalars, lambda inner: st.lists(inner) | st.dictionaries(cell_text, inner))


@fuzz_settings(25)
@given(data=st.one_of(plan_like, structure), garble=st.binary(max_size=8))
def test_fuzz_yaml(data: object, garble: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    """Random plan-like and random structures as YAML, sometimes with garbage appended."""
    text = yaml.safe_dump(data, allow_unicode=True).encode("utf-8") + garble
    with TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        path.write_bytes(text)
        check(path, capsys)
