"""The bundled example is found in a source checkout and inside an installed wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from achievement.readers import bundled_example, read_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "taito-2025" / "taito-2025.csv"


def test_bundled_example_in_checkout() -> None:
    """In a source checkout the bundled example is a readable copy of the Taito CSV."""
    path = bundled_example()
    assert path.read_bytes() == EXAMPLE.read_bytes()
    assert read_plan(path).rows == 28


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout with pip (skipped when pip cannot build one)."""
    folder = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    wheels = sorted(folder.glob("achievement-*.whl"))
    if done.returncode != 0 or not wheels:
        pytest.skip(f"pip cannot build a wheel here: {done.stderr.strip()[-300:]}")
    return wheels[0]


def test_wheel_holds_the_example(wheel: Path) -> None:
    """The wheel carries the Taito CSV as package data, byte for byte."""
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("achievement/data/taito-2025.csv") == EXAMPLE.read_bytes()


def test_installed_wheel_finds_the_example(wheel: Path, tmp_path: Path) -> None:
    """Installed from the wheel, bundled_example() is the file inside the installed package."""
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)  # a wheel is installed by unpacking it
    code = (
        "import achievement.readers as r; p = r.bundled_example(); "
        "print(p); print(r.read_plan(p).rows)"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}  # ahead of the checkout's own path
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
    )
    where, rows = done.stdout.splitlines()
    assert Path(where).is_relative_to(target)
    assert rows == "28"
