"""Start-up: each command line imports only what it uses."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest


def _loaded(argv: list[str]) -> set[str]:
    code = textwrap.dedent(
        f"""
        import contextlib, io, json, sys
        from achievement.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            main({argv!r})
        print(json.dumps(sorted(sys.modules)))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


@pytest.mark.parametrize(
    ("argv", "absent"),
    [
        (["--version"], ["achievement.readers", "achievement.render", "achievement.cli._options"]),
        (
            ["judge", "--target", "1件", "--actual", "2件"],
            # the terminal sanitiser (achievement.render._safe) is used; no renderer is
            ["achievement.readers", "achievement.render.text_", "achievement.rollup", "rich"],
        ),
        (["report", "--format", "md"], ["rich", "jinja2", "openpyxl", "yaml", "polars", "pyarrow"]),
    ],
    ids=["version", "judge", "report-md"],
)
def test_a_command_imports_only_what_it_uses(argv: list[str], absent: list[str]) -> None:
    loaded = _loaded(argv)
    assert not loaded & set(absent), sorted(loaded & set(absent))
