"""The HTML report opened in a real headless Chromium: the DOM it builds and the picture it draws."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from achievement.render import render
from achievement.rollup import Report

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
