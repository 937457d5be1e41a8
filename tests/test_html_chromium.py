"""The HTML report opened in a real headless Chromium: the DOM it builds and the picture it draws."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from achievement import Outcome, Plan
from achievement.render import render
from achievement.rollup import Report, evaluate_plan

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; .ci/run installs it with apt-get")
    pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )


class _Collector(HTMLParser):
    """Collects the measure bars and the totals from a DOM dump."""

    def __init__(self) -> None:
        super().__init__()
        self.bars: list[dict[str, str | None]] = []
        self.totals: dict[str, str] = {}
        self._total: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "g" and found.get("class") == "measure-bar":
            self.bars.append(found)
        self._total = found.get("data-total")

    def handle_data(self, data: str) -> None:
        if self._total is not None:
            self.totals[self._total] = data.strip()
            self._total = None


@pytest.fixture(scope="module")
def page(taito_report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Taito report written as an HTML file."""
    path = tmp_path_factory.mktemp("html") / "report.html"
    html = render(taito_report, "html", lang="ja")
    assert isinstance(html, str)
    path.write_text(html, encoding="utf-8")
    return path


def test_chromium_dom_has_a_bar_per_measure_and_the_totals(page: Path, tmp_path: Path) -> None:
    """Chromium's DOM has 16 measure bars, totals 28/20/8, 71.4% and 28 detail rows."""
    dom = _run(tmp_path, "--dump-dom", page.as_uri()).stdout
    collector = _Collector()
    collector.feed(dom)
    assert [bar["data-measure"] for bar in collector.bars] == [str(n) for n in range(1, 17)]
    assert sum(int(bar["data-achieved"] or 0) for bar in collector.bars) == 20
    assert sum(int(bar["data-not-achieved"] or 0) for bar in collector.bars) == 8
    assert collector.totals == {
        "indicators": "28",
        "achieved": "20",
        "not_achieved": "8",
        "not_evaluable": "0",
        "rate": "71.4%",
    }
    detail = dom.split('id="detail"', 1)[1].split("</table>", 1)[0]
    assert detail.count("<tr>") == 1 + 28


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = height = 0
    idat = b""
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        body = data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    return width, height, zlib.decompress(idat)


def test_chromium_screenshot_is_not_blank(page: Path, tmp_path: Path) -> None:
    """Chromium draws the page into a PNG with many distinct colours, not a blank sheet."""
    shot = tmp_path / "report.png"
    _run(tmp_path, "--window-size=1200,1400", f"--screenshot={shot}", page.as_uri())
    width, height, raw = _png_pixels(shot.read_bytes())
    assert (width, height) == (1200, 1400)
    assert len(set(raw)) > 32


# The report a council reads: the plan's name, the judgments that differ from the
# published ones, a layout for 1280 px screens and for A4 paper.

SCREENSHOTS_ENV = "ACHIEVEMENT_SCREENSHOTS"
"""A folder to keep the screenshots in, to look at them; by default they stay in tmp_path."""

TITLES = {
    "ja": "台東区情報化推進計画 達成状況 (2020年度 → 2025年度)",
    "en": "台東区情報化推進計画: achievement report (FY2020 to FY2025)",
}

_MEASURE = """<script>
window.addEventListener("load", () => {
  const heights = [...document.querySelectorAll("#detail th")].map(
    (th) => th.getBoundingClientRect().height);
  const out = document.createElement("pre");
  out.id = "measured";
  out.textContent = JSON.stringify({
    scrollWidth: document.documentElement.scrollWidth,
    detailHeader: Math.max(...heights),
    detailRow: document.querySelector("#detail td.indicator").getBoundingClientRect().width,
  });
  document.body.appendChild(out);
});
</script>"""
"""Measures the laid-out page: injected into a copy of the page under test only."""


@pytest.fixture(scope="module")
def disagreeing(taito_plan: Plan) -> Report:
    """The Taito plan with two published outcomes turned round: rows 4 and 6 now differ."""
    flipped = {
        4: (Outcome.ACHIEVED, "達成"),  # オンライン手続比率, judged 未達成
        6: (Outcome.NOT_ACHIEVED, "×"),  # マイナンバーカード交付率, judged 達成
    }
    entries = tuple(
        entry.model_copy(
            update=dict(zip(("recorded", "recorded_text"), flipped[entry.row], strict=True))
        )
        if entry.row in flipped
        else entry
        for entry in taito_plan.indicators
    )
    return evaluate_plan(taito_plan.model_copy(update={"indicators": entries}))


def _page(report: Report, lang: str, folder: Path, *, measure: bool = False) -> Path:
    html = render(report, "html", lang=lang)
    assert isinstance(html, str)
    if measure:
        html = html.replace("</body>", _MEASURE + "</body>")
    path = folder / f"report-{lang}{'-measured' if measure else ''}.html"
    path.write_text(html, encoding="utf-8")
    return path


def _keep(shot: Path) -> None:
    folder = os.environ.get(SCREENSHOTS_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(folder) / shot.name)


class _Rows(HTMLParser):
    """The title, and the rows of the disagreement list and the detail table, from a DOM."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.listed: list[str | None] = []
        self.listed_names: list[str] = []
        self.detail_disagrees = 0
        self._in: str | None = None
        self._table: str | None = None
        self._cell: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "h1" and found.get("id") == "title":
            self._in = "title"
        if tag == "table":
            self._table = found.get("id")
        if tag == "tr" and "disagrees" in (found.get("class") or "").split():
            if self._table == "disagreement-list":
                self.listed.append(found.get("data-row"))
            elif self._table == "detail":
                self.detail_disagrees += 1
        if tag == "td" and self._table == "disagreement-list":
            self._cell = found.get("class")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in = None
        if tag == "table":
            self._table = None
        if tag == "td":
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        if self._cell is not None and "indicator" in self._cell.split():
            self.listed_names.append(data.strip())


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_dom_has_the_title_and_the_disagreement_list(
    disagreeing: Report, lang: str, tmp_path: Path
) -> None:
    """Chromium's DOM heads the page with the plan's name and lists the two rows whose
    published outcome differs, before the totals; both rows are highlighted in the detail."""
    dom = _run(tmp_path, "--dump-dom", _page(disagreeing, lang, tmp_path).as_uri()).stdout
    rows = _Rows()
    rows.feed(dom)
    assert rows.title == TITLES[lang]
    assert rows.listed == ["4", "6"]
    assert rows.listed_names == ["オンライン手続比率", "マイナンバーカード交付率"]
    assert rows.detail_disagrees == 2
    count = {"ja": "異なる評価指標: 2件", "en": "differs from the published one: 2"}[lang]
    assert dom.index(count) < dom.index('id="disagreement-list"') < dom.index('id="totals"')


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_screenshot_at_1280_pixels(disagreeing: Report, lang: str, tmp_path: Path) -> None:
    """At 1280 px the page does not scroll sideways (wide tables scroll in their own box),
    and no header of the detail table is broken letter by letter (at most two lines)."""
    page = _page(disagreeing, lang, tmp_path, measure=True)
    dom = _run(tmp_path, "--window-size=1280,1000", "--dump-dom", page.as_uri()).stdout
    measured = json.loads(dom.split('<pre id="measured">', 1)[1].split("</pre>", 1)[0])
    assert measured["scrollWidth"] <= 1280
    assert measured["detailHeader"] < 3 * 16
    assert measured["detailRow"] >= 150  # an indicator's name is not squeezed to a column
    shot = tmp_path / f"report-{lang}-1280.png"
    _run(
        tmp_path,
        "--window-size=1280,2600",
        "--hide-scrollbars",
        f"--screenshot={shot}",
        _page(disagreeing, lang, tmp_path).as_uri(),
    )
    width, height, raw = _png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 2600)
    assert len(set(raw)) > 32
    _keep(shot)


A4_LANDSCAPE = (841.92, 594.96)
"""A4 in PDF points, landscape."""


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_print_to_pdf_on_a4_landscape(disagreeing: Report, lang: str, tmp_path: Path) -> None:
    """Printed, the page is A4 landscape, and each section starts a new page: the summary,
    the highlights and the detail each on pages of their own, after the chart."""
    page = _page(disagreeing, lang, tmp_path)
    pdf = tmp_path / f"report-{lang}.pdf"
    _run(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = {
        tuple(round(float(n), 2) for n in box.split()[2:])
        for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", data)
    }
    assert boxes == {A4_LANDSCAPE}
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    assert pages >= 4
    _keep(pdf)
    # the print stylesheet as the screen shows it, at the width of the A4 page (96 dpi)
    html = page.read_text(encoding="utf-8").replace("@media print {", "@media all {")
    as_print = tmp_path / f"report-{lang}-print.html"
    as_print.write_text(html, encoding="utf-8")
    shot = tmp_path / f"report-{lang}-print.png"
    _run(
        tmp_path,
        "--window-size=1123,1600",
        "--hide-scrollbars",
        f"--screenshot={shot}",
        as_print.as_uri(),
    )
    width, _height, raw = _png_pixels(shot.read_bytes())
    assert width == 1123
    assert len(set(raw)) > 32
    _keep(shot)
